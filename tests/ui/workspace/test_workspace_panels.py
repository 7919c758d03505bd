"""The workspace's side panels as a chair uses them: decisions and dissent, attendee details,
conference details with the mandatory report, the household, and the Signs of Safety mapping."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from mdcc_desktop.domain.models import (
    Attendance,
    Attendee,
    Child,
    ConferenceType,
    CopyKind,
    DecisionMethod,
    Discipline,
    Role,
    SafetySection,
)
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter


@pytest.fixture
def conference_id(services: Services) -> int:
    case = services.conferences.create_case("CS-PANELS", "ENG", [Child(name="Max Turner")])
    cid = services.conferences.create_conference(
        case.id or 0,
        "ENG",
        ConferenceType.INITIAL,
        dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC),
    )
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
    window.show()
    return window


def test_structured_decision_with_dissent_and_undo(
    ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    panel = ws.decisions_panel
    ws.side_tabs.setCurrentWidget(panel)
    panel.kind.setCurrentIndex(panel.kind.findData("plan"))
    panel.value.setCurrentIndex(panel.value.findData("child_protection_plan"))
    panel.text.setText("Max will be the subject of a child protection plan.")
    panel.rationale.setText("Continuing exposure to domestic abuse.")
    panel.method.setCurrentIndex(panel.method.findData("majority"))
    panel.add_button.click()
    decisions = services.store.decisions(conference_id)
    assert len(decisions) == 1
    d = decisions[0]
    assert (d.kind, d.value, d.method) == ("plan", "child_protection_plan", DecisionMethod.MAJORITY)
    assert d.rationale == "Continuing exposure to domestic abuse."
    assert panel.model.index(0, panel.model.COL_VALUE).data() == "Child protection plan"

    tom = next(a for a in services.store.attendees(conference_id) if a.name == "Tom Reid")
    panel.dissent_who.setCurrentIndex(panel.dissent_who.findData(tom.id))
    panel.dissent_view.setPlainText("Support could continue under a child in need plan.")
    panel.dissent_button.click()
    d = services.store.decisions(conference_id)[0]
    assert [(x.attendee_id, x.view) for x in d.dissent] == [
        (tom.id, "Support could continue under a child in need plan.")
    ]
    assert panel.dissent_list.count() == 1
    assert "Tom Reid" in panel.dissent_list.item(0).text()

    ws.undo_stack.undo()  # the dissent
    assert services.store.decisions(conference_id)[0].dissent == []
    ws.undo_stack.undo()  # the decision
    assert services.store.decisions(conference_id) == []
    ws.undo_stack.redo()
    ws.undo_stack.redo()  # the dissent finds the re-created decision
    d = services.store.decisions(conference_id)[0]
    assert len(d.dissent) == 1


def test_a_value_the_profile_does_not_allow_is_refused_inline(
    ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    panel = ws.decisions_panel
    panel.kind.setCurrentIndex(panel.kind.findData("category"))
    panel.value.setCurrentText("bogus")
    panel.text.setText("Category: bogus")
    panel.add_button.click()
    assert "not a category of abuse value" in ws.message_label.text()
    assert services.store.decisions(conference_id) == []


def test_review_date_decision_is_suggested_and_sets_the_next_review(
    ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    panel = ws.decisions_panel
    panel.kind.setCurrentIndex(panel.kind.findData("review_date"))
    # ENG: first review within 3 months of the initial conference (20 Nov 2026).
    assert panel.value.currentText() == "2027-02-20"
    panel.value.setCurrentText("2027-02-19")
    panel.add_button.click()
    assert services.store.get_conference(conference_id).next_review == dt.date(2027, 2, 19)
    assert services.store.decisions(conference_id)[0].text.endswith("2027-02-19")


def test_empty_decision_text_and_view_are_refused(
    ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    panel = ws.decisions_panel
    panel.kind.setCurrentIndex(panel.kind.findData("other"))
    panel.text.setText("  ")
    panel.add_button.click()
    assert "must not be empty" in ws.message_label.text()
    panel.text.setText("A free decision.")
    panel.restricted.setChecked(True)
    panel.add_button.click()
    assert services.store.decisions(conference_id)[0].restricted is True
    assert "RESTRICTED" in panel.model.index(0, panel.model.COL_TEXT).data()
    panel.dissent_view.setPlainText("")
    panel.dissent_button.click()
    assert "must not be empty" in ws.message_label.text()


def test_attendee_details_are_edited_in_place_with_undo(
    ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    ws.attendee_view.setCurrentIndex(ws.attendee_model.index(1, 0))  # Priya
    details = ws.attendee_details
    assert details.isEnabled()
    details.attendance.setCurrentIndex(details.attendance.findData("report_only"))
    details.attendance.activated.emit(details.attendance.currentIndex())
    details.discipline.setCurrentIndex(details.discipline.findData("social_work"))
    details.discipline.activated.emit(details.discipline.currentIndex())
    details.job_title.setText("Social Worker")
    details.job_title.editingFinished.emit()
    details.report.click()
    details.shared.click()
    core = next(
        details.roles.item(i)
        for i in range(details.roles.count())
        if details.roles.item(i).data(Qt.ItemDataRole.UserRole) == "core_group"
    )
    core.setCheckState(Qt.CheckState.Checked)
    details.copy.setCurrentIndex(details.copy.findData("full"))
    details.copy.activated.emit(details.copy.currentIndex())

    priya = services.store.attendees(conference_id)[1]
    assert priya.attendance == Attendance.REPORT_ONLY
    assert priya.discipline == Discipline.SOCIAL_WORK
    assert priya.job_title == "Social Worker"
    assert priya.report_submitted is True and priya.report_shared_with_parents is True
    assert priya.roles == [Role.KEY_WORKER, Role.CORE_GROUP]
    assert [(e.attendee_id, e.copy) for e in services.store.distribution(conference_id)] == [
        (priya.id, CopyKind.FULL)
    ]
    ws.undo_stack.undo()  # the copy
    assert services.store.distribution(conference_id) == []
    ws.undo_stack.undo()  # the role
    assert services.store.attendees(conference_id)[1].roles == [Role.KEY_WORKER]


def test_details_mandatory_report_is_masked_and_stored(
    ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    panel = ws.details_panel
    assert panel.reporter.echoMode() == QLineEdit.EchoMode.Password
    panel.report_made.click()
    panel.report_to.setText("Children's Services front door")
    panel.report_to.editingFinished.emit()
    panel.reporter.setText("Class teacher")
    panel.reporter.editingFinished.emit()
    report = services.store.get_conference(conference_id).mandatory_report
    assert report.made is True
    assert report.made_to == "Children's Services front door"
    assert report.reporter_identity == "Class teacher"
    panel.show_reporter.click()
    assert panel.reporter.echoMode() == QLineEdit.EchoMode.Normal
    # The exchange file carries it (the spec's contract); minutes never will.
    doc = services.exchange.export_document(conference_id, with_reporter_identity=True)
    assert doc["conference"]["mandatory_report"]["reporter_identity"] == "Class teacher"

    panel.venue.setText("Civic Centre, Room 3")
    panel.venue.editingFinished.emit()
    assert services.store.get_conference(conference_id).venue == "Civic Centre, Room 3"
    ws.undo_stack.undo()
    assert services.store.get_conference(conference_id).venue is None


def test_household_add_and_remove_with_undo(
    ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    panel = ws.details_panel
    panel.household_name.setText("Hannah Turner")
    panel.household_relationship.setText("mother")
    panel.household_add.click()
    panel.household_name.setText("Lee Parker")
    panel.household_relationship.setText("")
    panel.household_add.click()
    assert "relationship" in ws.message_label.text().lower()
    assert [h.name for h in services.store.household(conference_id)] == ["Hannah Turner"]
    panel.household.setCurrentRow(0)
    panel.household_remove.click()
    assert services.store.household(conference_id) == []
    ws.undo_stack.undo()
    assert [h.name for h in services.store.household(conference_id)] == ["Hannah Turner"]


def test_signs_of_safety_mapping_and_scaling(
    ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    panel = ws.safety_panel
    assert ws.side_tabs.isTabVisible(ws.safety_index)  # ENG uses Signs of Safety
    panel.section.setCurrentIndex(panel.section.findData("worries"))
    panel.line.setText("Max is exposed to domestic abuse.")
    panel.add_line()
    panel.section.setCurrentIndex(panel.section.findData("working_well"))
    panel.line.setText("Max attends school regularly.")
    panel.add_line()
    lines = services.store.safety_lines(conference_id)
    assert [(x.section, x.text) for x in lines] == [
        (SafetySection.WORRIES, "Max is exposed to domestic abuse."),
        (SafetySection.WORKING_WELL, "Max attends school regularly."),
    ]
    spin = panel.scale_editor(1)
    spin.setValue(3)
    spin.editingFinished.emit()
    priya = services.store.attendees(conference_id)[1]
    assert [(s.attendee_id, s.score) for s in services.store.scaling(conference_id)] == [
        (priya.id, 3)
    ]
    ws.undo_stack.undo()
    assert services.store.scaling(conference_id) == []
    doc = services.exchange.export_document(conference_id)
    assert doc["conference"]["safety_mapping"]["worries"] == ["Max is exposed to domestic abuse."]


def test_hk_profile_hides_the_safety_tab(qtbot, services: Services) -> None:
    case = services.conferences.create_case("HK-1", "HK", [Child(name="陳嘉欣")])
    cid = services.conferences.create_conference(
        case.id or 0, "HK", ConferenceType.INITIAL, dt.datetime(2026, 11, 13, 14, 30, tzinfo=dt.UTC)
    )
    window = WorkspaceWindow(services, cid, RecordingPrompter())
    qtbot.addWidget(window)
    assert not window.side_tabs.isTabVisible(window.safety_index)


def test_core_group_is_picked_from_the_attendees_roles(
    ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    people = services.store.attendees(conference_id)
    for a in people[1:]:
        services.conferences.update_attendee(a.id or 0, roles=[*a.roles, Role.CORE_GROUP])
    panel = ws.decisions_panel
    choose = panel.kind.findData("core_group")
    panel.kind.setCurrentIndex(choose)
    assert panel.value.currentText() == "Priya Nair, Tom Reid"
    panel.text.setText("Core group: Priya Nair and Tom Reid.")
    panel.add_button.click()
    stored = services.store.decisions(conference_id)[0]
    refs = [a.ref for a in services.store.attendees(conference_id)[1:]]
    assert stored.value == ",".join(refs)
    assert panel.model.index(0, panel.model.COL_VALUE).data() == "Priya Nair, Tom Reid"


def test_action_details_status_history_and_links(
    ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    priya = services.store.attendees(conference_id)[1]
    ws.action_owner.setCurrentText("Priya Nair")
    ws.action_description.setText("Rebook the development review")
    ws.add_action()
    ws.action_view.setCurrentIndex(ws.action_model.index(0, 0))
    det = ws.action_details
    item = services.store.agenda(conference_id)[2]
    det.agenda_item.setCurrentIndex(det.agenda_item.findData(item.id))
    det.agenda_item.activated.emit(det.agenda_item.currentIndex())
    det.priority.setCurrentIndex(det.priority.findData("high"))
    det.priority.activated.emit(det.priority.currentIndex())
    det.status.setCurrentIndex(det.status.findData("in_progress"))
    det.status.activated.emit(det.status.currentIndex())
    det.update_note.setText("Appointment offered for 2 December.")
    det.update_note.returnPressed.emit()
    action = services.store.actions(conference_id)[0]
    assert action.owner_id == priya.id
    assert action.agenda_item_id == item.id
    assert action.priority is not None and action.priority.value == "high"
    assert action.status.value == "in_progress"
    assert [(u.note, u.status.value if u.status else None) for u in action.updates] == [
        ("Appointment offered for 2 December.", "in_progress")
    ]
    assert det.history.count() == 1
    det.status.setCurrentIndex(det.status.findData("done"))
    det.status.activated.emit(det.status.currentIndex())
    assert services.store.actions(conference_id)[0].completed_at is not None
    ws.undo_stack.undo()  # not done after all
    action = services.store.actions(conference_id)[0]
    assert action.status.value == "in_progress" and action.completed_at is None
    ws.undo_stack.undo()  # the note goes
    assert services.store.actions(conference_id)[0].updates == []


def test_the_scaling_table_is_a_model_with_a_spin_box_delegate(
    qtbot, qtmodeltester, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    from PySide6.QtWidgets import QSpinBox

    panel = ws.safety_panel
    model = panel.scaling_model
    qtmodeltester.check(model)
    names = [a.name for a in ws.record.attendees]
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == names
    assert model.index(0, model.COL_SCORE).data() == "not rated"
    assert not model.flags(model.index(0, model.COL_NAME)) & Qt.ItemFlag.ItemIsEditable

    spin = panel.scale_editor(0)  # a persistent spin box, named for the participant
    assert isinstance(spin, QSpinBox)
    assert spin.accessibleName() == f"Safety scale of {names[0]}"
    spin.setValue(7)
    spin.editingFinished.emit()
    assert model.index(0, model.COL_SCORE).data() == "7"  # read back from the store
    assert model.setData(model.index(0, model.COL_NOTE), "  Grandmother nearby  ")
    (scale,) = services.conferences.record(conference_id).scaling
    assert (scale.score, scale.note) == (7, "Grandmother nearby")
    assert model.index(0, model.COL_NOTE).data() == "Grandmother nearby"
    qtmodeltester.check(model)

    ws.undo_stack.undo()  # the note, then the scale
    ws.undo_stack.undo()
    assert services.conferences.record(conference_id).scaling == []
    assert panel.scale_editor(0).value() == -1


def test_a_note_without_a_scale_is_refused_inline(ws: WorkspaceWindow) -> None:
    model = ws.safety_panel.scaling_model
    assert not model.setData(model.index(0, model.COL_NOTE), "A note first")
    assert ws.message_label.text() == "Give a scale before a note."
