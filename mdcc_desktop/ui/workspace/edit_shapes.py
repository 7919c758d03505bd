"""The three shapes of an undoable workspace edit (add, remove, update), shared by ``ops`` and
``corrections``: each calls a service through the controller, so that a refusal is shown inline
and never reaches the undo stack, then puts the matching command on the stack."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from mdcc_desktop.domain.clock import now
from mdcc_desktop.services.conferences import Outcome
from mdcc_desktop.ui.workspace.controller import WorkspaceController

Apply = Callable[[int, dict[str, Any]], Any]


def stamp() -> dt.datetime:
    return now().replace(microsecond=0)


def add_edit(
    c: WorkspaceController, text: str, add: Callable[[], Outcome], remove: Callable[[int], Any]
) -> Outcome | None:
    """Add (``add`` is called again on redo, so it must build a fresh record each time)."""
    outcome = c.run(add)
    if outcome is None:
        return None
    c.show_message("")
    c.push_add(text, lambda: int(add().id), remove, outcome.id)
    return outcome


def remove_edit(
    c: WorkspaceController,
    text: str,
    record_id: int,
    remove: Callable[[int], Any],
    add_back: Callable[[], int],
) -> bool:
    if not c.attempt(lambda: remove(record_id)):
        return False
    c.push_remove(text, add_back, remove, record_id)
    return True


def update_edit(  # noqa: PLR0917 - each argument is a distinct part of the change
    c: WorkspaceController,
    text: str,
    apply: Apply,
    record_id: int,
    new: dict[str, Any],
    old: dict[str, Any],
) -> bool:
    return c.push_update(text, apply, record_id, new, old)
