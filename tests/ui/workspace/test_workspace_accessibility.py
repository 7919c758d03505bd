"""The workspace as a screen reader and a keyboard user get it (issue 15): the safety scale read
from its cells, a keyboard path through the scaling table that never cycles, Tab that changes
nothing it passes, every side tab's shortcut on its first field, and the meeting's changing
state told in words to assistive technology, not only in colour."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QSpinBox, QWidget

from mdcc_desktop.domain import clock
from mdcc_desktop.domain.models import Attendee, Child, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.widgets.forms import date_edit
from mdcc_desktop.ui.workspace.safety import ScalingModel
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.accessibility_walk import INTERACTIVE
from tests.ui.home.test_main_window import RecordingPrompter

START = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
DESCRIPTION = QAccessible.Text.Description


@pytest.fixture
def conference_id(services: Services) -> int:
    c = services.conferences
    case = c.create_case("CS-A11Y", "ENG", [Child(name="Max Turner")])
    cid = c.create_conference(case.id or 0, "ENG", ConferenceType.INITIAL, START)
    for name in ("Ruth Okafor", "Priya Nair", "Tom Reid"):
        c.add_attendee(cid, Attendee(name=name, agency="Agency"))
    return cid


@pytest.fixture
def ws(qtbot, services: Services, conference_id: int) -> WorkspaceWindow:
    window = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, str]]:
    """The announcements the app hands to Qt's accessibility layer (which the offscreen platform
    does not pass on to a bus): (the announcing widget, the message), in order."""
    said: list[tuple[object, str]] = []
    send = QAccessible.updateAccessibility

    def record(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            assert event.politeness() == QAccessible.AnnouncementPoliteness.Assertive
            said.append((event.object(), event.message()))
        send(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return said


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_the_scale_is_read_from_its_cells_with_what_0_and_10_mean(
    ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    """The eight spin boxes were widgets set into the cells: absent from the accessible tree,
    the cells under them with empty names."""
    ws.side_tabs.setCurrentWidget(ws.safety_panel)
    table, model = ws.safety_panel.scaling, ws.safety_panel.scaling_model
    priya = services.store.attendees(conference_id)[1]
    services.conferences.set_scaling(conference_id, priya.id or 0, 4, None)
    ws.reload()
    cells = [model.index(row, ScalingModel.COL_SCORE) for row in range(model.rowCount())]
    assert [table.indexWidget(index) for index in cells] == [None, None, None]
    assert cells[1].data() == "4"
    assert cells[1].data(Qt.ItemDataRole.AccessibleTextRole) == "Safety scale of Priya Nair: 4"
    assert cells[0].data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Safety scale of Ruth Okafor: not rated"
    )
    meaning = cells[0].data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert "0 means the child cannot live at home" in meaning
    assert "10 means safe enough to close" in meaning
    # As a screen reader gets the table: a cell per score, named with its value.
    iface = QAccessible.queryAccessibleInterface(table)
    names = {iface.child(i).text(QAccessible.Text.Name) for i in range(iface.childCount())}
    assert "Safety scale of Priya Nair: 4" in names
    # The editor the keyboard opens says the same.
    spin = ws.safety_panel.scale_editor(0)
    assert spin.accessibleName() == "Safety scale of Ruth Okafor"
    assert spin.accessibleDescription() == meaning


def test_the_scaling_table_by_keyboard_enter_stores_arrows_move_tab_leaves(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    """Tab cycled through the table's cells for ever."""
    panel = ws.safety_panel
    ws.side_tabs.setCurrentWidget(panel)
    table, model = panel.scaling, panel.scaling_model
    table.setFocus()
    table.setCurrentIndex(model.index(0, ScalingModel.COL_NAME))
    qtbot.keyClick(table, Qt.Key.Key_Right)  # into Ruth's scale
    spin = focused()
    assert isinstance(spin, QSpinBox) and spin.accessibleName() == "Safety scale of Ruth Okafor"
    spin.selectAll()
    qtbot.keyClicks(spin, "6")
    qtbot.keyClick(spin, Qt.Key.Key_Return)  # stored, still in the table, on the same cell
    QApplication.processEvents()
    assert [s.score for s in services.store.scaling(conference_id)] == [6]
    assert focused() is table
    assert table.currentIndex() == model.index(0, ScalingModel.COL_SCORE)
    assert model.index(0, ScalingModel.COL_SCORE).data() == "6"
    qtbot.keyClick(table, Qt.Key.Key_Down)  # Priya's scale opens
    spin = focused()
    assert isinstance(spin, QSpinBox) and spin.accessibleName() == "Safety scale of Priya Nair"
    qtbot.keyClick(spin, Qt.Key.Key_Up)  # from "not rated" to 0
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    qtbot.keyClick(spin, Qt.Key.Key_Tab)  # stored, and out of the table
    QApplication.processEvents()
    assert sorted(s.score or 0 for s in services.store.scaling(conference_id)) == [1, 6]
    after = focused()
    assert after is not None and after is not table and not table.isAncestorOf(after)
    # Shift+Tab comes back to the table (no editor open: the cell is read, not edited).
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    assert focused() is table
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert focused() is after, "Tab left the table, it did not move to the next cell"


def test_tab_through_a_list_keeps_what_is_typed_beside_it(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    """Tab into the household list made its first member current and wrote them over the
    name being typed in the add row below."""
    details = ws.details_panel
    ws.side_tabs.setCurrentWidget(details)
    c = services.conferences
    from mdcc_desktop.domain.models import HouseholdMember

    c.add_household_member(
        conference_id, HouseholdMember(name="Hannah Turner", relationship="Mother")
    )
    ws.reload()
    details.household_name.setText("Joe Turn")
    before = details.household.nextInFocusChain()
    assert before is not None
    details.household.previousInFocusChain().setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is details.household
    assert details.household_name.text() == "Joe Turn"
    # The first arrow key picks a member, shown to be corrected.
    qtbot.keyClick(details.household, Qt.Key.Key_Down)
    assert details.household_name.text() == "Hannah Turner"


def test_a_date_showing_none_lets_tab_go_on(qtbot) -> None:
    """The Details tab's "Date of the report" kept focus for 30 and more Tabs while it showed
    "none"."""
    host = QWidget()
    qtbot.addWidget(host)
    first, date, last = QLineEdit(host), date_edit(host, "Date"), QLineEdit(host)
    for i, widget in enumerate((first, date, last)):
        widget.move(0, 30 * i)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    date.setFocus()
    assert date.text() == "none"
    qtbot.keyClick(date, Qt.Key.Key_Tab)
    assert focused() is last
    date.setFocus()
    qtbot.keyClick(date, Qt.Key.Key_Backtab)
    assert focused() is first
    date.setDate(QDate(2026, 11, 20))  # a date: Tab moves through its sections first
    date.setFocus()
    qtbot.keyClick(date, Qt.Key.Key_Tab)
    assert focused() is date


@pytest.mark.parametrize(
    ("key", "page"),
    [
        (Qt.Key.Key_S, "attendees_panel"),
        (Qt.Key.Key_O, "actions_panel"),
        (Qt.Key.Key_D, "decisions_panel"),
        (Qt.Key.Key_F, "safety_panel"),
        (Qt.Key.Key_I, "details_panel"),
    ],
)
def test_each_side_tabs_shortcut_lands_on_its_first_field(
    qtbot, ws: WorkspaceWindow, key: Qt.Key, page: str
) -> None:
    """A tab's Alt+letter showed its page and left focus where it was (or on the tab bar)."""
    ws.notes_edit.setFocus()
    qtbot.keyClick(ws, key, Qt.KeyboardModifier.AltModifier)
    panel = getattr(ws, page)
    assert ws.side_tabs.currentWidget() is panel
    target = focused()
    assert target is not None and panel.isAncestorOf(target)
    assert isinstance(target, INTERACTIVE), type(target).__name__
    iface = QAccessible.queryAccessibleInterface(target)
    assert iface.text(QAccessible.Text.Name) or iface.relations(QAccessible.RelationFlag.Label)
    # Alt+3 lands on the same field of the page shown.
    ws.notes_edit.setFocus()
    qtbot.keyClick(ws, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert focused() is target


def test_quorum_lost_is_told_in_words(
    qtbot, ws: WorkspaceWindow, announced: list[tuple[object, str]]
) -> None:
    for name, agency in (("Sam", "Police"), ("Kim", "Health Visiting"), ("Lee", "School")):
        ws.new_name.setText(name)
        ws.new_agency.setText(agency)
        ws.new_name.returnPressed.emit()
        ws.check_in_button.click()
    iface = QAccessible.queryAccessibleInterface(ws.quorum_label)
    assert iface.text(DESCRIPTION) == "Quorum met."
    sam = next(a for a in ws.controller.record.attendees if a.name == "Sam")
    ws.attendee_view.selectRow(ws.attendee_model.row_of(sam.id or 0))
    said_before = list(announced)
    ws.mark_left()
    assert iface.text(DESCRIPTION) == "Quorum not met: too few agencies."
    # Said at once, whatever has the focus: the news, once.
    assert announced[len(said_before) :] == [(ws.quorum_label, "Quorum not met: too few agencies.")]
    assert (ws.quorum_label, "Quorum met.") in said_before  # a quorum reached is news too


def test_an_item_over_its_time_is_told_in_words(
    qtbot, ws: WorkspaceWindow, announced: list[tuple[object, str]]
) -> None:
    with clock.use(clock.FixedClock(START)) as fixed:
        ws.start_meeting()
        ws.next_item()
        item = next(
            i for i in ws.record.agenda if i.id == ws.record.conference.current_agenda_item_id
        )
        assert item.planned_minutes, "the profile's agenda plans its items"
        ws._tick()
        iface = QAccessible.queryAccessibleInterface(ws.item_timer_label)
        assert iface.text(DESCRIPTION) == ""
        fixed.advance(dt.timedelta(minutes=item.planned_minutes + 1))
        ws._tick()
        assert iface.text(DESCRIPTION) == "The current item is over its planned time."
        assert "over time" in ws.item_timer_label.text()  # in words on screen too
        over = [m for _n, m in announced if m == "The current item is over its planned time."]
        assert len(over) == 1
        ws._tick()  # the clock ticks on: the state is the same, nothing is said again
        over = [m for _n, m in announced if m == "The current item is over its planned time."]
        assert len(over) == 1


def test_a_notes_save_that_failed_is_told_in_words(
    qtbot, ws: WorkspaceWindow, announced: list[tuple[object, str]]
) -> None:
    ws.start_meeting()
    ws.next_item()
    item_id = ws.meeting.notes_item_id
    assert item_id is not None
    ws.meeting._notes_lost(item_id, "the disk is full.")
    iface = QAccessible.queryAccessibleInterface(ws.notes_state)
    assert iface.text(DESCRIPTION) == "Not saved: the disk is full."
    assert (ws.notes_state, "Not saved: the disk is full.") in announced
