"""Issued document versions, kept whole inside the encrypted database, and their circulation.

A version's bytes are the record: a file written somewhere may be moved, edited or
overwritten, so no path is ever stored; ``content`` gives the issued document back byte for
byte. ``context`` is the content the document was made from (JSON), so that a finalised
conference renders what was finalised, not the record as it is today.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable
from typing import Any, Protocol

from mdcc_desktop.domain.models import CopyKind
from mdcc_desktop.domain.versions import (
    CirculationEntry,
    Delivery,
    DocumentCopy,
    DocumentStatus,
    DocumentVersion,
)


class Store(Protocol):
    """What this module uses of the store (store.Store), without importing it."""

    @property
    def db(self) -> Any: ...

    def transaction(self, name: str | None = None) -> contextlib.AbstractContextManager[None]: ...

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]: ...


_COLUMNS = "id, conference_id, number, copy, status, template, issued_at, sha256, size, " + (
    "content IS NOT NULL AS kept"
)


def _version(row: dict[str, Any]) -> DocumentVersion:
    return DocumentVersion(
        id=row["id"],
        conference_id=row["conference_id"],
        number=row["number"],
        copy=DocumentCopy(row["copy"]),
        status=DocumentStatus(row["status"]),
        template=row["template"] or "",
        issued_at=dt.datetime.fromisoformat(row["issued_at"]),
        sha256=row["sha256"],
        size=row["size"],
        kept=bool(row["kept"]),
    )


class DocumentVersions:
    """The ``document_versions`` table and the circulation records that name its rows."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def next_number(self, conference_id: int) -> int:
        rows = self.store._rows(
            "SELECT coalesce(max(number), 0) + 1 AS n FROM document_versions "
            "WHERE conference_id = ?",
            [conference_id],
        )
        return int(rows[0]["n"])

    def add(self, version: DocumentVersion, content: bytes, context: dict[str, Any]) -> int:
        with self.store.transaction():
            cursor = self.store.db.execute(
                "INSERT INTO document_versions (conference_id, number, copy, status, template, "
                "issued_at, sha256, size, content, context) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    version.conference_id,
                    version.number,
                    version.copy.value,
                    version.status.value,
                    version.template,
                    version.issued_at.isoformat(),
                    version.sha256,
                    len(content),
                    content,
                    json.dumps(context, ensure_ascii=False),
                ],
            )
        assert cursor.lastrowid is not None
        version.id = int(cursor.lastrowid)
        version.size = len(content)
        return version.id

    def of_conference(self, conference_id: int) -> list[DocumentVersion]:
        """Every recorded version, oldest first (full copy, then parents', then letter)."""
        rows = self.store._rows(
            f"SELECT {_COLUMNS} FROM document_versions WHERE conference_id = ? "
            "ORDER BY number, CASE copy WHEN 'full' THEN 0 WHEN 'parent' THEN 1 ELSE 2 END",
            [conference_id],
        )
        return [_version(r) for r in rows]

    def final(self, conference_id: int, copy: DocumentCopy) -> DocumentVersion | None:
        """The latest final version of ``copy`` (None before finalisation)."""
        rows = self.store._rows(
            f"SELECT {_COLUMNS} FROM document_versions WHERE conference_id = ? AND copy = ? "
            "AND status = 'final' ORDER BY number DESC LIMIT 1",
            [conference_id, copy.value],
        )
        return _version(rows[0]) if rows else None

    def content(self, version_id: int) -> bytes | None:
        rows = self.store._rows("SELECT content FROM document_versions WHERE id = ?", [version_id])
        return bytes(rows[0]["content"]) if rows and rows[0]["content"] is not None else None

    def context(self, version_id: int) -> dict[str, Any] | None:
        rows = self.store._rows("SELECT context FROM document_versions WHERE id = ?", [version_id])
        if not rows or rows[0]["context"] is None:
            return None
        loaded: dict[str, Any] = json.loads(rows[0]["context"])
        return loaded

    def add_circulation(
        self,
        conference_id: int,
        attendee_id: int,
        version: DocumentVersion,
        at: dt.datetime,
        delivery: Delivery,
    ) -> None:
        copy = CopyKind.FULL if version.copy == DocumentCopy.FULL else CopyKind.PARENT
        with self.store.transaction():
            self.store.db.execute(
                "INSERT INTO circulations (conference_id, attendee_id, copy, at, "
                "document_version_id, delivery) VALUES (?, ?, ?, ?, ?, ?)",
                [conference_id, attendee_id, copy.value, at.isoformat(), version.id, delivery],
            )

    def circulation(self, conference_id: int) -> list[CirculationEntry]:
        rows = self.store._rows(
            """
            SELECT x.at, x.attendee_id, a.name, x.copy, x.delivery, d.number, d.copy AS dcopy
            FROM circulations x
            LEFT JOIN attendees a ON a.id = x.attendee_id
            LEFT JOIN document_versions d ON d.id = x.document_version_id
            WHERE x.conference_id = ? ORDER BY x.at, x.id
            """,
            [conference_id],
        )
        return [
            CirculationEntry(
                at=dt.datetime.fromisoformat(r["at"]),
                attendee_id=r["attendee_id"],
                recipient=r["name"] or "",
                copy=DocumentCopy(r["dcopy"] or r["copy"]),
                delivery=Delivery(r["delivery"]),
                version_number=r["number"],
            )
            for r in rows
        ]
