"""What every kind of conference edit shares (``ConferenceService`` is made of them): the store,
the profiles, the event bus and the edit journal; the lock check; telling a change once it is
committed; the field tables and checks of free texts and dates; what an edit returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from mdcc_desktop.domain import rules
from mdcc_desktop.domain.errors import ConferenceLockedError, ValidationError
from mdcc_desktop.domain.locks import allowed_when_final
from mdcc_desktop.domain.messages import Message, msg
from mdcc_desktop.domain.models import (
    Conference,
    ConferenceStatus,
)
from mdcc_desktop.services.edits import EditJournal
from mdcc_desktop.services.events import Change, ChangeKind, Entity, EventBus
from mdcc_desktop.services.profiles import ProfileRegistry
from mdcc_desktop.store import Store

# The date and date-time fields each kind of record takes from the GUI, with how a message
# names them; every one must lie in the years rules.MIN_YEAR-MAX_YEAR (issue 8).
CONFERENCE_DATES = {
    "scheduled_start": msg("field_scheduled_start"),
    "started_at": msg("field_start"),
    "ended_at": msg("field_end"),
    "referral_received": msg("field_referral"),
    "next_review": msg("field_next_review"),
}
ITEM_DATES = {"started_at": msg("field_item_start"), "ended_at": msg("field_item_end")}
ACTION_DATES = {"due": msg("field_due"), "completed_at": msg("field_completion_date")}
ATTENDEE_DATES = {"arrived_at": msg("field_arrival"), "left_at": msg("field_left")}
CHILD_DATES = {
    "date_of_birth": msg("field_date_of_birth"),
    "expected_date_of_birth": msg("field_expected_birth"),
}


# The meetings a conference books and the date comments on its minutes are due by (issue 12
# point 3): their field, and how a message names it.
MEETING_FIELDS: dict[str, Message] = {
    "core_group_at": msg("field_core_group_meeting"),
    "core_group_venue": msg("field_core_group_venue"),
    "review_at": msg("field_review_meeting"),
    "review_venue": msg("field_review_venue"),
    "comments_by": msg("field_comments_by"),
}
# The plan's columns beyond the action itself: part of what the conference agreed.
PLAN_FIELDS: dict[str, Message] = {
    "outcome": msg("field_outcome"),
    "contingency": msg("field_contingency"),
}
# An action's fields that are what the conference agreed (the record), as against its follow-up
# (status, due date, owner, priority, completion): locked with the record once it is finalised.
ACTION_RECORD_FIELDS = frozenset({"description", "decision_id", "agenda_item_id", *PLAN_FIELDS})


def clean_texts(changes: dict[str, Any], fields: dict[str, Message]) -> list[Message]:
    """Free texts of ``fields`` in ``changes`` stripped (blank: None), and too long ones told."""
    problems: list[Message] = []
    for key, what in fields.items():
        value = changes.get(key)
        if isinstance(value, str):
            value = value.strip() or None
            changes[key] = value
            problems += rules.check_length(value, what)
    return problems


def date_problems(changes: dict[str, Any], fields: dict[str, Message]) -> list[Message]:
    problems: list[Message] = []
    for key, what in fields.items():
        value = changes.get(key)
        if isinstance(value, dt.date):
            problems += rules.check_date(value, what)
    return problems


@dataclass
class Outcome:
    """What a change did: the id it made or touched, and warnings the user should see."""

    id: int
    warnings: Sequence[Message | str] = field(default_factory=list)


class ConferenceBase:
    """The parts every conference edit uses (see the module's docstring)."""

    def __init__(self, store: Store, profiles: ProfileRegistry, events: EventBus) -> None:
        self.store = store
        self.profiles = profiles
        self.events = events
        self.journal = EditJournal(store, events)

    # --- helpers -----------------------------------------------------------------------------

    def _editable(self, conference_id: int) -> Conference:
        """The conference, once the lock table allows the running edit to change it."""
        conference = self.store.get_conference(conference_id)
        if (
            conference.status == ConferenceStatus.FINALISED
            and not self.journal.allowed_when_final()
        ):
            raise ConferenceLockedError(msg("locked_change"))
        return conference

    def _plan_editable(self, conference: Conference) -> None:
        """Refuse a change to what the conference agreed for an action (its description, links,
        outcome and contingency) as the lock table says, whichever edit carries it
        (``update_action`` allows follow-up after finalisation)."""
        if conference.status == ConferenceStatus.FINALISED and not allowed_when_final(
            "update_action_plan"
        ):
            raise ConferenceLockedError(msg("locked_change"))

    def _changed(
        self,
        entity: Entity,
        entity_id: int,
        conference_id: int,
        kind: ChangeKind = ChangeKind.UPDATED,
    ) -> None:
        """Touch the conference in the edit's transaction; tell the change once committed."""
        self.journal.changed(Change(entity, entity_id, conference_id, kind))


def check_review_date(start: dt.datetime, reviewed: Conference) -> None:
    """A review cannot be before the conference it reviews (issue 10 finding 4)."""
    held = (reviewed.started_at or reviewed.scheduled_start).date()
    if start.date() < held:
        raise ValidationError(
            msg("review_before_reviewed", start=start.date().isoformat(), held=held.isoformat())
        )
