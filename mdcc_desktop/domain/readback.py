"""The read-back: what the chair reads to the room before everyone leaves.

Every decision with its method and dissent and every action with its owner and due date, each
line marked with what is missing, so that the chair can fix it while the people who know are
still in the room. ``read_back`` builds it from a conference record; the room's copy
(``for_room``) leaves out restricted items whenever a parent or carer is in the room. The
reporter's identity is never part of it: the read-back only says whether it is recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from mdcc_desktop.domain.models import (
    Action,
    Attendee,
    ConferenceRecord,
    Decision,
    DecisionMethod,
    Role,
)
from mdcc_desktop.domain.quorum import stepped_out

FAMILY_ROLES = frozenset({Role.PARENT, Role.CARER})


class Missing(StrEnum):
    """Something the record should have before the conference ends."""

    OWNER = "owner"
    DUE = "due"
    METHOD = "method"
    KEY_WORKER = "key_worker"
    REVIEW_DATE = "review_date"


class LineKind(StrEnum):
    CONFERENCE = "conference"
    DECISION = "decision"
    ACTION = "action"


@dataclass(frozen=True)
class ReadBackLine:
    """One line of the read-back and where to go to correct it (``kind`` and ``target_id``)."""

    kind: LineKind
    target_id: int | None
    text: str
    method: DecisionMethod | None = None
    dissent: tuple[tuple[str, str], ...] = ()  # (who, view)
    owner: str | None = None
    due: dt.date | None = None
    restricted: bool = False
    missing: tuple[Missing, ...] = ()


@dataclass(frozen=True)
class ReadBack:
    lines: tuple[ReadBackLine, ...]
    family_present: bool
    left_out: int = 0  # restricted lines not shown to the room
    key_worker: str | None = None
    review_date: dt.date | None = None
    reporter_identity_recorded: bool = False
    missing: tuple[Missing, ...] = field(default=())

    @property
    def problems(self) -> int:
        """How many things are missing, over the whole read-back."""
        return len(self.missing) + sum(len(line.missing) for line in self.lines)


def in_room(attendee: Attendee, at: dt.datetime) -> bool:
    """Whether ``attendee`` is in the room at ``at``: arrived, not left, not asked to step out."""
    if attendee.arrived_at is None or attendee.arrived_at > at:
        return False
    if attendee.left_at is not None and attendee.left_at <= at:
        return False
    return not stepped_out(attendee, at)


def family_in_room(record: ConferenceRecord, at: dt.datetime) -> bool:
    """Whether a parent or carer is in the room at ``at``."""
    return any(FAMILY_ROLES & set(a.roles) and in_room(a, at) for a in record.attendees)


def _restricted_items(record: ConferenceRecord) -> set[int]:
    return {item.id for item in record.agenda if item.restricted and item.id is not None}


def _decision_restricted(decision: Decision, items: set[int]) -> bool:
    return bool(decision.restricted) or decision.agenda_item_id in items


def _action_restricted(action: Action, items: set[int], decisions: set[int]) -> bool:
    return action.agenda_item_id in items or action.decision_id in decisions


def read_back(record: ConferenceRecord, at: dt.datetime, for_room: bool = False) -> ReadBack:
    """The read-back of ``record`` at ``at``; ``for_room`` leaves out restricted lines while a
    parent or carer is in the room."""
    family = family_in_room(record, at)
    hide = for_room and family
    items = _restricted_items(record)
    names = {a.id: a.name for a in record.attendees}
    restricted_decisions = {
        d.id for d in record.decisions if d.id is not None and _decision_restricted(d, items)
    }
    lines: list[ReadBackLine] = []
    left_out = 0
    for d in record.decisions:
        restricted = d.id in restricted_decisions
        if hide and restricted:
            left_out += 1
            continue
        lines.append(
            ReadBackLine(
                kind=LineKind.DECISION,
                target_id=d.id,
                text=d.text,  # the value's key is the profile's, not words for the room
                method=d.method,
                dissent=tuple((names.get(x.attendee_id, "?"), x.view) for x in d.dissent),
                restricted=restricted,
                missing=(Missing.METHOD,) if d.method is None else (),
            )
        )
    for a in record.actions:
        if not a.status.is_open:
            continue
        restricted = _action_restricted(a, items, restricted_decisions)
        if hide and restricted:
            left_out += 1
            continue
        missing: list[Missing] = []
        if a.owner_id is None and not a.owner_agency:
            missing.append(Missing.OWNER)
        if a.due is None:
            missing.append(Missing.DUE)
        owner = names.get(a.owner_id) if a.owner_id is not None else None
        lines.append(
            ReadBackLine(
                kind=LineKind.ACTION,
                target_id=a.id,
                text=a.description,
                owner=owner or a.owner_agency,
                due=a.due,
                restricted=restricted,
                missing=tuple(missing),
            )
        )
    key_worker = next((a.name for a in record.attendees if Role.KEY_WORKER in a.roles), None)
    conference = record.conference
    overall: list[Missing] = []
    if key_worker is None:
        overall.append(Missing.KEY_WORKER)
    if conference.next_review is None:
        overall.append(Missing.REVIEW_DATE)
    return ReadBack(
        lines=tuple(lines),
        family_present=family,
        left_out=left_out,
        key_worker=key_worker,
        review_date=conference.next_review,
        reporter_identity_recorded=bool(conference.mandatory_report.reporter_identity),
        missing=tuple(overall),
    )
