"""Creating and changing cases, conferences, attendees, agenda items, decisions and actions.

One API for the GUI and the command line. Every method checks its input first (raising
:class:`ValidationError` with specific lines), refuses changes to a finalised conference,
stores the change in one transaction and announces it on the event bus.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from mdcc_desktop.domain import rules
from mdcc_desktop.domain.carry import CarryLinks, RecordParts
from mdcc_desktop.domain.clock import now
from mdcc_desktop.domain.clock import today as clock_today
from mdcc_desktop.domain.errors import ConferenceLockedError, ValidationError
from mdcc_desktop.domain.locks import allowed_when_final
from mdcc_desktop.domain.messages import Message, msg
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
from mdcc_desktop.domain.profiles import Quorum
from mdcc_desktop.domain.quorum import QuorumCount, count_quorum
from mdcc_desktop.services.edits import EditJournal, edit
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


def _clean_texts(changes: dict[str, Any], fields: dict[str, Message]) -> list[Message]:
    """Free texts of ``fields`` in ``changes`` stripped (blank: None), and too long ones told."""
    problems: list[Message] = []
    for key, what in fields.items():
        value = changes.get(key)
        if isinstance(value, str):
            value = value.strip() or None
            changes[key] = value
            problems += rules.check_length(value, what)
    return problems


def _meeting_problems(conference: Conference, changes: dict[str, Any]) -> list[Message]:
    """What is wrong with the meetings booked in ``changes`` (venues cleaned in place): a date
    outside the years a conference can hold, a time without a zone, a meeting or the comments
    deadline before the conference itself."""
    # Days as the chair's computer counts them (the workspace shows times in local time).
    held = conference.started_at or conference.scheduled_start
    held_day = (held.astimezone() if held.tzinfo else held).date()
    problems = _clean_texts(
        changes, {k: MEETING_FIELDS[k] for k in ("core_group_venue", "review_venue")}
    )
    for key in ("core_group_at", "review_at", "comments_by"):
        if key not in changes or changes[key] is None:
            continue
        value, what = changes[key], MEETING_FIELDS[key]
        if isinstance(value, dt.datetime) != (key != "comments_by") or not isinstance(
            value, dt.date
        ):
            raise TypeError(f"{key} takes a {'date' if key == 'comments_by' else 'datetime'}")
        found = rules.check_date(value, what)
        if isinstance(value, dt.datetime):
            if value.tzinfo is None:
                found.append(msg("meeting_needs_zone", what=what))
            else:
                day = value.astimezone().date()
                if day < held_day:
                    found.append(
                        msg(
                            "meeting_before_conference",
                            what=what,
                            date=day.isoformat(),
                            held=held_day.isoformat(),
                        )
                    )
        elif not found and value < held_day:
            found.append(
                msg(
                    "meeting_before_conference",
                    what=what,
                    date=value.isoformat(),
                    held=held_day.isoformat(),
                )
            )
        problems += found
    return problems


def _date_problems(changes: dict[str, Any], fields: dict[str, Message]) -> list[Message]:
    problems: list[Message] = []
    for key, what in fields.items():
        value = changes.get(key)
        if isinstance(value, dt.date):
            problems += rules.check_date(value, what)
    return problems


def _check_review_date(start: dt.datetime, reviewed: Conference) -> None:
    """A review cannot be before the conference it reviews (issue 10 finding 4)."""
    held = (reviewed.started_at or reviewed.scheduled_start).date()
    if start.date() < held:
        raise ValidationError(
            msg("review_before_reviewed", start=start.date().isoformat(), held=held.isoformat())
        )


@dataclass(frozen=True)
class DeletedConference:
    """What :meth:`ConferenceService.delete_conference` removed, and how to bring it back.

    ``document`` is the conference's exchange document as it was (the reporter's identity
    included), which :meth:`ExchangeService.restore_document` imports again (undo), with
    ``links`` so that carried actions supersede their originals again."""

    conference_id: int
    case_reference: str
    case_deleted: bool
    document: dict[str, Any]
    links: CarryLinks = field(default_factory=CarryLinks)


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
    warnings: tuple[Message | str, ...] = ()


@dataclass
class Outcome:
    """What a change did: the id it made or touched, and warnings the user should see."""

    id: int
    warnings: Sequence[Message | str] = field(default_factory=list)


class ConferenceService:
    def __init__(self, store: Store, profiles: ProfileRegistry, events: EventBus) -> None:
        self.store = store
        self.profiles = profiles
        self.events = events
        self.journal = EditJournal(store, events)

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

    def quorum(self, record: ConferenceRecord, at: dt.datetime | None = None) -> QuorumCount:
        """The agencies present now (or at ``at``) against the conference profile's quorum
        rule and its exceptions; no rule (an unknown profile) needs nobody."""
        profile = self.profiles.find(record.conference.jurisdiction)
        return count_quorum(record.attendees, profile.quorum if profile else Quorum(), at)

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
        problems = rules.check_text(reference, msg("field_case_reference"))
        if not children:
            problems.append(msg("case_needs_child"))
        problems += [p for c in children for p in rules.check_text(c.name, msg("field_child_name"))]
        self.profiles.get(jurisdiction)
        if self.store.case_by_reference(reference.strip()) is not None:
            problems.append(msg("case_exists", reference=reference.strip()))
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
            raise ValidationError(msg("start_needs_zone"))
        problems = rules.check_date(scheduled_start, msg("field_scheduled_start"))
        problems += rules.check_date(referral_received, msg("field_referral"))
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
                            section=item.section,
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
                raise ValidationError(msg("review_other_case"))
            _check_review_date(plan.scheduled_start, previous.conference)
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
        warnings: tuple[Message | str, ...] = ()
        if plan.carry is not None:
            warnings = (msg("actions_carried", count=carried),)
        return PlannedConference(
            case_id=case_id,
            conference_id=conference_id,
            case_created=new_case is not None,
            actions_carried=carried,
            warnings=warnings,
        )

    @edit("delete_conference")
    def delete_conference(self, conference_id: int) -> DeletedConference:
        """Delete a conference with everything in it, and its case when it has no other
        conference; one transaction. Its text leaves the search index with it (the store's
        triggers). A finalised conference is refused: reopen it first, with a reason."""
        record = self.store.load_record(conference_id)  # NotFoundError for an unknown id
        if (
            record.conference.status == ConferenceStatus.FINALISED
            and not self.journal.allowed_when_final()
        ):
            raise ConferenceLockedError(msg("locked_delete"))
        from mdcc_desktop.services.exchange import record_to_document  # only a delete needs it

        # Everything, the reporter's identity included: the undo puts it all back.
        document = record_to_document(record, with_reporter_identity=True)
        links = CarryLinks(
            record.conference.previous_conference_id,
            tuple(
                (i, x.carried_from_action_id, x.carried_to_action_id)
                for i, x in enumerate(record.actions)
                if x.carried_from_action_id is not None or x.carried_to_action_id is not None
            ),
            RecordParts.of(record),
        )
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
        self.journal.changed(
            Change(Entity.CONFERENCE, conference_id, conference_id, ChangeKind.REMOVED)
        )
        if not others:
            self.journal.changed(Change(Entity.CASE, case_id, None, ChangeKind.REMOVED))
        return DeletedConference(conference_id, record.case.reference, not others, document, links)

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
        _check_review_date(target.scheduled_start, previous.conference)
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

    @edit("update_conference")
    def update_conference(self, conference_id: int, **changes: Any) -> Outcome:
        current = self._editable(conference_id)
        start = changes.get("started_at", current.started_at)
        end = changes.get("ended_at", current.ended_at)
        problems = rules.check_times(start, end, msg("field_conference"))
        problems += _date_problems(changes, CONFERENCE_DATES)
        if MEETING_FIELDS.keys() & changes.keys():
            problems += _meeting_problems(current, changes)
        if "title" in changes and changes["title"] is not None and not changes["title"].strip():
            changes["title"] = None
        if problems:
            raise ValidationError(problems)
        self.store.update_conference(conference_id, changes)
        if "language" in changes and changes["language"] != current.language:
            self._retitle_agenda(current, changes["language"])
        self._changed(Entity.CONFERENCE, conference_id, conference_id)
        return Outcome(conference_id)

    @edit("book_meetings")
    def book_meetings(self, conference_id: int, **changes: Any) -> Outcome:
        """The core group meeting and the review conference as booked (``core_group_at``,
        ``review_at``: aware date-times; ``core_group_venue``, ``review_venue``) and the date
        comments on the minutes are due by (``comments_by``): the minutes print them. None
        clears one. None of them may fall before the conference; a review booked before the
        core group meeting is allowed, with a warning."""
        unknown = changes.keys() - MEETING_FIELDS.keys()
        if unknown:
            raise TypeError(f"book_meetings() takes no {', '.join(sorted(unknown))}")
        current = self._editable(conference_id)
        problems = _meeting_problems(current, changes)
        if problems:
            raise ValidationError(problems)
        self.store.update_conference(conference_id, changes)
        self._changed(Entity.CONFERENCE, conference_id, conference_id)
        core = changes.get("core_group_at", current.core_group_at)
        review = changes.get("review_at", current.review_at)
        warnings: list[Message | str] = []
        if core is not None and review is not None and review < core:
            warnings.append(
                msg(
                    "review_before_core_group",
                    review=review.date().isoformat(),
                    core=core.date().isoformat(),
                )
            )
        return Outcome(conference_id, warnings)

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

    @edit("start")
    def start(self, conference_id: int, at: dt.datetime | None = None) -> Outcome:
        return self.update_conference(
            conference_id, started_at=at or now(), status=ConferenceStatus.IN_PROGRESS
        )

    @edit("end")
    def end(self, conference_id: int, at: dt.datetime | None = None) -> Outcome:
        return self.update_conference(
            conference_id, ended_at=at or now(), status=ConferenceStatus.ENDED
        )

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
        problems += _date_problems(changes, ATTENDEE_DATES)
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
        problems += _date_problems(changes, ITEM_DATES)
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
        problems = _date_problems(changes, ACTION_DATES)
        problems += _clean_texts(changes, PLAN_FIELDS)
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
        problems = _clean_texts(changes, PLAN_FIELDS)
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
        if _date_problems(changes, CHILD_DATES):
            raise ValidationError(_date_problems(changes, CHILD_DATES))
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

    # --- Signs of Safety ---------------------------------------------------------------------

    @edit("add_safety_line")
    def add_safety_line(self, conference_id: int, section: SafetySection, text: str) -> Outcome:
        self._editable(conference_id)
        problems = rules.check_text(text, msg("field_mapping_line"))
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

    @edit("update_safety_line")
    def update_safety_line(self, line_id: int, text: str) -> Outcome:
        line = self.store.get(SafetyLine, line_id)
        assert line.conference_id is not None
        self._editable(line.conference_id)
        problems = rules.check_text(text, msg("field_mapping_line"))
        if problems:
            raise ValidationError(problems)
        self.store.update(SafetyLine, line_id, {"text": text})
        self._changed(Entity.SAFETY, line_id, line.conference_id)
        return Outcome(line_id)

    @edit("remove_safety_line")
    def remove_safety_line(self, line_id: int) -> None:
        line = self.store.get(SafetyLine, line_id)
        assert line.conference_id is not None
        self._editable(line.conference_id)
        self.store.delete(SafetyLine, line_id)
        self._changed(Entity.SAFETY, line_id, line.conference_id, ChangeKind.REMOVED)

    @edit("set_scaling")
    def set_scaling(
        self, conference_id: int, attendee_id: int, score: int | None, note: str | None = None
    ) -> None:
        """A participant's 0-10 safety scale; ``None`` removes their rating."""
        self._editable(conference_id)
        if score is not None and (
            isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10
        ):
            raise ValidationError(msg("scale_range"))
        if self.store.get_attendee(attendee_id).conference_id != conference_id:
            raise ValidationError(msg("scale_not_attendee"))
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

    @edit("set_mandatory_report")
    def set_mandatory_report(self, conference_id: int, report: MandatoryReport) -> Outcome:
        """The mandatory report; its reporter's identity is stored but never exported."""
        self._editable(conference_id)
        if rules.check_date(report.date, msg("field_report_date")):
            raise ValidationError(rules.check_date(report.date, msg("field_report_date")))
        self.store.update_conference(conference_id, {"mandatory_report": report})
        self._changed(Entity.CONFERENCE, conference_id, conference_id)
        return Outcome(conference_id)

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
