"""Issue 10, finding 7: Ctrl+F in a workspace raised the home window over the meeting. Search
now opens beside the meeting, in a window of the workspace's own, and its results open the
conference without bringing the home window forward."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from mdcc_desktop.domain.models import Child, ConferenceType, HouseholdMember
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.followup.search_window import SearchWindow
from mdcc_desktop.ui.home.main_window import MainWindow
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter

CTRL = Qt.KeyboardModifier.ControlModifier


class Activations(QObject):
    """Counts the times a window is activated (what raising the home window does)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            self.count += 1
        return False


def _conference(services: Services, reference: str, child: str) -> int:
    case = services.conferences.create_case(reference, "ENG", [Child(name=child)])
    assert case.id is not None
    return services.conferences.create_conference(
        case.id, "ENG", ConferenceType.INITIAL, dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
    )


@pytest.fixture
def home(qtbot, services: Services) -> MainWindow:
    window = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _workspace(qtbot, home: MainWindow, conference_id: int) -> WorkspaceWindow:
    home.open_conference(conference_id)
    workspace = home.workspaces[conference_id]
    qtbot.waitExposed(workspace)
    workspace.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is workspace)
    return workspace


def test_ctrl_f_in_a_workspace_searches_beside_it_and_opens_without_the_home_window(
    qtbot, services: Services, home: MainWindow
) -> None:
    first = _conference(services, "CS-SW-1", "Amy Test")
    second = _conference(services, "CS-SW-2", "Ben Other")
    services.conferences.add_household_member(
        second, HouseholdMember(name="陳國強", relationship="父親")
    )
    workspace = _workspace(qtbot, home, first)
    page_before = home.sidebar.currentRow()
    activations = Activations()
    home.installEventFilter(activations)

    qtbot.keyClick(workspace, Qt.Key.Key_F, CTRL)
    (search,) = workspace.findChildren(SearchWindow)
    assert search.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is search)
    assert search.page.query.hasFocus()
    assert home.sidebar.currentRow() == page_before  # the home window kept its page
    assert activations.count == 0

    search.page.query.insert("陳國強")  # what an input method commits
    qtbot.keyClick(search.page.query, Qt.Key.Key_Return)
    assert search.page.results.count() == 1
    search.page.results.setFocus()
    search.page.results.setCurrentRow(0)
    qtbot.keyClick(search.page.results, Qt.Key.Key_Return)

    other = home.workspaces[second]  # the result opened its conference's workspace
    qtbot.waitExposed(other)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    assert activations.count == 0  # the home window never came forward
    home.removeEventFilter(activations)


def test_one_search_window_per_workspace_and_esc_closes_it(
    qtbot, services: Services, home: MainWindow
) -> None:
    workspace = _workspace(qtbot, home, _conference(services, "CS-SW-3", "Cat Test"))
    qtbot.keyClick(workspace, Qt.Key.Key_F, CTRL)
    (search,) = workspace.findChildren(SearchWindow)
    qtbot.keyClicks(search.page.query, "Cat")
    qtbot.keyClick(search.page.query, Qt.Key.Key_Escape)
    assert not search.isVisible()
    workspace.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is workspace)
    qtbot.keyClick(workspace, Qt.Key.Key_F, CTRL)
    assert workspace.findChildren(SearchWindow) == [search]
    assert search.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is search)
    assert search.page.query.hasFocus()
    assert search.page.query.selectedText() == "Cat"  # typed over at once


def test_placed_to_the_right_when_there_is_room_else_over_the_right_part(
    qtbot, services: Services
) -> None:
    meeting = QWidget()  # stands for the workspace (whose minimum size fills a test screen)
    qtbot.addWidget(meeting)
    meeting.show()
    qtbot.waitExposed(meeting)
    screen = meeting.screen().availableGeometry()
    search = SearchWindow(services, None, meeting)

    meeting.setGeometry(screen.left(), screen.top(), screen.width() // 3, screen.height() // 2)
    search.place_beside(meeting)
    frame = meeting.frameGeometry()
    assert search.geometry().left() == frame.right() + 1
    assert search.geometry().right() <= screen.right()
    assert search.geometry().top() == max(screen.top(), frame.top())

    meeting.setGeometry(screen)
    search.place_beside(meeting)
    frame = meeting.frameGeometry()
    assert search.geometry().right() <= screen.right()
    assert search.geometry().left() > frame.left() + frame.width() // 2  # its right part
    assert search.geometry().width() >= SearchWindow.MIN_WIDTH
