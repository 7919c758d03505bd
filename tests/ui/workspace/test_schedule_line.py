"""Issue 10, deliver 2: the schedule line says how far ahead or behind the meeting runs against
its agenda's plan. It used to set the whole time since the start against the whole agenda's
plan, so a meeting 10 minutes behind read "35:00 under the planned 60:00"."""

from __future__ import annotations

import datetime as dt

import pytest

from mdcc_desktop.domain.models import Child, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.widgets import theme
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter

START = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


def minutes(n: float) -> dt.datetime:
    return START + dt.timedelta(minutes=n)


@pytest.fixture
def meeting(qtbot, services: Services) -> tuple[WorkspaceWindow, int, list[int]]:
    """A meeting started at 10:00 whose first items are planned at 10, 20 and 30 minutes."""
    case = services.conferences.create_case("CS-PLAN-1", "ENG", [Child(name="Amy Plan")])
    assert case.id is not None
    conference_id = services.conferences.create_conference(
        case.id, "ENG", ConferenceType.INITIAL, START
    )
    agenda = services.conferences.record(conference_id).agenda
    ids = [item.id for item in agenda if item.id is not None]
    for item_id, planned in zip(ids, [10, 20, 30], strict=False):
        services.conferences.update_agenda_item(item_id, planned_minutes=planned)
    for item_id in ids[3:]:
        services.conferences.update_agenda_item(item_id, planned_minutes=None)
    services.conferences.start(conference_id, at=START)
    window = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, conference_id, ids


def _run(
    services: Services,
    window: WorkspaceWindow,
    conference_id: int,
    first: int,
    second: int,
    *,
    first_ends: float,
    now: float,
) -> str:
    """The first item runs from 10:00 to ``first_ends``; the second since then; it is ``now``."""
    services.conferences.update_agenda_item(first, started_at=START, ended_at=minutes(first_ends))
    services.conferences.update_agenda_item(second, started_at=minutes(first_ends))
    services.conferences.update_conference(conference_id, current_agenda_item_id=second)
    window.reload()
    window.meeting.tick(minutes(now))  # what the workspace's clock does each second
    return window.total_label.text()


def test_a_meeting_ten_minutes_over_its_plan_says_it_runs_ten_minutes_behind(
    services: Services, meeting: tuple[WorkspaceWindow, int, list[int]]
) -> None:
    window, conference_id, ids = meeting
    # The first item, planned at 10 minutes, took 20; the second has run 5 of its 20.
    text = _run(services, window, conference_id, ids[0], ids[1], first_ends=20, now=25)
    assert text == "Meeting: 10:00 behind the plan (1:00:00 planned)"
    assert window.total_label.styleSheet() == theme.style(theme.Tone.WARNING, bold=True)


def test_a_meeting_under_its_plan_says_it_runs_ahead(
    services: Services, meeting: tuple[WorkspaceWindow, int, list[int]]
) -> None:
    window, conference_id, ids = meeting
    # The first item took 5 of its 10 minutes; the second has run 5 of its 20.
    text = _run(services, window, conference_id, ids[0], ids[1], first_ends=5, now=10)
    assert text == "Meeting: 05:00 ahead of the plan (1:00:00 planned)"
    assert window.total_label.styleSheet() == ""


def test_an_item_running_over_its_time_puts_the_meeting_behind(
    services: Services, meeting: tuple[WorkspaceWindow, int, list[int]]
) -> None:
    window, conference_id, ids = meeting
    # Both items on time so far, then the second runs 25 minutes against its 20.
    text = _run(services, window, conference_id, ids[0], ids[1], first_ends=10, now=20)
    assert text == "Meeting: on the plan (1:00:00 planned)"
    window.meeting.tick(minutes(35))
    assert window.total_label.text() == "Meeting: 05:00 behind the plan (1:00:00 planned)"
