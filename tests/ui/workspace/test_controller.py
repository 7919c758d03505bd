"""The workspace controller: one refresh per edit, its own notes skipped, other conferences
ignored, and suspend/resume/flush for the auto-lock."""

from __future__ import annotations

import datetime as dt

import pytest

from mdcc_desktop.domain.models import Child, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.events import Change
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter


def _conference(services: Services, reference: str) -> int:
    case = services.conferences.create_case(reference, "ENG", [Child(name="Amy Test")])
    assert case.id is not None
    return services.conferences.create_conference(
        case.id,
        "ENG",
        ConferenceType.INITIAL,
        dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC),
        venue="Room 1",
    )


@pytest.fixture
def controller(qtbot, services: Services) -> WorkspaceController:
    c = WorkspaceController(services, _conference(services, "CS-CTL-1"))
    assert c.load() is not None
    return c


def _told(controller: WorkspaceController) -> list[list[Change]]:
    told: list[list[Change]] = []
    controller.changed.connect(told.append)
    return told


def test_an_edit_of_several_changes_is_told_once(
    controller: WorkspaceController, services: Services
) -> None:
    told = _told(controller)
    cid = controller.conference_id
    with controller.operation():
        services.conferences.update_conference(cid, venue="Room 2")
        services.conferences.update_conference(cid, venue="Room 3")
        assert told == []  # nothing yet: the edit is under way
    assert len(told) == 1 and len(told[0]) == 2
    assert all(change.initiator is controller for change in told[0])


def test_changes_made_elsewhere_are_told_at_once_and_other_conferences_not_at_all(
    controller: WorkspaceController, services: Services
) -> None:
    other = _conference(services, "CS-CTL-2")  # (a new case is told: cases show in the header)
    told = _told(controller)
    services.conferences.update_conference(other, venue="Elsewhere")
    assert told == []
    services.conferences.update_conference(controller.conference_id, venue="Room 9")
    assert [[c.entity for c in changes] for changes in told] == [["conference"]]


def test_a_refused_edit_shows_why_and_tells_nothing(
    qtbot, controller: WorkspaceController, services: Services
) -> None:
    told = _told(controller)
    messages: list[tuple[str, bool]] = []
    controller.message.connect(lambda text, error: messages.append((text, error)))
    ok = controller.push_update(
        "end before the start",
        controller.set_conference,
        controller.conference_id,
        {
            "started_at": dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC),
            "ended_at": dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC),
        },
        {"started_at": None, "ended_at": None},
    )
    assert not ok and messages and messages[-1][1] is True
    assert told == [] and controller.undo_stack.count() == 0


def test_suspended_it_tells_nothing_and_on_resume_asks_for_everything(
    controller: WorkspaceController, services: Services
) -> None:
    told = _told(controller)
    assert controller.suspend() is True
    services.conferences.update_conference(controller.conference_id, venue="Room 4")
    with controller.operation():
        services.conferences.update_conference(controller.conference_id, venue="Room 5")
    assert told == []
    controller.resume()
    assert told == [[]]  # read everything again
    assert not controller.is_suspended


def test_flush_stores_the_notes_typed_and_not_yet_handed_over(qtbot, services: Services) -> None:
    window = WorkspaceWindow(services, _conference(services, "CS-CTL-3"), RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    item = window.record.agenda[0]
    window.select_agenda_item(item.id or 0)
    window.notes_edit.setFocus()
    qtbot.keyClicks(window.notes_edit, "Typed just before the lock")
    assert window.controller.flush() is True  # before any save timer fired
    stored = services.conferences.record(window.conference_id).agenda[0].notes
    assert stored == "Typed just before the lock"


def test_the_next_agenda_item_is_one_undo_step_and_one_refresh(qtbot, services: Services) -> None:
    window = WorkspaceWindow(services, _conference(services, "CS-CTL-4"), RecordingPrompter())
    qtbot.addWidget(window)
    told = _told(window.controller)
    window.next_item()  # starts the first item
    window.next_item()  # ends it, starts the second, moves the pointer: three changes
    assert len(told) == 2 and len(told[1]) == 3
    first, second = window.record.agenda[:2]
    assert first.ended_at is not None and second.started_at is not None
    window.undo_stack.undo()
    record = services.conferences.record(window.conference_id)
    assert record.conference.current_agenda_item_id == first.id
    assert record.agenda[0].ended_at is None and record.agenda[1].started_at is None


def test_a_change_names_the_panels_that_show_it() -> None:
    from mdcc_desktop.ui.workspace.controller import PANELS, panels_to_refresh

    assert panels_to_refresh([Change("action", 1, 7)]) == {"actions"}
    assert panels_to_refresh([Change("household", 1, 7), Change("safety", 2, 7)]) == {
        "details",
        "safety",
    }
    assert panels_to_refresh([Change("conference", 7, 7)]) == PANELS
    assert panels_to_refresh([Change("something new", 1, 7)]) == PANELS
    assert panels_to_refresh([]) == PANELS  # read everything


def test_adding_an_action_refreshes_the_actions_and_not_the_agenda_or_attendees(
    qtbot, services: Services
) -> None:
    window = WorkspaceWindow(services, _conference(services, "CS-CTL-5"), RecordingPrompter())
    qtbot.addWidget(window)
    resets = {"agenda": 0, "attendees": 0, "actions": 0}
    window.agenda_model.modelReset.connect(
        lambda: resets.__setitem__("agenda", resets["agenda"] + 1)
    )
    window.attendee_model.modelReset.connect(
        lambda: resets.__setitem__("attendees", resets["attendees"] + 1)
    )
    window.action_model.modelReset.connect(
        lambda: resets.__setitem__("actions", resets["actions"] + 1)
    )
    window.action_description.setText("Book the interpreter")
    window.add_action()
    assert [a.description for a in window.record.actions] == ["Book the interpreter"]
    assert window.action_model.rowCount() == 1
    assert resets == {"agenda": 0, "attendees": 0, "actions": 1}
