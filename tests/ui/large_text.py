"""Windows laid out at twice the default font size on a 1366x768 screen (issue 15 point 5):
what is cut off."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget

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
    """Every visible label or button narrower (or, wrapped, lower) than its text needs."""
    problems = []
    if window.width() > SCREEN[0] or window.height() > SCREEN[1]:
        problems.append(f"the window is {window.width()}x{window.height()}, over the screen")
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
