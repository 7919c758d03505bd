"""The attendee panel's quorum comes from the profile's rule over the agencies present now
(issue 10 finding 2): agencies typed in the quick-add row count without a discipline, people
who left do not count, nor do the chair's and minute-taker's own services."""

from __future__ import annotations

import datetime as dt

import pytest

from mdcc_desktop.domain.models import Child, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter


@pytest.fixture
def workspace(qtbot, services: Services) -> WorkspaceWindow:
    case = services.conferences.create_case("CS-Q", "ENG", [Child(name="Amy Test")])
    conference_id = services.conferences.create_conference(
        case.id or 0, "ENG", ConferenceType.INITIAL, dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC)
    )
    window = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _quick_add_and_check_in(ws: WorkspaceWindow, name: str, agency: str, role: str = "") -> None:
    """As the chair does: name and agency typed in the quick-add row, Enter, then Check in
    (the new attendee is selected)."""
    ws.new_name.setText(name)
    ws.new_agency.setText(agency)
    if role:
        ws.new_role.setCurrentIndex(ws.new_role.findData(role))
    ws.new_name.returnPressed.emit()
    ws.check_in_button.click()


def test_three_agencies_from_the_quick_add_row_make_the_quorum(
    qtbot, workspace: WorkspaceWindow, services: Services
) -> None:
    ws = workspace
    for name, agency in (("Sam", "Police"), ("Kim", "Health Visiting"), ("Lee", "School")):
        _quick_add_and_check_in(ws, name, agency)
    assert all(a.discipline is None for a in ws.controller.record.attendees)
    assert ws.quorum_label.text() == "Quorum: 3 agencies present, 3 needed ✓"

    # The chair's and the minute-taker's own service do not count.
    _quick_add_and_check_in(ws, "Pat Chair", "Conference Service", "chair")
    _quick_add_and_check_in(ws, "Jo Minutes", "Business Support", "minute_taker")
    assert ws.quorum_label.text() == "Quorum: 3 agencies present, 3 needed ✓"

    # Someone who left is not present.
    sam = next(a for a in ws.controller.record.attendees if a.name == "Sam")
    ws.attendee_view.selectRow(ws.attendee_model.row_of(sam.id or 0))
    ws.mark_left()
    assert ws.quorum_label.text() == "Quorum: 2 agencies present, 3 needed ✗"


def test_the_quick_add_row_takes_a_discipline_that_the_quorum_counts(
    qtbot, workspace: WorkspaceWindow, services: Services
) -> None:
    """Issue 10 deliver 2: the quick-add row takes a discipline; three people of three
    disciplines and no agency make the quorum, and the discipline does not carry over."""
    ws = workspace
    for name, discipline in (("Sam", "police"), ("Kim", "health"), ("Lee", "education")):
        ws.attendees_panel.new_discipline.setCurrentIndex(
            ws.attendees_panel.new_discipline.findData(discipline)
        )
        _quick_add_and_check_in(ws, name, "")
        assert ws.attendees_panel.new_discipline.currentData() is None, "nothing carries over"
    stored = {a.name: a.discipline for a in services.store.attendees(ws.conference_id)}
    assert {k: v.value if v else None for k, v in stored.items()} == {
        "Sam": "police",
        "Kim": "health",
        "Lee": "education",
    }
    assert ws.quorum_label.text() == "Quorum: 3 agencies present, 3 needed ✓"
