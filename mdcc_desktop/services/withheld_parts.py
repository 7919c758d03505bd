"""What the parents' copy leaves out, as the chair reads it before issuing.

The rule is :func:`mdcc_desktop.domain.withheld.withheld`; this module only names each withheld
part with the number the full copy prints it under ("4.2": the minutes number items, decisions
and actions under their section, in the profile's order; given by the minutes' context as
``part_numbers``), with its title or a short text and the reason, and for a part that follows
from another (a decision under a withheld item, an action linked to a withheld decision) the
number of the part it follows from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mdcc_desktop.domain.models import ConferenceRecord
from mdcc_desktop.domain.withheld import PartKind, Reason, withheld

__all__ = ["REASON_WORDS", "WithheldPart", "reason_words", "withheld_parts"]

SHORT_TEXT = 120  # characters of a decision's text or an action's description shown


@dataclass(frozen=True)
class WithheldPart:
    """One part of the full copy the parents' copy leaves out.

    ``number``: the part's number in the full copy (None for reports and exclusion records,
    which are not numbered); ``title``: the agenda item's title, the decision's text, the
    action's description (the first line, shortened), the report's author or who was asked to
    leave; ``follows``: for a part withheld because of another, that part's number (the agenda
    item for ``UNDER_WITHHELD_ITEM``, the decision for ``LINKED_TO_WITHHELD_DECISION``)."""

    kind: PartKind
    id: int
    number: str | None
    title: str
    reason: Reason
    follows: str | None = None


def _short(text: str | None) -> str:
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line if len(line) <= SHORT_TEXT else line[: SHORT_TEXT - 1].rstrip() + "…"


def withheld_parts(record: ConferenceRecord, numbers: Mapping[str, str]) -> list[WithheldPart]:
    """Every part of ``record`` the parents' copy leaves out, in the order of the record:
    agenda items, decisions, actions, then reports and exclusion records. ``numbers``: the
    minutes' ``part_numbers`` ("agenda_item:ID" to "4.2"); a part the minutes print no number
    for (its section is not in the profile) is numbered by its place in the record's list."""

    def numbered(kind: PartKind, objects: list[Any]) -> dict[int, tuple[str, Any]]:
        return {
            o.id: (numbers.get(f"{kind}:{o.id}", str(n)), o)
            for n, o in enumerate(objects, start=1)
            if o.id is not None
        }

    items = numbered(PartKind.AGENDA_ITEM, record.agenda)
    decisions = numbered(PartKind.DECISION, record.decisions)
    actions = numbered(PartKind.ACTION, record.actions)
    people = {a.id: a for a in record.attendees if a.id is not None}
    parts: list[WithheldPart] = []
    for part in withheld(record).parts:
        number: str | None = None
        follows: str | None = None
        if part.kind == PartKind.AGENDA_ITEM:
            number, item = items[part.id]
            title = _short(item.title)
        elif part.kind == PartKind.DECISION:
            number, decision = decisions[part.id]
            title = _short(decision.text) or decision.kind
            if part.reason == Reason.UNDER_WITHHELD_ITEM and decision.agenda_item_id in items:
                follows = items[decision.agenda_item_id][0]
        elif part.kind == PartKind.ACTION:
            number, action = actions[part.id]
            title = _short(action.description)
            if part.reason == Reason.UNDER_WITHHELD_ITEM and action.agenda_item_id in items:
                follows = items[action.agenda_item_id][0]
            elif part.reason == Reason.LINKED_TO_WITHHELD_DECISION and (
                action.decision_id in decisions
            ):
                follows = decisions[action.decision_id][0]
        else:
            person = people.get(part.id)
            title = person.name if person else ""
            if part.kind == PartKind.REPORT and person is not None and person.agency:
                title = f"{person.name} ({person.agency})"
        parts.append(WithheldPart(part.kind, part.id, number, title, part.reason, follows))
    return parts


# The reasons in plain English, for the command line (the GUI has its own, translated).
REASON_WORDS: dict[Reason, str] = {
    Reason.RESTRICTED: "restricted by the chair",
    Reason.EXCLUDED: "discussed while a parent or carer was out of the room",
    Reason.UNDER_WITHHELD_ITEM: "under agenda item {follows}, which is left out",
    Reason.LINKED_TO_WITHHELD_DECISION: "linked to decision {follows}, which is left out",
    Reason.NOT_SHARED: "its author did not share it with the parents",
    Reason.EXCLUSION_RECORD: "when and why someone was asked to leave",
}


def reason_words(part: WithheldPart) -> str:
    """Why ``part`` is left out, in plain English."""
    return REASON_WORDS[part.reason].format(follows=part.follows if part.follows else "?")
