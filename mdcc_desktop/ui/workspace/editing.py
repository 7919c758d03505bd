"""Pieces the panels share to correct what was recorded: Del and a context menu on a list or
table, a typed time with its own inline message, cell editors offering a fixed choice, and
emptying an entry line so that it keeps no undo history of its own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from mdcc_desktop.ui.widgets import theme
from mdcc_desktop.ui.widgets.common import Index
from mdcc_desktop.ui.workspace.controller import WorkspaceController


def empty_entry(edit: QLineEdit) -> None:
    """Empty an entry line after what it held was added: ``setText`` (unlike ``clear``) drops
    the line's own undo history, so Ctrl+Z undoes the addition instead of bringing back the
    text (which Enter would then add a second time)."""
    edit.setText("")


def view_action(  # noqa: PLR0917 - each argument is a distinct part of the action
    view: QAbstractItemView | QWidget,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
    slot: Callable[[], Any],
    name: str,
    accessible: str = "",
) -> QAction:
    """An action of ``view`` alone: in its context menu, and its key works while the view has
    the focus (Del in a list removes the selected line, never text in a field)."""
    action = QAction(text, view)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda *_: slot())
    if accessible:
        action.setToolTip(accessible)
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


def delete_action(
    view: QAbstractItemView | QWidget, text: str, slot: Callable[[], Any], name: str
) -> QAction:
    """Del and the context menu's entry that remove the selected line (undoable)."""
    return view_action(view, text, QKeySequence.StandardKey.Delete, slot, name)


class UndoPassThrough(QObject):
    """Let Ctrl+Z and Ctrl+Shift+Z reach the window's undo stack from a field that has nothing
    of its own to undo (a line just emptied after an add): Qt's text fields otherwise take the
    keys whether or not they hold any history."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo) or (
                event.key() == Qt.Key.Key_Z
                and event.modifiers()
                == (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
            )
            if undo or redo:
                if isinstance(watched, QLineEdit):
                    own = watched.isUndoAvailable() if undo else watched.isRedoAvailable()
                elif isinstance(watched, QPlainTextEdit):
                    document = watched.document()
                    own = document.isUndoAvailable() if undo else document.isRedoAvailable()
                else:
                    own = True
                if not own:
                    event.ignore()
                    return True  # not taken: the window's shortcut runs
        return super().eventFilter(watched, event)


def pass_undo_to_window(window: QWidget) -> UndoPassThrough:
    """Install :class:`UndoPassThrough` on every text field of ``window`` (call once it is
    built)."""
    passer = UndoPassThrough(window)
    for field in [*window.findChildren(QLineEdit), *window.findChildren(QPlainTextEdit)]:
        field.installEventFilter(passer)
    return passer


class MultiLineEntry(QPlainTextEdit):
    """A text of several lines (a dissenting view): Enter starts a new line, Ctrl+Enter hands
    the text over (``submitted``), Tab leaves the field."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def empty(self) -> None:
        """Empty it after what it held was added (no undo history of its own is kept)."""
        self.setPlainText("")


class TimeField(QWidget):
    """A date and time the chair types or corrects: "2026-11-20 10:05", or just "10:05" for the
    day it already has (or the conference's day); emptied, it is "not yet". A change refused
    (leaving before arriving, an end before its start, a time that cannot be read) is told
    beside the field, the stored time is shown again, and nothing is stored.

    Its visible ``label`` sits inside it, beside the line edit, as the edit's buddy: a screen
    reader takes a label relation only from a sibling QLabel (AT-SPI's labelled-by)."""

    edited = Signal(object)  # the new value (an aware datetime, or None), once typed

    FORMAT = "%Y-%m-%d %H:%M"

    def __init__(
        self,
        name: str,
        parent: QWidget | None = None,
        default_day: Callable[[], dt.date | None] | None = None,
        label: str = "",
    ) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.label = QLabel(label, self)
        self.label.setBuddy(self.edit)
        self.label.setVisible(bool(label))
        self.edit.setAccessibleName(name)
        self.edit.setPlaceholderText(self.tr("not yet (type 10:05)"))
        self.edit.setToolTip(self.tr("Type 10:05, or 2026-11-20 10:05; empty it for not yet."))
        self.edit.setMaxLength(40)
        self.setFocusProxy(self.edit)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem with %1").replace("%1", name))
        self.error.setStyleSheet(theme.style(theme.Tone.ERROR, bold=True))
        self.error.hide()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(0)
        layout.addWidget(self.label, 0, 0)
        layout.addWidget(self.edit, 0, 1)
        layout.addWidget(self.error, 1, 1)
        layout.setColumnStretch(1, 1)
        self._shown: dt.datetime | None = None
        self._default_day = default_day
        self.edit.editingFinished.connect(self._finished)

    @staticmethod
    def text_of(value: dt.datetime | None) -> str:
        return value.astimezone().strftime(TimeField.FORMAT) if value is not None else ""

    def value(self) -> dt.datetime | None:
        """What the field holds (None when empty); ValueError if it cannot be read."""
        text = " ".join(self.edit.text().split())
        if not text:
            return None
        try:
            return dt.datetime.strptime(text, self.FORMAT).astimezone()
        except ValueError:
            pass
        clock_time = dt.datetime.strptime(text, "%H:%M").time()  # ValueError: told
        day = self._shown.astimezone().date() if self._shown else None
        if day is None and self._default_day is not None:
            day = self._default_day()
        if day is None:
            raise ValueError(text)
        return dt.datetime.combine(day, clock_time).astimezone()

    def set_value(self, value: dt.datetime | None) -> None:
        """Show the stored ``value`` (in local time)."""
        self._shown = value
        if not self.edit.hasFocus() or self.error.isVisible():
            self.edit.setText(self.text_of(value))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def apply(self, controller: WorkspaceController, call: Callable[[], bool]) -> bool:
        """Make the edit; a refusal is shown beside this field and the stored time shown
        again."""
        refusals: list[str] = []

        def heard(text: str, error: bool) -> None:
            if error and text:
                refusals.append(text)

        controller.message.connect(heard)
        try:
            done = call()
        finally:
            controller.message.disconnect(heard)
        self.show_error("" if done else " ".join(refusals))
        if not done:
            self.edit.setText(self.text_of(self._shown))
        return done

    def _finished(self) -> None:
        try:
            value = self.value()
        except ValueError:
            self.show_error(
                self.tr("%1 is not a time: type 10:05, or 2026-11-20 10:05.").replace(
                    "%1", self.edit.text().strip()
                )
            )
            self.edit.setText(self.text_of(self._shown))
            return
        shown = self._shown.replace(second=0, microsecond=0) if self._shown else None
        if value != shown:
            self.edited.emit(value)
        else:
            self.show_error("")
            self.edit.setText(self.text_of(self._shown))


class ChoiceDelegate(QStyledItemDelegate):
    """A cell edited by picking one of ``choices`` (label, value); the model's EditRole gives
    and takes the value."""

    def __init__(
        self, choices: Callable[[], list[tuple[str, Any]]], name: str, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._choices = choices
        self._name = name

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(self._name)
        for label, value in self._choices():
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
