"""The one window shown while the app is locked: a line saying so and the start's unlock dialog
(the passphrase, the slow-down after wrong tries, the recovery code) inside it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from mdcc_desktop.services.protection import Protection
from mdcc_desktop.ui.unlock.dialogs import UnlockDialog
from mdcc_desktop.ui.widgets.sizing import grow_to_contents


class LockUnlockDialog(UnlockDialog):
    """The unlock dialog as a part of the lock screen: Escape does not close it, and "Close
    without opening" asks to quit (everything is stored: the lock stored it)."""

    quit_requested = Signal()

    def __init__(self, protection: Protection, parent: QWidget | None = None) -> None:
        super().__init__(protection, parent)
        # Its "Close without opening" quits here: say so.
        close = QCoreApplication.translate("UnlockDialog", "Close without opening")
        for button in self.findChildren(QPushButton):
            if button.accessibleName() == close:
                button.setText(self.tr("&Quit MDCC Desktop (all is saved)"))
                button.setAccessibleName(self.tr("Quit MDCC Desktop"))
                self.quit_button = button

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # the lock stays: no way round it but the passphrase
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        self.quit_requested.emit()


class LockScreen(QWidget):
    """``unlocked(key)``: the chair typed the passphrase (or used the recovery code)."""

    unlocked = Signal(bytes)
    quit_requested = Signal()

    def __init__(self, protection: Protection) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.protection = protection
        self.setObjectName("LockScreen")
        self.setWindowTitle(self.tr("MDCC Desktop is locked"))
        self.setAccessibleName(self.tr("MDCC Desktop is locked"))
        self.intro = QLabel(
            self.tr(
                "MDCC Desktop is locked: what you typed is saved and the data is closed. Type "
                "the passphrase to go back to where you were."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setAccessibleName(self.tr("Why it is still locked"))
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.layout_ = QVBoxLayout(self)
        grow_to_contents(self.layout_)
        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.problem)
        self.dialog: LockUnlockDialog | None = None
        self.new_dialog()
        self.resize(520, 300)

    def new_dialog(self) -> LockUnlockDialog:
        """A fresh unlock dialog (no passphrase left in a field, the wait counted again)."""
        if self.dialog is not None:
            self.dialog.deleteLater()
        dialog = LockUnlockDialog(self.protection, self)
        dialog.setWindowFlags(Qt.WindowType.Widget)
        dialog.accepted.connect(self._accepted)
        dialog.quit_requested.connect(self.quit_requested)
        self.layout_.addWidget(dialog, 1)
        dialog.show()
        self.dialog = dialog
        return dialog

    def _accepted(self) -> None:
        dialog = self.dialog
        if dialog is None or dialog.db_key is None:
            return
        key, dialog.db_key = dialog.db_key, None  # the key stays with the database alone
        self.unlocked.emit(key)

    def say(self, text: str) -> None:
        """Why the unlock did not go through (the database could not be opened again)."""
        self.problem.setText(text)
        self.problem.show()
        self.new_dialog().passphrase.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the lock screen quits the app; it never shows the windows behind it.
        self.quit_requested.emit()
        super().closeEvent(event)
