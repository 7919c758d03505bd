"""The disclosure log on screen: every entry (what, which copy, to whom, where, why, by whom),
the state of its hash chain in words and colour, and an export (JSON or CSV) that is itself
recorded. A table model over the services' entries; the window reads again on any change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.disclosure import Disclosure
from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.models import CopyKind
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets import dates, theme
from mdcc_desktop.ui.widgets.bridge import ChangeBridge
from mdcc_desktop.ui.widgets.common import RecordTableModel, size_columns_from_first_rows
from mdcc_desktop.ui.widgets.prompter import Prompter

COPIES = {c.value for c in CopyKind}


class DisclosureLogModel(RecordTableModel[Disclosure]):
    """One row per entry, oldest first."""

    HEADERS = labels.DISCLOSURE_HEADERS
    COL_ID, COL_WHEN, COL_WHAT, COL_COPY, COL_CONFERENCE = range(5)
    COL_TO, COL_WHERE, COL_WHY, COL_BY = range(5, 9)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.references: dict[int, str] = {}

    def set_entries(self, entries: list[Disclosure], references: dict[int, str]) -> None:
        self.references = references
        self.set_rows(entries)

    def cell(self, record: Disclosure, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_WHERE:
            return record.sha256 and self.tr("SHA-256 %1").replace("%1", record.sha256)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.COL_ID:
            return str(record.id)
        if column == self.COL_WHEN:
            return dates.format_datetime(record.at.astimezone())
        if column == self.COL_WHAT:
            what = labels.disclosure_kind(record.kind)
            if record.with_reporter_identity:
                what = self.tr("%1, with the reporter's identity").replace("%1", what)
            return what
        if column == self.COL_COPY:
            if record.copy in COPIES:
                return labels.copy_kind(CopyKind(record.copy))
            return record.copy or ""  # the log export's format
        if column == self.COL_CONFERENCE:
            if record.conference_id is None:
                return ""
            reference = self.references.get(record.conference_id)
            if reference is None:
                return self.tr("%1 (deleted)").replace("%1", str(record.conference_id))
            return f"{reference} ({record.conference_id})"
        values = {
            self.COL_TO: record.recipient,
            self.COL_WHERE: record.target,
            self.COL_WHY: record.reason,
            self.COL_BY: record.by,
        }
        return values.get(column) or ""


class DisclosureLogDialog(QDialog):
    def __init__(self, services: Services, prompter: Prompter, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.prompter = prompter
        self.setWindowTitle(self.tr("Disclosure log"))
        self.setObjectName("DisclosureLog")
        self.resize(1100, 520)
        self.model = DisclosureLogModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Entries of the disclosure log"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        size_columns_from_first_rows(self.table, DisclosureLogModel.COL_WHERE)
        intro = QLabel(
            self.tr(
                "What was shared, with whom, when and why: every export and issue, "
                "circulation, finalisation and reopening, oldest first. Each entry is chained "
                "to the one before it, so a changed entry is found."
            ),
            self,
        )
        intro.setWordWrap(True)
        label = QLabel(self.tr("&Entries:"), self)
        label.setBuddy(self.table)
        self.chain_label = QLabel(self)
        self.chain_label.setObjectName("chain_status")
        self.chain_label.setWordWrap(True)
        self.chain_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.chain_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.chair_hint = QLabel(
            self.tr(
                "Your name is not set, so new entries name no one: set it with Tools → "
                "Your name and e-mail…"
            ),
            self,
        )
        self.chair_hint.setObjectName("chair_hint")
        self.chair_hint.setWordWrap(True)
        self.chair_hint.setStyleSheet(theme.style(theme.Tone.WARNING))
        self.export_button = QPushButton(self.tr("E&xport…"), self)
        self.export_button.setAccessibleName(self.tr("Export the disclosure log"))
        self.export_button.clicked.connect(lambda: self.export())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.chain_label)
        layout.addWidget(self.chair_hint)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        self.bridge = ChangeBridge(services.events, self)
        self.bridge.changed.connect(lambda _change: self.reload())
        self.reload()

    def reload(self) -> None:
        log = self.services.disclosure
        try:
            entries = log.entries()
            references = log.case_references(entries)
            problem = log.chain_problem(entries)
            self.chair_hint.setHidden(bool(self.services.chair.get().name))
        except MdccError as exc:
            self._show_chain(
                self.tr("The log cannot be read: %1").replace("%1", message_text(exc)), False
            )
            return
        self.model.set_entries(entries, references)
        if problem is None:
            text = self.tr("The chain is intact: %n entry(ies), none changed.", "", len(entries))
            self._show_chain(text.replace("%n", str(len(entries))), True)
        else:
            self._show_chain(
                self.tr("The chain is broken: %1").replace("%1", message_text(problem)), False
            )
        self.table.scrollToBottom()

    def _show_chain(self, text: str, intact: bool) -> None:
        self.chain_label.setText(text)
        self.chain_label.setAccessibleName(text)
        self.chain_label.setProperty("intact", intact)
        self.chain_label.setStyleSheet(
            theme.style(theme.Tone.OK if intact else theme.Tone.ERROR, bold=not intact)
        )

    def export(self, path: Path | None = None) -> bool:
        """Write the log as JSON or CSV (by the name's ending); the export is recorded."""
        if path is None:
            path = self.prompter.save_file(
                self,
                self.tr("Export the disclosure log"),
                "disclosure-log.json",
                self.tr("JSON (*.json);;CSV (*.csv)"),
            )
        if path is None:
            return False
        fmt = path.suffix.lower().lstrip(".")
        try:
            self.services.disclosure.export(path, fmt)
        except MdccError as exc:
            self.prompter.error(self, self.tr("Log not exported"), message_text(exc))
            return False
        self.reload()
        return True
