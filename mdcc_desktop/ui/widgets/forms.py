"""Small form helpers shared by the panels: optional dates, labelled fields and buttons."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from mdcc_desktop.ui.widgets import fields

# Kept here too (its home before fields.py), for the panels that import it from here.
buddy_label = fields.buddy_label

NO_DATE = QDate(2000, 1, 1)


def qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def pydate(value: QDate) -> dt.date | None:
    return None if value == NO_DATE else dt.date(value.year(), value.month(), value.day())


class OptionalDateEdit(QDateEdit):
    """A date field whose minimum is "no date", shown as "none". While it shows "none" there is
    no day, month or year section for Tab to move through, and Qt's date field kept focus for
    every Tab: here Tab and Shift+Tab then go on to the next or previous field."""

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.date() == self.minimumDate() and self.specialValueText():
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)


def date_edit(parent: QWidget, name: str) -> QDateEdit:
    """A date field that can be empty: its minimum shows as "none"."""
    edit = OptionalDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(QCoreApplication.translate("Forms", "none"))
    edit.setDate(NO_DATE)
    edit.setAccessibleName(name)
    return edit


def name_combo_text(combo: QComboBox) -> QComboBox:
    """Give an editable combo's line edit the combo's name and a label: AT-SPI lists it as a
    text of its own inside the combo, and without a name a screen reader says only "text".

    Qt finds a widget's labelled-by among its siblings (the labels whose buddy it is), and the
    line edit's siblings are the combo's children: a hidden label there, with the combo's name
    as its text, labels it (the visible label's buddy is the combo, which it labels; Qt's
    accessible tree of a combo lists only its line edit and its list, not this label)."""
    edit = combo.lineEdit()
    if edit is not None:
        edit.setAccessibleName(combo.accessibleName())
        twin = combo.findChild(QLabel, "combo_text_label") or QLabel(combo)
        twin.setObjectName("combo_text_label")
        twin.setText(combo.accessibleName())
        twin.setBuddy(edit)
        twin.hide()
    return combo


def announce(label: QLabel, state: str) -> None:
    """Tell assistive technology the state ``label`` shows, not only its colour: ``state`` in
    words becomes the label's accessible description (read with the label), and a change into
    a state is announced at once (an AT-SPI announcement a screen reader speaks, whatever has
    focus). Nothing is sent while the state stays as it was (the clock ticks every second), nor
    for the state a window opens with (only a change during the meeting is news)."""
    known = bool(label.property("state_known"))
    label.setProperty("state_known", True)
    if label.accessibleDescription() == state:
        return
    label.setAccessibleDescription(state)  # Qt sends DescriptionChanged
    if state and known:
        event = QAccessibleAnnouncementEvent(label, state)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(event)


def button(text: str, name: str, slot: Any, parent: QWidget) -> QPushButton:
    b = QPushButton(text, parent)
    b.setAccessibleName(name)
    b.clicked.connect(slot)
    return b


class _TabPassesThrough(QObject):
    """See ``tab_passes_through``."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(event, QFocusEvent)
            and event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
            and isinstance(watched, QAbstractItemView)
            and watched.selectionModel() is not None
            and not watched.currentIndex().isValid()
        ):
            selection = watched.selectionModel()
            blocked = selection.blockSignals(True)
            try:
                watched.event(event)  # focused as Qt does it, then its made-up current undone
                selection.clearCurrentIndex()
            finally:
                selection.blockSignals(blocked)
            watched.viewport().update()
            return True
        return False


def tab_passes_through(view: QAbstractItemView) -> None:
    """Tab into ``view`` picks no row: Qt makes the first row current on a Tab into a list
    with none, and the panels show the current row in the fields beside it, so Tab alone
    changed those fields (and overwrote a household member or mapping line half typed there).
    The first arrow key picks a row, as before."""
    view.installEventFilter(_TabPassesThrough(view))


def reselect(view: QTableView, row: int) -> None:
    """Select ``row`` again after the model was reset (nothing when it is gone)."""
    if row >= 0:
        view.setCurrentIndex(view.model().index(row, 0))
        view.selectRow(row)
