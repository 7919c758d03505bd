"""One clock for every stamp the program writes, fixed in tests."""

from __future__ import annotations

import datetime as dt

import pytest

from mdcc_desktop.domain import clock
from mdcc_desktop.domain.models import (
    Action,
    ActionStatus,
    Attendee,
    Child,
    ConferenceType,
    Role,
)
from mdcc_desktop.services.context import Services

FIXED = dt.datetime(2026, 11, 20, 9, 30, 15, tzinfo=dt.UTC)
START = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


def test_a_fixed_clock_is_read_until_the_block_ends() -> None:
    with clock.use(clock.FixedClock(FIXED)) as fixed:
        assert clock.now() == FIXED and clock.now().tzinfo is not None
        assert clock.today() == FIXED.astimezone().date()
        assert isinstance(fixed, clock.FixedClock)
        fixed.advance(dt.timedelta(minutes=5))
        assert clock.now() == FIXED + dt.timedelta(minutes=5)
    assert clock.current_clock() is clock.system_clock
    assert abs(clock.now() - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


def test_a_fixed_clock_needs_a_time_zone() -> None:
    with pytest.raises(ValueError, match="time zone"):
        clock.FixedClock(dt.datetime(2026, 11, 20, 9, 30))


def test_the_stamps_the_services_and_the_store_write_come_from_the_clock(
    services: Services,
) -> None:
    conferences = services.conferences
    with clock.use(clock.FixedClock(FIXED)):
        case = conferences.create_case("CS-1", "ENG", [Child(name="Max Turner")])
        conference_id = conferences.create_conference(
            case.id or 0, "ENG", ConferenceType.INITIAL, START
        )
        attendee_id = conferences.add_attendee(
            conference_id, Attendee(name="Sam Carter", roles=[Role.CHAIR])
        ).id
        conferences.check_in(attendee_id)
        conferences.start(conference_id)
        action_id = conferences.add_action(
            conference_id, Action(description="Visit weekly", owner_id=attendee_id)
        ).id
        services.tracker.set_status(action_id, ActionStatus.IN_PROGRESS, "Started.")
    record = conferences.record(conference_id)
    assert record.case.created_at == FIXED
    assert record.conference.created_at == FIXED and record.conference.updated_at == FIXED
    assert record.conference.started_at == FIXED
    assert record.attendees[0].arrived_at == FIXED
    assert [u.at for u in record.actions[0].updates] == [FIXED]
