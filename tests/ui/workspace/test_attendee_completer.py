"""The attendee name completer finds anyone in the directory, not only its first 20 people.

The directory was read once (the first 20 people by name) and the completer filtered that list,
so the 27th person of 30 could never be picked: the chair typed them in again and the directory
got a second entry for the same worker.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from mdcc_desktop.domain.models import Attendee, Child, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter

PEOPLE = 30


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
def workspace(qtbot, services: Services) -> WorkspaceWindow:
    earlier = _conference(services, "CS-EARLIER")
    for n in range(1, PEOPLE + 1):  # everyone met at an earlier conference is in the directory
        services.conferences.add_attendee(
            earlier, Attendee(name=f"Worker {n:02d} Lee", agency=f"Agency {n:02d}")
        )
    window = WorkspaceWindow(services, _conference(services, "CS-NOW"), RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _offered(ws: WorkspaceWindow) -> list[str]:
    completer = ws.new_name.completer()
    model = completer.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_the_27th_person_of_30_is_offered_and_picked(
    qtbot, workspace: WorkspaceWindow, services: Services
) -> None:
    assert len(services.conferences.find_people("Worker")) < PEOPLE  # one query is capped
    workspace.new_name.setFocus()
    qtbot.keyClicks(workspace.new_name, "Worker 27")
    assert _offered(workspace) == ["Worker 27 Lee — Agency 27"]

    completer = workspace.new_name.completer()
    completer.activated.emit(_offered(workspace)[0])  # the chair picks the one offered
    assert workspace.new_agency.text() == "Agency 27"
    qtbot.keyClick(workspace.new_name, Qt.Key.Key_Return)

    (attendee,) = services.conferences.record(workspace.conference_id).attendees
    assert (attendee.name, attendee.agency) == ("Worker 27 Lee", "Agency 27")
    (person,) = services.conferences.find_people("Worker 27")
    assert attendee.person_id == person.id  # the directory's entry, not a second one


def test_typing_narrows_and_widens_the_offer(qtbot, workspace: WorkspaceWindow) -> None:
    workspace.new_name.setFocus()
    qtbot.keyClicks(workspace.new_name, "Worker 0")
    assert _offered(workspace) == [f"Worker 0{n} Lee — Agency 0{n}" for n in range(1, 10)]
    qtbot.keyClick(workspace.new_name, Qt.Key.Key_Backspace)
    qtbot.keyClicks(workspace.new_name, "30")
    assert _offered(workspace) == ["Worker 30 Lee — Agency 30"]
