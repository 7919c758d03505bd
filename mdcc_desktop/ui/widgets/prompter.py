"""How windows ask and tell: a protocol, and the dialogs that answer it (tests record instead)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget


class Prompter(Protocol):
    """How the window asks and tells; tests inject one that records instead of blocking."""

    def error(self, parent: QWidget, title: str, text: str, details: str = "") -> None: ...
    def info(self, parent: QWidget, title: str, text: str) -> None: ...
    def open_file(self, parent: QWidget, title: str, filters: str) -> Path | None: ...
    def save_file(
        self, parent: QWidget, title: str, suggested: str, filters: str
    ) -> Path | None: ...
    def choose_folder(self, parent: QWidget, title: str) -> Path | None: ...
    def run_dialog(self, dialog: QDialog) -> bool: ...
    def ask_text(self, parent: QWidget, title: str, label: str) -> str | None: ...
    def open_path(self, path: Path) -> None: ...
    def confirm(self, parent: QWidget, title: str, text: str) -> bool: ...


class DialogPrompter:
    def run_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def ask_text(self, parent: QWidget, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(parent, title, label)
        return text if ok else None

    def open_path(self, path: Path) -> None:
        """Open a file with the desktop's program for it (an .eml in the mail client)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def error(self, parent: QWidget, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent
        )
        if details:
            box.setDetailedText(details)
        box.exec()

    def info(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        """Yes or no, with no as the default (Enter does not delete)."""
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def open_file(self, parent: QWidget, title: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return Path(name) if name else None

    def save_file(self, parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return Path(name) if name else None

    def choose_folder(self, parent: QWidget, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title)
        return Path(name) if name else None
