"""Backups in the GUI, with real widgets under offscreen and real encrypted files: File > Back
up now on a worker thread, the day's backup, the restore dialog (date and size, choose,
confirm, the window closes and the data is restored with the current file kept aside), and the
integrity screen a really damaged encrypted database shows (restore the latest good backup,
keeping the damaged file aside unchanged, or quit without changing anything)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from mdcc_desktop import app as gui
from mdcc_desktop.bootstrap import prepare
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.context import Services
from mdcc_desktop.store.errors import DatabaseCorruptError
from mdcc_desktop.ui.backups.dialogs import IntegrityScreen, RestoreDialog
from mdcc_desktop.ui.backups.restart import RESTART, Restart
from mdcc_desktop.ui.backups.runner import carry_out, offer_restore
from mdcc_desktop.ui.home.main_window import MainWindow
from tests.backups.sandbox import env
from tests.backups.test_backups import damage
from tests.conftest import DEMO, folder_key, open_services
from tests.ui.home.test_main_window import RecordingPrompter


class Prompter(RecordingPrompter):
    def __init__(self) -> None:
        super().__init__()
        self.answers: list[bool] = []
        self.asked: list[str] = []

    def confirm(self, parent: Any, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answers.pop(0)


@pytest.fixture(autouse=True)
def no_carry_over() -> Iterator[None]:
    Restart.forget()
    yield
    Restart.forget()


@pytest.fixture
def svc(data_dir: Path) -> Iterator[Services]:
    services = open_services(data_dir)
    services.exchange.import_file(DEMO)
    yield services
    services.close()


@pytest.fixture
def prompter() -> Prompter:
    return Prompter()


@pytest.fixture
def window(qtbot: Any, svc: Services, prompter: Prompter) -> MainWindow:
    w = MainWindow(svc, prompter)
    qtbot.addWidget(w)
    w.show()
    return w


def action(window: MainWindow, name: str) -> Any:
    from PySide6.QtGui import QAction

    found = [a for a in window.findChildren(QAction) if a.objectName() == name]
    assert len(found) == 1, name
    return found[0]


def test_back_up_now_runs_off_the_gui_thread(qtbot: Any, window: MainWindow, svc: Services) -> None:
    action(window, "back_up").trigger()
    job = window.backup_actions.job
    assert job is not None
    qtbot.waitUntil(lambda: "Backed up to" in window.statusBar().currentMessage(), timeout=30_000)
    made = svc.backups.backups()
    assert [b.kind for b in made] == ["manual"]
    assert b"Chan Ka-yan" not in made[0].path.read_bytes()
    assert job._thread.name == "backup"


def test_the_days_backup_is_made_once(qtbot: Any, window: MainWindow, svc: Services) -> None:
    assert window.backup_actions.daily()
    qtbot.waitUntil(lambda: not window.backup_actions.job.running(), timeout=30_000)
    qtbot.waitUntil(lambda: [b.kind for b in svc.backups.backups()] == ["daily"], timeout=5000)
    assert not window.backup_actions.daily()  # made today already


def test_restore_from_the_dialog(
    qtbot: Any, window: MainWindow, svc: Services, prompter: Prompter, data_dir: Path
) -> None:
    older = svc.backups.back_up("daily", dt.datetime(2026, 11, 2, 8, 30, tzinfo=dt.UTC))
    svc.backups.back_up("manual")
    svc.conferences.delete_conference(svc.conferences.list_conferences()[0].id)
    shown: list[RestoreDialog] = []

    def choose_the_older(dialog: RestoreDialog) -> None:
        shown.append(dialog)
        assert dialog.table.rowCount() == 2
        assert dialog.table.item(1, 1).text() == "Daily"
        assert dialog.table.item(1, 2).text()  # the size, as the locale writes it
        assert "2026" in dialog.table.item(1, 0).text()
        dialog.choose(1)
        dialog.restore_button.click()

    prompter.dialogs.append(choose_the_older)
    prompter.answers.append(True)
    assert window.backup_actions.restore()
    assert Restart.pending() and Restart.backup == older
    assert not window.isVisible()  # the window closed, so that the data can be replaced
    assert "kept aside" in prompter.asked[0]
    svc.close()
    assert carry_out(svc.paths, svc.settings.current) == RESTART
    assert Restart.key == folder_key(data_dir)  # the next window opens without asking
    again = open_services(data_dir)
    try:
        assert len(again.conferences.list_conferences()) == 1
        kinds = [b.kind for b in again.backups.backups()]
        assert "before-restore" in kinds
    finally:
        again.close()


def test_a_restore_not_confirmed_changes_nothing(
    window: MainWindow, svc: Services, prompter: Prompter
) -> None:
    svc.backups.back_up("manual")
    prompter.dialogs.append(lambda dialog: dialog.restore_button.click())
    prompter.answers.append(False)
    assert not window.backup_actions.restore()
    assert not Restart.pending() and window.isVisible()


SHOWN: list[str] = []


def _click_when_shown(button: str) -> QTimer:
    """Click ``button`` of the integrity screen as soon as it is up (it runs modally); what
    it said goes to SHOWN."""
    timer = QTimer()
    timer.setInterval(20)
    SHOWN.clear()

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, IntegrityScreen) and widget.isVisible():
                timer.stop()
                SHOWN.append(widget.problem.text() + "\n" + widget.offer.text())
                getattr(widget, button).click()

    timer.timeout.connect(look)
    timer.start()
    return timer


def _damaged_with_backup(data_dir: Path) -> tuple[Path, bytes]:
    services = open_services(data_dir)
    services.exchange.import_file(DEMO)
    services.backups.back_up("daily")
    services.close()
    database = AppPaths(data_dir).database
    damage(database)
    return database, database.read_bytes()


@pytest.mark.parametrize("choice", ["restore_button", "quit_button"])
def test_the_integrity_screen_at_open(qtbot: Any, data_dir: Path, choice: str) -> None:
    database, damaged_bytes = _damaged_with_backup(data_dir)
    boot = prepare(data_dir, console_log=False)
    with pytest.raises(DatabaseCorruptError) as info:
        open_services(data_dir)
    Restart.unlocked_with = folder_key(data_dir)
    timer = _click_when_shown(choice)
    restored = offer_restore(boot, info.value)
    timer.stop()
    assert len(SHOWN) == 1 and "damaged" in SHOWN[0]
    assert "Close MDCC Desktop" not in SHOWN[0]  # the screen offers the backup itself
    if choice == "quit_button":
        assert not restored
        assert database.read_bytes() == damaged_bytes  # nothing changed
        return
    assert restored
    aside = list((AppPaths(data_dir).backups / "damaged").iterdir())
    assert [p.read_bytes() for p in aside] == [damaged_bytes]
    services = open_services(data_dir)
    try:
        assert [c.case_reference for c in services.conferences.list_conferences()] == [
            "DEMO-FCPSU-2026-118"
        ]
    finally:
        services.close()


class FakeApp:
    def __init__(self) -> None:
        self.codes: list[int] = []

    def exit(self, code: int) -> None:
        self.codes.append(code)


def test_the_integrity_screen_after_the_window(qtbot: Any, data_dir: Path) -> None:
    database, damaged_bytes = _damaged_with_backup(data_dir)
    key = folder_key(data_dir)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    fake = FakeApp()
    clicker = _click_when_shown("restore_button")
    check = gui.IntegrityCheck(database, AppPaths(data_dir).backups, key).start()
    timer = gui.watch_integrity(fake, window, check)
    qtbot.waitUntil(lambda: not timer.isActive() and not clicker.isActive(), timeout=30_000)
    assert Restart.pending() and fake.codes == [0] and not window.isVisible()
    assert carry_out(AppPaths(data_dir), prepare(data_dir, console_log=False).settings.current)
    assert [p.read_bytes() for p in (AppPaths(data_dir).backups / "damaged").iterdir()] == [
        damaged_bytes
    ]
    services = open_services(data_dir)
    services.close()


def _gui(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mdcc_desktop", "--smoke", "--data-dir", str(data), *args],
        env=env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_gui_says_a_data_folder_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("hello")
    run = _gui(blocker)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "is a file, not a folder" in run.stderr
    assert blocker.read_text() == "hello"


def test_the_open_app_looks_again_for_a_new_day(
    qtbot: Any, window: MainWindow, svc: Services, data_dir: Path
) -> None:
    """Past midnight the periodic check finds no backup for the new day and makes one; while
    the app is locked (the store closed) it waits."""
    actions = window.backup_actions
    assert actions.timer.isActive() and actions.timer.interval() == 10 * 60 * 1000
    svc.store.close()
    assert not actions.daily()  # locked: nothing to copy, and no error shown
    svc.store.reopen(folder_key(data_dir))
    actions.timer.setInterval(10)  # the ten minutes, shortened
    qtbot.waitUntil(lambda: [b.kind for b in svc.backups.backups()] == ["daily"], timeout=30_000)


def test_the_app_restores_and_opens_again_on_the_restored_data(
    qtbot: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """app.main end to end: the check after the window finds the damage, the integrity screen
    restores the backup, and the app opens a second window on the restored data without asking
    for the passphrase again."""
    from PySide6.QtWidgets import QMessageBox

    from mdcc_desktop.ui.home.main_window import MainWindow as Window

    database, damaged_bytes = _damaged_with_backup(data_dir)
    key = folder_key(data_dir)
    asked: list[int] = []

    def hook(_args: Any, _started: float) -> Any:
        def unlock(_paths: Any, _settings: Any) -> bytes:
            asked.append(1)
            return key

        return unlock

    monkeypatch.setattr(gui, "unlock", hook)
    monkeypatch.setattr("sys.excepthook", sys.excepthook)  # main installs the crash dialog's
    monkeypatch.setattr(Window, "restore_session", lambda self: None)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: pytest.fail(f"said {a}"))
    windows: list[Window] = []
    clicker = _click_when_shown("restore_button")

    def close_the_second() -> None:
        found = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, Window) and w.isVisible()
        ]
        for w in found:
            if w not in windows:
                windows.append(w)
        if len(windows) == 2 and windows[1].isVisible():
            windows[1].close()

    closer = QTimer()
    closer.setInterval(50)
    closer.timeout.connect(close_the_second)
    closer.start()
    try:
        code = gui.main(["--data-dir", str(data_dir)])
    finally:
        closer.stop()
        clicker.stop()
    assert code == 0 and asked == [1] and len(windows) == 2
    assert SHOWN and "damaged" in SHOWN[0]
    aside = list((AppPaths(data_dir).backups / "damaged").iterdir())
    assert [p.read_bytes() for p in aside] == [damaged_bytes]
    assert database.read_bytes() != damaged_bytes
    services = open_services(data_dir)
    try:
        assert len(services.conferences.list_conferences()) == 1
    finally:
        services.close()
