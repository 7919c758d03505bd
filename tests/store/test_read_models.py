"""The store's reporting queries answer typed read models, decoded once, in the store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from mdcc_desktop.domain.models import (
    Action,
    Case,
    Child,
    Conference,
    ConferenceStatus,
    ConferenceType,
    LogEntry,
)
from mdcc_desktop.domain.read_models import DeadlineFacts, SearchHit
from mdcc_desktop.store import Store

HKT = dt.timezone(dt.timedelta(hours=8))
START = dt.datetime(2026, 11, 20, 23, 30, tzinfo=HKT)  # the 20th in Hong Kong, the 20th UTC too
STARTED = dt.datetime(2026, 11, 21, 0, 15, tzinfo=HKT)  # the 21st in Hong Kong, the 20th UTC
LETTER = dt.datetime(2026, 11, 23, 9, 0, tzinfo=HKT)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "mdcc.sqlite3")
    yield s
    s.close()


def _conference(store: Store) -> tuple[int, int]:
    case_id = store.add_case(Case(reference="CS-READ", jurisdiction="HK"))
    store.add_child(Child(name="陳大文", case_id=case_id))
    conference_id = store.add_conference(
        Conference(
            case_id=case_id,
            jurisdiction="HK",
            type=ConferenceType.INITIAL,
            scheduled_start=START,
            started_at=STARTED,
            referral_received=dt.date(2026, 11, 1),
            next_review=dt.date(2027, 2, 20),
        )
    )
    store.add_action(Action(description="Home visit weekly", conference_id=conference_id))
    return case_id, conference_id


def test_deadline_facts_are_decoded(store: Store) -> None:
    case_id, conference_id = _conference(store)
    store.add(LogEntry(conference_id=conference_id, at=LETTER, kind="letter"))
    [facts] = store.deadline_facts(conference_id=conference_id)
    assert facts == DeadlineFacts(
        conference_id=conference_id,
        case_id=case_id,
        case_reference="CS-READ",
        jurisdiction="HK",
        type=ConferenceType.INITIAL,
        status=ConferenceStatus.PLANNED,
        scheduled_start=START,
        started_at=STARTED,
        referral_received=dt.date(2026, 11, 1),
        next_review=dt.date(2027, 2, 20),
        letter_at=LETTER,
        circulated_at=None,
    )
    assert facts.held == dt.date(2026, 11, 21)  # the day where it was held, as stored


def test_search_hits_are_decoded(store: Store) -> None:
    _, conference_id = _conference(store)
    hits = sorted(store.search_hits("Home visit") + store.search_hits("陳大文"), key=str)
    assert hits == sorted(
        [
            SearchHit("actions", 1, conference_id, "CS-READ", "Home visit weekly"),
            SearchHit("children", 1, conference_id, "CS-READ", "陳大文"),
        ],
        key=str,
    )
    assert all(isinstance(h, SearchHit) for h in hits)
