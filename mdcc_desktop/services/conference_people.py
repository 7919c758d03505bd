"""The attendees (arrivals, departures, stepping out), the household, the children and the
distribution of a conference's minutes: ``ConferenceService``'s edits of people.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mdcc_desktop.domain import rules
from mdcc_desktop.domain.clock import now
from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.messages import Message, msg
from mdcc_desktop.domain.models import (
    Attendance,
    Attendee,
    Child,
    CopyKind,
    DistributionEntry,
    Exclusion,
    HouseholdMember,
    Person,
)
from mdcc_desktop.services.conference_base import (
    ATTENDEE_DATES,
    CHILD_DATES,
    ConferenceBase,
    Outcome,
    date_problems,
)
from mdcc_desktop.services.edits import edit
from mdcc_desktop.services.events import Change, ChangeKind, Entity


class PeopleEdits(ConferenceBase):
    """The attendees (arrivals, departures, stepping out), the household, the children and the."""

    # --- attendees ---------------------------------------------------------------------------

    @edit("add_attendee")
    def add_attendee(self, conference_id: int, attendee: Attendee) -> Outcome:
        self._editable(conference_id)
        problems = rules.check_text(attendee.name, msg("field_attendee_name"))
        problems += rules.check_times(attendee.arrived_at, attendee.left_at, attendee.name)
        problems += rules.check_date(attendee.arrived_at, msg("field_arrival"))
        problems += rules.check_date(attendee.left_at, msg("field_left"))
        existing = self.store.attendees(conference_id)
        if any(rules.same_person(attendee, other) for other in existing):
            problems.append(
                msg("attendee_listed", name=attendee.name, agency=attendee.agency or "no agency")
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
            if attendee.ref is None:
                # A stable id for exchange files, and for decisions naming an attendee (key worker).
                used = {a.ref for a in existing}
                ref, n = f"p{attendee_id}", attendee_id
                while ref in used:
                    n += 1
                    ref = f"p{n}"
                attendee.ref = ref
                self.store.update_attendee(attendee_id, {"ref": ref})
        self._changed(Entity.ATTENDEE, attendee_id, conference_id, ChangeKind.ADDED)
        return Outcome(attendee_id, rules.attendance_warnings([*existing, attendee]))

    @edit("update_attendee")
    def update_attendee(self, attendee_id: int, **changes: Any) -> Outcome:
        current = self.store.get_attendee(attendee_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        problems: list[Message | str] = []
        if "name" in changes:
            problems += rules.check_text(changes["name"], msg("field_attendee_name"))
        problems += date_problems(changes, ATTENDEE_DATES)
        arrived = changes.get("arrived_at", current.arrived_at)
        left = changes.get("left_at", current.left_at)
        if arrived is not None and left is not None and left < arrived:
            problems.append(
                msg(
                    "leave_before_arrive",
                    left=f"{left:%Y-%m-%d %H:%M}",
                    arrived=f"{arrived:%Y-%m-%d %H:%M}",
                )
            )
        if problems:
            raise ValidationError(problems)
        self.store.update_attendee(attendee_id, changes)
        self._changed(Entity.ATTENDEE, attendee_id, current.conference_id)
        return Outcome(attendee_id)

    @edit("check_in")
    def check_in(self, attendee_id: int, at: dt.datetime | None = None) -> Outcome:
        return self.update_attendee(
            attendee_id, attendance=Attendance.PRESENT, arrived_at=at or now()
        )

    @edit("mark_left")
    def mark_left(self, attendee_id: int, at: dt.datetime | None = None) -> Outcome:
        return self.update_attendee(attendee_id, left_at=at or now())

    @edit("remove_attendee")
    def remove_attendee(self, attendee_id: int) -> None:
        current = self.store.get_attendee(attendee_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        if any(
            x.attendee_id == attendee_id
            for d in self.store.decisions(current.conference_id)
            for x in d.dissent
        ):  # the database refuses it (ON DELETE RESTRICT); say why instead of crashing
            raise ValidationError(msg("attendee_has_dissent", name=current.name))
        self.store.delete_attendee(attendee_id)
        self._changed(Entity.ATTENDEE, attendee_id, current.conference_id, ChangeKind.REMOVED)

    @edit("set_exclusions")
    def set_exclusions(self, attendee_id: int, exclusions: list[Exclusion]) -> Outcome:
        """The parts of the meeting ``attendee_id`` stepped out of, replaced by ``exclusions``
        (in the order given; copies are stored, the list given is not changed)."""
        current = self.store.get_attendee(attendee_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        problems = _exclusion_problems(current, exclusions)
        if problems:
            raise ValidationError(problems)
        ordered = sorted(exclusions, key=lambda e: e.left_at)
        fresh = [Exclusion(x.left_at, x.reason.strip(), x.returned_at) for x in ordered]
        self.store.set_exclusions(attendee_id, fresh)
        self._changed(Entity.ATTENDEE, attendee_id, current.conference_id)
        return Outcome(attendee_id)

    # --- household, children, distribution ---------------------------------------------------

    @edit("add_child")
    def add_child(self, case_id: int, child: Child) -> Outcome:
        problems = rules.check_text(child.name, msg("field_child_name"))
        problems += rules.check_date(child.date_of_birth, msg("field_date_of_birth"))
        problems += rules.check_date(child.expected_date_of_birth, msg("field_expected_birth"))
        if problems:
            raise ValidationError(problems)
        child.case_id = case_id
        child.position = self.store.next_position(Child, "case_id", case_id)
        child_id = self.store.add_child(child)
        self.journal.changed(Change(Entity.CHILD, child_id, None, ChangeKind.ADDED))
        return Outcome(child_id)

    @edit("remove_child")
    def remove_child(self, child_id: int) -> None:
        child = self.store.get(Child, child_id)
        if len(self.store.children(child.case_id or 0)) <= 1:
            raise ValidationError(msg("case_needs_child"))
        self.store.delete(Child, child_id)
        self.journal.changed(Change(Entity.CHILD, child_id, None, ChangeKind.REMOVED))

    @edit("update_child")
    def update_child(self, child_id: int, **changes: Any) -> Outcome:
        if "name" in changes and rules.check_text(changes["name"], msg("field_child_name")):
            raise ValidationError(rules.check_text(changes["name"], msg("field_child_name")))
        if date_problems(changes, CHILD_DATES):
            raise ValidationError(date_problems(changes, CHILD_DATES))
        self.store.update(Child, child_id, changes)
        self.journal.changed(Change(Entity.CHILD, child_id, None))
        return Outcome(child_id)

    @edit("add_household_member")
    def add_household_member(self, conference_id: int, member: HouseholdMember) -> Outcome:
        self._editable(conference_id)
        problems = rules.check_text(member.name, msg("field_household_name"))
        problems += rules.check_text(member.relationship, msg("field_relationship"))
        if problems:
            raise ValidationError(problems)
        member.conference_id = conference_id
        member.position = self.store.next_position(HouseholdMember, "conference_id", conference_id)
        member_id = self.store.add_household_member(member)
        self._changed(Entity.HOUSEHOLD, member_id, conference_id, ChangeKind.ADDED)
        return Outcome(member_id)

    @edit("update_household_member")
    def update_household_member(self, member_id: int, **changes: Any) -> Outcome:
        member = self.store.get(HouseholdMember, member_id)
        assert member.conference_id is not None
        self._editable(member.conference_id)
        problems: list[Message | str] = []
        if "name" in changes:
            problems += rules.check_text(changes["name"], msg("field_household_name"))
        if "relationship" in changes:
            problems += rules.check_text(changes["relationship"], msg("field_relationship"))
        if problems:
            raise ValidationError(problems)
        self.store.update(HouseholdMember, member_id, changes)
        self._changed(Entity.HOUSEHOLD, member_id, member.conference_id)
        return Outcome(member_id)

    @edit("remove_household_member")
    def remove_household_member(self, member_id: int) -> None:
        member = self.store.get(HouseholdMember, member_id)
        assert member.conference_id is not None
        self._editable(member.conference_id)
        self.store.delete(HouseholdMember, member_id)
        self._changed(Entity.HOUSEHOLD, member_id, member.conference_id, ChangeKind.REMOVED)

    @edit("set_distribution")
    def set_distribution(self, conference_id: int, attendee_id: int, copy: CopyKind | None) -> None:
        """Who receives which copy of the minutes; ``None`` takes the attendee off the list."""
        self._editable(conference_id)
        if self.store.get_attendee(attendee_id).conference_id != conference_id:
            raise ValidationError(msg("distribution_not_attendee"))
        entries = [
            e for e in self.store.distribution(conference_id) if e.attendee_id == attendee_id
        ]
        with self.store.transaction():
            for entry in entries[1:]:
                self.store.delete_distribution(entry.id or 0)
            if copy is None:
                if entries:
                    self.store.delete_distribution(entries[0].id or 0)
            elif entries:
                self.store.update(DistributionEntry, entries[0].id or 0, {"copy": copy})
            else:
                self.store.add_distribution(
                    DistributionEntry(
                        attendee_id=attendee_id,
                        copy=copy,
                        conference_id=conference_id,
                        position=self.store.next_position(
                            DistributionEntry, "conference_id", conference_id
                        ),
                    )
                )
        self._changed(Entity.DISTRIBUTION, attendee_id, conference_id)


def _exclusion_problems(attendee: Attendee, exclusions: list[Exclusion]) -> list[Message | str]:
    """What is wrong with ``attendee`` stepping out at the times of ``exclusions``."""
    problems: list[Message | str] = []
    previous_return: dt.datetime | None = None
    for n, x in enumerate(sorted(exclusions, key=lambda e: e.left_at), 1):
        problems += rules.check_text(x.reason, msg("field_step_out_reason", n=n))
        problems += rules.check_date(x.left_at, msg("field_step_out_time"))
        if attendee.arrived_at is None or x.left_at < attendee.arrived_at:
            problems.append(msg("step_out_before_arrival"))
        if x.returned_at is not None and x.returned_at < x.left_at:
            problems.append(
                msg("back_before_out", back=f"{x.returned_at:%H:%M}", out=f"{x.left_at:%H:%M}")
            )
        if previous_return is None and n > 1:
            problems.append(msg("already_out"))
        elif previous_return is not None and x.left_at < previous_return:
            problems.append(
                msg(
                    "out_before_back_last",
                    out=f"{x.left_at:%H:%M}",
                    back=f"{previous_return:%H:%M}",
                )
            )
        previous_return = x.returned_at
    return problems
