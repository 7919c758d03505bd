"""Deleting a conference from the home window (issue 8): Del on the list or the Edit menu, a
confirmation, the workspace closed first, and Ctrl+Z bringing everything back."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from mdcc_desktop.services.context import Services
from mdcc_desktop.services.exchange import normalise
from mdcc_desktop.ui.home.main_window import MainWindow
from tests.conftest import DEMO
from tests.ui.home.test_main_window import RecordingPrompter


class ConfirmingPrompter(RecordingPrompter):
    def __init__(self) -> None:
        super().__init__()
        self.answers: list[bool] = []
        self.questions: list[tuple[str, str]] = []

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        self.questions.append((title, text))
        return self.answers.pop(0)


@pytest.fixture
def prompter() -> ConfirmingPrompter:
    return ConfirmingPrompter()


def demo_with_identity() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(DEMO.read_text(encoding="utf-8"))
    doc["conference"]["mandatory_report"] = {
        "made": True,
        "date": "2026-11-01",
        "made_to": "Police",
        "reporter_identity": "Ms Reporter, neighbour",
    }
    return doc


@pytest.fixture
def window(qtbot, services: Services, prompter: ConfirmingPrompter) -> MainWindow:
    w = MainWindow(services, prompter)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_del_asks_then_deletes_and_ctrl_z_brings_everything_back(
    qtbot, window: MainWindow, services: Services, prompter: ConfirmingPrompter
) -> None:
    conference_id = services.exchange.import_document(demo_with_identity()).conference_id
    before = services.exchange.export_document(conference_id, with_reporter_identity=True)
    window.select_conference(conference_id)
    window.table.setFocus()
    reference = before["case"]["reference"]

    prompter.answers.append(False)  # "No": nothing happens
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert prompter.questions and reference in prompter.questions[0][1]
    assert window.model.rowCount() == 1

    prompter.answers.append(True)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert window.model.rowCount() == 0
    assert services.conferences.list_conferences() == []
    assert "Ctrl+Z brings it back" in window.statusBar().currentMessage()

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    rows = services.conferences.list_conferences()
    assert len(rows) == 1 and window.model.rowCount() == 1
    restored = services.exchange.export_document(rows[0].id, with_reporter_identity=True)
    assert normalise(restored) == normalise(before)
    assert restored["conference"]["mandatory_report"]["reporter_identity"] == (
        "Ms Reporter, neighbour"
    )
    assert window.selected_conference_id() == rows[0].id

    # redo deletes it again, and undo brings it back again
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert services.conferences.list_conferences() == []
    window.undo_action.trigger()
    assert len(services.conferences.list_conferences()) == 1
    assert prompter.errors == []


def test_del_in_the_find_box_deletes_text_not_the_conference(
    qtbot, window: MainWindow, services: Services, prompter: ConfirmingPrompter
) -> None:
    services.exchange.import_document(demo_with_identity())
    window.filter_edit.setFocus()
    window.filter_edit.setText("Chan")
    window.filter_edit.setCursorPosition(0)
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Delete)
    assert window.filter_edit.text() == "han"
    assert prompter.questions == []
    assert len(services.conferences.list_conferences()) == 1


def test_the_menu_entry_deletes_and_closes_an_open_workspace_first(
    qtbot, window: MainWindow, services: Services, prompter: ConfirmingPrompter
) -> None:
    conference_id = services.exchange.import_document(demo_with_identity()).conference_id
    window.select_conference(conference_id)
    workspace = window.open_selected()
    assert workspace is not None
    qtbot.waitExposed(workspace)
    prompter.answers.append(True)
    edit_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Edit"
    )
    entry = next(a for a in edit_menu.actions() if a.objectName() == "delete_conference")
    assert entry.isEnabled()
    entry.trigger()
    assert not workspace.isVisible()
    assert conference_id not in window.workspaces
    assert services.conferences.list_conferences() == []
    assert prompter.errors == []
    window.undo_action.trigger()
    assert len(services.conferences.list_conferences()) == 1


def test_nothing_selected_nothing_deleted(window: MainWindow, prompter: ConfirmingPrompter) -> None:
    assert not window.delete_action.isEnabled()
    assert window.delete_selected() is False
    assert prompter.questions == []


def test_a_finalised_conference_is_refused_with_a_message(
    qtbot, window: MainWindow, services: Services, prompter: ConfirmingPrompter, tmp_path
) -> None:
    from mdcc_desktop.domain.models import CopyKind

    conference_id = services.exchange.import_document(demo_with_identity()).conference_id
    services.minutes.export_minutes(conference_id, tmp_path / "m.docx", CopyKind.FULL)
    services.lifecycle.finalise(conference_id)
    window.select_conference(conference_id)
    prompter.answers.append(True)
    assert window.delete_selected() is False
    assert prompter.errors and "reopen it" in prompter.errors[0][1]
    assert len(services.conferences.list_conferences()) == 1


def test_the_conference_in_9999_can_be_deleted_from_the_window(
    qtbot, window: MainWindow, services: Services, prompter: ConfirmingPrompter
) -> None:
    conference_id = services.exchange.import_document(demo_with_identity()).conference_id
    services.store.update_conference(
        conference_id,
        {
            "scheduled_start": dt.datetime(9999, 12, 31, 10, tzinfo=dt.UTC),
            "started_at": None,
            "ended_at": None,
        },
    )
    window.refresh()
    window.select_conference(conference_id)
    prompter.answers.append(True)
    assert window.delete_selected() is True
    assert services.conferences.list_conferences() == []
