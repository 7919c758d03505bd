"""Search from a meeting (Ctrl+F in a workspace): a window beside the meeting, never the home
window raised over it.

The search page of the home window, in a window of its own that the workspace places to its
right (over its right part when the screen has no room there). One per workspace: Ctrl+F again
brings it back with the query selected; Esc closes it. A result opens its conference through
the home window's open function, which brings that conference's workspace forward (another
conference's workspace may come over this one) but never the home window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.followup.search import SearchPage

OpenConference = Callable[[int], Any]


class SearchWindow(QDialog):
    """Search everything, beside the window it was opened from."""

    MIN_WIDTH = 360
    MAX_WIDTH = 520

    def __init__(
        self, services: Services, open_conference: OpenConference | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("search_window")
        self.setWindowTitle(self.tr("Search"))
        self.setAccessibleName(self.tr("Search everything"))
        self.setModal(False)
        self._open_conference = open_conference
        self.page = SearchPage(services, self)
        self.page.open_conference.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page)

    def _open(self, conference_id: int) -> None:
        if self._open_conference is not None:
            self._open_conference(conference_id)

    def place_beside(self, window: QWidget) -> None:
        """To the right of ``window`` if the screen has room, else over its right part."""
        frame = window.frameGeometry()
        screen = window.screen().availableGeometry()
        width = max(self.MIN_WIDTH, min(self.MAX_WIDTH, screen.width() // 4))
        width = min(width, screen.width())
        top = max(screen.top(), frame.top())
        height = min(frame.height(), screen.bottom() - top + 1)
        if frame.right() + width <= screen.right():
            left = frame.right() + 1
        else:
            left = min(frame.right() + 1, screen.right() + 1) - width
            left = max(screen.left(), left)
        self.setGeometry(QRect(left, top, width, height))


def search_beside(
    window: QWidget, services: Services, open_conference: OpenConference | None
) -> SearchWindow:
    """Show ``window``'s search window (made the first time), focus in the query."""
    search = window.findChild(SearchWindow, "search_window")
    if search is None:
        search = SearchWindow(services, open_conference, window)
    if not search.isVisible():
        search.place_beside(window)
    search.show()
    search.raise_()
    search.activateWindow()
    search.page.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
    search.page.query.selectAll()
    return search
