"""The unlock and set-up screens work from the keyboard by their mnemonics, pressed as a chair
presses them: real Alt+letter key events (QTest) sent to the widget that has the focus of the
active window, under the offscreen platform as on a desktop.

Two things to know when testing this: Qt matches shortcuts only for the active window (the
dialog is shown, exposed and activated first), and a button's mnemonic "animates" its click,
which lands some 100 ms later (each check waits for the effect rather than looking at once).
Every label's mnemonic moves to its field, every button's presses it, no letter is used twice
in a window (its two pages together), and a hidden page's letters do nothing."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QWidget

from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.protection import FolderState, Protection
from mdcc_desktop.ui.unlock.dialogs import SetUpDialog, UnlockDialog

CODE = "0A1B2-C3D4E-5F6G7-H8J9K-MNPQR-STVWX"
MNEMONIC = re.compile(r"&([^&\s])")


def shown(qtbot: Any, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def alt(letter: str) -> None:
    """Alt+``letter`` pressed: the key goes to the widget with the focus, as a keyboard's."""
    target = QApplication.focusWidget()
    assert target is not None
    QTest.keyClick(
        target, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier
    )


def focus_is(qtbot: Any, widget: QWidget) -> None:
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def letters(window: QWidget) -> list[str]:
    """The mnemonic letters of every label and button in ``window``, hidden pages included."""
    found = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        found += [m.lower() for m in MNEMONIC.findall(widget.text().replace("&&", ""))]
    return found


def buttons_without_mnemonic(window: QWidget) -> list[str]:
    return [b.text() for b in window.findChildren(QAbstractButton) if not MNEMONIC.search(b.text())]


def test_the_unlock_screen_by_its_mnemonics(qtbot: Any, locked: Path) -> None:
    dialog = shown(qtbot, UnlockDialog(Protection(AppPaths(locked))))
    assert isinstance(dialog, UnlockDialog)
    dialog.unlock_button.setFocus()
    focus_is(qtbot, dialog.unlock_button)
    alt("p")  # &Passphrase:
    focus_is(qtbot, dialog.passphrase)
    alt("u")  # &Unlock, with nothing typed
    qtbot.waitUntil(lambda: "Type the passphrase first" in dialog.status.text())
    alt("r")  # Use the &recovery code…
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1)
    focus_is(qtbot, dialog.code)
    alt("n")  # &New passphrase:
    focus_is(qtbot, dialog.new_first)
    alt("w")  # Repeat the ne&w passphrase:
    focus_is(qtbot, dialog.new_again)
    alt("c")  # Recovery &code:
    focus_is(qtbot, dialog.code)
    alt("s")  # &Set the new passphrase and open, with no code typed
    qtbot.waitUntil(lambda: "Type the recovery code first" in dialog.recovery_status.text())
    alt("b")  # &Back to the passphrase
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 0)
    focus_is(qtbot, dialog.passphrase)
    alt("n")  # the recovery page's letter, now hidden: nothing moves
    QTest.qWait(150)
    assert dialog.passphrase.hasFocus()
    assert sorted(letters(dialog)) == sorted(set(letters(dialog)))  # each letter once
    assert buttons_without_mnemonic(dialog) == []
    alt("o")  # Cl&ose without opening
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.db_key is None


def test_the_set_up_screen_by_its_mnemonics(qtbot: Any, tmp_path: Path) -> None:
    protection = Protection(AppPaths(tmp_path / "data"))
    dialog = shown(qtbot, SetUpDialog(protection, existing=False))
    assert isinstance(dialog, SetUpDialog)
    focus_is(qtbot, dialog.first)
    alt("r")  # &Repeat the passphrase:
    focus_is(qtbot, dialog.again)
    alt("p")  # &Passphrase:
    focus_is(qtbot, dialog.first)
    alt("e")  # &Encrypt with this passphrase, with nothing typed
    qtbot.waitUntil(lambda: "at least" in dialog.status.text())
    assert protection.state() is FolderState.NEW
    assert buttons_without_mnemonic(dialog) == []
    alt("o")  # Cl&ose without opening
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_the_recovery_code_page_by_its_mnemonics(qtbot: Any, tmp_path: Path) -> None:
    dialog = SetUpDialog(Protection(AppPaths(tmp_path / "data")), existing=False)
    dialog.show_code(CODE)
    shown(qtbot, dialog)
    alt("l")  # type its &last group
    focus_is(qtbot, dialog.check)
    QTest.keyClicks(dialog.check, CODE.rsplit("-", 1)[-1])
    assert dialog.done_button.isEnabled()
    assert sorted(letters(dialog)) == sorted(set(letters(dialog)))
    assert buttons_without_mnemonic(dialog) == []
    alt("d")  # &Done: open MDCC Desktop
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Accepted
