"""Walking a window's widgets and actions for the Alt+letter keys each one answers to."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabBar,
    QTabWidget,
    QWidget,
)


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ("&&" is a literal ampersand), lower-cased."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


def _alt_key(action: QAction) -> str | None:
    for seq in action.shortcuts():
        text = seq.toString(QKeySequence.SequenceFormat.PortableText)
        if text.startswith("Alt+") and len(text) == 5:
            return text[-1].lower()
    return None


def mnemonics_now(window: QWidget) -> dict[str, list[str]]:
    """Alt+key -> what answers it, among the widgets visible now and the window's actions."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(key: str | None, what: str) -> None:
        if key is not None:
            found[key].append(what)

    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():  # the menu titles
            add(mnemonic(action.text()), f"menu {action.text()!r}")
    for action in window.findChildren(QAction):
        add(_alt_key(action), f"action {action.objectName() or action.text()!r}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            add(mnemonic(widget.text()), f"label {widget.text()!r}")
        elif isinstance(widget, QAbstractButton):
            add(mnemonic(widget.text()), f"button {widget.text()!r}")
        elif isinstance(widget, QGroupBox):
            add(mnemonic(widget.title()), f"group {widget.title()!r}")
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    add(mnemonic(widget.tabText(i)), f"tab {widget.tabText(i)!r}")
    return found


def mnemonic_clashes(window: QWidget) -> list[str]:
    """Every Alt+key reached by two things at once, in each state of the window's tabs (a
    hidden tab page's labels answer no key, so each page is shown in turn)."""
    clashes: set[str] = set()
    tab_widgets = [t for t in window.findChildren(QTabWidget) if t.window() is window]
    states = [(None, -1)] + [(t, i) for t in tab_widgets for i in range(t.count())]
    for tabs, index in states:
        if tabs is not None:
            if not tabs.isTabVisible(index):
                continue
            tabs.setCurrentIndex(index)
        for key, owners in mnemonics_now(window).items():
            if len(owners) > 1:
                clashes.add(f"Alt+{key.upper()}: " + ", ".join(sorted(owners)))
    return sorted(clashes)
