"""Correct anything, undoably (issue 10, finding 1 and deliver 1), and safe quick entry
(finding 6, deliver 4): a chair corrects every value and time they typed with real widgets,
removes lines with Del, and gets everything back with Ctrl+Z."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from mdcc_desktop.domain import clock
from mdcc_desktop.domain.models import (
    ActionStatus,
    Attendee,
    Child,
    ConferenceStatus,
    ConferenceType,
    CopyKind,
    DecisionMethod,
    Role,
    SafetySection,
)
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.workspace.editing import TimeField
from mdcc_desktop.ui.workspace.models import ActionModel, DecisionModel
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter

CTRL = Qt.KeyboardModifier.ControlModifier
START = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def conference_id(services: Services) -> int:
    case = services.conferences.create_case("CS-CORRECT", "ENG", [Child(name="Max Turner")])
    cid = services.conferences.create_conference(case.id or 0, "ENG", ConferenceType.INITIAL, START)
    for name, agency, roles in (
        ("Ruth Okafor", "Safeguarding", [Role.CHAIR]),
        ("Priya Nair", "Children's Services", [Role.KEY_WORKER]),
        ("Tom Reid", "Family Support Service", []),
    ):
        services.conferences.add_attendee(cid, Attendee(name=name, agency=agency, roles=roles))
    return cid


@pytest.fixture
def ws(qtbot, services: Services, conference_id: int) -> WorkspaceWindow:
    window = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    """Select what the field holds and type over it, then leave it with Enter."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    edit.editingFinished.emit()


def type_time(qtbot, field: TimeField, text: str) -> None:
    """Type a date and time into the field, as yyyy-MM-dd HH:mm, and press Enter."""
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def pick(combo: QComboBox, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def local(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M").astimezone()


def press_del(qtbot, view) -> None:
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)


def context_texts(view) -> list[str]:
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    return [a.text() for a in view.actions()]


# --- attendees -------------------------------------------------------------------------------


def test_an_attendees_name_agency_and_note_are_corrected_with_undo(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    ws.attendee_view.setCurrentIndex(ws.attendee_model.index(2, 0))  # Tom
    details = ws.attendee_details
    retype(qtbot, details.name, "Tom Reed")
    retype(qtbot, details.agency, "Family Support")
    retype(qtbot, details.attendance_note, "Sent apologies: in court")
    tom = services.store.attendees(conference_id)[2]
    assert (tom.name, tom.agency, tom.attendance_note) == (
        "Tom Reed",
        "Family Support",
        "Sent apologies: in court",
    )
    for _ in range(3):
        ws.undo_stack.undo()
    tom = services.store.attendees(conference_id)[2]
    assert (tom.name, tom.agency, tom.attendance_note) == (
        "Tom Reid",
        "Family Support Service",
        None,
    )


def test_arrival_and_leaving_are_typed_and_leaving_before_arriving_is_refused_beside_the_field(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    ws.attendee_view.setCurrentIndex(ws.attendee_model.index(1, 0))  # Priya
    details = ws.attendee_details
    type_time(qtbot, details.arrived, "10:05")  # the conference's day
    assert services.store.attendees(conference_id)[1].arrived_at == local("2026-11-20 10:05")
    type_time(qtbot, details.arrived, "2026-11-20 10:04")
    assert services.store.attendees(conference_id)[1].arrived_at == local("2026-11-20 10:04")
    type_time(qtbot, details.arrived, "2026-11-20 10:05")
    type_time(qtbot, details.arrived, "ten past")
    assert "not a time" in details.arrived.error.text()
    assert services.store.attendees(conference_id)[1].arrived_at == local("2026-11-20 10:05")
    type_time(qtbot, details.left, "2026-11-20 09:50")
    priya = services.store.attendees(conference_id)[1]
    assert priya.left_at is None, "nothing stored"
    assert details.left.error.isVisible()
    assert (
        "leave" in details.left.error.text() and "before they arrive" in details.left.error.text()
    )
    assert details.left.edit.text() == "", "the stored value is shown again"
    type_time(qtbot, details.left, "2026-11-20 11:30")
    assert services.store.attendees(conference_id)[1].left_at == local("2026-11-20 11:30")
    assert not details.left.error.isVisible()
    ws.undo_stack.undo()
    assert services.store.attendees(conference_id)[1].left_at is None


def test_an_attendee_is_removed_by_del_and_comes_back_with_ctrl_z(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    tom = services.store.attendees(conference_id)[2]
    ws.action_owner.setCurrentText("Tom Reid")
    ws.action_description.setText("Offer a parenting course")
    ws.add_action()
    assert "Remove attendee" in context_texts(ws.attendee_view)
    services.conferences.set_distribution(conference_id, tom.id or 0, CopyKind.PARENT)
    services.conferences.set_scaling(conference_id, tom.id or 0, 6, "Improving")
    ws.reload()
    ws.attendee_view.setCurrentIndex(ws.attendee_model.index(2, 0))
    press_del(qtbot, ws.attendee_view)
    assert [a.name for a in services.store.attendees(conference_id)] == [
        "Ruth Okafor",
        "Priya Nair",
    ]
    assert services.store.actions(conference_id)[0].owner_id is None
    qtbot.keyClick(ws.attendee_view, Qt.Key.Key_Z, CTRL)
    back = services.store.attendees(conference_id)[2]
    assert (back.name, back.agency) == (tom.name, tom.agency)
    assert services.store.actions(conference_id)[0].owner_id == back.id, "owner given back"
    assert [(e.attendee_id, e.copy) for e in services.store.distribution(conference_id)] == [
        (back.id, CopyKind.PARENT)
    ]
    assert [(x.attendee_id, x.score, x.note) for x in services.store.scaling(conference_id)] == [
        (back.id, 6, "Improving")
    ]


# --- decisions and dissent --------------------------------------------------------------------


def _decision(ws: WorkspaceWindow, text: str, method: str = "majority") -> None:
    panel = ws.decisions_panel
    ws.side_tabs.setCurrentWidget(panel)
    panel.kind.setCurrentIndex(panel.kind.findData("other"))
    panel.text.setText(text)
    panel.method.setCurrentIndex(panel.method.findData(method))
    panel.add_button.click()


def test_a_decisions_text_and_method_are_corrected_in_place(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    _decision(ws, "Refer to the family group conference.")
    panel = ws.decisions_panel
    view = panel.view
    view.setFocus()
    view.setCurrentIndex(panel.model.index(0, DecisionModel.COL_TEXT))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Refer to a family group conference within 20 days.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the view hands the edit over once the key is handled
    assert services.store.decisions(conference_id)[0].text == (
        "Refer to a family group conference within 20 days."
    )
    view.setCurrentIndex(panel.model.index(0, DecisionModel.COL_METHOD))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(DecisionMethod.CONSENSUS.value))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert services.store.decisions(conference_id)[0].method == DecisionMethod.CONSENSUS
    ws.undo_stack.undo()
    ws.undo_stack.undo()
    d = services.store.decisions(conference_id)[0]
    assert (d.text, d.method) == ("Refer to the family group conference.", DecisionMethod.MAJORITY)


def test_a_multi_line_dissent_is_recorded_corrected_and_removed(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    _decision(ws, "Max will be the subject of a child protection plan.")
    panel = ws.decisions_panel
    tom = services.store.attendees(conference_id)[2]
    panel.dissent_who.setCurrentIndex(panel.dissent_who.findData(tom.id))
    panel.dissent_view.setFocus()
    qtbot.keyClicks(panel.dissent_view, "Support could continue")
    qtbot.keyClick(panel.dissent_view, Qt.Key.Key_Return)  # a new line, not recorded yet
    qtbot.keyClicks(panel.dissent_view, "under a child in need plan.")
    assert services.store.decisions(conference_id)[0].dissent == []
    qtbot.keyClick(panel.dissent_view, Qt.Key.Key_Return, CTRL)
    [dissent] = services.store.decisions(conference_id)[0].dissent
    assert dissent.view == "Support could continue\nunder a child in need plan."
    assert panel.dissent_view.toPlainText() == ""

    panel.dissent_list.setCurrentRow(0)  # picked: shown below to correct
    assert panel.dissent_view.toPlainText() == dissent.view
    panel.dissent_view.setPlainText("Support should continue under a child in need plan.")
    panel.dissent_change_button.click()
    [dissent] = services.store.decisions(conference_id)[0].dissent
    assert dissent.view == "Support should continue under a child in need plan."

    assert "Remove dissent" in context_texts(panel.dissent_list)
    panel.dissent_list.setCurrentRow(0)
    press_del(qtbot, panel.dissent_list)
    assert services.store.decisions(conference_id)[0].dissent == []
    ws.undo_stack.undo()
    [dissent] = services.store.decisions(conference_id)[0].dissent
    assert dissent.view == "Support should continue under a child in need plan."
    assert dissent.attendee_id == tom.id


def test_a_decision_is_removed_by_del_with_its_dissent_and_comes_back(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    _decision(ws, "A plan.")
    decision = services.store.decisions(conference_id)[0]
    tom = services.store.attendees(conference_id)[2]
    services.conferences.add_dissent(decision.id or 0, tom.id or 0, "Not needed.")
    ws.reload()
    panel = ws.decisions_panel
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    press_del(qtbot, panel.view)
    assert services.store.decisions(conference_id) == []
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)
    [back] = services.store.decisions(conference_id)
    assert back.text == "A plan." and [d.view for d in back.dissent] == ["Not needed."]


# --- actions ---------------------------------------------------------------------------------


def test_an_actions_description_and_owner_are_corrected_and_it_is_removed_with_undo(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    priya, tom = services.store.attendees(conference_id)[1:3]
    ws.action_owner.setCurrentText("Priya Nair")
    ws.action_description.setText("Book a medicl")
    ws.add_action()
    ws.action_view.setCurrentIndex(ws.action_model.index(0, 0))
    det = ws.action_details
    retype(qtbot, det.description, "Book a medical")
    pick(det.owner, tom.id)
    action = services.store.actions(conference_id)[0]
    assert (action.description, action.owner_id) == ("Book a medical", tom.id)
    services.conferences.add_action_update(action.id or 0, "Called the GP")
    ws.reload()
    ws.side_tabs.setCurrentWidget(ws.actions_panel)
    assert "Remove action" in context_texts(ws.action_view)
    press_del(qtbot, ws.action_view)
    assert services.store.actions(conference_id) == []
    qtbot.keyClick(ws.action_view, Qt.Key.Key_Z, CTRL)
    [back] = services.store.actions(conference_id)
    assert (back.description, back.owner_id) == ("Book a medical", tom.id)
    assert [u.note for u in back.updates] == ["Called the GP"]
    ws.undo_stack.undo()
    ws.undo_stack.undo()
    action = services.store.actions(conference_id)[0]
    assert (action.description, action.owner_id) == ("Book a medicl", priya.id)


def test_a_dated_progress_note_takes_its_own_date_and_the_status_set_with_it(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    """The note got the current time, and recorded the status the action had before it."""
    ws.action_description.setText("Book a medical")
    ws.add_action()
    ws.action_view.setCurrentIndex(ws.action_model.index(0, 0))
    det = ws.action_details
    with clock.use(clock.FixedClock(dt.datetime(2026, 12, 3, 15, 0, tzinfo=dt.UTC))):
        det.update_date.setDate(QDate(2026, 12, 1))
        det.update_status.setCurrentIndex(det.update_status.findData(ActionStatus.DONE.value))
        det.update_note.setFocus()
        qtbot.keyClicks(det.update_note, "Medical done on Tuesday")
        qtbot.keyClick(det.update_note, Qt.Key.Key_Return)
    action = services.store.actions(conference_id)[0]
    [update] = action.updates
    assert update.at.date() == dt.date(2026, 12, 1)
    assert update.status == ActionStatus.DONE
    assert action.status == ActionStatus.DONE
    assert action.completed_at is not None and action.completed_at.date() == dt.date(2026, 12, 1)
    ws.undo_stack.undo()
    action = services.store.actions(conference_id)[0]
    assert action.updates == [] and action.status == ActionStatus.OPEN
    assert action.completed_at is None


# --- mapping, household, children -------------------------------------------------------------


def test_a_mapping_line_is_corrected_and_removed_with_undo(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    panel = ws.safety_panel
    ws.side_tabs.setCurrentWidget(panel)
    panel.section.setCurrentIndex(panel.section.findData(SafetySection.WORRIES.value))
    panel.line.setFocus()
    qtbot.keyClicks(panel.line, "Bruise to the cheek")
    qtbot.keyClick(panel.line, Qt.Key.Key_Return)
    panel.lines.setCurrentRow(0)
    assert panel.line.text() == "Bruise to the cheek"
    panel.line.setText("Bruise to the left cheek, unexplained")
    panel.change_button.click()
    [line] = services.store.safety_lines(conference_id)
    assert line.text == "Bruise to the left cheek, unexplained"
    assert "Remove mapping line" in context_texts(panel.lines)
    panel.lines.setCurrentRow(0)
    press_del(qtbot, panel.lines)
    assert services.store.safety_lines(conference_id) == []
    ws.undo_stack.undo()
    assert [x.text for x in services.store.safety_lines(conference_id)] == [
        "Bruise to the left cheek, unexplained"
    ]
    ws.undo_stack.undo()
    assert [x.text for x in services.store.safety_lines(conference_id)] == ["Bruise to the cheek"]


def test_a_household_member_with_a_chinese_name_is_corrected_and_removed(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    d = ws.details_panel
    ws.side_tabs.setCurrentWidget(d)
    d.household_name.setText("Chan Kwok-keung")
    d.household_alt.setText("陳國強")
    d.household_relationship.setText("father")
    d.household_add.click()
    [member] = services.store.household(conference_id)
    assert (member.name, member.alt_name, member.relationship) == (
        "Chan Kwok-keung",
        "陳國強",
        "father",
    )
    assert "陳國強" in d.household.item(0).text()
    d.household.setCurrentRow(0)
    assert d.household_alt.text() == "陳國強"
    d.household_relationship.setText("stepfather")
    d.household_change.click()
    assert services.store.household(conference_id)[0].relationship == "stepfather"
    d.household.setCurrentRow(0)
    press_del(qtbot, d.household)
    assert services.store.household(conference_id) == []
    ws.undo_stack.undo()
    [back] = services.store.household(conference_id)
    assert (back.alt_name, back.relationship) == ("陳國強", "stepfather")
    exported = services.exchange.export_document(conference_id)
    [member] = exported["case"]["household"]
    assert (member["alt_name"], member["relationship"]) == ("陳國強", "stepfather")


def test_a_childs_name_is_corrected_and_a_second_child_removed(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    d = ws.details_panel
    ws.side_tabs.setCurrentWidget(d)
    case_id = ws.record.case.id or 0
    d.children_list.setCurrentRow(0)
    retype(qtbot, d.child_name, "Max Turnbull")
    assert [c.name for c in services.store.children(case_id)] == ["Max Turnbull"]
    d.new_child.setFocus()
    qtbot.keyClicks(d.new_child, "Lily Turnbull")
    qtbot.keyClick(d.new_child, Qt.Key.Key_Return)
    d.children_list.setCurrentRow(1)
    press_del(qtbot, d.children_list)
    assert [c.name for c in services.store.children(case_id)] == ["Max Turnbull"]
    ws.undo_stack.undo()
    assert [c.name for c in services.store.children(case_id)] == ["Max Turnbull", "Lily Turnbull"]


# --- times ------------------------------------------------------------------------------------


def test_the_conferences_start_and_end_are_typed_and_an_end_before_the_start_refused(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    d = ws.details_panel
    ws.side_tabs.setCurrentWidget(d)
    type_time(qtbot, d.started, "2026-11-20 10:07")
    conference = services.conferences.conference(conference_id)
    assert conference.started_at == local("2026-11-20 10:07")
    assert conference.status == ConferenceStatus.IN_PROGRESS, "typed afterwards: it was held"
    type_time(qtbot, d.ended, "2026-11-20 09:30")
    assert services.conferences.conference(conference_id).ended_at is None
    assert d.ended.error.isVisible() and "before the start" in d.ended.error.text()
    type_time(qtbot, d.ended, "2026-11-20 12:02")
    conference = services.conferences.conference(conference_id)
    assert conference.ended_at == local("2026-11-20 12:02")
    assert conference.status == ConferenceStatus.ENDED
    assert not d.ended.error.isVisible()
    ws.undo_stack.undo()
    conference = services.conferences.conference(conference_id)
    assert conference.ended_at is None and conference.status == ConferenceStatus.IN_PROGRESS


def test_an_agenda_items_start_and_end_are_typed_and_an_end_before_the_start_refused(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    first = services.store.agenda(conference_id)[0]
    ws.select_agenda_item(first.id or 0)
    type_time(qtbot, ws.meeting.item_started, "2026-11-20 10:10")
    assert services.store.agenda(conference_id)[0].started_at == local("2026-11-20 10:10")
    type_time(qtbot, ws.meeting.item_ended, "2026-11-20 10:00")
    assert services.store.agenda(conference_id)[0].ended_at is None
    assert ws.meeting.item_ended.error.isVisible()
    assert "before the start" in ws.meeting.item_ended.error.text()
    type_time(qtbot, ws.meeting.item_ended, "2026-11-20 10:25")
    assert services.store.agenda(conference_id)[0].ended_at == local("2026-11-20 10:25")


# --- quick entry ------------------------------------------------------------------------------


def test_an_action_without_owner_or_due_date_is_allowed_and_marked_in_words(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    """Ctrl+Shift+N, type, Enter stored an action due today, with no owner, without a word."""
    qtbot.keyClick(ws, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(ws.action_description, "Share the chronology")
    qtbot.keyClick(ws.action_description, Qt.Key.Key_Return)
    [action] = services.store.actions(conference_id)
    assert action.owner_id is None and action.due is None
    assert "no owner" in ws.action_model.index(0, ActionModel.COL_OWNER).data()
    assert "no date" in ws.action_model.index(0, ActionModel.COL_DUE).data()
    message = ws.message_label.text()
    assert "no owner" in message and "no due date" in message


def test_owner_and_due_date_do_not_carry_over_into_the_next_action(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    priya = services.store.attendees(conference_id)[1]
    ws.action_owner.setCurrentText("Priya Nair")
    ws.action_due.setDate(QDate(2026, 12, 4))
    ws.action_description.setText("Visit weekly")
    ws.add_action()
    assert services.store.actions(conference_id)[0].owner_id == priya.id
    assert ws.action_owner.currentText() == ""
    assert ws.action_due.text() == ws.action_due.specialValueText()
    ws.action_description.setText("Share the chronology")
    ws.add_action()
    second = services.store.actions(conference_id)[1]
    assert second.owner_id is None and second.due is None


def test_each_new_decision_starts_from_the_profiles_method(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    """The method kept the previous decision's value."""
    panel = ws.decisions_panel
    assert ws.profile is not None
    default = ws.profile.decision_method.value
    assert panel.method.currentData() == default
    _decision(ws, "A plan.", method="majority")
    assert services.store.decisions(conference_id)[0].method == DecisionMethod.MAJORITY
    assert panel.method.currentData() == default


def test_removal_is_offered_in_each_lists_context_menu(ws: WorkspaceWindow) -> None:
    for view, text in (
        (ws.attendee_view, "Remove attendee"),
        (ws.action_view, "Remove action"),
        (ws.decisions_panel.view, "Remove decision"),
        (ws.decisions_panel.dissent_list, "Remove dissent"),
        (ws.safety_panel.lines, "Remove mapping line"),
        (ws.details_panel.household, "Remove household member"),
        (ws.details_panel.children_list, "Remove child"),
    ):
        assert text in context_texts(view)
        remove = next(a for a in view.actions() if a.text() == text)
        assert remove.shortcut().toString() == "Del"
        assert remove.shortcutContext() == Qt.ShortcutContext.WidgetShortcut


def test_an_emptied_name_is_refused_and_the_stored_one_shown_again(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    ws.attendee_view.setCurrentIndex(ws.attendee_model.index(2, 0))  # Tom
    details = ws.attendee_details
    details.name.setFocus()
    details.name.selectAll()
    qtbot.keyClick(details.name, Qt.Key.Key_Delete)
    qtbot.keyClick(details.name, Qt.Key.Key_Return)
    assert services.store.attendees(conference_id)[2].name == "Tom Reid"
    assert "must not be empty" in ws.message_label.text()
    assert details.name.text() == "Tom Reid"
    assert ws.undo_stack.count() == 0


def test_a_notes_status_follows_the_actions_until_the_chair_sets_one(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    """A note written after the status was changed must not put the old status back."""
    ws.action_description.setText("Book a medical")
    ws.add_action()
    ws.side_tabs.setCurrentWidget(ws.actions_panel)
    ws.action_view.setCurrentIndex(ws.action_model.index(0, 0))
    det = ws.action_details
    pick(det.status, ActionStatus.IN_PROGRESS.value)
    assert det.update_status.currentData() == ActionStatus.IN_PROGRESS.value
    det.update_note.setFocus()
    qtbot.keyClicks(det.update_note, "Booked for Friday")
    qtbot.keyClick(det.update_note, Qt.Key.Key_Return)
    action = services.store.actions(conference_id)[0]
    assert action.status == ActionStatus.IN_PROGRESS
    assert [u.status for u in action.updates] == [ActionStatus.IN_PROGRESS]
    assert det.update_date.date() == QDate.currentDate()
