"""A review started from the conference it reviews: ``ConferenceService.carry_forward`` and
what it copies (attendees as invited, the household, every open action).
"""

from __future__ import annotations

from dataclasses import dataclass

from mdcc_desktop.domain import rules
from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.messages import msg
from mdcc_desktop.domain.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attendee,
    ConferenceRecord,
    HouseholdMember,
)
from mdcc_desktop.services.conference_base import (
    ConferenceBase,
    Outcome,
    check_review_date,
)
from mdcc_desktop.services.edits import edit
from mdcc_desktop.services.events import Entity


@dataclass(frozen=True)
class CarryForward:
    """What a review takes from the conference it reviews (``previous_id``)."""

    previous_id: int
    attendees: bool = True
    household: bool = True
    actions: bool = True


class CarryEdits(ConferenceBase):
    """A review started from the conference it reviews: ``ConferenceService.carry_forward`` and."""

    @edit("carry_forward")
    def carry_forward(
        self,
        previous_id: int,
        conference_id: int,
        *,
        attendees: bool = True,
        household: bool = True,
        actions: bool = True,
    ) -> Outcome:
        """Start a review from the conference it reviews.

        Attendees come back as invited (no times), the household as it was, and every open action
        continues: it records the one it continues (``carried_from``) with its history, and sits
        under the "Progress on the plan" agenda item (made if the agenda has none).
        """
        target = self._editable(conference_id)
        previous = self.store.load_record(previous_id)
        if previous.conference.case_id != target.case_id:
            raise ValidationError(msg("review_other_case"))
        check_review_date(target.scheduled_start, previous.conference)
        with self.store.transaction("carry forward"):
            carried = self._write_carry_forward(
                previous, conference_id, CarryForward(previous_id, attendees, household, actions)
            )
        self._changed(Entity.CONFERENCE, conference_id, conference_id)
        return Outcome(conference_id, [f"{carried} open action(s) carried forward."])

    def _write_carry_forward(
        self, previous: ConferenceRecord, conference_id: int, carry: CarryForward
    ) -> int:
        """Write what a review carries from ``previous``; the number of actions carried."""
        carried = 0
        with self.store.transaction():
            self.store.update_conference(
                conference_id,
                {
                    "previous_conference_id": carry.previous_id,
                    "previous_conference": previous.conference.title
                    or f"{previous.case.reference} "
                    f"{previous.conference.scheduled_start.date().isoformat()}",
                },
            )
            owners: dict[int, int] = {}
            existing = self.store.attendees(conference_id)
            if carry.attendees:
                for a in previous.attendees:
                    if any(rules.same_person(a, other) for other in existing):
                        continue
                    copy_ = Attendee(
                        name=a.name,
                        conference_id=conference_id,
                        person_id=a.person_id,
                        alt_name=a.alt_name,
                        agency=a.agency,
                        discipline=a.discipline,
                        job_title=a.job_title,
                        email=a.email,
                        phone=a.phone,
                        roles=list(a.roles),
                        position=self.store.next_position(Attendee, "conference_id", conference_id),
                    )
                    owners[a.id or 0] = self.store.add_attendee(copy_)
            if carry.household:
                for h in previous.household:
                    self.store.add_household_member(
                        HouseholdMember(
                            name=h.name,
                            relationship=h.relationship,
                            conference_id=conference_id,
                            alt_name=h.alt_name,
                            notes=h.notes,
                            position=h.position,
                        )
                    )
            if carry.actions:
                open_actions = [x for x in previous.actions if x.outstanding]
                progress = self._progress_item(conference_id) if open_actions else None
                for x in open_actions:
                    copy_id = self.store.add_action(
                        Action(
                            description=x.description,
                            status=x.status,
                            conference_id=conference_id,
                            owner_id=owners.get(x.owner_id or 0),
                            owner_agency=self._agency_of(x, previous, owners),
                            due=x.due,
                            priority=x.priority,
                            agenda_item_id=progress,
                            carried_from=x.ref or str(x.id),
                            carried_from_action_id=x.id,
                            outcome=x.outcome,
                            contingency=x.contingency,
                            updates=[
                                ActionUpdate(at=u.at, note=u.note, status=u.status)
                                for u in x.updates
                            ],
                            position=self.store.next_position(
                                Action, "conference_id", conference_id
                            ),
                        )
                    )
                    # The copy supersedes the original: it leaves the open lists and counts.
                    self.store.update_action(x.id or 0, {"carried_to_action_id": copy_id})
                    carried += 1
        return carried

    @staticmethod
    def _agency_of(
        action: Action, previous: ConferenceRecord, owners: dict[int, int]
    ) -> str | None:
        """A carried action whose owner is not carried keeps at least the owner's agency."""
        if action.owner_agency or action.owner_id is None or action.owner_id in owners:
            return action.owner_agency
        owner = previous.attendee(action.owner_id)
        return owner.agency if owner is not None else None

    def _progress_item(self, conference_id: int) -> int:
        for item in self.store.agenda(conference_id):
            if item.title.strip().casefold().startswith("progress on the plan"):
                return item.id or 0
        item = AgendaItem(title="Progress on the plan", conference_id=conference_id)
        item_id = self.store.add_agenda_item(item)
        order = [i.id or 0 for i in self.store.agenda(conference_id) if i.id != item_id]
        self.store.set_positions(AgendaItem, [*order[:1], item_id, *order[1:]])
        return item_id
