"""ConferenceService: the one API the GUI and the command line change conferences through."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from mdcc_desktop.domain.errors import ConferenceLockedError, ValidationError
from mdcc_desktop.domain.models import (
    Action,
    AgendaItem,
    Attendance,
    Attendee,
    Child,
    ConferenceStatus,
    ConferenceType,
    Decision,
    Role,
)
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.events import Change
from tests.conftest import dump_database

START = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


def new_conference(
    services: Services,
    jurisdiction: str = "ENG",
    ref: str = "CS-1",
    kind: ConferenceType = ConferenceType.INITIAL,
) -> int:
    case = services.conferences.create_case(ref, jurisdiction, [Child(name="Max Turner")])
    assert case.id is not None
    return services.conferences.create_conference(case.id, jurisdiction, kind, START)


def dump(services: Services) -> list[str]:
    return dump_database(services.store.db)


# --- cases and conferences -------------------------------------------------------------------


@pytest.mark.parametrize("jurisdiction", ["ENG", "HK"])
@pytest.mark.parametrize("kind", [ConferenceType.INITIAL, ConferenceType.REVIEW])
def test_new_conference_gets_the_profiles_agenda(
    services: Services, jurisdiction: str, kind: ConferenceType
) -> None:
    conference_id = new_conference(services, jurisdiction, kind=kind)
    template = services.profiles.get(jurisdiction).agenda_for(kind)
    assert template, "the shipped profile has an agenda for this type"
    agenda = services.store.agenda(conference_id)
    assert [(a.title, a.planned_minutes, bool(a.restricted)) for a in agenda] == [
        (t.title, t.planned_minutes, t.restricted) for t in template
    ]
    conference = services.conferences.conference(conference_id)
    assert conference.jurisdiction == jurisdiction
    assert conference.status == ConferenceStatus.PLANNED
    assert conference.has_safety_mapping == services.profiles.get(jurisdiction).signs_of_safety


def test_conference_without_agenda_template(services: Services) -> None:
    case = services.conferences.create_case("CS-9", "ENG", [Child(name="A")])
    assert case.id is not None
    conference_id = services.conferences.create_conference(
        case.id, "ENG", ConferenceType.INITIAL, START, with_agenda_template=False
    )
    assert services.store.agenda(conference_id) == []


def test_create_case_stores_children_in_order(services: Services) -> None:
    case = services.conferences.create_case(
        "  CS-2  ", "HK", [Child(name="陳嘉欣"), Child(name="Chan Ka-lok")]
    )
    assert case.id is not None
    assert case.reference == "CS-2"
    assert [c.name for c in services.store.children(case.id)] == ["陳嘉欣", "Chan Ka-lok"]


@pytest.mark.parametrize(
    ("reference", "children", "expected"),
    [
        ("", [Child(name="A")], "The case reference must not be empty"),
        ("R", [], "A case needs at least one child."),
        ("R", [Child(name="  ")], "A child's name must not be empty"),
    ],
)
def test_create_case_refuses_bad_input(
    services: Services, reference: str, children: list[Child], expected: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        services.conferences.create_case(reference, "ENG", children)
    assert expected in caught.value.problems
    assert services.store.list_cases() == []


def test_create_case_refuses_a_duplicate_reference(services: Services) -> None:
    services.conferences.create_case("CS-1", "ENG", [Child(name="A")])
    with pytest.raises(ValidationError, match="already exists"):
        services.conferences.create_case(" CS-1 ", "ENG", [Child(name="B")])
    assert len(services.store.list_cases()) == 1


def test_unknown_jurisdiction_lists_the_known_ones(services: Services) -> None:
    with pytest.raises(ValidationError, match=r"unknown jurisdiction profile 'XX'.*ENG, HK"):
        services.conferences.create_case("CS-1", "XX", [Child(name="A")])


def test_scheduled_start_needs_a_time_zone(services: Services) -> None:
    case = services.conferences.create_case("CS-1", "ENG", [Child(name="A")])
    assert case.id is not None
    with pytest.raises(ValidationError, match="time zone"):
        services.conferences.create_conference(
            case.id, "ENG", ConferenceType.INITIAL, dt.datetime(2026, 11, 20, 10)
        )
    assert services.store.conference_ids() == []


def test_update_conference_refuses_end_before_start(services: Services) -> None:
    conference_id = new_conference(services)
    services.conferences.start(conference_id, START)
    before = dump(services)
    with pytest.raises(ValidationError, match=r"the end \(\d\d:\d\d\) is before the start"):
        services.conferences.update_conference(
            conference_id, ended_at=START - dt.timedelta(minutes=5)
        )
    assert dump(services) == before
    services.conferences.end(conference_id, START + dt.timedelta(hours=2))
    conference = services.conferences.conference(conference_id)
    assert conference.status == ConferenceStatus.ENDED
    assert conference.ended_at == START + dt.timedelta(hours=2)


# --- attendees -------------------------------------------------------------------------------


def test_add_attendee_warns_until_chair_and_minute_taker(services: Services) -> None:
    conference_id = new_conference(services)
    first = services.conferences.add_attendee(
        conference_id, Attendee(name="Priya Nair", agency="Children's Services")
    )
    assert first.warnings == ["No one has the chair role.", "No one is taking the minutes."]
    second = services.conferences.add_attendee(
        conference_id, Attendee(name="Ruth Okafor", roles=[Role.CHAIR])
    )
    assert second.warnings == ["No one is taking the minutes."]
    third = services.conferences.add_attendee(
        conference_id, Attendee(name="Daniel Shaw", roles=[Role.MINUTE_TAKER])
    )
    assert third.warnings == []
    names = [a.name for a in services.store.attendees(conference_id)]
    assert names == ["Priya Nair", "Ruth Okafor", "Daniel Shaw"]


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_add_attendee_refuses_an_empty_name(services: Services, name: str) -> None:
    conference_id = new_conference(services)
    with pytest.raises(ValidationError, match="name must not be empty"):
        services.conferences.add_attendee(conference_id, Attendee(name=name))
    assert services.store.attendees(conference_id) == []


def test_add_attendee_refuses_the_same_person_twice(services: Services) -> None:
    conference_id = new_conference(services)
    services.conferences.add_attendee(
        conference_id, Attendee(name="Ruth Okafor", agency="Safeguarding")
    )
    with pytest.raises(ValidationError, match="already listed"):
        services.conferences.add_attendee(
            conference_id, Attendee(name="  RUTH okafor ", agency="safeguarding")
        )
    # the same name from another agency is another person
    services.conferences.add_attendee(conference_id, Attendee(name="Ruth Okafor", agency="Police"))
    assert len(services.store.attendees(conference_id)) == 2


def test_add_attendee_strips_the_name(services: Services) -> None:
    conference_id = new_conference(services)
    outcome = services.conferences.add_attendee(conference_id, Attendee(name="  Grace Obi  "))
    assert services.store.get_attendee(outcome.id).name == "Grace Obi"


# --- actions ---------------------------------------------------------------------------------


def test_action_with_a_past_due_date_is_kept_with_a_warning(services: Services) -> None:
    conference_id = new_conference(services)
    today = dt.date(2026, 11, 20)
    outcome = services.conferences.add_action(
        conference_id,
        Action(description="Refer to support", due=dt.date(2026, 11, 1)),
        today=today,
    )
    assert outcome.warnings == ["The due date 2026-11-01 is in the past."]
    stored = services.store.get_action(outcome.id)
    assert stored.due == dt.date(2026, 11, 1)
    future = services.conferences.add_action(
        conference_id, Action(description="Later", due=today), today=today
    )
    assert future.warnings == []


@pytest.mark.parametrize("description", ["", "  "])
def test_action_needs_a_description(services: Services, description: str) -> None:
    conference_id = new_conference(services)
    with pytest.raises(ValidationError, match="description must not be empty"):
        services.conferences.add_action(conference_id, Action(description=description))
    assert services.store.actions(conference_id) == []


def test_action_owner_must_attend_this_conference(services: Services) -> None:
    first = new_conference(services, ref="CS-1")
    second = new_conference(services, ref="CS-2")
    other = services.conferences.add_attendee(second, Attendee(name="Tom Reid"))
    with pytest.raises(ValidationError, match="owner must be an attendee"):
        services.conferences.add_action(first, Action(description="x", owner_id=other.id))
    mine = services.conferences.add_attendee(first, Attendee(name="Tom Reid"))
    outcome = services.conferences.add_action(first, Action(description="x", owner_id=mine.id))
    assert services.store.get_action(outcome.id).owner_id == mine.id


# --- decisions -------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["emotional", "neglect, emotional", "physical"])
def test_decision_values_the_profile_allows(services: Services, value: str) -> None:
    conference_id = new_conference(services, "ENG")
    outcome = services.conferences.add_decision(
        conference_id, Decision(kind="category", value=value, text="Category of abuse")
    )
    assert services.store.get_decision(outcome.id).value == value


@pytest.mark.parametrize("value", ["bogus", "emotional, bogus"])
def test_decision_values_the_profile_refuses(services: Services, value: str) -> None:
    conference_id = new_conference(services, "ENG")
    with pytest.raises(ValidationError) as caught:
        services.conferences.add_decision(
            conference_id, Decision(kind="category", value=value, text="Category of abuse")
        )
    assert caught.value.problems == [
        "'bogus' is not a category of abuse value (allowed: neglect, physical, emotional, sexual)."
    ]
    assert services.store.decisions(conference_id) == []


def test_decision_needs_kind_and_text(services: Services) -> None:
    conference_id = new_conference(services)
    with pytest.raises(ValidationError) as caught:
        services.conferences.add_decision(conference_id, Decision(kind=" ", text=""))
    assert caught.value.problems == [
        "The kind of decision must not be empty",
        "The decision's text must not be empty",
    ]


def test_add_dissent(services: Services) -> None:
    conference_id = new_conference(services, ref="CS-1")
    fsw = services.conferences.add_attendee(conference_id, Attendee(name="Tom Reid"))
    decision = services.conferences.add_decision(
        conference_id, Decision(kind="plan", value="child_protection_plan", text="A plan.")
    )
    services.conferences.add_dissent(decision.id, fsw.id, "Child in need would do.")
    stored = services.store.get_decision(decision.id)
    assert [(d.attendee_id, d.view) for d in stored.dissent] == [
        (fsw.id, "Child in need would do.")
    ]
    with pytest.raises(ValidationError, match="dissenting view must not be empty"):
        services.conferences.add_dissent(decision.id, fsw.id, "  ")
    elsewhere = new_conference(services, ref="CS-2")
    stranger = services.conferences.add_attendee(elsewhere, Attendee(name="Stranger"))
    with pytest.raises(ValidationError, match="attendee of this conference"):
        services.conferences.add_dissent(decision.id, stranger.id, "No.")
    assert len(services.store.get_decision(decision.id).dissent) == 1


def test_an_attendee_who_dissented_cannot_be_removed(services: Services) -> None:
    conference_id = new_conference(services)
    fsw = services.conferences.add_attendee(conference_id, Attendee(name="Tom Reid"))
    decision = services.conferences.add_decision(conference_id, Decision(kind="plan", text="x"))
    services.conferences.add_dissent(decision.id, fsw.id, "Not needed.")
    before = dump(services)
    with pytest.raises(ValidationError, match="Tom Reid recorded a dissent"):
        services.conferences.remove_attendee(fsw.id)
    assert dump(services) == before


# --- finalised conferences -------------------------------------------------------------------


def _edits(
    services: Services, conference_id: int, attendee_id: int, decision_id: int, item_id: int
) -> dict[str, Callable[[], Any]]:
    c = services.conferences
    return {
        "add attendee": lambda: c.add_attendee(conference_id, Attendee(name="New person")),
        "update attendee": lambda: c.update_attendee(attendee_id, name="Renamed"),
        "check in": lambda: c.check_in(attendee_id, START),
        "remove attendee": lambda: c.remove_attendee(attendee_id),
        "add agenda item": lambda: c.add_agenda_item(conference_id, AgendaItem(title="AOB")),
        "update agenda item": lambda: c.update_agenda_item(item_id, notes="more"),
        "move agenda item": lambda: c.move_agenda_item(item_id, 3),
        "remove agenda item": lambda: c.remove_agenda_item(item_id),
        "add decision": lambda: c.add_decision(conference_id, Decision(kind="plan", text="x")),
        "update decision": lambda: c.update_decision(decision_id, text="changed"),
        "add dissent": lambda: c.add_dissent(decision_id, attendee_id, "I disagree"),
        "remove decision": lambda: c.remove_decision(decision_id),
        "add action": lambda: c.add_action(conference_id, Action(description="x")),
        "update conference": lambda: c.update_conference(conference_id, title="New title"),
        "start": lambda: c.start(conference_id, START),
    }


EDIT_NAMES = [
    "add attendee",
    "update attendee",
    "check in",
    "remove attendee",
    "add agenda item",
    "update agenda item",
    "move agenda item",
    "remove agenda item",
    "add decision",
    "update decision",
    "add dissent",
    "remove decision",
    "add action",
    "update conference",
    "start",
]


@pytest.mark.parametrize("edit", EDIT_NAMES)
def test_finalised_conference_refuses_edits(services: Services, edit: str) -> None:
    conference_id = new_conference(services)
    attendee = services.conferences.add_attendee(
        conference_id,
        Attendee(name="Ruth Okafor", roles=[Role.CHAIR], attendance=Attendance.PRESENT),
    )
    decision = services.conferences.add_decision(conference_id, Decision(kind="plan", text="x"))
    item_id = services.store.agenda(conference_id)[0].id
    assert item_id is not None
    services.store.update_conference(conference_id, {"status": ConferenceStatus.FINALISED})
    before = dump(services)
    seen: list[Change] = []
    services.events.subscribe(seen.append)
    with pytest.raises(ConferenceLockedError, match="finalised"):
        _edits(services, conference_id, attendee.id, decision.id, item_id)[edit]()
    assert dump(services) == before
    assert seen == []


def test_edits_work_before_finalising(services: Services) -> None:
    """The control case for the test above: every edit is allowed on an open conference."""
    conference_id = new_conference(services)
    attendee = services.conferences.add_attendee(conference_id, Attendee(name="Ruth Okafor"))
    decision = services.conferences.add_decision(conference_id, Decision(kind="plan", text="x"))
    item_id = services.store.agenda(conference_id)[0].id
    assert item_id is not None
    edits = _edits(services, conference_id, attendee.id, decision.id, item_id)
    assert sorted(edits) == sorted(EDIT_NAMES)
    for name in EDIT_NAMES:
        if name.startswith("remove"):
            continue
        edits[name]()
    edits["remove decision"]()
    edits["remove agenda item"]()
    edits["remove attendee"]()


# --- events ----------------------------------------------------------------------------------


def test_changes_are_published(services: Services) -> None:
    seen: list[Change] = []
    services.events.subscribe(seen.append)
    case = services.conferences.create_case("CS-1", "ENG", [Child(name="Max")])
    assert case.id is not None
    conference_id = services.conferences.create_conference(
        case.id, "ENG", ConferenceType.INITIAL, START
    )
    attendee = services.conferences.add_attendee(conference_id, Attendee(name="Ruth"))
    decision = services.conferences.add_decision(conference_id, Decision(kind="plan", text="x"))
    action = services.conferences.add_action(conference_id, Action(description="Do it"))
    services.conferences.add_dissent(decision.id, attendee.id, "No")
    services.conferences.update_conference(conference_id, venue="Room 3")
    other = services.conferences.add_attendee(conference_id, Attendee(name="Grace"))
    services.conferences.remove_attendee(other.id)
    assert seen == [
        Change("case", case.id, None, "added"),
        Change("conference", conference_id, conference_id, "added"),
        Change("attendee", attendee.id, conference_id, "added"),
        Change("decision", decision.id, conference_id, "added"),
        Change("action", action.id, conference_id, "added"),
        Change("decision", decision.id, conference_id, "updated"),
        Change("conference", conference_id, conference_id, "updated"),
        Change("attendee", other.id, conference_id, "added"),
        Change("attendee", other.id, conference_id, "removed"),
    ]


def test_refused_changes_publish_nothing(services: Services) -> None:
    conference_id = new_conference(services)
    seen: list[Change] = []
    services.events.subscribe(seen.append)
    with pytest.raises(ValidationError):
        services.conferences.add_attendee(conference_id, Attendee(name=""))
    with pytest.raises(ValidationError):
        services.conferences.add_action(conference_id, Action(description=""))
    assert seen == []


def test_unsubscribed_listener_hears_nothing(services: Services) -> None:
    seen: list[Change] = []
    services.events.subscribe(seen.append)
    services.events.unsubscribe(seen.append)
    new_conference(services)
    assert seen == []
