"""Planning a conference is one use case and one transaction: case, conference, carry-forward."""

from __future__ import annotations

import datetime as dt

import pytest

from mdcc_desktop.domain.models import Child, ConferenceType, HouseholdMember
from mdcc_desktop.services.conferences import CarryForward, ConferencePlan
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.demo import load_demo
from mdcc_desktop.services.events import Change
from mdcc_desktop.store.errors import StoreError

START = dt.datetime(2027, 1, 20, 10, 0, tzinfo=dt.UTC)


def _count(services: Services, table: str) -> int:
    return int(services.store.db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0])


def _tables(services: Services) -> dict[str, int]:
    names = ("cases", "children", "conferences", "agenda_items", "attendees", "actions")
    return {t: _count(services, t) for t in names}


def test_a_new_case_and_its_conference_in_one_call(services: Services) -> None:
    seen: list[Change] = []
    services.events.subscribe(seen.append)
    planned = services.conferences.plan_conference(
        ConferencePlan(
            reference=" CS-9 ",
            jurisdiction="ENG",
            type=ConferenceType.INITIAL,
            scheduled_start=START,
            children=(Child(name="Amy Lee"),),
            venue="Civic Centre",
        )
    )
    assert planned.case_created and planned.actions_carried == 0 and planned.warnings == ()
    record = services.conferences.record(planned.conference_id)
    assert record.case.id == planned.case_id and record.case.reference == "CS-9"
    assert [c.name for c in record.children] == ["Amy Lee"]
    assert record.conference.venue == "Civic Centre"
    assert len(record.agenda) == len(
        services.profiles.get("ENG").agenda_for(ConferenceType.INITIAL)
    )
    # Announced only once everything is written.
    assert [(c.entity, c.kind) for c in seen] == [("case", "added"), ("conference", "added")]


def test_a_review_carries_forward_in_the_same_call(services: Services) -> None:
    first = load_demo(services.exchange)
    previous = services.conferences.record(first.conference_id)
    planned = services.conferences.plan_conference(
        ConferencePlan(
            reference=previous.case.reference,
            jurisdiction=previous.case.jurisdiction,
            type=ConferenceType.REVIEW,
            scheduled_start=START,
            carry=CarryForward(first.conference_id),
        )
    )
    assert not planned.case_created and planned.case_id == previous.case.id
    review = services.conferences.record(planned.conference_id)
    assert review.conference.previous_conference_id == first.conference_id
    assert [a.name for a in review.attendees] == [a.name for a in previous.attendees]
    open_before = [x for x in previous.actions if x.status.is_open]
    assert planned.actions_carried == len(open_before) > 0
    assert planned.warnings == (f"{len(open_before)} open action(s) carried forward.",)


def test_a_failure_while_carrying_forward_writes_nothing(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_demo(services.exchange)
    previous = services.conferences.record(first.conference_id)
    assert previous.household  # the failure comes after the attendees were copied
    before = _tables(services)

    def fail(member: HouseholdMember) -> int:
        raise StoreError("The disk is full: free some space and try again.")

    monkeypatch.setattr(services.store, "add_household_member", fail)
    with pytest.raises(StoreError):
        services.conferences.plan_conference(
            ConferencePlan(
                reference=previous.case.reference,
                jurisdiction=previous.case.jurisdiction,
                type=ConferenceType.REVIEW,
                scheduled_start=START,
                carry=CarryForward(first.conference_id),
            )
        )
    assert _tables(services) == before  # no conference without what it carries


def test_a_failure_after_the_case_leaves_no_orphan_case(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(item: object) -> int:
        raise StoreError("The disk is full: free some space and try again.")

    monkeypatch.setattr(services.store, "add_agenda_item", fail)
    with pytest.raises(StoreError):
        services.conferences.plan_conference(
            ConferencePlan(
                reference="CS-9",
                jurisdiction="ENG",
                type=ConferenceType.INITIAL,
                scheduled_start=START,
                children=(Child(name="Amy Lee"),),
            )
        )
    assert services.conferences.cases() == []
    assert _count(services, "children") == 0 and _count(services, "conferences") == 0
