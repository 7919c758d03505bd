"""Before the meeting: a new case and conference, and a review carried forward from the last one."""

from __future__ import annotations

import dataclasses

import pytest

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.models import ActionStatus, Attendance, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.demo import load_demo
from mdcc_desktop.ui.home.main_window import MainWindow
from mdcc_desktop.ui.home.new_conference import NewConferenceDialog, parse_children
from tests.ui.home.test_main_window import RecordingPrompter


def test_children_lines_are_parsed_with_clear_errors() -> None:
    children = parse_children("Max Turner; ; 2021-02-14\n陳嘉欣 Chan Ka-yan; 陳嘉欣\n\n")
    assert [(c.name, c.alt_name, str(c.date_of_birth)) for c in children] == [
        ("Max Turner", None, "2021-02-14"),
        ("陳嘉欣 Chan Ka-yan", "陳嘉欣", "None"),
    ]
    with pytest.raises(ValidationError) as err:
        parse_children("Amy; ; 2021-13-40")
    assert "line 1" in str(err.value) and "is not a date" in str(err.value)


def test_new_case_and_conference_from_the_home_screen(qtbot, services: Services) -> None:
    prompter = RecordingPrompter()
    home = MainWindow(services, prompter)
    qtbot.addWidget(home)

    def fill(dialog: NewConferenceDialog) -> None:
        dialog.reference.setText("CS-2027-0001")
        dialog.children_edit.setPlainText("Amy Lee; 李美; 2019-03-02")
        dialog.profile.setCurrentIndex(dialog.profile.findData("ENG"))
        dialog.type.setCurrentIndex(dialog.type.findData("initial"))
        dialog.venue.setText("Civic Centre")
        dialog.create_conference()

    prompter.dialogs.append(fill)
    conference_id = home.new_conference()
    assert conference_id is not None
    record = services.conferences.record(conference_id)
    assert record.case.reference == "CS-2027-0001"
    assert [(c.name, c.alt_name) for c in record.children] == [("Amy Lee", "李美")]
    assert record.conference.venue == "Civic Centre"
    assert record.conference.type == ConferenceType.INITIAL
    assert len(record.agenda) == len(
        services.profiles.get("ENG").agenda_for(ConferenceType.INITIAL)
    )
    assert conference_id in home.workspaces  # the workspace opens at once
    home.close()


def test_dialog_shows_problems_inline_and_stays_open(qtbot, services: Services) -> None:
    dialog = NewConferenceDialog(services)
    qtbot.addWidget(dialog)
    dialog.reference.setText("CS-X")
    dialog.children_edit.setPlainText("")
    dialog.create_conference()
    assert "at least one child" in dialog.error_label.text()
    assert dialog.result_value is None
    assert services.conferences.cases() == []


def test_review_carries_forward_attendees_household_and_open_actions(
    qtbot, services: Services
) -> None:
    first = load_demo(services.exchange)
    previous = services.conferences.record(first.conference_id)
    dialog = NewConferenceDialog(services)
    qtbot.addWidget(dialog)
    dialog.reference.setText(previous.case.reference)
    assert dialog.type.currentData() == "review"  # an existing case suggests a review
    assert dialog.previous.currentData() == first.conference_id
    assert not dialog.children_edit.isEnabled()
    dialog.create_conference()
    assert dialog.result_value is not None
    review = services.conferences.record(dialog.result_value.conference_id)

    assert review.conference.previous_conference_id == first.conference_id
    assert [a.name for a in review.attendees] == [a.name for a in previous.attendees]
    assert all(
        a.attendance == Attendance.INVITED and a.arrived_at is None for a in review.attendees
    )
    assert [h.name for h in review.household] == [h.name for h in previous.household]
    open_before = [
        x for x in previous.actions if x.status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
    ]
    assert [x.description for x in review.actions] == [x.description for x in open_before]
    progress = next(i for i in review.agenda if i.title == "Progress on the plan")
    for new, old in zip(review.actions, open_before, strict=True):
        assert new.carried_from_action_id == old.id
        assert new.carried_from == old.ref
        assert new.agenda_item_id == progress.id
        assert [u.note for u in new.updates] == [u.note for u in old.updates]
    # The previous conference keeps its actions as they were, except that each carried one
    # now says which action superseded it (issue 10 finding 4, a deliberate change).
    after = services.conferences.record(first.conference_id).actions
    copies = {x.carried_from_action_id: x.id for x in review.actions}
    assert [dataclasses.replace(x, carried_to_action_id=None) for x in after] == previous.actions
    assert [x.carried_to_action_id for x in after] == [copies.get(x.id) for x in previous.actions]
    # And the carried action is in the exchange file with its link.
    doc = services.exchange.export_document(review.conference.id or 0)
    assert doc["conference"]["actions"][0]["carried_from"] == open_before[0].ref


def test_a_review_that_fails_half_way_leaves_nothing_behind(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mdcc_desktop.store.errors import StoreError

    first = load_demo(services.exchange)
    previous = services.conferences.record(first.conference_id)
    conference_ids = services.conferences.conference_ids()
    dialog = NewConferenceDialog(services)
    qtbot.addWidget(dialog)
    dialog.reference.setText(previous.case.reference)

    def fail(member: object) -> int:
        raise StoreError("The disk is full: free some space and try again.")

    monkeypatch.setattr(services.store, "add_household_member", fail)
    dialog.create_conference()
    assert dialog.result_value is None
    assert "disk is full" in dialog.error_label.text()
    # Not a review without its household, attendees and actions: no review at all.
    assert services.conferences.conference_ids() == conference_ids


def test_a_new_case_whose_conference_fails_is_not_left_behind(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mdcc_desktop.store.errors import StoreError

    dialog = NewConferenceDialog(services)
    qtbot.addWidget(dialog)
    dialog.reference.setText("CS-2027-0002")
    dialog.children_edit.setPlainText("Amy Lee")

    def fail(item: object) -> int:
        raise StoreError("The disk is full: free some space and try again.")

    monkeypatch.setattr(services.store, "add_agenda_item", fail)
    dialog.create_conference()
    assert dialog.result_value is None
    assert services.conferences.cases() == []  # no orphan case
