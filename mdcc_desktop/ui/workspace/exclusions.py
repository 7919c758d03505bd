"""Who steps out of the room for part of the meeting (usually a parent or carer), why, and when
they come back; and the warning when a restricted item is current while the family is in.

``StepOutBox`` sits in the selected attendee's details: the reason, a Step out / Back in button
(Ctrl+Shift+O from anywhere in the workspace) and a table of the times they were out, whose
cells are corrected in place (Del removes a line; every edit is undoable). ``room_warning``
gives the inline warning the agenda shows while a restricted item is current.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.models import Attendee, ConferenceRecord, Exclusion
from mdcc_desktop.domain.readback import FAMILY_ROLES, in_room
from mdcc_desktop.ui.widgets.columns import stretch_column
from mdcc_desktop.ui.widgets.common import line_edit
from mdcc_desktop.ui.widgets.forms import buddy_label, button
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.editing import delete_action
from mdcc_desktop.ui.workspace.room_ops import open_exclusion

STEP_OUT_SHORTCUT = "Ctrl+Shift+O"


def room_warning(record: ConferenceRecord, at: dt.datetime) -> str:
    """The warning to show while a restricted item is current and a parent or carer is in the
    room ("" when there is nothing to warn of)."""
    current = record.conference.current_agenda_item_id
    item = next((i for i in record.agenda if i.id == current), None)
    if item is None or not item.restricted or record.conference.ended_at is not None:
        return ""
    family = [a.name for a in record.attendees if FAMILY_ROLES & set(a.roles) and in_room(a, at)]
    if not family:
        return ""
    return QCoreApplication.translate(
        "Workspace",
        "⚠ Restricted item, and %1 in the room: ask them to step out "
        "(select them, Ctrl+Shift+O) before it is discussed.",
    ).replace("%1", ", ".join(family))


class StepOutBox(QGroupBox):
    """The times the selected attendee stepped out of the room, and stepping out or back in."""

    COL_OUT, COL_BACK, COL_REASON = range(3)

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Steps out of the room"))
        self.controller = controller
        self.attendee: Attendee | None = None
        self._loading = False
        self.reason = line_edit(
            self,
            self.tr("Why they step out"),
            self.tr("Why they step out (e.g. while a restricted report is discussed)"),
        )
        self.toggle_button = button(
            self.tr("Step out"), self.tr("Step out or come back in"), self.toggle, self
        )
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(self.tr("Times out of the room"))
        self.table.setHorizontalHeaderLabels([self.tr("Out"), self.tr("Back"), self.tr("Why")])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        stretch_column(self.table, header, self.COL_REASON)
        self.table.setMaximumHeight(110)
        self.remove_action = delete_action(
            self.table, self.tr("Remove this time out"), self.remove_selected, "remove_exclusion"
        )
        self.step_out_action = QAction(self.tr("Step &out / back in"), self)
        self.step_out_action.setObjectName("step_out")
        self.step_out_action.setShortcut(QKeySequence(STEP_OUT_SHORTCUT))
        self.step_out_action.triggered.connect(self.toggle)

        row = QHBoxLayout()
        row.addWidget(buddy_label(self.tr("Because:"), self.reason, self))
        row.addWidget(self.reason, 1)
        row.addWidget(self.toggle_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.reason.returnPressed.connect(self.toggle)
        self.table.itemChanged.connect(self._cell_edited)

    def show_attendee(self, attendee: Attendee | None) -> None:
        self.attendee = attendee
        self._loading = True
        try:
            exclusions = attendee.exclusions if attendee else []
            self.table.setRowCount(len(exclusions))
            for row, x in enumerate(exclusions):
                self._set_row(row, x)
            out = attendee is not None and open_exclusion(attendee) is not None
            self.toggle_button.setText(self.tr("Back in") if out else self.tr("Step out"))
            self.reason.setEnabled(not out)
        finally:
            self._loading = False

    def _set_row(self, row: int, x: Exclusion) -> None:
        back = f"{x.returned_at.astimezone():%H:%M}" if x.returned_at else self.tr("(still out)")
        for column, text in (
            (self.COL_OUT, f"{x.left_at.astimezone():%H:%M}"),
            (self.COL_BACK, back),
            (self.COL_REASON, x.reason),
        ):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def toggle(self) -> None:
        """Step out (with the reason typed) or, when they are out, come back in now."""
        attendee = self.attendee
        if attendee is None:
            self.controller.show_message(self.tr("Select the attendee who steps out first."), True)
            return
        if open_exclusion(attendee) is not None:
            ops.back_in(self.controller, attendee)
            return
        reason = self.reason.text().strip()
        if not reason:
            self.controller.show_message(
                self.tr("Type why %1 steps out, then press Enter.").replace("%1", attendee.name)
            )
            self._show_me()
            self.reason.setFocus()
            return
        if ops.step_out(self.controller, attendee, reason):
            self.reason.setText("")

    def _show_me(self) -> None:
        """Bring the tab this box is on to the front (the shortcut works from any tab)."""
        widget: QWidget | None = self
        while widget is not None:
            parent = widget.parentWidget()
            if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
                tabs = parent.parentWidget()
                assert isinstance(tabs, QTabWidget)
                tabs.setCurrentWidget(widget)
                return
            widget = parent

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if self.attendee is not None and 0 <= row < len(self.attendee.exclusions):
            ops.remove_exclusion(self.controller, self.attendee, row)

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        attendee = self.attendee
        if self._loading or attendee is None or item.row() >= len(attendee.exclusions):
            return
        x = attendee.exclusions[item.row()]
        text = item.text().strip()
        if item.column() == self.COL_REASON:
            done = ops.set_exclusion(self.controller, attendee, item.row(), {"reason": text})
        else:
            field = "left_at" if item.column() == self.COL_OUT else "returned_at"
            base = x.left_at if field == "left_at" else (x.returned_at or x.left_at)
            try:
                value = _time_on(base, text, allow_empty=field == "returned_at")
            except ValueError:
                self.controller.show_message(
                    self.tr("%1 is not a time: type 10:05.").replace("%1", text), True
                )
                value = getattr(x, field)
            done = ops.set_exclusion(self.controller, attendee, item.row(), {field: value})
        if not done:  # refused or unchanged: show what is stored again
            self.show_attendee(self.controller.record.attendee(attendee.id))


def _time_on(base: dt.datetime, text: str, allow_empty: bool) -> dt.datetime | None:
    """``10:05`` on the local day of ``base``; empty is None where ``allow_empty``."""
    text = " ".join(text.split())
    if not text or text == QCoreApplication.translate("StepOutBox", "(still out)"):
        if allow_empty:
            return None
        raise ValueError(text)
    clock = dt.datetime.strptime(text, "%H:%M").time()
    return dt.datetime.combine(base.astimezone().date(), clock).astimezone()
