"""The deadlines service owns every deadline: time limits, closure days, next deadlines, each
case's deadlines and review dates; a review date the conference booked replaces the limit."""

from __future__ import annotations

import datetime as dt

from mdcc_desktop.domain.deadlines import Deadline
from mdcc_desktop.domain.models import Child, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.deadlines import DeadlinesService
from mdcc_desktop.services.minutes_lifecycle import MinutesLifecycle

HELD = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)  # a Friday


def _conference(services: Services, kind: ConferenceType = ConferenceType.INITIAL) -> int:
    case = services.conferences.create_case("CS-D", "ENG", [Child(name="Amy Lee")])
    return services.conferences.create_conference(case.id or 0, "ENG", kind, HELD)


def test_the_deadlines_service_is_in_the_container_and_the_lifecycle_keeps_none(
    services: Services,
) -> None:
    assert isinstance(services.deadlines, DeadlinesService)
    assert services.tracker.deadlines is services.deadlines
    for name in ("deadlines", "next_deadlines", "deadlines_from_facts", "closures"):
        assert not hasattr(MinutesLifecycle, name), name


def test_deadlines_are_typed_values_from_the_profile(services: Services) -> None:
    conference_id = _conference(services)
    due = {d.key: d for d in services.deadlines.for_conference(conference_id)}
    assert all(isinstance(d, Deadline) for d in due.values())
    assert due["outcome_letter"].due == dt.date(2026, 11, 23)
    assert due["first_review"].due == dt.date(2027, 2, 20) and not due["first_review"].booked
    assert services.deadlines.next_deadlines(dt.date(2026, 11, 20))[conference_id].key == (
        "outcome_letter"
    )
    services.deadlines.add_closure_day(dt.date(2026, 11, 23), "Flooding", "ENG")
    assert services.deadlines.closures("ENG") == frozenset({dt.date(2026, 11, 23)})
    due = {d.key: d for d in services.deadlines.for_conference(conference_id)}
    assert due["outcome_letter"].due == dt.date(2026, 11, 24)


def test_the_booked_review_date_is_the_one_shown_as_due(services: Services) -> None:
    """Issue 10 finding 4: the booked review date did not replace the statutory one."""
    conference_id = _conference(services, ConferenceType.REVIEW)
    statutory = {d.key: d for d in services.deadlines.for_conference(conference_id)}
    assert statutory["next_review"].due == dt.date(2027, 5, 20)  # six months
    booked = dt.date(2027, 4, 30)
    services.conferences.update_conference(conference_id, next_review=booked)
    due = {d.key: d for d in services.deadlines.for_conference(conference_id)}
    assert due["next_review"].due == booked and due["next_review"].booked
    (case,) = services.deadlines.case_deadlines()
    assert {d.key: d.due for d in case.deadlines}["next_review"] == booked
    (review,) = services.deadlines.review_dates()
    assert review.due == booked


def test_the_review_interval_comes_from_the_profile(services: Services) -> None:
    assert services.deadlines.review_due("ENG", ConferenceType.INITIAL, dt.date(2026, 11, 20)) == (
        dt.date(2027, 2, 20)
    )
    assert services.deadlines.review_due("ENG", ConferenceType.REVIEW, dt.date(2026, 11, 20)) == (
        dt.date(2027, 5, 20)
    )
    assert services.deadlines.review_due("NOPE", ConferenceType.REVIEW, dt.date(2026, 11, 20)) is (
        None
    )


def test_the_minutes_take_their_dates_from_the_deadlines_service(services: Services) -> None:
    """The minutes computed their own due dates, without the office's closure days: the
    document said one date and the deadlines page another."""
    conference_id = _conference(services)
    services.deadlines.add_closure_day(dt.date(2026, 11, 23), "Flooding", "ENG")
    record = services.conferences.record(conference_id)
    shown = {d.key: d.due for d in services.deadlines.for_conference(conference_id)}
    assert shown["core_group"] == dt.date(2026, 12, 7)  # ten working days, the closure skipped
    assert services.minutes.deadlines(record) == {k: v for k, v in shown.items() if v}


def test_the_next_deadlines_of_a_page_are_those_of_its_conferences_only(
    services: Services,
) -> None:
    """The conference list asks a page at a time (not every conference of the store at
    start-up): the answer for some conferences is the whole answer's, for those only."""
    case = services.conferences.create_case("CS-P", "ENG", [Child(name="Amy Lee")])

    def conference() -> int:
        return services.conferences.create_conference(
            case.id or 0, "ENG", ConferenceType.INITIAL, HELD
        )

    ids = [conference() for _ in range(3)]
    finalised = conference()
    services.store.update_conference(finalised, {"status": "finalised"})
    today = dt.date(2026, 11, 20)
    everything = services.deadlines.next_deadlines(today)
    assert set(everything) == set(ids)
    page = services.deadlines.next_deadlines_of([ids[0], ids[2], finalised], today)
    assert page == {ids[0]: everything[ids[0]], ids[2]: everything[ids[2]]}
    assert services.deadlines.next_deadlines_of([], today) == {}
