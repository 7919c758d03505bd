"""Windows laid out at twice the default font size on a 1366x768 screen (issue 15 point 5):
what is cut off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QScrollArea, QWidget

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
