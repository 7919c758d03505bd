"""Search cases, notes, decisions and actions from anywhere (Ctrl+F)."""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets.columns import wrap_rows
from mdcc_desktop.ui.widgets.common import (
    filter_text,
    guard_filter_box,
    line_edit,
    name_clear_button,
)
from mdcc_desktop.ui.widgets.highlight import HighlightDelegate


class SearchPage(QWidget):
    """Full-text search across cases, notes, decisions and actions (Chinese included)."""

    open_conference = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.query = line_edit(
            self, self.tr("Search"), self.tr("Search cases, notes, decisions and actions")
        )
        name_clear_button(self.query)
        guard_filter_box(self.query)
        self.results = QListWidget(self)
        wrap_rows(self.results)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setWordWrap(True)
        self.results.setSpacing(3)
        # Re-wrapped when the list is resized; the words found painted bold and underlined.
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.highlight = HighlightDelegate(self.results)
        self.results.setItemDelegate(self.highlight)
        self.results.itemActivated.connect(self._open)
        self.summary = QLabel(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.search)
        self.query.textChanged.connect(self._timer.start)
        self.query.returnPressed.connect(self.search)
        layout = QVBoxLayout(self)
        query_label = QLabel(self.tr("Search:"), self)
        query_label.setBuddy(self.query)
        layout.addWidget(query_label)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)

    def search(self) -> None:
        self._timer.stop()
        self.results.clear()
        text = filter_text(self.query)
        self.highlight.needle = text
        try:
            hits = self.services.tracker.search(text)
        except MdccError as exc:
            self.summary.setText(message_text(exc))
            return
        for hit in hits:
            snippet = _snippet(hit.text, text.strip())
            item = QListWidgetItem(
                f"{labels.label(labels.SEARCH_KINDS, hit.kind, hit.kind)} · "
                f"{hit.case_reference}: {snippet}"
            )
            item.setData(Qt.ItemDataRole.UserRole, hit.conference_id)
            self.results.addItem(item)
        self.summary.setText(
            self.tr("%n result(s)", "", len(hits)).replace("%n", str(len(hits)))
            if text.strip()
            else ""
        )

    def _open(self, item: QListWidgetItem) -> None:
        conference_id = item.data(Qt.ItemDataRole.UserRole)
        if conference_id is not None:
            self.open_conference.emit(int(conference_id))


def _snippet(text: str, query: str, width: int = 120) -> str:
    at = text.casefold().find(query.casefold())
    start = max(0, at - width // 3) if at >= 0 else 0
    piece = text[start : start + width].replace("\n", " ")
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
