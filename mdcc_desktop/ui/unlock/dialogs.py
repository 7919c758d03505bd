"""The set-up and unlock dialogs (see the package's docstring). Keyboard only: every field has
a label that is its buddy, every button a mnemonic used once in its window; states are said in
words (a status line), never by colour alone.

They are the first window of every start, so they build only what shows first: the recovery
page of the unlock screen when the chair asks for it, the recovery code's page of the set-up
once the passphrase is set; and nothing here touches Qt's ``Qt`` namespace before it is shown
(its first use builds every one of its enums, some 15 ms)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.services.protection import (
    MIN_PASSPHRASE_CHARS,
    AlreadySetUpError,
    Protection,
    WaitBeforeTryingError,
    WrongPassphraseError,
)
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.unlock import preload
from mdcc_desktop.ui.widgets import theme
from mdcc_desktop.ui.widgets.fields import buddy_label, line_edit
from mdcc_desktop.ui.widgets.sizing import grow_to_contents

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

TICK_MS = 1000


def strength(passphrase: str) -> int:
    """0 (too short) to 3 (strong): length counts most; a mix of kinds of character helps."""
    text = passphrase.strip()
    if len(text) < MIN_PASSPHRASE_CHARS:
        return 0
    kinds = sum(
        (
            any(c.islower() for c in text),
            any(c.isupper() for c in text),
            any(c.isdigit() for c in text),
            any(not c.isalnum() for c in text),
        )
    )
    words = len(text.split())
    if len(text) >= 20 or (words >= 4 and len(text) >= 16):
        return 3
    if len(text) >= 12 and kinds >= 2:
        return 2
    return 1


def _password_field(parent: QWidget, name: str) -> QLineEdit:
    edit = line_edit(parent, name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _status(parent: QWidget) -> QLabel:
    """The line that says what happened (an error, the wait): read out by a screen reader.
    Empty until something is said (:func:`_say`)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    return label


def _say(label: QLabel, text: str, tone: theme.Tone | None = theme.Tone.ERROR) -> None:
    """Say ``text`` on a status line (in ``tone``'s colour; None: the usual text colour)."""
    from PySide6.QtCore import Qt

    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    label.setText(text)
    label.setStyleSheet(theme.style(tone) if tone is not None else "")


def _wait_cursor() -> None:
    from PySide6.QtCore import Qt

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)


class _PreloadWhenShown(QDialog):
    """A first screen that gets the main window ready while the chair types (see preload)."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        preload.when_idle()


class SetUpDialog(_PreloadWhenShown):
    """A passphrase for a new folder (or one from before encryption), then the recovery code."""

    def __init__(self, protection: Protection, existing: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.protection = protection
        self.db_key: bytes | None = None
        self.recovery_code = ""
        self.setWindowTitle(self.tr("Protect this data folder"))
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._passphrase_page(existing))
        self.code_page: QWidget | None = None  # once the passphrase is set
        layout = QVBoxLayout(self)
        grow_to_contents(layout)
        layout.addWidget(self.pages)
        self.first.setFocus()

    def _passphrase_page(self, existing: bool) -> QWidget:
        page = QWidget(self)
        if existing:
            intro = self.tr(
                "The data in this folder is not encrypted yet. Choose a passphrase: the data "
                "is encrypted with it now, and it is asked each time MDCC Desktop starts."
            )
        else:
            intro = self.tr(
                "Choose a passphrase for this data folder: everything in it is encrypted, and "
                "the passphrase is asked each time MDCC Desktop starts."
            )
        text = QLabel(intro, page)
        text.setWordWrap(True)
        self.first = _password_field(page, self.tr("New passphrase"))
        self.again = _password_field(page, self.tr("The new passphrase again"))
        self.hint = QLabel(page)
        self.hint.setAccessibleName(self.tr("Passphrase strength"))
        self.status = _status(page)
        self.status.setAccessibleName(self.tr("What went wrong"))
        self.cont = QPushButton(self.tr("&Encrypt with this passphrase"), page)
        self.cont.setAccessibleName(self.tr("Encrypt with this passphrase"))
        self.cont.setDefault(True)
        self.cont.clicked.connect(self.set_up)
        cancel = QPushButton(self.tr("Cl&ose without opening"), page)
        cancel.setAccessibleName(self.tr("Close without opening"))
        cancel.clicked.connect(self.reject)
        self.first.textChanged.connect(self._show_strength)
        self._show_strength("")
        layout = QVBoxLayout(page)
        layout.addWidget(text)
        layout.addWidget(buddy_label(self.tr("&Passphrase:"), self.first, page))
        layout.addWidget(self.first)
        layout.addWidget(self.hint)
        layout.addWidget(buddy_label(self.tr("&Repeat the passphrase:"), self.again, page))
        layout.addWidget(self.again)
        layout.addWidget(self.status)
        layout.addLayout(_row(self.cont, cancel))
        return page

    def _code_page(self) -> QWidget:
        page = QWidget(self)
        text = QLabel(
            self.tr(
                "This is the recovery code. It opens the data folder if the passphrase is "
                "forgotten, and it is shown only now: write it down and keep it apart from "
                "this computer."
            ),
            page,
        )
        text.setWordWrap(True)
        from PySide6.QtCore import Qt

        self.code = QLabel(page)
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.code.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.code.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        font = QGuiApplication.font()
        font.setFamily("monospace")
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.code.setFont(font)
        self.check = line_edit(page, self.tr("The last group of the recovery code"))
        self.check_status = _status(page)
        self.check_status.setAccessibleName(self.tr("Whether the group matches"))
        self.done_button = QPushButton(self.tr("&Done: open MDCC Desktop"), page)
        self.done_button.setAccessibleName(self.tr("Done: open MDCC Desktop"))
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.accept)
        self.check.textChanged.connect(self._check_written)
        layout = QVBoxLayout(page)
        layout.addWidget(text)
        layout.addWidget(self.code)
        label = self.tr("To show it is written down, type its &last group (five characters):")
        layout.addWidget(buddy_label(label, self.check, page))
        layout.addWidget(self.check)
        layout.addWidget(self.check_status)
        layout.addLayout(_row(self.done_button))
        return page

    def _show_strength(self, text: str) -> None:
        level = strength(text)
        if level == 0:
            hint = self.tr(
                "Strength: too short (at least %n characters).", "", MIN_PASSPHRASE_CHARS
            )
        elif level == 1:
            hint = self.tr("Strength: weak. A few unrelated words make a strong passphrase.")
        elif level == 2:
            hint = self.tr("Strength: fair. Longer is stronger.")
        else:
            hint = self.tr("Strength: strong.")
        self.hint.setText(hint)

    def set_up(self) -> None:
        first, again = self.first.text(), self.again.text()
        if strength(first) == 0:
            self._say(
                self.tr(
                    "The passphrase must have at least %n characters.", "", MIN_PASSPHRASE_CHARS
                )
            )
            self.first.setFocus()
            return
        if first != again:
            self._say(self.tr("The two passphrases differ: type the same one twice."))
            self.again.clear()
            self.again.setFocus()
            return
        _wait_cursor()
        try:
            made = self.protection.set_up(first)
        except AlreadySetUpError:
            self._say(self.tr("This data folder already has a passphrase: close and start again."))
            return
        except MdccError as exc:
            self._say(message_text(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.first.clear()
        self.again.clear()
        self.db_key = made.db_key
        self.show_code(made.recovery_code)

    def show_code(self, recovery_code: str) -> None:
        """The recovery code's page (built now), showing ``recovery_code``."""
        self.recovery_code = recovery_code
        if self.code_page is None:
            self.code_page = self._code_page()
            self.pages.addWidget(self.code_page)
        self.code.setText(recovery_code)
        self.pages.setCurrentWidget(self.code_page)
        self.cont.setDefault(False)
        self.done_button.setDefault(True)  # Return in the check field, once it matches
        self.code.setFocus()

    def _say(self, text: str) -> None:
        _say(self.status, text)

    def _matches(self) -> bool:
        last = self.recovery_code.rsplit("-", 1)[-1]
        typed = self.check.text().strip().upper().replace(" ", "")
        return bool(last) and typed == last

    def _check_written(self, _text: str) -> None:
        ok = self._matches()
        self.done_button.setEnabled(ok)
        if ok:
            _say(self.check_status, self.tr("It matches."), tone=None)
        elif len(self.check.text().strip()) >= len(self.recovery_code.rsplit("-", 1)[-1]):
            _say(self.check_status, self.tr("That is not the code's last group."), tone=None)
        else:
            self.check_status.setText("")

    def reject(self) -> None:
        if self.db_key is not None and not self._matches():
            # Set up already: closing now would open without the code written down.
            _say(
                self.check_status,
                self.tr("Type the code's last group first: it is not shown again."),
                tone=None,
            )
            return
        super().reject()


class UnlockDialog(_PreloadWhenShown):
    """The passphrase for a locked folder, or the recovery code and a new passphrase."""

    def __init__(self, protection: Protection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.protection = protection
        self.db_key: bytes | None = None
        self.setWindowTitle(self.tr("Unlock MDCC Desktop"))
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._passphrase_page())
        self.recovery_page: QWidget | None = None  # when the chair asks for it
        layout = QVBoxLayout(self)
        grow_to_contents(layout)
        layout.addWidget(self.pages)
        self.passphrase.setFocus()
        self._tick()  # slowed down from an earlier start: the wait shows at once

    def _passphrase_page(self) -> QWidget:
        page = QWidget(self)
        text = QLabel(self.tr("The data folder is encrypted. Type its passphrase."), page)
        text.setWordWrap(True)
        self.passphrase = _password_field(page, self.tr("Passphrase"))
        self.status = _status(page)
        self.status.setAccessibleName(self.tr("What happened"))
        self.unlock_button = QPushButton(self.tr("&Unlock"), page)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        recover = QPushButton(self.tr("Use the &recovery code…"), page)
        recover.setAccessibleName(self.tr("Use the recovery code"))
        recover.clicked.connect(self.show_recovery)
        cancel = QPushButton(self.tr("Cl&ose without opening"), page)
        cancel.setAccessibleName(self.tr("Close without opening"))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.addWidget(text)
        layout.addWidget(buddy_label(self.tr("&Passphrase:"), self.passphrase, page))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.status)
        layout.addLayout(_row(self.unlock_button, recover, cancel))
        return page

    def _recovery_page(self) -> QWidget:
        page = QWidget(self)
        text = QLabel(
            self.tr(
                "Type the recovery code written down when the passphrase was set, and choose a "
                "new passphrase. The recovery code keeps working."
            ),
            page,
        )
        text.setWordWrap(True)
        self.code = line_edit(page, self.tr("Recovery code"))
        self.new_first = _password_field(page, self.tr("New passphrase"))
        self.new_again = _password_field(page, self.tr("The new passphrase again"))
        self.recovery_status = _status(page)
        self.recovery_status.setAccessibleName(self.tr("What went wrong"))
        self.recover_button = QPushButton(self.tr("&Set the new passphrase and open"), page)
        self.recover_button.setAccessibleName(self.tr("Set the new passphrase and open"))
        self.recover_button.clicked.connect(self.recover)
        back = QPushButton(self.tr("&Back to the passphrase"), page)
        back.setAccessibleName(self.tr("Back to the passphrase"))
        back.clicked.connect(self.show_passphrase)
        layout = QVBoxLayout(page)
        layout.addWidget(text)
        layout.addWidget(buddy_label(self.tr("Recovery &code:"), self.code, page))
        layout.addWidget(self.code)
        layout.addWidget(buddy_label(self.tr("&New passphrase:"), self.new_first, page))
        layout.addWidget(self.new_first)
        layout.addWidget(buddy_label(self.tr("Repeat the ne&w passphrase:"), self.new_again, page))
        layout.addWidget(self.new_again)
        layout.addWidget(self.recovery_status)
        layout.addLayout(_row(self.recover_button, back))
        return page

    def show_recovery(self) -> None:
        if self.recovery_page is None:
            self.recovery_page = self._recovery_page()
            self.pages.addWidget(self.recovery_page)
            self._tick()  # its button waits too while tries are slowed down
        self.pages.setCurrentWidget(self.recovery_page)
        self.unlock_button.setDefault(False)
        self.recover_button.setDefault(True)
        self.code.setFocus()

    def show_passphrase(self) -> None:
        self.pages.setCurrentIndex(0)
        if self.recovery_page is not None:
            self.recover_button.setDefault(False)
        self.unlock_button.setDefault(True)
        self.passphrase.setFocus()

    # --- trying ---------------------------------------------------------------------------------

    def unlock(self) -> None:
        if self.timer.isActive():
            return  # still waiting: the status line counts down
        given = self.passphrase.text()
        if not given:
            self._say(self.status, self.tr("Type the passphrase first."))
            return
        _wait_cursor()  # Qt's namespace made here, before the worker thread starts
        preload.start()  # the main window's modules not loaded yet, while the key is derived
        try:
            self.db_key = self.protection.unlock(given)
        except WrongPassphraseError:
            self.passphrase.clear()
            self._say(self.status, self.tr("That is not the passphrase. Try again."))
            self._tick(after_failure=True)
            return
        except WaitBeforeTryingError:
            self._tick()
            return
        except MdccError as exc:
            self._say(self.status, message_text(exc))
            return
        finally:
            preload.wait()  # before Qt is touched again (see preload)
            QGuiApplication.restoreOverrideCursor()
        self.passphrase.clear()
        self.accept()

    def recover(self) -> None:
        if self.timer.isActive():
            self._say(self.recovery_status, self.status.text())
            return
        code, first, again = self.code.text(), self.new_first.text(), self.new_again.text()
        if not code.strip():
            self._say(self.recovery_status, self.tr("Type the recovery code first."))
            self.code.setFocus()
            return
        if strength(first) == 0:
            self._say(
                self.recovery_status,
                self.tr(
                    "The passphrase must have at least %n characters.", "", MIN_PASSPHRASE_CHARS
                ),
            )
            self.new_first.setFocus()
            return
        if first != again:
            self._say(self.recovery_status, self.tr("The two passphrases differ."))
            self.new_again.clear()
            self.new_again.setFocus()
            return
        _wait_cursor()
        preload.start()
        try:
            self.db_key = self.protection.recover(code, first)
        except WrongPassphraseError:
            self._say(
                self.recovery_status,
                self.tr(
                    "That recovery code does not open this data folder. Check it and try again."
                ),
            )
            self._tick(after_failure=True)
            return
        except WaitBeforeTryingError:
            self._tick()
            self._say(self.recovery_status, self.status.text())
            return
        except MdccError as exc:
            self._say(self.recovery_status, message_text(exc))
            return
        finally:
            preload.wait()
            QGuiApplication.restoreOverrideCursor()
        for field in (self.code, self.new_first, self.new_again):
            field.clear()
        self.accept()

    # --- slowing down ---------------------------------------------------------------------------

    def _tick(self, after_failure: bool = False) -> None:
        """Show the wait while tries are slowed down, counted down each second."""
        wait = self.protection.seconds_to_wait()
        waiting = wait > 0
        self.unlock_button.setEnabled(not waiting)
        if self.recovery_page is not None:
            self.recover_button.setEnabled(not waiting)
        self.passphrase.setReadOnly(waiting)
        if waiting:
            if after_failure:
                text = self.tr(
                    "That is not the passphrase. Too many wrong tries: wait %n second(s) "
                    "before trying again.",
                    "",
                    wait,
                )
            else:
                text = self.tr(
                    "Too many wrong tries: wait %n second(s) before trying again.", "", wait
                )
            self._say(self.status, text)
            if not self.timer.isActive():
                self.timer.start()
        elif self.timer.isActive():
            self.timer.stop()
            _say(self.status, self.tr("You can try again now."), tone=None)
            self.passphrase.setFocus()

    @staticmethod
    def _say(label: QLabel, text: str) -> None:
        _say(label, text)


def _row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for b in buttons:
        row.addWidget(b)
    return row
