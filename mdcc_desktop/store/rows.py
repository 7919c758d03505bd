"""Domain dataclasses to table rows and back, driven by the dataclasses' type hints.

Dates and date-times are stored as ISO 8601 text (date-times with their offset), booleans as
0/1, enums as their values; lists (roles, dissent, updates) live in their own tables and are
skipped here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable
from enum import Enum
from functools import cache
from typing import Any, TypeVar, cast

from mdcc_desktop.domain.text import clean_filter_text

T = TypeVar("T")


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _base_type(hint: Any) -> Any:
    """``X | None`` -> X."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0] if len(args) == 1 else hint
    return hint


def to_cell(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def to_row(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The columns of ``obj``: every field but lists, nested dataclasses, ``id`` and ``skip``."""
    row: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        if f.name in skip or f.name == "id":
            continue
        value = getattr(obj, f.name)
        if isinstance(value, list) or dataclasses.is_dataclass(value):
            continue
        row[f.name] = to_cell(value)
    return row


@cache
def columns_of(cls: Any) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The columns ``to_row`` gives a record of ``cls``, and which of them need ``to_cell``
    (enums, booleans, dates): for turning many records into rows quickly."""
    hints = _hints(cls)
    names: list[str] = []
    converted: list[int] = []
    for f in dataclasses.fields(cls):
        base = _base_type(hints[f.name])
        origin = typing.get_origin(base) or base
        if f.name == "id" or origin is list or dataclasses.is_dataclass(origin):
            continue
        if not (isinstance(base, type) and base in (str, int, float)):
            converted.append(len(names))
        names.append(f.name)
    return tuple(names), tuple(converted)


def from_cell(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    base = _base_type(hint)
    if base is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if base is dt.date:
        return dt.date.fromisoformat(value)
    if base is bool:
        return bool(value)
    if isinstance(base, type) and issubclass(base, Enum):
        return base(value)
    return value


@cache
def _decoders(cls: Any) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Each field of ``cls`` with the function that turns its column back (None: as stored).

    Worked out once per class: a conference with 100,000 actions is read in a second, not six.
    """
    hints = _hints(cls)
    decoders: list[tuple[str, Callable[[Any], Any] | None]] = []
    for f in dataclasses.fields(cls):
        base = _base_type(hints[f.name])
        decoder: Callable[[Any], Any] | None = None
        if base is dt.datetime:
            decoder = dt.datetime.fromisoformat
        elif base is dt.date:
            decoder = dt.date.fromisoformat
        elif base is bool:
            decoder = bool
        elif isinstance(base, type) and issubclass(base, Enum):
            decoder = base
        decoders.append((f.name, decoder))
    return tuple(decoders)


def from_row(cls: type[T], row: dict[str, Any], **extra: Any) -> T:
    """Build ``cls`` from a row; columns the dataclass does not have are ignored."""
    kwargs: dict[str, Any] = {}
    for name, decoder in _decoders(cast(Any, cls)):
        if name in extra:
            kwargs[name] = extra[name]
        elif name in row:
            value = row[name]
            kwargs[name] = value if value is None or decoder is None else decoder(value)
    return cls(**kwargs)


def datetime_or_none(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def date_or_none(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def escape_like(text: str) -> str:
    """A LIKE pattern's literal part, cleaned first: whatever a box or a command line passed,
    the pattern stays within SQLite's limit and can be encoded."""
    text = clean_filter_text(text)
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
