"""The workspace's side tabs, whose pages scroll when they do not fit (at twice the default
font size on a 1366x768 laptop the actions, decisions and safety pages are taller and wider
than the column: they scroll rather than push the window past the screen)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QTableView, QTabWidget, QWidget

# The rows a table on a scrolling page keeps in view, however small the column.
TABLE_ROWS = 4
# The widest a page asks its column to be: 40% of a 1366-pixel laptop screen.
MAX_WIDTH = 546


class PageScroll(QScrollArea):
    """A page's scroll area: the page fills it, squeezed down to its minimum size as it would
    be without the scroll area, and scrolls only below that. (Qt's resizable scroll area gives
    a page with wrapped labels its preferred height, so it scrolled at the usual text size.)
    It asks for its page's whole width up to ``MAX_WIDTH``, and scrolls sideways beyond."""

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        page = self.widget()
        if page is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(min(page.minimumSizeHint().width() + bar, MAX_WIDTH), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        page = self.widget()
        if page is None:
            return
        hint = page.minimumSizeHint()
        room = self.maximumViewportSize()
        width, height = room.width(), room.height()
        if hint.height() > height:
            width -= self.verticalScrollBar().sizeHint().width()
        if hint.width() > width:
            height -= self.horizontalScrollBar().sizeHint().height()
            if hint.height() > height and room.height() >= hint.height():
                width -= self.verticalScrollBar().sizeHint().width()
        page.resize(max(width, hint.width()), max(height, hint.height()))


class SideTabs(QTabWidget):
    """Tabs whose pages may be wrapped in a scroll area; callers still name the panels
    (``setCurrentWidget(panel)``, ``currentWidget()``, ``indexOf(panel)``)."""

    def add_page(self, panel: QWidget, text: str, scroll: bool = True) -> int:
        """Add ``panel`` under ``text``, in a scroll area unless it scrolls its own content."""
        if not scroll:
            return self.addTab(panel, text)
        for table in panel.findChildren(QTableView):  # squeezed to one row, it hid the rest
            rows = table.verticalHeader().defaultSectionSize() * TABLE_ROWS
            table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + rows + 4)
        area = PageScroll(self)
        area.setWidget(panel)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the frame
        area.setProperty("panel", True)
        return self.addTab(area, text)

    @staticmethod
    def _panel(page: QWidget | None) -> QWidget | None:
        if isinstance(page, QScrollArea) and page.property("panel"):
            return page.widget()
        return page

    def _page(self, panel: QWidget) -> QWidget:
        for index in range(self.count()):
            page = self.widget(index)
            if page is not None and (page is panel or self._panel(page) is panel):
                return page
        return panel

    def currentWidget(self) -> QWidget:
        panel = self._panel(super().currentWidget())
        assert panel is not None
        return panel

    def setCurrentWidget(self, widget: QWidget) -> None:
        super().setCurrentWidget(self._page(widget))

    def indexOf(self, widget: QWidget) -> int:
        return super().indexOf(self._page(widget))
