"""Jurisdiction profiles: the rules a conference follows, read from editable TOML files.

A profile says which conference types exist, the agenda template of each, the values each
structured decision allows, the statutory time limits, the office calendar and the roles. The
facts differ between areas and change with guidance, so they live in files an organisation can
edit (``templates/profiles/*.toml``, or the data dir's ``profiles/`` folder), never in code.

This module turns an already parsed TOML mapping into a :class:`Profile` and reports every
problem with the key it is at; reading the files is the services' job.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mdcc_desktop.domain import rules
from mdcc_desktop.domain.codes import PROFILE_CODE  # shared with the settings
from mdcc_desktop.domain.deadlines import DEFAULT_REVIEW_KEYS
from mdcc_desktop.domain.models import ConferenceType, DecisionMethod, Role
from mdcc_desktop.domain.workdays import (
    WEEKDAY_NAMES,
    CalendarError,
    WorkingCalendar,
    add_days,
    add_months,
)

DEADLINE_ANCHORS = ("referral_received", "conference")

# Bounds every profile value is checked against: a time limit longer than these is a typing
# mistake, and an unbounded one would make a deadline search run for ever.
MAX_WORKING_DAYS = 366
MAX_DAYS = 731
MAX_MONTHS = 24
MAX_PLANNED_MINUTES = rules.MAX_PLANNED_MINUTES  # as for an agenda item in a conference
MAX_AGENCIES = 100
_UNIT_LIMITS = {"working_days": MAX_WORKING_DAYS, "days": MAX_DAYS, "months": MAX_MONTHS}


def _shown(value: Any) -> str:
    """A value as a problem line quotes it: short, whatever the file holds."""
    try:
        text = repr(value)
    except RecursionError:
        text = "(a deeply nested value)"
    return text if len(text) <= 60 else text[:57] + "..."


class ProfileError(ValueError):
    """A profile file is not usable; the message names the key and the problem."""


# The minutes' parts the app builds itself from the record; any other section key in a profile
# is a text section, filled with the notes of the agenda items that name it (``section``).
BUILTIN_SECTIONS = (
    "attendance",  # present, apologies with reasons, invited, reports received
    "family",  # the child(ren), the household, the mandatory report
    "discussion",  # the agenda items that name no section: information from agencies
    "safety",  # Signs of Safety mapping and scaling
    "decisions",  # each decision with reasons, method and dissent
    "plan",  # the outline plan (outcome, action, owner, due, contingency), key worker, core group
    "meetings",  # the core group meeting and the review as booked: date, time, venue
    "exclusions",  # who was asked to leave, when, why
    "distribution",
    "confidentiality",  # the confidentiality statement and the date comments are due by
)
SECTION_KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


@dataclass(frozen=True)
class MinutesSection:
    """One numbered part of the minutes, in the profile's order."""

    key: str
    title: str
    title_zh: str | None = None

    @property
    def builtin(self) -> bool:
        return self.key in BUILTIN_SECTIONS

    def title_in(self, language: str | None) -> str:
        return self.title_zh if language == "zh-Hant" and self.title_zh else self.title


# The order of a record in England (Working Together; North Yorkshire, Sussex, Southwark): used
# when a profile names no sections of its own.
DEFAULT_MINUTES_SECTIONS = (
    MinutesSection("attendance", "Attendance"),
    MinutesSection("purpose", "Purpose of the conference"),
    MinutesSection("family", "The child and the household"),
    MinutesSection("discussion", "Information and discussion"),
    MinutesSection("child_views", "The child's views"),
    MinutesSection("parents_views", "The parents' views"),
    MinutesSection("safety", "Signs of Safety mapping"),
    MinutesSection("analysis", "The chair's analysis of risks and strengths"),
    MinutesSection("decisions", "Decisions"),
    MinutesSection("plan", "Outline child protection plan"),
    MinutesSection("meetings", "Core group meeting and review conference"),
    MinutesSection("exclusions", "Exclusions"),
    MinutesSection("distribution", "Distribution"),
    MinutesSection("confidentiality", "Confidentiality"),
)


@dataclass(frozen=True)
class AgendaTemplateItem:
    title: str
    planned_minutes: int | None = None
    restricted: bool = False
    title_zh: str | None = None
    section: str | None = None  # the minutes section its notes go under (a text section's key)

    def title_in(self, language: str | None) -> str:
        """The item's title for a conference held in ``language`` (English when no Chinese
        title is given)."""
        return self.title_zh if language == "zh-Hant" and self.title_zh else self.title

    @property
    def titles(self) -> frozenset[str]:
        """The item's title in every language it has."""
        return frozenset(t for t in (self.title, self.title_zh) if t)


@dataclass(frozen=True)
class DecisionChoice:
    value: str
    label: str
    label_zh: str | None = None
    # The decision in plain words for the family's letter, a whole sentence; "{children}" is
    # replaced by the children's names. None: the letter uses the decision's own text.
    plain: str | None = None
    plain_zh: str | None = None


LETTER_ADDRESSED_TO = ("invitee", "household")
DEFAULT_COMPLAINTS = (
    "If you disagree with a decision, or are unhappy with how the conference was run, please "
    "tell the chair within 10 working days of this letter."
)


@dataclass(frozen=True)
class LetterRules:
    """The outcome letter: who it is addressed to and how to complain.

    ``addressed_to``: "invitee" (one letter to each person invited) or "household" (the family
    members share one letter addressed to them together; each professional gets their own)."""

    addressed_to: str = "invitee"
    complaints: str = DEFAULT_COMPLAINTS
    complaints_zh: str | None = None


@dataclass(frozen=True)
class DecisionKind:
    kind: str
    label: str
    label_zh: str | None = None
    multiple: bool = False
    choices: tuple[DecisionChoice, ...] = ()

    def allows(self, value: str) -> bool:
        return not self.choices or any(c.value == value for c in self.choices)


@dataclass(frozen=True)
class DeadlineRule:
    """A time limit: ``working_days``, ``days`` or ``months`` after an anchor date."""

    key: str
    label: str
    anchor: str
    applies_to: tuple[ConferenceType, ...]
    working_days: int | None = None
    days: int | None = None
    months: int | None = None
    label_zh: str | None = None

    def due(self, anchor_date: dt.date, calendar: WorkingCalendar) -> dt.date:
        """The due date, or :class:`CalendarError` saying why it cannot be computed."""
        if self.working_days is not None:
            return calendar.add_working_days(anchor_date, self.working_days)
        if self.months is not None:
            return add_months(anchor_date, self.months)
        return add_days(anchor_date, self.days or 0)


@dataclass(frozen=True)
class Quorum:
    """How many agencies must be present, and whose agency does not count towards it.

    ``exceptions`` are roles (the chair, the minute-taker) whose holders do not bring their own
    service into the count: their agency counts only through someone else present from it.
    """

    min_agencies: int = 0
    exceptional_min_agencies: int | None = None
    exceptions: tuple[Role, ...] = ()


@dataclass(frozen=True)
class Profile:
    code: str
    name: str
    language: str
    calendar: WorkingCalendar
    conference_types: tuple[ConferenceType, ...]
    agendas: Mapping[ConferenceType, tuple[AgendaTemplateItem, ...]]
    decision_kinds: tuple[DecisionKind, ...]
    deadlines: tuple[DeadlineRule, ...]
    roles: tuple[Role, ...]
    quorum: Quorum = Quorum()
    signs_of_safety: bool = False
    name_zh: str | None = None
    source: str = ""
    role_labels: Mapping[Role, str] = field(default_factory=dict)
    minutes_template: str = "eng-cpc"
    letter_template: str = "letter"
    # How a new decision is reached unless the chair says otherwise.
    decision_method: DecisionMethod = DecisionMethod.CONSENSUS
    # The deadlines that stand for the next review conference (the review interval).
    review_keys: tuple[str, ...] = DEFAULT_REVIEW_KEYS
    # The minutes' numbered parts, in this profile's order (England and Hong Kong differ).
    minutes_sections: tuple[MinutesSection, ...] = DEFAULT_MINUTES_SECTIONS
    # The outcome letter's addressees and complaints text ([letter]).
    letter: LetterRules = LetterRules()

    @property
    def text_sections(self) -> tuple[MinutesSection, ...]:
        """The sections agenda items' notes can go under (not built from the record)."""
        return tuple(s for s in self.minutes_sections if not s.builtin)

    def minutes_section(self, key: str | None) -> MinutesSection | None:
        return next((s for s in self.minutes_sections if s.key == key), None)

    def review_rule(self, conference_type: ConferenceType) -> DeadlineRule | None:
        """The rule that says when the review after a conference of this type is due."""
        return next(
            (d for d in self.deadlines_for(conference_type) if d.key in self.review_keys), None
        )

    def agenda_for(self, conference_type: ConferenceType) -> tuple[AgendaTemplateItem, ...]:
        return self.agendas.get(conference_type, ())

    def decision_kind(self, kind: str) -> DecisionKind | None:
        return next((k for k in self.decision_kinds if k.kind == kind), None)

    def deadlines_for(self, conference_type: ConferenceType) -> tuple[DeadlineRule, ...]:
        return tuple(d for d in self.deadlines if conference_type in d.applies_to)

    def due_dates(
        self,
        conference_type: ConferenceType,
        conference_date: dt.date,
        referral: dt.date | None = None,
        closures: frozenset[dt.date] = frozenset(),
    ) -> dict[str, dt.date]:
        """Each time limit's due date for a conference held (or to be held) on a date; one that
        cannot be computed is left out (:meth:`due_dates_or_reasons` says why)."""
        return self.due_dates_or_reasons(conference_type, conference_date, referral, closures)[0]

    def due_dates_or_reasons(
        self,
        conference_type: ConferenceType,
        conference_date: dt.date,
        referral: dt.date | None = None,
        closures: frozenset[dt.date] = frozenset(),
    ) -> tuple[dict[str, dt.date], dict[str, str]]:
        """Each time limit's due date, and for each one that cannot be computed (a date past the
        year 9999, no working day in a year) the reason: never an exception."""
        calendar = self.calendar.with_closures(closures) if closures else self.calendar
        due: dict[str, dt.date] = {}
        unknown: dict[str, str] = {}
        for rule in self.deadlines_for(conference_type):
            anchor = referral if rule.anchor == "referral_received" else conference_date
            if anchor is not None:
                try:
                    due[rule.key] = rule.due(anchor, calendar)
                except CalendarError as exc:
                    unknown[rule.key] = str(exc)
                except (ValueError, OverflowError, NotImplementedError):
                    unknown[rule.key] = (
                        f"no date can be computed from {anchor.isoformat()} in this calendar"
                    )
        return due, unknown


class _Reader:
    """Typed access to a TOML mapping that records problems instead of raising at the first."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def text(self, data: Mapping[str, Any], key: str, where: str, required: bool = True) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.fail(f"{where}{key}", "is missing")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(f"{where}{key}", "must be non-empty text")
            return ""
        return value

    def opt_text(self, data: Mapping[str, Any], key: str, where: str) -> str | None:
        return self.text(data, key, where, required=False) or None

    def integer(
        self, data: Mapping[str, Any], key: str, where: str, maximum: int | None = None
    ) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            limit = f" up to {maximum}" if maximum is not None else " or more"
            self.fail(f"{where}{key}", f"must be a whole number, 0{limit} (not {_shown(value)})")
            return None
        if maximum is not None and value > maximum:
            self.fail(f"{where}{key}", f"{value} is more than the limit of {maximum}")
            return None
        return value

    def boolean(self, data: Mapping[str, Any], key: str, where: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.fail(f"{where}{key}", "must be true or false")
            return False
        return value

    def table_list(self, data: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            self.fail(f"{where}{key}", "must be a list of tables ([[...]])")
            return []
        return value

    def conference_types(self, value: Any, where: str) -> tuple[ConferenceType, ...]:
        if not isinstance(value, list) or not value:
            self.fail(where, "must be a non-empty list of conference types")
            return ()
        found: list[ConferenceType] = []
        for item in value:
            try:
                found.append(ConferenceType(item))
            except (ValueError, TypeError):
                allowed = ", ".join(t.value for t in ConferenceType)
                self.fail(where, f"unknown conference type {_shown(item)} (allowed: {allowed})")
        return tuple(found)


def parse_profile(data: Mapping[str, Any], source: str = "") -> Profile:
    """Build a profile from parsed TOML, or raise :class:`ProfileError` listing every problem."""
    r = _Reader()
    code = r.text(data, "code", "")
    if code and not PROFILE_CODE.match(code):
        r.fail("code", "must be 1-32 letters, digits, '_' or '-'")
    name = r.text(data, "name", "")
    language = data.get("language", "en")
    if not isinstance(language, str) or language not in ("en", "zh-Hant"):
        r.fail("language", "must be 'en' or 'zh-Hant'")
    types = r.conference_types(data.get("conference_types"), "conference_types")

    calendar = _parse_calendar(r, data.get("calendar"))

    agendas: dict[ConferenceType, tuple[AgendaTemplateItem, ...]] = {}
    agenda_data = data.get("agenda", {})
    if not isinstance(agenda_data, Mapping):
        r.fail("agenda", "must be a table with one list per conference type")
        agenda_data = {}
    for type_key in agenda_data:
        try:
            ctype = ConferenceType(type_key)
        except ValueError:
            r.fail(f"agenda.{_shown(type_key)}", "is not a conference type")
            continue
        parsed: list[AgendaTemplateItem] = []
        for i, item in enumerate(r.table_list(agenda_data, type_key, "agenda.")):
            where = f"agenda.{type_key}[{i}]."
            parsed.append(
                AgendaTemplateItem(
                    title=r.text(item, "title", where),
                    planned_minutes=r.integer(item, "planned_minutes", where, MAX_PLANNED_MINUTES),
                    restricted=r.boolean(item, "restricted", where),
                    title_zh=r.opt_text(item, "title_zh", where),
                    section=r.opt_text(item, "section", where),
                )
            )
        agendas[ctype] = tuple(parsed)

    sections = _parse_sections(r, data)
    text_keys = {s.key for s in sections if not s.builtin}
    for ctype, items in agendas.items():
        for i, template_item in enumerate(items):
            if template_item.section is not None and template_item.section not in text_keys:
                r.fail(
                    f"agenda.{ctype.value}[{i}].section",
                    f"{_shown(template_item.section)} is not the key of a text section of "
                    "minutes_sections",
                )

    kinds: list[DecisionKind] = []
    for i, item in enumerate(r.table_list(data, "decision_kinds", "")):
        where = f"decision_kinds[{i}]."
        choices: list[DecisionChoice] = []
        for j, choice in enumerate(r.table_list(item, "values", where)):
            cw = f"{where}values[{j}]."
            choices.append(
                DecisionChoice(
                    value=r.text(choice, "value", cw),
                    label=r.text(choice, "label", cw),
                    label_zh=r.opt_text(choice, "label_zh", cw),
                    plain=r.opt_text(choice, "plain", cw),
                    plain_zh=r.opt_text(choice, "plain_zh", cw),
                )
            )
        kinds.append(
            DecisionKind(
                kind=r.text(item, "kind", where),
                label=r.text(item, "label", where),
                label_zh=r.opt_text(item, "label_zh", where),
                multiple=r.boolean(item, "multiple", where),
                choices=tuple(choices),
            )
        )

    deadlines: list[DeadlineRule] = []
    for i, item in enumerate(r.table_list(data, "deadlines", "")):
        where = f"deadlines[{i}]."
        anchor = r.text(item, "from", where)
        applies_to = item.get("applies_to", [t.value for t in types])
        if anchor and anchor not in DEADLINE_ANCHORS:
            r.fail(f"{where}from", f"must be one of {', '.join(DEADLINE_ANCHORS)}")
        units = {u: r.integer(item, u, where, limit) for u, limit in _UNIT_LIMITS.items()}
        if sum(v is not None for v in units.values()) != 1:
            r.fail(where.rstrip("."), "needs exactly one of working_days, days or months")
        applies = r.conference_types(applies_to, where + "applies_to")
        deadlines.append(
            DeadlineRule(
                key=r.text(item, "key", where),
                label=r.text(item, "label", where),
                label_zh=r.opt_text(item, "label_zh", where),
                anchor=anchor,
                applies_to=applies,
                working_days=units["working_days"],
                days=units["days"],
                months=units["months"],
            )
        )

    roles: list[Role] = []
    role_labels: dict[Role, str] = {}
    role_data = data.get("roles", [r_.value for r_ in Role])
    if not isinstance(role_data, list):
        r.fail("roles", "must be a list of roles")
        role_data = []
    for item in role_data:
        value = item.get("role") if isinstance(item, Mapping) else item
        try:
            if not isinstance(value, str):
                raise ValueError(value)
            role = Role(value)
        except ValueError:
            allowed = ", ".join(x.value for x in Role)
            r.fail("roles", f"unknown role {_shown(value)} (allowed: {allowed})")
            continue
        roles.append(role)
        if isinstance(item, Mapping) and isinstance(item.get("label"), str):
            role_labels[role] = item["label"]

    quorum_data = data.get("quorum", {})
    if not isinstance(quorum_data, Mapping):
        r.fail("quorum", "must be a table")
        quorum_data = {}
    exceptions: list[Role] = []
    exception_data = quorum_data.get("exceptions", [])
    if not isinstance(exception_data, list):
        r.fail("quorum.exceptions", 'must be a list of roles such as ["chair", "minute_taker"]')
        exception_data = []
    for value in exception_data:
        try:
            if not isinstance(value, str):
                raise ValueError(value)
            exceptions.append(Role(value))
        except ValueError:
            allowed = ", ".join(x.value for x in Role)
            r.fail("quorum.exceptions", f"unknown role {_shown(value)} (allowed: {allowed})")
    quorum = Quorum(
        min_agencies=r.integer(quorum_data, "min_agencies", "quorum.", MAX_AGENCIES) or 0,
        exceptional_min_agencies=r.integer(
            quorum_data, "exceptional_min_agencies", "quorum.", MAX_AGENCIES
        ),
        exceptions=tuple(dict.fromkeys(exceptions)),
    )
    review_keys: tuple[str, ...] = DEFAULT_REVIEW_KEYS
    review_data = data.get("review", {})
    if not isinstance(review_data, Mapping):
        r.fail("review", "must be a table")
        review_data = {}
    if "deadlines" in review_data:
        keys = review_data["deadlines"]
        known = {d.key for d in deadlines}
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            r.fail("review.deadlines", 'must be a list of deadline keys such as ["next_review"]')
        else:
            for key in keys:
                if key not in known:
                    r.fail("review.deadlines", f"{_shown(key)} is not the key of a deadline")
            review_keys = tuple(keys)
    # Read before the problems are counted, so that a wrong type here is reported too.
    name_zh = r.opt_text(data, "name_zh", "")
    signs_of_safety = r.boolean(data, "signs_of_safety", "")
    minutes_template = r.opt_text(data, "minutes_template", "") or "eng-cpc"
    letter_template = r.opt_text(data, "letter_template", "") or "letter"
    method_text = r.opt_text(data, "decision_method", "") or DecisionMethod.CONSENSUS.value
    if method_text not in {m.value for m in DecisionMethod}:
        r.fail("decision_method", "must be 'consensus', 'majority' or 'chair'")
        method_text = DecisionMethod.CONSENSUS.value

    letter = _parse_letter(r, data)

    if r.problems:
        raise ProfileError("; ".join(r.problems))
    return Profile(
        code=code,
        name=name,
        name_zh=name_zh,
        language=str(language),
        calendar=calendar,
        conference_types=types,
        agendas=agendas,
        decision_kinds=tuple(kinds),
        deadlines=tuple(deadlines),
        roles=tuple(roles),
        role_labels=role_labels,
        quorum=quorum,
        signs_of_safety=signs_of_safety,
        source=source,
        minutes_template=minutes_template,
        letter_template=letter_template,
        decision_method=DecisionMethod(method_text),
        review_keys=review_keys,
        minutes_sections=sections,
        letter=letter,
    )


def _parse_letter(r: _Reader, data: Mapping[str, Any]) -> LetterRules:
    """``[letter]``: addressed_to ("invitee" or "household"), complaints, complaints_zh."""
    table = data.get("letter", {})
    if not isinstance(table, Mapping):
        r.fail("letter", "must be a table")
        return LetterRules()
    addressed_to = r.opt_text(table, "addressed_to", "letter.") or "invitee"
    if addressed_to not in LETTER_ADDRESSED_TO:
        r.fail("letter.addressed_to", "must be 'invitee' or 'household'")
        addressed_to = "invitee"
    return LetterRules(
        addressed_to=addressed_to,
        complaints=r.opt_text(table, "complaints", "letter.") or DEFAULT_COMPLAINTS,
        complaints_zh=r.opt_text(table, "complaints_zh", "letter."),
    )


def _parse_sections(r: _Reader, data: Mapping[str, Any]) -> tuple[MinutesSection, ...]:
    """``[[minutes_sections]]``: key, title, title_zh, in the order the minutes print them."""
    if "minutes_sections" not in data:
        return DEFAULT_MINUTES_SECTIONS
    sections: list[MinutesSection] = []
    seen: set[str] = set()
    for i, item in enumerate(r.table_list(data, "minutes_sections", "")):
        where = f"minutes_sections[{i}]."
        key = r.text(item, "key", where)
        if key and not (set(key) <= SECTION_KEY_CHARS and key[0].isalpha()):
            r.fail(where + "key", "must be lower-case letters, digits and '_', from a letter")
        elif key in seen:
            r.fail(where + "key", f"{_shown(key)} is named twice")
        seen.add(key)
        sections.append(
            MinutesSection(key, r.text(item, "title", where), r.opt_text(item, "title_zh", where))
        )
    if not sections:
        r.fail("minutes_sections", "must name at least one section")
    return tuple(sections)


def _parse_calendar(r: _Reader, data: Any) -> WorkingCalendar:
    if not isinstance(data, Mapping):
        r.fail("calendar", "is missing (needs country, weekend)")
        return WorkingCalendar("GB")
    country = r.text(data, "country", "calendar.")
    subdivision = r.opt_text(data, "subdivision", "calendar.")
    categories = data.get("categories", ["public"])
    if not isinstance(categories, list) or not all(isinstance(c, str) for c in categories):
        r.fail("calendar.categories", "must be a list of holiday categories")
        categories = ["public"]
    weekend_names = data.get("weekend", ["sat", "sun"])
    weekend: set[int] = set()
    if not isinstance(weekend_names, list):
        r.fail("calendar.weekend", 'must be a list of day names such as ["sat", "sun"]')
        weekend_names = []
    for day in weekend_names:
        if isinstance(day, str) and day.lower()[:3] in WEEKDAY_NAMES:
            weekend.add(WEEKDAY_NAMES.index(day.lower()[:3]))
        else:
            r.fail("calendar.weekend", f"{_shown(day)} is not a day name (mon ... sun)")
    if len(weekend) == len(WEEKDAY_NAMES):
        r.fail("calendar.weekend", "leaves no working day in the week (at least one is needed)")
    closures: set[dt.date] = set()
    closure_list = data.get("closures", [])
    if not isinstance(closure_list, list):
        r.fail("calendar.closures", "must be a list of dates such as [2026-09-15]")
        closure_list = []
    for day in closure_list:
        if isinstance(day, dt.date) and not isinstance(day, dt.datetime):
            closures.add(day)
        else:
            r.fail("calendar.closures", f"{_shown(day)} is not a date (write 2026-09-15)")
    calendar = WorkingCalendar(
        country or "GB", subdivision, tuple(categories), frozenset(weekend), frozenset(closures)
    )
    if country:
        try:
            calendar.check()  # without importing holidays for a shipped profile's calendar
        except Exception as exc:  # the holidays package raises many kinds
            r.fail(
                "calendar",
                f"no holiday calendar for {_shown(country)}/{_shown(subdivision)}: "
                f"{_shown(str(exc))}",
            )
    return calendar
