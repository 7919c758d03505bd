"""The Signs of Safety mapping: lines in each section and every attendee's scaling."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
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
from mdcc_desktop.services.conference_safety import EarlierScaling
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.widgets.columns import stretch_column, wrap_rows
from mdcc_desktop.ui.widgets.common import Index, RecordTableModel, line_edit
from mdcc_desktop.ui.widgets.forms import buddy_label, button
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.editing import delete_action, empty_entry

NOT_RATED = -1  # the spin box's "not rated", below 0


class ScalingModel(RecordTableModel[Attendee]):
    """Every participant's 0-10 safety scale and its note; edits are handed to ``on_score`` and
    ``on_note`` (the panel makes them undoable), and show once the record is read again."""

    COL_NAME, COL_SCORE, COL_EARLIER, COL_NOTE = range(4)
    HEADERS = labels.SCALING_HEADERS

    def __init__(
        self,
        on_score: Callable[[int, int | None], Any],
        on_note: Callable[[int, str | None], Any],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._scores: dict[int, Scaling] = {}
        self.earlier: list[EarlierScaling] = []
        self._on_score = on_score
        self._on_note = on_note

    def set_record(
        self,
        attendees: list[Attendee],
        scaling: list[Scaling],
        earlier: list[EarlierScaling] | None = None,
    ) -> None:
        self._scores = {s.attendee_id: s for s in scaling}
        self.earlier = earlier or []
        if [a.id for a in attendees] == [a.id for a in self._rows] and self._rows:
            # The same participants: their cells change in place, so the cell the chair is in
            # (and its editor) stays where it is after a score is stored.
            self._rows = list(attendees)
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.set_rows(attendees)

    def scale_name(self, row: int) -> str:
        """What the scale of ``row`` is called: "Safety scale of Ruth Okafor"."""
        return QCoreApplication.translate("SafetyPanel", "Safety scale of %1").replace(
            "%1", self.record(row).name
        )

    def trend(self, a: Attendee) -> str:
        """``a``'s scores at the case's earlier conferences, oldest first: "2 → 3" ("–" where
        they gave none)."""
        scores = [e.score_of(a.name, a.person_id) for e in self.earlier]
        if all(x is None for x in scores):
            return ""
        return " → ".join("–" if x is None else str(x) for x in scores)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (self.COL_SCORE, self.COL_NOTE):
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
            if role == Qt.ItemDataRole.AccessibleTextRole:  # the name and the value read out
                shown = self.cell(a, column, Qt.ItemDataRole.DisplayRole)
                return (
                    QCoreApplication.translate("SafetyPanel", "Safety scale of %1: %2")
                    .replace("%1", a.name)
                    .replace("%2", shown)
                )
            if role == Qt.ItemDataRole.AccessibleDescriptionRole:
                return scale_meaning()
            if role == Qt.ItemDataRole.ToolTipRole:
                return scale_meaning()
            return None
        if column == self.COL_EARLIER:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.trend(a)
            if role == Qt.ItemDataRole.ToolTipRole and self.earlier:
                return " · ".join(
                    f"{e.held.astimezone():%d %b %Y}: {earlier}"
                    for e in self.earlier
                    if (earlier := e.score_of(a.name, a.person_id)) is not None
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


def scale_meaning() -> str:
    """What the ends of the scale mean, told with every scale (the accessible description)."""
    return QCoreApplication.translate(
        "SafetyPanel",
        "0 means the child cannot live at home; 10 means safe enough to close the case.",
    )


class ScaleDelegate(QStyledItemDelegate):
    """The scale edited in its cell (no widget set into the table: a screen reader reads the
    cells): a spin box from "not rated" to 10 opens on the cell; digits or the arrows set it,
    Enter stores it and stays in the table, Tab and Shift+Tab store it and leave the table (the
    table never cycles Tab through its cells)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(NOT_RATED, 10)
        spin.setSpecialValueText(self.tr("not rated"))
        model = index.model()
        if isinstance(model, ScalingModel):
            spin.setAccessibleName(model.scale_name(index.row()))
        spin.setAccessibleDescription(scale_meaning())
        row = index.row()
        spin.editingFinished.connect(lambda: self._finished(spin, row))
        return spin

    def _finished(self, spin: QSpinBox, row: int) -> None:
        """Focus left the scale (a click elsewhere): store it, unless it is closed already."""
        view = self.parent()
        if isinstance(view, QTableView):
            cell = view.model().index(row, ScalingModel.COL_SCORE)
            if view.indexWidget(cell) is spin:
                self.commitData.emit(spin)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QSpinBox):
            editor.setValue(int(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QSpinBox) and editor.value() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QSpinBox)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            view = self.parent()
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QStyledItemDelegate.EndEditHint.NoHint)
            if isinstance(view, QTableView):
                forward = event.key() == Qt.Key.Key_Tab and not (
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                )
                view.setFocus(Qt.FocusReason.OtherFocusReason)
                view.focusNextPrevChild(forward)
            return True
        return super().eventFilter(watched, event)


class SafetyPanel(QWidget):
    """Signs of Safety as practitioners map it: three columns side by side (what we are worried
    about, with the danger statements; what is working well; what needs to happen, with the
    safety goals), each line edited in place (F2) or removed (Del); each participant's 0-10
    scale typed in, beside their scores at the case's earlier conferences."""

    SECTIONS = tuple(labels.SAFETY_SECTIONS.items())
    # The columns, left to right, and the sections each holds, top to bottom.
    COLUMNS = (
        (SafetySection.WORRIES, SafetySection.DANGER_STATEMENTS),
        (SafetySection.WORKING_WELL,),
        (SafetySection.NEEDS_TO_HAPPEN, SafetySection.SAFETY_GOALS),
    )

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
        self.lists: dict[SafetySection, QListWidget] = {}
        columns = QHBoxLayout()
        for sections in self.COLUMNS:
            column = QVBoxLayout()
            for section in sections:
                column.addWidget(self._section_list(section), 1)
            columns.addLayout(column, 1)
        self.remove_button = button(
            self.tr("Remove line"), self.tr("Remove mapping line"), self.remove_line, self
        )
        # A line selected is shown in the line field, to be corrected there too.
        self.change_button = button(
            self.tr("Save the change"),
            self.tr("Save the change to the selected mapping line"),
            self.change_line,
            self,
        )
        self.change_button.setEnabled(False)
        self.scaling_model = ScalingModel(self._scale, self._note, self)
        self.scaling = QTableView(self)
        self.scaling.setModel(self.scaling_model)
        self.scaling.setItemDelegateForColumn(ScalingModel.COL_SCORE, ScaleDelegate(self.scaling))
        self.scaling.setAccessibleName(self.tr("Safety scale by participant"))
        # Arrows move from cell to cell and open the scale where they land; Tab leaves.
        self.scaling.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.scaling.setTabKeyNavigation(False)
        self.scaling.setAccessibleDescription(scale_meaning())
        self.scaling.verticalHeader().hide()
        self.scaling.setWordWrap(True)
        header = self.scaling.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        stretch_column(self.scaling, header, ScalingModel.COL_NOTE)
        self.trend = QLabel(self)
        self.trend.setWordWrap(True)
        self.trend.setAccessibleName(self.tr("Scaling at earlier conferences"))
        row = QHBoxLayout()
        row.addWidget(buddy_label(self.tr("Add to:"), self.section, self))
        row.addWidget(self.section)
        row.addWidget(buddy_label(self.tr("Line:"), self.line, self))
        row.addWidget(self.line, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 2)
        layout.addLayout(row)
        layout.addLayout(buttons)
        scale_label = QLabel(
            self.tr("Scaling: 10 = safe enough to close, 0 = the child cannot live at home"),
            self,
        )
        scale_label.setWordWrap(True)
        layout.addWidget(scale_label)
        layout.addWidget(self.trend)
        layout.addWidget(self.scaling, 2)

    def _section_list(self, section: SafetySection) -> QWidget:
        box = QWidget(self)
        lines = QListWidget(box)
        wrap_rows(lines)
        lines.setAccessibleName(labels.safety_section(section))
        lines.setWordWrap(True)
        lines.setAlternatingRowColors(True)  # where one wrapped line ends and the next begins
        lines.setSpacing(2)
        lines.setTextElideMode(Qt.TextElideMode.ElideNone)
        lines.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        lines.setProperty("section", section.value)
        lines.installEventFilter(self)
        lines.currentRowChanged.connect(lambda *_: self._line_picked())
        lines.itemChanged.connect(self._edited_in_place)
        delete_action(lines, self.tr("Remove mapping line"), self.remove_line, "remove_line")
        self.lists[section] = lines
        heading = QLabel(labels.safety_section(section), box)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setBuddy(lines)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(lines, 1)
        return box

    @property
    def lines(self) -> QListWidget:
        """The list of the column chosen for new lines (the one last worked in)."""
        return self.lists[SafetySection(self.section.currentData())]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Working in a column makes it the one a new line is added to (passing through it
        with Tab does not: Tab changes no field)."""
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(watched, QListWidget)
            and isinstance(event, QFocusEvent)
            and event.reason()
            not in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        ):
            self.section.setCurrentIndex(self.section.findData(watched.property("section")))
        return super().eventFilter(watched, event)

    def refresh(self, record: ConferenceRecord) -> None:
        self._loading = True
        try:
            for section, lines in self.lists.items():
                selected = self._line_id(lines.currentItem())
                lines.clear()
                for line in (x for x in record.safety_lines if x.section == section):
                    item = QListWidgetItem(line.text)
                    item.setData(Qt.ItemDataRole.UserRole, line.id)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                    lines.addItem(item)
                    if line.id == selected:
                        lines.setCurrentItem(item)
        finally:
            self._loading = False
        earlier = self.controller.conferences.earlier_scaling(self.controller.conference_id)
        self.scaling_model.set_record(record.attendees, record.scaling, earlier)
        self.trend.setText(self._trend_text(record, earlier))
        self.trend.setVisible(bool(earlier))

    def _trend_text(self, record: ConferenceRecord, earlier: list[EarlierScaling]) -> str:
        parts = [
            self.tr("%1: median %2")
            .replace("%1", f"{e.held.astimezone():%d %b %Y}")
            .replace("%2", f"{e.median:g}")
            for e in earlier
            if e.median is not None
        ]
        today = sorted(s.score for s in record.scaling if s.score is not None)
        if today:
            middle = len(today) // 2
            median = today[middle] if len(today) % 2 else (today[middle - 1] + today[middle]) / 2
            parts.append(self.tr("today: median %1").replace("%1", f"{median:g}"))
        return self.tr("Scaling over this case's conferences: %1").replace("%1", " → ".join(parts))

    def scale_editor(self, row: int) -> QSpinBox:
        """The spin box of ``row``'s scale, opened on its cell as the keyboard opens it."""
        index = self.scaling_model.index(row, ScalingModel.COL_SCORE)
        if self.scaling.indexWidget(index) is None:
            self.scaling.setCurrentIndex(index)  # opens the editor (CurrentChanged)
            if self.scaling.indexWidget(index) is None:
                self.scaling.edit(index)
        editor = self.scaling.indexWidget(index)
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

    @staticmethod
    def _line_id(item: QListWidgetItem | None) -> int | None:
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _selected_line_id(self) -> int | None:
        return self._line_id(self.lines.currentItem())

    def _line_picked(self) -> None:
        if self._loading:
            return
        sender = self.sender()
        if isinstance(sender, QListWidget):
            self.section.setCurrentIndex(self.section.findData(sender.property("section")))
        line_id = self._selected_line_id()
        line = next((x for x in self.controller.record.safety_lines if x.id == line_id), None)
        self.change_button.setEnabled(line is not None)
        if line is not None:
            self.line.setText(line.text)

    def _edited_in_place(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        line_id = self._line_id(item)
        if line_id is not None and not ops.set_safety_line(
            self.controller, line_id, item.text().strip()
        ):
            self.refresh(self.controller.record)  # refused: the stored text again

    def change_line(self) -> None:
        line_id = self._selected_line_id()
        if line_id is None:
            self.controller.show_message(self.tr("Select the mapping line to change."), error=True)
            return
        if ops.set_safety_line(self.controller, line_id, self.line.text().strip()):
            empty_entry(self.line)

    def remove_line(self) -> None:
        line_id = self._selected_line_id()
        if line_id is not None:
            ops.remove_safety_line(self.controller, line_id)
