"""The action tracker's questions and answers: which actions, across every conference."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from mdcc_desktop.domain.models import ActionStatus, Priority

SORT_KEYS = ("due", "status", "owner", "agency", "case", "conference", "description", "priority")


@dataclass(frozen=True)
class ActionFilter:
    """Filters combine with AND; ``as_of`` makes "overdue" and "due within" reproducible."""

    as_of: dt.date = field(default_factory=dt.date.today)
    statuses: tuple[ActionStatus, ...] = ()  # empty: any status
    open_only: bool = False
    overdue: bool = False
    due_within: int | None = None  # days from as_of, inclusive
    owner: str = ""  # part of the owner's name
    agency: str = ""  # part of the owner's agency
    case: str = ""  # part of the case reference
    conference_id: int | None = None
    text: str = ""  # part of the description


@dataclass(frozen=True)
class ActionRow:
    """One line of the tracker: an action with where it comes from."""

    id: int
    conference_id: int
    case_reference: str
    conference_date: dt.date
    description: str
    owner: str
    agency: str
    due: dt.date | None
    status: ActionStatus
    priority: Priority | None
    completed_at: dt.datetime | None
    updates: int

    def overdue(self, as_of: dt.date) -> bool:
        return self.status.is_open and self.due is not None and self.due < as_of
