"""Small form helpers shared by the panels: optional dates, labelled fields and buttons."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QPushButton, QTableView, QWidget

NO_DATE = QDate(2000, 1, 1)


def qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def pydate(value: QDate) -> dt.date | None:
    return None if value == NO_DATE else dt.date(value.year(), value.month(), value.day())


def date_edit(parent: QWidget, name: str) -> QDateEdit:
    """A date field that can be empty: its minimum shows as "none"."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(QCoreApplication.translate("Forms", "none"))
    edit.setDate(NO_DATE)
    edit.setAccessibleName(name)
    return edit


def buddy_label(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    """A form label whose Alt+letter moves to ``buddy`` (a row of several fields has none)."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def button(text: str, name: str, slot: Any, parent: QWidget) -> QPushButton:
    b = QPushButton(text, parent)
    b.setAccessibleName(name)
    b.clicked.connect(slot)
    return b


def reselect(view: QTableView, row: int) -> None:
    """Select ``row`` again after the model was reset (nothing when it is gone)."""
    if row >= 0:
        view.setCurrentIndex(view.model().index(row, 0))
        view.selectRow(row)
