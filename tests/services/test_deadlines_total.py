"""Deadlines are computed totally: one that cannot be computed is "unknown" with its reason, and
never stops minutes, letters, the tracker or the calendar export (issue 8).

A database may already hold values written before the import checked ranges, so these tests put
them in through the store, as an old version of the app would have.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from mdcc_desktop.domain.models import ConferenceType, CopyKind
from mdcc_desktop.domain.profiles import DeadlineRule
from mdcc_desktop.domain.tracker import ActionFilter
from mdcc_desktop.domain.workdays import CalendarError, WorkingCalendar, add_days, add_months
from mdcc_desktop.services.context import Services
from tests.conftest import DEMO

FAR = dt.datetime(9999, 12, 31, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@pytest.fixture
def far_id(services: Services) -> int:
    """The demo conference, scheduled in the year 9999 and not yet held (written directly)."""
    conference_id = services.exchange.import_file(DEMO).conference_id
    services.store.update_conference(
        conference_id, {"scheduled_start": FAR, "started_at": None, "ended_at": None}
    )
    return conference_id


# --- the domain --------------------------------------------------------------------------------


def test_working_days_past_the_year_9999_raise_a_calendar_error() -> None:
    calendar = WorkingCalendar("HK")
    with pytest.raises(CalendarError, match="after the year 9999"):
        calendar.add_working_days(dt.date(9999, 12, 30), 5)
    with pytest.raises(CalendarError, match="after the year 9999"):
        add_months(dt.date(9999, 11, 1), 3)
    with pytest.raises(CalendarError, match="after the year 9999"):
        add_days(dt.date(9999, 12, 30), 3)


def test_a_calendar_without_working_days_ends_its_search() -> None:
    closed = WorkingCalendar("HK", weekend=frozenset(range(7)))
    with pytest.raises(CalendarError, match="no working day"):
        closed.add_working_days(dt.date(2026, 1, 1), 5)


def test_due_dates_or_reasons_never_raise(services: Services) -> None:
    profile = services.profiles.get("HK")
    due, unknown = profile.due_dates_or_reasons(
        ConferenceType.INITIAL, FAR.date(), referral=dt.date(2026, 11, 1)
    )
    assert due["first_conference"] > dt.date(2026, 11, 1)  # from the referral: computable
    assert "minutes" in unknown and "after the year 9999" in unknown["minutes"]
    assert "minutes" not in due
    # the plain form leaves out what cannot be computed
    assert "minutes" not in profile.due_dates(ConferenceType.INITIAL, FAR.date())


def test_a_deadline_rule_in_calendar_days_past_9999() -> None:
    rule = DeadlineRule("x", "X", "conference", (ConferenceType.INITIAL,), days=3)
    with pytest.raises(CalendarError):
        rule.due(dt.date(9999, 12, 30), WorkingCalendar("HK"))


# --- the services ------------------------------------------------------------------------------


def test_deadlines_of_a_conference_in_9999_are_unknown_with_their_reason(
    services: Services, far_id: int
) -> None:
    deadlines = services.deadlines.for_conference(far_id)
    unknown = [d for d in deadlines if d.due is None]
    assert unknown, deadlines
    for d in unknown:
        assert d.unknown_reason and "9999" in d.unknown_reason
        assert d.due_text() == "unknown"
        assert not d.overdue(dt.date(2026, 1, 1))
    # the home list's next deadline and the deadlines page
    services.deadlines.next_deadlines(dt.date.today())
    cases = services.deadlines.case_deadlines()
    assert [c.conference_id for c in cases] == [far_id]
    services.deadlines.review_dates()


def test_minutes_and_letter_of_a_conference_in_9999_are_written(
    services: Services, far_id: int, tmp_path: Path
) -> None:
    version = services.minutes.issue_minutes(far_id, CopyKind.FULL, None, tmp_path / "m.docx")
    assert version.number == 1 and (tmp_path / "m.docx").stat().st_size > 0
    (tmp_path / "letters").mkdir()  # issue 12: one letter per recipient
    issued = services.lifecycle.export_letter(far_id, tmp_path / "letters")
    assert issued and all(x.path and x.path.stat().st_size > 0 for x in issued)


def test_the_calendar_export_holds_an_action_due_on_the_last_day(
    services: Services, far_id: int
) -> None:
    action = services.store.actions(far_id)[0]
    services.store.update_action(action.id or 0, {"due": dt.date(9999, 12, 31)})
    data = services.tracker.export(ActionFilter(as_of=dt.date(2026, 12, 1)), "ics")
    # Issue 12: a UID is action-<id>.<install id>@mdcc-desktop; keyed here by what comes first.
    events = {
        str(e["uid"]).split(".")[0]: e
        for e in Calendar.from_ical(data).walk()
        if e.name == "VEVENT"
    }
    last = events[f"action-{action.id}"]
    assert last.decoded("dtstart") == dt.date(9999, 12, 31)
    assert "dtend" not in last  # one day, as RFC 5545 reads a DATE start without an end
    for uid, event in events.items():
        if uid != f"action-{action.id}":
            assert event.decoded("dtend") == event.decoded("dtstart") + dt.timedelta(days=1)
    for fmt in ("csv", "xlsx"):
        assert services.tracker.export(ActionFilter(as_of=dt.date(2026, 12, 1)), fmt)
