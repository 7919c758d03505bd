"""A stack of pages made the first time each is shown or asked for, and filled when shown.

A page out of sight costs nothing at start: not its module's import, not its widgets, not its
data. A page with a ``stale`` attribute (True until filled, and again after a change it missed)
is refreshed (``refresh()``) as it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QStackedWidget, QWidget


class PageStack(QStackedWidget):
    """``count`` pages; the first given, the others made by ``make(index)`` on first use."""

    def __init__(
        self, first: QWidget, count: int, make: Callable[[int], QWidget], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._make = make
        self._made: dict[int, QWidget] = {0: first}
        self.addWidget(first)
        for _ in range(1, count):
            self.addWidget(QWidget(self))  # holds the place until the page is made

    def page(self, index: int) -> QWidget:
        """The page at ``index``, made now if it was not yet."""
        page = self._made.get(index)
        if page is None:
            page = self._made[index] = self._make(index)
            current = self.currentIndex()
            placeholder = self.widget(index)
            if placeholder is not None:
                self.removeWidget(placeholder)
                placeholder.deleteLater()
            self.insertWidget(index, page)
            self.setCurrentIndex(current)
        return page

    def made(self, index: int) -> QWidget | None:
        """The page at ``index`` if it was made, else None (it will be fresh when it is)."""
        return self._made.get(index)

    def show_page(self, index: int) -> None:
        """Show the page at ``index``, filled if it was not, or changed while out of sight."""
        page: Any = self.page(index)
        self.setCurrentWidget(page)
        if getattr(page, "stale", False):
            page.refresh()

    def changed(self, index: int) -> None:
        """What the page at ``index`` shows has changed: refreshed now if it is in sight, when
        next shown if not, and not at all if it was never made."""
        page: Any = self._made.get(index)
        if page is None:
            return
        shown = self.currentWidget() is page
        if shown:
            page.refresh()
        else:
            page.stale = True
