"""The backups' two screens: choosing a backup to restore, and the screen a damaged database
shows at start-up (restore the latest good backup, or quit)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.services.backups import BackupFile
from mdcc_desktop.ui.widgets.dates import format_datetime


def _local(moment: dt.datetime) -> dt.datetime:
    """A backup's time (UTC) on the computer's clock, as the chair read it when it was made."""
    return moment.astimezone().replace(tzinfo=None)


def made_text(backup: BackupFile) -> str:
    """When ``backup`` was made, as the chair reads dates."""
    return format_datetime(_local(backup.made_at))


class RestoreDialog(QDialog):
    """The backups, newest first, with when they were made, why and their size; the one chosen
    is :attr:`chosen` once the dialog is accepted (the caller asks for confirmation)."""

    def __init__(self, found: list[BackupFile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setObjectName("restore_backup")
        self.found = found
        self.chosen: BackupFile | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the backup to put in place of the current data. The current data is "
                "kept aside first, as a backup of its own, so that nothing is lost."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel(self.tr("&Backups:"))
        layout.addWidget(label)
        self.table = QTableWidget(len(found), 3, self)
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Kind"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        label.setBuddy(self.table)
        locale = QLocale()
        for row, backup in enumerate(found):
            cells = (
                made_text(backup),
                self.kind_text(backup.kind),
                locale.formattedDataSize(backup.size),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        layout.addWidget(self.table)
        self.empty = QLabel(self.tr("There is no backup yet: use File > Back up now."))
        self.empty.setVisible(not found)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.setAccessibleName(self.tr("Restore the chosen backup"))
        self.restore_button.setDefault(True)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.table, self.restore_button)
        QWidget.setTabOrder(self.restore_button, self.cancel_button)
        self.table.itemSelectionChanged.connect(self._update)
        self.table.itemDoubleClicked.connect(lambda _item: self._accept())
        if found:
            self.table.selectRow(0)
        self._update()
        self.resize(560, 360)

    def kind_text(self, kind: str) -> str:
        if kind == "daily":
            return self.tr("Daily")
        if kind == "manual":
            return self.tr("Made on request")
        if kind == "migration":
            return self.tr("Before an update")
        if kind == "before-restore":
            return self.tr("Kept aside before a restore")
        return self.tr("Other copy")

    def _update(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def choose(self, row: int) -> None:
        self.table.selectRow(row)

    def _accept(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen = self.found[rows[0].row()]
        self.accept()


class IntegrityScreen(QDialog):
    """The database is damaged: say so, and offer the latest good backup or quitting. Never
    silent: the damaged file is kept aside (in the backups' ``damaged`` folder) when a backup
    is restored, and left as it is when the chair quits."""

    def __init__(self, problem: str, backup: BackupFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The database is damaged"))
        self.setObjectName("integrity_screen")
        self.backup = backup
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("The data file is damaged and cannot be used safely."))
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self.problem = QLabel(problem)
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problem)
        self.offer = QLabel(
            self.tr(
                "The latest good backup was made on %1 (%2). Restoring it brings back the data "
                "as it was then; the damaged file is kept aside, unchanged, in the backups' "
                "\u201cdamaged\u201d folder, so that it can still be recovered by an expert."
            )
            .replace("%1", made_text(backup))
            .replace("%2", QLocale().formattedDataSize(backup.size))
        )
        self.offer.setWordWrap(True)
        layout.addWidget(self.offer)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("&Restore the latest good backup"))
        self.restore_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("&Quit without changing anything"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.restore_button.setFocus()
        self.resize(520, 280)
