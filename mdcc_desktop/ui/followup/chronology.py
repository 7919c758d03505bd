"""A case's chronology: every conference, decision and action of one case, oldest first."""

from __future__ import annotations

import html

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.services.context import Services
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.widgets import dates
from mdcc_desktop.ui.widgets.columns import wrap_rows


class ChronologyDialog(QDialog):
    """One case's conferences, decisions, actions and updates in time order."""

    def __init__(self, services: Services, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Case chronology"))
        self.resize(760, 520)
        self.list = QListWidget(self)
        wrap_rows(self.list)
        self.list.setAccessibleName(self.tr("Chronology"))
        self.list.setWordWrap(True)
        for entry in services.tracker.chronology(case_id):
            item = QListWidgetItem(
                f"{dates.format_datetime(entry.at)}  "
                f"{labels.label(labels.CHRONOLOGY_KINDS, entry.kind, entry.kind)}: {entry.text}"
            )
            if entry.kind == "conference":
                font = QFont()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(html.escape(self.tr("Oldest first.")), self))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
