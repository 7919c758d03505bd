"""Undoing the deletion of a conference from the home window."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QStatusBar

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.services.conferences import DeletedConference
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.messages import message_text


class HomeWindow(Protocol):
    """What the command needs of the window that deleted the conference."""

    services: Services

    def tr(self, text: str, disambiguation: str | None = ..., n: int = ...) -> str: ...
    def statusBar(self) -> QStatusBar: ...
    def refresh(self) -> None: ...
    def select_conference(self, conference_id: int | None) -> None: ...


class DeleteConferenceCommand(QUndoCommand):
    """A deleted conference: undo imports it again from the document its deletion returned
    (the reporter's identity included), redo deletes it again. The deletion is made before the
    command is pushed, so that a refused one never reaches the stack."""

    def __init__(self, window: HomeWindow, deleted: DeletedConference) -> None:
        super().__init__(
            QCoreApplication.translate("MainWindow", "Delete conference %1").replace(
                "%1", deleted.case_reference
            )
        )
        self.window = window
        self.deleted = deleted
        self.current_id: int | None = None
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        if self.current_id is None:
            return
        try:
            self.deleted = self.window.services.conferences.delete_conference(self.current_id)
        except MdccError as exc:
            self.window.statusBar().showMessage(message_text(exc), 8000)
            return
        self.current_id = None

    def undo(self) -> None:
        try:
            result = self.window.services.exchange.restore_document(
                self.deleted.document, self.deleted.links
            )
        except MdccError as exc:
            self.window.statusBar().showMessage(message_text(exc), 8000)
            return
        self.current_id = result.conference_id
        self.window.refresh()
        self.window.select_conference(result.conference_id)
        self.window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "The conference of %1 is back.").replace(
                "%1", self.deleted.case_reference
            ),
            5000,
        )
