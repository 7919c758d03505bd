"""``mdcc backup`` and ``mdcc restore`` run for real (subprocesses on encrypted data folders):
a restore keeps the current database aside; a file that is not a sound backup of this folder
is refused with a message and exit code 2, nothing changed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mdcc_desktop.paths import AppPaths
from tests.backups.sandbox import env
from tests.backups.test_backups import NAME, damage
from tests.conftest import DEMO


def mdcc(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "mdcc_desktop.cli", "--data-dir", str(data), *args],
        env=env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in proc.stderr
    return proc


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert mdcc(folder, "import", str(DEMO)).returncode == 0
    return folder


def listing(data: Path) -> str:
    run = mdcc(data, "list", "--format", "json")
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_backup_then_restore_brings_the_data_back(data: Path, tmp_path: Path) -> None:
    run = mdcc(data, "backup")
    assert run.returncode == 0, run.stderr
    made = Path(run.stdout.strip())
    assert made.parent == AppPaths(data).backups and made.name.endswith("-manual.sqlite3")
    assert b"Chan Ka-yan" not in made.read_bytes()
    before = listing(data)
    assert mdcc(data, "delete", "1").returncode == 0
    assert listing(data) != before
    run = mdcc(data, "restore", str(made))
    assert run.returncode == 0, run.stderr
    assert "kept aside" in run.stderr
    assert listing(data) == before
    kept = [p for p in AppPaths(data).backups.iterdir() if "before-restore" in p.name]
    assert len(kept) == 1


def test_backup_to_a_file_of_ones_choice(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    run = mdcc(data, "backup", "-o", str(target))
    assert run.returncode == 0 and target.is_file()
    assert b"Chan Ka-yan" not in target.read_bytes()
    again = mdcc(data, "backup", "-o", str(target))
    assert again.returncode == 2 and "exists already" in again.stderr
    missing = mdcc(data, "backup", "-o", str(tmp_path / "no such folder" / "x.sqlite3"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_restore_refuses_what_is_not_a_backup_of_this_folder(data: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    run = mdcc(other, "demo")
    assert run.returncode == 0, run.stderr
    foreign = mdcc(other, "backup")
    assert foreign.returncode == 0
    database = AppPaths(data).database
    before = database.read_bytes()
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all\n" * 500)
    damaged_copy = tmp_path / "damaged.sqlite3"
    assert mdcc(data, "backup", "-o", str(damaged_copy)).returncode == 0
    damage(damaged_copy)
    cases = [
        (foreign.stdout.strip(), "does not open with this data folder's key"),
        (str(text), "does not open with this data folder's key"),
        (str(damaged_copy), "is damaged"),
        (str(tmp_path / "nothing.sqlite3"), "There is no backup file"),
        (str(tmp_path), "is not a file"),
        (str(database), "is the database itself"),
    ]
    for path, said in cases:
        run = mdcc(data, "restore", path)
        assert run.returncode == 2, (path, run.stderr)
        assert said in run.stderr
        assert "hmac check failed" not in run.stderr  # SQLCipher's own log kept quiet
        assert database.read_bytes() == before, path
    assert not [p for p in AppPaths(data).backups.iterdir() if "before-restore" in p.name]


def test_restore_over_a_really_damaged_database_moves_it_aside(data: Path) -> None:
    made = Path(mdcc(data, "backup").stdout.strip())
    before = listing(data)
    database = AppPaths(data).database
    damage(database)
    damaged_bytes = database.read_bytes()
    refused = mdcc(data, "list")
    assert refused.returncode == 2 and "damaged" in refused.stderr
    run = mdcc(data, "restore", str(made))
    assert run.returncode == 0, run.stderr
    assert "damaged database was moved aside" in run.stderr
    aside = list((AppPaths(data).backups / "damaged").iterdir())
    assert [p.read_bytes() for p in aside] == [damaged_bytes]  # kept unchanged
    assert listing(data) == before


def test_restore_without_the_passphrase_exits_2(data: Path) -> None:
    made = Path(mdcc(data, "backup").stdout.strip())
    proc = subprocess.run(
        [sys.executable, "-m", "mdcc_desktop.cli", "--data-dir", str(data), "restore", str(made)],
        env={k: v for k, v in env().items() if k != "MDCC_PASSPHRASE"},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2 and "passphrase" in proc.stderr


def test_no_backup_holds_a_name(data: Path) -> None:
    assert mdcc(data, "backup").returncode == 0
    for path in AppPaths(data).backups.rglob("*"):
        if path.is_file():
            assert NAME.encode() not in path.read_bytes()
            assert b"Chan Ka-yan" not in path.read_bytes()


def test_restore_is_refused_while_the_app_has_the_folder_open(data: Path) -> None:
    """The GUI's lock (a QLockFile: the process id first) held by a live process."""
    import socket

    made = Path(mdcc(data, "backup").stdout.strip())
    database = AppPaths(data).database
    before = database.read_bytes()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock = data / "mdcc-desktop.lock"
        lock.write_text(f"{sleeper.pid}\nmdcc-desktop\n{socket.gethostname()}\n")
        run = mdcc(data, "restore", str(made))
        assert run.returncode == 2 and "MDCC Desktop is open on the data folder" in run.stderr
        assert database.read_bytes() == before
    finally:
        sleeper.kill()
        sleeper.wait()
    # A lock left by a process that is gone does not stop it.
    run = mdcc(data, "restore", str(made))
    assert run.returncode == 0, run.stderr
