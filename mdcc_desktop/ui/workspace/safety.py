"""The Signs of Safety mapping: lines in each section and every attendee's scaling."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.models import Attendee, ConferenceRecord, SafetySection, Scaling
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.widgets.common import Index, RecordTableModel, line_edit
from mdcc_desktop.ui.widgets.forms import button
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.editing import delete_action, empty_entry

NOT_RATED = -1  # the spin box's "not rated", below 0


class ScalingModel(RecordTableModel[Attendee]):
    """Every participant's 0-10 safety scale and its note; edits are handed to ``on_score`` and
    ``on_note`` (the panel makes them undoable), and show once the record is read again."""

    COL_NAME, COL_SCORE, COL_NOTE = range(3)
    HEADERS = labels.SCALING_HEADERS

    def __init__(
        self,
        on_score: Callable[[int, int | None], Any],
        on_note: Callable[[int, str | None], Any],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._scores: dict[int, Scaling] = {}
        self._on_score = on_score
        self._on_note = on_note

    def set_record(self, attendees: list[Attendee], scaling: list[Scaling]) -> None:
        self._scores = {s.attendee_id: s for s in scaling}
        self.set_rows(attendees)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != self.COL_NAME:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def cell(self, a: Attendee, column: int, role: int) -> Any:
        score = self._scores.get(a.id or 0)
        if column == self.COL_NAME:
            return a.name if role == Qt.ItemDataRole.DisplayRole else None
        if column == self.COL_SCORE:
            value = score.score if score and score.score is not None else None
            if role == Qt.ItemDataRole.EditRole:
                return NOT_RATED if value is None else value
            if role == Qt.ItemDataRole.DisplayRole:
                return (
                    QCoreApplication.translate("SafetyPanel", "not rated")
                    if value is None
                    else str(value)
                )
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return QCoreApplication.translate("SafetyPanel", "Safety scale of %1").replace(
                    "%1", a.name
                )
            return None
        if column == self.COL_NOTE and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
        ):
            return (score.note or "") if score else ""
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        attendee_id = self.record(index.row()).id or 0
        if index.column() == self.COL_SCORE:
            score = int(value)
            return bool(self._on_score(attendee_id, None if score < 0 else score))
        if index.column() == self.COL_NOTE:
            return bool(self._on_note(attendee_id, str(value or "").strip() or None))
        return False


class ScaleDelegate(QStyledItemDelegate):
    """The scale as a spin box from "not rated" to 10, committed when editing finishes."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(NOT_RATED, 10)
        spin.setSpecialValueText(self.tr("not rated"))
        spin.setAccessibleName(str(index.data(Qt.ItemDataRole.AccessibleTextRole) or ""))
        spin.editingFinished.connect(lambda: self.commitData.emit(spin))
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QSpinBox):
            editor.setValue(int(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QSpinBox) and editor.value() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class SafetyPanel(QWidget):
    """Signs of Safety: the mapping's five columns and each participant's 0-10 scale."""

    SECTIONS = tuple(labels.SAFETY_SECTIONS.items())

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._loading = False
        self.section = QComboBox(self)
        self.section.setAccessibleName(self.tr("Mapping column"))
        for section, _label in self.SECTIONS:
            self.section.addItem(labels.safety_section(section), section.value)
        self.line = line_edit(
            self, self.tr("Mapping line"), self.tr("A line for this column (Enter adds)")
        )
        self.line.returnPressed.connect(self.add_line)
        self.lines = QListWidget(self)
        self.lines.setAccessibleName(self.tr("Mapping"))
        self.remove_button = button(
            self.tr("Remove line"), self.tr("Remove mapping line"), self.remove_line, self
        )
        # A line selected is shown in the line field, to be corrected there.
        self.change_button = button(
            self.tr("Save the change"),
            self.tr("Save the change to the selected mapping line"),
            self.change_line,
            self,
        )
        self.change_button.setEnabled(False)
        self.lines.currentRowChanged.connect(lambda *_: self._line_picked())
        self.lines.setWordWrap(True)
        delete_action(self.lines, self.tr("Remove mapping line"), self.remove_line, "remove_line")
        self.scaling_model = ScalingModel(self._scale, self._note, self)
        self.scaling = QTableView(self)
        self.scaling.setModel(self.scaling_model)
        self.scaling.setItemDelegateForColumn(ScalingModel.COL_SCORE, ScaleDelegate(self.scaling))
        self.scaling.setAccessibleName(self.tr("Safety scale by participant"))
        self.scaling.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.scaling.verticalHeader().hide()
        self.scaling.horizontalHeader().setStretchLastSection(True)
        row = QHBoxLayout()
        row.addWidget(self.section)
        row.addWidget(self.line, 1)
        row.addWidget(self.change_button)
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

    def refresh(self, record: ConferenceRecord) -> None:
        self._loading = True
        selected = self._selected_line_id()
        try:
            self.lines.clear()
            for section, _label in self.SECTIONS:
                for line in (x for x in record.safety_lines if x.section == section):
                    item = QListWidgetItem(f"{labels.safety_section(section)} — {line.text}")
                    item.setData(Qt.ItemDataRole.UserRole, line.id)
                    self.lines.addItem(item)
                    if line.id == selected:
                        self.lines.setCurrentItem(item)
        finally:
            self._loading = False
        self.scaling_model.set_record(record.attendees, record.scaling)
        for row in range(self.scaling_model.rowCount()):  # the scale stays a spin box to type in
            self.scaling.openPersistentEditor(self.scaling_model.index(row, ScalingModel.COL_SCORE))

    def scale_editor(self, row: int) -> QSpinBox:
        """The spin box of ``row``'s scale."""
        editor = self.scaling.indexWidget(self.scaling_model.index(row, ScalingModel.COL_SCORE))
        assert isinstance(editor, QSpinBox)
        return editor

    def _note(self, attendee_id: int, note: str | None) -> bool:
        return ops.set_scale_note(self.controller, attendee_id, note)

    def _scale(self, attendee_id: int, score: int | None) -> bool:
        return ops.set_scale(self.controller, attendee_id, score)

    def add_line(self) -> None:
        section = SafetySection(self.section.currentData())
        text = self.line.text().strip()
        if ops.add_safety_line(self.controller, section, text) is None:
            return
        empty_entry(self.line)

    def _selected_line_id(self) -> int | None:
        item = self.lines.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _line_picked(self) -> None:
        line_id = self._selected_line_id()
        line = next((x for x in self.controller.record.safety_lines if x.id == line_id), None)
        self.change_button.setEnabled(line is not None)
        if line is None or self._loading:
            return
        self.section.setCurrentIndex(max(0, self.section.findData(line.section.value)))
        self.line.setText(line.text)

    def change_line(self) -> None:
        line_id = self._selected_line_id()
        if line_id is None:
            self.controller.show_message(self.tr("Select the mapping line to change."), error=True)
            return
        if ops.set_safety_line(self.controller, line_id, self.line.text().strip()):
            empty_entry(self.line)

    def remove_line(self) -> None:
        item = self.lines.currentItem()
        if item is None:
            return
        line_id = int(item.data(Qt.ItemDataRole.UserRole))
        ops.remove_safety_line(self.controller, line_id)
