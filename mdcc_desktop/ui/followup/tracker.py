"""Between conferences: the action tracker, every action of every conference, updated in place."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any, ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.models import ActionStatus
from mdcc_desktop.domain.tracker import ActionFilter, ActionRow
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets import dates, theme
from mdcc_desktop.ui.widgets.columns import wrap_rows
from mdcc_desktop.ui.widgets.common import (
    Index,
    RecordTableModel,
    filter_text,
    guard_filter_box,
    line_edit,
    size_columns_from_first_rows,
)
from mdcc_desktop.ui.widgets.forms import buddy_label

PAGE = 200


class ActionTrackerModel(RecordTableModel[ActionRow]):
    """Every action across all conferences; filtered and sorted in SQL, fetched a page at a time,
    so 100,000 actions open as fast as 100."""

    COL_DUE, COL_DESCRIPTION, COL_OWNER, COL_AGENCY, COL_CASE, COL_STATUS, COL_PRIORITY = range(7)
    HEADERS = labels.TRACKER_HEADERS
    SORT_KEYS = ("due", "description", "owner", "agency", "case", "status", "priority")

    def __init__(self, services: Services, parent: Any = None) -> None:
        super().__init__(parent)
        self.services = services
        self.filter = ActionFilter()
        self.sort_key = "due"
        self.descending = False
        self._total = 0
        self._loaded = False  # nothing read yet: sorting only sets the order of the first read

    # loading ---------------------------------------------------------------------------------

    def set_filter(self, f: ActionFilter) -> None:
        self.filter = f
        self.reload()

    def reload(self) -> None:
        # Read first, reset after: a read that fails leaves the model as it was, never halfway
        # through a reset (which broke the view for good).
        total = self.services.tracker.count(self.filter)
        rows = self.services.tracker.actions(
            self.filter, self.sort_key, self.descending, limit=PAGE
        )
        self.beginResetModel()
        self._total = total
        self._rows = rows
        self._loaded = True
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self.services.tracker.actions(
            self.filter, self.sort_key, self.descending, limit=PAGE, offset=len(self._rows)
        )
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.SORT_KEYS):
            self.sort_key = self.SORT_KEYS[column]
            self.descending = order == Qt.SortOrder.DescendingOrder
            if self._loaded:
                self.reload()

    def row_record(self, row: int) -> ActionRow:
        return self.record(row)

    # model -----------------------------------------------------------------------------------

    def cell(self, row: ActionRow, column: int, role: int) -> Any:
        overdue = row.overdue(self.filter.as_of)
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                dates.format_date(row.due),
                row.description,
                row.owner,
                row.agency,
                row.case_reference,
                labels.action_status(row.status)
                + (QCoreApplication.translate("Tracker", " (overdue)") if overdue else ""),
                labels.priority(row.priority) if row.priority else "",
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QBrush(theme.colour(theme.Tone.ERROR))
        if (
            role == Qt.ItemDataRole.FontRole
            and overdue
            and column in (self.COL_DUE, self.COL_STATUS)
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_DESCRIPTION:
            return row.description
        return None


VIEWS: tuple[tuple[str, dict[str, Any]], ...] = (
    (labels.TRACKER_VIEWS[0], {"open_only": True}),
    (labels.TRACKER_VIEWS[1], {"overdue": True}),
    (labels.TRACKER_VIEWS[2], {"due_within": 7}),
    (labels.TRACKER_VIEWS[3], {"due_within": 14}),
    (labels.TRACKER_VIEWS[4], {"due_within": 30}),
    (labels.TRACKER_VIEWS[5], {"statuses": (ActionStatus.DONE,)}),
    (labels.TRACKER_VIEWS[6], {}),
)


class TrackerPage(QWidget):
    """The action tracker: filters on top, the table, the selected action's history and update.

    Built empty and filled when first shown (the home window calls ``refresh`` on a ``stale``
    page), or as soon as a filter is set."""

    open_conference = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.model = ActionTrackerModel(services, self)
        self.view_combo = QComboBox(self)
        self.view_combo.setAccessibleName(self.tr("Which actions"))
        for label, _ in VIEWS:
            self.view_combo.addItem(labels.text(label))
        self.owner = line_edit(self, self.tr("Owner"), self.tr("Owner"))
        self.agency = line_edit(self, self.tr("Agency"), self.tr("Agency"))
        self.case = line_edit(self, self.tr("Case reference"), self.tr("Case"))
        self.count_label = QLabel(self)
        self.conference_id: int | None = None
        self.conference_button = QPushButton(self)
        self.conference_button.setAccessibleName(self.tr("Show every conference again"))
        self.conference_button.clicked.connect(lambda: self.show_conference(None))
        self.conference_button.hide()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Actions across all conferences"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        size_columns_from_first_rows(self.table, ActionTrackerModel.COL_DESCRIPTION)
        self.table.doubleClicked.connect(self._open)
        self.details = ActionUpdatePanel(services, self)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self.details.show_action(
                self.model.row_record(current.row()) if current.isValid() else None
            )
        )

        filters = QHBoxLayout()
        show_label = QLabel(self.tr("&Show:"), self)
        show_label.setBuddy(self.view_combo)
        filters.addWidget(show_label)
        filters.addWidget(self.view_combo)
        for text, edit in (
            (self.tr("Owner:"), self.owner),
            (self.tr("Agency:"), self.agency),
            (self.tr("Case:"), self.case),
        ):
            filters.addWidget(buddy_label(text, edit, self))
            filters.addWidget(edit)
        filters.addWidget(self.conference_button)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        self.export_button = QPushButton(self.tr("E&xport…"), self)
        self.export_button.setAccessibleName(self.tr("Export these actions"))
        self.export_button.clicked.connect(self.export)
        filters.addWidget(self.export_button)
        # Set by the home window: how to ask for a file name (tests answer without a dialog).
        self.ask_save: Any = None
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.apply_filter)
        self.view_combo.currentIndexChanged.connect(lambda *_: self.apply_filter())
        for edit in (self.owner, self.agency, self.case):
            guard_filter_box(edit)
            edit.textChanged.connect(self._timer.start)
        self.stale = True  # not filled yet, or out of date: the home window refreshes it

    def current_filter(self) -> ActionFilter:
        options = dict(VIEWS[max(0, self.view_combo.currentIndex())][1])
        return replace(
            ActionFilter(as_of=dt.date.today()),
            owner=filter_text(self.owner),
            agency=filter_text(self.agency),
            case=filter_text(self.case),
            conference_id=self.conference_id,
            **options,
        )

    def apply_filter(self) -> None:
        self._timer.stop()
        self.stale = False
        selected = self.details.action.id if self.details.action else None
        try:
            self.model.set_filter(self.current_filter())
        except MdccError as exc:
            self.count_label.setText(message_text(exc))
            return
        self.count_label.setText(
            self.tr("%n action(s)", "", self.model.total).replace("%n", str(self.model.total))
        )
        self._reselect(selected)

    def refresh(self) -> None:
        self.apply_filter()

    def _reselect(self, action_id: int | None) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_record(row).id == action_id:
                self.table.setCurrentIndex(self.model.index(row, 0))
                return
        self.details.show_action(None)

    EXPORT_FILTERS: ClassVar[dict[str, str]] = labels.EXPORT_FILTERS

    def export(self) -> None:
        """The actions shown (same filter and order) as CSV, Excel or a calendar."""
        if self.ask_save is None:
            return
        filters = ";;".join(labels.text(f) for f in self.EXPORT_FILTERS.values())
        target = self.ask_save(self.tr("Export actions"), "actions.xlsx", filters)
        if target is None:
            return
        fmt = target.suffix.lower().lstrip(".")
        if fmt not in self.EXPORT_FILTERS:
            self.count_label.setText(self.tr("Give the file a .csv, .xlsx or .ics name."))
            return
        try:
            self.services.tracker.export_file(
                self.model.filter, fmt, target, self.model.sort_key, self.model.descending
            )
        except MdccError as exc:
            self.count_label.setText(message_text(exc))
            return
        self.count_label.setText(self.tr("Exported to %1").replace("%1", str(target)))

    def show_conference(self, conference_id: int | None, label: str = "") -> None:
        """Only one conference's actions (None: all of them again)."""
        self.conference_id = conference_id
        self.conference_button.setText(self.tr("Only %1 ✕").replace("%1", label))
        self.conference_button.setVisible(conference_id is not None)
        self.apply_filter()

    def show_view(self, label: str) -> None:
        index = [v[0] for v in VIEWS].index(label)
        self.view_combo.setCurrentIndex(index)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_conference.emit(self.model.row_record(index.row()).conference_id)


class ActionUpdatePanel(QGroupBox):
    """Update the selected action: a dated status note, a new due date (with the reason), a new
    owner, or done with its completion date. The history is shown above."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("Tracker", "Selected action"), parent)
        self.services = services
        self.action: ActionRow | None = None
        self.history = QListWidget(self)
        wrap_rows(self.history)
        self.history.setAccessibleName(self.tr("History of the action"))
        self.history.setMaximumHeight(90)
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("New status"))
        for status in labels.ACTION_STATUSES:
            self.status.addItem(labels.action_status(status), status.value)
        self.note = line_edit(
            self, self.tr("Dated note"), self.tr("What happened (Enter records it with the status)")
        )
        self.note.returnPressed.connect(self.record_status)
        self.record_button = QPushButton(self.tr("&Record"), self)
        self.record_button.setAccessibleName(self.tr("Record the status and note"))
        self.record_button.clicked.connect(self.record_status)
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setAccessibleName(self.tr("New due date"))
        self.due_reason = line_edit(
            self, self.tr("Why the due date moves"), self.tr("Why the due date moves")
        )
        self.move_button = QPushButton(self.tr("&Move due date"), self)
        self.move_button.setAccessibleName(self.tr("Move the due date"))
        self.move_button.clicked.connect(self.move_due)
        self.owner = QComboBox(self)
        self.owner.setAccessibleName(self.tr("New owner"))
        self.reassign_button = QPushButton(self.tr("Re&assign"), self)
        self.reassign_button.setAccessibleName(self.tr("Reassign the action"))
        self.reassign_button.clicked.connect(self.reassign)
        self.done_date = QDateEdit(self)
        self.done_date.setCalendarPopup(True)
        self.done_date.setDisplayFormat("yyyy-MM-dd")
        self.done_date.setAccessibleName(self.tr("Completion date"))
        self.done_button = QPushButton(self.tr("Mark &done"), self)
        self.done_button.setAccessibleName(self.tr("Mark the action done"))
        self.done_button.clicked.connect(self.mark_done)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Messages"))

        form = QFormLayout(self)
        form.addRow(self.tr("History:"), self.history)
        # Each field with its own label (its buddy): the one a screen reader says for it.
        row = QHBoxLayout()
        row.addWidget(self.status)
        row.addWidget(buddy_label(self.tr("Note:"), self.note, self))
        row.addWidget(self.note, 1)
        row.addWidget(self.record_button)
        form.addRow(buddy_label(self.tr("Status:"), self.status, self), row)
        row = QHBoxLayout()
        row.addWidget(self.due)
        row.addWidget(buddy_label(self.tr("Why:"), self.due_reason, self))
        row.addWidget(self.due_reason, 1)
        row.addWidget(self.move_button)
        form.addRow(buddy_label(self.tr("Due:"), self.due, self), row)
        row = QHBoxLayout()
        row.addWidget(self.owner, 1)
        row.addWidget(self.reassign_button)
        row.addWidget(buddy_label(self.tr("Done on:"), self.done_date, self))
        row.addWidget(self.done_date)
        row.addWidget(self.done_button)
        form.addRow(buddy_label(self.tr("Owner:"), self.owner, self), row)
        form.addRow("", self.message)
        self.show_action(None)

    def show_action(self, action: ActionRow | None) -> None:
        self.action = action
        for widget in (
            self.status,
            self.note,
            self.record_button,
            self.due,
            self.due_reason,
            self.move_button,
            self.owner,
            self.reassign_button,
            self.done_date,
            self.done_button,
        ):
            widget.setEnabled(action is not None)
        self.history.clear()
        self.owner.clear()
        if action is None:
            return
        self.status.setCurrentIndex(self.status.findData(action.status.value))
        due = action.due or dt.date.today()
        self.due.setDate(QDate(due.year, due.month, due.day))
        self.done_date.setDate(QDate.currentDate())
        try:
            updates = self.services.tracker.history(action.id)
            record = self.services.conferences.record(action.conference_id)
        except MdccError as exc:
            self.message.setText(message_text(exc))
            return
        for u in updates:
            state = f" [{labels.action_status(u.status)}]" if u.status else ""
            self.history.addItem(f"{dates.format_datetime(u.at)}{state} {u.note}")
        for a in record.attendees:
            self.owner.addItem(a.name + (f" ({a.agency})" if a.agency else ""), a.id)
        current = next((a.id for a in record.attendees if a.name == action.owner), None)
        self.owner.setCurrentIndex(max(0, self.owner.findData(current)))

    def _run(self, call: Any, done: str) -> None:
        try:
            call()
        except MdccError as exc:
            self.message.setStyleSheet(theme.style(theme.Tone.ERROR))
            self.message.setText(message_text(exc))
            return
        self.message.setStyleSheet("")
        self.message.setText(done)
        self.note.clear()
        self.due_reason.clear()

    def record_status(self) -> None:
        if self.action is None:
            return
        action_id, status = self.action.id, ActionStatus(self.status.currentData())
        note = self.note.text()
        self._run(
            lambda: self.services.tracker.set_status(action_id, status, note), self.tr("Recorded.")
        )

    def move_due(self) -> None:
        if self.action is None:
            return
        d = self.due.date()
        due = dt.date(d.year(), d.month(), d.day())
        action_id, reason = self.action.id, self.due_reason.text()
        self._run(
            lambda: self.services.tracker.move_due(action_id, due, reason),
            self.tr("Due date moved."),
        )

    def reassign(self) -> None:
        if self.action is None or self.owner.currentData() is None:
            return
        action_id, owner = self.action.id, int(self.owner.currentData())
        note = self.note.text()
        self._run(
            lambda: self.services.tracker.reassign(action_id, owner, note), self.tr("Reassigned.")
        )

    def mark_done(self) -> None:
        if self.action is None:
            return
        d = self.done_date.date()
        when = dt.date(d.year(), d.month(), d.day())
        action_id, note = self.action.id, self.note.text()
        self._run(lambda: self.services.tracker.mark_done(action_id, when, note), self.tr("Done."))
