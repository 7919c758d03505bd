"""The minutes' life after the meeting in the store: circulations, amendments, the conference's
log, the facts the deadlines are computed from and the office's closure days, as
``store.Store`` methods (``MinutesRecords`` is one of its parts)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from mdcc_desktop.domain.models import (
    Amendment,
    Circulation,
    ClosureDay,
    ConferenceStatus,
    ConferenceType,
    LogEntry,
)
from mdcc_desktop.domain.read_models import DeadlineFacts
from mdcc_desktop.store.part import StorePart
from mdcc_desktop.store.rows import date_or_none, datetime_or_none, from_row


class MinutesRecords(StorePart):
    """The minutes' records part of the Store."""

    # --- the minutes' life after the meeting ---------------------------------------------------

    def add(self, record: Any) -> int:
        """Insert a simple record (circulation, amendment, log entry, closure day)."""
        return self._insert(record)

    def circulations(self, conference_id: int) -> list[Circulation]:
        rows = self._rows(
            "SELECT * FROM circulations WHERE conference_id = ? ORDER BY at, id", [conference_id]
        )
        return [from_row(Circulation, r) for r in rows]

    def amendments(self, conference_id: int) -> list[Amendment]:
        rows = self._rows(
            "SELECT * FROM amendments WHERE conference_id = ? ORDER BY requested_at, id",
            [conference_id],
        )
        return [from_row(Amendment, r) for r in rows]

    def conference_log(self, conference_id: int) -> list[LogEntry]:
        rows = self._rows(
            "SELECT * FROM conference_log WHERE conference_id = ? ORDER BY at, id", [conference_id]
        )
        return [from_row(LogEntry, r) for r in rows]

    def deadline_facts(
        self,
        *,
        conference_id: int | None = None,
        conference_ids: Iterable[int] | None = None,
        latest_per_case: bool = False,
        include_final: bool = False,
    ) -> list[DeadlineFacts]:
        """What deadlines need (dates, letter sent, minutes circulated), in one query: for one
        conference, the latest conference of each case, or every conference not yet final
        (of ``conference_ids`` only, when given: a page of a list)."""
        where = []
        params: list[Any] = []
        if conference_ids is not None:
            ids = sorted(set(conference_ids))
            where.append("c.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(ids))
        if conference_id is not None:
            where.append("c.id = ?")
            params.append(conference_id)
        elif not include_final:
            where.append("c.status != 'finalised'")
        if latest_per_case:
            where.append(
                "c.id = (SELECT c2.id FROM conferences c2 WHERE c2.case_id = c.case_id "
                "ORDER BY c2.scheduled_start DESC, c2.id DESC LIMIT 1)"
            )
        rows = self._rows(
            """
            SELECT c.id, c.case_id, cs.reference, c.jurisdiction, c.type, c.scheduled_start,
                   c.started_at, c.referral_received, c.status, c.next_review,
                   (SELECT min(at) FROM conference_log l
                     WHERE l.conference_id = c.id AND l.kind = 'letter') AS letter_at,
                   (SELECT min(x.at) FROM circulations x
                     LEFT JOIN document_versions d ON d.id = x.document_version_id
                     WHERE x.conference_id = c.id AND coalesce(d.copy, '') != 'letter')
                     AS circulated_at
            FROM conferences c JOIN cases cs ON cs.id = c.case_id
            """
            + (" WHERE " + " AND ".join(where) if where else ""),
            params,
        )
        return [
            DeadlineFacts(
                conference_id=r["id"],
                case_id=r["case_id"],
                case_reference=r["reference"],
                jurisdiction=r["jurisdiction"],
                type=ConferenceType(r["type"]),
                status=ConferenceStatus(r["status"]),
                scheduled_start=dt.datetime.fromisoformat(r["scheduled_start"]),
                started_at=datetime_or_none(r["started_at"]),
                referral_received=date_or_none(r["referral_received"]),
                next_review=date_or_none(r["next_review"]),
                letter_at=datetime_or_none(r["letter_at"]),
                circulated_at=datetime_or_none(r["circulated_at"]),
            )
            for r in rows
        ]

    def closure_days(self) -> list[ClosureDay]:
        return [
            from_row(ClosureDay, r) for r in self._rows("SELECT * FROM closure_days ORDER BY day")
        ]
