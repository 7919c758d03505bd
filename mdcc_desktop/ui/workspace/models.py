"""Table models of the live workspace: attendees, agenda items and actions of one conference."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QMimeData,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from mdcc_desktop.domain.models import (
    Action,
    AgendaItem,
    Attendance,
    Attendee,
    Decision,
    DecisionMethod,
)
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.widgets import dates, theme
from mdcc_desktop.ui.widgets.common import Index, RecordTableModel


def hhmm(value: dt.datetime | None) -> str:
    return dates.format_time(value)


class AttendeeModel(RecordTableModel[Attendee]):
    COL_NAME, COL_AGENCY, COL_ROLES, COL_ATTENDANCE, COL_ARRIVED, COL_LEFT = range(6)
    HEADERS = labels.ATTENDEE_HEADERS

    def cell(self, a: Attendee, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_NAME:
                return a.name + (f" ({a.alt_name})" if a.alt_name else "")
            if column == self.COL_AGENCY:
                return a.agency or ""
            if column == self.COL_ROLES:
                return ", ".join(labels.role(r) for r in a.roles)
            if column == self.COL_ATTENDANCE:
                return labels.attendance(a.attendance)
            if column == self.COL_ARRIVED:
                return hhmm(a.arrived_at)
            if column == self.COL_LEFT:
                return hhmm(a.left_at)
        if role == Qt.ItemDataRole.FontRole and a.attendance == Attendance.PRESENT and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None


class AgendaModel(RecordTableModel[AgendaItem]):
    COL_TITLE, COL_PLANNED = range(2)
    HEADERS = labels.AGENDA_HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.current_id: int | None = None
        # Set by the workspace: (item id, field, value) -> whether the change was accepted.
        self.on_edit: Any = None
        # Set by the workspace: (item id, new row) -> whether the move was made.
        self.on_move: Any = None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        if self.on_edit is not None:
            base |= Qt.ItemFlag.ItemIsEditable
        return base | Qt.ItemFlag.ItemIsDragEnabled

    # Drag and drop: the move goes through the services (and undo); the model is then reloaded,
    # so a drop never lets the view remove rows itself.
    MIME = "application/x-mdcc-agenda-item"

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(self.MIME, QByteArray(str(self._rows[rows[0]].id).encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(self.MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent) or self.on_move is None:
            return False
        item_id = int(bytes(data.data(self.MIME).data()).decode())
        target = parent.row() if parent.isValid() else (row if row >= 0 else len(self._rows))
        source = self.row_of(item_id)
        if source < 0:
            return False
        if target > source:
            target -= 1  # the row leaves its place before it lands
        if target != source:
            self.on_move(item_id, target)
        return False

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.on_edit is None:
            return False
        item = self._rows[index.row()]
        if index.column() == self.COL_TITLE:
            return bool(self.on_edit(item.id, "title", str(value)))
        if index.column() == self.COL_PLANNED:
            try:
                minutes = int(value) if str(value).strip() else None
            except ValueError:
                return False
            return bool(self.on_edit(item.id, "planned_minutes", minutes))
        return False

    def set_current(self, item_id: int | None) -> None:
        self.current_id = item_id
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 1))

    def cell(self, item: AgendaItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            if column == self.COL_TITLE:
                return item.title
            if column == self.COL_PLANNED:
                return "" if item.planned_minutes is None else str(item.planned_minutes)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_TITLE:
                marker = "▶ " if item.id == self.current_id else ""
                restricted = (
                    QCoreApplication.translate("Workspace", " [RESTRICTED]")
                    if item.restricted
                    else ""
                )
                return f"{marker}{item.title}{restricted}"
            if column == self.COL_PLANNED:
                return "" if item.planned_minutes is None else item.planned_minutes
        if role == Qt.ItemDataRole.ForegroundRole and item.restricted and column == 0:
            return QBrush(theme.colour(theme.Tone.ERROR))
        if role == Qt.ItemDataRole.FontRole and item.id == self.current_id:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and item.restricted:
            return QCoreApplication.translate(
                "Workspace", "Restricted: left out of the parents' copy"
            )
        return None


class ActionModel(RecordTableModel[Action]):
    COL_DESCRIPTION, COL_OWNER, COL_DUE, COL_STATUS, COL_PRIORITY = range(5)
    HEADERS = labels.ACTION_HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.owner_names: dict[int, str] = {}
        self.today = dt.date.today()

    def cell(self, x: Action, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_DESCRIPTION:
                return x.description
            # What is missing is said in words, not only left blank or coloured.
            if column == self.COL_OWNER:
                if x.owner_id is None:
                    if not x.status.is_open:
                        return ""
                    return QCoreApplication.translate("Workspace", "⚠ no owner")
                return self.owner_names.get(x.owner_id, "")
            if column == self.COL_DUE:
                if x.due is None:
                    return (
                        QCoreApplication.translate("Workspace", "⚠ no date")
                        if x.status.is_open
                        else ""
                    )
                return dates.format_date(x.due)
            if column == self.COL_STATUS:
                return labels.action_status(x.status)
            if column == self.COL_PRIORITY:
                return labels.priority(x.priority) if x.priority else ""
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.COL_DUE
            and x.due is not None
            and x.due < self.today
            and x.status.is_open
        ):
            return QBrush(theme.colour(theme.Tone.ERROR))
        return None


class DecisionModel(RecordTableModel[Decision]):
    COL_KIND, COL_VALUE, COL_TEXT, COL_METHOD, COL_DISSENT = range(5)
    HEADERS = labels.DECISION_HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.attendee_names: dict[int, str] = {}
        self.value_labels: dict[tuple[str, str], str] = {}
        self.kind_labels: dict[str, str] = {}  # the profile's decision kinds
        # Set by the panel: (decision, field, value) -> whether the change was accepted.
        self.on_edit: Any = None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        editable = (self.COL_TEXT, self.COL_METHOD)
        if index.isValid() and self.on_edit is not None and index.column() in editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.on_edit is None:
            return False
        decision = self._rows[index.row()]
        if index.column() == self.COL_TEXT:
            return bool(self.on_edit(decision, "text", str(value).strip()))
        if index.column() == self.COL_METHOD:
            return bool(self.on_edit(decision, "method", DecisionMethod(value) if value else None))
        return False

    def cell(self, d: Decision, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            if column == self.COL_TEXT:
                return d.text
            if column == self.COL_METHOD:
                return d.method.value if d.method else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_KIND:
                return self.kind_labels.get(d.kind) or d.kind.replace("_", " ")
            if column == self.COL_VALUE:
                return self.value_labels.get((d.kind, d.value or ""), d.value or "")
            if column == self.COL_TEXT:
                return d.text + (
                    QCoreApplication.translate("Workspace", " [RESTRICTED]") if d.restricted else ""
                )
            if column == self.COL_METHOD:
                if d.method:
                    return labels.decision_method(d.method)
                return QCoreApplication.translate("Workspace", "⚠ no method")
            if column == self.COL_DISSENT:
                return len(d.dissent) or ""
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_DISSENT and d.dissent:
            return "\n".join(
                f"{self.attendee_names.get(x.attendee_id, '?')}: {x.view}" for x in d.dissent
            )
        if role == Qt.ItemDataRole.ForegroundRole and d.restricted and column == self.COL_TEXT:
            return QBrush(theme.colour(theme.Tone.ERROR))
        return None
