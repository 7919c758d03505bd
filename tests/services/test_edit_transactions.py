"""Each edit commits once: the change and its conference's ``updated_at`` in one transaction
named after the use case (counted with the connection's trace callback), told once committed."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from mdcc_desktop.domain.models import Action, Attendee, Child, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.events import Change
from tests.conftest import dump_database
from tests.services.test_conference_service import START


def _traced(services: Services, run: Callable[[], object]) -> list[str]:
    statements: list[str] = []
    conn = services.store.db.conn
    conn.set_trace_callback(statements.append)
    try:
        run()
    finally:
        conn.set_trace_callback(None)
    return [s.strip().upper() for s in statements]


@pytest.fixture
def conference(services: Services) -> tuple[int, int]:
    case = services.conferences.create_case("CS-T", "ENG", [Child(name="Amy Lee")])
    conference_id = services.conferences.create_conference(
        case.id or 0, "ENG", ConferenceType.INITIAL, START
    )
    attendee = services.conferences.add_attendee(conference_id, Attendee(name="Sam Police"))
    return conference_id, attendee.id


@pytest.mark.parametrize("edit", ["check in attendee", "add action"])
def test_an_edit_and_its_touch_are_one_transaction(
    services: Services, conference: tuple[int, int], edit: str, caplog: pytest.LogCaptureFixture
) -> None:
    conference_id, attendee_id = conference
    before = services.conferences.conference(conference_id).updated_at
    seen: list[bool] = []
    services.events.subscribe(lambda change: seen.append(services.store.db.conn.in_transaction))
    runs: dict[str, Callable[[], object]] = {
        "check in attendee": lambda: services.conferences.check_in(attendee_id),
        "add action": lambda: services.conferences.add_action(
            conference_id, Action(description="Phone the school")
        ),
    }
    with caplog.at_level(logging.DEBUG, logger="mdcc_desktop.store.store"):
        statements = _traced(services, runs[edit])
    assert statements.count("BEGIN IMMEDIATE") == 1
    assert statements.count("COMMIT") == 1
    touches = [s for s in statements if s.startswith("UPDATE [CONFERENCES]")]
    assert len(touches) == 1 and statements.index(touches[0]) < statements.index("COMMIT")
    assert services.conferences.conference(conference_id).updated_at >= before
    assert f"transaction '{edit}' committed" in caplog.text
    assert seen == [False]  # told once, after the commit


def test_an_edit_that_fails_leaves_nothing_and_tells_nothing(
    services: Services, conference: tuple[int, int]
) -> None:
    _conference_id, attendee_id = conference
    seen: list[Change] = []
    services.events.subscribe(seen.append)
    before = dump_database(services.store.db)
    with pytest.raises(ValueError, match="not columns"):
        services.conferences.update_attendee(attendee_id, job_title="Lead", bogus=1)
    assert dump_database(services.store.db) == before
    assert seen == []
