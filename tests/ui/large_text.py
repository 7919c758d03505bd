"""Windows laid out at twice the default font size on a 1366x768 screen (issue 15 point 5):
what is cut off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QHeaderView,
    QLabel,
    QListView,
    QScrollArea,
    QWidget,
)

SCREEN = (1366, 768)


def _scrolls(widget: QWidget, window: QWidget) -> bool:
    """``widget`` sits in a scroll area (it can be scrolled to, not cut off)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def clipped(window: QWidget) -> list[str]:
    """Every visible label or button narrower (or, wrapped, lower) than its text needs, and
    every scrolling page wider than its scroll area that cannot scroll sideways."""
    problems = []
    if window.width() > SCREEN[0] or window.height() > SCREEN[1]:
        problems.append(f"the window is {window.width()}x{window.height()}, over the screen")
    for area in window.findChildren(QScrollArea):
        page = area.widget()
        if (
            page is not None
            and area.isVisibleTo(window)
            and area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            and page.width() > area.viewport().width() + 1
        ):
            problems.append(
                f"a page {page.width()} px wide is cut off at the right of its "
                f"{area.viewport().width()} px scroll area (no sideways scrolling)"
            )
    problems += _clipped_in_views(window)
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QLabel | QAbstractButton) or not widget.isVisibleTo(window):
            continue
        if widget.window() is not window or _scrolls(widget, window):
            continue
        text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
        if not text.strip():
            continue
        hint = widget.sizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed_height = widget.heightForWidth(widget.width())
            if needed_height > widget.height() + 1:
                problems.append(
                    f"{type(widget).__name__} {text[:40]!r}: {widget.height()} px high, "
                    f"its wrapped text needs {needed_height}"
                )
        elif hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
            problems.append(
                f"{type(widget).__name__} {text[:40]!r}: {widget.width()}x{widget.height()}, "
                f"needs {hint.width()}x{hint.height()}"
            )
    return problems


def _clipped_in_views(window: QWidget) -> list[str]:
    """Item views: a column header narrower than its title (a cell's long text may be elided,
    it has a tooltip and the details; a title has neither), and a list that cannot scroll
    narrower than one of its rows (the sidebar's "Actions (1 overdue)", cut off; a dissent run
    off the right edge, read only by scrolling sideways, a line at a time)."""
    problems = []
    for view in window.findChildren(QAbstractItemView):
        if not view.isVisibleTo(window) or view.window() is not window:
            continue
        model = view.model()
        if model is None:
            continue
        header = getattr(view, "horizontalHeader", lambda: None)()
        if isinstance(header, QHeaderView) and header.isVisibleTo(window):
            for logical in range(header.count()):
                if header.isSectionHidden(logical) or header.sectionSize(logical) == 0:
                    continue
                title = str(model.headerData(logical, Qt.Orientation.Horizontal) or "")
                needed = header.sectionSizeFromContents(logical).width()
                if title and header.sectionSize(logical) + 1 < needed:
                    problems.append(
                        f"the {title!r} column: {header.sectionSize(logical)} px wide, "
                        f"its title needs {needed}"
                    )
        if isinstance(view, QListView) and not isinstance(view.parentWidget(), QComboBox):
            width = view.viewport().width()
            if view.wordWrap():  # rows wrap to the width: nothing may lie beyond it
                if view.horizontalScrollBar().maximum() > 0:
                    problems.append(f"the list {view.accessibleName()!r} scrolls sideways")
                continue
            for row in range(model.rowCount()):
                index = model.index(row, view.modelColumn())
                needed = view.sizeHintForIndex(index).width()
                if needed > width + 1:
                    text = str(model.data(index) or "")
                    problems.append(f"the list row {text!r}: {width} px wide, needs {needed}")
    return problems
