"""A keyboard that never surprises (issue 10 finding 5, issue 15 finding 5): every page
shortcut goes to its page, no Alt+letter reaches two places in one window, Ctrl+Z after an add
undoes the add, Ctrl+Q quits from any window, Tab leaves the notes, and the agenda can be moved
back or to the selected item."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mdcc_desktop.domain import clock
from mdcc_desktop.domain.models import Child, ConferenceStatus, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.followup.chronology import ChronologyDialog
from mdcc_desktop.ui.home.main_window import MainWindow
from mdcc_desktop.ui.home.new_conference import NewConferenceDialog
from mdcc_desktop.ui.minutes.dialogs import AmendmentsDialog, CirculateDialog, ClosureDaysDialog
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter
from tests.ui.keyboard import mnemonic_clashes

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
START = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def conference_id(services: Services) -> int:
    case = services.conferences.create_case("CS-KEYS", "ENG", [Child(name="Max Turner")])
    return services.conferences.create_conference(
        case.id or 0, "ENG", ConferenceType.INITIAL, START
    )


@pytest.fixture
def home(qtbot, services: Services) -> MainWindow:
    window = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def ws(qtbot, services: Services, conference_id: int) -> WorkspaceWindow:
    window = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def test_each_page_shortcut_shows_its_own_page(qtbot, home: MainWindow) -> None:
    """Ctrl+2, Ctrl+3 and Ctrl+4 all showed the conferences page: the slot took the action's
    ``checked`` flag (False, so 0) for the page number."""
    for number in (2, 3, 4, 1):
        action = next(a for a in home.actions() if a.objectName() == f"section{number}")
        action.trigger()
        assert home.sidebar.currentRow() == number - 1, f"Ctrl+{number}"


@pytest.mark.parametrize("which", ["home", "workspace"])
def test_no_mnemonic_is_used_twice_in_one_window(request, which: str) -> None:
    """Alt+U, Alt+N, Alt+D and Alt+I each reached two places in the workspace."""
    window = request.getfixturevalue("home" if which == "home" else "ws")
    assert mnemonic_clashes(window) == []


# Every dialog, one line each: (name, how to build it from the services and a conference).
DIALOGS = {
    "new conference": lambda s, cid: NewConferenceDialog(s),
    "circulate": lambda s, cid: CirculateDialog(s, cid),
    "amendments": lambda s, cid: AmendmentsDialog(s, cid),
    "closure days": lambda s, cid: ClosureDaysDialog(s),
    "chronology": lambda s, cid: ChronologyDialog(s, s.conferences.conference(cid).case_id),
}


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_no_mnemonic_is_used_twice_in_a_dialog(
    qtbot, services: Services, conference_id: int, name: str
) -> None:
    dialog = DIALOGS[name](services, conference_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert mnemonic_clashes(dialog) == []


def test_ctrl_z_after_adding_an_action_undoes_the_add(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    """The entry line kept its own undo history: Ctrl+Z brought the text back, and Enter then
    added the same action a second time."""
    qtbot.keyClick(ws, Qt.Key.Key_N, CTRL | SHIFT)
    assert ws.action_description.hasFocus()
    qtbot.keyClicks(ws.action_description, "Book a medical")
    qtbot.keyClick(ws.action_description, Qt.Key.Key_Return)
    assert len(services.store.actions(conference_id)) == 1
    assert ws.action_description.hasFocus() and ws.action_description.text() == ""
    qtbot.keyClick(ws.action_description, Qt.Key.Key_Z, CTRL)
    assert services.store.actions(conference_id) == []
    assert ws.action_description.text() == ""
    qtbot.keyClick(ws.action_description, Qt.Key.Key_Return)  # nothing typed: nothing added
    assert services.store.actions(conference_id) == []


def test_ctrl_z_after_recording_a_decision_undoes_it(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    panel = ws.decisions_panel
    ws.side_tabs.setCurrentWidget(panel)
    panel.kind.setCurrentIndex(panel.kind.findData("other"))
    panel.text.setFocus()
    qtbot.keyClicks(panel.text, "Refer to the family group conference")
    qtbot.keyClick(panel.text, Qt.Key.Key_Return)
    assert len(services.store.decisions(conference_id)) == 1
    qtbot.keyClick(panel.text, Qt.Key.Key_Z, CTRL)
    assert services.store.decisions(conference_id) == []
    assert panel.text.text() == ""


def test_ctrl_q_quits_from_the_workspace(qtbot, ws: WorkspaceWindow) -> None:
    quits: list[bool] = []
    ws.quit_requested = lambda: quits.append(True)
    qtbot.keyClick(ws, Qt.Key.Key_Q, CTRL)
    assert quits == [True]


def test_ctrl_q_in_a_workspace_closes_the_home_window_and_the_workspace(
    qtbot, home: MainWindow, services: Services, conference_id: int
) -> None:
    home.refresh()
    home.select_conference(conference_id)
    window = home.open_selected()
    assert window is not None and window.quit_requested is not None
    window.quit_action.trigger()
    QApplication.processEvents()
    assert not home.isVisible()
    assert conference_id not in home.workspaces or not window.isVisible()


def test_tab_leaves_the_notes_without_typing_a_tab(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    ws.notes_edit.setFocus()
    qtbot.keyClicks(ws.notes_edit, "Mother present")
    qtbot.keyClick(ws.notes_edit, Qt.Key.Key_Tab)
    assert not ws.notes_edit.hasFocus()
    assert "\t" not in ws.notes_edit.toPlainText()


def test_previous_item_and_make_the_selected_item_current(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    with clock.use(clock.FixedClock(START)) as fixed:
        ws.start_meeting()
        ws.next_item()
        fixed.advance(dt.timedelta(minutes=5))
        ws.next_item()
        agenda = services.store.agenda(conference_id)
        assert services.conferences.conference(conference_id).current_agenda_item_id == agenda[1].id
        fixed.advance(dt.timedelta(minutes=5))
        qtbot.keyClick(ws, Qt.Key.Key_BracketLeft, CTRL)
        agenda = services.store.agenda(conference_id)
        assert services.conferences.conference(conference_id).current_agenda_item_id == agenda[0].id
        assert agenda[0].ended_at is None, "the item gone back to runs again"
        assert agenda[1].ended_at is not None, "the item left is closed"
        ws.select_agenda_item(agenda[3].id or 0)
        ws.agenda_view.setFocus()
        qtbot.keyClick(ws.agenda_view, Qt.Key.Key_Return, CTRL | SHIFT)
        agenda = services.store.agenda(conference_id)
        assert services.conferences.conference(conference_id).current_agenda_item_id == agenda[3].id
        assert agenda[3].started_at is not None and agenda[0].ended_at is not None
        ws.undo_stack.undo()  # one step each
        assert services.conferences.conference(conference_id).current_agenda_item_id == agenda[0].id


def test_ending_the_conference_closes_the_running_item(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    """Ending left the current item's timer running (it turned red) with no end time."""
    with clock.use(clock.FixedClock(START)) as fixed:
        ws.start_meeting()
        ws.next_item()
        fixed.advance(dt.timedelta(minutes=7))
        qtbot.keyClick(ws, Qt.Key.Key_E, CTRL | SHIFT)
        conference = services.conferences.conference(conference_id)
        assert conference.status == ConferenceStatus.ENDED
        first = services.store.agenda(conference_id)[0]
        assert first.ended_at == conference.ended_at
        fixed.advance(dt.timedelta(minutes=30))
        ws._tick()
        assert "07:00" in ws.item_timer_label.text(), "the timer stopped at the end"
        ws.undo_stack.undo()  # one step: the conference runs again, and so does the item
        assert services.store.agenda(conference_id)[0].ended_at is None
        assert services.conferences.conference(conference_id).ended_at is None
