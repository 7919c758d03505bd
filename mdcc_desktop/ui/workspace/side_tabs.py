"""The workspace's side tabs, whose pages scroll when they do not fit (at twice the default
font size on a 1366x768 laptop the actions, decisions and safety pages are taller and wider
than the column: they scroll rather than push the window past the screen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QTableView, QTabWidget, QWidget

# The rows a table on a scrolling page keeps in view, however small the column.
TABLE_ROWS = 4


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
        area = QScrollArea(self)
        area.setWidget(panel)
        area.setWidgetResizable(True)
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
