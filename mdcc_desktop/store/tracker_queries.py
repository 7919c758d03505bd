"""The action tracker's queries: every conference's actions filtered, sorted and counted in
SQL, a page at a time, with only the joins a filter and a sort need (from indexes alone where
they can), as ``store.Store`` methods (``TrackerQueries`` is one of its parts)."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from mdcc_desktop.domain.models import (
    ActionStatus,
    Priority,
)
from mdcc_desktop.domain.tracker import ActionFilter, ActionRow
from mdcc_desktop.store.part import StorePart
from mdcc_desktop.store.rows import escape_like


class TrackerQueries(StorePart):
    """The tracker's part of the Store."""

    # --- the action tracker --------------------------------------------------------------------

    _TRACKER_CASE = """
        JOIN conferences c ON c.id = x.conference_id
        JOIN cases cs ON cs.id = c.case_id
    """
    _TRACKER_OWNER = """
        LEFT JOIN attendees o ON o.id = x.owner_id
    """
    # Each sort is a tuple of ORDER BY terms: the direction goes on every term.
    _TRACKER_SORT: ClassVar[dict[str, tuple[str, ...]]] = {
        "due": ("x.due IS NULL", "x.due"),
        "status": ("x.status",),
        "owner": ("o.name COLLATE NOCASE",),
        "agency": ("coalesce(x.owner_agency, o.agency) COLLATE NOCASE",),
        "case": ("cs.reference",),
        "conference": ("c.scheduled_start",),
        "description": ("x.description COLLATE NOCASE",),
        "priority": ("CASE x.priority WHEN 'high' THEN 0 ELSE 1 END",),
    }

    def _tracker_joins(
        self, f: ActionFilter, sort: str | None = None, owner_by_id: bool = False
    ) -> str:
        """FROM with only the joins the filter and sort need (the inner joins never drop a row:
        an action always has a conference, a conference a case)."""
        sql = " FROM actions x"
        if f.case or sort in ("case", "conference"):
            sql += self._TRACKER_CASE
        if (f.owner and not owner_by_id) or f.agency or sort in ("owner", "agency"):
            sql += self._TRACKER_OWNER
        return sql

    def _tracker_where(self, f: ActionFilter, owner_by_id: bool = False) -> tuple[str, list[Any]]:
        """The filter as SQL; ``owner_by_id`` matches the owner's name through the attendees
        (same rows, no join needed: faster to count all, slower to read one page in order)."""
        # An action carried into a review is counted once, as its copy (issue 10).
        clauses: list[str] = ["x.carried_to_action_id IS NULL"]
        params: list[Any] = []
        open_values = ("open", "in_progress")
        if f.statuses:
            clauses.append(f"x.status IN ({', '.join('?' for _ in f.statuses)})")
            params += [s.value for s in f.statuses]
        if f.open_only or f.overdue or f.due_within is not None:
            clauses.append("x.status IN (?, ?)")
            params += list(open_values)
        if f.overdue:
            clauses.append("x.due < ?")
            params.append(f.as_of.isoformat())
        if f.due_within is not None:
            clauses.append("x.due BETWEEN ? AND ?")
            params += [f.as_of.isoformat(), (f.as_of + dt.timedelta(days=f.due_within)).isoformat()]
        like = "LIKE ? ESCAPE '\\'"
        owner = (
            f"x.owner_id IN (SELECT a.id FROM attendees a WHERE a.name {like})"
            if owner_by_id
            else f"o.name {like}"
        )
        for value, clause in (
            (f.owner, owner),
            (f.agency, f"coalesce(x.owner_agency, o.agency, '') {like}"),
            (f.case, f"cs.reference {like}"),
            (f.text, f"x.description {like}"),
        ):
            if value:
                clauses.append(clause)
                params.append(f"%{escape_like(value)}%")
        if f.conference_id is not None:
            clauses.append("x.conference_id = ?")
            params.append(f.conference_id)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def tracked_actions(
        self,
        f: ActionFilter,
        sort: str = "due",
        descending: bool = False,
        limit: int = -1,
        offset: int = 0,
    ) -> list[ActionRow]:
        """Actions across all conferences, filtered and sorted in SQL.

        The page's ids are found first with only the joins the filter and sort need (from
        indexes alone where they can), then only that page's rows are joined and counted.
        """
        where, params = self._tracker_where(f)
        sort = sort if sort in self._TRACKER_SORT else "due"
        direction = " DESC" if descending else ""
        order_sql = ", ".join(part + direction for part in self._TRACKER_SORT[sort])
        page = (
            "SELECT x.id"
            + self._tracker_joins(f, sort)
            + where
            + f" ORDER BY {order_sql}, x.id LIMIT ? OFFSET ?"
        )
        rows = self._rows(
            "SELECT x.id, x.conference_id, cs.reference, c.scheduled_start, x.description, "
            "coalesce(o.name, '') AS owner, coalesce(x.owner_agency, o.agency, '') AS agency, "
            "x.due, x.status, x.priority, x.completed_at, "
            "(SELECT count(*) FROM action_updates u WHERE u.action_id = x.id) AS updates"
            + f" FROM ({page}) p JOIN actions x ON x.id = p.id"
            + self._TRACKER_CASE
            + self._TRACKER_OWNER
            + f" ORDER BY {order_sql}, x.id",
            [*params, limit, offset],
        )
        return [
            ActionRow(
                id=r["id"],
                conference_id=r["conference_id"],
                case_reference=r["reference"],
                conference_date=dt.datetime.fromisoformat(r["scheduled_start"]).date(),
                description=r["description"],
                owner=r["owner"],
                agency=r["agency"],
                due=dt.date.fromisoformat(r["due"]) if r["due"] else None,
                status=ActionStatus(r["status"]),
                priority=Priority(r["priority"]) if r["priority"] else None,
                completed_at=dt.datetime.fromisoformat(r["completed_at"])
                if r["completed_at"]
                else None,
                updates=r["updates"],
            )
            for r in rows
        ]

    def count_tracked_actions(self, f: ActionFilter, at_most: int | None = None) -> int:
        """How many actions ``f`` keeps; with ``at_most``, counting stops there (a badge that
        says "999+" reads a thousand rows, not all 60,000 of a large file)."""
        where, params = self._tracker_where(f, owner_by_id=True)
        joins = self._tracker_joins(f, owner_by_id=True)
        if at_most is None:
            rows = self._rows("SELECT count(*) AS n" + joins + where, params)
        else:
            sql = f"SELECT count(*) AS n FROM (SELECT 1{joins}{where} LIMIT ?)"
            rows = self._rows(sql, [*params, at_most])
        return int(rows[0]["n"])
