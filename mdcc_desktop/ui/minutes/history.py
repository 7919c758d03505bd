"""A conference's history as a record: the versions issued, who was given which and how, the
amendments asked for and the log; any issued version can be saved again, byte for byte."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.versions import Delivery, DocumentCopy, DocumentStatus, DocumentVersion
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets import dates, theme
from mdcc_desktop.ui.widgets.sizing import grow_to_contents

SaveAs = Callable[[str], Path | None]  # suggested file name -> the file chosen, or None


class HistoryDialog(QDialog):
    """Versions, circulation, amendments and log of one conference, one tab each."""

    def __init__(
        self,
        services: Services,
        conference_id: int,
        save_as: SaveAs | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.conference_id = conference_id
        self.save_as = save_as
        self.saved: list[Path] = []
        self.setWindowTitle(self.tr("History of the minutes"))
        self.resize(760, 440)
        history = services.minutes.history(conference_id)
        self.version_rows: list[DocumentVersion] = history.versions

        self.versions = self._table(
            self.tr("Versions issued"),
            [
                self.tr("Version"),
                self.tr("Copy"),
                self.tr("Status"),
                self.tr("Template"),
                self.tr("Issued"),
                self.tr("SHA-256"),
            ],
            [
                [
                    str(v.number),
                    self._copy(v.copy),
                    self._status(v.status),
                    v.template,
                    dates.format_datetime(v.issued_at),
                    v.sha256
                    if v.kept
                    else self.tr("%1 (document not kept)").replace("%1", v.sha256),
                ]
                for v in history.versions
            ],
        )
        self.circulation = self._table(
            self.tr("Circulation"),
            [
                self.tr("When"),
                self.tr("Recipient"),
                self.tr("Copy"),
                self.tr("Version"),
                self.tr("Delivery"),
            ],
            [
                [
                    dates.format_datetime(c.at),
                    c.recipient,
                    self._copy(c.copy),
                    str(c.version_number or ""),
                    self._delivery(c.delivery),
                ]
                for c in history.circulation
            ],
        )
        self.amendments = self._table(
            self.tr("Amendments"),
            [self.tr("Asked"), self.tr("By"), self.tr("Request"), self.tr("Ruling")],
            [
                [
                    dates.format_datetime(a.requested_at),
                    a.requested_by,
                    a.request,
                    self.tr("awaiting ruling")
                    if a.accepted is None
                    else (self.tr("accepted") if a.accepted else self.tr("refused"))
                    + (f": {a.ruling}" if a.ruling else ""),
                ]
                for a in history.amendments
            ],
        )
        self.log = self._table(
            self.tr("Log"),
            [self.tr("When"), self.tr("What"), self.tr("Detail")],
            [[dates.format_datetime(at), self._kind(kind), d] for at, kind, d in history.log],
        )
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("History"))
        self.tabs.addTab(self.versions, self.tr("&Versions"))
        self.tabs.addTab(self.circulation, self.tr("&Circulation"))
        self.tabs.addTab(self.amendments, self.tr("A&mendments"))
        self.tabs.addTab(self.log, self.tr("&Log"))

        self.save_button = QPushButton(self.tr("&Save the selected version…"), self)
        self.save_button.setAccessibleName(self.tr("Save the selected version again"))
        self.save_button.clicked.connect(self.save_selected)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        grow_to_contents(layout)
        layout.addWidget(self.tabs, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status_label, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        if history.versions:
            self.versions.selectRow(len(history.versions) - 1)
        self.versions.setFocus()

    def _table(self, name: str, headers: list[str], rows: list[list[str]]) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers), self)
        table.setAccessibleName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        table.verticalHeader().setVisible(False)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(r, c, item)
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()  # titles and dates whole, in every language
        return table

    def _copy(self, copy: DocumentCopy) -> str:
        if copy == DocumentCopy.FULL:
            return self.tr("full copy")
        if copy == DocumentCopy.PARENT:
            return self.tr("parents' copy")
        return self.tr("outcome letter")

    def _status(self, status: DocumentStatus) -> str:
        return self.tr("final") if status == DocumentStatus.FINAL else self.tr("issued")

    def _kind(self, kind: str) -> str:
        """What happened, as the log keeps it ("finalised"), in the interface's language."""
        if kind == "finalised":
            return self.tr("finalised")
        if kind == "reopened":
            return self.tr("reopened")
        if kind == "letter":
            return self.tr("outcome letter issued")
        return kind

    def _delivery(self, delivery: Delivery) -> str:
        return self.tr("by hand") if delivery == Delivery.HAND else self.tr("e-mail")

    def selected_version(self) -> DocumentVersion | None:
        row = self.versions.currentRow()
        return self.version_rows[row] if 0 <= row < len(self.version_rows) else None

    def save_selected(self) -> None:
        version = self.selected_version()
        if version is None:
            self._say(self.tr("Select a version to save."), error=True)
            return
        if self.save_as is None:
            return
        suffix = {DocumentCopy.FULL: "full", DocumentCopy.PARENT: "parents"}.get(
            version.copy, "outcome-letter"
        )
        target = self.save_as(f"minutes-v{version.number}-{suffix}.docx")
        if target is None:
            return
        try:
            self.services.minutes.save_version(
                self.conference_id, version.number, target, version.copy
            )
        except MdccError as exc:
            self._say(message_text(exc), error=True)
            return
        self.saved.append(target)
        self._say(self.tr("Saved: %1").replace("%1", str(target)))

    def _say(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(theme.style(theme.Tone.ERROR) if error else "")
