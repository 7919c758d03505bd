"""Hostile text pasted into the filter and search boxes: no crash dialog, the views keep working.

A NUL pasted into search ended the FTS query early (a syntax error), 17,000 Chinese characters
in the home or tracker filter passed SQLite's LIKE pattern limit, and an unpaired surrogate
cannot be encoded for SQLite at all. Each opened the crash dialog, and the tracker's model was
left halfway through a reset. pytest-qt fails a test when a slot raises, as the crash dialog
would have opened.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from mdcc_desktop.domain.models import Action, Attendee, Child, ConferenceType
from mdcc_desktop.domain.text import MAX_FILTER_CHARS, clean_filter_text
from mdcc_desktop.domain.tracker import ActionFilter
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.home.main_window import MainWindow
from tests.ui.home.test_main_window import RecordingPrompter

TODAY = dt.date.today()
CJK_FLOOD = "兒童保護個案會議" * 2125  # 17,000 characters, 51,000 bytes
HOSTILE = [
    "CS-\x00HOST",
    "\x00",
    "保護\x00個案",
    CJK_FLOOD,
    "A" * 60_000,
    "%_\\" * 20_000,
    "\ud800HOST",
    '"HOST" OR *',
]


@pytest.fixture
def case_id(services: Services) -> int:
    c = services.conferences
    case = c.create_case("CS-HOST", "ENG", [Child(name="Hana Host", alt_name="何家欣")])
    cid = c.create_conference(
        case.id or 0,
        "ENG",
        ConferenceType.INITIAL,
        dt.datetime.combine(TODAY - dt.timedelta(days=10), dt.time(10), dt.UTC),
    )
    owner = c.add_attendee(cid, Attendee(name="Sara Worker", agency="Children's Services")).id
    c.add_action(cid, Action(description="Visit the family", owner_id=owner, due=TODAY))
    return cid


@pytest.fixture
def home(qtbot, services: Services, case_id: int) -> MainWindow:
    window = MainWindow(services, RecordingPrompter(), open_on_overdue=False)
    qtbot.addWidget(window)
    window.show()
    return window


def paste(edit: QLineEdit, text: str) -> None:
    """As a user pastes: through the clipboard into the focused box."""
    edit.clear()
    edit.setFocus()
    QApplication.clipboard().setText(text)
    edit.paste()
    if not edit.text() and text.strip("\x00"):
        edit.insert(text)  # a clipboard that refused the text: insert as a drop would


def test_clean_filter_text() -> None:
    assert clean_filter_text("a\x00b") == "ab"
    assert clean_filter_text("\ud800x\udfff") == "x"
    assert clean_filter_text("\ud83d\ude00") == "😀"  # a pair held as two code points
    assert len(clean_filter_text(CJK_FLOOD)) == MAX_FILTER_CHARS
    assert clean_filter_text("CS-1 陳") == "CS-1 陳"


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_home_filter_survives_and_still_finds(qtbot, home: MainWindow, text: str) -> None:
    paste(home.filter_edit, text)
    home.refresh()
    assert "\x00" not in home.filter_edit.text()
    assert len(home.filter_edit.text()) <= MAX_FILTER_CHARS
    assert home.prompter.errors == []

    paste(home.filter_edit, "CS-HOST")
    home.refresh()
    assert home.model.rowCount() == 1
    home.filter_edit.clear()
    home.refresh()
    assert home.model.rowCount() == 1


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_tracker_filters_survive_and_the_model_still_works(
    qtbot, home: MainWindow, text: str
) -> None:
    page = home.tracker_page
    page.show_view("All actions")
    for edit in (page.case, page.owner, page.agency):
        paste(edit, text)
        page.apply_filter()
        assert "\x00" not in edit.text()
        assert len(edit.text()) <= MAX_FILTER_CHARS
        edit.clear()
        page.apply_filter()
        assert page.model.rowCount() == 1
        assert page.model.total == 1
    paste(page.case, "HOST")
    page.apply_filter()
    assert page.model.rowCount() == 1


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_search_box_survives(qtbot, home: MainWindow, text: str) -> None:
    page = home.search_page
    paste(page.query, text)
    page.search()
    assert "\x00" not in page.query.text()
    paste(page.query, "何家欣")
    page.search()
    assert page.results.count() == 1


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_services_that_search_do_not_fail_on_such_text(
    services: Services, case_id: int, text: str
) -> None:
    services.conferences.list_conferences(text)
    services.tracker.search(text)
    for field in ("case", "owner", "agency", "text"):
        f = ActionFilter(as_of=TODAY, **{field: text})
        services.tracker.actions(f)
        services.tracker.count(f)
