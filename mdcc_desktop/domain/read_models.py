"""Read models: what the store's reporting queries answer, decoded into typed values.

The store builds these from its rows (dates as dates, enums as enums), so no layer above it
handles a database row or an ISO string.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mdcc_desktop.domain.models import ConferenceStatus, ConferenceType


@dataclass(frozen=True)
class SearchHit:
    """A record whose text matched a search, with its case and the conference to open."""

    kind: str  # the table it is in: cases, children, agenda_items, decisions, actions
    record_id: int
    conference_id: int | None  # a case's latest conference; None for a case without one
    case_reference: str
    text: str


@dataclass(frozen=True)
class DeadlineFacts:
    """What one conference's deadlines are computed from: its dates, when the outcome letter
    was first sent and when the minutes were first circulated."""

    conference_id: int
    case_id: int
    case_reference: str
    jurisdiction: str
    type: ConferenceType
    status: ConferenceStatus
    scheduled_start: dt.datetime
    started_at: dt.datetime | None = None
    referral_received: dt.date | None = None
    next_review: dt.date | None = None
    letter_at: dt.datetime | None = None
    circulated_at: dt.datetime | None = None

    @property
    def held(self) -> dt.date:
        """The day it was held (or is to be): its start, else its scheduled start."""
        return (self.started_at or self.scheduled_start).date()
