"""Creating and changing cases, conferences, attendees, agenda items, decisions and actions.

One API for the GUI and the command line. Every method checks its input first (raising
:class:`ValidationError` with specific lines), refuses changes to a finalised conference,
stores the change in one transaction and announces it on the event bus.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from mdcc_desktop.domain import rules
from mdcc_desktop.domain.clock import now
from mdcc_desktop.domain.clock import today as clock_today
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
    CopyKind,
    Decision,
    Dissent,
    DistributionEntry,
    Exclusion,
    HouseholdMember,
    Language,
    MandatoryReport,
    Person,
    SafetyLine,
    SafetySection,
    Scaling,
)
from mdcc_desktop.services.events import Change, ChangeKind, Entity, EventBus
from mdcc_desktop.services.profiles import ProfileRegistry
from mdcc_desktop.store import Store

# The date and date-time fields each kind of record takes from the GUI, with how a message
# names them; every one must lie in the years rules.MIN_YEAR-MAX_YEAR (issue 8).
CONFERENCE_DATES = {
    "scheduled_start": "The scheduled start",
    "started_at": "The start",
    "ended_at": "The end",
    "referral_received": "The referral date",
    "next_review": "The next review",
}
ITEM_DATES = {"started_at": "The item's start", "ended_at": "The item's end"}
ACTION_DATES = {"due": "The due date", "completed_at": "The completion date"}
ATTENDEE_DATES = {"arrived_at": "The arrival time", "left_at": "The time they left"}
CHILD_DATES = {
    "date_of_birth": "The date of birth",
    "expected_date_of_birth": "The expected date of birth",
}


def _date_problems(changes: dict[str, Any], fields: dict[str, str]) -> list[str]:
    problems: list[str] = []
    for key, what in fields.items():
        value = changes.get(key)
        if isinstance(value, dt.date):
            problems += rules.check_date(value, what)
    return problems


@dataclass(frozen=True)
class DeletedConference:
    """What :meth:`ConferenceService.delete_conference` removed, and how to bring it back.

    ``document`` is the conference's exchange document as it was (the reporter's identity
    included), which :meth:`ExchangeService.restore_document` imports again (undo)."""

    conference_id: int
    case_reference: str
    case_deleted: bool
    document: dict[str, Any]


@dataclass(frozen=True)
class CarryForward:
    """What a review takes from the conference it reviews (``previous_id``)."""

    previous_id: int
    attendees: bool = True
    household: bool = True
    actions: bool = True


@dataclass(frozen=True)
class ConferencePlan:
    """A conference to plan: for the case ``reference`` (an existing case, or a new one made
    with ``children``), and for a review, what it carries forward."""

    reference: str
    jurisdiction: str
    type: ConferenceType
    scheduled_start: dt.datetime
    children: tuple[Child, ...] = ()
    title: str | None = None
    venue: str | None = None
    referral_received: dt.date | None = None
    carry: CarryForward | None = None


@dataclass(frozen=True)
class PlannedConference:
    """What :meth:`ConferenceService.plan_conference` made."""

    case_id: int
    conference_id: int
    case_created: bool
    actions_carried: int = 0
    warnings: tuple[str, ...] = ()


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

    def list_conferences(
        self, text: str = "", statuses: Iterable[ConferenceStatus] | None = None
    ) -> list[ConferenceSummary]:
        return self.store.list_conferences(text, statuses)

    def record(self, conference_id: int) -> ConferenceRecord:
        return self.store.load_record(conference_id)

    def conference(self, conference_id: int) -> Conference:
        return self.store.get_conference(conference_id)

    def conference_ids(self) -> list[int]:
        """Every conference's id (to tell which remembered ids still exist)."""
        return self.store.conference_ids()

    def cases(self) -> list[Case]:
        return self.store.list_cases()

    def case_by_reference(self, reference: str) -> Case | None:
        return self.store.case_by_reference(reference.strip())

    def children(self, case_id: int) -> list[Child]:
        return self.store.children(case_id)

    def find_people(self, text: str) -> list[Person]:
        return self.store.find_people(text)

    # --- cases and conferences ---------------------------------------------------------------

    def create_case(self, reference: str, jurisdiction: str, children: list[Child]) -> Case:
        case = self._checked_case(reference, jurisdiction, children)
        with self.store.transaction("create case"):
            self._write_case(case, children)
        assert case.id is not None
        self.events.publish(Change(Entity.CASE, case.id, None, ChangeKind.ADDED))
        return case

    def _checked_case(self, reference: str, jurisdiction: str, children: list[Child]) -> Case:
        """A new case, once its reference, children and profile passed the checks."""
        problems = rules.check_text(reference, "The case reference")
        if not children:
            problems.append("A case needs at least one child.")
        problems += [p for c in children for p in rules.check_text(c.name, "A child's name")]
        self.profiles.get(jurisdiction)
        if self.store.case_by_reference(reference.strip()) is not None:
            problems.append(f"A case with the reference {reference.strip()!r} already exists.")
        if problems:
            raise ValidationError(problems)
        return Case(reference=reference.strip(), jurisdiction=jurisdiction)

    def _write_case(self, case: Case, children: list[Child]) -> None:
        with self.store.transaction():
            self.store.add_case(case)
            assert case.id is not None
            for i, child in enumerate(children):
                child.case_id = case.id
                child.position = i
                self.store.add_child(child)

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
        language: Language | None = None,
    ) -> int:
        conference = self._checked_conference(
            case_id,
            jurisdiction,
            conference_type,
            scheduled_start,
            title=title,
            venue=venue,
            referral_received=referral_received,
        )
        conference.language = language
        self.store.get_case(case_id)
        with self.store.transaction("create conference"):
            conference_id = self._write_conference(conference, with_agenda_template)
        self.events.publish(
            Change(Entity.CONFERENCE, conference_id, conference_id, ChangeKind.ADDED)
        )
        return conference_id

    def _checked_conference(
        self,
        case_id: int,
        jurisdiction: str,
        conference_type: ConferenceType,
        scheduled_start: dt.datetime,
        *,
        title: str | None,
        venue: str | None,
        referral_received: dt.date | None,
    ) -> Conference:
        """A new conference, once its profile and dates passed the checks (not yet stored)."""
        profile = self.profiles.get(jurisdiction)
        if scheduled_start.tzinfo is None:
            raise ValidationError("The scheduled start needs a time zone.")
        problems = rules.check_date(scheduled_start, "The scheduled start")
        problems += rules.check_date(referral_received, "The referral date")
        if problems:
            raise ValidationError(problems)
        return Conference(
            case_id=case_id,
            jurisdiction=jurisdiction,
            type=conference_type,
            scheduled_start=scheduled_start,
            title=title,
            venue=venue,
            referral_received=referral_received,
            has_safety_mapping=profile.signs_of_safety,
        )

    def _write_conference(self, conference: Conference, with_agenda_template: bool) -> int:
        profile = self.profiles.get(conference.jurisdiction)
        with self.store.transaction():
            conference_id = self.store.add_conference(conference)
            if with_agenda_template:
                language = conference.language or profile.language
                for i, item in enumerate(profile.agenda_for(conference.type)):
                    self.store.add_agenda_item(
                        AgendaItem(
                            title=item.title_in(language),
                            conference_id=conference_id,
                            planned_minutes=item.planned_minutes,
                            restricted=item.restricted or None,
                            position=i,
                        )
                    )
        return conference_id

    def plan_conference(self, plan: ConferencePlan) -> PlannedConference:
        """Plan a conference: its case (an existing one, or a new one with its children), the
        conference with the profile's agenda, and for a review what it carries forward from
        the conference it reviews. All in one transaction: a failure anywhere leaves nothing
        behind (no case without a conference, no review without what it carries)."""
        existing = self.store.case_by_reference(plan.reference.strip())
        case_id = existing.id if existing is not None else None
        new_case: Case | None = None
        if existing is None:
            new_case = self._checked_case(plan.reference, plan.jurisdiction, list(plan.children))
        conference = self._checked_conference(
            case_id or 0,
            plan.jurisdiction,
            plan.type,
            plan.scheduled_start,
            title=plan.title,
            venue=plan.venue,
            referral_received=plan.referral_received,
        )
        previous: ConferenceRecord | None = None
        if plan.carry is not None:
            previous = self.store.load_record(plan.carry.previous_id)
            if existing is None or previous.conference.case_id != case_id:
                raise ValidationError("A review can only continue a conference of the same case.")
        carried = 0
        with self.store.transaction("plan conference"):
            if new_case is not None:
                self._write_case(new_case, list(plan.children))
                assert new_case.id is not None
                case_id = new_case.id
                conference.case_id = new_case.id
            conference_id = self._write_conference(conference, True)
            if plan.carry is not None and previous is not None:
                carried = self._write_carry_forward(previous, conference_id, plan.carry)
        assert case_id is not None
        if new_case is not None:
            self.events.publish(Change(Entity.CASE, case_id, None, ChangeKind.ADDED))
        self.events.publish(
            Change(Entity.CONFERENCE, conference_id, conference_id, ChangeKind.ADDED)
        )
        warnings: tuple[str, ...] = ()
        if plan.carry is not None:
            warnings = (f"{carried} open action(s) carried forward.",)
        return PlannedConference(
            case_id=case_id,
            conference_id=conference_id,
            case_created=new_case is not None,
            actions_carried=carried,
            warnings=warnings,
        )

    def delete_conference(self, conference_id: int) -> DeletedConference:
        """Delete a conference with everything in it, and its case when it has no other
        conference; one transaction. Its text leaves the search index with it (the store's
        triggers). A finalised conference is refused: reopen it first, with a reason."""
        record = self.store.load_record(conference_id)  # NotFoundError for an unknown id
        if record.conference.status == ConferenceStatus.FINALISED:
            raise ConferenceLockedError(
                "This conference is finalised and locked; reopen it (with a reason) to delete it."
            )
        from mdcc_desktop.services.exchange import record_to_document  # only a delete needs it

        document = record_to_document(record)
        case_id = record.case.id or 0
        others = [i for i in self.store.conference_ids_of_case(case_id) if i != conference_id]
        with self.store.transaction("delete conference"):
            # Dissents first: a dissent keeps its attendee (ON DELETE RESTRICT), so the
            # deletion must not depend on the order in which SQLite cascades.
            for decision in record.decisions:
                for dissent in decision.dissent:
                    self.store.delete_dissent(dissent.id or 0)
            self.store.delete_conference(conference_id)
            if not others:
                self.store.delete(Case, case_id)
        self.events.publish(
            Change(Entity.CONFERENCE, conference_id, conference_id, ChangeKind.REMOVED)
        )
        if not others:
            self.events.publish(Change(Entity.CASE, case_id, None, ChangeKind.REMOVED))
        return DeletedConference(conference_id, record.case.reference, not others, document)

    def previous_conferences(self, case_id: int) -> list[Conference]:
        """The case's conferences, latest first: candidates for a review to continue."""
        found = [self.store.get_conference(i) for i in self.store.conference_ids_of_case(case_id)]
        return sorted(found, key=lambda c: c.scheduled_start, reverse=True)

    def earlier_scaling(self, conference_id: int) -> list[EarlierScaling]:
        """The safety scaling of the case's conferences held before ``conference_id``, oldest
        first (those with no score left out), to show the trend beside today's scores."""
        this = self.store.get_conference(conference_id)
        found: list[EarlierScaling] = []
        for cid in self.store.conference_ids_of_case(this.case_id):
            conference = self.store.get_conference(cid)
            if cid == conference_id or conference.scheduled_start >= this.scheduled_start:
                continue
            scores = self.store.scaling(cid)
            if not scores:
                continue
            people = {a.id: a for a in self.store.attendees(cid)}
            found.append(
                EarlierScaling(
                    cid,
                    conference.scheduled_start,
                    tuple(
                        ScoreOf(who.name, who.person_id, s.score)
                        for s in scores
                        if (who := people.get(s.attendee_id)) is not None and s.score is not None
                    ),
                )
            )
        return sorted(found, key=lambda e: e.held)

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
            raise ValidationError("A review can only continue a conference of the same case.")
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
                open_actions = [x for x in previous.actions if x.status.is_open]
                progress = self._progress_item(conference_id) if open_actions else None
                for x in open_actions:
                    self.store.add_action(
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
                            updates=[
                                ActionUpdate(at=u.at, note=u.note, status=u.status)
                                for u in x.updates
                            ],
                            position=self.store.next_position(
                                Action, "conference_id", conference_id
                            ),
                        )
                    )
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

    def update_conference(self, conference_id: int, **changes: Any) -> Outcome:
        current = self._editable(conference_id)
        start = changes.get("started_at", current.started_at)
        end = changes.get("ended_at", current.ended_at)
        problems = rules.check_times(start, end, "The conference")
        problems += _date_problems(changes, CONFERENCE_DATES)
        if "title" in changes and changes["title"] is not None and not changes["title"].strip():
            changes["title"] = None
        if problems:
            raise ValidationError(problems)
        self.store.update_conference(conference_id, changes)
        if "language" in changes and changes["language"] != current.language:
            self._retitle_agenda(current, changes["language"])
        self._changed(Entity.CONFERENCE, conference_id, conference_id)
        return Outcome(conference_id)

    def _retitle_agenda(self, conference: Conference, language: Language | None) -> None:
        """Give the profile's agenda items the titles of the conference's new language; items
        the chair has renamed (a title the profile does not give) are left as they are."""
        assert conference.id is not None
        profile = self.profiles.find(conference.jurisdiction)
        if profile is None:
            return
        template = profile.agenda_for(conference.type)
        wanted = language or profile.language
        for item in self.store.agenda(conference.id):
            match = next((t for t in template if item.title in t.titles), None)
            if match is not None and item.id is not None and match.title_in(wanted) != item.title:
                self.store.update_agenda_item(item.id, {"title": match.title_in(wanted)})
                self._changed(Entity.AGENDA_ITEM, item.id, conference.id)

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
        problems += rules.check_date(attendee.arrived_at, "The arrival time")
        problems += rules.check_date(attendee.left_at, "The time they left")
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

    def update_attendee(self, attendee_id: int, **changes: Any) -> Outcome:
        current = self.store.get_attendee(attendee_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        problems: list[str] = []
        if "name" in changes:
            problems += rules.check_text(changes["name"], "The attendee's name")
        problems += _date_problems(changes, ATTENDEE_DATES)
        arrived = changes.get("arrived_at", current.arrived_at)
        left = changes.get("left_at", current.left_at)
        if arrived is not None and left is not None and left < arrived:
            problems.append(
                f"They cannot leave ({left:%Y-%m-%d %H:%M}) before they arrive "
                f"({arrived:%Y-%m-%d %H:%M}): correct one of the two times."
            )
        if problems:
            raise ValidationError(problems)
        self.store.update_attendee(attendee_id, changes)
        self._changed(Entity.ATTENDEE, attendee_id, current.conference_id)
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
        self._changed(Entity.ATTENDEE, attendee_id, current.conference_id, ChangeKind.REMOVED)

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

    # --- agenda ------------------------------------------------------------------------------

    def add_agenda_item(
        self, conference_id: int, item: AgendaItem, index: int | None = None
    ) -> Outcome:
        self._editable(conference_id)
        problems = rules.check_text(item.title, "The agenda item's title")
        problems += rules.check_planned_minutes(item.planned_minutes)
        problems += rules.check_times(item.started_at, item.ended_at, item.title)
        problems += rules.check_date(item.started_at, "The item's start")
        problems += rules.check_date(item.ended_at, "The item's end")
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

    def update_agenda_item(self, item_id: int, **changes: Any) -> Outcome:
        current = self.store.get_agenda_item(item_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        problems: list[str] = []
        if "title" in changes:
            problems += rules.check_text(changes["title"], "The agenda item's title")
        if "planned_minutes" in changes:
            problems += rules.check_planned_minutes(changes["planned_minutes"])
        problems += _date_problems(changes, ITEM_DATES)
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

    def move_agenda_item(self, item_id: int, index: int) -> None:
        current = self.store.get_agenda_item(item_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        order = [i.id for i in self.store.agenda(current.conference_id) if i.id != item_id]
        order.insert(max(0, min(index, len(order))), item_id)
        self.store.set_positions(AgendaItem, [i for i in order if i is not None])
        self._changed(Entity.AGENDA_ITEM, item_id, current.conference_id)

    def remove_agenda_item(self, item_id: int) -> None:
        current = self.store.get_agenda_item(item_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        self.store.delete_agenda_item(item_id)
        self._changed(Entity.AGENDA_ITEM, item_id, current.conference_id, ChangeKind.REMOVED)

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
        self._changed(Entity.DECISION, decision_id, conference_id, ChangeKind.ADDED)
        return Outcome(decision_id)

    def update_decision(self, decision_id: int, **changes: Any) -> Outcome:
        current = self.store.get_decision(decision_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        if "text" in changes and rules.check_text(changes["text"], "The decision's text"):
            raise ValidationError(rules.check_text(changes["text"], "The decision's text"))
        self.store.update_decision(decision_id, changes)
        self._changed(Entity.DECISION, decision_id, current.conference_id)
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
        self._changed(Entity.DECISION, decision_id, decision.conference_id)
        return Outcome(dissent_id)

    def remove_decision(self, decision_id: int) -> None:
        current = self.store.get_decision(decision_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        self.store.delete_decision(decision_id)
        self._changed(Entity.DECISION, decision_id, current.conference_id, ChangeKind.REMOVED)

    # --- actions -----------------------------------------------------------------------------

    def add_action(
        self, conference_id: int, action: Action, today: dt.date | None = None
    ) -> Outcome:
        self._editable(conference_id)
        problems = rules.check_text(action.description, "The action's description")
        problems += rules.check_date(action.due, "The due date")
        if action.owner_id is not None:
            owner = self.store.get_attendee(action.owner_id)
            if owner.conference_id != conference_id:
                problems.append("The action's owner must be an attendee of this conference.")
        if problems:
            raise ValidationError(problems)
        warnings = []
        if action.due is not None and action.due < (today or clock_today()):
            warnings.append(f"The due date {action.due.isoformat()} is in the past.")
        action.conference_id = conference_id
        action.description = action.description.strip()
        action.position = self.store.next_position(Action, "conference_id", conference_id)
        action_id = self.store.add_action(action)
        self._changed(Entity.ACTION, action_id, conference_id, ChangeKind.ADDED)
        return Outcome(action_id, warnings)

    def update_action(self, action_id: int, **changes: Any) -> Outcome:
        current = self.store.get_action(action_id)
        assert current.conference_id is not None
        problems = _date_problems(changes, ACTION_DATES)
        if "description" in changes:
            problems += rules.check_text(changes["description"], "The action's description")
        if problems:
            raise ValidationError(problems)
        if "status" in changes and "completed_at" not in changes:
            changes.update(
                rules.completion_stamp(current.status, current.completed_at, changes["status"])
            )
        self.store.update_action(action_id, changes)
        self._changed(Entity.ACTION, action_id, current.conference_id)
        return Outcome(action_id)

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
        if not note.strip() and status is None:
            raise ValidationError("An update needs a note or a new status.")
        if at is not None:
            problems = rules.check_date(at, "The update's date")
            if at.tzinfo is None:
                problems.append("The update's date needs a time zone.")
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

    def remove_action_update(self, update_id: int) -> None:
        """Take back an update (its status change is the caller's to undo)."""
        update = self.store.get(ActionUpdate, update_id)
        action = self.store.get_action(update.action_id or 0)
        self.store.delete(ActionUpdate, update_id)
        self._changed(Entity.ACTION, action.id or 0, action.conference_id or 0)

    def remove_action(self, action_id: int) -> None:
        current = self.store.get_action(action_id)
        assert current.conference_id is not None
        self._editable(current.conference_id)
        self.store.delete_action(action_id)
        self._changed(Entity.ACTION, action_id, current.conference_id, ChangeKind.REMOVED)

    def update_dissent(self, dissent_id: int, **changes: Any) -> Outcome:
        dissent = self.store.get(Dissent, dissent_id)
        decision = self.store.get_decision(dissent.decision_id or 0)
        assert decision.conference_id is not None
        self._editable(decision.conference_id)
        if "view" in changes and rules.check_text(changes["view"], "A dissenting view"):
            raise ValidationError(rules.check_text(changes["view"], "A dissenting view"))
        self.store.update(Dissent, dissent_id, changes)
        self._changed(Entity.DECISION, decision.id or 0, decision.conference_id)
        return Outcome(dissent_id)

    def remove_dissent(self, dissent_id: int) -> None:
        dissent = self.store.get(Dissent, dissent_id)
        decision = self.store.get_decision(dissent.decision_id or 0)
        assert decision.conference_id is not None
        self._editable(decision.conference_id)
        self.store.delete(Dissent, dissent_id)
        self._changed(Entity.DECISION, decision.id or 0, decision.conference_id)

    # --- household, children, distribution ---------------------------------------------------

    def add_child(self, case_id: int, child: Child) -> Outcome:
        problems = rules.check_text(child.name, "A child's name")
        problems += rules.check_date(child.date_of_birth, "The date of birth")
        problems += rules.check_date(child.expected_date_of_birth, "The expected date of birth")
        if problems:
            raise ValidationError(problems)
        child.case_id = case_id
        child.position = self.store.next_position(Child, "case_id", case_id)
        child_id = self.store.add_child(child)
        self.events.publish(Change(Entity.CHILD, child_id, None, ChangeKind.ADDED))
        return Outcome(child_id)

    def remove_child(self, child_id: int) -> None:
        child = self.store.get(Child, child_id)
        if len(self.store.children(child.case_id or 0)) <= 1:
            raise ValidationError("A case needs at least one child.")
        self.store.delete(Child, child_id)
        self.events.publish(Change(Entity.CHILD, child_id, None, ChangeKind.REMOVED))

    def update_child(self, child_id: int, **changes: Any) -> Outcome:
        if "name" in changes and rules.check_text(changes["name"], "A child's name"):
            raise ValidationError(rules.check_text(changes["name"], "A child's name"))
        if _date_problems(changes, CHILD_DATES):
            raise ValidationError(_date_problems(changes, CHILD_DATES))
        self.store.update(Child, child_id, changes)
        self.events.publish(Change(Entity.CHILD, child_id, None))
        return Outcome(child_id)

    def add_household_member(self, conference_id: int, member: HouseholdMember) -> Outcome:
        self._editable(conference_id)
        problems = rules.check_text(member.name, "The household member's name")
        problems += rules.check_text(member.relationship, "The relationship to the child")
        if problems:
            raise ValidationError(problems)
        member.conference_id = conference_id
        member.position = self.store.next_position(HouseholdMember, "conference_id", conference_id)
        member_id = self.store.add_household_member(member)
        self._changed(Entity.HOUSEHOLD, member_id, conference_id, ChangeKind.ADDED)
        return Outcome(member_id)

    def update_household_member(self, member_id: int, **changes: Any) -> Outcome:
        member = self.store.get(HouseholdMember, member_id)
        assert member.conference_id is not None
        self._editable(member.conference_id)
        problems: list[str] = []
        if "name" in changes:
            problems += rules.check_text(changes["name"], "The household member's name")
        if "relationship" in changes:
            problems += rules.check_text(changes["relationship"], "The relationship to the child")
        if problems:
            raise ValidationError(problems)
        self.store.update(HouseholdMember, member_id, changes)
        self._changed(Entity.HOUSEHOLD, member_id, member.conference_id)
        return Outcome(member_id)

    def remove_household_member(self, member_id: int) -> None:
        member = self.store.get(HouseholdMember, member_id)
        assert member.conference_id is not None
        self._editable(member.conference_id)
        self.store.delete(HouseholdMember, member_id)
        self._changed(Entity.HOUSEHOLD, member_id, member.conference_id, ChangeKind.REMOVED)

    def set_distribution(self, conference_id: int, attendee_id: int, copy: CopyKind | None) -> None:
        """Who receives which copy of the minutes; ``None`` takes the attendee off the list."""
        self._editable(conference_id)
        if self.store.get_attendee(attendee_id).conference_id != conference_id:
            raise ValidationError(
                "Only attendees of this conference can be on its distribution list."
            )
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

    # --- Signs of Safety ---------------------------------------------------------------------

    def add_safety_line(self, conference_id: int, section: SafetySection, text: str) -> Outcome:
        self._editable(conference_id)
        problems = rules.check_text(text, "The mapping line")
        if problems:
            raise ValidationError(problems)
        position = len([x for x in self.store.safety_lines(conference_id) if x.section == section])
        with self.store.transaction():
            line_id = self.store.add_safety_line(
                SafetyLine(
                    section=section, text=text, conference_id=conference_id, position=position
                )
            )
            self.store.update_conference(conference_id, {"has_safety_mapping": True})
        self._changed(Entity.SAFETY, line_id, conference_id, ChangeKind.ADDED)
        return Outcome(line_id)

    def update_safety_line(self, line_id: int, text: str) -> Outcome:
        line = self.store.get(SafetyLine, line_id)
        assert line.conference_id is not None
        self._editable(line.conference_id)
        problems = rules.check_text(text, "The mapping line")
        if problems:
            raise ValidationError(problems)
        self.store.update(SafetyLine, line_id, {"text": text})
        self._changed(Entity.SAFETY, line_id, line.conference_id)
        return Outcome(line_id)

    def remove_safety_line(self, line_id: int) -> None:
        line = self.store.get(SafetyLine, line_id)
        assert line.conference_id is not None
        self._editable(line.conference_id)
        self.store.delete(SafetyLine, line_id)
        self._changed(Entity.SAFETY, line_id, line.conference_id, ChangeKind.REMOVED)

    def set_scaling(
        self, conference_id: int, attendee_id: int, score: int | None, note: str | None = None
    ) -> None:
        """A participant's 0-10 safety scale; ``None`` removes their rating."""
        self._editable(conference_id)
        if score is not None and (
            isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10
        ):
            raise ValidationError("A safety scale is from 0 to 10.")
        if self.store.get_attendee(attendee_id).conference_id != conference_id:
            raise ValidationError("Only attendees of this conference can give a safety scale.")
        existing = [s for s in self.store.scaling(conference_id) if s.attendee_id == attendee_id]
        with self.store.transaction():
            if score is None:
                for item in existing:
                    self.store.delete(Scaling, item.id or 0)
            elif existing:
                self.store.update(Scaling, existing[0].id or 0, {"score": score, "note": note})
            else:
                self.store.add_scaling(
                    Scaling(
                        attendee_id=attendee_id,
                        score=score,
                        note=note,
                        conference_id=conference_id,
                        position=self.store.next_position(Scaling, "conference_id", conference_id),
                    )
                )
                self.store.update_conference(conference_id, {"has_safety_mapping": True})
        self._changed(Entity.SAFETY, attendee_id, conference_id)

    def set_mandatory_report(self, conference_id: int, report: MandatoryReport) -> Outcome:
        """The mandatory report; its reporter's identity is stored but never exported."""
        self._editable(conference_id)
        if rules.check_date(report.date, "The report's date"):
            raise ValidationError(rules.check_date(report.date, "The report's date"))
        self.store.update_conference(conference_id, {"mandatory_report": report})
        self._changed(Entity.CONFERENCE, conference_id, conference_id)
        return Outcome(conference_id)

    # --- helpers -----------------------------------------------------------------------------

    def _editable(self, conference_id: int) -> Conference:
        conference = self.store.get_conference(conference_id)
        if conference.status == ConferenceStatus.FINALISED:
            raise ConferenceLockedError(
                "This conference is finalised and locked; reopen it (with a reason) to change it."
            )
        return conference

    def _changed(
        self,
        entity: Entity,
        entity_id: int,
        conference_id: int,
        kind: ChangeKind = ChangeKind.UPDATED,
    ) -> None:
        if entity != Entity.CONFERENCE:
            self.store.touch_conference(conference_id)
        self.events.publish(Change(entity, entity_id, conference_id, kind))


def _exclusion_problems(attendee: Attendee, exclusions: list[Exclusion]) -> list[str]:
    """What is wrong with ``attendee`` stepping out at the times of ``exclusions``."""
    problems: list[str] = []
    previous_return: dt.datetime | None = None
    for n, x in enumerate(sorted(exclusions, key=lambda e: e.left_at), 1):
        problems += rules.check_text(x.reason, f"The reason they step out ({n})")
        problems += rules.check_date(x.left_at, "The time they step out")
        if attendee.arrived_at is None or x.left_at < attendee.arrived_at:
            problems.append(
                "They can only step out once they have arrived: check them in first, "
                "or correct the time they stepped out."
            )
        if x.returned_at is not None and x.returned_at < x.left_at:
            problems.append(
                f"They cannot come back ({x.returned_at:%H:%M}) before they step out "
                f"({x.left_at:%H:%M}): correct one of the two times."
            )
        if previous_return is None and n > 1:
            problems.append(
                "They are already out of the room: record that they came back in first."
            )
        elif previous_return is not None and x.left_at < previous_return:
            problems.append(
                f"They step out at {x.left_at:%H:%M} before coming back from the last time "
                f"({previous_return:%H:%M}): correct one of the two times."
            )
        previous_return = x.returned_at
    return problems


@dataclass(frozen=True)
class ScoreOf:
    """One participant's safety scale at a conference."""

    name: str
    person_id: int | None
    score: int


@dataclass(frozen=True)
class EarlierScaling:
    """The scaling of one earlier conference of the same case."""

    conference_id: int
    held: dt.datetime
    scores: tuple[ScoreOf, ...]

    def score_of(self, name: str, person_id: int | None) -> int | None:
        """The score of the same person (by the directory's id, else by name), if scaled."""
        for s in self.scores:
            if person_id is not None and s.person_id == person_id:
                return s.score
        key = name.strip().casefold()
        return next((s.score for s in self.scores if s.name.strip().casefold() == key), None)

    @property
    def median(self) -> float | None:
        values = sorted(s.score for s in self.scores)
        if not values:
            return None
        middle = len(values) // 2
        if len(values) % 2:
            return float(values[middle])
        return (values[middle - 1] + values[middle]) / 2
