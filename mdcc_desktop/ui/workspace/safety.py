"""The Signs of Safety mapping: lines in each section and every attendee's scaling."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.models import (
    ConferenceRecord,
    SafetySection,
)
from mdcc_desktop.ui.widgets.common import line_edit
from mdcc_desktop.ui.widgets.forms import button
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.controller import WorkspaceController


class SafetyPanel(QWidget):
    """Signs of Safety: the mapping's five columns and each participant's 0-10 scale."""

    SECTIONS = (
        (SafetySection.WORRIES, "What are we worried about?"),
        (SafetySection.DANGER_STATEMENTS, "Danger statements"),
        (SafetySection.WORKING_WELL, "What is working well?"),
        (SafetySection.NEEDS_TO_HAPPEN, "What needs to happen?"),
        (SafetySection.SAFETY_GOALS, "Safety goals"),
    )

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.section = QComboBox(self)
        self.section.setAccessibleName(self.tr("Mapping column"))
        for section, label in self.SECTIONS:
            self.section.addItem(self.tr(label), section.value)
        self.line = line_edit(
            self, self.tr("Mapping line"), self.tr("A line for this column (Enter adds)")
        )
        self.line.returnPressed.connect(self.add_line)
        self.lines = QListWidget(self)
        self.lines.setAccessibleName(self.tr("Mapping"))
        self.remove_button = button(
            self.tr("Remove line"), self.tr("Remove mapping line"), self.remove_line, self
        )
        self.scaling = QTableWidget(0, 3, self)
        self.scaling.setAccessibleName(self.tr("Safety scale by participant"))
        self.scaling.setHorizontalHeaderLabels(
            [self.tr("Participant"), self.tr("Scale 0-10"), self.tr("Note")]
        )
        self.scaling.verticalHeader().hide()
        self.scaling.horizontalHeader().setStretchLastSection(True)
        row = QHBoxLayout()
        row.addWidget(self.section)
        row.addWidget(self.line, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lines, 2)
        layout.addLayout(row)
        layout.addWidget(
            QLabel(
                self.tr("Scaling: 10 = safe enough to close, 0 = the child cannot live at home"),
                self,
            )
        )
        layout.addWidget(self.scaling, 1)
        self._loading = False
        self.scaling.itemChanged.connect(self._note_changed)

    def refresh(self, record: ConferenceRecord) -> None:
        self._loading = True
        try:
            self.lines.clear()
            labels = dict(self.SECTIONS)
            for section, _label in self.SECTIONS:
                for line in (x for x in record.safety_lines if x.section == section):
                    item = QListWidgetItem(f"{self.tr(labels[section])} — {line.text}")
                    item.setData(Qt.ItemDataRole.UserRole, line.id)
                    self.lines.addItem(item)
            scores = {s.attendee_id: s for s in record.scaling}
            self.scaling.setRowCount(len(record.attendees))
            for row, a in enumerate(record.attendees):
                name = QTableWidgetItem(a.name)
                name.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.scaling.setItem(row, 0, name)
                spin = QSpinBox(self.scaling)
                spin.setRange(-1, 10)
                spin.setSpecialValueText(self.tr("not rated"))
                spin.setAccessibleName(self.tr("Safety scale of %1").replace("%1", a.name))
                score = scores.get(a.id or 0)
                spin.setValue(score.score if score else -1)
                attendee_id = a.id or 0
                spin.editingFinished.connect(
                    lambda aid=attendee_id, s=spin: self._scale(aid, s.value())
                )
                self.scaling.setCellWidget(row, 1, spin)
                note = QTableWidgetItem(score.note or "" if score else "")
                self.scaling.setItem(row, 2, note)
        finally:
            self._loading = False

    def _note_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 2:
            return
        attendees = self.controller.record.attendees
        if not 0 <= item.row() < len(attendees):
            return
        attendee_id = attendees[item.row()].id or 0
        ops.set_scale_note(self.controller, attendee_id, item.text().strip() or None)

    def _scale(self, attendee_id: int, value: int) -> None:
        if self._loading:
            return
        ops.set_scale(self.controller, attendee_id, None if value < 0 else value)

    def add_line(self) -> None:
        section = SafetySection(self.section.currentData())
        text = self.line.text().strip()
        if ops.add_safety_line(self.controller, section, text) is None:
            return
        self.line.clear()

    def remove_line(self) -> None:
        item = self.lines.currentItem()
        if item is None:
            return
        line_id = int(item.data(Qt.ItemDataRole.UserRole))
        ops.remove_safety_line(self.controller, line_id)
