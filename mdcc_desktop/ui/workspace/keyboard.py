"""The side tabs by keyboard: every page's shortcut (its tab's Alt+letter, and Alt+3 for the
page shown) lands on the page's first field, and Tab passes through its lists without picking a
row (issue 15: a keyboard path that never traps and never changes what it passes)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from mdcc_desktop.ui.widgets.forms import tab_passes_through

FIELDS = (
    QAbstractButton,
    QComboBox,
    QAbstractSpinBox,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
)


def first_field(page: QWidget) -> QWidget | None:
    """The first enabled field on ``page`` that Tab stops at, in Tab (reading) order."""
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        if (
            page.isAncestorOf(widget)
            and isinstance(widget, FIELDS)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox)
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


def focus_first_field(page: QWidget | None) -> None:
    """Put focus on ``page``'s first field (the page itself when it has none)."""
    if page is None:
        return
    target = first_field(page) or page
    target.setFocus(Qt.FocusReason.ShortcutFocusReason)


class _PageShortcuts(QObject):
    """A tab's Alt+letter shows its page and moves focus there (Qt's tab bar only showed it)."""

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.tabs = tabs

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut and watched is self.tabs.tabBar():
            handled = self.tabs.tabBar().event(event)
            focus_first_field(self.tabs.currentWidget())
            return handled
        return False


def wire_side_tabs(tabs: QTabWidget) -> None:
    """Page shortcuts onto first fields; Tab through the pages' lists picks no row."""
    tabs.tabBar().installEventFilter(_PageShortcuts(tabs))
    for view in tabs.findChildren(QAbstractItemView):
        if not isinstance(view.parentWidget(), QComboBox) and view.window() is tabs.window():
            tab_passes_through(view)
