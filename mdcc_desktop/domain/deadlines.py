"""Deadlines as typed values: one time limit of a conference, a case's limits, a review date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# The deadline keys that stand for the next review conference when a profile names none.
DEFAULT_REVIEW_KEYS = ("first_review", "next_review")


@dataclass(frozen=True)
class Deadline:
    """A time limit: its due date, or (``due`` None) the reason it cannot be computed.

    ``booked`` is True for a review deadline whose due date is the review date the conference
    booked (``next_review``), which replaces the profile's statutory limit.
    """

    key: str
    label: str
    due: dt.date | None
    done: dt.date | None = None
    unknown_reason: str | None = None
    booked: bool = False

    def overdue(self, today: dt.date) -> bool:
        return self.done is None and self.due is not None and self.due < today

    def due_text(self) -> str:
        """The due date as YYYY-MM-DD, or "unknown" when it cannot be computed."""
        return self.due.isoformat() if self.due is not None else "unknown"

    def sort_key(self) -> tuple[dt.date, str]:
        """Soonest first; one that cannot be computed last."""
        return (self.due or dt.date.max, self.key)


@dataclass(frozen=True)
class CaseDeadlines:
    """A case's time limits, from its latest conference."""

    case_reference: str
    conference_id: int
    conference_date: dt.date
    conference_type: str
    deadlines: tuple[Deadline, ...]
    next_review: dt.date | None = None


@dataclass(frozen=True)
class ReviewDate:
    """When a case's next review conference is: set at its latest conference, else its limit."""

    case_reference: str
    conference_id: int
    due: dt.date
    label: str
