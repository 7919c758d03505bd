"""The read-back, driven as a chair would before everyone leaves: one key shows every decision
and open action with what is missing; Enter on a line goes where it is fixed; the room's copy
drops restricted lines while a parent is in the room and brings them back when they leave."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from mdcc_desktop.domain.models import (
    Action,
    Attendance,
    Attendee,
    Decision,
    DecisionMethod,
    MandatoryReport,
    Role,
)
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.workspace.readback import ReadBackDialog
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.workspace.test_workspace import CTRL, SHIFT, conference_id, workspace  # noqa: F401

T0 = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def meeting(services: Services, conference_id: int) -> dict[str, int]:  # noqa: F811
    c = services.conferences
    mother = c.add_attendee(
        conference_id,
        Attendee(name="Mary Parent", roles=[Role.PARENT], attendance=Attendance.PRESENT),
    ).id
    c.check_in(mother, T0)
    pc = c.add_attendee(conference_id, Attendee(name="PC Lee", agency="Police")).id
    c.check_in(pc, T0)
    c.set_mandatory_report(conference_id, MandatoryReport(made=True, reporter_identity="Dr Hidden"))
    plan = c.add_decision(
        conference_id,
        Decision("free", "Child protection plan", method=DecisionMethod.CONSENSUS),
    ).id
    secret = c.add_decision(
        conference_id, Decision("free", "Police checks continue", restricted=True)
    ).id
    vague = c.add_action(conference_id, Action("Ask the school")).id
    visit = c.add_action(
        conference_id, Action("Home visit", owner_id=pc, due=dt.date(2026, 12, 7))
    ).id
    return {"mother": mother, "plan": plan, "secret": secret, "vague": vague, "visit": visit}


def open_read_back(qtbot, ws: WorkspaceWindow) -> ReadBackDialog:
    qtbot.keyClick(ws, Qt.Key.Key_R, CTRL | SHIFT)
    dialog = ws.read_back
    qtbot.waitExposed(dialog)
    return dialog


def texts(dialog_list) -> list[str]:
    return [dialog_list.item(i).text() for i in range(dialog_list.count())]


def test_ctrl_shift_r_lists_decisions_and_actions_marking_what_is_missing(
    qtbot,
    services: Services,
    meeting: dict[str, int],
    workspace: WorkspaceWindow,  # noqa: F811
) -> None:
    workspace.reload()
    dialog = open_read_back(qtbot, workspace)
    lines = texts(dialog.list)
    assert len(lines) == 4
    assert lines[0].startswith("Decision: Child protection plan (by consensus)")
    assert "MISSING: no method" in lines[1] and "Restricted" in lines[1]
    vague = next(t for t in lines if "Ask the school" in t)
    assert vague.startswith("MISSING: no owner, no due date")
    visit = next(t for t in lines if "Home visit" in t)
    assert "MISSING" not in visit and "PC Lee" in visit and "2026-12-07" in visit
    summary = dialog.summary.text()
    assert "no key worker" in summary and "no review date" in summary
    assert "Reporter's identity: recorded" in summary
    assert "Dr Hidden" not in summary + "".join(lines)


def test_enter_on_a_line_selects_the_action_to_fix_and_the_list_follows_the_fix(
    qtbot,
    services: Services,
    meeting: dict[str, int],
    workspace: WorkspaceWindow,  # noqa: F811
) -> None:
    workspace.reload()
    dialog = open_read_back(qtbot, workspace)
    row = next(i for i, t in enumerate(texts(dialog.list)) if "Ask the school" in t)
    dialog.list.setCurrentRow(row)
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert workspace.side_tabs.currentWidget() is workspace.actions_panel
    selected = workspace.action_view.selectionModel().selectedRows()
    assert [workspace.action_model.record(i.row()).id for i in selected] == [meeting["vague"]]
    # The chair gives it an owner and a date: the read-back no longer marks it.
    services.conferences.update_action(meeting["vague"], due=dt.date(2026, 12, 9))
    line = next(t for t in texts(dialog.list) if "Ask the school" in t)
    assert line.startswith("MISSING: no owner") and "no due date" not in line


def test_room_copy_hides_restricted_lines_while_the_parent_is_in_the_room(
    qtbot,
    services: Services,
    meeting: dict[str, int],
    workspace: WorkspaceWindow,  # noqa: F811
) -> None:
    workspace.reload()
    dialog = open_read_back(qtbot, workspace)
    dialog.room_button.click()
    room = dialog.room
    assert room is not None and room.isVisible()
    assert room.font().pointSizeF() >= 2 * dialog.font().pointSizeF()
    assert not any("Police checks" in t for t in texts(room.list))
    assert "1 restricted line(s) not shown" in room.summary.text()
    assert all("MISSING" not in t for t in texts(room.list)), "the room is not shown the gaps"
    services.conferences.mark_left(meeting["mother"], T0 + dt.timedelta(minutes=30))
    assert any("Police checks" in t for t in texts(room.list))
    qtbot.keyClick(room, Qt.Key.Key_Escape)
    assert not room.isVisible()
