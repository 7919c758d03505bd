"""The lock (issue 11 point 3) on a real encrypted data folder with real windows: Ctrl+L and
the idle minutes lock the app, typing is stored first, the database is closed and its key
dropped, nothing of the content shows while locked, a wrong passphrase is refused (and slowed
down), and unlocking gives back the windows exactly as they were."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from mdcc_desktop.domain.clock import FixedClock, use
from mdcc_desktop.domain.models import Child, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.protection import FREE_TRIES
from mdcc_desktop.store.errors import StoreClosedError
from mdcc_desktop.ui.home.main_window import MainWindow
from mdcc_desktop.ui.lock.manager import LockManager
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.conftest import TEST_PASSPHRASE, open_services
from tests.ui.home.test_main_window import RecordingPrompter

CHILD = "Oluwaseun Marchetti-Byrne"
NOTES = "Mother reported the bruise to the school nurse on Tuesday"
START = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


class Ticks:
    """A clock for the idle watch that moves only when told."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock() -> Iterator[FixedClock]:
    fixed = FixedClock(START)
    with use(fixed):
        yield fixed


@pytest.fixture
def conference_id(services: Services, clock: FixedClock) -> int:
    case = services.conferences.create_case("CS-LOCK-1", "ENG", [Child(name=CHILD)])
    assert case.id is not None
    return services.conferences.create_conference(
        case.id, "ENG", ConferenceType.INITIAL, START, venue="Room 1"
    )


@pytest.fixture
def ticks() -> Ticks:
    return Ticks()


@pytest.fixture
def manager(services: Services, ticks: Ticks) -> Iterator[LockManager]:
    lock = LockManager(services, clock=ticks)
    yield lock
    if lock.screen is not None:
        lock.screen.deleteLater()
    lock.stop()


@pytest.fixture
def home(qtbot: Any, services: Services) -> MainWindow:
    window = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def workspace(qtbot: Any, services: Services, conference_id: int) -> WorkspaceWindow:
    window = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def unlock_by_keyboard(qtbot: Any, manager: LockManager, passphrase: str) -> None:
    screen = manager.screen
    assert screen is not None and screen.dialog is not None
    field = screen.dialog.passphrase
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, passphrase)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def open_files_under(folder: Path) -> list[str]:
    """The files under ``folder`` this process holds open (Linux: /proc/self/fd)."""
    held = []
    for fd in Path("/proc/self/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith(str(folder)):
                held.append(target)
    return sorted(held)


def texts_showing(window: QWidget) -> list[str]:
    """What the visible text widgets of ``window`` show."""
    shown: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QLineEdit):
            shown.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            shown.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            shown += [
                str(model.index(r, c).data() or "")
                for r in range(model.rowCount())
                for c in range(model.columnCount())
            ]
    return shown


def start_and_type(qtbot: Any, ws: WorkspaceWindow, clock: FixedClock) -> None:
    ws.start_meeting()
    clock.advance(dt.timedelta(minutes=3))
    ws._tick()
    ws.notes_edit.setFocus()
    qtbot.keyClicks(ws.notes_edit, NOTES)  # not yet saved: the lock stores it


# --- locking and unlocking ---------------------------------------------------------------------


def test_ctrl_l_locks_and_the_passphrase_gives_everything_back(  # noqa: PLR0917
    qtbot: Any,
    services: Services,
    manager: LockManager,
    home: MainWindow,
    workspace: WorkspaceWindow,
    conference_id: int,
    clock: FixedClock,
) -> None:
    workspace.agenda_view.setCurrentIndex(workspace.agenda_model.index(1, 0))
    selected_before = workspace.agenda_view.selectionModel().selectedRows()
    assert selected_before
    start_and_type(qtbot, workspace, clock)
    item_id = workspace.meeting.notes_item_id
    assert item_id is not None
    workspace.side_tabs.setCurrentIndex(1)
    title = workspace.windowTitle()
    assert CHILD in title

    workspace.activateWindow()
    assert QApplication.focusWidget() is workspace.notes_edit
    qtbot.keyClick(workspace, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert manager.locked
    # No connection is left on the file: the notes writer's (with its copy of the key) closed
    # too, not only the window's.
    assert open_files_under(services.paths.data_dir) == []
    # Typing was stored before the database closed; the database is closed, its key dropped.
    assert services.locked and services.store.key is None
    with pytest.raises(StoreClosedError):
        services.conferences.record(conference_id)
    other = open_services(services.paths.data_dir)
    try:
        stored = other.store.get_agenda_item(item_id).notes
    finally:
        other.close()
    assert stored == NOTES
    # Nothing of the content is visible: the windows are hidden, their titles name nobody.
    for window in (home, workspace):
        assert not window.isVisible()
        assert CHILD not in window.windowTitle() and "CS-LOCK-1" not in window.windowTitle()
        window.grab()  # renders without reaching the closed database
        assert not [t for t in texts_showing(window) if t]
    assert manager.screen is not None and manager.screen.isVisible()
    assert not any(CHILD in t or NOTES in t for t in texts_showing(manager.screen))
    assert CHILD not in manager.screen.windowTitle()

    clock.advance(dt.timedelta(minutes=10))  # the meeting goes on while the laptop is locked
    unlock_by_keyboard(qtbot, manager, TEST_PASSPHRASE)

    assert not manager.locked and not services.locked
    assert home.isVisible() and workspace.isVisible()
    assert workspace.windowTitle() == title
    assert workspace.meeting.notes_item_id == item_id
    assert workspace.notes_edit.toPlainText() == NOTES
    assert workspace.side_tabs.currentIndex() == 1
    assert workspace.agenda_view.selectionModel().selectedRows() == selected_before
    assert workspace.agenda_view.currentIndex().row() == 1
    # The focus goes back where the chair was typing (once the window is active again).
    assert workspace.focusWidget() is workspace.notes_edit
    qtbot.waitUntil(lambda: QApplication.focusWidget() is workspace.notes_edit)
    workspace._tick()
    assert workspace.elapsed_label.text() == "13:00"  # from the stored start, not a counter
    # The data works again, and typing goes on being stored.
    assert services.conferences.record(conference_id).conference.id == conference_id
    workspace.notes_edit.setFocus()
    qtbot.keyClicks(workspace.notes_edit, ".")
    assert workspace.controller.flush()
    assert services.store.get_agenda_item(item_id).notes == NOTES + "."


def test_a_wrong_passphrase_at_the_lock_screen_is_refused_and_slowed_down(
    qtbot: Any, services: Services, manager: LockManager, workspace: WorkspaceWindow
) -> None:
    assert manager.lock()
    for _ in range(FREE_TRIES):
        unlock_by_keyboard(qtbot, manager, "not the passphrase at all")
    assert manager.locked and services.locked
    assert not workspace.isVisible()
    screen = manager.screen
    assert screen is not None and screen.dialog is not None
    assert "wait" in screen.dialog.status.text()
    assert not screen.dialog.unlock_button.isEnabled()
    assert manager.protection.seconds_to_wait() > 0


def test_escape_does_not_get_round_the_lock_screen(
    qtbot: Any, services: Services, manager: LockManager, workspace: WorkspaceWindow
) -> None:
    manager.lock()
    screen = manager.screen
    assert screen is not None and screen.dialog is not None
    qtbot.keyClick(screen.dialog.passphrase, Qt.Key.Key_Escape)
    assert manager.locked and screen.dialog.isVisible() and not workspace.isVisible()


def test_a_modal_dialog_open_at_lock_time_is_closed(
    qtbot: Any, services: Services, manager: LockManager, workspace: WorkspaceWindow
) -> None:
    dialog = QDialog(workspace)
    dialog.setWindowTitle(CHILD)
    QTimer.singleShot(0, manager.lock)
    result = dialog.exec()  # the lock comes while it is open
    assert result == QDialog.DialogCode.Rejected
    assert manager.locked and not dialog.isVisible()
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [manager.screen]
    unlock_by_keyboard(qtbot, manager, TEST_PASSPHRASE)
    assert workspace.isVisible() and not dialog.isVisible()


def test_the_menu_item_locks_from_the_home_window(
    qtbot: Any, services: Services, manager: LockManager, home: MainWindow
) -> None:
    (action,) = [a for a in home.actions() if a.objectName() == "lock"]
    assert action.shortcut().toString() == "Ctrl+L"
    assert action in home.menuBar().actions()[0].menu().actions()  # the File menu
    action.trigger()
    assert manager.locked and services.locked and not home.isVisible()
    unlock_by_keyboard(qtbot, manager, TEST_PASSPHRASE)
    assert home.isVisible() and home.windowTitle() == "MDCC Desktop"
    # Ctrl+L is the lock's alone there (finding a conference moved to Ctrl+Shift+F).
    home.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is home)
    qtbot.keyClick(home.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert manager.locked
    unlock_by_keyboard(qtbot, manager, TEST_PASSPHRASE)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is home)
    qtbot.keyClick(
        home.table,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert home.filter_edit.hasFocus()


# --- the idle minutes --------------------------------------------------------------------------


def test_it_locks_after_the_idle_minutes_and_input_puts_it_off(
    qtbot: Any, services: Services, manager: LockManager, ticks: Ticks, home: MainWindow
) -> None:
    services.settings.update(lock_after_minutes=5)
    assert manager.idle_ms() == 5 * 60_000
    ticks.t += 4 * 60  # four minutes without input
    manager.check_idle()
    assert not manager.locked
    assert manager.idle_timer.isActive() and manager.idle_timer.interval() == 60_000
    qtbot.keyClick(home.filter_edit, Qt.Key.Key_A)  # input: the five minutes start again
    ticks.t += 2 * 60
    manager.check_idle()
    assert not manager.locked
    ticks.t += 3 * 60
    manager.check_idle()
    assert manager.locked and services.locked


def test_the_idle_timer_itself_locks_with_a_short_minute(
    qtbot: Any, services: Services, home: MainWindow
) -> None:
    services.settings.update(lock_after_minutes=1)
    manager = LockManager(services, minute_ms=20)  # a minute of 20 ms: no real minutes waited
    try:
        qtbot.waitUntil(lambda: manager.locked, timeout=10_000)
        assert services.locked and not home.isVisible()
        unlock_by_keyboard(qtbot, manager, TEST_PASSPHRASE)
        assert home.isVisible() and not services.locked
    finally:
        if manager.screen is not None:
            manager.screen.deleteLater()
        manager.stop()


def test_the_app_module_installs_the_lock(services: Services) -> None:
    from mdcc_desktop.app import install_lock

    manager = install_lock(services)
    try:
        assert LockManager.current is manager
        assert manager.idle_ms() == services.settings.current.lock_after_minutes * 60_000
    finally:
        manager.stop()
    assert LockManager.current is None


def test_a_store_that_cannot_reopen_keeps_the_lock_and_says_why(
    qtbot: Any, services: Services, manager: LockManager, workspace: WorkspaceWindow
) -> None:
    manager.lock()
    moved = services.paths.database.with_name("elsewhere.db")
    services.paths.database.rename(moved)
    try:
        unlock_by_keyboard(qtbot, manager, TEST_PASSPHRASE)
        assert manager.locked and not workspace.isVisible()
        assert manager.screen is not None and manager.screen.problem.text()
    finally:
        moved.rename(services.paths.database)
    unlock_by_keyboard(qtbot, manager, TEST_PASSPHRASE)
    assert not manager.locked and workspace.isVisible()


def test_the_start_s_integrity_check_lets_the_key_go_once_done(services: Services) -> None:
    from mdcc_desktop.app import IntegrityCheck

    check = IntegrityCheck(services.paths.database, services.paths.backups, services.store.key)
    assert check.key is not None
    assert check.wait() is None
    assert check.key is None  # a lock later drops the only copy left, the store's


def test_quitting_from_the_lock_screen_says_so_and_leaves_the_data_closed(
    qtbot: Any,
    services: Services,
    manager: LockManager,
    workspace: WorkspaceWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(manager, "quit", lambda: quits.append(True))  # not this test run's
    manager.lock()
    screen = manager.screen
    assert screen is not None and screen.dialog is not None
    assert "Quit" in screen.dialog.quit_button.text()
    screen.dialog.quit_button.click()
    assert quits == [True]
    assert services.locked and not workspace.isVisible()


def test_a_second_start_raises_the_lock_screen_not_a_hidden_window(
    qtbot: Any, services: Services, manager: LockManager, home: MainWindow
) -> None:
    from mdcc_desktop.app import front_window
    from mdcc_desktop.ui.single_instance import bring_to_front

    assert front_window(home) is home
    manager.lock()
    bring_to_front(front_window(home))
    assert not home.isVisible() and manager.screen is not None and manager.screen.isVisible()
