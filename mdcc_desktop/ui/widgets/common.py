"""Pieces every window shares: the read-only table model base and keyboard actions."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableView, QToolButton, QWidget

from mdcc_desktop.domain.text import MAX_FILTER_CHARS, clean_filter_text
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.widgets import fields
from mdcc_desktop.ui.widgets.columns import stretch_column

# Kept here too (its home before fields.py), for the panels that import it from here.
line_edit = fields.line_edit

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
# How many rows a table looks at to size its columns: the first ones, never all 10,000.
SIZE_SAMPLE_ROWS = 50


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """A read-only table over a list of records; edits go through services (and undo).

    Subclasses name their columns in ``HEADERS`` and answer ``cell``."""

    HEADERS: tuple[str, ...] = ()  # one of the ``*_HEADERS`` tuples of ui/labels.py
    IdRole = Qt.ItemDataRole.UserRole + 1
    # The roles ``cell`` answers (None: any). A view asks every cell it paints or sizes for
    # about ten roles; data() answers the others at once, without a call to ``cell``.
    ROLES: frozenset[int] | None = None

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def set_rows(self, rows: list[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> T:
        return self._rows[row]

    def records(self) -> list[T]:
        return list(self._rows)

    def row_of(self, record_id: int | None) -> int:
        return next(
            (i for i, r in enumerate(self._rows) if getattr(r, "id", None) == record_id), -1
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return labels.header(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == _ID_ROLE:
            record = self._record_at(index)
            return None if record is None else getattr(record, "id", None)
        if self.ROLES is not None and role not in self.ROLES:
            return None
        record = self._record_at(index)
        return None if record is None else self.cell(record, index.column(), role)

    def _record_at(self, index: Index) -> T | None:
        row = index.row()
        return self._rows[row] if index.isValid() and 0 <= row < len(self._rows) else None

    def cell(self, record: T, column: int, role: int) -> Any:
        raise NotImplementedError


_ID_ROLE = int(RecordTableModel.IdRole)


def size_columns_from_first_rows(view: QTableView, stretch: int) -> None:
    """Each column as wide as its header and its first ``SIZE_SAMPLE_ROWS`` rows need, set
    again whenever the model is reset; column ``stretch`` takes the room left.

    Qt's ResizeToContents would read up to 1,000 rows of every column again on each layout (a
    selection, a show): 0.8 s of a start on 10,000 conferences. The chair can still widen a
    column by hand (until the next reset)."""
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    stretch_column(view, header, stretch)

    def fit() -> None:
        for column in range(view.model().columnCount()):
            if column != stretch:
                view.resizeColumnToContents(column)

    view.model().modelReset.connect(fit)
    fit()


def add_action(owner: QWidget, text: str, shortcut: str, slot: Any, name: str) -> QAction:
    """A named action with a keyboard shortcut, live wherever ``owner``'s window is active."""
    action = QAction(text, owner)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.setObjectName(name)
    action.triggered.connect(slot)
    owner.addAction(action)
    return action


def name_clear_button(edit: QLineEdit) -> QLineEdit:
    """Give ``edit`` the button that clears it, with a name a screen reader says (Qt's own has
    none: AT-SPI read an unnamed button inside the find and search fields)."""
    edit.setClearButtonEnabled(True)
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(QCoreApplication.translate("LineEdit", "Clear the field"))
    return edit


def guard_filter_box(edit: QLineEdit) -> QLineEdit:
    """Make a filter or search box safe: at most MAX_FILTER_CHARS characters (a paste is cut),
    and a pasted NUL or unpaired surrogate is taken out of the box as soon as it arrives."""
    edit.setMaxLength(MAX_FILTER_CHARS)

    def clean(text: str) -> None:
        cleaned = clean_filter_text(text)
        if cleaned != text:
            edit.setText(cleaned)  # emits textChanged once more, with nothing left to clean

    edit.textChanged.connect(clean)
    return edit


def filter_text(edit: QLineEdit) -> str:
    """What a filter box holds, cleaned and stripped: safe to hand to any service."""
    return clean_filter_text(edit.text()).strip()
