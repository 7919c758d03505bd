"""The unlock screen, driven by keyboard through pytest-qt on real data folders: setting up a
new or plain folder (the recovery code shown once and checked), unlocking (a wrong passphrase
said, the slow-down counted down, the recovery path), and the GUI and the command line opening
each other's folders."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from mdcc_desktop.domain.clock import FixedClock, use
from mdcc_desktop.domain.models import Case, Child
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.protection import (
    FREE_TRIES,
    FolderState,
    Protection,
    WaitBeforeTryingError,
)
from mdcc_desktop.store import keys
from mdcc_desktop.ui.unlock.dialogs import SetUpDialog, UnlockDialog, strength
from mdcc_desktop.ui.unlock.hook import UnlockCancelledError, dialog_for, make_hook
from tests.conftest import TEST_PASSPHRASE, dump_database, split_recovery_notice

SECRET = "Philippa Marchbanks-Oyelaran"
NEW_PASSPHRASE = "four unrelated words here"


def type_into(qtbot: Any, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, text)


def files_holding(folder: Path, text: str) -> list[str]:
    needles = [text.encode("utf-8"), text.encode("utf-16-le")]
    return [
        str(p.relative_to(folder))
        for p in sorted(folder.rglob("*"))
        if p.is_file() and any(n in p.read_bytes() for n in needles)
    ]


def set_up_by_keyboard(qtbot: Any, dialog: SetUpDialog, passphrase: str) -> None:
    type_into(qtbot, dialog.first, passphrase)
    type_into(qtbot, dialog.again, passphrase)
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)  # the default button


def test_set_up_of_a_plain_folder_encrypts_everything_and_checks_the_code(
    qtbot: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    plain = Services.open(AppPaths(data))  # a folder from before encryption, with a backup
    case_id = plain.store.add_case(Case(reference="CP-GUI", jurisdiction="ENG"))
    plain.store.add_child(Child(case_id=case_id, name=SECRET))
    plain.close()
    AppPaths(data).backups.mkdir(parents=True, exist_ok=True)
    (AppPaths(data).backups / "mdcc-before.sqlite3").write_bytes(
        AppPaths(data).database.read_bytes()
    )
    assert files_holding(data, SECRET)

    protection = Protection(AppPaths(data))
    dialog = dialog_for(protection, protection.state())
    assert isinstance(dialog, SetUpDialog)
    qtbot.addWidget(dialog)
    dialog.show()

    # Two different passphrases are said, and nothing is set up.
    type_into(qtbot, dialog.first, NEW_PASSPHRASE)
    type_into(qtbot, dialog.again, NEW_PASSPHRASE + "x")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert "differ" in dialog.status.text()
    assert protection.state() is FolderState.PLAIN

    set_up_by_keyboard(qtbot, dialog, NEW_PASSPHRASE)
    assert dialog.pages.currentIndex() == 1
    code = dialog.code.text()
    assert code and dialog.recovery_code == code
    # Closing before the code is checked does not leave: it is not shown again.
    dialog.reject()
    assert dialog.isVisible()
    assert not dialog.done_button.isEnabled()
    type_into(qtbot, dialog.check, "ZZZZZ")
    assert not dialog.done_button.isEnabled()
    assert "not the code" in dialog.check_status.text()
    type_into(qtbot, dialog.check, code.rsplit("-", 1)[-1].lower())
    assert dialog.done_button.isEnabled()
    qtbot.keyClick(dialog.check, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted

    assert dialog.db_key is not None
    assert files_holding(data, SECRET) == []  # database, WAL, backups, every file
    services = Services.open(AppPaths(data), key=dialog.db_key)
    try:
        assert any(SECRET in line for line in dump_database(services.store.db))
    finally:
        services.close()
    # The recovery code shown opens it.
    assert Protection(AppPaths(data)).recover(code, "yet another passphrase") == dialog.db_key


def test_the_strength_hint_is_said_in_words() -> None:
    assert strength("short") == 0
    assert strength("abcdefgh") == 1
    assert strength("Abcdefgh1234") == 2
    assert strength(NEW_PASSPHRASE) == 3


def test_a_short_passphrase_is_refused_on_set_up(qtbot: Any, tmp_path: Path) -> None:
    protection = Protection(AppPaths(tmp_path / "data"))
    dialog = SetUpDialog(protection, existing=False)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.first, "short")
    assert "too short" in dialog.hint.text()
    set_up_by_keyboard(qtbot, dialog, "short")
    assert "at least" in dialog.status.text()
    assert protection.state() is FolderState.NEW


def test_a_wrong_passphrase_is_said_and_the_chair_tries_again(qtbot: Any, locked: Path) -> None:
    dialog = UnlockDialog(Protection(AppPaths(locked)))
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert "not the passphrase" in dialog.status.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.passphrase.text() == ""
    type_into(qtbot, dialog.passphrase, TEST_PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    Services.open(AppPaths(locked), key=dialog.db_key).close()


def test_while_slowed_down_the_wait_is_shown_and_counted_down(qtbot: Any, locked: Path) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC))
    with use(clock):
        dialog = UnlockDialog(Protection(AppPaths(locked)))
        qtbot.addWidget(dialog)
        dialog.show()
        for _ in range(FREE_TRIES):
            type_into(qtbot, dialog.passphrase, "not the passphrase")
            qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        text = dialog.status.text()
        assert "not the passphrase" in text and "wait 1 second(s)" in text, text
        assert not dialog.unlock_button.isEnabled()
        assert dialog.timer.isActive()
        # The right passphrase typed now is not tried until the wait is over.
        type_into(qtbot, dialog.passphrase, TEST_PASSPHRASE)
        dialog.unlock()
        assert dialog.result() != QDialog.DialogCode.Accepted

        clock.advance(dt.timedelta(seconds=1))
        dialog.timer.timeout.emit()
        assert "try again now" in dialog.status.text()
        assert dialog.unlock_button.isEnabled()
        assert not dialog.timer.isActive()
        # Each further wrong try waits twice as long, counted down second by second.
        type_into(qtbot, dialog.passphrase, "still not the passphrase")
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        assert "wait 2 second(s)" in dialog.status.text()
        clock.advance(dt.timedelta(seconds=1))
        dialog.timer.timeout.emit()
        assert "wait 1 second(s)" in dialog.status.text()
        clock.advance(dt.timedelta(seconds=1))
        dialog.timer.timeout.emit()
        assert "try again now" in dialog.status.text()
        type_into(qtbot, dialog.passphrase, TEST_PASSPHRASE)
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_wait_from_an_earlier_start_shows_at_once(qtbot: Any, locked: Path) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC))
    with use(clock):
        protection = Protection(AppPaths(locked))
        for _ in range(FREE_TRIES + 2):
            with contextlib.suppress(keys.WrongSecretError, WaitBeforeTryingError):
                protection.unlock("wrong passphrase")
        dialog = UnlockDialog(Protection(AppPaths(locked)))
        qtbot.addWidget(dialog)
        dialog.show()
        assert "wait" in dialog.status.text()
        assert not dialog.unlock_button.isEnabled()


def test_the_recovery_code_sets_a_new_passphrase(qtbot: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    made = Protection(AppPaths(data)).set_up(TEST_PASSPHRASE)
    dialog = UnlockDialog(Protection(AppPaths(data)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.passphrase.setFocus()
    for _ in range(5):  # Tab to "Use the recovery code", Space presses it
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused.accessibleName() == "Use the recovery code":
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert dialog.pages.currentIndex() == 1
    type_into(qtbot, dialog.code, "00000-00000-00000-00000-00000-00000")
    type_into(qtbot, dialog.new_first, NEW_PASSPHRASE)
    type_into(qtbot, dialog.new_again, NEW_PASSPHRASE)
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    assert "does not open" in dialog.recovery_status.text()
    type_into(qtbot, dialog.code, made.recovery_code.lower())
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.db_key == made.db_key
    assert Protection(AppPaths(data)).unlock(NEW_PASSPHRASE) == made.db_key
    with pytest.raises(keys.WrongSecretError):
        Protection(AppPaths(data)).unlock(TEST_PASSPHRASE)


def test_a_missing_key_file_says_what_to_do(tmp_path: Path, locked: Path) -> None:
    (locked / keys.KEY_FILE_NAME).rename(tmp_path / "elsewhere.json")
    with pytest.raises(keys.KeyFileError, match="Put the key file back"):
        make_hook()(AppPaths(locked), None)  # type: ignore[arg-type]


def test_closing_the_unlock_screen_opens_nothing(
    qtbot: Any, locked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(UnlockDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    with pytest.raises(UnlockCancelledError):
        make_hook()(AppPaths(locked), None)  # type: ignore[arg-type]


def cli(*args: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MDCC_DATA_DIR"}
    return subprocess.run(
        [sys.executable, "-m", "mdcc_desktop.cli", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_gui_opens_what_the_cli_encrypted_and_the_cli_what_the_gui_did(
    qtbot: Any, tmp_path: Path
) -> None:
    by_cli = tmp_path / "by-cli"
    made = cli("demo", "--data-dir", by_cli)
    assert made.returncode == 0, made.stderr
    dialog = dialog_for(Protection(AppPaths(by_cli)), Protection(AppPaths(by_cli)).state())
    assert isinstance(dialog, UnlockDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.passphrase, TEST_PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    services = Services.open(AppPaths(by_cli), key=dialog.db_key)
    try:
        assert services.conferences.conference_ids() == [1]
    finally:
        services.close()

    by_gui = tmp_path / "by-gui"
    setup = SetUpDialog(Protection(AppPaths(by_gui)), existing=False)
    qtbot.addWidget(setup)
    setup.show()
    set_up_by_keyboard(qtbot, setup, TEST_PASSPHRASE)
    assert setup.db_key is not None
    Services.open(AppPaths(by_gui), key=setup.db_key).close()
    run = cli("demo", "--data-dir", by_gui)
    assert run.returncode == 0, run.stderr
    assert split_recovery_notice(run.stderr)[1] is None  # the GUI set it up: no new code
    assert cli("list", "--data-dir", by_gui).stdout.count("DEMO-") == 1


def test_smoke_stops_at_the_unlock_screen_without_a_passphrase(locked: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "MDCC_PASSPHRASE"}
    result = subprocess.run(
        [sys.executable, "-m", "mdcc_desktop", "--smoke", "--data-dir", str(locked)],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().isdigit()  # one time: to the unlock screen
    assert "Traceback" not in result.stderr


def test_unlock_imports_the_main_window_while_the_key_is_derived() -> None:
    """Pressing Unlock starts importing the main window's modules on a worker thread, so that
    they load during the key derivation instead of after it (a new process: this one has them)."""
    code = (
        "import sys, threading\n"
        "from mdcc_desktop.ui.unlock import preload\n"
        "assert not any(m in sys.modules for m in preload.MODULES), 'loaded too early'\n"
        "preload.start(); preload.start()\n"
        "workers = [t for t in threading.enumerate() if t.name == 'preload-main-window']\n"
        "assert len(workers) == 1, workers\n"
        "workers[0].join(120)\n"
        "assert all(m in sys.modules for m in preload.MODULES)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_the_unlock_button_starts_the_preload(qtbot: Any, locked: Path) -> None:
    from mdcc_desktop.ui.unlock import preload

    dialog = UnlockDialog(Protection(AppPaths(locked)))
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(TEST_PASSPHRASE)
    dialog.unlock()
    assert dialog.db_key is not None
    assert preload.started()
