"""Creating and changing cases, conferences, attendees, agenda items, decisions and actions.

One API for the GUI and the command line. Every method checks its input first (raising
:class:`ValidationError` with specific lines), refuses changes to a finalised conference,
stores the change in one transaction and announces it on the event bus.

:class:`ConferenceService` is the reading, the cases, the conferences and their meetings (here)
and one module for each other kind of edit: ``conference_people`` (attendees, household,
children, distribution), ``conference_agenda`` (agenda, decisions, dissent),
``conference_actions``, ``conference_safety`` (Signs of Safety, the mandatory report),
``conference_carry`` (a review carried forward); ``conference_base`` is what they share.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from mdcc_desktop.domain import rules
from mdcc_desktop.domain.carry import CarryLinks, RecordParts
from mdcc_desktop.domain.clock import now
from mdcc_desktop.domain.errors import ConferenceLockedError, ValidationError
from mdcc_desktop.domain.messages import Message, msg
from mdcc_desktop.domain.models import (
    AgendaItem,
    Case,
    Child,
    Conference,
    ConferenceRecord,
    ConferenceStatus,
    ConferenceSummary,
    ConferenceType,
    Language,
    Person,
)
from mdcc_desktop.domain.profiles import Quorum
from mdcc_desktop.domain.quorum import QuorumCount, count_quorum
from mdcc_desktop.services.conference_actions import ActionEdits
from mdcc_desktop.services.conference_agenda import AgendaEdits
from mdcc_desktop.services.conference_base import (
    CONFERENCE_DATES,
    MEETING_FIELDS,
    Outcome,
    check_review_date,
    clean_texts,
    date_problems,
)
from mdcc_desktop.services.conference_carry import CarryEdits, CarryForward
from mdcc_desktop.services.conference_people import PeopleEdits
from mdcc_desktop.services.conference_safety import SafetyEdits
from mdcc_desktop.services.edits import edit
from mdcc_desktop.services.events import Change, ChangeKind, Entity


def _meeting_problems(conference: Conference, changes: dict[str, Any]) -> list[Message]:
    """What is wrong with the meetings booked in ``changes`` (venues cleaned in place): a date
    outside the years a conference can hold, a time without a zone, a meeting or the comments
    deadline before the conference itself."""
    # Days as the chair's computer counts them (the workspace shows times in local time).
    held = conference.started_at or conference.scheduled_start
    held_day = (held.astimezone() if held.tzinfo else held).date()
    problems = clean_texts(
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


class ConferenceService(PeopleEdits, AgendaEdits, ActionEdits, SafetyEdits, CarryEdits):
    """One API for the GUI and the command line (see the module's docstring): the reading, the
    cases, the conferences and their meetings here, each other kind of edit in its module."""

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
            check_review_date(plan.scheduled_start, previous.conference)
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
        from mdcc_desktop.services.exchange_document import record_to_document  # a delete only

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

    @edit("update_conference")
    def update_conference(self, conference_id: int, **changes: Any) -> Outcome:
        current = self._editable(conference_id)
        start = changes.get("started_at", current.started_at)
        end = changes.get("ended_at", current.ended_at)
        problems = rules.check_times(start, end, msg("field_conference"))
        problems += date_problems(changes, CONFERENCE_DATES)
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


__all__ = [
    "CarryForward",
    "ConferencePlan",
    "ConferenceService",
    "DeletedConference",
    "Outcome",
    "PlannedConference",
]
