"""Importing and exporting conference exchange files from the home window: the file is asked
for, and a refusal is told in a dialog naming every problem. The texts are translated in the
home window's context ("MainWindow"), with ``QCoreApplication.translate`` so that lupdate files
them there too (``window.tr`` would be filed under a context named "window")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.exchange import ExchangeError, left_out_text
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets.prompter import Prompter


def ask_import(
    window: QMainWindow, services: Services, prompter: Prompter, path: Path | None
) -> int | None:
    """Import an exchange file (asked for unless given); the new conference's id, or None
    after telling why not."""
    if path is None or not isinstance(path, Path):
        path = prompter.open_file(
            window,
            QCoreApplication.translate("MainWindow", "Import conference"),
            QCoreApplication.translate(
                "MainWindow", "Conference exchange files (*.json);;All files (*)"
            ),
        )
    if path is None:
        return None
    try:
        result = services.exchange.import_file(path)
    except ExchangeError as exc:
        count = len(exc.problems)  # a plain name: lupdate skips a call with a call as its count
        prompter.error(
            window,
            QCoreApplication.translate("MainWindow", "Import refused"),
            QCoreApplication.translate(
                "MainWindow",
                "%1 was not imported: %n problem(s). Nothing was changed.",
                "",
                count,
            )
            .replace("%1", path.name)
            .replace("%n", str(count)),
            "\n".join(exc.problems),
        )
        return None
    except MdccError as exc:
        prompter.error(
            window, QCoreApplication.translate("MainWindow", "Import failed"), message_text(exc)
        )
        return None
    window.statusBar().showMessage(
        QCoreApplication.translate("MainWindow", "Imported %1.").replace("%1", path.name), 5000
    )
    return result.conference_id


def ask_export(  # noqa: PLR0917 - each argument is a distinct part of the export
    window: QMainWindow,
    services: Services,
    prompter: Prompter,
    conference_id: int,
    reference: str,
    path: Path | None,
) -> bool:
    """Export a conference to a file (asked for unless given); whether it was written. The
    reporter's identity goes in only if the chair ticks it, with a reason (issue 11 point 5)."""
    from mdcc_desktop.ui.records.dialogs import ask_reporter_identity

    if (choice := ask_reporter_identity(window, services, prompter, conference_id)) is None:
        return False
    if path is None or not isinstance(path, Path):
        suggested = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in reference) + ".json"
        path = prompter.save_file(
            window,
            QCoreApplication.translate("MainWindow", "Export conference"),
            suggested,
            QCoreApplication.translate("MainWindow", "Conference exchange files (*.json)"),
        )
    if path is None:
        return False
    try:
        left_out = services.exchange.export_file(conference_id, path, **choice)
    except OSError as exc:
        prompter.error(
            window,
            QCoreApplication.translate("MainWindow", "Export failed"),
            QCoreApplication.translate("MainWindow", "%1 could not be written: %2")
            .replace("%1", str(path))
            .replace("%2", exc.strerror or str(exc)),
        )
        return False
    except MdccError as exc:
        prompter.error(
            window, QCoreApplication.translate("MainWindow", "Export failed"), message_text(exc)
        )
        return False
    done = QCoreApplication.translate("MainWindow", "Exported to %1.").replace("%1", str(path))
    # What the file has no place for (the booked meetings, the plan's outcomes...) is said.
    lost = left_out_text(left_out, message_text)
    window.statusBar().showMessage(f"{done} {lost}" if lost else done, 15000 if lost else 5000)
    return True
