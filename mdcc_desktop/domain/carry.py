"""What links a review's carried actions to the actions they continue, and the rest of a
conference's record that its exchange document cannot carry (the undo of a deletion puts both
back)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from mdcc_desktop.domain.models import ConferenceRecord


@dataclass(frozen=True)
class RecordParts:
    """The parts of a record the exchange schema has no place for (issue 12 point 3): each
    agenda item's minutes section and each action's outcome and contingency, by index, and the
    conference's booked meetings and comments deadline."""

    sections: tuple[tuple[int, str], ...] = ()
    plans: tuple[tuple[int, str | None, str | None], ...] = ()
    core_group_at: dt.datetime | None = None
    core_group_venue: str | None = None
    review_at: dt.datetime | None = None
    review_venue: str | None = None
    comments_by: dt.date | None = None

    @classmethod
    def of(cls, record: ConferenceRecord) -> RecordParts:
        c = record.conference
        return cls(
            tuple((i, g.section) for i, g in enumerate(record.agenda) if g.section),
            tuple(
                (i, x.outcome, x.contingency)
                for i, x in enumerate(record.actions)
                if x.outcome or x.contingency
            ),
            c.core_group_at,
            c.core_group_venue,
            c.review_at,
            c.review_venue,
            c.comments_by,
        )

    def meetings(self) -> dict[str, object]:
        """The conference's fields, as the store updates them."""
        return {
            "core_group_at": self.core_group_at,
            "core_group_venue": self.core_group_venue,
            "review_at": self.review_at,
            "review_venue": self.review_venue,
            "comments_by": self.comments_by,
        }


@dataclass(frozen=True)
class CarryLinks:
    """How a conference's actions were linked to other conferences' (carried from an earlier
    one, carried on to a later one), which its exchange document does not hold: by the
    action's index in the conference's actions, the earlier and the later action's ids."""

    previous_conference_id: int | None = None
    actions: tuple[tuple[int, int | None, int | None], ...] = ()
    parts: RecordParts = field(default_factory=RecordParts)
