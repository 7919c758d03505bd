"""The two smallest form pieces, a named text field and the label that is its buddy, apart
from the heavier form helpers: the unlock screen, the first window, comes up with only these."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget


def line_edit(parent: QWidget, name: str, placeholder: str = "") -> QLineEdit:
    """A text field with its accessible name (and the hint it shows while empty)."""
    edit = QLineEdit(parent)
    edit.setAccessibleName(name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def buddy_label(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    """A form label whose Alt+letter moves to ``buddy`` (a row of several fields has none)."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label
