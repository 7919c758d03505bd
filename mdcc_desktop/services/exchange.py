"""The conference exchange file (``mdcc-conference``, version 1): read, check, import, export.

The contract is ``schemas/conference-exchange-v1.schema.json`` (a copy of the shared spec's
schema, tested to stay equal to it) plus the rules the spec adds beyond the schema: formats of
dates and date-times are enforced, references must resolve, ids must be unique in their list,
the jurisdiction must be a known profile. Every problem is reported on its own line with its
JSON path; an import is one transaction, so a refused or interrupted import leaves nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mdcc_desktop.domain import rules
from mdcc_desktop.domain.carry import CarryLinks, RecordParts
from mdcc_desktop.domain.disclosure import DisclosureKind
from mdcc_desktop.domain.errors import NotFoundError, ValidationError
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
    ConferenceType,
    CopyKind,
    Decision,
    DecisionMethod,
    Discipline,
    Dissent,
    DistributionEntry,
    Exclusion,
    HouseholdMember,
    Language,
    MandatoryReport,
    Person,
    Priority,
    Role,
    SafetyLine,
    SafetySection,
    Scaling,
    Sex,
)
from mdcc_desktop.domain.profiles import AgendaTemplateItem, Profile
from mdcc_desktop.resources import package_file
from mdcc_desktop.services.disclosure import record, require_reason, write_recorded
from mdcc_desktop.services.events import Change, ChangeKind, Entity, EventBus
from mdcc_desktop.services.files import (
    MAX_INPUT_BYTES,
    read_input,
    save_export,
    write_atomically,
)
from mdcc_desktop.services.profiles import ProfileRegistry
from mdcc_desktop.services.schema_check import compile_schema
from mdcc_desktop.store import Store

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError as SchemaError


FORMAT = "mdcc-conference"
VERSION = 1
SCHEMA_FILE = package_file("services", "schemas", "conference-exchange-v1.schema.json")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_MAX_SHOWN = 60
_ID = re.compile(r"[A-Za-z0-9_.-]{1,64}")
_ID_RULE = "(1-64 letters, digits, '_', '.', '-')"
_ID_KEYS = frozenset({"id", "attendee", "owner", "decision", "agenda_item"})

# Ranges beyond the schema's types (the schema stays the shared spec's, word for word):
MAX_FILE_BYTES = MAX_INPUT_BYTES  # 64 MB; a conference of 100,000 actions is about 40 MB
MAX_DEPTH = 32  # the deepest valid file nests 7 levels
_DATE_KEYS = frozenset(
    {"date_of_birth", "expected_date_of_birth", "referral_received", "date", "due", "next_review"}
)
_DATE_TIME_KEYS = frozenset(
    {
        "scheduled_start",
        "started_at",
        "ended_at",
        "arrived_at",
        "left_at",
        "returned_at",
        "completed_at",
        "at",
    }
)


class ExchangeError(ValidationError):
    """A file refused: ``problems`` has one line per problem, each starting with its JSON path."""


def parse_date(value: str) -> dt.date:
    if not _DATE.match(value):
        raise ValueError(value)
    return dt.date.fromisoformat(value)


def parse_date_time(value: str) -> dt.datetime:
    if not _DATE_TIME.match(value):
        raise ValueError(value)
    text = value.replace("t", "T").replace("z", "Z")
    fraction = re.search(r"\.(\d+)", text)
    if fraction and len(fraction.group(1)) > 6:  # Python keeps microseconds only
        text = text.replace(fraction.group(0), "." + fraction.group(1)[:6])
    return dt.datetime.fromisoformat(text)


def _checks_format(parse: Callable[[str], Any]) -> Callable[[object], bool]:
    def check(instance: object) -> bool:
        if not isinstance(instance, str):
            return True
        try:
            parse(instance)
        except ValueError:
            return False
        return True

    return check


@cache
def schema() -> dict[str, Any]:
    with SCHEMA_FILE.open(encoding="utf-8") as fh:
        loaded: dict[str, Any] = json.load(fh)
    return loaded


@cache
def _validator() -> Draft202012Validator:
    # Imported on first use: jsonschema costs a fifth of a second at start-up.
    from jsonschema import Draft202012Validator, FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date")(_checks_format(parse_date))
    checker.checks("date-time")(_checks_format(parse_date_time))
    return Draft202012Validator(schema(), format_checker=checker)


@cache
def _quick_check() -> Callable[[Any], bool] | None:
    return compile_schema(schema(), _validator().format_checker)


def _schema_errors(doc: dict[str, Any]) -> list[SchemaError]:
    """jsonschema's errors, in path order; a document the compiled check passes has none (it
    is never looser than jsonschema), and 100,000 actions then take a second, not eight."""
    quick = _quick_check()
    if quick is not None and quick(doc):
        return []
    return sorted(_validator().iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path])


def json_path(parts: Any) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(file)"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


def _describe(error: SchemaError) -> str:
    v, inst, expected = error.validator, error.instance, error.validator_value
    if v == "format":
        article = "an" if str(expected)[0] in "aeiou" else "a"
        return f"{_short(inst)} is not {article} {expected}"
    if v == "required":
        return str(error.message).replace(" is a required property", " is required")
    if v == "type":
        return f"{_short(inst)} is not of type {expected}"
    if v == "enum":
        return f"{_short(inst)} is not one of {', '.join(map(str, expected))}"
    if v == "const":
        return f"{_short(inst)} must be {_short(expected)}"
    if v == "minLength":
        return "must not be empty"
    if v == "pattern":
        return f"{_short(inst)} is not a valid id {_ID_RULE}"
    if v == "minItems":
        return f"needs at least {expected} item(s)"
    if v == "uniqueItems":
        return "has duplicate items"
    if v in ("minimum", "maximum"):
        bound = "below the minimum" if v == "minimum" else "above the maximum"
        return f"{_short(inst)} is {bound} {expected}"
    message = str(error.message)
    return message if len(message) <= 300 else message[:297] + "..."


def _walk_strings(value: Any, path: list[Any]) -> Iterator[tuple[list[Any], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _walk_strings(v, [*path, k])
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk_strings(v, [*path, i])


_SQLITE_MIN_INT, _SQLITE_MAX_INT = -(2**63), 2**63 - 1


def _walk_integers(value: Any, path: list[Any]) -> Iterator[tuple[list[Any], int]]:
    if isinstance(value, int) and not isinstance(value, bool):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _walk_integers(v, [*path, k])
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk_integers(v, [*path, i])


_SURROGATE = re.compile("[\ud800-\udfff]")


def _value_problems(doc: dict[str, Any]) -> list[str]:
    """What ``_walk_integers`` and ``_walk_strings`` find wrong with single values (numbers
    SQLite cannot hold, unpaired surrogates, ids with a trailing newline), in one walk that
    builds a path only for a value at fault: 100,000 actions hold 700,000 strings.

    Iterative, so nesting as deep as the JSON parser allows cannot exhaust the stack."""
    numbers: list[str] = []
    surrogates: list[str] = []
    ids: list[str] = []
    path: list[Any] = []
    stack: list[Iterator[tuple[Any, Any]]] = [iter(doc.items())]
    while stack:
        for key, value in stack[-1]:
            if isinstance(value, str):
                bad = _SURROGATE.search(value)
                if bad is not None:
                    surrogates.append(
                        f"{json_path([*path, key])}: holds an unpaired surrogate "
                        f"(U+{ord(bad.group()):04X}), which is not a character"
                    )
                if key in _ID_KEYS and _ID.match(value) and not _ID.fullmatch(value):
                    ids.append(
                        f"{json_path([*path, key])}: {_short(value)} is not a valid id {_ID_RULE}"
                    )
            elif isinstance(value, dict | list):
                path.append(key)
                stack.append(iter(value.items() if isinstance(value, dict) else enumerate(value)))
                break
            elif (
                isinstance(value, int)
                and not isinstance(value, bool)
                and not _SQLITE_MIN_INT <= value <= _SQLITE_MAX_INT
            ):
                numbers.append(f"{json_path([*path, key])}: {_short(value)} is too large a number")
        else:
            stack.pop()
            if path:
                path.pop()
    return numbers + surrogates + ids


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ExchangeError(msg("json_duplicate_key", key=key))
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise ExchangeError(msg("json_not_number", name=name))


def parse_text(data: bytes | str) -> dict[str, Any]:
    """Decode a file's bytes into JSON, or raise ExchangeError saying where it is broken."""
    if isinstance(data, bytes):
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        if not data.strip():
            raise ExchangeError(msg("file_empty"))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ExchangeError(msg("not_utf8", byte=exc.start)) from exc
    else:
        text = data
        if not text.strip():
            raise ExchangeError(msg("file_empty"))
    if len(text) > MAX_FILE_BYTES:
        raise ExchangeError(_too_large(len(text)))
    try:
        loaded = json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as exc:
        raise ExchangeError(
            msg("not_json", line=exc.lineno, column=exc.colno, error=exc.msg)
        ) from exc
    except RecursionError as exc:
        raise ExchangeError(msg("json_too_nested")) from exc
    except ValueError as exc:  # Python refuses integers of more than 4,300 digits
        raise ExchangeError(msg("json_number_too_long")) from exc
    if not isinstance(loaded, dict):
        raise ExchangeError(msg("json_not_object"))
    depth = _depth(loaded)
    if depth > MAX_DEPTH:
        raise ExchangeError(_too_deep(depth))
    return loaded


def _too_deep(depth: int) -> Message:
    return msg("json_too_deep", depth=depth, limit=MAX_DEPTH)


def _too_large(size: int) -> Message:
    return msg(
        "file_too_large",
        size=f"{size:,}",
        limit=f"{MAX_FILE_BYTES:,}",
        megabytes=MAX_FILE_BYTES // (1024 * 1024),
    )


def _depth(value: Any) -> int:
    """How deeply lists and objects nest (without recursion, so any depth can be measured)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children if isinstance(child, dict | list))
    return deepest


def problems_in(doc: dict[str, Any], known_profiles: list[str] | None) -> list[Message | str]:
    """Every problem with ``doc`` as one line each; an empty list means it may be imported."""
    try:
        return list(_problems_in(doc, known_profiles))
    except RecursionError:  # a document built in code, not read (and measured) by parse_text
        return [_too_deep(_depth(doc))]


def _problems_in(doc: dict[str, Any], known_profiles: list[str] | None) -> list[str]:
    problems: list[str] = []
    for error in _schema_errors(doc):
        problems.append(f"{json_path(error.absolute_path)}: {_describe(error)}")
    # Numbers too large, unpaired surrogates and (JSON Schema patterns follow ECMA-262, where
    # "$" is the very end; Python's re lets an id with a trailing newline through) ids checked
    # again to the letter, in one pass; then the ranges of dates, numbers, text and names.
    problems += _value_problems(doc)
    problems += _range_problems(doc)
    problems += _reference_problems(doc, known_profiles)
    return problems


def _text_problem(key: Any, text: str) -> str | None:
    """What is out of range in one string (its JSON path left to the caller), if anything."""
    if len(text) > rules.MAX_TEXT_CHARS:
        return (
            f"{len(text):,} characters is more than the limit of "
            f"{rules.MAX_TEXT_CHARS:,} characters in one field"
        )
    if key in _DATE_KEYS or key in _DATE_TIME_KEYS:
        year = int(text[:4]) if text[:4].isascii() and text[:4].isdigit() else None
        if year is None or rules.MIN_YEAR <= year <= rules.MAX_YEAR:
            return None
        try:  # a malformed one is the schema's format check's to report, once
            if key in _DATE_KEYS:
                parse_date(text)
            else:
                parse_date_time(text)
        except ValueError:
            return None
        years = f"{rules.MIN_YEAR}–{rules.MAX_YEAR}"
        return f"{_short(text)} is outside the years {years} this app accepts"
    return None


def _any_text_problem(doc: Any) -> bool:
    """A quick pass without JSON paths (most files have no problem to name)."""
    stack: list[tuple[Any, Any]] = [(doc, None)]
    while stack:
        value, key = stack.pop()
        if isinstance(value, str):
            if _text_problem(key, value) is not None:
                return True
        elif isinstance(value, dict):
            stack.extend((v, k) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, None) for v in value)
    return False


def _range_problems(doc: dict[str, Any]) -> list[str]:
    """Values of the right type but out of range: dates outside the years the app computes with,
    planned minutes, text longer than a field holds, names with nothing visible in them."""
    problems: list[str] = []
    if _any_text_problem(doc):
        for path, text in _walk_strings(doc, []):
            problem = _text_problem(path[-1] if path else None, text)
            if problem is not None:
                problems.append(f"{json_path(path)}: {problem}")
    conference = doc.get("conference")
    conference = conference if isinstance(conference, dict) else {}
    case = doc.get("case")
    case = case if isinstance(case, dict) else {}
    for i, item in enumerate(_items(conference.get("agenda"))):
        minutes = item.get("planned_minutes")
        if isinstance(minutes, int | float) and not isinstance(minutes, bool):
            if not (isinstance(minutes, int) or minutes.is_integer()):
                continue  # "not of type integer", from the schema
            if isinstance(minutes, int) and not _SQLITE_MIN_INT <= minutes <= _SQLITE_MAX_INT:
                continue  # "too large a number", said once
            if minutes > rules.MAX_PLANNED_MINUTES:  # below 0: the schema's "minimum"
                problems.append(
                    f"conference.agenda[{i}].planned_minutes: {_short(minutes)} is outside "
                    f"0–{rules.MAX_PLANNED_MINUTES} minutes"
                )
    names: list[tuple[str, Any]] = [("case.reference", case.get("reference"))]
    names += [
        (f"case.children[{i}].name", c.get("name"))
        for i, c in enumerate(_items(case.get("children")))
    ]
    names += [
        (f"case.household[{i}].name", h.get("name"))
        for i, h in enumerate(_items(case.get("household")))
    ]
    names += [
        (f"conference.attendees[{i}].name", a.get("name"))
        for i, a in enumerate(_items(conference.get("attendees")))
    ]
    for where, name in names:
        if isinstance(name, str) and name and not rules.has_visible_character(name):
            problems.append(f"{where}: {_short(name)} holds no visible character")
    return problems


def _items(value: Any) -> list[dict[str, Any]]:
    """The objects of a list that may be malformed (schema errors are reported separately)."""
    return [v if isinstance(v, dict) else {} for v in value] if isinstance(value, list) else []


def _reference_problems(doc: dict[str, Any], known_profiles: list[str] | None) -> list[str]:
    """Duplicate ids, dangling references, unknown jurisdiction: checked even in a file with
    schema errors, so that a user sees every problem at once."""
    problems: list[str] = []
    conference = doc.get("conference")
    conference = conference if isinstance(conference, dict) else {}
    ids: dict[str, set[str]] = {}
    for key in ("attendees", "agenda", "decisions", "actions"):
        seen: set[str] = set()
        for i, item in enumerate(_items(conference.get(key))):
            item_id = item.get("id")
            if not isinstance(item_id, str):
                continue
            if item_id in seen:
                problems.append(f"conference.{key}[{i}].id: the id {item_id!r} is used twice")
            seen.add(item_id)
        ids[key] = seen

    def ref(path: str, value: Any, target: str, what: str) -> None:
        if isinstance(value, str) and value not in ids[target]:
            problems.append(f"{path}: {_short(value)} is not the id of any {what} in this file")

    for i, d in enumerate(_items(conference.get("decisions"))):
        ref(f"conference.decisions[{i}].agenda_item", d.get("agenda_item"), "agenda", "agenda item")
        for j, dissent in enumerate(_items(d.get("dissent"))):
            ref(
                f"conference.decisions[{i}].dissent[{j}].attendee",
                dissent.get("attendee"),
                "attendees",
                "attendee",
            )
    for i, a in enumerate(_items(conference.get("actions"))):
        ref(f"conference.actions[{i}].owner", a.get("owner"), "attendees", "attendee")
        ref(f"conference.actions[{i}].decision", a.get("decision"), "decisions", "decision")
        ref(f"conference.actions[{i}].agenda_item", a.get("agenda_item"), "agenda", "agenda item")
    mapping = conference.get("safety_mapping")
    mapping = mapping if isinstance(mapping, dict) else {}
    for i, sc in enumerate(_items(mapping.get("scaling"))):
        ref(
            f"conference.safety_mapping.scaling[{i}].attendee",
            sc.get("attendee"),
            "attendees",
            "attendee",
        )
    for i, entry in enumerate(_items(conference.get("distribution"))):
        ref(
            f"conference.distribution[{i}].attendee", entry.get("attendee"), "attendees", "attendee"
        )
    jurisdiction = doc.get("jurisdiction")
    if (
        known_profiles is not None
        and isinstance(jurisdiction, str)
        and jurisdiction
        and jurisdiction not in known_profiles
    ):
        problems.append(
            f"jurisdiction: unknown profile {_short(jurisdiction)}; "
            f"known profiles: {', '.join(known_profiles)}"
        )
    return problems


# --- JSON -> domain --------------------------------------------------------------------------


def _d(value: str | None) -> dt.date | None:
    return parse_date(value) if value is not None else None


def _t(value: str | None) -> dt.datetime | None:
    return parse_date_time(value) if value is not None else None


def _whole(value: float | None) -> int | None:
    """JSON Schema counts 5.0 as an integer; it is stored as 5 (range checked before)."""
    return int(value) if value is not None else None


@dataclass
class ImportResult:
    conference_id: int
    case_id: int
    new_case: bool


def _title_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def template_section(profile: Profile | None, ctype: ConferenceType, title: str) -> str | None:
    """The minutes section of the profile's agenda template item titled ``title`` (its English
    or Chinese title, or the two together as a bilingual agenda writes them), looked for in the
    agenda of the conference's type first, then in the profile's other agendas when they agree;
    None when no template item has that title (the item's notes go under the discussion)."""
    if profile is None:
        return None
    wanted = _title_key(title)

    def matches(item: AgendaTemplateItem) -> bool:
        names = set(item.titles)
        if item.title_zh:
            names |= {f"{item.title} {item.title_zh}", f"{item.title_zh} {item.title}"}
        return wanted in {_title_key(n) for n in names}

    own = [t for t in profile.agenda_for(ctype) if matches(t)]
    if own:
        return own[0].section
    found = {t.section for items in profile.agendas.values() for t in items if matches(t)}
    return found.pop() if len(found) == 1 else None


class ExchangeService:
    def __init__(self, store: Store, profiles: ProfileRegistry, events: EventBus) -> None:
        self.store = store
        self.profiles = profiles
        self.events = events

    # import ----------------------------------------------------------------------------------

    def check(self, doc: dict[str, Any]) -> None:
        problems = problems_in(doc, self.profiles.codes)
        if problems:
            raise ExchangeError(problems)

    def import_file(self, path: Path) -> ImportResult:
        try:  # a regular file of bounded size: a FIFO or /dev/zero is refused, not read
            data = read_input(path, limit=MAX_FILE_BYTES, what="conference exchange file")
        except ValidationError as exc:
            raise ExchangeError([msg("in_the_file", problem=m) for m in exc.messages]) from exc
        return self.import_document(parse_text(data))

    def import_document(self, doc: dict[str, Any]) -> ImportResult:
        self.check(doc)
        with self.store.transaction("import conference"):
            result = self._write(doc)
        self.events.publish(
            Change(Entity.CONFERENCE, result.conference_id, result.conference_id, ChangeKind.ADDED)
        )
        return result

    def restore_document(
        self, doc: dict[str, Any], links: CarryLinks | None = None
    ) -> ImportResult:
        """Put back a conference deleted a moment ago, from the document its deletion returned
        (undo). The document came from this store, so it is written as it is: a value an older
        version let in (a date in 9999) must not stop the undo. ``links`` (from the deletion)
        link its carried actions to their originals and copies again, where those still exist."""
        with self.store.transaction("restore deleted conference"):
            result = self._write(doc)
            if links is not None:
                self._relink(result.conference_id, links)
        self.events.publish(
            Change(Entity.CONFERENCE, result.conference_id, result.conference_id, ChangeKind.ADDED)
        )
        return result

    def _relink(self, conference_id: int, links: CarryLinks) -> None:
        s = self.store
        self._put_parts(conference_id, links.parts)
        existing = set(s.conference_ids())
        if links.previous_conference_id in existing:
            s.update_conference(
                conference_id, {"previous_conference_id": links.previous_conference_id}
            )
        actions = s.actions(conference_id)
        for index, carried_from, carried_to in links.actions:
            if index >= len(actions):
                continue
            restored = actions[index].id or 0
            for other, mine, theirs in (
                (carried_from, "carried_from_action_id", "carried_to_action_id"),
                (carried_to, "carried_to_action_id", "carried_from_action_id"),
            ):
                if other is None:
                    continue
                try:
                    s.get_action(other)
                except NotFoundError:
                    continue
                s.update_action(restored, {mine: other})
                s.update_action(other, {theirs: restored})

    def _put_parts(self, conference_id: int, parts: RecordParts) -> None:
        """Put back what the document could not carry (the undo of a deletion)."""
        s = self.store
        s.update_conference(conference_id, parts.meetings())
        agenda = s.agenda(conference_id)
        for index, section in parts.sections:
            if index < len(agenda):
                s.update_agenda_item(agenda[index].id or 0, {"section": section})
        actions = s.actions(conference_id)
        for index, outcome, contingency in parts.plans:
            if index < len(actions):
                s.update_action(
                    actions[index].id or 0, {"outcome": outcome, "contingency": contingency}
                )

    def _write(self, doc: dict[str, Any]) -> ImportResult:
        s = self.store
        case_doc = doc["case"]
        c = doc["conference"]
        case = s.case_by_reference(case_doc["reference"])
        new_case = case is None
        if case is None:
            case = Case(reference=case_doc["reference"], jurisdiction=doc["jurisdiction"])
            s.add_case(case)
        assert case.id is not None
        existing = {
            (ch.name, ch.date_of_birth, ch.expected_date_of_birth) for ch in s.children(case.id)
        }
        position = len(existing)
        for child_doc in case_doc["children"]:
            child = Child(
                name=child_doc["name"],
                case_id=case.id,
                alt_name=child_doc.get("alt_name"),
                date_of_birth=_d(child_doc.get("date_of_birth")),
                expected_date_of_birth=_d(child_doc.get("expected_date_of_birth")),
                sex=Sex(child_doc["sex"]) if "sex" in child_doc else None,
                school=child_doc.get("school"),
            )
            key = (child.name, child.date_of_birth, child.expected_date_of_birth)
            if key not in existing:  # a child the case already has is not added again
                child.position = position
                position += 1
                s.add_child(child)

        report_doc = c.get("mandatory_report", {})
        conference = Conference(
            case_id=case.id,
            jurisdiction=doc["jurisdiction"],
            type=ConferenceType(c["type"]),
            scheduled_start=parse_date_time(c["scheduled_start"]),
            title=c.get("title"),
            referral_received=_d(c.get("referral_received")),
            started_at=_t(c.get("started_at")),
            ended_at=_t(c.get("ended_at")),
            venue=c.get("venue"),
            language=Language(c["language"]) if "language" in c else None,
            previous_conference=c.get("previous_conference"),
            next_review=_d(c.get("next_review")),
            mandatory_report=MandatoryReport(
                made=report_doc.get("made"),
                date=_d(report_doc.get("date")),
                made_to=report_doc.get("made_to"),
                reporter_identity=report_doc.get("reporter_identity"),
            ),
            status=ConferenceStatus.ENDED
            if c.get("ended_at")
            else (
                ConferenceStatus.IN_PROGRESS if c.get("started_at") else ConferenceStatus.PLANNED
            ),
            has_safety_mapping="safety_mapping" in c,
        )
        conference_id = s.add_conference(conference)

        for i, h in enumerate(case_doc.get("household", [])):
            s.add_household_member(
                HouseholdMember(
                    name=h["name"],
                    relationship=h["relationship"],
                    conference_id=conference_id,
                    alt_name=h.get("alt_name"),
                    notes=h.get("notes"),
                    position=i,
                )
            )

        attendee_ids: dict[str, int] = {}
        for i, a in enumerate(c["attendees"]):
            discipline = Discipline(a["discipline"]) if "discipline" in a else None
            person = s.person_matching(a["name"], a.get("agency"))
            if person is None:
                person = Person(
                    name=a["name"],
                    alt_name=a.get("alt_name"),
                    agency=a.get("agency"),
                    discipline=discipline,
                    job_title=a.get("job_title"),
                    email=a.get("email"),
                    phone=a.get("phone"),
                )
                s.add_person(person)
            attendee_ids[a["id"]] = s.add_attendee(
                Attendee(
                    name=a["name"],
                    attendance=Attendance(a["attendance"]),
                    conference_id=conference_id,
                    person_id=person.id,
                    alt_name=a.get("alt_name"),
                    agency=a.get("agency"),
                    discipline=discipline,
                    job_title=a.get("job_title"),
                    email=a.get("email"),
                    phone=a.get("phone"),
                    roles=[Role(r) for r in a.get("roles", [])],
                    arrived_at=_t(a.get("arrived_at")),
                    left_at=_t(a.get("left_at")),
                    report_submitted=a.get("report_submitted"),
                    report_shared_with_parents=a.get("report_shared_with_parents"),
                    attendance_note=a.get("attendance_note"),
                    exclusions=[
                        Exclusion(
                            left_at=parse_date_time(x["left_at"]),
                            returned_at=_t(x.get("returned_at")),
                            reason=x["reason"],
                        )
                        for x in a.get("exclusions", [])
                    ],
                    position=i,
                    ref=a["id"],
                )
            )

        # The file cannot say which minutes section an item's notes go under: an item the
        # profile's agenda templates name gets its section back from there.
        profile = self.profiles.find(doc["jurisdiction"])
        agenda_ids: dict[str, int] = {}
        for i, g in enumerate(c["agenda"]):
            agenda_ids[g["id"]] = s.add_agenda_item(
                AgendaItem(
                    title=g["title"],
                    conference_id=conference_id,
                    planned_minutes=_whole(g.get("planned_minutes")),
                    started_at=_t(g.get("started_at")),
                    ended_at=_t(g.get("ended_at")),
                    notes=g.get("notes"),
                    restricted=g.get("restricted"),
                    section=template_section(profile, conference.type, g["title"]),
                    position=i,
                    ref=g["id"],
                )
            )

        decision_ids: dict[str, int] = {}
        for i, d in enumerate(c["decisions"]):
            decision_ids[d["id"]] = s.add_decision(
                Decision(
                    kind=d["kind"],
                    text=d["text"],
                    conference_id=conference_id,
                    agenda_item_id=agenda_ids[d["agenda_item"]] if "agenda_item" in d else None,
                    value=d.get("value"),
                    rationale=d.get("rationale"),
                    method=DecisionMethod(d["method"]) if "method" in d else None,
                    restricted=d.get("restricted"),
                    dissent=[
                        Dissent(attendee_id=attendee_ids[x["attendee"]], view=x["view"])
                        for x in d.get("dissent", [])
                    ],
                    position=i,
                    ref=d["id"],
                )
            )

        # One statement for all the actions (and one for their updates), not a round of
        # queries each: a conference may have 100,000 actions.
        s.add_actions(
            [
                Action(
                    description=x["description"],
                    status=ActionStatus(x["status"]),
                    conference_id=conference_id,
                    owner_id=attendee_ids[x["owner"]] if "owner" in x else None,
                    owner_agency=x.get("owner_agency"),
                    due=_d(x.get("due")),
                    priority=Priority(x["priority"]) if "priority" in x else None,
                    decision_id=decision_ids[x["decision"]] if "decision" in x else None,
                    agenda_item_id=agenda_ids[x["agenda_item"]] if "agenda_item" in x else None,
                    carried_from=x.get("carried_from"),
                    completed_at=_t(x.get("completed_at")),
                    updates=[
                        ActionUpdate(
                            at=parse_date_time(u["at"]),
                            note=u["note"],
                            status=ActionStatus(u["status"]) if "status" in u else None,
                        )
                        for u in x.get("updates", [])
                    ],
                    position=i,
                    ref=x["id"],
                )
                for i, x in enumerate(c["actions"])
            ]
        )

        for i, entry in enumerate(c.get("distribution", [])):
            s.add_distribution(
                DistributionEntry(
                    attendee_id=attendee_ids[entry["attendee"]],
                    copy=CopyKind(entry["copy"]),
                    conference_id=conference_id,
                    position=i,
                )
            )

        mapping = c.get("safety_mapping", {})
        for section in SafetySection:
            for i, text in enumerate(mapping.get(section.value, [])):
                s.add_safety_line(
                    SafetyLine(section=section, text=text, conference_id=conference_id, position=i)
                )
        for i, sc in enumerate(mapping.get("scaling", [])):
            s.add_scaling(
                Scaling(
                    attendee_id=attendee_ids[sc["attendee"]],
                    score=int(sc["score"]),  # 7.0 is accepted as 7
                    note=sc.get("note"),
                    conference_id=conference_id,
                    position=i,
                )
            )
        return ImportResult(conference_id=conference_id, case_id=case.id, new_case=new_case)

    # export ----------------------------------------------------------------------------------

    def export_document(
        self, conference_id: int, *, with_reporter_identity: bool = False
    ) -> dict[str, Any]:
        """The exchange form of a conference; the reporter's identity only when asked for
        (the exchange spec: it leaves only on request)."""
        return record_to_document(
            self.store.load_record(conference_id), with_reporter_identity=with_reporter_identity
        )

    def left_out(self, conference_id: int) -> list[Message]:
        """What of the conference its exchange file cannot carry (the file's schema is shared
        and has no place for them), each named for the user; empty when nothing is lost."""
        record = self.store.load_record(conference_id)
        return left_out(record, self.profiles.find(record.conference.jurisdiction))

    def export_file(
        self,
        conference_id: int,
        path: Path,
        *,
        with_reporter_identity: bool = False,
        reason: str | None = None,
        checked: bool = False,
    ) -> list[Message]:
        """Write the exchange file and record it in the disclosure log, both or neither (the
        reporter's identity only with a ``reason``, which the log keeps). ``checked``: through
        ``save_export``, which says why a target cannot be written (a folder, read-only...).
        Returns what the file could not carry (:meth:`left_out`), for the user to be told."""
        require_reason(with_reporter_identity, reason)
        document = self.export_document(
            conference_id, with_reporter_identity=with_reporter_identity
        )
        data = dumps(document).encode("utf-8", "surrogatepass")
        write_recorded(
            self.store,
            path,
            data,
            DisclosureKind.EXCHANGE,
            (lambda p, d: save_export(p, d, "conference.json")) if checked else write_atomically,
            conference_id=conference_id,
            reason=reason,
            with_reporter_identity=with_reporter_identity,
        )
        return self.left_out(conference_id)

    def disclosed(
        self,
        conference_id: int,
        target: str | Path,
        data: bytes,
        with_reporter_identity: bool = False,
        reason: str | None = None,
    ) -> None:
        """Record in the disclosure log that an exchange file was written to ``target``."""
        record(
            self.store,
            DisclosureKind.EXCHANGE,
            conference_id=conference_id,
            target=target,
            data=data,
            reason=reason,
            with_reporter_identity=with_reporter_identity,
        )


def left_out(record: ConferenceRecord, profile: Profile | None) -> list[Message]:
    """The parts of ``record`` an exchange file cannot carry, named for the user: the actions'
    outcomes and contingencies, the booked meetings, the comments deadline, and the minutes
    sections of agenda items that an import could not find again in the profile's templates."""
    c = record.conference
    parts: list[Message] = []
    if any(x.outcome for x in record.actions):
        parts.append(msg("part_outcomes"))
    if any(x.contingency for x in record.actions):
        parts.append(msg("part_contingencies"))
    if c.core_group_at is not None or c.core_group_venue:
        parts.append(msg("part_core_group"))
    if c.review_at is not None or c.review_venue:
        parts.append(msg("part_review"))
    if c.comments_by is not None:
        parts.append(msg("part_comments_by"))
    lost = sum(
        1 for item in record.agenda if item.section != template_section(profile, c.type, item.title)
    )
    if lost:
        parts.append(msg("part_sections", count=lost))
    return parts


def left_out_text(parts: list[Message], render: Callable[[Message], str] = str) -> str:
    """One sentence naming ``parts`` (each through ``render``: the GUI translates them);
    empty when nothing was left out."""
    if not parts:
        return ""
    return render(msg("export_left_out", parts="; ".join(render(p) for p in parts)))


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


class _Refs:
    """String ids for the file: the ones a record came with, or new ones that do not clash."""

    def __init__(self, prefix: str, items: list[Any]) -> None:
        self.prefix = prefix
        self.by_id: dict[int, str] = {}
        used = {i.ref for i in items if i.ref}
        given: set[str] = set()  # the refs handed out so far (a set: 100,000 actions is common)
        for item in items:
            ref = item.ref
            if not ref or ref in given:
                n = item.id
                ref = f"{prefix}{n}"
                while ref in used:
                    n += 1
                    ref = f"{prefix}{n}"
                used.add(ref)
            given.add(ref)
            self.by_id[item.id] = ref

    def __getitem__(self, item_id: int) -> str:
        return self.by_id[item_id]


def _put(target: dict[str, Any], key: str, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, dt.datetime | dt.date):
        value = value.isoformat()
    elif hasattr(value, "value") and isinstance(value.value, str):
        value = value.value
    target[key] = value


def record_to_document(
    r: ConferenceRecord, *, with_reporter_identity: bool = False
) -> dict[str, Any]:
    """The exchange form of one conference (omitting what was never set). The reporter's
    identity (``mandatory_report.reporter_identity``) is left out unless asked for."""
    c = r.conference
    att = _Refs("p", r.attendees)
    agenda = _Refs("a", r.agenda)
    dec = _Refs("d", r.decisions)
    act = _Refs("x", r.actions)

    children = []
    for ch in r.children:
        child: dict[str, Any] = {"name": ch.name}
        for key in ("alt_name", "date_of_birth", "expected_date_of_birth", "sex", "school"):
            _put(child, key, getattr(ch, key))
        children.append(child)
    household = []
    for h in r.household:
        member: dict[str, Any] = {"name": h.name, "relationship": h.relationship}
        _put(member, "alt_name", h.alt_name)
        _put(member, "notes", h.notes)
        household.append(member)

    conference: dict[str, Any] = {"type": c.type.value}
    for key in (
        "title",
        "referral_received",
        "scheduled_start",
        "started_at",
        "ended_at",
        "venue",
        "language",
        "previous_conference",
    ):
        _put(conference, key, getattr(c, key))
    if not c.mandatory_report.is_empty():
        report: dict[str, Any] = {}
        shared = ("made", "date", "made_to")
        for key in (*shared, "reporter_identity") if with_reporter_identity else shared:
            _put(report, key, getattr(c.mandatory_report, key))
        conference["mandatory_report"] = report

    attendees = []
    for a in r.attendees:
        item: dict[str, Any] = {"id": att[a.id or 0], "name": a.name}
        for key in ("alt_name", "agency", "discipline", "job_title", "email", "phone"):
            _put(item, key, getattr(a, key))
        item["roles"] = [role.value for role in a.roles]
        item["attendance"] = a.attendance.value
        for key in (
            "arrived_at",
            "left_at",
            "report_submitted",
            "report_shared_with_parents",
            "attendance_note",
        ):
            _put(item, key, getattr(a, key))
        if a.exclusions:
            exclusions = []
            for ex in a.exclusions:
                exclusion: dict[str, Any] = {"left_at": ex.left_at.isoformat()}
                _put(exclusion, "returned_at", ex.returned_at)
                exclusion["reason"] = ex.reason
                exclusions.append(exclusion)
            item["exclusions"] = exclusions
        attendees.append(item)
    conference["attendees"] = attendees

    items = []
    for g in r.agenda:
        entry: dict[str, Any] = {"id": agenda[g.id or 0], "title": g.title}
        for key in ("planned_minutes", "started_at", "ended_at", "notes", "restricted"):
            _put(entry, key, getattr(g, key))
        items.append(entry)
    conference["agenda"] = items

    lines = {
        section: [x.text for x in r.safety_lines if x.section == section]
        for section in SafetySection
    }
    if c.has_safety_mapping or r.safety_lines or r.scaling:
        mapping: dict[str, Any] = {s.value: lines[s] for s in SafetySection if lines[s]}
        scaling = []
        for sc in r.scaling:
            scale: dict[str, Any] = {"attendee": att[sc.attendee_id], "score": sc.score}
            _put(scale, "note", sc.note)
            scaling.append(scale)
        if scaling:
            mapping["scaling"] = scaling
        conference["safety_mapping"] = mapping

    decisions = []
    for d in r.decisions:
        decision: dict[str, Any] = {"id": dec[d.id or 0]}
        if d.agenda_item_id is not None:
            decision["agenda_item"] = agenda[d.agenda_item_id]
        decision["kind"] = d.kind
        _put(decision, "value", d.value)
        decision["text"] = d.text
        for key in ("rationale", "method", "restricted"):
            _put(decision, key, getattr(d, key))
        if d.dissent:
            decision["dissent"] = [
                {"attendee": att[x.attendee_id], "view": x.view} for x in d.dissent
            ]
        decisions.append(decision)
    conference["decisions"] = decisions

    actions = []
    for x in r.actions:
        action: dict[str, Any] = {"id": act[x.id or 0], "description": x.description}
        if x.owner_id is not None:
            action["owner"] = att[x.owner_id]
        _put(action, "owner_agency", x.owner_agency)
        _put(action, "due", x.due)
        action["status"] = x.status.value
        _put(action, "priority", x.priority)
        if x.decision_id is not None:
            action["decision"] = dec[x.decision_id]
        if x.agenda_item_id is not None:
            action["agenda_item"] = agenda[x.agenda_item_id]
        _put(action, "carried_from", x.carried_from)
        _put(action, "completed_at", x.completed_at)
        if x.updates:
            updates = []
            for u in x.updates:
                update: dict[str, Any] = {"at": u.at.isoformat(), "note": u.note}
                _put(update, "status", u.status)
                updates.append(update)
            action["updates"] = updates
        actions.append(action)
    conference["actions"] = actions
    conference["distribution"] = [
        {"attendee": att[e.attendee_id], "copy": e.copy.value} for e in r.distribution
    ]
    _put(conference, "next_review", c.next_review)

    case: dict[str, Any] = {"reference": r.case.reference, "children": children}
    if household:
        case["household"] = household
    return {
        "format": FORMAT,
        "version": VERSION,
        "jurisdiction": c.jurisdiction,
        "case": case,
        "conference": conference,
    }


def normalise(doc: Any) -> Any:
    """A form in which two files the spec calls equal are equal.

    Empty lists and objects count as omitted; date-times compare as instants, whatever their
    spelling ("Z" or "+00:00").
    """
    if isinstance(doc, dict):
        out = {}
        for key, raw in doc.items():
            value = normalise(raw)
            if value in ([], {}, None):
                continue
            out[key] = value
        return out
    if isinstance(doc, list):
        return [normalise(v) for v in doc]
    if isinstance(doc, str) and _DATE_TIME.match(doc):
        try:
            return parse_date_time(doc).astimezone(dt.UTC).isoformat()
        except (ValueError, OverflowError):  # 0001-01-01T00:00:00+01:00 overflows in UTC
            return doc
    return doc
