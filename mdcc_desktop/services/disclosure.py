"""The disclosure log: "record what was shared, with whom and why" (issue 11, point 4).

Every service that lets a conference's record leave the app (minutes, letter, exchange file,
CSV, Excel, calendar, PDF, e-mail draft), circulates, finalises or reopens calls
:func:`record` once: in the transaction of what it records where there is one, else right
after the file is written. The entry names the chair (their own name, kept in the encrypted
database through :class:`ChairService`), the time, the copy, the recipient, the file, the reason
and the SHA-256 of what left (:func:`write_recorded` does both for a file: both or neither).
Entries are hash-chained (``domain.disclosure``); ``verify``
runs every check ``mdcc verify`` reports.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mdcc_desktop.domain.clock import now
from mdcc_desktop.domain.disclosure import Disclosure, DisclosureKind, verify_chain
from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.messages import Message, msg
from mdcc_desktop.services.files import save_export
from mdcc_desktop.store import Store

# Where an export went when it was printed (the command line without -o).
STDOUT = "standard output"
MAX_CHAIR_NAME = 200
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LOG_FORMATS = ("json", "csv")
LOG_FIELDS = (
    "id",
    "at",
    "kind",
    "by",
    "conference_id",
    "case_reference",
    "copy",
    "recipient",
    "target",
    "reason",
    "sha256",
    "with_reporter_identity",
    "previous",
    "hash",
)


def record(
    store: Store,
    kind: DisclosureKind,
    *,
    conference_id: int | None = None,
    copy: str | None = None,
    recipient: str | None = None,
    target: str | Path | None = None,
    reason: str | None = None,
    data: bytes | None = None,
    with_reporter_identity: bool = False,
) -> Disclosure:
    """Append one entry, by the chair (their name as now set), at this moment; ``data`` is
    what left (its SHA-256 is kept, never the data)."""
    entry = Disclosure(
        at=now(),
        kind=kind,
        by=store.disclosures.chair()[0],
        conference_id=conference_id,
        copy=copy,
        recipient=recipient,
        target=None if target is None else str(target),
        reason=(reason or "").strip() or None,
        sha256=None if data is None else hashlib.sha256(data).hexdigest(),
        with_reporter_identity=with_reporter_identity,
    )
    return store.disclosures.append(entry)


def write_recorded(
    store: Store,
    target: Path,
    data: bytes,
    kind: DisclosureKind,
    write: Callable[[Path, bytes], None],
    **fields: Any,
) -> Disclosure:
    """Write ``data`` to ``target`` with ``write`` and record it: both or neither.

    The entry is inserted first and the file written before the transaction commits: a file
    that cannot be written leaves no entry, and a commit that fails after the write removes a
    file this call created (so no file leaves without its entry)."""
    existed = os.path.lexists(target)
    written = False
    try:
        with store.transaction("record a disclosure"):
            entry = record(store, kind, target=target, data=data, **fields)
            write(target, data)
            written = True
    except BaseException:
        if written and not existed:
            target.unlink(missing_ok=True)
        raise
    return entry


def require_reason(with_reporter_identity: bool, reason: str | None) -> None:
    """The reporter's identity leaves only with a reason (exchange spec, Cap. 650 s.11)."""
    if with_reporter_identity and not (reason or "").strip():
        raise ValidationError(msg("reporter_identity_needs_reason"))


@dataclass(frozen=True)
class Chair:
    name: str = ""
    email: str = ""


class ChairService:
    """The chair's own name and e-mail: who the disclosure log says shared what."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self) -> Chair:
        name, email = self.store.disclosures.chair()
        return Chair(name, email)

    def set(self, name: str, email: str) -> Chair:
        name, email = " ".join(name.split()), email.strip()
        problems: list[Message | str] = []
        if len(name) > MAX_CHAIR_NAME:
            problems.append(msg("chair_name_too_long", limit=MAX_CHAIR_NAME))
        if email and not _EMAIL.match(email):
            problems.append(msg("chair_email_invalid", email=email))
        if problems:
            raise ValidationError(problems)
        self.store.disclosures.set_chair(name, email)
        return Chair(name, email)


def entry_json(entry: Disclosure, reference: str | None = None) -> dict[str, Any]:
    """One entry as the exports give it (the keys are ``LOG_FIELDS``)."""
    return {
        "id": entry.id,
        "at": entry.at.isoformat(),
        "kind": entry.kind.value,
        "by": entry.by,
        "conference_id": entry.conference_id,
        "case_reference": reference,
        "copy": entry.copy,
        "recipient": entry.recipient,
        "target": entry.target,
        "reason": entry.reason,
        "sha256": entry.sha256,
        "with_reporter_identity": entry.with_reporter_identity,
        "previous": entry.previous,
        "hash": entry.hash,
    }


class DisclosureService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def record(self, kind: DisclosureKind, **fields: Any) -> Disclosure:
        """One entry (see :func:`record`)."""
        return record(self.store, kind, **fields)

    def entries(self, conference_id: int | None = None) -> list[Disclosure]:
        return self.store.disclosures.entries(conference_id)

    def case_references(self, entries: list[Disclosure]) -> dict[int, str]:
        """The case reference of each entry's conference that still exists."""
        ids = [e.conference_id for e in entries if e.conference_id is not None]
        return self.store.disclosures.case_references(ids)

    def chain_problem(self, entries: list[Disclosure] | None = None) -> Message | None:
        """What is wrong with the log's chain (None: intact)."""
        entries = self.entries() if entries is None else entries
        found = verify_chain(entries)
        if found is not None:
            return msg("log_changed", entry=found.entry_id, problem=found.problem)
        head = self.store.disclosures.head()
        count, last = head if head else (0, None)
        if len(entries) < count:
            return msg("log_cut_short", entry=entries[-1].id if entries else 0, expected=str(count))
        if len(entries) > count or (entries and entries[-1].hash != last):
            return msg(
                "log_changed",
                entry=entries[-1].id,
                problem="is not the last entry the app wrote (an entry was added)",
            )
        return None

    def verify(self) -> list[Message]:
        """Every check of the database: SQLite's integrity check, the foreign keys and the
        disclosure log's chain. Empty when all pass."""
        log = self.store.disclosures
        problems = [msg("integrity_problem", problem=p) for p in log.integrity_problems()]
        problems += [
            msg("foreign_key_problem", table=table, row=row, parent=parent)
            for table, row, parent in log.foreign_key_problems()
        ]
        chain = self.chain_problem()
        if chain is not None:
            problems.append(chain)
        return problems

    def render(self, fmt: str) -> bytes:
        """The whole log as JSON or CSV (UTF-8, with a byte-order mark for Excel)."""
        if fmt not in LOG_FORMATS:
            raise ValidationError(
                msg("log_format_unknown", format=fmt, formats=" or ".join(LOG_FORMATS))
            )
        entries = self.entries()
        references = self.case_references(entries)
        rows = [entry_json(e, references.get(e.conference_id or 0)) for e in entries]
        if fmt == "json":
            problem = self.chain_problem(entries)
            doc = {"chain": "intact" if problem is None else str(problem), "entries": rows}
            return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=LOG_FIELDS)
        writer.writeheader()
        writer.writerows(rows)
        return "\ufeff".encode() + out.getvalue().encode("utf-8")

    def export(self, target: Path, fmt: str) -> Disclosure:
        """Write the log to ``target``, then record that it was (the export is in the log)."""
        data = self.render(fmt)
        example = f"disclosure-log.{fmt}"
        return write_recorded(
            self.store,
            target,
            data,
            DisclosureKind.LOG_EXPORT,
            lambda path, content: save_export(path, content, example),
            copy=fmt,
        )
