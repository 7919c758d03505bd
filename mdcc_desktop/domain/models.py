"""Plain typed records of a case and its conferences.

No Qt and no SQL here: the store turns rows into these, services pass them around, the UI and the
command line show them. Ids are the database's integers (``None`` before the record is stored);
``ref`` keeps the string id an exchange file gave the record, so that an import followed by an
export gives the same ids back.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from enum import StrEnum


class ConferenceType(StrEnum):
    INITIAL = "initial"
    REVIEW = "review"
    PRE_BIRTH = "pre_birth"
    OTHER = "other"


class ConferenceStatus(StrEnum):
    """Where a conference is in its life: planned, in the room, ended, finalised (locked)."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    ENDED = "ended"
    FINALISED = "finalised"


class Language(StrEnum):
    EN = "en"
    ZH_HANT = "zh-Hant"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class Discipline(StrEnum):
    SOCIAL_WORK = "social_work"
    POLICE = "police"
    HEALTH = "health"
    EDUCATION = "education"
    PSYCHOLOGY = "psychology"
    FAMILY = "family"
    LEGAL = "legal"
    INTERPRETER = "interpreter"
    NGO = "ngo"
    OTHER = "other"


class Role(StrEnum):
    CHAIR = "chair"
    MINUTE_TAKER = "minute_taker"
    KEY_WORKER = "key_worker"
    CORE_GROUP = "core_group"
    PARENT = "parent"
    CHILD = "child"
    CARER = "carer"
    INTERPRETER = "interpreter"
    SUPPORTER = "supporter"
    OBSERVER = "observer"
    REPORT_AUTHOR = "report_author"


class Attendance(StrEnum):
    INVITED = "invited"
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    REPORT_ONLY = "report_only"


class DecisionMethod(StrEnum):
    CONSENSUS = "consensus"
    MAJORITY = "majority"
    CHAIR = "chair"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        return self in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class Priority(StrEnum):
    NORMAL = "normal"
    HIGH = "high"


class CopyKind(StrEnum):
    FULL = "full"
    PARENT = "parent"


class SafetySection(StrEnum):
    """The Signs of Safety mapping's columns, in the order a chair reads them."""

    WORRIES = "worries"
    WORKING_WELL = "working_well"
    NEEDS_TO_HAPPEN = "needs_to_happen"
    DANGER_STATEMENTS = "danger_statements"
    SAFETY_GOALS = "safety_goals"


@dataclass
class Case:
    reference: str
    jurisdiction: str
    id: int | None = None
    created_at: dt.datetime | None = None


@dataclass
class Child:
    name: str
    case_id: int | None = None
    alt_name: str | None = None
    date_of_birth: dt.date | None = None
    expected_date_of_birth: dt.date | None = None
    sex: Sex | None = None
    school: str | None = None
    position: int = 0
    id: int | None = None


@dataclass
class HouseholdMember:
    """Someone in the child's household at a conference (carried forward to a review)."""

    name: str
    relationship: str
    conference_id: int | None = None
    alt_name: str | None = None
    notes: str | None = None
    position: int = 0
    id: int | None = None


@dataclass
class Person:
    """An entry of the people directory, offered when adding attendees."""

    name: str
    alt_name: str | None = None
    agency: str | None = None
    discipline: Discipline | None = None
    job_title: str | None = None
    email: str | None = None
    phone: str | None = None
    id: int | None = None


@dataclass
class MandatoryReport:
    """A report under a mandatory reporting law. ``reporter_identity`` is never exported."""

    made: bool | None = None
    date: dt.date | None = None
    made_to: str | None = None
    reporter_identity: str | None = None

    def is_empty(self) -> bool:
        return (
            self.made is None
            and self.date is None
            and self.made_to is None
            and self.reporter_identity is None
        )


@dataclass
class Conference:
    case_id: int
    jurisdiction: str
    type: ConferenceType
    scheduled_start: dt.datetime
    title: str | None = None
    referral_received: dt.date | None = None
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    venue: str | None = None
    language: Language | None = None
    previous_conference: str | None = None
    previous_conference_id: int | None = None
    next_review: dt.date | None = None
    mandatory_report: MandatoryReport = field(default_factory=MandatoryReport)
    status: ConferenceStatus = ConferenceStatus.PLANNED
    current_agenda_item_id: int | None = None
    has_safety_mapping: bool = False
    # The meetings the conference booked (the minutes print their date, time and venue) and the
    # date by which comments on the minutes are due (the confidentiality statement names it).
    core_group_at: dt.datetime | None = None
    core_group_venue: str | None = None
    review_at: dt.datetime | None = None
    review_venue: str | None = None
    comments_by: dt.date | None = None
    id: int | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


@dataclass
class Exclusion:
    """A part of the meeting a person was asked to leave (``returned_at`` None: did not return)."""

    left_at: dt.datetime
    reason: str
    returned_at: dt.datetime | None = None
    attendee_id: int | None = None
    position: int = 0
    id: int | None = None


@dataclass
class Attendee:
    name: str
    attendance: Attendance = Attendance.INVITED
    conference_id: int | None = None
    person_id: int | None = None
    alt_name: str | None = None
    agency: str | None = None
    discipline: Discipline | None = None
    job_title: str | None = None
    email: str | None = None
    phone: str | None = None
    roles: list[Role] = field(default_factory=list)
    arrived_at: dt.datetime | None = None
    left_at: dt.datetime | None = None
    report_submitted: bool | None = None
    report_shared_with_parents: bool | None = None
    attendance_note: str | None = None
    exclusions: list[Exclusion] = field(default_factory=list)
    position: int = 0
    ref: str | None = None
    id: int | None = None


@dataclass
class AgendaItem:
    title: str
    conference_id: int | None = None
    planned_minutes: int | None = None
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    notes: str | None = None
    restricted: bool | None = None
    # The record section the item's notes go under in the minutes (a key of the profile's
    # minutes sections: purpose, child_views, parents_views, analysis, ...); None: the discussion.
    section: str | None = None
    position: int = 0
    ref: str | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        # A database written before imports checked ranges may hold 1e308 (a REAL) or infinity:
        # a value no timer can count with (not a whole number below 2**53) reads as not planned,
        # so that the workspace opens; imports and edits keep new values to 0-600.
        minutes: object = self.planned_minutes
        if isinstance(minutes, float):
            whole = math.isfinite(minutes) and minutes.is_integer()
            minutes = int(minutes) if whole else None
        if isinstance(minutes, int) and not isinstance(minutes, bool) and abs(minutes) > 2**53:
            minutes = None
        self.planned_minutes = minutes if isinstance(minutes, int) else None


@dataclass
class Dissent:
    attendee_id: int
    view: str
    decision_id: int | None = None
    position: int = 0
    id: int | None = None


@dataclass
class Decision:
    kind: str
    text: str
    conference_id: int | None = None
    agenda_item_id: int | None = None
    value: str | None = None
    rationale: str | None = None
    method: DecisionMethod | None = None
    restricted: bool | None = None
    dissent: list[Dissent] = field(default_factory=list)
    position: int = 0
    ref: str | None = None
    id: int | None = None


@dataclass
class ActionUpdate:
    at: dt.datetime
    note: str
    status: ActionStatus | None = None
    action_id: int | None = None
    position: int = 0
    id: int | None = None


@dataclass
class Action:
    description: str
    status: ActionStatus = ActionStatus.OPEN
    conference_id: int | None = None
    owner_id: int | None = None
    owner_agency: str | None = None
    due: dt.date | None = None
    priority: Priority | None = None
    decision_id: int | None = None
    agenda_item_id: int | None = None
    carried_from: str | None = None
    carried_from_action_id: int | None = None
    completed_at: dt.datetime | None = None
    # The plan's columns beyond the action: what it is meant to achieve, and what happens if not.
    outcome: str | None = None
    contingency: str | None = None
    updates: list[ActionUpdate] = field(default_factory=list)
    position: int = 0
    ref: str | None = None
    id: int | None = None
    # Set when a review carried this action forward: the copy that supersedes it.
    carried_to_action_id: int | None = None

    @property
    def outstanding(self) -> bool:
        """Open or in progress, and not carried into a later conference (where its copy is
        the one that counts)."""
        return self.status.is_open and self.carried_to_action_id is None


@dataclass
class DistributionEntry:
    attendee_id: int
    copy: CopyKind
    conference_id: int | None = None
    position: int = 0
    id: int | None = None


@dataclass
class SafetyLine:
    section: SafetySection
    text: str
    conference_id: int | None = None
    position: int = 0
    id: int | None = None


@dataclass
class Scaling:
    attendee_id: int
    score: int
    note: str | None = None
    conference_id: int | None = None
    position: int = 0
    id: int | None = None


@dataclass
class MinutesVersion:
    conference_id: int
    number: int
    copy: CopyKind
    created_at: dt.datetime
    sha256: str
    path: str | None = None
    final: bool = False
    id: int | None = None


@dataclass
class Circulation:
    """One recipient given one copy of one minutes version: a recorded disclosure."""

    conference_id: int
    attendee_id: int
    copy: CopyKind
    at: dt.datetime
    minutes_version_id: int | None = None
    id: int | None = None


@dataclass
class Amendment:
    """A request to change circulated minutes, and the chair's ruling on it."""

    conference_id: int
    requested_by: str
    request: str
    requested_at: dt.datetime
    ruling: str | None = None
    accepted: bool | None = None
    ruled_at: dt.datetime | None = None
    id: int | None = None


@dataclass
class LogEntry:
    """Something that happened to a conference as a record: finalised, reopened (and why)."""

    conference_id: int
    at: dt.datetime
    kind: str
    detail: str = ""
    id: int | None = None


@dataclass
class ClosureDay:
    """A day the office was closed that no holiday list knows (typhoon signal 8, black rain)."""

    day: dt.date
    reason: str
    jurisdiction: str | None = None
    id: int | None = None


@dataclass
class ConferenceRecord:
    """A conference with everything that belongs to it, as the minutes and the exchange need it."""

    case: Case
    children: list[Child]
    household: list[HouseholdMember]
    conference: Conference
    attendees: list[Attendee]
    agenda: list[AgendaItem]
    decisions: list[Decision]
    actions: list[Action]
    distribution: list[DistributionEntry]
    safety_lines: list[SafetyLine]
    scaling: list[Scaling]

    def attendee(self, attendee_id: int | None) -> Attendee | None:
        return next((a for a in self.attendees if a.id == attendee_id), None)


@dataclass(frozen=True)
class ConferenceSummary:
    """One line of the conference list: enough to find a conference without loading it."""

    id: int
    case_reference: str
    children: str
    jurisdiction: str
    type: ConferenceType
    scheduled_start: dt.datetime
    status: ConferenceStatus
    title: str | None
    attendees: int
    open_actions: int
