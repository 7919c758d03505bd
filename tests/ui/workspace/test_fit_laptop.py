"""Fit the laptop (issue 10, finding 8 and deliver 8): at 1366x768 the notes get the widest
column, the running item's timer is large and above the notes, the home list shows the next
deadline, long mapping and dissent lines wrap, and every field in the workspace has a label."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)

from mdcc_desktop.domain.models import Attendee, Child, ConferenceType, Decision, SafetySection
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.home.main_window import MainWindow
from mdcc_desktop.ui.home.models import ConferenceListModel
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter

LONG = (
    "Max has told his teacher that he is frightened when the arguments at home start late at "
    "night and that he hides under the stairs with his little sister until it is quiet again."
)


@pytest.fixture
def conference_id(services: Services) -> int:
    c = services.conferences
    case = c.create_case("CS-FIT", "ENG", [Child(name="Max Turner")])
    cid = c.create_conference(
        case.id or 0, "ENG", ConferenceType.INITIAL, dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC)
    )
    tom = c.add_attendee(cid, Attendee(name="Tom Reid", agency="Family Support Service")).id
    decision = c.add_decision(cid, Decision("free", "A child protection plan")).id
    c.add_dissent(decision, tom, LONG)
    c.add_safety_line(cid, SafetySection.WORRIES, LONG)
    return cid


@pytest.fixture
def ws(qtbot, services: Services, conference_id: int) -> WorkspaceWindow:
    window = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_notes_get_the_widest_column(ws: WorkspaceWindow) -> None:
    """The notes pane was the narrowest of the three."""
    notes = ws.notes_panel.width()
    assert notes > ws.agenda_panel.width()
    assert notes > ws.side_tabs.width()


def test_the_item_timer_is_large_and_above_the_notes(qtbot, ws: WorkspaceWindow) -> None:
    """It was small text at the bottom of the agenda."""
    timer = ws.item_timer_label
    assert timer.isVisibleTo(ws)
    assert timer.font().pointSizeF() >= 1.5 * ws.notes_edit.font().pointSizeF()
    assert timer.font().bold()
    top_of = lambda w: w.mapTo(ws, w.rect().topLeft()).y()  # noqa: E731
    assert top_of(timer) < top_of(ws.notes_edit)
    assert timer.parentWidget() is ws.notes_panel


def test_long_mapping_and_dissent_lines_wrap_instead_of_scrolling_sideways(
    qtbot, ws: WorkspaceWindow
) -> None:
    ws.side_tabs.setCurrentWidget(ws.safety_panel)
    worries = ws.safety_panel.lists[SafetySection.WORRIES]
    qtbot.waitUntil(lambda: worries.count() == 1)
    assert worries.horizontalScrollBar().maximum() == 0
    assert worries.visualItemRect(worries.item(0)).width() <= worries.viewport().width()
    ws.side_tabs.setCurrentWidget(ws.decisions_panel)
    panel = ws.decisions_panel
    panel.view.selectRow(0)
    dissent = panel.dissent_list
    qtbot.waitUntil(lambda: dissent.count() == 1)
    assert dissent.horizontalScrollBar().maximum() == 0


FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit)


def unlabelled_fields(window: QWidget) -> list[str]:
    """Every field (outside a table's cell editors) that no label names as its buddy (a label
    may name the field's container, such as a time field's box)."""
    buddies = {label.buddy() for label in window.findChildren(QLabel) if label.buddy()}
    missing = []
    for field in window.findChildren(QWidget):
        if not isinstance(field, FIELDS):
            continue
        parent = field.parentWidget()
        if isinstance(field, QLineEdit) and isinstance(parent, (QComboBox, QAbstractSpinBox)):
            continue  # the line inside a combo or a spin box
        ancestors = []
        widget: QWidget | None = field
        while widget is not None:
            ancestors.append(widget)
            widget = widget.parentWidget()
        if any(isinstance(a, QAbstractItemView) for a in ancestors):
            continue  # a cell's editor: the column header names it
        if not any(a in buddies for a in ancestors[:3]):
            missing.append(field.accessibleName() or type(field).__name__)
    return sorted(missing)


def test_every_field_of_the_workspace_has_a_label(ws: WorkspaceWindow) -> None:
    """The discipline combo (and twenty other fields) had only a placeholder."""
    assert unlabelled_fields(ws) == []


def test_the_home_list_shows_the_next_deadline_on_screen(
    qtbot, services: Services, shared_example: Path
) -> None:
    """The next-deadline column was off-screen at 1366x768 ("Outcome letter to everyone
    invited: ..." sized the column to its text, past the table's right edge)."""
    services.exchange.import_file(shared_example)
    home = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(home)
    home.resize(1366, 768)
    home.show()
    qtbot.waitExposed(home)
    table = home.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    header = table.horizontalHeader()
    column = ConferenceListModel.COL_DEADLINE
    left = header.sectionViewportPosition(column)
    assert left >= 0
    assert left + header.sectionSize(column) <= table.viewport().width()
    assert header.sectionSize(column) >= 120


def test_nothing_in_a_scrolling_page_is_cut_off_at_the_right(ws: WorkspaceWindow) -> None:
    """A page that scrolls up and down (the attendee's details, the Details tab) must fit its
    width: it has no sideways scroll bar, so what is wider is cut off."""
    for tab in range(ws.side_tabs.count()):
        ws.side_tabs.setCurrentIndex(tab)
        for area in ws.side_tabs.currentWidget().findChildren(QScrollArea):
            inner = area.widget()
            assert inner.minimumSizeHint().width() <= area.viewport().width(), ws.side_tabs.tabText(
                tab
            )


def test_the_attendee_agency_column_is_readable_on_a_laptop(
    qtbot, services: Services, shared_example: Path
) -> None:
    """At 1366x768, with the example's eight attendees and their roles, the agency column had
    shrunk to a few pixels ("genc", "S...")."""
    from mdcc_desktop.ui.workspace.models import AttendeeModel

    services.exchange.import_file(shared_example)
    window = WorkspaceWindow(
        services, services.conferences.conference_ids()[0], RecordingPrompter()
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    view = window.attendee_view
    assert view.columnWidth(AttendeeModel.COL_AGENCY) >= 100
    assert view.columnWidth(AttendeeModel.COL_ROLES) >= 60
