"""Every screen usable at twice the default font size on a 1366x768 laptop (issue 15, deliver
5): nothing cut off, scrolling where it does not fit. The workspace was 1476x887 at 2x: the
header's long lines did not wrap and the side pages pushed the window past the screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from mdcc_desktop.services.context import Services
from tests.conftest import EXAMPLE_COPY
from tests.ui.home.test_main_window import RecordingPrompter
from tests.ui.large_text import SCREEN, clipped
from tests.ui.test_accessibility import SCREENS, Screen, on_screen


@pytest.fixture
def conference_id(services: Services) -> int:
    return services.exchange.import_file(EXAMPLE_COPY).conference_id


@pytest.fixture
def twice_the_text(qapp: QApplication) -> Iterator[None]:
    font = qapp.font()
    large = qapp.font()
    large.setPointSizeF(font.pointSizeF() * 2)
    qapp.setFont(large)
    yield
    qapp.setFont(font)


def lay_out(qtbot, window: QWidget) -> QWidget:
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return window


@pytest.mark.parametrize("page", [0, 1, 2, 3])
def test_the_home_window_at_twice_the_text(
    qtbot, twice_the_text: None, services: Services, conference_id: int, page: int
) -> None:
    from mdcc_desktop.ui.home.main_window import MainWindow

    window = lay_out(qtbot, MainWindow(services, RecordingPrompter()))
    window.sidebar.setCurrentRow(page)
    QApplication.processEvents()
    assert clipped(window) == []


@pytest.mark.parametrize("tab", [0, 1, 2, 3, 4])
def test_the_workspace_at_twice_the_text(
    qtbot, twice_the_text: None, services: Services, conference_id: int, tab: int
) -> None:
    from mdcc_desktop.ui.workspace.window import WorkspaceWindow

    window = lay_out(qtbot, WorkspaceWindow(services, conference_id, RecordingPrompter()))
    window.side_tabs.setCurrentIndex(tab)
    QApplication.processEvents()
    assert clipped(window) == []


def test_the_check_finds_a_cut_off_button(qtbot, twice_the_text: None) -> None:
    from PySide6.QtWidgets import QPushButton

    window = QWidget()
    button = QPushButton("A button with a long text", window)
    button.resize(40, 20)
    lay_out(qtbot, window)
    assert len(clipped(window)) == 1


DIALOGS = [s for s in SCREENS if not s.name.startswith(("home:", "workspace:"))]


@pytest.mark.parametrize("screen", DIALOGS, ids=[s.name for s in DIALOGS])
def test_every_dialog_at_twice_the_text(
    qtbot, twice_the_text: None, example_services: tuple[Services, int], screen: Screen
) -> None:
    """Each dialog of the accessibility walk's table, at twice the text: nothing cut off, and
    no dialog larger than the laptop's screen."""
    with on_screen(qtbot, example_services, screen) as window:
        QApplication.processEvents()
        problems = clipped(window)
    assert problems == [], "\n".join(problems)
