"""The one table of what finalising locks (domain/locks.py), walked entry by entry against a
real finalised conference: a locked edit is refused and changes nothing, an allowed follow-up
edit goes through."""

from __future__ import annotations

import datetime as dt
import inspect
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mdcc_desktop.domain.errors import ConferenceLockedError
from mdcc_desktop.domain.locks import EDITS
from mdcc_desktop.domain.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendee,
    Child,
    ConferenceRecord,
    ConferenceStatus,
    CopyKind,
    Decision,
    Exclusion,
    HouseholdMember,
    MandatoryReport,
    SafetySection,
)
from mdcc_desktop.services.conferences import ConferenceService
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.demo import load_demo
from mdcc_desktop.services.tracker import TrackerService
from tests.conftest import dump_database, open_services

Edit = Callable[[Services, ConferenceRecord, int], object]
AT = dt.datetime(2026, 11, 13, 15, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def _dissent_id(r: ConferenceRecord) -> int:
    return next(x.id or 0 for d in r.decisions for x in d.dissent)


def _update_id(r: ConferenceRecord) -> int:
    return next(u.id or 0 for x in r.actions for u in x.updates)


def _plain_attendee(r: ConferenceRecord) -> int:
    """An attendee with no dissent (one that can be removed)."""
    dissenters = {x.attendee_id for d in r.decisions for x in d.dissent}
    return next(a.id or 0 for a in r.attendees if a.id not in dissenters)


def _stepping_out(r: ConferenceRecord) -> tuple[int, list[Exclusion]]:
    """An attendee who arrived, stepping out ten minutes later."""
    who = next(a for a in r.attendees if a.arrived_at is not None)
    assert who.id is not None and who.arrived_at is not None
    out = who.arrived_at + dt.timedelta(minutes=10)
    return who.id, [Exclusion(left_at=out, reason="the police information")]


c = lambda s: s.conferences  # noqa: E731
cid = lambda r: r.conference.id or 0  # noqa: E731
att = lambda r: r.attendees[0].id or 0  # noqa: E731
act = lambda r: r.actions[0].id or 0  # noqa: E731
dec = lambda r: r.decisions[0].id or 0  # noqa: E731
item = lambda r: r.agenda[0].id or 0  # noqa: E731
member = lambda r: r.household[0].id or 0  # noqa: E731

# Each entry of the lock table, as the chair (or the command line) would run it.
EDIT_CALLS: dict[str, Edit] = {
    "update_conference": lambda s, r, p: c(s).update_conference(cid(r), venue="Room 2"),
    "start": lambda s, r, p: c(s).start(cid(r), AT),
    "end": lambda s, r, p: c(s).end(cid(r), AT),
    "carry_forward": lambda s, r, p: c(s).carry_forward(p, cid(r)),
    "set_mandatory_report": lambda s, r, p: c(s).set_mandatory_report(
        cid(r), MandatoryReport(made=True)
    ),
    "delete_conference": lambda s, r, p: c(s).delete_conference(cid(r)),
    "book_meetings": lambda s, r, p: c(s).book_meetings(cid(r), review_venue="Room 3"),
    "add_attendee": lambda s, r, p: c(s).add_attendee(cid(r), Attendee(name="New Person")),
    "update_attendee": lambda s, r, p: c(s).update_attendee(att(r), job_title="Lead"),
    "check_in": lambda s, r, p: c(s).check_in(att(r), AT),
    "mark_left": lambda s, r, p: c(s).mark_left(att(r), AT),
    "remove_attendee": lambda s, r, p: c(s).remove_attendee(_plain_attendee(r)),
    "set_exclusions": lambda s, r, p: c(s).set_exclusions(*_stepping_out(r)),
    "add_agenda_item": lambda s, r, p: c(s).add_agenda_item(cid(r), AgendaItem(title="More")),
    "update_agenda_item": lambda s, r, p: c(s).update_agenda_item(item(r), notes="changed"),
    "move_agenda_item": lambda s, r, p: c(s).move_agenda_item(item(r), 2),
    "set_agenda_section": lambda s, r, p: c(s).set_agenda_section(item(r), None),
    "remove_agenda_item": lambda s, r, p: c(s).remove_agenda_item(item(r)),
    "add_decision": lambda s, r, p: c(s).add_decision(
        cid(r), Decision(kind="other", text="Something new")
    ),
    "update_decision": lambda s, r, p: c(s).update_decision(dec(r), text="Changed"),
    "remove_decision": lambda s, r, p: c(s).remove_decision(r.decisions[-1].id or 0),
    "add_dissent": lambda s, r, p: c(s).add_dissent(dec(r), att(r), "I disagree."),
    "update_dissent": lambda s, r, p: c(s).update_dissent(_dissent_id(r), view="Changed"),
    "remove_dissent": lambda s, r, p: c(s).remove_dissent(_dissent_id(r)),
    "add_action": lambda s, r, p: c(s).add_action(cid(r), Action(description="Phone school")),
    "remove_action": lambda s, r, p: c(s).remove_action(act(r)),
    "update_action_plan": lambda s, r, p: c(s).update_action_plan(act(r), outcome="Safe"),
    "update_action": lambda s, r, p: c(s).update_action(act(r), status=ActionStatus.IN_PROGRESS),
    "add_action_update": lambda s, r, p: c(s).add_action_update(act(r), "Phoned the school."),
    "remove_action_update": lambda s, r, p: c(s).remove_action_update(_update_id(r)),
    "set_status": lambda s, r, p: s.tracker.set_status(act(r), ActionStatus.IN_PROGRESS, "Going"),
    "mark_done": lambda s, r, p: s.tracker.mark_done(act(r), dt.date(2026, 11, 20)),
    "move_due": lambda s, r, p: s.tracker.move_due(act(r), dt.date(2027, 1, 4), "School closed"),
    "reassign": lambda s, r, p: s.tracker.reassign(act(r), r.attendees[2].id or 0),
    "add_household_member": lambda s, r, p: c(s).add_household_member(
        cid(r), HouseholdMember(name="Uncle", relationship="uncle")
    ),
    "update_household_member": lambda s, r, p: c(s).update_household_member(
        member(r), notes="moved out"
    ),
    "remove_household_member": lambda s, r, p: c(s).remove_household_member(member(r)),
    "set_distribution": lambda s, r, p: c(s).set_distribution(cid(r), att(r), CopyKind.PARENT),
    "add_safety_line": lambda s, r, p: c(s).add_safety_line(
        cid(r), SafetySection.WORRIES, "A worry"
    ),
    "update_safety_line": lambda s, r, p: c(s).update_safety_line(
        r.safety_lines[0].id or 0, "Changed"
    ),
    "remove_safety_line": lambda s, r, p: c(s).remove_safety_line(r.safety_lines[0].id or 0),
    "set_scaling": lambda s, r, p: c(s).set_scaling(cid(r), att(r), 6),
    "add_child": lambda s, r, p: c(s).add_child(r.case.id or 0, Child(name="Baby Lee")),
    "update_child": lambda s, r, p: c(s).update_child(r.children[0].id or 0, school="New School"),
    "remove_child": lambda s, r, p: c(s).remove_child(r.children[-1].id or 0),
}


@pytest.fixture(scope="module")
def finalised_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding the demo conference, finalised through the lifecycle (with a
    mapping line to lock, and an earlier conference of the case for carry-forward)."""
    folder = tmp_path_factory.mktemp("finalised") / "data"
    services = open_services(folder)
    try:
        conference_id = load_demo(services.exchange).conference_id
        record = services.conferences.record(conference_id)
        earlier = services.conferences.create_conference(
            record.case.id or 0,
            record.case.jurisdiction,
            record.conference.type,
            record.conference.scheduled_start - dt.timedelta(days=90),
        )
        services.store.update_conference(earlier, {"status": ConferenceStatus.ENDED})
        services.conferences.add_safety_line(conference_id, SafetySection.WORRIES, "A worry")
        services.minutes.export_minutes(conference_id, folder / "minutes.docx", CopyKind.FULL)
        services.lifecycle.finalise(conference_id)
    finally:
        services.close()
    return folder


@pytest.fixture
def finalised(finalised_dir: Path, tmp_path: Path) -> Iterator[tuple[Services, int, int]]:
    folder = tmp_path / "data"
    shutil.copytree(finalised_dir, folder)
    services = open_services(folder)
    by_status = {
        services.conferences.conference(i).status: i for i in services.conferences.conference_ids()
    }
    conference_id = by_status[ConferenceStatus.FINALISED]
    earlier = by_status[ConferenceStatus.ENDED]
    yield services, conference_id, earlier
    services.close()


def test_every_edit_method_is_in_the_table_and_every_entry_is_walked() -> None:
    decorated = {
        name: getattr(fn, "__edit__", None)
        for cls in (ConferenceService, TrackerService)
        for name, fn in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_")
    }
    edits = {name for name, key in decorated.items() if key is not None}
    assert all(decorated[name] == name for name in edits)
    assert edits == set(EDITS) == set(EDIT_CALLS)
    # anything that looks like an edit wears the decorator (creating new records aside)
    verbs = ("add_", "update_", "remove_", "set_", "move_", "mark_", "delete_", "carry_")
    looks_like_edit = {n for n in decorated if n.startswith(verbs)}
    assert looks_like_edit <= edits


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_finalising_locks_or_allows_each_edit_as_the_table_says(
    finalised: tuple[Services, int, int], edit: str
) -> None:
    services, conference_id, earlier = finalised
    record = services.conferences.record(conference_id)
    before = dump_database(services.store.db)
    run = EDIT_CALLS[edit]
    if EDITS[edit].allowed_when_final:
        run(services, record, earlier)
        assert dump_database(services.store.db) != before
        assert services.conferences.conference(conference_id).status == ConferenceStatus.FINALISED
    else:
        with pytest.raises(ConferenceLockedError, match="finalised and locked"):
            run(services, record, earlier)
        assert dump_database(services.store.db) == before
