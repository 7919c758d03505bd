"""The home window's pages beside the conference list: the action tracker, the deadlines and
search, each made (and its module imported) the first time it is shown or asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.widgets.prompter import Prompter

if TYPE_CHECKING:
    from mdcc_desktop.ui.followup.deadlines import DeadlinesPage
    from mdcc_desktop.ui.followup.search import SearchPage
    from mdcc_desktop.ui.followup.tracker import TrackerPage

TRACKER, DEADLINES, SEARCH = 1, 2, 3  # their rows in the sidebar and in the stack


def make_page(
    row: int,
    services: Services,
    home: QWidget,
    prompter: Prompter,
    open_conference: Callable[[int], None],
) -> QWidget:
    """The page of ``row``, for the home window ``home``; activating a conference in it calls
    ``open_conference``, and the tracker asks ``prompter`` where to export."""
    page: TrackerPage | DeadlinesPage | SearchPage
    if row == TRACKER:
        from mdcc_desktop.ui.followup.tracker import TrackerPage

        page = TrackerPage(services, home)
        page.ask_save = lambda title, name, filters: prompter.save_file(home, title, name, filters)
    elif row == DEADLINES:
        from mdcc_desktop.ui.followup.deadlines import DeadlinesPage

        page = DeadlinesPage(services, home)
    elif row == SEARCH:
        from mdcc_desktop.ui.followup.search import SearchPage

        page = SearchPage(services, home)
    else:
        raise IndexError(f"the home window has no page in row {row}")
    page.open_conference.connect(open_conference)
    return page
