"""Reading and checking a conference exchange file: the schema (a copy of the shared spec's,
tested to stay equal to it) and the rules the spec adds beyond it (formats of dates and
date-times, references that resolve, ids unique in their list, known profiles, ranges, text
without control characters), each problem on its own line with its JSON path. Nothing here
writes: ``exchange`` imports what passes, ``exchange_document`` makes a file from a record.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from mdcc_desktop.domain import rules
from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.messages import Message, msg
from mdcc_desktop.resources import package_file
from mdcc_desktop.services.files import (
    MAX_INPUT_BYTES,
)
from mdcc_desktop.services.schema_check import compile_schema

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError as SchemaError


FORMAT = "mdcc-conference"
VERSION = 1
SCHEMA_FILE = package_file("services", "schemas", "conference-exchange-v1.schema.json")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
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
    if not DATE_TIME.match(value):
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
