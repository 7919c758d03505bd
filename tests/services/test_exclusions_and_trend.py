"""The services behind the room and the scaling trend (issue 10, deliver 6 and 9): exclusions
are checked before they are stored and travel in the exchange file; the earlier scaling of a
case is read from its earlier conferences only."""

from __future__ import annotations

import datetime as dt

import pytest

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.models import Attendee, Child, ConferenceType, Exclusion, Role
from mdcc_desktop.services.context import Services

T0 = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


def minutes(n: int) -> dt.datetime:
    return T0 + dt.timedelta(minutes=n)


@pytest.fixture
def parent(services: Services) -> tuple[int, int]:
    c = services.conferences
    case = c.create_case("CS-ROOM", "ENG", [Child(name="Amy Test")])
    cid = c.create_conference(case.id or 0, "ENG", ConferenceType.INITIAL, T0)
    mother = c.add_attendee(cid, Attendee(name="Mary Parent", roles=[Role.PARENT])).id
    c.check_in(mother, T0)
    return cid, int(mother)


@pytest.mark.parametrize(
    ("exclusions", "message"),
    [
        ([Exclusion(minutes(20), "  ")], "reason they step out (1) must not be empty"),
        ([Exclusion(minutes(20), "Police", minutes(10))], "cannot come back (10:10)"),
        ([Exclusion(minutes(-5), "Police")], "only step out once they have arrived"),
        (
            [Exclusion(minutes(20), "Police"), Exclusion(minutes(30), "Health")],
            "already out of the room",
        ),
        (
            [Exclusion(minutes(20), "Police", minutes(40)), Exclusion(minutes(30), "Health")],
            "before coming back from the last time",
        ),
    ],
)
def test_impossible_times_out_are_refused_with_a_reason(
    services: Services, parent: tuple[int, int], exclusions: list[Exclusion], message: str
) -> None:
    cid, mother = parent
    with pytest.raises(ValidationError) as refused:
        services.conferences.set_exclusions(mother, exclusions)
    assert message in str(refused.value)
    assert services.conferences.record(cid).attendee(mother).exclusions == []


def test_exclusions_are_stored_in_order_and_exported(
    services: Services, parent: tuple[int, int]
) -> None:
    cid, mother = parent
    given = [
        Exclusion(minutes(50), "Health report", None),
        Exclusion(minutes(20), " Police report ", minutes(35)),
    ]
    services.conferences.set_exclusions(mother, given)
    assert given[0].attendee_id is None  # the list given is not changed
    stored = services.conferences.record(cid).attendee(mother).exclusions
    assert [(x.reason, x.left_at, x.returned_at) for x in stored] == [
        ("Police report", minutes(20), minutes(35)),
        ("Health report", minutes(50), None),
    ]
    (exported,) = services.exchange.export_document(cid, with_reporter_identity=True)["conference"][
        "attendees"
    ]
    assert [x["reason"] for x in exported["exclusions"]] == ["Police report", "Health report"]


def test_the_earlier_scaling_comes_from_the_cases_earlier_conferences_only(
    services: Services,
) -> None:
    c = services.conferences
    case = c.create_case("CS-TREND", "ENG", [Child(name="Amy Test")])
    other = c.create_case("CS-OTHER", "ENG", [Child(name="Ben Other")])
    dates = [T0 - dt.timedelta(days=180), T0 - dt.timedelta(days=90), T0, T0 + dt.timedelta(90)]
    ids = [c.create_conference(case.id or 0, "ENG", ConferenceType.REVIEW, d) for d in dates]
    elsewhere = c.create_conference(other.id or 0, "ENG", ConferenceType.INITIAL, dates[0])
    for cid, scores in zip(
        [*ids, elsewhere], [(2, 3, 4), (), (5, 5, 5), (9, 9, 9), (1, 1, 1)], strict=True
    ):
        for n, score in enumerate(scores):
            who = c.add_attendee(cid, Attendee(name=f"Person {n}", agency="A")).id
            c.set_scaling(cid, who, score, None)
    earlier = c.earlier_scaling(ids[2])
    # The first conference only: the second has no scores, the fourth is later, the fifth is
    # another case's.
    assert [e.conference_id for e in earlier] == [ids[0]]
    assert earlier[0].median == 3
    assert earlier[0].score_of("person 1", None) == 3
    assert earlier[0].score_of("Somebody else", None) is None
