"""Exclusions (issue 10, deliver 6): the chair records, by keyboard, that a parent steps out for
part of the meeting and why, and that they come back; corrects or removes those times; and is
warned, in words, while a restricted item is current with a parent or carer in the room."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTableWidget

from mdcc_desktop.domain import clock
from mdcc_desktop.domain.models import Attendee, Role
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.workspace.test_workspace import CTRL, SHIFT, conference_id, workspace  # noqa: F401

T0 = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def mother(services: Services, conference_id: int) -> int:  # noqa: F811
    c = services.conferences
    mother = c.add_attendee(conference_id, Attendee(name="Mary Parent", roles=[Role.PARENT])).id
    c.check_in(mother, T0)
    pc = c.add_attendee(conference_id, Attendee(name="PC Lee", agency="Police")).id
    c.check_in(pc, T0)
    return int(mother)


def select_attendee(ws: WorkspaceWindow, attendee_id: int) -> None:
    ws.side_tabs.setCurrentIndex(0)
    ws.attendee_view.setCurrentIndex(
        ws.attendee_model.index(ws.attendee_model.row_of(attendee_id), 0)
    )


def test_a_parent_steps_out_with_a_reason_and_comes_back_by_keyboard(
    qtbot,
    workspace: WorkspaceWindow,  # noqa: F811
    services: Services,
    conference_id: int,  # noqa: F811
    mother: int,
) -> None:
    ws = workspace
    select_attendee(ws, mother)
    ws.notes_edit.setFocus()
    fixed = clock.FixedClock(T0 + dt.timedelta(minutes=20))
    with clock.use(fixed):
        # Ctrl+Shift+O from the notes: the reason is asked for, nothing stored yet.
        qtbot.keyClick(ws, Qt.Key.Key_O, CTRL | SHIFT)
        room = ws.attendee_details.room
        assert room.reason.hasFocus()
        assert services.conferences.record(conference_id).attendee(mother).exclusions == []
        qtbot.keyClicks(room.reason, "Police report discussed")
        qtbot.keyClick(room.reason, Qt.Key.Key_Return)
        (out,) = services.conferences.record(conference_id).attendee(mother).exclusions
        assert out.reason == "Police report discussed"
        assert out.left_at == T0 + dt.timedelta(minutes=20)
        assert out.returned_at is None
        assert room.toggle_button.text() == "Back in"
        fixed.advance(dt.timedelta(minutes=15))
        ws.notes_edit.setFocus()
        qtbot.keyClick(ws, Qt.Key.Key_O, CTRL | SHIFT)
    (back,) = services.conferences.record(conference_id).attendee(mother).exclusions
    assert back.returned_at == T0 + dt.timedelta(minutes=35)
    assert room.table.rowCount() == 1
    assert room.table.item(0, 2).text() == "Police report discussed"
    # One undoable step each: Ctrl+Z takes back the return, then the stepping out.
    qtbot.keyClick(ws, Qt.Key.Key_Z, CTRL)
    (again,) = services.conferences.record(conference_id).attendee(mother).exclusions
    assert again.returned_at is None
    qtbot.keyClick(ws, Qt.Key.Key_Z, CTRL)
    assert services.conferences.record(conference_id).attendee(mother).exclusions == []
    qtbot.keyClick(ws, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.keyClick(ws, Qt.Key.Key_Z, CTRL | SHIFT)
    # The exchange file carries it (attendees[].exclusions).
    document = services.exchange.export_document(conference_id)
    attendees = document["conference"]["attendees"]
    (parent,) = [a for a in attendees if a["name"] == "Mary Parent"]
    (exported,) = parent["exclusions"]
    assert exported["reason"] == "Police report discussed"
    assert exported["returned_at"].startswith("2026-11-20T")


def test_a_time_out_is_corrected_in_place_refused_when_impossible_and_removed_by_del(
    qtbot,
    workspace: WorkspaceWindow,  # noqa: F811
    services: Services,
    conference_id: int,  # noqa: F811
    mother: int,
) -> None:
    ws = workspace
    select_attendee(ws, mother)
    room = ws.attendee_details.room
    with clock.use(clock.FixedClock(T0 + dt.timedelta(minutes=20))):
        room.reason.setText("Police report")
        qtbot.mouseClick(room.toggle_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(room.toggle_button, Qt.MouseButton.LeftButton)
    local = (T0 + dt.timedelta(minutes=20)).astimezone()
    # The reason and the return typed over in the table's cells.
    edit_cell(qtbot, room.table, 0, 2, "Medical report discussed")
    assert stored_reason(services, conference_id, mother) == "Medical report discussed"
    back = (local + dt.timedelta(minutes=25)).strftime("%H:%M")
    edit_cell(qtbot, room.table, 0, 1, back)
    x = services.conferences.record(conference_id).attendee(mother).exclusions[0]
    assert x.returned_at == T0 + dt.timedelta(minutes=45)
    # Coming back before stepping out is refused in words; nothing is stored.
    before = (local - dt.timedelta(minutes=10)).strftime("%H:%M")
    edit_cell(qtbot, room.table, 0, 1, before)
    assert "before they step out" in ws.message_label.text()
    x = services.conferences.record(conference_id).attendee(mother).exclusions[0]
    assert x.returned_at == T0 + dt.timedelta(minutes=45)
    assert room.table.item(0, 1).text() == back
    # Del removes the line, Ctrl+Z brings it back.
    room.table.setFocus()
    qtbot.keyClick(room.table, Qt.Key.Key_Delete)
    assert services.conferences.record(conference_id).attendee(mother).exclusions == []
    qtbot.keyClick(ws, Qt.Key.Key_Z, CTRL)
    assert stored_reason(services, conference_id, mother) == "Medical report discussed"


def edit_cell(qtbot, table: QTableWidget, row: int, column: int, text: str) -> None:
    """F2 on the cell, type over what it holds, Enter."""
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the view hands the edit over once the key is handled


def stored_reason(services: Services, conference_id: int, attendee_id: int) -> str:  # noqa: F811
    (x,) = services.conferences.record(conference_id).attendee(attendee_id).exclusions
    return x.reason


def test_a_restricted_item_made_current_with_a_parent_in_the_room_is_warned_in_words(
    qtbot,
    workspace: WorkspaceWindow,  # noqa: F811
    services: Services,
    conference_id: int,  # noqa: F811
    mother: int,
) -> None:
    ws = workspace
    with clock.use(clock.FixedClock(T0 + dt.timedelta(minutes=10))):
        qtbot.keyClick(ws, Qt.Key.Key_S, CTRL | SHIFT)  # start
        ws.agenda_view.setFocus()
        ws.agenda_view.setCurrentIndex(ws.agenda_model.index(1, 0))
        qtbot.keyClick(ws.agenda_view, Qt.Key.Key_R, CTRL)  # restrict it
        qtbot.keyClick(ws, Qt.Key.Key_Return, CTRL | SHIFT)  # make it current
        ws._tick()
        assert ws.meeting.room_warning.isVisibleTo(ws)
        text = ws.meeting.room_warning.text()
        assert "Restricted item" in text and "Mary Parent" in text
        # She steps out: the warning goes.
        select_attendee(ws, mother)
        ws.attendee_details.room.reason.setText("Restricted item")
        qtbot.keyClick(ws, Qt.Key.Key_O, CTRL | SHIFT)
        ws._tick()
        assert not ws.meeting.room_warning.isVisibleTo(ws)
        # Back in while the restricted item still runs: warned again.
        qtbot.keyClick(ws, Qt.Key.Key_O, CTRL | SHIFT)
        ws._tick()
        assert ws.meeting.room_warning.isVisibleTo(ws)
