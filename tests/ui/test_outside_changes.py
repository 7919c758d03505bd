"""Windows notice changes another process made: users found that the running app did not show
conferences the command line added until a restart."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.home.main_window import MainWindow
from mdcc_desktop.ui.widgets.outside_changes import OutsideChangeWatcher
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "tests" / "data" / "eng-initial-max.json"


def run(*args: str) -> None:
    proc = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr


def test_the_home_list_shows_a_conference_the_command_line_imported(
    qtbot, services: Services
) -> None:
    window = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 0
    data = services.paths.data_dir
    run("-m", "mdcc_desktop.cli", "import", str(EXAMPLE), "--data-dir", str(data))
    assert window.model.rowCount() == 0, "not yet looked"
    assert window.outside_changes.check()
    assert window.model.rowCount() == 1


def test_an_open_workspace_shows_an_attendee_another_process_added(
    qtbot, services: Services
) -> None:
    services.exchange.import_file(EXAMPLE)
    conference_id = services.conferences.conference_ids()[0]
    watcher = OutsideChangeWatcher(services)
    window = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    before = window.attendee_model.rowCount()
    script = textwrap.dedent(
        f"""
        from mdcc_desktop.domain.models import Attendee
        from pathlib import Path
        from mdcc_desktop.paths import AppPaths
        from tests.conftest import open_services
        s = open_services(Path({str(services.paths.data_dir)!r}))
        s.conferences.add_attendee({conference_id}, Attendee(name="Late Arrival"))
        s.close()
        """
    )
    run("-c", script)
    assert watcher.check()
    assert window.attendee_model.rowCount() == before + 1
    # The workspace's own edits are not taken for outside ones.
    window.controller.run(
        lambda: services.conferences.update_conference(conference_id, venue="Room 2")
    )
    assert not watcher.check()
