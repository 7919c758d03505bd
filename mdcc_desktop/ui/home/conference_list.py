"""The home screen's first page: the conferences, found as you type, a section to show, and the
summary of the one selected."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.models import ConferenceStatus
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.home.models import ConferenceListModel
from mdcc_desktop.ui.home.summary import ConferenceSummary
from mdcc_desktop.ui.widgets.common import (
    guard_filter_box,
    name_clear_button,
    size_columns_from_first_rows,
)


class ConferenceListPage(QWidget):
    """The list (filter box, section, table, chronology button) beside the summary."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ConferenceListModel(self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(
            self.tr("Find by case reference or child name (Ctrl+Shift+F)")
        )
        self.filter_edit.setAccessibleName(self.tr("Find conferences"))
        name_clear_button(self.filter_edit)
        guard_filter_box(self.filter_edit)
        self.section = QComboBox(self)
        self.section.setAccessibleName(self.tr("Show"))
        for label, statuses in zip(
            labels.CONFERENCE_SECTIONS,
            (
                None,
                [ConferenceStatus.PLANNED],
                [ConferenceStatus.IN_PROGRESS],
                [ConferenceStatus.ENDED, ConferenceStatus.FINALISED],
            ),
            strict=True,
        ):
            self.section.addItem(labels.text(label), statuses)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Conferences"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        size_columns_from_first_rows(self.table, ConferenceListModel.COL_DEADLINE)
        self.summary = ConferenceSummary(self)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setText(
            self.tr(
                "No conferences yet. Import an exchange file (Ctrl+I) "
                "or load the demo (Ctrl+Shift+D)."
            )
        )

        left = QWidget(self)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(8, 8, 8, 8)
        find_label = QLabel(self.tr("F&ind:"), left)
        find_label.setBuddy(self.filter_edit)
        layout.addWidget(find_label)
        find_row = QHBoxLayout()
        find_row.addWidget(self.filter_edit, 1)
        show_label = QLabel(self.tr("Sh&ow:"), left)
        show_label.setBuddy(self.section)
        find_row.addWidget(show_label)
        find_row.addWidget(self.section)
        layout.addLayout(find_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.summary)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)
        self.chronology_button = QPushButton(self.tr("Case &chronology"), self)
        self.chronology_button.setAccessibleName(self.tr("Case chronology"))
        layout.addWidget(self.chronology_button)
