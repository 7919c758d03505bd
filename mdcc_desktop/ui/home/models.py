"""Qt item models over the services (model/view from day one, as vorta learnt the hard way)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.models import ConferenceSummary
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.widgets import dates, theme
from mdcc_desktop.ui.widgets.common import RecordTableModel

Index = QModelIndex | QPersistentModelIndex
log = logging.getLogger(__name__)

# Conferences read at a time: a screenful, the rest as the list scrolls (a taller screen asks
# for the next page at once).
PAGE_SIZE = 50
# (offset, limit) -> that page of the list, in the list's order.
FetchPage = Callable[[int, int], list[ConferenceSummary]]
# conference ids -> the next deadline of each that has one (services.deadlines.next_deadlines_of)
DeadlinesOf = Callable[[list[int]], dict[int, Any]]
# The roles the list answers, as numbers: compared for every cell painted (an enum's lookup is
# slower than the comparison).
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ConferenceListModel(RecordTableModel[ConferenceSummary]):
    """One row per conference, newest first; the filter runs in SQL (services), not here."""

    (
        COL_DATE,
        COL_CASE,
        COL_CHILDREN,
        COL_TYPE,
        COL_JURISDICTION,
        COL_STATUS,
        COL_OPEN,
        COL_DEADLINE,
    ) = range(8)
    HEADERS = labels.CONFERENCE_LIST_HEADERS
    ConferenceIdRole = RecordTableModel.IdRole
    ROLES = frozenset({DISPLAY, FOREGROUND, TOOLTIP, ALIGNMENT})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.deadlines: dict[int, Any] = {}  # conference id -> domain.deadlines.Deadline
        self.deadline_names: dict[tuple[str, str], str] = {}  # labels.deadline_names
        self.today = dt.date.today()
        self.total = 0  # conferences in the list, fetched or not
        self._fetch: FetchPage | None = None
        self._deadlines_of: DeadlinesOf | None = None

    def set_rows(
        self,
        rows: list[ConferenceSummary],
        deadlines: dict[int, Any] | None = None,
        *,
        total: int | None = None,
        fetch: FetchPage | None = None,
        deadlines_of: DeadlinesOf | None = None,
    ) -> None:
        """The list's first rows; with ``fetch``, the ``total`` rows of the list are there to
        fetch a page at a time as the view scrolls (Qt's canFetchMore/fetchMore). With
        ``deadlines_of``, the next deadlines are asked for a page at a time too, for the rows
        of each page as it comes (not for every conference of the store at once)."""
        self.today = dt.date.today()
        self._fetch = fetch
        self._deadlines_of = deadlines_of
        self.deadlines = dict(deadlines or {})
        self.deadlines.update(self._page_deadlines(rows))
        self.total = len(rows) if total is None or fetch is None else max(total, len(rows))
        super().set_rows(rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetch is not None and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        first = len(self._rows)
        try:
            rows = self._fetch(first, PAGE_SIZE)
        except MdccError as exc:  # the list stops here; what it has stays shown
            log.warning("the conference list could not read more rows: %s", type(exc).__name__)
            rows = []
        if not rows:
            self.total = first
            return
        self.deadlines.update(self._page_deadlines(rows))
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def _page_deadlines(self, rows: list[ConferenceSummary]) -> dict[int, Any]:
        if self._deadlines_of is None or not rows:
            return {}
        try:
            return self._deadlines_of([r.id for r in rows])
        except MdccError as exc:  # the column stays empty for these rows
            log.warning("the conference list could not read deadlines: %s", type(exc).__name__)
            return {}

    def fetch_row_of(self, conference_id: int | None) -> int:
        """The row of ``conference_id``, fetching pages until it is there; -1 if not listed."""
        row = self.row_of(conference_id)
        while row < 0 and conference_id is not None and self.canFetchMore():
            before = len(self._rows)
            self.fetchMore()
            row = next(
                (i for i in range(before, len(self._rows)) if self._rows[i].id == conference_id),
                -1,
            )
        return row

    def summary(self, row: int) -> ConferenceSummary:
        return self._rows[row]

    def cell(self, row: ConferenceSummary, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == self.COL_DATE:
                # The meeting's own wall-clock time, in the offset it was scheduled in.
                return dates.format_datetime(row.scheduled_start)
            if column == self.COL_CASE:
                return row.case_reference
            if column == self.COL_CHILDREN:
                return row.children
            if column == self.COL_TYPE:
                return labels.conference_type(row.type)
            if column == self.COL_JURISDICTION:
                return row.jurisdiction
            if column == self.COL_STATUS:
                return labels.conference_status(row.status)
            if column == self.COL_OPEN:
                return row.open_actions
            if column == self.COL_DEADLINE and row.id in self.deadlines:
                deadline = self.deadlines[row.id]
                name = self.deadline_names.get((deadline.key, deadline.label), deadline.label)
                if deadline.due is None:  # cannot be computed: the tooltip says why
                    unknown = QCoreApplication.translate("ConferenceListModel", "unknown")
                    return f"{name}: {unknown}"
                return f"{name}: {dates.format_date(deadline.due)}"
        if role == FOREGROUND and column == self.COL_DEADLINE:
            deadline = self.deadlines.get(row.id)
            if deadline is not None and deadline.overdue(self.today):
                return QBrush(theme.colour(theme.Tone.ERROR))
        if role == TOOLTIP and column == self.COL_DEADLINE:
            deadline = self.deadlines.get(row.id)
            if deadline is not None and deadline.due is None:
                return deadline.unknown_reason
        if role == TOOLTIP and column == self.COL_CASE and row.title:
            return row.title
        if role == ALIGNMENT and column == self.COL_OPEN:
            return RIGHT
        return None
