"""Templates in the GUI (issue 12, finding 5): a broken one is a clear message in the window, and
filling one in never blocks the GUI thread: the window handles its events while a separate
process renders, and Cancel stops a template that would run for ever."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.conftest import REPO
from tests.ui.home.test_main_window import RecordingPrompter

NESTED = (
    "{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}"
    "{% endfor %}{% endfor %}{% endfor %}"
)


@pytest.fixture
def prompter() -> RecordingPrompter:
    return RecordingPrompter()


@pytest.fixture
def ws(
    qtbot, services: Services, shared_example: Path, prompter: RecordingPrompter
) -> WorkspaceWindow:
    conference_id = services.exchange.import_file(shared_example).conference_id
    window = WorkspaceWindow(services, conference_id, prompter)
    qtbot.addWidget(window)
    window.show()
    return window


def _choose(ws: WorkspaceWindow, services: Services, name: str, text: str) -> None:
    folder = services.paths.templates
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document(str(REPO / "templates" / "minutes" / "eng-cpc.docx"))
    doc.add_paragraph(text)
    doc.save(folder / f"{name}.docx")
    ws.template_menu.aboutToShow.emit()
    next(a for a in ws.template_menu.actions() if a.text() == f"{name} (yours)").trigger()


def test_finding5_an_unknown_field_is_a_clear_message_in_the_window(
    ws: WorkspaceWindow, prompter: RecordingPrompter, services: Services, tmp_path: Path
) -> None:
    _choose(ws, services, "typo", "Chaired by {{ chiar }}")
    prompter.files.append(tmp_path / "m.docx")
    ws.export_full_action.trigger()
    text = ws.message_label.text()
    assert "typo.docx" in text and "chiar" in text
    assert not (tmp_path / "m.docx").exists()
    assert services.minutes.versions(ws.conference_id) == []


def test_finding5_a_template_that_never_ends_leaves_the_window_responsive_and_can_be_cancelled(
    ws: WorkspaceWindow, prompter: RecordingPrompter, services: Services, tmp_path: Path
) -> None:
    _choose(ws, services, "forever", NESTED)
    prompter.files.append(tmp_path / "m.docx")
    seen: list[str] = []

    def press_cancel() -> None:  # runs only if the GUI thread handles events meanwhile
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        )
        seen.append(dialog.labelText())
        dialog.cancel()

    QTimer.singleShot(1500, press_cancel)
    ws.export_full_action.trigger()  # returns once cancelled, long before the time limit
    assert seen and "template" in seen[0].lower()
    assert "cancelled" in ws.message_label.text()
    assert not (tmp_path / "m.docx").exists()
    assert services.minutes.versions(ws.conference_id) == []
