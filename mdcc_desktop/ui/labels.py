"""Every label the interface makes from a value: enum labels, column headers, shortcut
descriptions and the fixed choices of a few screens, each marked with ``QT_TRANSLATE_NOOP`` so
that ``pyside6-lupdate`` extracts it, and small functions that return the translated text.

A screen never passes a variable to ``tr()``: it asks this module (``labels.role(r)``,
``labels.header(text)``) and gets the text in the interface's language. Three contexts keep the
translator's file readable: "Labels" (values), "Headers" (table columns) and "Shortcuts".

Profile labels (decision kinds, deadlines, agenda titles, the profile's name) come from the
profile files, not from here: :func:`profile_text` picks their ``*_zh`` text when the interface
is Chinese.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QLocale

from mdcc_desktop.domain.disclosure import DisclosureKind
from mdcc_desktop.domain.models import (
    ActionStatus,
    Attendance,
    ConferenceStatus,
    ConferenceType,
    CopyKind,
    DecisionMethod,
    Discipline,
    Priority,
    Role,
    SafetySection,
    Sex,
)

E = TypeVar("E", bound=Enum)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate under ``context``; returns it unchanged. Qt's own is typed as
    returning ``object``: this one keeps the tables typed as text."""
    return text


CONFERENCE_TYPES = {
    ConferenceType.INITIAL: QT_TRANSLATE_NOOP("Labels", "Initial"),
    ConferenceType.REVIEW: QT_TRANSLATE_NOOP("Labels", "Review"),
    ConferenceType.PRE_BIRTH: QT_TRANSLATE_NOOP("Labels", "Pre-birth"),
    ConferenceType.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}
CONFERENCE_STATUSES = {
    ConferenceStatus.PLANNED: QT_TRANSLATE_NOOP("Labels", "Planned"),
    ConferenceStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "In progress"),
    ConferenceStatus.ENDED: QT_TRANSLATE_NOOP("Labels", "Ended"),
    ConferenceStatus.FINALISED: QT_TRANSLATE_NOOP("Labels", "Finalised"),
}
SEXES = {
    Sex.FEMALE: QT_TRANSLATE_NOOP("Labels", "female"),
    Sex.MALE: QT_TRANSLATE_NOOP("Labels", "male"),
    Sex.OTHER: QT_TRANSLATE_NOOP("Labels", "other"),
    Sex.UNKNOWN: QT_TRANSLATE_NOOP("Labels", "unknown"),
}
DISCIPLINES = {
    Discipline.SOCIAL_WORK: QT_TRANSLATE_NOOP("Labels", "social work"),
    Discipline.POLICE: QT_TRANSLATE_NOOP("Labels", "police"),
    Discipline.HEALTH: QT_TRANSLATE_NOOP("Labels", "health"),
    Discipline.EDUCATION: QT_TRANSLATE_NOOP("Labels", "education"),
    Discipline.PSYCHOLOGY: QT_TRANSLATE_NOOP("Labels", "psychology"),
    Discipline.FAMILY: QT_TRANSLATE_NOOP("Labels", "family"),
    Discipline.LEGAL: QT_TRANSLATE_NOOP("Labels", "legal"),
    Discipline.INTERPRETER: QT_TRANSLATE_NOOP("Labels", "interpreter"),
    Discipline.NGO: QT_TRANSLATE_NOOP("Labels", "NGO"),
    Discipline.OTHER: QT_TRANSLATE_NOOP("Labels", "other"),
}
ROLES = {
    Role.CHAIR: QT_TRANSLATE_NOOP("Labels", "chair"),
    Role.MINUTE_TAKER: QT_TRANSLATE_NOOP("Labels", "minute taker"),
    Role.KEY_WORKER: QT_TRANSLATE_NOOP("Labels", "key worker"),
    Role.CORE_GROUP: QT_TRANSLATE_NOOP("Labels", "core group"),
    Role.PARENT: QT_TRANSLATE_NOOP("Labels", "parent"),
    Role.CHILD: QT_TRANSLATE_NOOP("Labels", "child"),
    Role.CARER: QT_TRANSLATE_NOOP("Labels", "carer"),
    Role.INTERPRETER: QT_TRANSLATE_NOOP("Labels", "interpreter"),
    Role.SUPPORTER: QT_TRANSLATE_NOOP("Labels", "supporter"),
    Role.OBSERVER: QT_TRANSLATE_NOOP("Labels", "observer"),
    Role.REPORT_AUTHOR: QT_TRANSLATE_NOOP("Labels", "report author"),
}
ATTENDANCE = {
    Attendance.INVITED: QT_TRANSLATE_NOOP("Labels", "Invited"),
    Attendance.PRESENT: QT_TRANSLATE_NOOP("Labels", "Present"),
    Attendance.APOLOGIES: QT_TRANSLATE_NOOP("Labels", "Apologies"),
    Attendance.ABSENT: QT_TRANSLATE_NOOP("Labels", "Absent"),
    Attendance.REPORT_ONLY: QT_TRANSLATE_NOOP("Labels", "Report only"),
}
DECISION_METHODS = {
    DecisionMethod.CONSENSUS: QT_TRANSLATE_NOOP("Labels", "Consensus"),
    DecisionMethod.MAJORITY: QT_TRANSLATE_NOOP("Labels", "Majority"),
    DecisionMethod.CHAIR: QT_TRANSLATE_NOOP("Labels", "Chair's decision"),
}
ACTION_STATUSES = {
    ActionStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "Open"),
    ActionStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "In progress"),
    ActionStatus.DONE: QT_TRANSLATE_NOOP("Labels", "Done"),
    ActionStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
}
PRIORITIES = {
    Priority.NORMAL: QT_TRANSLATE_NOOP("Labels", "normal"),
    Priority.HIGH: QT_TRANSLATE_NOOP("Labels", "high"),
}
COPY_KINDS = {
    CopyKind.FULL: QT_TRANSLATE_NOOP("Labels", "full copy"),
    CopyKind.PARENT: QT_TRANSLATE_NOOP("Labels", "parents' copy"),
}
# In the order a chair reads the Signs of Safety mapping (danger statements and safety goals are
# written together, as the panel offers them).
SAFETY_SECTIONS = {
    SafetySection.WORRIES: QT_TRANSLATE_NOOP("Labels", "What are we worried about?"),
    SafetySection.DANGER_STATEMENTS: QT_TRANSLATE_NOOP("Labels", "Danger statements"),
    SafetySection.WORKING_WELL: QT_TRANSLATE_NOOP("Labels", "What is working well?"),
    SafetySection.NEEDS_TO_HAPPEN: QT_TRANSLATE_NOOP("Labels", "What needs to happen?"),
    SafetySection.SAFETY_GOALS: QT_TRANSLATE_NOOP("Labels", "Safety goals"),
}
# What a search hit or a chronology entry is (the services' kind codes).
SEARCH_KINDS = {
    "cases": QT_TRANSLATE_NOOP("Labels", "Case"),
    "children": QT_TRANSLATE_NOOP("Labels", "Child"),
    "agenda_items": QT_TRANSLATE_NOOP("Labels", "Notes"),
    "decisions": QT_TRANSLATE_NOOP("Labels", "Decision"),
    "actions": QT_TRANSLATE_NOOP("Labels", "Action"),
    "household_members": QT_TRANSLATE_NOOP("Labels", "Household member"),
    "attendees": QT_TRANSLATE_NOOP("Labels", "Attendee"),
}
CHRONOLOGY_KINDS = {
    "conference": QT_TRANSLATE_NOOP("Labels", "conference"),
    "decision": QT_TRANSLATE_NOOP("Labels", "decision"),
    "action": QT_TRANSLATE_NOOP("Labels", "action"),
    "update": QT_TRANSLATE_NOOP("Labels", "update"),
}
# The conference's fields an undoable edit names ("change the venue").
CONFERENCE_FIELDS = {
    "title": QT_TRANSLATE_NOOP("Labels", "title"),
    "venue": QT_TRANSLATE_NOOP("Labels", "venue"),
    "language": QT_TRANSLATE_NOOP("Labels", "language of the minutes"),
    "referral_received": QT_TRANSLATE_NOOP("Labels", "referral date"),
    "next_review": QT_TRANSLATE_NOOP("Labels", "next review date"),
}
# Fixed choices of the home screen and the tracker, by the English text code passes around.
HOME_PAGES = (
    QT_TRANSLATE_NOOP("Labels", "Conferences"),
    QT_TRANSLATE_NOOP("Labels", "Actions"),
    QT_TRANSLATE_NOOP("Labels", "Deadlines"),
    QT_TRANSLATE_NOOP("Labels", "Search"),
)
CONFERENCE_SECTIONS = (
    QT_TRANSLATE_NOOP("Labels", "All conferences"),
    QT_TRANSLATE_NOOP("Labels", "Upcoming"),
    QT_TRANSLATE_NOOP("Labels", "In progress"),
    QT_TRANSLATE_NOOP("Labels", "Recent"),
)
TRACKER_VIEWS = (
    QT_TRANSLATE_NOOP("Labels", "Open actions"),
    QT_TRANSLATE_NOOP("Labels", "Overdue"),
    QT_TRANSLATE_NOOP("Labels", "Due within 7 days"),
    QT_TRANSLATE_NOOP("Labels", "Due within 14 days"),
    QT_TRANSLATE_NOOP("Labels", "Due within 30 days"),
    QT_TRANSLATE_NOOP("Labels", "Done"),
    QT_TRANSLATE_NOOP("Labels", "All actions"),
)
EXPORT_FILTERS = {
    "csv": QT_TRANSLATE_NOOP("Labels", "CSV (*.csv)"),
    "xlsx": QT_TRANSLATE_NOOP("Labels", "Excel (*.xlsx)"),
    "ics": QT_TRANSLATE_NOOP("Labels", "Calendar of due and review dates (*.ics)"),
}
DISCLOSURE_KINDS = {
    DisclosureKind.MINUTES: QT_TRANSLATE_NOOP("Labels", "Minutes"),
    DisclosureKind.LETTER: QT_TRANSLATE_NOOP("Labels", "Outcome letter"),
    DisclosureKind.EXCHANGE: QT_TRANSLATE_NOOP("Labels", "Exchange file"),
    DisclosureKind.CSV: QT_TRANSLATE_NOOP("Labels", "Actions (CSV)"),
    DisclosureKind.EXCEL: QT_TRANSLATE_NOOP("Labels", "Actions (Excel)"),
    DisclosureKind.CALENDAR: QT_TRANSLATE_NOOP("Labels", "Calendar"),
    DisclosureKind.PDF: QT_TRANSLATE_NOOP("Labels", "PDF"),
    DisclosureKind.EMAIL: QT_TRANSLATE_NOOP("Labels", "E-mail draft"),
    DisclosureKind.CIRCULATION: QT_TRANSLATE_NOOP("Labels", "Circulated"),
    DisclosureKind.FINALISED: QT_TRANSLATE_NOOP("Labels", "Finalised"),
    DisclosureKind.REOPENED: QT_TRANSLATE_NOOP("Labels", "Reopened"),
    DisclosureKind.NOTES_FILE: QT_TRANSLATE_NOOP("Labels", "Notes kept in a file"),
    DisclosureKind.LOG_EXPORT: QT_TRANSLATE_NOOP("Labels", "This log exported"),
}

# --- column headers, one tuple per table ---------------------------------------------------

CONFERENCE_LIST_HEADERS = (
    QT_TRANSLATE_NOOP("Headers", "Date"),
    QT_TRANSLATE_NOOP("Headers", "Case"),
    QT_TRANSLATE_NOOP("Headers", "Children"),
    QT_TRANSLATE_NOOP("Headers", "Type"),
    QT_TRANSLATE_NOOP("Headers", "Profile"),
    QT_TRANSLATE_NOOP("Headers", "Status"),
    QT_TRANSLATE_NOOP("Headers", "Open actions"),
    QT_TRANSLATE_NOOP("Headers", "Next deadline"),
)
TRACKER_HEADERS = (
    QT_TRANSLATE_NOOP("Headers", "Due"),
    QT_TRANSLATE_NOOP("Headers", "Action"),
    QT_TRANSLATE_NOOP("Headers", "Owner"),
    QT_TRANSLATE_NOOP("Headers", "Agency"),
    QT_TRANSLATE_NOOP("Headers", "Case"),
    QT_TRANSLATE_NOOP("Headers", "Status"),
    QT_TRANSLATE_NOOP("Headers", "Priority"),
)
ATTENDEE_HEADERS = (
    QT_TRANSLATE_NOOP("Headers", "Name"),
    QT_TRANSLATE_NOOP("Headers", "Agency"),
    QT_TRANSLATE_NOOP("Headers", "Roles"),
    QT_TRANSLATE_NOOP("Headers", "Attendance"),
    QT_TRANSLATE_NOOP("Headers", "Arrived"),
    QT_TRANSLATE_NOOP("Headers", "Left"),
)
AGENDA_HEADERS = (
    QT_TRANSLATE_NOOP("Headers", "Agenda item"),
    QT_TRANSLATE_NOOP("Headers", "Min"),
)
ACTION_HEADERS = (
    QT_TRANSLATE_NOOP("Headers", "Action"),
    QT_TRANSLATE_NOOP("Headers", "Owner"),
    QT_TRANSLATE_NOOP("Headers", "Due"),
    QT_TRANSLATE_NOOP("Headers", "Status"),
    QT_TRANSLATE_NOOP("Headers", "Priority"),
)
DECISION_HEADERS = (
    QT_TRANSLATE_NOOP("Headers", "Kind"),
    QT_TRANSLATE_NOOP("Headers", "Value"),
    QT_TRANSLATE_NOOP("Headers", "Decision"),
    QT_TRANSLATE_NOOP("Headers", "Method"),
    QT_TRANSLATE_NOOP("Headers", "Dissent"),
)
SCALING_HEADERS = (
    QT_TRANSLATE_NOOP("Headers", "Participant"),
    QT_TRANSLATE_NOOP("Headers", "Scale 0-10"),
    QT_TRANSLATE_NOOP("Headers", "Earlier"),
    QT_TRANSLATE_NOOP("Headers", "Note"),
)
DISCLOSURE_HEADERS = (
    QT_TRANSLATE_NOOP("Headers", "No."),
    QT_TRANSLATE_NOOP("Headers", "When"),
    QT_TRANSLATE_NOOP("Headers", "What"),
    QT_TRANSLATE_NOOP("Headers", "Copy"),
    QT_TRANSLATE_NOOP("Headers", "Conference"),
    QT_TRANSLATE_NOOP("Headers", "To whom"),
    QT_TRANSLATE_NOOP("Headers", "Where"),
    QT_TRANSLATE_NOOP("Headers", "Why"),
    QT_TRANSLATE_NOOP("Headers", "By"),
)

# --- keyboard shortcuts: (keys, description); the keys are not translated ------------------

# The keyboard card (ui/home/help.py) is made from the windows' actions: their menu texts
# describe them. Actions made without a text, as shortcuts of one list, are described here by
# object name (a test fails on an action with a shortcut that has neither); an undo stack's
# actions change their text with what they would undo, so the card says what the key does.
UNTITLED_ACTIONS = {
    "remove_item": QT_TRANSLATE_NOOP("Shortcuts", "Remove the selected agenda item"),
    "item_up": QT_TRANSLATE_NOOP("Shortcuts", "Move the selected agenda item up"),
    "item_down": QT_TRANSLATE_NOOP("Shortcuts", "Move the selected agenda item down"),
    "restricted": QT_TRANSLATE_NOOP(
        "Shortcuts", "Restrict the agenda item (left out of the parents' copy)"
    ),
}
UNDO = QT_TRANSLATE_NOOP("Shortcuts", "Undo")
REDO = QT_TRANSLATE_NOOP("Shortcuts", "Redo")


# --- the translating functions (the only ones given a table entry rather than a literal) ---


def _translate(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def _translate_header(text: str) -> str:
    return QCoreApplication.translate("Headers", text)


def _translate_shortcut(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


def label(table: Mapping[Any, str], value: Any, default: str = "") -> str:
    """The translated label of ``value`` in one of this module's tables; ``default`` (shown as
    it is, never translated) for a value the table lacks, e.g. a code from a newer file."""
    text = table.get(value)
    return _translate(text) if text is not None else default


def text(entry: str) -> str:
    """One entry of this module's tuples of choices (``TRACKER_VIEWS``, ``HOME_PAGES``...)."""
    return _translate(entry)


def header(entry: str) -> str:
    """A column header of one of the ``*_HEADERS`` tuples."""
    return _translate_header(entry)


def shortcut(entry: str) -> str:
    """The description of a shortcut of ``UNTITLED_ACTIONS``, ``UNDO`` or ``REDO``."""
    return _translate_shortcut(entry)


def conference_type(value: ConferenceType | str) -> str:
    return label(CONFERENCE_TYPES, _enum(ConferenceType, value), str(value))


def conference_status(value: ConferenceStatus) -> str:
    return label(CONFERENCE_STATUSES, value, str(value))


def sex(value: Sex) -> str:
    return label(SEXES, value, str(value))


def discipline(value: Discipline) -> str:
    return label(DISCIPLINES, value, str(value))


def role(value: Role) -> str:
    return label(ROLES, value, str(value))


def attendance(value: Attendance) -> str:
    return label(ATTENDANCE, value, str(value))


def decision_method(value: DecisionMethod) -> str:
    return label(DECISION_METHODS, value, str(value))


def action_status(value: ActionStatus) -> str:
    return label(ACTION_STATUSES, value, str(value))


def priority(value: Priority) -> str:
    return label(PRIORITIES, value, str(value))


def copy_kind(value: CopyKind) -> str:
    return label(COPY_KINDS, value, str(value))


def safety_section(value: SafetySection) -> str:
    return label(SAFETY_SECTIONS, value, str(value))


def disclosure_kind(value: DisclosureKind) -> str:
    return label(DISCLOSURE_KINDS, value, str(value))


def _enum(kind: type[E], value: Any) -> E | Any:
    try:
        return kind(value)
    except ValueError:
        return value


# --- profile labels ------------------------------------------------------------------------

_language: str | None = None


def set_interface_language(language: str | None) -> None:
    """The start-up sequence's language ("en", "zh-Hant"); None follows the computer's locale."""
    global _language  # noqa: PLW0603 - one interface language per process, set at start-up
    _language = language


def interface_is_chinese() -> bool:
    """True when the interface shows Chinese: the settings' language, else the locale's."""
    if _language is not None and _language != "system":
        return _language.startswith("zh")
    return QLocale().language() == QLocale.Language.Chinese


def profile_text(english: str, chinese: str | None) -> str:
    """A label written in a profile file: its Chinese text when the interface is Chinese and the
    profile has one, else the English."""
    return chinese if chinese and interface_is_chinese() else english


def deadline_names(profiles: Iterable[Any]) -> dict[tuple[str, str], str]:
    """Each profile deadline's label in the interface's language, by (key, English label): the
    services' deadline facts carry the English label only."""
    return {(r.key, r.label): profile_label(r) for p in profiles for r in p.deadlines}


def profile_label(item: Any) -> str:
    """``item.label`` or ``item.title`` (a decision kind or choice, a deadline, an agenda
    template item, a profile's ``name``) in the interface's language."""
    for english, chinese in (("label", "label_zh"), ("title", "title_zh"), ("name", "name_zh")):
        value = getattr(item, english, None)
        if isinstance(value, str):
            return profile_text(value, getattr(item, chinese, None))
    raise TypeError(f"{type(item).__name__} has no profile label")
