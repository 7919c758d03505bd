"""Creating and changing cases, conferences, attendees, agenda items, decisions and actions.

One API for the GUI and the command line. Every method checks its input first (raising
:class:`ValidationError` with specific lines), refuses changes to a finalised conference,
stores the change in one transaction and announces it on the event bus.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from mdcc_desktop.domain import rules
from mdcc_desktop.domain.errors import ConferenceLockedError, ValidationError
from mdcc_desktop.domain.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Attendee,
    Case,
    Child,
    Conference,
    ConferenceRecord,
    ConferenceStatus,
    ConferenceSummary,
    ConferenceType,
    Decision,
    Dissent,
    Person,
)
from mdcc_desktop.services.events import Change, EventBus
from mdcc_desktop.services.profiles import ProfileRegistry
from mdcc_desktop.store import Store
from mdcc_desktop.store.store import now


@dataclass
class Outcome:
    """What a change did: the id it made or touched, and warnings the user should see."""

    id: int
    warnings: list[str] = field(default_factory=list)


class ConferenceService:
    def __init__(self, store: Store, profiles: ProfileRegistry, events: EventBus) -> None:
        self.store = store
        self.profiles = profiles
        self.events = events

    # --- reading -----------------------------------------------------------------------------

    def list_conferences(self, text: str = "") -> list[ConferenceSummary]:
        return self.store.list_conferences(text)

    def record(self, conference_id: int) -> ConferenceRecord:
        return self.store.load_record(conference_id)

    def conference(self, conference_id: int) -> Conference:
        return self.store.get_conference(conference_id)

    def find_people(self, text: str) -> list[Person]:
        return self.store.find_people(text)

    # --- cases and conferences ---------------------------------------------------------------

    def create_case(self, reference: str, jurisdiction: str, children: list[Child]) -> Case:
        problems = rules.check_text(reference, "The case reference")
        if not children:
            problems.append("A case needs at least one child.")
        problems += [p for c in children for p in rules.check_text(c.name, "A child's name")]
        self.profiles.get(jurisdiction)
        if self.store.case_by_reference(reference.strip()) is not None:
            problems.append(f"A case with the reference {reference.strip()!r} already exists.")
        if problems:
            raise ValidationError(problems)
        case = Case(reference=reference.strip(), jurisdiction=jurisdiction)
        with self.store.transaction():
            self.store.add_case(case)
            assert case.id is not None
            for i, child in enumerate(children):
                child.case_id = case.id
                child.position = i
                self.store.add_child(child)
        self.events.publish(Change("case", case.id, None, "added"))
        return case

    def create_conference(
        self,
        case_id: int,
        jurisdiction: str,
        conference_type: ConferenceType,
        scheduled_start: dt.datetime,
        *,
        title: str | None = None,
        venue: str | None = None,
        referral_received: dt.date | None = None,
        with_agenda_template: bool = True,
    ) -> int:
        profile = self.profiles.get(jurisdiction)
        if scheduled_start.tzinfo is None:
            raise ValidationError("The scheduled start needs a time zone.")
        self.store.get_case(case_id)
        conference = Conference(
            case_id=case_id,
            jurisdiction=jurisdiction,
            type=conference_type,
            scheduled_start=scheduled_start,
            title=title,
            venue=venue,
            referral_received=referral_received,
            has_safety_mapping=profile.signs_of_safety,
        )
        with self.store.transaction():
            conference_id = self.store.add_conference(conference)
            if with_agenda_template:
                for i, item in enumerate(profile.agenda_for(conference_type)):
                    self.store.add_agenda_item(
                        AgendaItem(
                            title=item.title,
                            conference_id=conference_id,
                            planned_minutes=item.planned_minutes,
                            restricted=item.restricted or None,
                            position=i,
                        )
                    )
        self.events.publish(Change("conference", conference_id, conference_id, "added"))
        return conference_id

    def update_conference(self, conference_id: int, **changes: Any) -> Outcome:
        current = self._editable(conference_id)
        start = changes.get("started_at", current.started_at)
        end = changes.get("ended_at", current.ended_at)
        problems = rules.check_times(start, end, "The conference")
        if "title" in changes and changes["title"] is not None and not changes["title"].strip():
            changes["title"] = None
        if problems:
            raise ValidationError(problems)
        self.store.update_conference(conference_id, changes)
        self._changed("conference", conference_id, conference_id)
        return Outcome(conference_id)

    def start(self, conference_id: int, at: dt.datetime | None = None) -> Outcome:
        return self.update_conference(
            conference_id, started_at=at or now(), status=ConferenceStatus.IN_PROGRESS
        )

    def end(self, conference_id: int, at: dt.datetime | None = None) -> Outcome:
        return self.update_conference(
            conference_id, ended_at=at or now(), status=ConferenceStatus.ENDED
        )

    # --- attendees ---------------------------------------------------------------------------

    def add_attendee(self, conference_id: int, attendee: Attendee) -> Outcome:
        self._editable(conference_id)
        problems = rules.check_text(attendee.name, "The attendee's name")
        problems += rules.check_times(attendee.arrived_at, attendee.left_at, attendee.name)
        existing = self.store.attendees(conference_id)
        if any(rules.same_person(attendee, other) for other in existing):
            problems.append(
                f"{attendee.name} ({attendee.agency or 'no agency'}) is already listed."
            )
        if problems:
            raise ValidationError(problems)
        attendee.name = attendee.name.strip()
        attendee.conference_id = conference_id
        attendee.position = self.store.next_position(Attendee, "conference_id", conference_id)
        with self.store.transaction():
            if attendee.person_id is None:
                person = self.store.person_matching(attendee.name, attendee.agency)
                if person is None:
                    person = Person(
                        name=attendee.name,
                        alt_name=attendee.alt_name,
                        agency=attendee.agency,
                        discipline=attendee.discipline,
                        job_title=attendee.job_title,
                        email=attendee.email,
                        phone=attendee.phone,
                    )
                    self.store.add_person(person)
                attendee.person_id = person.id
            attendee_id = self.store.add_attendee(attendee)
        self._changed("attendee", attendee_id, conference_id, "added")
        return Outcome(attendee_id, rules.attendance_warnings([*existing, attendee]))

    def update_attendee(self, attendee_id: int, **changes: Any) -> Outcome:
        current = self.store.get_attendee(attendee_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        problems: list[str] = []
        if "name" in changes:
            problems += rules.check_text(changes["name"], "The attendee's name")
        problems += rules.check_times(
            changes.get("arrived_at", current.arrived_at),
            changes.get("left_at", current.left_at),
            changes.get("name", current.name),
        )
        if problems:
            raise ValidationError(problems)
        self.store.update_attendee(attendee_id, changes)
        self._changed("attendee", attendee_id, current.conference_id)
        return Outcome(attendee_id)

    def check_in(self, attendee_id: int, at: dt.datetime | None = None) -> Outcome:
        return self.update_attendee(
            attendee_id, attendance=Attendance.PRESENT, arrived_at=at or now()
        )

    def mark_left(self, attendee_id: int, at: dt.datetime | None = None) -> Outcome:
        return self.update_attendee(attendee_id, left_at=at or now())

    def remove_attendee(self, attendee_id: int) -> None:
        current = self.store.get_attendee(attendee_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        if any(
            x.attendee_id == attendee_id
            for d in self.store.decisions(current.conference_id)
            for x in d.dissent
        ):  # the database refuses it (ON DELETE RESTRICT); say why instead of crashing
            raise ValidationError(
                f"{current.name} recorded a dissent on a decision; remove the dissent first."
            )
        self.store.delete_attendee(attendee_id)
        self._changed("attendee", attendee_id, current.conference_id, "removed")

    # --- agenda ------------------------------------------------------------------------------

    def add_agenda_item(
        self, conference_id: int, item: AgendaItem, index: int | None = None
    ) -> Outcome:
        self._editable(conference_id)
        problems = rules.check_text(item.title, "The agenda item's title")
        if item.planned_minutes is not None and item.planned_minutes < 0:
            problems.append("Planned minutes cannot be negative.")
        if problems:
            raise ValidationError(problems)
        item.conference_id = conference_id
        with self.store.transaction():
            item_id = self.store.add_agenda_item(item)
            order = [i.id for i in self.store.agenda(conference_id) if i.id != item_id]
            order.insert(len(order) if index is None else max(0, min(index, len(order))), item_id)
            self.store.set_positions(AgendaItem, [i for i in order if i is not None])
        self._changed("agenda_item", item_id, conference_id, "added")
        return Outcome(item_id)

    def update_agenda_item(self, item_id: int, **changes: Any) -> Outcome:
        current = self.store.get_agenda_item(item_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        problems: list[str] = []
        if "title" in changes:
            problems += rules.check_text(changes["title"], "The agenda item's title")
        problems += rules.check_times(
            changes.get("started_at", current.started_at),
            changes.get("ended_at", current.ended_at),
            current.title,
        )
        if problems:
            raise ValidationError(problems)
        self.store.update_agenda_item(item_id, changes)
        self._changed("agenda_item", item_id, current.conference_id)
        return Outcome(item_id)

    def move_agenda_item(self, item_id: int, index: int) -> None:
        current = self.store.get_agenda_item(item_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        order = [i.id for i in self.store.agenda(current.conference_id) if i.id != item_id]
        order.insert(max(0, min(index, len(order))), item_id)
        self.store.set_positions(AgendaItem, [i for i in order if i is not None])
        self._changed("agenda_item", item_id, current.conference_id)

    def remove_agenda_item(self, item_id: int) -> None:
        current = self.store.get_agenda_item(item_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        self.store.delete_agenda_item(item_id)
        self._changed("agenda_item", item_id, current.conference_id, "removed")

    # --- decisions ---------------------------------------------------------------------------

    def add_decision(self, conference_id: int, decision: Decision) -> Outcome:
        conference = self._editable(conference_id)
        problems = rules.check_text(decision.kind, "The kind of decision")
        problems += rules.check_text(decision.text, "The decision's text")
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
                        f"{value!r} is not a {kind.label.lower()} value (allowed: {allowed})."
                    )
        attendees = {a.id for a in self.store.attendees(conference_id)}
        for d in decision.dissent:
            problems += rules.check_text(d.view, "A dissenting view")
            if d.attendee_id not in attendees:
                problems.append("A dissent must come from an attendee of this conference.")
        if problems:
            raise ValidationError(problems)
        decision.conference_id = conference_id
        decision.position = self.store.next_position(Decision, "conference_id", conference_id)
        decision_id = self.store.add_decision(decision)
        self._changed("decision", decision_id, conference_id, "added")
        return Outcome(decision_id)

    def update_decision(self, decision_id: int, **changes: Any) -> Outcome:
        current = self.store.get_decision(decision_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        if "text" in changes and rules.check_text(changes["text"], "The decision's text"):
            raise ValidationError(rules.check_text(changes["text"], "The decision's text"))
        self.store.update_decision(decision_id, changes)
        self._changed("decision", decision_id, current.conference_id)
        return Outcome(decision_id)

    def add_dissent(self, decision_id: int, attendee_id: int, view: str) -> Outcome:
        decision = self.store.get_decision(decision_id)
        assert decision.conference_id is not None
        self._editable(decision.conference_id)
        problems = rules.check_text(view, "A dissenting view")
        if self.store.get_attendee(attendee_id).conference_id != decision.conference_id:
            problems.append("A dissent must come from an attendee of this conference.")
        if problems:
            raise ValidationError(problems)
        dissent_id = self.store.add_dissent(
            Dissent(attendee_id=attendee_id, view=view, decision_id=decision_id)
        )
        self._changed("decision", decision_id, decision.conference_id)
        return Outcome(dissent_id)

    def remove_decision(self, decision_id: int) -> None:
        current = self.store.get_decision(decision_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        self.store.delete_decision(decision_id)
        self._changed("decision", decision_id, current.conference_id, "removed")

    # --- actions -----------------------------------------------------------------------------

    def add_action(
        self, conference_id: int, action: Action, today: dt.date | None = None
    ) -> Outcome:
        self._editable(conference_id)
        problems = rules.check_text(action.description, "The action's description")
        if action.owner_id is not None:
            owner = self.store.get_attendee(action.owner_id)
            if owner.conference_id != conference_id:
                problems.append("The action's owner must be an attendee of this conference.")
        if problems:
            raise ValidationError(problems)
        warnings = []
        if action.due is not None and action.due < (today or dt.date.today()):
            warnings.append(f"The due date {action.due.isoformat()} is in the past.")
        action.conference_id = conference_id
        action.description = action.description.strip()
        action.position = self.store.next_position(Action, "conference_id", conference_id)
        action_id = self.store.add_action(action)
        self._changed("action", action_id, conference_id, "added")
        return Outcome(action_id, warnings)

    def update_action(self, action_id: int, **changes: Any) -> Outcome:
        current = self.store.get_action(action_id)
        assert current.conference_id is not None
        if "description" in changes:
            problems = rules.check_text(changes["description"], "The action's description")
            if problems:
                raise ValidationError(problems)
        if changes.get("status") == ActionStatus.DONE and "completed_at" not in changes:
            changes["completed_at"] = now()
        self.store.update_action(action_id, changes)
        self._changed("action", action_id, current.conference_id)
        return Outcome(action_id)

    def add_action_update(
        self, action_id: int, note: str, status: ActionStatus | None = None
    ) -> Outcome:
        """A dated note on an action's progress; a status given here becomes the action's."""
        current = self.store.get_action(action_id)
        assert current.conference_id is not None
        if not note.strip() and status is None:
            raise ValidationError("An update needs a note or a new status.")
        with self.store.transaction():
            update_id = self.store.add_action_update(
                ActionUpdate(at=now(), note=note, status=status, action_id=action_id)
            )
            if status is not None and status != current.status:
                self.update_action(action_id, status=status)
        self._changed("action", action_id, current.conference_id)
        return Outcome(update_id)

    def remove_action(self, action_id: int) -> None:
        current = self.store.get_action(action_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        self.store.delete_action(action_id)
        self._changed("action", action_id, current.conference_id, "removed")

    # --- helpers -----------------------------------------------------------------------------

    def _editable(self, conference_id: int) -> Conference:
        conference = self.store.get_conference(conference_id)
        if conference.status == ConferenceStatus.FINALISED:
            raise ConferenceLockedError(
                "This conference is finalised and locked; reopen it (with a reason) to change it."
            )
        return conference

    def _changed(
        self, entity: str, entity_id: int, conference_id: int, kind: str = "updated"
    ) -> None:
        if entity != "conference":
            self.store.touch_conference(conference_id)
        self.events.publish(Change(entity, entity_id, conference_id, kind))
