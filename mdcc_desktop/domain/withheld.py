"""What the parents' copy leaves out, and why: one rule for the minutes, the letter and the preview.

The parents' copy holds nothing restricted and nothing that follows from it:

- an agenda item the chair restricted, and one discussed while a parent or carer was out of the
  room on an exclusion (the family receives the record except the parts they were excluded
  from); an item is timed by its start and its end (or the next item's start, or the end of the
  meeting), and any overlap with an exclusion withholds the whole item;
- a decision the chair restricted, or one taken under a withheld item (its dissent with it);
- an action linked to a withheld decision or agenda item;
- a report its author did not share with the parents;
- why and when anyone was asked to leave.

``withheld(record)`` lists each withheld part with its reason, in the order of the record, so
that the minutes can print "[not included in this copy]" in its place and the chair can see the
list before issuing. The reporter's identity is not a part here: no copy ever holds it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from mdcc_desktop.domain.models import AgendaItem, Attendee, ConferenceRecord, Discipline, Role

__all__ = ["Part", "PartKind", "Reason", "Withheld", "withheld"]

# Whose exclusion withholds what was discussed meanwhile: the people the parents' copy is for.
FAMILY_READERS = frozenset({Role.PARENT, Role.CARER})


class PartKind(StrEnum):
    AGENDA_ITEM = "agenda_item"
    DECISION = "decision"
    ACTION = "action"
    REPORT = "report"
    EXCLUSION = "exclusion"


class Reason(StrEnum):
    RESTRICTED = "restricted"  # the chair marked it restricted
    EXCLUDED = "excluded"  # discussed while a parent or carer was out of the room
    UNDER_WITHHELD_ITEM = "under_withheld_item"  # decided or assigned under a withheld item
    LINKED_TO_WITHHELD_DECISION = "linked_to_withheld_decision"
    NOT_SHARED = "not_shared"  # a report its author did not share with the parents
    EXCLUSION_RECORD = "exclusion_record"  # when and why someone was asked to leave


@dataclass(frozen=True)
class Part:
    """One withheld part: its kind, its id (the attendee's for reports and exclusions), why."""

    kind: PartKind
    id: int
    reason: Reason


@dataclass(frozen=True)
class Withheld:
    parts: tuple[Part, ...]

    def ids(self, kind: PartKind) -> frozenset[int]:
        return frozenset(p.id for p in self.parts if p.kind == kind)

    def reason(self, kind: PartKind, part_id: int | None) -> Reason | None:
        return next((p.reason for p in self.parts if p.kind == kind and p.id == part_id), None)

    @property
    def agenda_items(self) -> frozenset[int]:
        return self.ids(PartKind.AGENDA_ITEM)

    @property
    def decisions(self) -> frozenset[int]:
        return self.ids(PartKind.DECISION)

    @property
    def actions(self) -> frozenset[int]:
        return self.ids(PartKind.ACTION)

    @property
    def reports(self) -> frozenset[int]:
        return self.ids(PartKind.REPORT)


def _family_reader(attendee: Attendee) -> bool:
    return attendee.discipline == Discipline.FAMILY or bool(FAMILY_READERS & set(attendee.roles))


def _spans(record: ConferenceRecord) -> dict[int, tuple[dt.datetime, dt.datetime | None]]:
    """When each timed agenda item was discussed: from its start to its end, else to the next
    item's start, else to the end of the meeting (None: still open)."""
    started = sorted(
        (g for g in record.agenda if g.id is not None and g.started_at is not None),
        key=lambda g: (g.started_at, g.position),
    )
    spans: dict[int, tuple[dt.datetime, dt.datetime | None]] = {}
    for i, item in enumerate(started):
        assert item.id is not None and item.started_at is not None
        end = item.ended_at
        if end is None and i + 1 < len(started):
            end = started[i + 1].started_at
        if end is None:
            end = record.conference.ended_at
        spans[item.id] = (item.started_at, end)
    return spans


def _overlaps(
    span: tuple[dt.datetime, dt.datetime | None], out: dt.datetime, back: dt.datetime | None
) -> bool:
    start, end = span
    return (back is None or start < back) and (end is None or out < end)


def _excluded_items(record: ConferenceRecord) -> set[int]:
    spans = _spans(record)
    windows = [
        (x.left_at, x.returned_at)
        for a in record.attendees
        if _family_reader(a)
        for x in a.exclusions
    ]
    return {
        item_id
        for item_id, span in spans.items()
        if any(_overlaps(span, out, back) for out, back in windows)
    }


def withheld(record: ConferenceRecord) -> Withheld:
    """Every part of ``record`` the parents' copy leaves out, with its reason."""
    parts: list[Part] = []
    excluded = _excluded_items(record)
    items: set[int] = set()
    agenda: list[AgendaItem] = sorted(record.agenda, key=lambda g: g.position)
    for g in agenda:
        if g.id is None:
            continue
        if g.restricted:
            parts.append(Part(PartKind.AGENDA_ITEM, g.id, Reason.RESTRICTED))
        elif g.id in excluded:
            parts.append(Part(PartKind.AGENDA_ITEM, g.id, Reason.EXCLUDED))
        else:
            continue
        items.add(g.id)
    decisions: set[int] = set()
    for d in record.decisions:
        if d.id is None:
            continue
        if d.restricted:
            parts.append(Part(PartKind.DECISION, d.id, Reason.RESTRICTED))
        elif d.agenda_item_id in items:
            parts.append(Part(PartKind.DECISION, d.id, Reason.UNDER_WITHHELD_ITEM))
        else:
            continue
        decisions.add(d.id)
    for x in record.actions:
        if x.id is None:
            continue
        if x.agenda_item_id is not None and x.agenda_item_id in items:
            parts.append(Part(PartKind.ACTION, x.id, Reason.UNDER_WITHHELD_ITEM))
        elif x.decision_id is not None and x.decision_id in decisions:
            parts.append(Part(PartKind.ACTION, x.id, Reason.LINKED_TO_WITHHELD_DECISION))
    for a in record.attendees:
        if a.id is None:
            continue
        if a.report_submitted and not a.report_shared_with_parents:
            parts.append(Part(PartKind.REPORT, a.id, Reason.NOT_SHARED))
        if a.exclusions:
            parts.append(Part(PartKind.EXCLUSION, a.id, Reason.EXCLUSION_RECORD))
    return Withheld(tuple(parts))
