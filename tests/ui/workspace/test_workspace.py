"""The live workspace driven as a chair would: keyboard first, everything stored at once."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from mdcc_desktop.domain.models import Attendance, ConferenceType, Role
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.workspace.models import ActionModel, AgendaModel, AttendeeModel
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def conference_id(services: Services) -> int:
    from mdcc_desktop.domain.models import Child

    case = services.conferences.create_case("CS-TEST-1", "ENG", [Child(name="Amy Test")])
    assert case.id is not None
    return services.conferences.create_conference(
        case.id,
        "ENG",
        ConferenceType.INITIAL,
        dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC),
        venue="Room 1",
    )


@pytest.fixture
def workspace(qtbot, services: Services, conference_id: int) -> WorkspaceWindow:
    window = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def add_person(qtbot, ws: WorkspaceWindow, name: str, agency: str, role: Role | None) -> None:
    qtbot.keyClick(ws, Qt.Key.Key_A, CTRL | SHIFT)
    assert ws.new_name.hasFocus()
    qtbot.keyClicks(ws.new_name, name)
    ws.new_agency.setText(agency)
    ws.new_role.setCurrentIndex(ws.new_role.findData(role) if role else 0)
    qtbot.keyClick(ws.new_name, Qt.Key.Key_Return)


def test_agenda_comes_from_the_profile_template(
    workspace: WorkspaceWindow, services: Services
) -> None:
    profile = services.profiles.get("ENG")
    titles = [
        workspace.agenda_model.record(r).title for r in range(workspace.agenda_model.rowCount())
    ]
    assert titles == [item.title for item in profile.agenda_for(ConferenceType.INITIAL)]
    restricted = [
        r
        for r in range(workspace.agenda_model.rowCount())
        if workspace.agenda_model.record(r).restricted
    ]
    assert restricted, "the template's restricted item is marked"
    text = workspace.agenda_model.index(restricted[0], AgendaModel.COL_TITLE).data()
    assert "RESTRICTED" in text


def test_chair_adds_and_checks_in_people_by_keyboard_with_undo(
    qtbot, workspace: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    add_person(qtbot, workspace, "Ruth Okafor", "Safeguarding", Role.CHAIR)
    add_person(qtbot, workspace, "Daniel Shaw", "Business Support", Role.MINUTE_TAKER)
    stored = services.store.attendees(conference_id)
    assert [(a.name, a.roles) for a in stored] == [
        ("Ruth Okafor", [Role.CHAIR]),
        ("Daniel Shaw", [Role.MINUTE_TAKER]),
    ]
    assert workspace.attendance_warnings.text() == ""

    # Same person twice: an inline message, nothing stored.
    add_person(qtbot, workspace, "ruth okafor", "Safeguarding", None)
    assert "already listed" in workspace.message_label.text()
    assert len(services.store.attendees(conference_id)) == 2

    workspace.attendee_view.setFocus()
    workspace.attendee_view.selectRow(0)
    qtbot.keyClick(workspace, Qt.Key.Key_K, CTRL)
    ruth = services.store.attendees(conference_id)[0]
    assert ruth.attendance == Attendance.PRESENT and ruth.arrived_at is not None
    assert workspace.attendee_model.index(0, AttendeeModel.COL_ARRIVED).data() != ""

    qtbot.keyClick(workspace, Qt.Key.Key_Z, CTRL)  # undo the check-in
    ruth = services.store.attendees(conference_id)[0]
    assert ruth.attendance == Attendance.INVITED and ruth.arrived_at is None
    qtbot.keyClick(workspace, Qt.Key.Key_Z, CTRL | SHIFT)  # redo it
    assert services.store.attendees(conference_id)[0].attendance == Attendance.PRESENT

    workspace.undo_stack.undo()  # check-in
    workspace.undo_stack.undo()  # adding Daniel
    assert [a.name for a in services.store.attendees(conference_id)] == ["Ruth Okafor"]
    assert "minute" in workspace.attendance_warnings.text().lower()
    workspace.undo_stack.redo()  # Daniel again (a new row id)
    workspace.undo_stack.redo()  # the check-in finds Ruth by her id
    names = [a.name for a in services.store.attendees(conference_id)]
    assert names == ["Ruth Okafor", "Daniel Shaw"]


def test_notes_are_saved_as_typed_and_survive_switching_items(
    qtbot, workspace: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    workspace.agenda_view.selectRow(1)
    workspace.notes_edit.setFocus()
    qtbot.keyClicks(workspace.notes_edit, "School noticed bruising")
    # Saved within a second without any save command.
    qtbot.waitUntil(
        lambda: services.store.agenda(conference_id)[1].notes == "School noticed bruising",
        timeout=1000,
    )
    qtbot.keyClicks(workspace.notes_edit, " on 30 October.")
    workspace.agenda_view.selectRow(2)  # switch at once, before the debounce fires
    assert services.store.agenda(conference_id)[1].notes == "School noticed bruising on 30 October."
    assert workspace.notes_edit.toPlainText() == ""
    workspace.agenda_view.selectRow(1)
    assert workspace.notes_edit.toPlainText() == "School noticed bruising on 30 October."


def test_typing_is_not_disturbed_by_the_save(qtbot, workspace: WorkspaceWindow) -> None:
    workspace.agenda_view.selectRow(0)
    workspace.notes_edit.setFocus()
    qtbot.keyClicks(workspace.notes_edit, "abc")
    qtbot.wait(600)  # the save has happened and the window reloaded
    qtbot.keyClicks(workspace.notes_edit, "def")
    assert workspace.notes_edit.toPlainText() == "abcdef"


def test_start_next_item_end_and_reopen_restores_the_place(
    qtbot, services: Services, conference_id: int, workspace: WorkspaceWindow
) -> None:
    qtbot.keyClick(workspace, Qt.Key.Key_S, CTRL | SHIFT)
    conference = services.store.get_conference(conference_id)
    assert conference.started_at is not None
    assert not workspace.start_button.isEnabled() and workspace.end_button.isEnabled()

    qtbot.keyClick(workspace, Qt.Key.Key_BracketRight, CTRL)  # first item starts
    qtbot.keyClick(workspace, Qt.Key.Key_BracketRight, CTRL)  # second item
    agenda = services.store.agenda(conference_id)
    conference = services.store.get_conference(conference_id)
    assert conference.current_agenda_item_id == agenda[1].id
    assert agenda[0].started_at is not None and agenda[0].ended_at is not None
    assert agenda[1].started_at is not None and agenda[1].ended_at is None
    assert "Current item" in workspace.item_timer_label.text()

    workspace.undo_stack.undo()  # back to the first item as a whole step
    conference = services.store.get_conference(conference_id)
    assert conference.current_agenda_item_id == agenda[0].id
    assert services.store.agenda(conference_id)[0].ended_at is None
    workspace.undo_stack.redo()

    workspace.close()
    reopened = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(reopened)
    reopened.show()
    assert reopened.agenda_model.current_id == agenda[1].id
    assert reopened._selected_agenda_id() == agenda[1].id
    assert "Current item" in reopened.item_timer_label.text()

    assert reopened.end_action.shortcut().toString() == "Ctrl+Shift+E"
    reopened.end_action.trigger()  # a second window is not active offscreen, so no key event
    conference = services.store.get_conference(conference_id)
    assert conference.ended_at is not None and conference.ended_at >= conference.started_at


def test_actions_in_one_line_with_owner_and_due_date(
    qtbot, workspace: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    add_person(qtbot, workspace, "Priya Nair", "Children's Services", Role.KEY_WORKER)
    qtbot.keyClick(workspace, Qt.Key.Key_N, CTRL | SHIFT)
    assert workspace.action_description.hasFocus()
    workspace.action_owner.setCurrentText("priya nair")
    workspace.due_plus5.click()
    qtbot.keyClicks(workspace.action_description, "Offer parenting classes")
    qtbot.keyClick(workspace.action_description, Qt.Key.Key_Return)
    actions = services.store.actions(conference_id)
    assert len(actions) == 1
    profile = services.profiles.get("ENG")
    assert actions[0].description == "Offer parenting classes"
    assert actions[0].owner_id == services.store.attendees(conference_id)[0].id
    assert actions[0].due == profile.calendar.add_working_days(dt.date.today(), 5)
    assert workspace.action_model.index(0, ActionModel.COL_OWNER).data() == "Priya Nair"

    # An empty description is refused inline; an unknown owner too.
    qtbot.keyClick(workspace.action_description, Qt.Key.Key_Return)
    assert "must not be empty" in workspace.message_label.text()
    workspace.action_owner.setCurrentText("Nobody Known")
    qtbot.keyClicks(workspace.action_description, "Something")
    qtbot.keyClick(workspace.action_description, Qt.Key.Key_Return)
    assert "not an attendee" in workspace.message_label.text()
    assert len(services.store.actions(conference_id)) == 1

    workspace.undo_stack.undo()
    assert services.store.actions(conference_id) == []
    workspace.undo_stack.redo()
    assert [a.description for a in services.store.actions(conference_id)] == [
        "Offer parenting classes"
    ]


def test_past_due_date_warns_but_is_kept(
    qtbot, workspace: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    from PySide6.QtCore import QDate

    workspace.action_due.setDate(QDate.currentDate().addDays(-3))
    workspace.action_description.setText("Late thing")
    workspace.add_action()
    assert "in the past" in workspace.message_label.text()
    assert len(services.store.actions(conference_id)) == 1


def test_workspace_models_pass_modeltester(
    qtmodeltester, workspace: WorkspaceWindow, qtbot
) -> None:
    add_person(qtbot, workspace, "Ruth Okafor", "Safeguarding", Role.CHAIR)
    workspace.action_description.setText("Do a thing")
    workspace.add_action()
    workspace.decisions_panel.text.setText("A decision.")
    workspace.decisions_panel.add()
    for model in (
        workspace.agenda_model,
        workspace.attendee_model,
        workspace.action_model,
        workspace.decisions_panel.model,
    ):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_every_interactive_widget_has_an_accessible_name(workspace: WorkspaceWindow) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
    )

    widgets = [
        w
        for kind in (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit)
        for w in workspace.findChildren(kind)
    ]
    unnamed = [
        w.metaObject().className()
        for w in widgets
        if w.isVisibleTo(workspace)
        and not w.accessibleName()
        and not isinstance(w.parent(), QComboBox | QAbstractSpinBox)  # their own line edits
        and w.metaObject().className() not in ("QTabBar", "QToolButton", "QHeaderView")
    ]
    assert unnamed == []


def test_open_from_the_home_list_with_enter(qtbot, services: Services, conference_id: int) -> None:
    from mdcc_desktop.ui.home.main_window import MainWindow

    home = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(home)
    home.show()
    home.table.setFocus()
    home.select_conference(conference_id)
    qtbot.keyClick(home.table, Qt.Key.Key_Return)
    assert conference_id in home.workspaces
    assert home.workspaces[conference_id].isVisible()
    home.close()


def test_agenda_is_edited_by_keyboard_with_undo(
    qtbot, workspace: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    before = [i.title for i in services.store.agenda(conference_id)]
    workspace.agenda_view.setFocus()
    workspace.select_agenda_item(services.store.agenda(conference_id)[0].id)
    workspace.new_item.setText("Apologies and reports received")
    workspace.new_item_minutes.setValue(5)
    qtbot.keyClick(workspace.new_item, Qt.Key.Key_Return)
    agenda = services.store.agenda(conference_id)
    assert agenda[1].title == "Apologies and reports received" and agenda[1].planned_minutes == 5

    # Move it down with Ctrl+Down, then restrict it with Ctrl+R.
    workspace.select_agenda_item(agenda[1].id)
    workspace.agenda_view.setFocus()
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_Down, CTRL)
    agenda = services.store.agenda(conference_id)
    assert agenda[2].title == "Apologies and reports received"
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_R, CTRL)
    assert services.store.agenda(conference_id)[2].restricted is True

    # Rename through the model (F2 opens the same editor).
    index = workspace.agenda_model.index(2, AgendaModel.COL_TITLE)
    assert workspace.agenda_model.setData(index, "Reports received")
    assert services.store.agenda(conference_id)[2].title == "Reports received"
    assert not workspace.agenda_model.setData(
        workspace.agenda_model.index(2, AgendaModel.COL_TITLE), "   "
    )  # an empty title is refused
    assert "must not be empty" in workspace.message_label.text()

    # Delete removes it; undo puts it back where it was, notes and all.
    services.conferences.update_agenda_item(services.store.agenda(conference_id)[2].id, notes="n")
    workspace.select_agenda_item(services.store.agenda(conference_id)[2].id)
    workspace.agenda_view.setFocus()
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_Delete)
    assert [i.title for i in services.store.agenda(conference_id)] == before
    workspace.undo_stack.undo()
    restored = services.store.agenda(conference_id)[2]
    assert (restored.title, restored.notes, restored.restricted) == ("Reports received", "n", True)
    for _ in range(5):
        workspace.undo_stack.undo()
    assert [i.title for i in services.store.agenda(conference_id)] == before


def test_reopening_the_app_reopens_the_open_workspaces(
    qtbot, services: Services, conference_id: int
) -> None:
    from mdcc_desktop.ui.home.main_window import MainWindow

    home = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(home)
    home.select_conference(conference_id)
    ws = home.open_selected()
    ws.next_item()  # the first agenda item starts
    home.close()  # as when the chair quits in the middle of the meeting

    again = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(again)
    again.restore_session()
    assert list(again.workspaces) == [conference_id]
    reopened = again.workspaces[conference_id]
    first = services.store.agenda(conference_id)[0]
    assert reopened.agenda_model.current_id == first.id
    assert "Current item" in reopened.item_timer_label.text()
    again.close()


def test_workspace_help_lists_its_shortcuts(workspace: WorkspaceWindow) -> None:
    workspace.shortcuts_action.trigger()
    _title, text = workspace.prompter.infos[-1]
    for key in ("Ctrl+K", "Ctrl+]", "Ctrl+Shift+N", "Ctrl+Z", "Ctrl+R", "Del"):
        assert key in text


def test_review_quick_pick_uses_the_next_review(
    workspace: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    services.conferences.update_conference(conference_id, next_review=dt.date(2027, 2, 19))
    workspace.due_review.click()
    assert workspace.action_due.date().toString("yyyy-MM-dd") == "2027-02-19"


def test_agenda_item_is_moved_by_drag_and_drop_with_undo(
    workspace: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    from PySide6.QtCore import QModelIndex

    model = workspace.agenda_model
    before = [i.id for i in services.store.agenda(conference_id)]
    data = model.mimeData([model.index(0, 0)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    # Dropped between rows 2 and 3: the first item becomes the third.
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex()) is False
    after = [i.id for i in services.store.agenda(conference_id)]
    assert after == [before[1], before[2], before[0], *before[3:]]
    assert model.rowCount() == len(before)  # the view removed nothing itself
    workspace.undo_stack.undo()
    assert [i.id for i in services.store.agenda(conference_id)] == before


def test_renaming_the_item_under_the_notes_renames_the_title_above_them(
    qtbot, workspace: WorkspaceWindow, services: Services
) -> None:
    """Users found the old title left above the notes after renaming the running item."""
    workspace.agenda_view.selectRow(1)
    item = workspace.agenda_model.record(1)
    assert item.id is not None and workspace.notes_title.text() == item.title
    workspace.controller.run(
        lambda: services.conferences.update_agenda_item(item.id, title="Reasons, renamed")
    )
    assert workspace.notes_title.text() == "Reasons, renamed"
