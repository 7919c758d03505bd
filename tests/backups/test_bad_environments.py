"""Bad environments, made for real (issue 11, deliver 9): a read-only data folder (a read-only
mount, which stops root too), a full disk (a small tmpfs filled up) during an edit, an import,
an export and a backup, export targets that are read-only, on a full disk or in a missing
folder, a database from a newer version, a data folder that is a file. Each is a specific
message with exit code 2, and the data is as it was once the disk has room again.

The mounts are made in a private mount namespace (``tests/backups/sandbox.py``); those tests
skip where ``unshare -rm`` is not allowed.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from mdcc_desktop.paths import AppPaths
from mdcc_desktop.store import migrations
from tests.backups.sandbox import (
    codes,
    fill,
    full_disk,
    mdcc_line,
    needs_namespaces,
    read_only,
    run_in_namespace,
)
from tests.backups.test_cli_backup import listing, mdcc
from tests.conftest import DEMO, driver_connect


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert mdcc(folder, "import", str(DEMO)).returncode == 0
    assert mdcc(folder, "backup").returncode == 0
    return folder


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "logs" not in p.parts
    }


@needs_namespaces
def test_a_read_only_data_folder_is_said_and_changes_nothing(data: Path, tmp_path: Path) -> None:
    view = tmp_path / "ro"
    backup = next(AppPaths(data).backups.iterdir())
    before = digest(data)
    lines = [
        mdcc_line(str(view), "list"),
        mdcc_line(str(view), "demo"),
        mdcc_line(str(view), "delete", "1"),
        mdcc_line(str(view), "backup"),
        mdcc_line(str(view), "restore", str(backup)),
    ]
    run = run_in_namespace(read_only(data, view) + "\n".join(lines))
    assert "Traceback" not in run.stderr
    assert codes(run.stdout) == [2, 2, 2, 2, 2], run.stderr
    assert run.stderr.count("is read-only, so nothing could be saved") == 5, run.stderr
    assert digest(data) == before


@needs_namespaces
def test_a_full_disk_during_an_import_an_edit_and_a_backup(data: Path, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    before = listing(data)
    script = (
        full_disk(disk, 8192, 0)
        + f"cp -a {data} {disk}/data\n"
        + fill(disk, 0)
        + mdcc_line("$D", "list")  # nothing left at all: even opening needs room
        + "\nrm $M/filler\n"
        + fill(disk, 48)  # a little room: the database opens, a change does not fit
        + "\n".join(
            [
                mdcc_line("$D", "import", str(DEMO)),
                mdcc_line("$D", "demo"),
                mdcc_line("$D", "delete", "1"),
                mdcc_line("$D", "backup"),
            ]
        )
        + "\nrm $M/filler\n"
        + mdcc_line("$D", "list", "--format", "json")
        + f"\nls $D/backups > {tmp_path}/backups.txt\n"
    )
    script = f"M={disk}; D={disk}/data\n" + script
    run = run_in_namespace(script)
    assert "Traceback" not in run.stderr
    assert codes(run.stdout) == [2, 2, 2, 2, 2, 0], run.stderr
    err = run.stderr
    assert "is full. Free some space and try again; nothing was changed." in err
    assert err.count("The disk is full: the last change was not saved.") == 3, err
    assert "The disk is full: the backup" in err and "was not made" in err
    # Once there is room again, everything saved before is there, and no half backup.
    assert run.stdout.split("rc=2\n")[-1].removesuffix("rc=0\n") == before
    assert [n for n in (tmp_path / "backups.txt").read_text().split() if "-manual" in n] == [
        p.name for p in AppPaths(data).backups.iterdir()
    ]


@needs_namespaces
def test_exports_to_a_full_disk_a_read_only_folder_or_a_missing_one(
    data: Path, tmp_path: Path
) -> None:
    disk = tmp_path / "usb"
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "old.json").write_text("kept")
    view = tmp_path / "locked-view"
    d = str(data)
    script = (
        full_disk(disk, 64, 0)
        + fill(disk, 0)
        + read_only(locked, view)
        + "\n".join(
            [
                mdcc_line(d, "export", "1", "-o", f"{disk}/c.json"),
                mdcc_line(d, "actions", "--format", "csv", "-o", f"{disk}/a.csv"),
                mdcc_line(d, "backup", "-o", f"{disk}/b.sqlite3"),
                mdcc_line(d, "export", "1", "-o", f"{view}/c.json"),
                mdcc_line(d, "export", "1", "-o", f"{view}/old.json"),
                mdcc_line(d, "backup", "-o", f"{view}/b.sqlite3"),
                mdcc_line(d, "export", "1", "-o", f"{tmp_path}/missing/c.json"),
                f"ls -A {disk} > {tmp_path}/left.txt",
            ]
        )
    )
    run = run_in_namespace(script)
    assert "Traceback" not in run.stderr
    assert codes(run.stdout) == [2] * 7, run.stderr
    lines = run.stderr.splitlines()
    assert "the disk is full" in lines[0] and "c.json was not written" in lines[0]
    assert "the disk is full" in lines[1]
    assert "The disk is full: the backup" in lines[2]
    for line in lines[3:6]:
        assert "read-only" in line, line
    assert "the folder" in lines[6] and "does not exist" in lines[6]
    assert (tmp_path / "left.txt").read_text().split() == ["filler"]  # no half files
    assert (locked / "old.json").read_text() == "kept"


def test_a_database_from_a_newer_version_is_refused_unchanged(data: Path) -> None:
    database = AppPaths(data).database
    conn = driver_connect(database, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {len(migrations.known_steps()) + 1}")
    conn.close()
    before = digest(data)
    for command in (["list"], ["demo"], ["backup"]):
        run = mdcc(data, *command)
        assert run.returncode == 2
        assert "written by a newer version of MDCC Desktop" in run.stderr
    assert digest(data) == before


def test_a_data_folder_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("hello")
    backup = tmp_path / "b.sqlite3"
    backup.write_bytes(b"x" * 4096)
    for command in (["list"], ["backup"], ["restore", str(backup)]):
        run = mdcc(blocker, *command)
        assert run.returncode == 2, run.stderr
        assert "is a file, not a folder" in run.stderr, run.stderr
    assert blocker.read_text() == "hello"


@needs_namespaces
def test_the_gui_says_a_read_only_data_folder(data: Path, tmp_path: Path) -> None:
    view = tmp_path / "ro"
    before = digest(data)
    gui = f"{sys.executable} -m mdcc_desktop --smoke --data-dir {view}; echo rc=$?"
    run = run_in_namespace(read_only(data, view) + gui)
    assert "Traceback" not in run.stderr
    assert codes(run.stdout) == [2], run.stderr
    assert "is read-only, so nothing could be saved" in run.stderr
    assert digest(data) == before


GUI_ON_A_FULL_DISK = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from tests.conftest import DEMO, open_services
from tests.ui.home.test_main_window import RecordingPrompter
from mdcc_desktop.ui.home.main_window import MainWindow

class Prompter(RecordingPrompter):
    def confirm(self, parent, title, text):
        return True

data = Path(sys.argv[1])
services = open_services(data)
prompter = Prompter()
window = MainWindow(services, prompter)
window.show()
app.processEvents()
window.table.selectRow(0)
said = {}
window.import_conference(DEMO)
said["import"] = prompter.errors[-1][1] if prompter.errors else ""
window.delete_selected()
said["delete"] = prompter.errors[-1][1] if len(prompter.errors) > 1 else ""
prompter.dialogs.append(lambda dialog: dialog.accept())  # the reporter's identity: left out
window.export_selected(data.parent / "out.json")
said["export"] = prompter.errors[-1][1] if len(prompter.errors) > 2 else ""
window.backup_actions.back_up_now()
window.backup_actions.job.wait(60)
for _ in range(50):
    app.processEvents()
said["backup"] = prompter.errors[-1][1] if len(prompter.errors) > 3 else ""
window.close()
services.close()
print(json.dumps(said))
"""


@needs_namespaces
def test_the_gui_on_a_full_disk(data: Path, tmp_path: Path) -> None:
    """An import, an edit (a delete), an export and a backup from the main window, on a disk
    with almost no room: each says the disk is full, and the data is as it was."""
    disk = tmp_path / "disk"
    before = listing(data)
    script_file = tmp_path / "gui.py"
    script_file.write_text(GUI_ON_A_FULL_DISK)
    script = (
        f"M={disk}; D={disk}/data\n"
        + full_disk(disk, 8192, 0)
        + f"cp -a {data} $D\n"
        + fill(disk, 48)
        + f"{sys.executable} {script_file} $D > {tmp_path}/said.json; echo rc=$?\n"
        + "rm $M/filler\n"
        + mdcc_line("$D", "list", "--format", "json")
    )
    run = run_in_namespace(script)
    assert "Traceback" not in run.stderr, run.stderr
    assert codes(run.stdout) == [0, 0], run.stderr
    said = json.loads((tmp_path / "said.json").read_text())
    assert said["import"].startswith("The disk is full"), said
    assert said["delete"].startswith("The disk is full"), said
    # The GUI's export says the system's words (services.exchange.export_file raises the
    # OSError itself), the command line's "the disk is full": both say it, in other words.
    assert "no space left on device" in said["export"].lower(), said
    assert said["backup"].startswith("The disk is full: the backup"), said
    assert run.stdout.split("rc=0\n")[1] == before
