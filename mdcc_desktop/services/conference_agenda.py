"""The agenda, the decisions and their dissent: ``ConferenceService``'s edits of what the
conference discussed and decided.
"""

from __future__ import annotations

from typing import Any

from mdcc_desktop.domain import rules
from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.messages import Message, msg
from mdcc_desktop.domain.models import (
    AgendaItem,
    Conference,
    Decision,
    Dissent,
)
from mdcc_desktop.services.conference_base import (
    ITEM_DATES,
    ConferenceBase,
    Outcome,
    date_problems,
)
from mdcc_desktop.services.edits import edit
from mdcc_desktop.services.events import ChangeKind, Entity


class AgendaEdits(ConferenceBase):
    """The agenda, the decisions and their dissent: ``ConferenceService``'s edits of what the."""

    # --- agenda ------------------------------------------------------------------------------

    @edit("add_agenda_item")
    def add_agenda_item(
        self, conference_id: int, item: AgendaItem, index: int | None = None
    ) -> Outcome:
        self._editable(conference_id)
        problems = rules.check_text(item.title, msg("field_item_title"))
        problems += rules.check_planned_minutes(item.planned_minutes)
        problems += rules.check_times(item.started_at, item.ended_at, item.title)
        problems += rules.check_date(item.started_at, msg("field_item_start"))
        problems += rules.check_date(item.ended_at, msg("field_item_end"))
        if problems:
            raise ValidationError(problems)
        item.conference_id = conference_id
        with self.store.transaction():
            item_id = self.store.add_agenda_item(item)
            order = [i.id for i in self.store.agenda(conference_id) if i.id != item_id]
            order.insert(len(order) if index is None else max(0, min(index, len(order))), item_id)
            self.store.set_positions(AgendaItem, [i for i in order if i is not None])
        self._changed(Entity.AGENDA_ITEM, item_id, conference_id, ChangeKind.ADDED)
        return Outcome(item_id)

    @edit("update_agenda_item")
    def update_agenda_item(self, item_id: int, **changes: Any) -> Outcome:
        current = self.store.get_agenda_item(item_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        problems: list[Message | str] = []
        if "title" in changes:
            problems += rules.check_text(changes["title"], msg("field_item_title"))
        if "planned_minutes" in changes:
            problems += rules.check_planned_minutes(changes["planned_minutes"])
        problems += date_problems(changes, ITEM_DATES)
        if "section" in changes:
            problems += self._section_problems(
                self.store.get_conference(current.conference_id), changes["section"]
            )
        problems += rules.check_times(
            changes.get("started_at", current.started_at),
            changes.get("ended_at", current.ended_at),
            current.title,
        )
        if problems:
            raise ValidationError(problems)
        self.store.update_agenda_item(item_id, changes)
        self._changed(Entity.AGENDA_ITEM, item_id, current.conference_id)
        return Outcome(item_id)

    @edit("set_agenda_section")
    def set_agenda_section(self, item_id: int, section: str | None) -> Outcome:
        """The minutes section the item's notes go under: the key of one of the profile's text
        sections (the purpose, the child's views, ...), or None for the discussion."""
        current = self.store.get_agenda_item(item_id)
        assert current.conference_id is not None
        conference = self._editable(current.conference_id)
        problems = self._section_problems(conference, section)
        if problems:
            raise ValidationError(problems)
        self.store.update_agenda_item(item_id, {"section": section})
        self._changed(Entity.AGENDA_ITEM, item_id, current.conference_id)
        return Outcome(item_id)

    def _section_problems(self, conference: Conference, section: str | None) -> list[Message]:
        if section is None:
            return []
        profile = self.profiles.find(conference.jurisdiction)
        keys = [s.key for s in profile.text_sections] if profile is not None else []
        if section in keys:
            return []
        return [msg("not_a_text_section", section=section, allowed=", ".join(keys))]

    @edit("move_agenda_item")
    def move_agenda_item(self, item_id: int, index: int) -> None:
        current = self.store.get_agenda_item(item_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        order = [i.id for i in self.store.agenda(current.conference_id) if i.id != item_id]
        order.insert(max(0, min(index, len(order))), item_id)
        self.store.set_positions(AgendaItem, [i for i in order if i is not None])
        self._changed(Entity.AGENDA_ITEM, item_id, current.conference_id)

    @edit("remove_agenda_item")
    def remove_agenda_item(self, item_id: int) -> None:
        current = self.store.get_agenda_item(item_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        self.store.delete_agenda_item(item_id)
        self._changed(Entity.AGENDA_ITEM, item_id, current.conference_id, ChangeKind.REMOVED)

    # --- decisions ---------------------------------------------------------------------------

    @edit("add_decision")
    def add_decision(self, conference_id: int, decision: Decision) -> Outcome:
        conference = self._editable(conference_id)
        problems = rules.check_text(decision.kind, msg("field_kind_of_decision"))
        problems += rules.check_text(decision.text, msg("field_decision_text"))
        kind = self.profiles.get(conference.jurisdiction).decision_kind(decision.kind)
        if kind is not None and decision.value and kind.choices:
            values = (
                [v.strip() for v in decision.value.split(",")]
                if kind.multiple
                else [decision.value]
            )
            for value in values:
                if not kind.allows(value):
                    allowed = ", ".join(c.value for c in kind.choices)
                    problems.append(
                        msg(
                            "not_a_kind_value",
                            value=value,
                            kind=kind.label.lower(),
                            allowed=allowed,
                        )
                    )
        attendees = {a.id for a in self.store.attendees(conference_id)}
        for d in decision.dissent:
            problems += rules.check_text(d.view, msg("field_dissent"))
            if d.attendee_id not in attendees:
                problems.append(msg("dissent_not_attendee"))
        if problems:
            raise ValidationError(problems)
        decision.conference_id = conference_id
        decision.position = self.store.next_position(Decision, "conference_id", conference_id)
        decision_id = self.store.add_decision(decision)
        self._changed(Entity.DECISION, decision_id, conference_id, ChangeKind.ADDED)
        return Outcome(decision_id)

    @edit("update_decision")
    def update_decision(self, decision_id: int, **changes: Any) -> Outcome:
        current = self.store.get_decision(decision_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        if "text" in changes and rules.check_text(changes["text"], msg("field_decision_text")):
            raise ValidationError(rules.check_text(changes["text"], msg("field_decision_text")))
        self.store.update_decision(decision_id, changes)
        self._changed(Entity.DECISION, decision_id, current.conference_id)
        return Outcome(decision_id)

    @edit("add_dissent")
    def add_dissent(self, decision_id: int, attendee_id: int, view: str) -> Outcome:
        decision = self.store.get_decision(decision_id)
        assert decision.conference_id is not None
        self._editable(decision.conference_id)
        problems = rules.check_text(view, msg("field_dissent"))
        if self.store.get_attendee(attendee_id).conference_id != decision.conference_id:
            problems.append(msg("dissent_not_attendee"))
        if problems:
            raise ValidationError(problems)
        dissent_id = self.store.add_dissent(
            Dissent(attendee_id=attendee_id, view=view, decision_id=decision_id)
        )
        self._changed(Entity.DECISION, decision_id, decision.conference_id)
        return Outcome(dissent_id)

    @edit("remove_decision")
    def remove_decision(self, decision_id: int) -> None:
        current = self.store.get_decision(decision_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        self.store.delete_decision(decision_id)
        self._changed(Entity.DECISION, decision_id, current.conference_id, ChangeKind.REMOVED)

    # --- dissent ----------------------------------------------------------------------------

    @edit("update_dissent")
    def update_dissent(self, dissent_id: int, **changes: Any) -> Outcome:
        dissent = self.store.get(Dissent, dissent_id)
        decision = self.store.get_decision(dissent.decision_id or 0)
        assert decision.conference_id is not None
        self._editable(decision.conference_id)
        if "view" in changes and rules.check_text(changes["view"], msg("field_dissent")):
            raise ValidationError(rules.check_text(changes["view"], msg("field_dissent")))
        self.store.update(Dissent, dissent_id, changes)
        self._changed(Entity.DECISION, decision.id or 0, decision.conference_id)
        return Outcome(dissent_id)

    @edit("remove_dissent")
    def remove_dissent(self, dissent_id: int) -> None:
        dissent = self.store.get(Dissent, dissent_id)
        decision = self.store.get_decision(dissent.decision_id or 0)
        assert decision.conference_id is not None
        self._editable(decision.conference_id)
        self.store.delete(Dissent, dissent_id)
        self._changed(Entity.DECISION, decision.id or 0, decision.conference_id)
