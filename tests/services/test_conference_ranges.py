"""The ranges imports check apply where the GUI hands values to the services too (issue 8):
a ValidationError with a line the UI shows, and nothing stored."""

from __future__ import annotations

import datetime as dt

import pytest

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.models import (
    Action,
    AgendaItem,
    Attendee,
    Child,
    ConferenceType,
    MandatoryReport,
)
from mdcc_desktop.services.context import Services

FAR = dt.datetime(9999, 12, 31, 10, 0, tzinfo=dt.UTC)
SOON = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def case_id(services: Services) -> int:
    case = services.conferences.create_case("CS-R-1", "ENG", [Child(name="Amy Test")])
    assert case.id is not None
    return case.id


@pytest.fixture
def conference_id(services: Services, case_id: int) -> int:
    return services.conferences.create_conference(case_id, "ENG", ConferenceType.INITIAL, SOON)


def refused(call: object, *parts: str) -> None:
    with pytest.raises(ValidationError) as caught:
        call()  # type: ignore[operator]
    text = "\n".join(caught.value.problems)
    for part in parts:
        assert part in text


def test_a_conference_cannot_be_scheduled_in_the_year_9999(
    services: Services, case_id: int
) -> None:
    refused(
        lambda: services.conferences.create_conference(case_id, "ENG", ConferenceType.INITIAL, FAR),
        "The scheduled start: the year 9999 is outside 1900–2199",
    )
    refused(
        lambda: services.conferences.create_conference(
            case_id, "ENG", ConferenceType.INITIAL, SOON, referral_received=dt.date(1800, 1, 1)
        ),
        "The referral date: the year 1800 is outside 1900–2199",
    )
    assert services.conferences.list_conferences() == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("scheduled_start", FAR, "The scheduled start: the year 9999"),
        ("started_at", FAR, "The start: the year 9999"),
        ("next_review", dt.date(9999, 12, 31), "The next review: the year 9999"),
        ("referral_received", dt.date(1, 1, 1), "The referral date: the year 1"),
    ],
)
def test_conference_dates_are_within_the_window(
    services: Services, conference_id: int, field: str, value: object, message: str
) -> None:
    before = services.conferences.conference(conference_id)
    refused(
        lambda: services.conferences.update_conference(conference_id, **{field: value}), message
    )
    assert services.conferences.conference(conference_id) == before


def test_planned_minutes_are_bounded(services: Services, conference_id: int) -> None:
    refused(
        lambda: services.conferences.add_agenda_item(
            conference_id, AgendaItem(title="Long", planned_minutes=601)
        ),
        "Planned minutes must be from 0 to 600",
    )
    refused(
        lambda: services.conferences.add_agenda_item(
            conference_id, AgendaItem(title="Odd", planned_minutes=-1)
        ),
        "Planned minutes must be from 0 to 600",
    )
    item_id = services.conferences.add_agenda_item(
        conference_id, AgendaItem(title="Edge", planned_minutes=600)
    ).id
    refused(
        lambda: services.conferences.update_agenda_item(item_id, planned_minutes=10**18),
        "Planned minutes must be from 0 to 600",
    )
    refused(
        lambda: services.conferences.update_agenda_item(item_id, planned_minutes=1e308),
        "Planned minutes must be a whole number of minutes",
    )
    assert services.store.get_agenda_item(item_id).planned_minutes == 600


def test_due_dates_are_within_the_window(services: Services, conference_id: int) -> None:
    refused(
        lambda: services.conferences.add_action(
            conference_id, Action(description="Visit", due=dt.date(9999, 12, 31))
        ),
        "The due date: the year 9999 is outside 1900–2199",
    )
    action_id = services.conferences.add_action(
        conference_id, Action(description="Visit", due=dt.date(2026, 12, 1))
    ).id
    refused(
        lambda: services.conferences.update_action(action_id, due=dt.date(9999, 12, 31)),
        "The due date: the year 9999",
    )
    refused(
        lambda: services.tracker.move_due(action_id, dt.date(9999, 12, 31), "later"),
        "The new due date: the year 9999 is outside 1900–2199",
    )
    refused(
        lambda: services.tracker.mark_done(action_id, dt.date(1000, 1, 1)),
        "The completion date: the year 1000",
    )
    assert services.store.get_action(action_id).due == dt.date(2026, 12, 1)
    assert services.store.get_action(action_id).updates == []


def test_names_must_hold_a_visible_character(services: Services, conference_id: int) -> None:
    refused(
        lambda: services.conferences.create_case("\u200b", "ENG", [Child(name="A")]),
        "The case reference must not be empty",
    )
    refused(
        lambda: services.conferences.create_case("CS-R-2", "ENG", [Child(name="\u3000 ")]),
        "A child's name must not be empty",
    )
    refused(
        lambda: services.conferences.add_attendee(conference_id, Attendee(name=" \u200d ")),
        "The attendee's name must not be empty",
    )


def test_other_dates_from_the_gui_are_within_the_window(
    services: Services, conference_id: int, case_id: int
) -> None:
    refused(
        lambda: services.conferences.add_child(
            case_id, Child(name="Ben", date_of_birth=dt.date(1800, 1, 1))
        ),
        "The date of birth: the year 1800",
    )
    refused(
        lambda: services.conferences.set_mandatory_report(
            conference_id, MandatoryReport(made=True, date=dt.date(9999, 1, 1))
        ),
        "The report's date: the year 9999",
    )
    attendee_id = services.conferences.add_attendee(conference_id, Attendee(name="Bo")).id
    refused(
        lambda: services.conferences.update_attendee(attendee_id, arrived_at=FAR),
        "The arrival time: the year 9999",
    )
    refused(
        lambda: services.conferences.set_scaling(conference_id, attendee_id, 1e308),  # type: ignore[arg-type]
        "A safety scale is from 0 to 10.",
    )
