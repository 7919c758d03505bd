"""The session restore never brings back a workspace whose last opening did not finish."""

from __future__ import annotations

import datetime as dt

import pytest

from mdcc_desktop.domain.models import Child, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.home import main_window
from mdcc_desktop.ui.home.main_window import MainWindow
from tests.ui.home.test_main_window import RecordingPrompter


@pytest.fixture
def conference_id(services: Services) -> int:
    case = services.conferences.create_case("CS-RESTORE-1", "ENG", [Child(name="Amy Test")])
    assert case.id is not None
    return services.conferences.create_conference(
        case.id, "ENG", ConferenceType.INITIAL, dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
    )


class _HangingWorkspace:
    """Stands for a workspace whose opening never finishes (the chair kills the app)."""

    def __init__(self, *args: object) -> None:
        raise KeyboardInterrupt("killed while opening")


def test_a_workspace_whose_opening_did_not_finish_is_not_reopened(
    qtbot, services: Services, conference_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # First run: the chair opens the workspace and quits; the session remembers it.
    first = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(first)
    first.select_conference(conference_id)
    first.open_selected()
    first.close()

    # Second run: reopening it hangs, and the app is killed.
    second = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(second)
    with monkeypatch.context() as patch:
        patch.setattr(main_window, "WorkspaceWindow", _HangingWorkspace)
        with pytest.raises(KeyboardInterrupt):
            second.restore_session()

    # Third run: it is not reopened; the status bar says why, and the list offers it.
    third = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(third)
    third.restore_session()
    assert third.workspaces == {}
    assert "did not finish opening" in third.statusBar().currentMessage()
    assert third.selected_conference_id() == conference_id
    window = third.open_selected()  # the chair opens it by hand: it works, and is remembered
    assert window is not None
    qtbot.waitUntil(lambda: services.settings.current.opening_conference is None, timeout=2000)
    third.close()

    # Fourth run: back to normal.
    fourth = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(fourth)
    fourth.restore_session()
    assert list(fourth.workspaces) == [conference_id]
    fourth.close()


def test_the_session_lives_in_the_settings_file_and_a_new_start_reads_it(
    qtbot, services: Services, conference_id: int
) -> None:
    """The session went to a QSettings file of the main window's own; it is now one of the
    settings module's settings (settings.json, 0600), read again by the next start."""
    import json
    import stat

    from mdcc_desktop.settings import SettingsFile

    window = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(window)
    window.select_conference(conference_id)
    assert window.open_selected() is not None
    window.close()

    data_dir = services.paths.data_dir
    stored = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    assert stored["open_workspaces"] == [conference_id]
    assert stored.get("opening_conference") is None
    assert not (data_dir / "settings.ini").exists()
    assert stat.S_IMODE((data_dir / "settings.json").stat().st_mode) == 0o600

    # The next start: settings loaded afresh from the file, as the start-up sequence does.
    services.settings = SettingsFile.load(data_dir)
    again = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(again)
    again.restore_session()
    assert list(again.workspaces) == [conference_id]
    again.close()
