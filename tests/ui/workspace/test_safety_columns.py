"""Signs of Safety as practitioners use it (issue 10, finding 9 and deliver 9): the mapping in
three columns side by side, each line edited in place, every participant's scale typed by
keyboard, and the case's earlier scores beside today's."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from mdcc_desktop.domain.models import Attendee, Child, ConferenceType, SafetySection
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.workspace.safety import ScalingModel
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter

CTRL = Qt.KeyboardModifier.ControlModifier
FIRST = dt.datetime(2026, 8, 20, 10, 0, tzinfo=dt.UTC)
TODAY = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def conference_id(services: Services) -> int:
    c = services.conferences
    case = c.create_case("CS-SOS", "ENG", [Child(name="Max Turner")])
    earlier = c.create_conference(case.id or 0, "ENG", ConferenceType.INITIAL, FIRST)
    for name, score in (("Priya Nair", 2), ("Tom Reid", 4)):
        who = c.add_attendee(earlier, Attendee(name=name, agency="Agency")).id
        c.set_scaling(earlier, who, score, None)
    cid = c.create_conference(case.id or 0, "ENG", ConferenceType.REVIEW, TODAY)
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
    window.side_tabs.setCurrentWidget(window.safety_panel)
    return window


def test_the_mapping_is_three_columns_side_by_side_edited_in_place(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    """It was one flat list with a prefix on every line."""
    panel = ws.safety_panel
    lists = panel.lists
    left = {s: lists[s].mapTo(panel, lists[s].rect().topLeft()) for s in lists}
    worries, danger = left[SafetySection.WORRIES], left[SafetySection.DANGER_STATEMENTS]
    well, needs = left[SafetySection.WORKING_WELL], left[SafetySection.NEEDS_TO_HAPPEN]
    goals = left[SafetySection.SAFETY_GOALS]
    assert worries.x() < well.x() < needs.x()  # side by side
    assert danger.x() == worries.x() and danger.y() > worries.y()  # under the worries
    assert goals.x() == needs.x() and goals.y() > needs.y()  # under what needs to happen
    # Working in a column, the chair types a line there and Enter adds it to that column.
    lists[SafetySection.WORKING_WELL].setFocus()
    panel.line.setFocus()
    qtbot.keyClicks(panel.line, "Max attends school every day.")
    qtbot.keyClick(panel.line, Qt.Key.Key_Return)
    [line] = services.store.safety_lines(conference_id)
    assert line.section == SafetySection.WORKING_WELL
    assert line.text == "Max attends school every day."
    shown = lists[SafetySection.WORKING_WELL]
    assert shown.item(0).text() == "Max attends school every day."  # no prefix
    # F2 edits the line where it stands.
    shown.setFocus()
    shown.setCurrentRow(0)
    qtbot.keyClick(shown, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Max attends school every day and has a trusted teacher.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    [line] = services.store.safety_lines(conference_id)
    assert line.text == "Max attends school every day and has a trusted teacher."
    # Del removes it; Ctrl+Z brings it back, then undoes the correction.
    shown.setFocus()
    shown.setCurrentRow(0)
    qtbot.keyClick(shown, Qt.Key.Key_Delete)
    assert services.store.safety_lines(conference_id) == []
    ws.undo_stack.undo()
    ws.undo_stack.undo()
    assert [x.text for x in services.store.safety_lines(conference_id)] == [
        "Max attends school every day."
    ]


def test_each_scale_is_typed_by_keyboard_beside_the_earlier_scores(
    qtbot, ws: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    panel = ws.safety_panel
    model = panel.scaling_model
    # The earlier conference's scores, matched by name, beside today's.
    assert model.index(1, ScalingModel.COL_EARLIER).data() == "2"
    assert model.index(2, ScalingModel.COL_EARLIER).data() == "4"
    assert model.index(0, ScalingModel.COL_EARLIER).data() == ""
    assert "20 Aug 2026: median 3" in panel.trend.text()
    assert panel.trend.isVisibleTo(ws)
    # Keyboard only: in the table, Right from Priya's name goes into her scale, the digits are
    # typed there and Tab hands them over.
    table = panel.scaling
    table.setFocus()
    table.setCurrentIndex(model.index(1, ScalingModel.COL_NAME))
    qtbot.keyClick(table, Qt.Key.Key_Right)
    spin = QApplication.focusWidget()
    assert spin is panel.scale_editor(1)
    qtbot.keyClicks(spin, "5")
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    QApplication.processEvents()
    [scale] = services.conferences.record(conference_id).scaling
    assert scale.score == 5
    assert "today: median 5" in panel.trend.text()
