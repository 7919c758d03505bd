"""A field for a secret (the reporter's identity) whose mask never tells its length.

Qt's password mode draws one dot per character, so a glance (or a screen reader, which reads
the dots) tells a three-letter name from a long one. Masked, this field holds no text at all:
a stored value shows as the same fixed mask whatever its length, and typing replaces it (the
keys being typed show as dots: they are the user's own, and they go once the field is left).
Shown, it holds the value to read and edit (clearing it is done there).
"""

from __future__ import annotations

from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QWidget

MASK = "\u25cf" * 8  # eight dots, whatever the value's length


class MaskedLineEdit(QLineEdit):
    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self._value = ""
        self._masked = True
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self._show_mask()

    @property
    def masked(self) -> bool:
        return self._masked

    def value(self) -> str:
        """The value: what is typed in the field, else (masked and empty) the stored one."""
        if self._masked and not self.text():
            return self._value
        return self.text()

    def set_value(self, value: str) -> None:
        self._value = value
        if self._masked:
            self.setText("")
            self._show_mask()
        else:
            self.setText(value)

    def set_masked(self, masked: bool) -> None:
        if masked == self._masked:
            return
        value = self.value()
        self._masked = masked
        self._value = value
        if masked:
            self.setEchoMode(QLineEdit.EchoMode.Password)
            self.setText("")
            self._show_mask()
        else:
            self.setEchoMode(QLineEdit.EchoMode.Normal)
            self.setPlaceholderText("")
            self.setAccessibleDescription("")
            self.setText(value)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)  # editingFinished: the typed value is taken first
        if self._masked and self.text():
            self._value = self.text()
            self.setText("")
            self._show_mask()

    def _show_mask(self) -> None:
        self.setPlaceholderText(MASK if self._value else "")
        self.setAccessibleDescription(
            self.tr("Recorded and hidden: tick Show to see or change it.") if self._value else ""
        )
