"""Messages from below the interface (services, store, domain) in the interface's language.

The English templates live once, in ``domain/messages.py``, marked for ``pyside6-lupdate`` under
the context "Messages"; :func:`message_text` translates a message's template in that context and
fills in its parameters. Errors that carry no message (a bug, a library's own exception) show
their text as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.messages import Message, render


def _translate(template: str) -> str:
    # The text is an entry of domain/messages.py's CATALOGUE, extracted from there.
    return QCoreApplication.translate("Messages", template)


def message_text(item: BaseException | Message | str) -> str:
    """What to show for an error, a message or a plain string, translated where it can be."""
    if isinstance(item, MdccError) and item.messages:
        return "\n".join(render(m, _translate) for m in item.messages)
    if isinstance(item, Message | str):
        return render(item, _translate)
    return str(item)
