"""What waits for the first paint of the app's first window: the summary of the conference
selected is read only once the chair sees the list (issue 9, the time to the first window)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from mdcc_desktop.app import IntegrityCheck
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.home.first_paint import AfterFirstPaint
from mdcc_desktop.ui.home.main_window import MainWindow
from tests.ui.home.test_main_window import RecordingPrompter
from tests.ui.home.test_startup_work import add_conference


def test_the_summary_is_read_after_the_first_paint(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_conference(services, "CS-PAINT", 2)
    read: list[int] = []
    real = services.conferences.record

    def record(conference_id: int) -> Any:
        read.append(conference_id)
        return real(conference_id)

    monkeypatch.setattr(services.conferences, "record", record)
    window = MainWindow(services, RecordingPrompter(), summary_after_paint=True)
    qtbot.addWidget(window)
    assert window.selected_conference_id() is not None  # selected, shown in the list
    assert read == [] and window.summary.toPlainText() == ""
    painted: list[bool] = []
    window.first_paint.painted.connect(lambda: painted.append(window.summary.held))
    window.show()
    qtbot.waitUntil(lambda: window.first_paint.done, timeout=5000)
    assert painted == [True]  # the paint came first, the summary after it
    assert read == [window.selected_conference_id()]
    assert "CS-PAINT" in window.summary.toPlainText()
    window.close()


def test_without_the_wait_the_summary_is_read_at_once(qtbot, services: Services) -> None:
    add_conference(services, "CS-NOW", 2)
    window = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(window)
    assert "CS-NOW" in window.summary.toPlainText()
    window.close()


def test_work_given_after_the_paint_runs_at_once(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    after = AfterFirstPaint(widget)
    ran: list[str] = []
    after.later(lambda: ran.append("first"))
    widget.show()
    qtbot.waitUntil(lambda: after.done, timeout=5000)
    assert ran == ["first"]
    after.later(lambda: ran.append("second"))
    assert ran == ["first", "second"]


def test_an_integrity_check_not_yet_started_is_not_done(tmp_path: Path) -> None:
    """The app starts it after the first paint: until then, the poll must not take it for a
    check that found nothing."""
    services = Services.open(AppPaths(tmp_path / "d"))
    services.close()
    check = IntegrityCheck(services.paths.database, services.paths.backups)
    assert not check.done
    assert check.wait() is None and check.done  # waiting starts it
    check.start()  # once: no second thread
