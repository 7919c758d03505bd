"""The selected attendee's details: attendance, roles, reports and the copy of the minutes they
receive."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from mdcc_desktop.domain.models import (
    Attendance,
    CopyKind,
    Discipline,
    Role,
)
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.widgets.columns import wrap_rows
from mdcc_desktop.ui.widgets.common import line_edit
from mdcc_desktop.ui.widgets.forms import buddy_label
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.editing import TimeField
from mdcc_desktop.ui.workspace.exclusions import StepOutBox


class AttendeeDetails(QGroupBox):
    """The selected attendee's discipline, roles, attendance, report and copy of the minutes."""

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Selected attendee"))
        self.controller = controller
        self.attendee_id: int | None = None
        self._loading = False
        self.attendance = QComboBox(self)
        self.attendance.setAccessibleName(self.tr("Attendance"))
        for value in labels.ATTENDANCE:
            self.attendance.addItem(labels.attendance(value), value.value)
        self.discipline = QComboBox(self)
        self.discipline.setAccessibleName(self.tr("Discipline"))
        self.discipline.addItem("", None)
        for d in Discipline:
            self.discipline.addItem(labels.discipline(d), d.value)
        self.name = line_edit(self, self.tr("Attendee's name"), self.tr("Name"))
        self.agency = line_edit(self, self.tr("Attendee's agency"), self.tr("Agency"))
        self.attendance_note = line_edit(
            self,
            self.tr("Why they sent apologies or were absent"),
            self.tr("Reason for apologies or absence"),
        )
        self.arrived = TimeField(
            self.tr("Arrived at"),
            self,
            default_day=self.controller.meeting_day,
            label=self.tr("Arri&ved:"),
        )
        self.left = TimeField(
            self.tr("Left at"),
            self,
            default_day=self.controller.meeting_day,
            label=self.tr("Left:"),
        )
        self.job_title = line_edit(self, self.tr("Job title"), self.tr("Job title"))
        self.email = line_edit(self, self.tr("E-mail"), self.tr("E-mail"))
        self.phone = line_edit(self, self.tr("Phone"), self.tr("Phone"))
        self.roles = QListWidget(self)
        wrap_rows(self.roles)
        self.roles.setAccessibleName(self.tr("Roles (Space ticks)"))
        self.roles.setMaximumHeight(80)
        self.roles.setFlow(QListWidget.Flow.LeftToRight)
        self.roles.setWrapping(True)
        for role in Role:
            item = QListWidgetItem(labels.role(role))
            item.setData(Qt.ItemDataRole.UserRole, role.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.roles.addItem(item)
        self.report = QCheckBox(self.tr("Report received"), self)
        self.report.setAccessibleName(self.tr("Report received"))
        self.shared = QCheckBox(self.tr("Shared with parents"), self)
        self.shared.setAccessibleName(self.tr("Report shared with parents"))
        self.copy = QComboBox(self)
        self.copy.setAccessibleName(self.tr("Copy of the minutes"))
        self.copy.addItem(self.tr("no copy"), None)
        for kind in labels.COPY_KINDS:
            self.copy.addItem(labels.copy_kind(kind), kind.value)

        layout = QFormLayout(self)
        layout.addRow(buddy_label(self.tr("Pe&rson:"), self.name, self), self.name)
        layout.addRow(buddy_label(self.tr("Agency:"), self.agency, self), self.agency)
        row = QHBoxLayout()
        row.addWidget(self.attendance)
        row.addWidget(buddy_label(self.tr("Discipline:"), self.discipline, self))
        row.addWidget(self.discipline, 1)
        layout.addRow(buddy_label(self.tr("A&ttendance:"), self.attendance, self), row)
        layout.addRow(buddy_label(self.tr("Job title:"), self.job_title, self), self.job_title)
        layout.addRow(
            buddy_label(self.tr("Wh&y:"), self.attendance_note, self), self.attendance_note
        )
        times = QHBoxLayout()
        times.addWidget(self.arrived, 1)
        times.addWidget(self.left, 1)
        layout.addRow(times)
        contact = QHBoxLayout()
        contact.addWidget(self.email, 1)
        contact.addWidget(buddy_label(self.tr("Phone:"), self.phone, self))
        contact.addWidget(self.phone)
        layout.addRow(buddy_label(self.tr("&Contact:"), self.email, self), contact)
        layout.addRow(self.tr("Ro&les:"), self.roles)
        row2 = QHBoxLayout()
        row2.addWidget(self.report)
        row2.addWidget(self.shared)
        row2.addStretch(1)
        layout.addRow("", row2)
        layout.addRow(buddy_label(self.tr("Minutes:"), self.copy, self), self.copy)
        self.room = StepOutBox(controller, self)
        layout.addRow(self.room)

        self.attendance.activated.connect(
            lambda *_: self._set("attendance", Attendance(self.attendance.currentData()))
        )
        self.discipline.activated.connect(
            lambda *_: self._set(
                "discipline",
                Discipline(self.discipline.currentData())
                if self.discipline.currentData()
                else None,
            )
        )
        self.name.editingFinished.connect(lambda: self._set("name", self.name.text().strip()))
        self.agency.editingFinished.connect(
            lambda: self._set("agency", self.agency.text().strip() or None)
        )
        self.attendance_note.editingFinished.connect(
            lambda: self._set("attendance_note", self.attendance_note.text().strip() or None)
        )
        self.arrived.edited.connect(lambda value: self._set_time(self.arrived, "arrived_at", value))
        self.left.edited.connect(lambda value: self._set_time(self.left, "left_at", value))
        self.job_title.editingFinished.connect(
            lambda: self._set("job_title", self.job_title.text().strip() or None)
        )
        self.email.editingFinished.connect(
            lambda: self._set("email", self.email.text().strip() or None)
        )
        self.phone.editingFinished.connect(
            lambda: self._set("phone", self.phone.text().strip() or None)
        )
        self.report.clicked.connect(self._report_changed)
        self.shared.clicked.connect(
            lambda checked: self._set("report_shared_with_parents", checked)
        )
        self.roles.itemChanged.connect(lambda *_: self._roles_changed())
        self.copy.activated.connect(lambda *_: self._copy_changed())
        self.setEnabled(False)

    def show_attendee(self, attendee_id: int | None) -> None:
        self.attendee_id = attendee_id
        record = self.controller.record
        attendee = record.attendee(attendee_id)
        self.setEnabled(attendee is not None)
        self.room.show_attendee(attendee)
        if attendee is None:
            return
        self._loading = True
        try:
            self.attendance.setCurrentIndex(self.attendance.findData(attendee.attendance.value))
            self.discipline.setCurrentIndex(
                self.discipline.findData(attendee.discipline.value if attendee.discipline else None)
            )
            for edit, value in (
                (self.name, attendee.name),
                (self.agency, attendee.agency),
                (self.attendance_note, attendee.attendance_note),
            ):
                if not edit.hasFocus() or edit.text().strip() == (value or ""):
                    edit.setText(value or "")
            self.arrived.set_value(attendee.arrived_at)
            self.left.set_value(attendee.left_at)
            self.job_title.setText(attendee.job_title or "")
            self.email.setText(attendee.email or "")
            self.phone.setText(attendee.phone or "")
            for i in range(self.roles.count()):
                item = self.roles.item(i)
                role = Role(item.data(Qt.ItemDataRole.UserRole))
                item.setCheckState(
                    Qt.CheckState.Checked if role in attendee.roles else Qt.CheckState.Unchecked
                )
            self.report.setChecked(bool(attendee.report_submitted))
            self.shared.setChecked(bool(attendee.report_shared_with_parents))
            entry = next((e for e in record.distribution if e.attendee_id == attendee_id), None)
            self.copy.setCurrentIndex(self.copy.findData(entry.copy.value if entry else None))
        finally:
            self._loading = False

    def _set(self, field: str, value: Any, also: dict[str, Any] | None = None) -> None:
        if self._loading or self.attendee_id is None:
            return
        attendee = self.controller.record.attendee(self.attendee_id)
        if attendee is None or getattr(attendee, field) == value:
            return
        if not ops.set_attendee(self.controller, attendee, {field: value, **(also or {})}):
            self._show_stored_text(field)

    def _show_stored_text(self, field: str) -> None:
        """After a refusal (an empty name), the field shows what is stored again."""
        attendee = self.controller.record.attendee(self.attendee_id)
        edit = {
            "name": self.name,
            "agency": self.agency,
            "attendance_note": self.attendance_note,
        }.get(field)
        if attendee is not None and edit is not None:
            edit.setText(getattr(attendee, field) or "")

    def _set_time(self, field: TimeField, name: str, value: Any) -> None:
        attendee = self.controller.record.attendee(self.attendee_id)
        if self._loading or attendee is None:
            return
        field.apply(
            self.controller, lambda: ops.set_attendee_time(self.controller, attendee, name, value)
        )

    def _report_changed(self, checked: bool) -> None:
        """A report received is either shared with the parents or not: never "unknown"."""
        attendee = self.controller.record.attendee(self.attendee_id)
        also = {}
        if checked and attendee is not None and attendee.report_shared_with_parents is None:
            also["report_shared_with_parents"] = False
        self._set("report_submitted", checked, also)

    def _roles_changed(self) -> None:
        if self._loading:
            return
        roles = [
            Role(self.roles.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.roles.count())
            if self.roles.item(i).checkState() == Qt.CheckState.Checked
        ]
        self._set("roles", roles)

    def _copy_changed(self) -> None:
        if self._loading or self.attendee_id is None:
            return
        data = self.copy.currentData()
        ops.set_copy(self.controller, self.attendee_id, CopyKind(data) if data else None)
