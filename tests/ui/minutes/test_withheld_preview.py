"""Issue 12, point 2: before issuing, the chair sees what the parents' copy leaves out.

The workspace's Minutes menu lists it as a command of its own, and Issue, Circulate and Finalise
show it first when the parents' copy is involved: Escape (Cancel) stops the act, nothing is
issued; Enter (the default button) goes on. A real encrypted database, real widgets, keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from mdcc_desktop.domain.models import ConferenceStatus
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.minutes.dialogs import CirculateDialog
from mdcc_desktop.ui.minutes.withheld import WithheldDialog
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests import leak_scenario as s
from tests.ui.home.test_main_window import RecordingPrompter


@pytest.fixture
def prompter() -> RecordingPrompter:
    return RecordingPrompter()


def open_workspace(qtbot: Any, services: Services, doc: dict[str, Any], prompter: Any):
    conference_id = services.exchange.import_document(doc).conference_id
    window = WorkspaceWindow(services, conference_id, prompter)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def ws(qtbot: Any, services: Services, prompter: RecordingPrompter) -> WorkspaceWindow:
    return open_workspace(qtbot, services, s.document(), prompter)


def press(qtbot: Any, key: Qt.Key, seen: dict[str, Any] | None = None):
    """A dialog handler: the chair reads the list (kept in ``seen``), then presses ``key`` on
    it (focus is in the list, as the dialog opens)."""

    def handle(dialog: WithheldDialog) -> None:
        assert isinstance(dialog, WithheldDialog)
        dialog.show()
        dialog.activateWindow()
        if seen is not None:
            seen["rows"] = dialog.rows()
            seen["empty"] = dialog.empty_label.isVisible()
            seen["focus"] = dialog.focusWidget()
            seen["dialog"] = dialog
        qtbot.keyClick(dialog.focusWidget() or dialog, key)
        assert not dialog.isVisible()  # the key closed it (Escape: cancelled; Enter: on)

    return handle


def test_the_minutes_menu_lists_each_withheld_part_with_its_reason(
    qtbot: Any, ws: WorkspaceWindow, prompter: RecordingPrompter
) -> None:
    seen: dict[str, Any] = {}
    prompter.dialogs.append(press(qtbot, Qt.Key.Key_Escape, seen))
    ws.minutes_actions.withheld_action.trigger()
    rows = seen["rows"]
    assert rows == [
        (
            "Agenda item 4.3",
            "Police information (not shared with parents)",
            "Restricted by the chair",
        ),
        (
            "Agenda item 4.4",
            s.EXCLUDED_ITEM_TITLE,
            "Discussed while a parent or carer was out of the room",
        ),
        ("Decision 6.5", s.RESTRICTED_DECISION, "Restricted by the chair"),
        ("Decision 6.6", s.UNDER_ITEM_DECISION, "Under agenda item 4.3, which is left out"),
        ("Decision 6.7", s.EXCLUDED_DECISION, "Under agenda item 4.4, which is left out"),
        ("Action 7.7", s.LINKED_ACTION, "Linked to decision 6.5, which is left out"),
        ("Action 7.8", s.UNDER_ITEM_ACTION, "Under agenda item 4.3, which is left out"),
        ("Action 7.9", s.EXCLUDED_ACTION, "Linked to decision 6.7, which is left out"),
        (
            "Report",
            "DC Sam Wright (Police Public Protection Unit)",
            "Its author did not share it with the parents",
        ),
        ("Exclusion", s.MOTHER, "When and why someone was asked to leave the meeting"),
    ]
    assert not seen["empty"]
    assert seen["focus"] is seen["dialog"].table  # the list is read first
    assert not any(s.REPORTER in cell for row in rows for cell in row)
    assert seen["dialog"].result() == WithheldDialog.DialogCode.Rejected  # Escape closes it
    assert ws.minutes_actions.withheld_action.text().startswith("&What")


def test_nothing_left_out_says_so(
    qtbot: Any, services: Services, prompter: RecordingPrompter
) -> None:
    window = open_workspace(qtbot, services, s.plain_document(), prompter)
    seen: dict[str, Any] = {}
    prompter.dialogs.append(press(qtbot, Qt.Key.Key_Escape, seen))
    window.minutes_actions.withheld_action.trigger()
    assert seen["rows"] == [] and seen["empty"]
    assert seen["dialog"].empty_label.text() == "Nothing is left out of the parents' copy."


def test_issue_cancelled_at_the_preview_issues_nothing_and_enter_issues(
    qtbot: Any, ws: WorkspaceWindow, prompter: RecordingPrompter, services: Services
) -> None:
    seen: dict[str, Any] = {}
    prompter.dialogs.append(press(qtbot, Qt.Key.Key_Escape, seen))
    ws.minutes_actions.issue_action.trigger()
    assert len(seen["rows"]) == 10
    ok = seen["dialog"].buttons.button(seen["dialog"].buttons.StandardButton.Ok)
    assert ok.text() == "Issue" and ok.isDefault()
    assert services.minutes.versions(ws.conference_id) == []  # cancelled: no version recorded
    assert "Issued" not in ws.message_label.text()

    prompter.dialogs.append(press(qtbot, Qt.Key.Key_Return))
    ws.minutes_actions.issue_action.trigger()
    versions = services.minutes.versions(ws.conference_id)
    assert [(v.number, v.copy) for v in versions] == [(1, "full"), (1, "parent")]
    assert "Issued version 1" in ws.message_label.text()


def test_circulate_shows_the_preview_when_a_parents_copy_goes_out(
    qtbot: Any, ws: WorkspaceWindow, prompter: RecordingPrompter, tmp_path: Path, services: Services
) -> None:
    outbox = tmp_path / "outbox"

    def circulate(dialog: CirculateDialog) -> None:
        dialog.folder.setText(str(outbox))
        dialog.circulate()
        seen["open"] = dialog.result() != CirculateDialog.DialogCode.Accepted
        dialog.reject()

    seen: dict[str, Any] = {}
    shown: dict[str, Any] = {}
    prompter.dialogs += [circulate, press(qtbot, Qt.Key.Key_Escape, shown)]
    ws.circulate_action.trigger()
    assert len(shown["rows"]) == 10
    assert isinstance(shown["dialog"].parentWidget(), CirculateDialog)  # over the dialog
    assert seen["open"]  # the chair is back in the circulation dialog
    assert services.minutes.versions(ws.conference_id) == []
    assert not outbox.exists() or list(outbox.iterdir()) == []

    # To professionals alone (the full copy): no parents' copy goes out, no preview is asked.
    def to_professionals(dialog: CirculateDialog) -> None:
        for row in range(dialog.recipients.count()):
            item = dialog.recipients.item(row)
            if s.MOTHER in item.text():
                item.setCheckState(Qt.CheckState.Unchecked)
        dialog.folder.setText(str(outbox))
        dialog.circulate()

    prompter.dialogs.append(to_professionals)
    ws.circulate_action.trigger()
    assert prompter.dialogs == []
    assert {v.copy for v in services.minutes.versions(ws.conference_id)} == {"full"}

    prompter.dialogs += [circulate, press(qtbot, Qt.Key.Key_Return)]
    ws.circulate_action.trigger()
    assert {v.copy for v in services.minutes.versions(ws.conference_id) if v.number == 2} == {
        "full",
        "parent",
    }


def test_finalise_cancelled_at_the_preview_leaves_the_conference_open(
    qtbot: Any, ws: WorkspaceWindow, prompter: RecordingPrompter, services: Services
) -> None:
    prompter.dialogs.append(press(qtbot, Qt.Key.Key_Escape))
    ws.finalise_action.trigger()
    assert services.conferences.conference(ws.conference_id).status != ConferenceStatus.FINALISED
    assert services.minutes.versions(ws.conference_id) == []
    prompter.dialogs.append(press(qtbot, Qt.Key.Key_Return))
    ws.finalise_action.trigger()
    assert services.conferences.conference(ws.conference_id).status == ConferenceStatus.FINALISED
