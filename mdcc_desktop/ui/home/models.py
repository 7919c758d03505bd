"""Qt item models over the services (model/view from day one, as vorta learnt the hard way)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from mdcc_desktop.domain.models import ConferenceSummary
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.widgets import dates, theme
from mdcc_desktop.ui.widgets.common import RecordTableModel

Index = QModelIndex | QPersistentModelIndex


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

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.deadlines: dict[int, Any] = {}  # conference id -> domain.deadlines.Deadline
        self.deadline_names: dict[tuple[str, str], str] = {}  # labels.deadline_names
        self.today = dt.date.today()

    def set_rows(
        self, rows: list[ConferenceSummary], deadlines: dict[int, Any] | None = None
    ) -> None:
        self.deadlines = deadlines or {}
        self.today = dt.date.today()
        super().set_rows(rows)

    def summary(self, row: int) -> ConferenceSummary:
        return self._rows[row]

    def cell(self, row: ConferenceSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
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
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_DEADLINE:
            deadline = self.deadlines.get(row.id)
            if deadline is not None and deadline.overdue(self.today):
                return QBrush(theme.colour(theme.Tone.ERROR))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_DEADLINE:
            deadline = self.deadlines.get(row.id)
            if deadline is not None and deadline.due is None:
                return deadline.unknown_reason
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_CASE and row.title:
            return row.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_OPEN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
