"""The plan's actions and their updates: ``ConferenceService``'s edits of who does what by when."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mdcc_desktop.domain import rules
from mdcc_desktop.domain.clock import now
from mdcc_desktop.domain.clock import today as clock_today
from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.messages import msg
from mdcc_desktop.domain.models import (
    Action,
    ActionStatus,
    ActionUpdate,
)
from mdcc_desktop.services.conference_base import (
    ACTION_DATES,
    ACTION_RECORD_FIELDS,
    PLAN_FIELDS,
    ConferenceBase,
    Outcome,
    clean_texts,
    date_problems,
)
from mdcc_desktop.services.edits import edit
from mdcc_desktop.services.events import ChangeKind, Entity


class ActionEdits(ConferenceBase):
    """The plan's actions and their updates: who does what by when."""

    # --- actions -----------------------------------------------------------------------------

    @edit("add_action")
    def add_action(
        self, conference_id: int, action: Action, today: dt.date | None = None
    ) -> Outcome:
        self._editable(conference_id)
        problems = rules.check_text(action.description, msg("field_action_description"))
        problems += rules.check_date(action.due, msg("field_due"))
        if action.owner_id is not None:
            owner = self.store.get_attendee(action.owner_id)
            if owner.conference_id != conference_id:
                problems.append(msg("owner_not_attendee"))
        if problems:
            raise ValidationError(problems)
        warnings = []
        if action.due is not None and action.due < (today or clock_today()):
            warnings.append(msg("due_in_past", due=action.due.isoformat()))
        action.conference_id = conference_id
        action.description = action.description.strip()
        action.outcome = (action.outcome or "").strip() or None
        action.contingency = (action.contingency or "").strip() or None
        action.position = self.store.next_position(Action, "conference_id", conference_id)
        action_id = self.store.add_action(action)
        self._changed(Entity.ACTION, action_id, conference_id, ChangeKind.ADDED)
        return Outcome(action_id, warnings)

    @edit("update_action")
    def update_action(self, action_id: int, **changes: Any) -> Outcome:
        current = self.store.get_action(action_id)
        assert current.conference_id is not None
        conference = self._editable(current.conference_id)
        if ACTION_RECORD_FIELDS & changes.keys():
            # What the conference agreed is locked once it is finalised: the action itself, what
            # it follows from, the plan's outcome and contingency are the record's, unlike the
            # follow-up this edit otherwise allows.
            self._plan_editable(conference)
        problems = date_problems(changes, ACTION_DATES)
        problems += clean_texts(changes, PLAN_FIELDS)
        if "description" in changes:
            problems += rules.check_text(changes["description"], msg("field_action_description"))
        if problems:
            raise ValidationError(problems)
        if "status" in changes and "completed_at" not in changes:
            changes.update(
                rules.completion_stamp(current.status, current.completed_at, changes["status"])
            )
        self.store.update_action(action_id, changes)
        self._changed(Entity.ACTION, action_id, current.conference_id)
        return Outcome(action_id)

    @edit("update_action_plan")
    def update_action_plan(self, action_id: int, **changes: Any) -> Outcome:
        """The plan's columns of an action: ``outcome`` (what it is meant to achieve) and
        ``contingency`` (what happens if it is not achieved); blank clears one. Part of the
        record: a finalised conference refuses it."""
        unknown = changes.keys() - PLAN_FIELDS.keys()
        if unknown:
            raise TypeError(f"update_action_plan() takes no {', '.join(sorted(unknown))}")
        current = self.store.get_action(action_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        problems = clean_texts(changes, PLAN_FIELDS)
        if problems:
            raise ValidationError(problems)
        self.store.update_action(action_id, changes)
        self._changed(Entity.ACTION, action_id, current.conference_id)
        return Outcome(action_id)

    @edit("add_action_update")
    def add_action_update(
        self,
        action_id: int,
        note: str,
        status: ActionStatus | None = None,
        at: dt.datetime | None = None,
    ) -> Outcome:
        """A note on an action's progress dated ``at`` (now if not given); a status given here
        becomes the action's (done on that date, if it makes the action done)."""
        current = self.store.get_action(action_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        if not note.strip() and status is None:
            raise ValidationError(msg("update_needs_note"))
        if at is not None:
            problems = rules.check_date(at, msg("field_update_date"))
            if at.tzinfo is None:
                problems.append(msg("update_date_needs_zone"))
            if problems:
                raise ValidationError(problems)
        stamp = at or now()
        with self.store.transaction():
            update_id = self.store.add_action_update(
                ActionUpdate(at=stamp, note=note, status=status, action_id=action_id)
            )
            if status is not None and status != current.status:
                self.update_action(
                    action_id,
                    status=status,
                    **rules.completion_stamp(current.status, current.completed_at, status, stamp),
                )
        self._changed(Entity.ACTION, action_id, current.conference_id)
        return Outcome(update_id)

    @edit("remove_action_update")
    def remove_action_update(self, update_id: int) -> None:
        """Take back an update (its status change is the caller's to undo)."""
        update = self.store.get(ActionUpdate, update_id)
        action = self.store.get_action(update.action_id or 0)
        self._editable(action.conference_id or 0)
        self.store.delete(ActionUpdate, update_id)
        self._changed(Entity.ACTION, action.id or 0, action.conference_id or 0)

    @edit("remove_action")
    def remove_action(self, action_id: int) -> None:
        current = self.store.get_action(action_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        self.store.delete_action(action_id)
        self._changed(Entity.ACTION, action_id, current.conference_id, ChangeKind.REMOVED)
