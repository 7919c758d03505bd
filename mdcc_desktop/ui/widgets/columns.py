"""A table's stretching column that never gets narrower than its title.

A column in Qt's Stretch mode takes the room the others leave, down to the header's minimum
section size: at twice the text size the title of the Decision, Roles or Action column was cut
to a few letters. :func:`stretch_column` lets the column stretch while the room left is at
least its title's width; below that it keeps the title's width and the table scrolls sideways.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView

STRETCH = QHeaderView.ResizeMode.Stretch
FIXED_WIDTH = QHeaderView.ResizeMode.Interactive


class _TitleWidth(QObject):
    """Watches the view's width and the other columns' widths for :func:`stretch_column`."""

    def __init__(self, view: QAbstractItemView, header: QHeaderView, column: int) -> None:
        super().__init__(header)
        self.view = view
        self.header = header
        self.column = column
        self._busy = False
        self._pending = False
        header.sectionResized.connect(self._other_resized)
        header.geometriesChanged.connect(self.later)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.later()
        return False

    def _other_resized(self, logical: int, _old: int, _new: int) -> None:
        if logical != self.column:
            self.later()

    def later(self) -> None:
        """Fit once the layout in progress has settled (a view being laid out resizes its
        columns and its viewport several times; a width seen half-way is not the room)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._settled)

    def _settled(self) -> None:
        self._pending = False
        if shiboken6.isValid(self.header) and shiboken6.isValid(self.view):
            self.fit()

    def fit(self) -> None:
        header = self.header
        if self._busy or self.column >= header.count() or not self.view.isVisible():
            return  # a view not on screen has no room to speak of yet
        self._busy = True
        try:
            others = sum(
                header.sectionSize(i)
                for i in range(header.count())
                if i != self.column and not header.isSectionHidden(i)
            )
            room = self.view.viewport().width() - others
            needed = header.sectionSizeFromContents(self.column).width()
            if room >= needed:
                if header.sectionResizeMode(self.column) != STRETCH:
                    header.setSectionResizeMode(self.column, STRETCH)
            else:
                if header.sectionResizeMode(self.column) != FIXED_WIDTH:
                    header.setSectionResizeMode(self.column, FIXED_WIDTH)
                if header.sectionSize(self.column) != needed:
                    header.resizeSection(self.column, needed)
        finally:
            self._busy = False


def stretch_column(view: QAbstractItemView, header: QHeaderView, column: int) -> None:
    """Let ``column`` take the room the other columns leave, never less than its title."""
    header.setSectionResizeMode(column, STRETCH)
    _TitleWidth(view, header, column).later()


def fit_list_width(view: QListView, least: int) -> None:
    """Make a list (the home window's sections) as wide as its longest row, and at least
    ``least``: a row is never cut ("Actions (12 overdue)" at twice the text size). Call it again
    when a row's text changes."""
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    rows = view.sizeHintForColumn(0) + 2 * view.spacing() + 2 * view.frameWidth()
    view.setFixedWidth(max(least, rows + 2))


def wrap_rows(view: QListView) -> QListView:
    """A list of sentences (dissent, history, household): long rows wrap to the list's width
    instead of running off its right edge (read whole at twice the text size, no sideways
    scrolling)."""
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setUniformItemSizes(False)
    return view
