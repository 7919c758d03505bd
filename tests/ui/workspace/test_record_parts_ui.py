"""The record's new parts in the live workspace (issue 12 point 3), as a chair enters them: the
minutes section of an agenda item beside its notes, an action's outcome and contingency, and the
meetings booked on the Details tab. Each is typed or picked in the real widgets, left with the
keyboard, found in the encrypted database, and taken back with Ctrl+Z."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from mdcc_desktop.domain.models import (
    Action,
    Attendee,
    Child,
    ConferenceStatus,
    ConferenceType,
    Role,
)
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter

CTRL = Qt.KeyboardModifier.ControlModifier
START = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


def _conference(services: Services, jurisdiction: str = "ENG") -> int:
    case = services.conferences.create_case(f"CS-{jurisdiction}-REC", jurisdiction, [Child("Max")])
    cid = services.conferences.create_conference(
        case.id or 0, jurisdiction, ConferenceType.INITIAL, START
    )
    owner = services.conferences.add_attendee(
        cid, Attendee(name="Priya Nair", agency="Children's Services", roles=[Role.KEY_WORKER])
    ).id
    services.conferences.add_action(cid, Action(description="Visit weekly", owner_id=owner))
    return cid


@pytest.fixture
def conference_id(services: Services) -> int:
    return _conference(services)


def _open(qtbot, services: Services, conference_id: int) -> WorkspaceWindow:
    window = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def ws(qtbot, services: Services, conference_id: int) -> Iterator[WorkspaceWindow]:
    yield _open(qtbot, services, conference_id)


def _select_item(ws: WorkspaceWindow, title: str) -> int:
    row = next(n for n, i in enumerate(ws.controller.record.agenda) if i.title == title)
    ws.agenda_view.selectRow(row)
    return ws.controller.record.agenda[row].id or 0


def _pick_by_keyboard(qtbot, combo: QComboBox, text: str) -> None:
    """Move through the combo with the arrow keys until it shows ``text`` (each key picks)."""
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def _undo(qtbot, ws: WorkspaceWindow) -> None:
    ws.agenda_view.setFocus()  # away from any text field with its own undo
    qtbot.keyClick(ws.agenda_view, Qt.Key.Key_Z, CTRL)


def test_the_minutes_section_is_picked_beside_the_notes_and_undone(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    picker = ws.meeting.section_picker
    combo = picker.combo
    assert picker.label.buddy() is combo
    assert combo.accessibleName() == "Minutes section of the agenda item"
    # the profile's template gave this item its section; the combo says so
    _select_item(ws, "Reason for the conference")
    assert combo.currentText() == "Purpose of the conference"
    item = _select_item(ws, "Information from agencies")
    assert combo.currentText() == "Discussion (no section)"
    # the England profile's text sections, in its order, after the discussion
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Discussion (no section)",
        "Purpose of the conference",
        "The child's views",
        "The parents' views",
        "The chair's analysis of risks and strengths",
    ]
    # Shift+Tab from the notes reaches it; the arrow keys pick
    ws.notes_edit.setFocus()
    qtbot.keyClick(ws.notes_edit, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is combo
    _pick_by_keyboard(qtbot, combo, "Purpose of the conference")
    assert services.store.get_agenda_item(item).section == "purpose"
    # each pick is one step to undo (Down again picks the next section)
    _pick_by_keyboard(qtbot, combo, "The child's views")
    assert services.store.get_agenda_item(item).section == "child_views"
    _undo(qtbot, ws)
    assert services.store.get_agenda_item(item).section == "purpose"
    _undo(qtbot, ws)
    assert services.store.get_agenda_item(item).section is None
    assert combo.currentText() == "Discussion (no section)"
    qtbot.keyClick(ws.agenda_view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert services.store.get_agenda_item(item).section == "purpose"
    assert combo.currentText() == "Purpose of the conference"


def test_section_titles_follow_the_interface_language(
    qtbot, services: Services, conference_id: int
) -> None:
    hk = _conference(services, "HK")
    labels.set_interface_language("zh-Hant")
    try:
        ws = _open(qtbot, services, hk)
        ws.agenda_view.selectRow(0)
        combo = ws.meeting.section_picker.combo
        texts = [combo.itemText(i) for i in range(1, combo.count())]
        assert texts == ["會議目的及個案背景", "兒童的意見", "家長的意見", "風險評估"]
    finally:
        labels.set_interface_language(None)


def _type_over(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_outcome_and_contingency_are_typed_tabbed_away_and_undone(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    ws.side_tabs.setCurrentWidget(ws.actions_panel)
    ws.action_view.selectRow(0)
    details = ws.action_details
    action_id = ws.controller.record.actions[0].id or 0
    for edit, name in (
        (details.outcome, "Action's outcome"),
        (details.contingency, "Action's contingency"),
    ):
        assert edit.accessibleName() == name
    # Alt+Y (the contingency's label) and Tab from the action's text reach them
    details.description.setFocus()
    qtbot.keyClick(details.description, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is details.outcome
    qtbot.keyClicks(details.outcome, "Max feels safe at home")
    qtbot.keyClick(details.outcome, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is details.contingency
    assert services.store.get_action(action_id).outcome == "Max feels safe at home"
    qtbot.keyClicks(details.contingency, "  Reconvene the conference  ")
    qtbot.keyClick(details.contingency, Qt.Key.Key_Tab)
    stored = services.store.get_action(action_id)
    assert stored.contingency == "Reconvene the conference"
    _undo(qtbot, ws)
    assert services.store.get_action(action_id).contingency is None
    assert details.contingency.text() == ""
    _undo(qtbot, ws)
    assert services.store.get_action(action_id).outcome is None
    assert details.outcome.text() == ""
    # emptied: none again
    _type_over(qtbot, details.outcome, "Safe")
    qtbot.keyClick(details.outcome, Qt.Key.Key_Tab)
    _type_over(qtbot, details.outcome, "   ")
    qtbot.keyClick(details.outcome, Qt.Key.Key_Tab)
    assert services.store.get_action(action_id).outcome is None


def test_the_plan_columns_are_read_only_once_finalised(
    qtbot, services: Services, conference_id: int
) -> None:
    action_id = services.conferences.record(conference_id).actions[0].id or 0
    services.conferences.update_action_plan(action_id, outcome="Safe")
    services.store.update_conference(conference_id, {"status": ConferenceStatus.FINALISED})
    ws = _open(qtbot, services, conference_id)
    ws.side_tabs.setCurrentWidget(ws.actions_panel)
    ws.action_view.selectRow(0)
    assert ws.action_details.outcome.isReadOnly()
    assert ws.action_details.outcome.text() == "Safe"
    assert ws.action_details.contingency.isReadOnly()
    assert ws.action_details.status.isEnabled()  # following the plan up goes on


def _enter(field, value, then) -> None:
    """Go to ``field``, give it ``value`` and move on to ``then`` (as Tab past the field's last
    section does)."""
    field.setFocus()
    if isinstance(value, QDate):
        field.setDate(value)
    else:
        field.setTime(value)
    then.setFocus()


def test_meetings_are_booked_on_the_details_tab_refused_when_wrong_and_undone(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    ws.side_tabs.setCurrentWidget(ws.details_panel)
    booked = ws.details_panel.meetings
    core, review = booked.core_group, booked.review
    for widget in (core.date, core.time, core.venue, review.date, review.time, review.venue):
        assert widget.accessibleName()
    # the core group meeting: a date waits for its time, then it is booked
    _enter(core.date, QDate(2026, 12, 4), core.time)
    assert booked.waiting.isVisibleTo(ws)
    assert services.conferences.conference(conference_id).core_group_at is None
    _enter(core.time, QTime(10, 30), core.venue)
    assert not booked.waiting.isVisibleTo(ws)
    expected = dt.datetime(2026, 12, 4, 10, 30).astimezone()
    assert services.conferences.conference(conference_id).core_group_at == expected
    qtbot.keyClicks(core.venue, "Family centre")
    qtbot.keyClick(core.venue, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is review.date
    assert services.conferences.conference(conference_id).core_group_venue == "Family centre"
    # a review before the conference is refused, told, and the fields show what is stored
    _enter(review.date, QDate(2026, 11, 1), review.time)
    _enter(review.time, QTime(14, 0), review.venue)
    assert services.conferences.conference(conference_id).review_at is None
    assert "before the conference" in ws.message_label.text()
    assert review.date.date() == QDate(2000, 1, 1)  # "none" again
    # the comments deadline
    _enter(booked.comments_by, QDate(2026, 11, 27), core.venue)
    assert services.conferences.conference(conference_id).comments_by == dt.date(2026, 11, 27)
    # Ctrl+Z takes each back, newest first
    _undo(qtbot, ws)
    assert services.conferences.conference(conference_id).comments_by is None
    assert booked.comments_by.date() == QDate(2000, 1, 1)
    _undo(qtbot, ws)
    assert services.conferences.conference(conference_id).core_group_venue is None
    assert core.venue.text() == ""
    _undo(qtbot, ws)
    assert services.conferences.conference(conference_id).core_group_at is None
    assert core.time.time() == QTime(0, 0)
    # booked, then cancelled by emptying the date
    ws.side_tabs.setCurrentWidget(ws.details_panel)
    _enter(review.date, QDate(2027, 2, 19), review.time)
    _enter(review.time, QTime(9, 0), review.venue)
    assert services.conferences.conference(conference_id).review_at is not None
    _enter(review.date, QDate(2000, 1, 1), review.venue)
    assert services.conferences.conference(conference_id).review_at is None


def test_the_gui_export_says_in_its_finished_message_what_the_file_left_out(
    qtbot, services: Services, conference_id: int, tmp_path
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from mdcc_desktop.ui.home.conference_files import ask_export

    window = QMainWindow()
    qtbot.addWidget(window)
    prompter = RecordingPrompter()
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    prompter.files += [first, second]
    assert ask_export(window, services, prompter, conference_id, "CS-ENG-REC", None)
    assert window.statusBar().currentMessage() == f"Exported to {first}."
    services.conferences.book_meetings(conference_id, comments_by=dt.date(2026, 11, 27))
    action_id = services.conferences.record(conference_id).actions[0].id or 0
    services.conferences.update_action_plan(action_id, contingency="Reconvene")
    assert ask_export(window, services, prompter, conference_id, "CS-ENG-REC", None)
    assert window.statusBar().currentMessage() == (
        f"Exported to {second}. Left out of the file, which has no place for them: the actions' "
        "contingencies; the date comments are due by."
    )
    assert first.read_bytes() == second.read_bytes()
    assert prompter.errors == []
