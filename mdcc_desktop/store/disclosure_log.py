"""The disclosure log's table, the chair's own name and e-mail, and the checks ``mdcc verify``
runs on the whole file (SQLite's integrity check, the foreign keys).

Entries are appended only: each is chained (``domain.disclosure.chain``) to the one before it
inside the write transaction that inserts it (the store's transactions begin IMMEDIATE, so two
processes never chain to the same entry), and the log's head (how many entries, the last
hash) moves in the same transaction, so that entries cut off the end are told too. Triggers
refuse an UPDATE or DELETE of an entry; whoever goes round them breaks the chain.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from mdcc_desktop.domain.disclosure import Disclosure, DisclosureKind, chain
from mdcc_desktop.store.connection import Database
from mdcc_desktop.store.errors import mapped_errors


class Store(Protocol):
    """What the log needs of ``store.Store`` (named so, not imported: store.py imports this)."""

    backup_dir: Path | None

    @property
    def db(self) -> Database: ...

    def transaction(self, name: str | None = None) -> contextlib.AbstractContextManager[None]: ...


COLUMNS = (
    "at",
    "kind",
    "by",
    "conference_id",
    "copy",
    "recipient",
    "target",
    "reason",
    "sha256",
    "with_reporter_identity",
    "previous",
    "hash",
)
# How many problems SQLite's integrity check lists at most.
INTEGRITY_LIMIT = 20


def _entry(row: Any) -> Disclosure:
    return Disclosure(
        id=int(row[0]),
        at=dt.datetime.fromisoformat(row[1]),
        kind=DisclosureKind(row[2]),
        by=row[3],
        conference_id=None if row[4] is None else int(row[4]),
        copy=row[5],
        recipient=row[6],
        target=row[7],
        reason=row[8],
        sha256=row[9],
        with_reporter_identity=bool(row[10]),
        previous=row[11],
        hash=row[12],
    )


class DisclosureLog:
    """The log of one store (``Store.disclosures``)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _execute(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> Any:
        with mapped_errors(self.store.backup_dir):
            return self.store.db.execute(sql, list(params))

    def append(self, entry: Disclosure) -> Disclosure:
        """Add ``entry`` after the last one (in the caller's transaction, if any); the entry
        as written, with its id, previous hash and hash."""
        with self.store.transaction():
            head = self.head()
            linked = chain(entry, head[1] if head else None)
            values = [
                linked.at.isoformat(timespec="microseconds"),
                linked.kind.value,
                linked.by,
                linked.conference_id,
                linked.copy,
                linked.recipient,
                linked.target,
                linked.reason,
                linked.sha256,
                int(linked.with_reporter_identity),
                linked.previous,
                linked.hash,
            ]
            cursor = self._execute(
                f"INSERT INTO disclosure_log ({', '.join(f'[{c}]' for c in COLUMNS)}) "
                f"VALUES ({', '.join('?' for _ in COLUMNS)})",
                values,
            )
            count = (head[0] if head else 0) + 1
            self._execute(
                "INSERT INTO disclosure_head (id, entries, hash) VALUES (1, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET entries = excluded.entries, hash = excluded.hash",
                [count, linked.hash],
            )
        return replace(linked, id=int(cursor.lastrowid))

    def head(self) -> tuple[int, str] | None:
        """How many entries were written and the last one's hash (None: none yet)."""
        row = self._execute("SELECT entries, hash FROM disclosure_head WHERE id = 1").fetchone()
        return (int(row[0]), str(row[1])) if row else None

    def entries(self, conference_id: int | None = None) -> list[Disclosure]:
        """The entries in the order they were written (of one conference, if given)."""
        where, params = ("WHERE conference_id = ?", [conference_id]) if conference_id else ("", [])
        rows = self._execute(
            f"SELECT id, {', '.join(f'[{c}]' for c in COLUMNS)} FROM disclosure_log {where} "
            "ORDER BY id",
            params,
        ).fetchall()
        return [_entry(r) for r in rows]

    def case_references(self, conference_ids: list[int]) -> dict[int, str]:
        """The case reference of each conference still in the database."""
        if not conference_ids:
            return {}
        found: dict[int, str] = {}
        ids = sorted(set(conference_ids))
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            rows = self._execute(
                "SELECT c.id, k.reference FROM conferences c JOIN cases k ON k.id = c.case_id "
                f"WHERE c.id IN ({', '.join('?' for _ in part)})",
                part,
            ).fetchall()
            found.update({int(r[0]): str(r[1]) for r in rows})
        return found

    # --- the chair --------------------------------------------------------------------------

    def chair(self) -> tuple[str, str]:
        """The chair's name and e-mail ("" where not set)."""
        row = self._execute("SELECT name, email FROM chair WHERE id = 1").fetchone()
        return (str(row[0]), str(row[1])) if row else ("", "")

    def set_chair(self, name: str, email: str) -> None:
        with self.store.transaction("set the chair's name"):
            self._execute(
                "INSERT INTO chair (id, name, email) VALUES (1, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email",
                [name, email],
            )

    # --- checks of the whole file -----------------------------------------------------------

    def integrity_problems(self) -> list[str]:
        """What SQLite's full integrity check finds (every page, every index against its
        table): empty when the file is whole."""
        rows = self._execute(f"PRAGMA integrity_check({INTEGRITY_LIMIT})").fetchall()
        found = [str(r[0]) for r in rows]
        return [] if found == ["ok"] else found

    def foreign_key_problems(self) -> list[tuple[str, int | None, str]]:
        """Rows that refer to a row that does not exist: (table, rowid, parent table)."""
        rows = self._execute("PRAGMA foreign_key_check").fetchall()
        return [(str(r[0]), None if r[1] is None else int(r[1]), str(r[2])) for r in rows]
