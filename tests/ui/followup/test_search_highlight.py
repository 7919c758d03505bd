"""Issue 10, finding 7 / deliver 7: search results mark the words found (bold and underlined,
not colour alone) while each item's own text, the one a screen reader reads, stays plain."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QStyleOptionViewItem

from mdcc_desktop.domain.models import Child, ConferenceType, Decision, HouseholdMember
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.followup.search import SearchPage
from mdcc_desktop.ui.widgets.highlight import HighlightDelegate, marked_html

LONG = (
    "The conference agreed that the school nurse will see Amy weekly and report to the key "
    "worker, who will share each report with the core group before the review conference."
)


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        ("Amy Test", "amy", "<b><u>Amy</u></b> Test"),
        ("a AMY amy", "Amy", "a <b><u>AMY</u></b> <b><u>amy</u></b>"),
        ("陳國強 (父親)", "陳國強", "<b><u>陳國強</u></b> (父親)"),
        ("<b>x</b> & y", "x", "&lt;b&gt;<b><u>x</u></b>&lt;/b&gt; &amp; y"),
        # A character whose fold is longer: the mark still covers the right characters.
        ("Große Straße 5", "strasse", "Große <b><u>Straße</u></b> 5"),
        ("Straße", "STRASSE", "<b><u>Straße</u></b>"),
        ("Amy", "", "Amy"),
        ("Amy", "  amy ", "<b><u>Amy</u></b>"),
    ],
)
def test_marked_html(text: str, needle: str, expected: str) -> None:
    assert marked_html(text, needle) == expected


@pytest.fixture
def page(qtbot, services: Services) -> SearchPage:
    case = services.conferences.create_case("CS-HL-1", "ENG", [Child(name="Amy Test")])
    assert case.id is not None
    conference_id = services.conferences.create_conference(
        case.id, "ENG", ConferenceType.INITIAL, dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
    )
    services.conferences.add_household_member(
        conference_id, HouseholdMember(name="陳國強", relationship="父親")
    )
    services.conferences.add_decision(conference_id, Decision(kind="plan", text=LONG))
    widget = SearchPage(services)
    qtbot.addWidget(widget)
    widget.resize(320, 480)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _search(qtbot, page: SearchPage, text: str) -> None:
    page.query.setFocus()
    page.query.clear()
    if text.isascii():
        qtbot.keyClicks(page.query, text)
    else:  # what an input method commits (QTest types Latin-1 only)
        page.query.insert(text)
    qtbot.keyClick(page.query, Qt.Key.Key_Return)


def _item_image(page: SearchPage, row: int) -> QImage:
    rect = page.results.visualItemRect(page.results.item(row))
    return page.results.viewport().grab(rect).toImage()


def test_a_household_member_found_by_chinese_name_is_marked_in_plain_text(
    qtbot, page: SearchPage
) -> None:
    _search(qtbot, page, "陳國強")
    assert page.results.count() == 1
    item = page.results.item(0)
    assert "陳國強" in item.text()
    assert "<" not in item.text()  # the text a screen reader reads carries no markup
    delegate = page.results.itemDelegate()
    assert isinstance(delegate, HighlightDelegate)
    assert delegate.needle == "陳國強"
    marked = _item_image(page, 0)
    delegate.needle = ""  # the same item painted with nothing marked
    plain = _item_image(page, 0)
    assert marked != plain


def test_a_long_result_wraps_to_the_list_and_marks_every_line(qtbot, page: SearchPage) -> None:
    _search(qtbot, page, "report")
    assert page.results.count() == 1
    item = page.results.item(0)
    rect = page.results.visualItemRect(item)
    line = page.results.fontMetrics().height()
    assert rect.width() <= page.results.viewport().width()
    assert rect.height() >= 2 * line  # wrapped, not cut off at the right edge
    delegate = page.results.itemDelegate()
    assert isinstance(delegate, HighlightDelegate)
    # Asked before the list lays the item out (no width yet): wrapped to the list's width.
    option = QStyleOptionViewItem()
    option.widget = page.results
    option.font = page.results.font()
    option.rect = QRect()
    hint = delegate.sizeHint(option, page.results.indexFromItem(item))
    assert hint.width() <= page.results.viewport().width()
    assert hint.height() >= 2 * line
