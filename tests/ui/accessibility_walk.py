"""A window walked as assistive technology gets it, in-process and offscreen.

Five checks, each a list of problems (empty when the window passes), each naming the widget:

- ``unnamed``: an interactive object whose accessible interface has no name and no label
  relation (a line edit's clear button included, even while hidden by an empty field, and an
  editable combo's line edit, which AT-SPI lists as a text of its own);
- ``unlabelled``: a combo, spin, date or editable text field without a label relation to a
  ``QLabel`` (``QLabel.setBuddy``, which AT-SPI exposes as labelled-by; on Linux a combo's name is
  its current value, so the relation is the only field name a screen reader hears);
- ``missing_from_tree``: a widget that takes focus but is not reached from the window's
  accessible interface (widgets set into table cells with setIndexWidget/setCellWidget);
- ``tab_problems``: pressing Tab on the focused widget, again and again, misses an enabled field,
  stays on one widget (a table cycling its cells, a text field typing a tab), leaves the window
  or changes any field's text;
- ``backtab_problems``: the same with Shift+Tab.

``tests/ui/test_accessibility.py`` runs them over one table of windows and dialogs and checks
each check against a deliberately broken widget.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDateTimeEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QComboBox,
    QAbstractSpinBox,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
)
FIELDS = (QComboBox, QAbstractSpinBox, QLineEdit, QTextEdit, QPlainTextEdit)
NAME = QAccessible.Text.Name
LABEL = QAccessible.RelationFlag.Label


def describe(widget: QWidget) -> str:
    """A widget as a problem names it: its class, then its name, label or object name."""
    name = widget.accessibleName() or ""
    if not name:
        iface = QAccessible.queryAccessibleInterface(widget)
        labels = _label_texts(iface) if iface is not None else []
        name = labels[0] if labels else widget.objectName()
    if not name and isinstance(widget, QLineEdit):
        name = widget.placeholderText()
    if not name and isinstance(widget, QToolButton) and isinstance(widget.parent(), QLineEdit):
        owner = widget.parent()
        assert isinstance(owner, QLineEdit)
        name = "clear button of " + describe(owner)
    if not name and isinstance(widget.parent(), QComboBox):
        combo = widget.parent()
        assert isinstance(combo, QComboBox)
        name = "text of " + describe(combo)
    return f"{widget.metaObject().className()} {name!r}"


def _label_texts(iface: QAccessibleInterface) -> list[str]:
    """The texts of the QLabels that label ``iface`` (its buddies)."""
    texts = []
    for other, _relation in iface.relations(LABEL):
        obj = other.object() if other is not None else None
        if isinstance(obj, QLabel) and obj.text().replace("&", "").strip():
            texts.append(obj.text().replace("&", "").strip())
    return texts


def _inner_part(widget: QWidget, window: QWidget) -> bool:
    """A widget that is part of another (a combo's list and line edit, a spin box's line edit,
    a calendar popup, a table's headers): the outer widget is what is named and focused."""
    if isinstance(widget, QHeaderView):
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QCalendarWidget):
            return True
        parent = parent.parentWidget()
    return False


def shown(window: QWidget, kinds: tuple[type, ...] = INTERACTIVE) -> Iterator[QWidget]:
    """The widgets of ``kinds`` in ``window`` that are on screen (in the page shown)."""
    for widget in window.findChildren(QWidget):
        if (
            isinstance(widget, kinds)
            and widget.isVisibleTo(window)
            and widget.window() is window
            and not _inner_part(widget, window)
        ):
            yield widget


def _clear_buttons(window: QWidget) -> Iterator[QWidget]:
    """Line edits' clear buttons, hidden while the field is empty but read out once it is not."""
    for edit in shown(window, (QLineEdit,)):
        assert isinstance(edit, QLineEdit)
        if edit.isClearButtonEnabled():
            yield from edit.findChildren(QToolButton)


def _combo_line_edits(window: QWidget) -> Iterator[QWidget]:
    """Editable combos' line edits: AT-SPI lists them as a text of their own, inside the combo."""
    for combo in shown(window, (QComboBox,)):
        assert isinstance(combo, QComboBox)
        if combo.isEditable() and combo.lineEdit() is not None:
            yield combo.lineEdit()


def unnamed(window: QWidget) -> list[str]:
    problems = []
    widgets = [*shown(window), *_clear_buttons(window), *_combo_line_edits(window)]
    for widget in dict.fromkeys(widgets):
        iface = QAccessible.queryAccessibleInterface(widget)
        if iface is None:
            problems.append(f"{describe(widget)}: no accessible interface")
            continue
        if not iface.text(NAME).strip() and not iface.relations(LABEL):
            problems.append(f"{describe(widget)}: no accessible name and no label")
    return problems


def _editable(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
        return not widget.isReadOnly()
    return True


def unlabelled(window: QWidget) -> list[str]:
    """Fields without a label relation, editable combos' own text fields included: AT-SPI lists
    that text inside the combo as a field of its own, where Orca reads its labelled-by."""
    problems = []
    for widget in dict.fromkeys([*shown(window, FIELDS), *_combo_line_edits(window)]):
        if not _editable(widget):
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        if iface is None or not _label_texts(iface):
            problems.append(f"{describe(widget)}: no label relation (no QLabel buddy)")
    return problems


def accessible_objects(window: QWidget) -> set[QObject]:
    """Every object reached from the window's accessible interface, not descending into item
    views (their children are cells and headers, never widgets)."""
    found: set[QObject] = set()
    root = QAccessible.queryAccessibleInterface(window)
    stack = [root] if root is not None else []
    seen = 0
    while stack and seen < 20000:
        iface = stack.pop()
        seen += 1
        obj = iface.object()
        if obj is not None:
            found.add(obj)
            if isinstance(obj, QAbstractItemView) and not isinstance(obj.parent(), QComboBox):
                continue
        for i in range(iface.childCount()):
            child = iface.child(i)
            if child is not None and child.isValid():
                stack.append(child)
    return found


def takes_focus(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def missing_from_tree(window: QWidget) -> list[str]:
    reached = accessible_objects(window)
    return [
        f"{describe(widget)}: takes focus but is not in the accessible tree"
        for widget in window.findChildren(QWidget)
        if widget.isVisibleTo(window)
        and widget.window() is window
        and takes_focus(widget)
        and not _inner_part(widget, window)
        and widget not in reached
    ]


def field_texts(window: QWidget) -> dict[QWidget, str]:
    texts: dict[QWidget, str] = {}
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLineEdit | QAbstractSpinBox):
            texts[widget] = widget.text()
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            texts[widget] = widget.toPlainText()
        elif isinstance(widget, QComboBox):
            texts[widget] = widget.currentText()
    return texts


def tab_stops(window: QWidget) -> list[QWidget]:
    """The enabled widgets on screen that Tab must reach (the tab bar too)."""
    return [
        widget
        for widget in window.findChildren(QWidget)
        if widget.isVisibleTo(window)
        and widget.isEnabled()
        and widget.window() is window
        and takes_focus(widget)
        and not _inner_part(widget, window)
        and (isinstance(widget, (*INTERACTIVE, QTabBar)))
    ]


def _stays_allowed(widget: QWidget) -> int:
    """How many Tabs a widget may keep: a date field moves through its sections first."""
    return widget.sectionCount() - 1 if isinstance(widget, QDateTimeEdit) else 0


def tab_problems(
    window: QWidget, start: QWidget | None = None, key: Qt.Key = Qt.Key.Key_Tab
) -> list[str]:
    """Press Tab (or ``key``: Shift+Tab) on the focused widget until every stop had its turn
    twice over."""
    name = "Shift+Tab" if key == Qt.Key.Key_Backtab else "Tab"
    window.show()
    window.raise_()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)
    if start is not None:
        start.setFocus(Qt.FocusReason.OtherFocusReason)
    elif QApplication.focusWidget() is None or QApplication.focusWidget().window() is not window:
        window.focusNextChild()
    QApplication.processEvents()
    stops = tab_stops(window)
    before = field_texts(window)
    presses = 2 * sum(1 + _stays_allowed(w) for w in stops) + 2
    visited: list[QWidget] = []
    problems: list[str] = []
    stay = 0
    for _ in range(presses):
        focused = QApplication.focusWidget()
        if focused is None or focused.window() is not window:
            problems.append(f"{name} leaves the window")
            break
        if visited and visited[-1] is focused:
            stay += 1
            if len(stops) == 1 and stops[0] is focused:
                break  # the window's one stop: nowhere else to go
            if stay > _stays_allowed(focused):
                problems.append(f"{describe(focused)}: {name} stays on it")
                break
        else:
            stay = 0
        visited.append(focused)
        QTest.keyClick(focused, key)
        QApplication.processEvents()
    reached = set(visited)
    for widget in stops:
        if widget not in reached and widget.isVisibleTo(window) and widget.isEnabled():
            problems.append(f"{describe(widget)}: {name} never reaches it")
    after = field_texts(window)
    for widget, text in before.items():
        if after.get(widget, text) != text:
            problems.append(f"{describe(widget)}: {name} changed its text")
    return problems


def backtab_problems(window: QWidget, start: QWidget | None = None) -> list[str]:
    """The same walk backwards: Shift+Tab must leave every widget too."""
    return tab_problems(window, start, Qt.Key.Key_Backtab)


CHECKS = {
    "unnamed": unnamed,
    "unlabelled": unlabelled,
    "missing_from_tree": missing_from_tree,
    "tab": tab_problems,
    "backtab": backtab_problems,
}
