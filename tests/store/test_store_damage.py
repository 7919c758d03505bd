"""Damaged database files are reported as damage before anything is written into them.

Real files, damaged the ways disks and sync tools damage them: cut short, a page overwritten,
emptied to 0 bytes, a flipped byte inside a stored text. Each is refused by ``Store.open`` and
``Services.open`` (or, for the text, by the read that meets it) with DatabaseCorruptError, the
file's bytes unchanged, and advice that names a backup only when one exists.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mdcc_desktop.domain.models import Case, Child
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.context import Services
from mdcc_desktop.store import DatabaseCorruptError, Store
from mdcc_desktop.store.errors import NotADatabaseError, newest_backup
from tests.conftest import DEMO, open_services


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "MDCC_DATA_DIR"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def mdcc(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "mdcc_desktop.cli", "--data-dir", str(data), *args],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in proc.stderr
    return proc


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder holding the demo conference and a second case, closed and checkpointed.

    A plain one (from before encryption), built in this process: the damage below is made
    to SQLite's own page layout, which an encrypted file does not show."""
    folder = tmp_path / "data"
    services = Services.open(AppPaths(folder))
    services.exchange.import_file(DEMO)
    services.close()
    store = Store.open(AppPaths(folder).database)
    case_id = store.add_case(Case(reference="CP-DAMAGE", jurisdiction="ENG"))
    for i in range(200):
        store.add_child(Child(case_id=case_id, name=f"Child number {i:04d} " + "x" * 200))
    store.close()
    return folder


def db_of(folder: Path) -> Path:
    return AppPaths(folder).database


def page_size(path: Path) -> int:
    size = int.from_bytes(path.read_bytes()[16:18], "big")
    return 65536 if size == 1 else size


def root_page(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(
            conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
        )
    finally:
        conn.close()


def overwrite_page(path: Path, page: int) -> None:
    """Fill a b-tree page with a pattern no valid page has (as a bad sector would)."""
    size = page_size(path)
    with path.open("r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(bytes([0x0D, 0xFF, 0xFF, 0x7F, 0xFF]) + b"\xa5" * (size - 5))


def assert_refused(folder: Path, *, backup: Path | None = None) -> DatabaseCorruptError:
    path = db_of(folder)
    before = path.read_bytes()
    with pytest.raises(DatabaseCorruptError) as info:
        Store.open(path, AppPaths(folder).backups)
    with pytest.raises(DatabaseCorruptError):
        Services.open(AppPaths(folder))
    assert path.read_bytes() == before  # nothing written, not even the WAL switch
    message = str(info.value)
    assert "damaged" in message or "empty" in message
    if backup is None:
        assert "There is no backup" in message
        assert "restore it" not in message
    else:
        assert "restore it from the backups folder" in message
        assert str(backup) in message
    return info.value


# --- refused on open -----------------------------------------------------------------------


def test_zero_length_database_is_damage_not_a_fresh_start(data: Path) -> None:
    db_of(data).write_bytes(b"")
    error = assert_refused(data)
    assert "empty (0 bytes)" in str(error)
    assert db_of(data).stat().st_size == 0

    run = mdcc(data, "list")
    assert run.returncode == 2
    assert "empty (0 bytes)" in run.stderr
    assert run.stderr.count("\n") == 1  # one line
    run = mdcc(data, "import", str(DEMO))
    assert run.returncode == 2
    assert db_of(data).stat().st_size == 0


def test_truncated_database_is_refused_unchanged(data: Path) -> None:
    path = db_of(data)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    assert_refused(data)

    run = mdcc(data, "import", str(DEMO))
    assert run.returncode == 2, run.stderr
    assert "damaged" in run.stderr
    assert path.read_bytes() == whole[: len(whole) // 2]


def test_overwritten_table_page_is_found_by_the_check_on_open(data: Path) -> None:
    path = db_of(data)
    overwrite_page(path, root_page(path, "children"))
    assert_refused(data)

    run = mdcc(data, "import", str(DEMO))
    assert run.returncode == 2
    assert "damaged" in run.stderr


def test_overwritten_index_page_is_found_by_the_check_on_open(data: Path) -> None:
    path = db_of(data)
    overwrite_page(path, root_page(path, "children_case"))
    assert_refused(data)


def test_advice_names_the_newest_backup_when_there_is_one(data: Path) -> None:
    backups = AppPaths(data).backups
    backups.mkdir(exist_ok=True)
    older = backups / "mdcc-schema3-20260101T000000Z.sqlite3"
    newer = backups / "mdcc-schema4-20260301T000000Z.sqlite3"
    older.write_bytes(db_of(data).read_bytes())
    newer.write_bytes(db_of(data).read_bytes())
    os.utime(older, (1_700_000_000, 1_700_000_000))
    os.utime(newer, (1_800_000_000, 1_800_000_000))
    assert newest_backup(backups) == newer

    db_of(data).write_bytes(b"")
    assert_refused(data, backup=newer)
    run = mdcc(data, "list")
    assert run.returncode == 2
    assert str(newer) in run.stderr


def test_not_a_database_keeps_its_own_kind(tmp_path: Path) -> None:
    path = tmp_path / "mdcc.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)
    with pytest.raises(NotADatabaseError) as info:
        Store.open(path, tmp_path / "backups")
    assert "There is no backup" in str(info.value)


def test_gui_start_on_a_damaged_database_says_so(data: Path) -> None:
    db_of(data).write_bytes(b"")
    proc = subprocess.run(
        [sys.executable, "-m", "mdcc_desktop", "--smoke", "--data-dir", str(data)],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2
    assert "empty (0 bytes)" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_new_database_is_never_left_empty(tmp_path: Path) -> None:
    """A new file is built aside and linked into place: there is no empty file to refuse."""
    path = tmp_path / "mdcc.sqlite3"
    store = Store.open(path, tmp_path / "backups")
    store.close()
    assert path.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir()] == ["mdcc.sqlite3"]
    Store.open(path).close()


# --- damage met while reading ---------------------------------------------------------------


def test_undecodable_text_is_damage_not_a_bug(data: Path) -> None:
    path = db_of(data)
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE attendees SET name = 'Zoë Marker' WHERE id = (SELECT min(id) FROM attendees)"
    )
    conn.commit()
    conn.close()
    whole = path.read_bytes()
    marker = "Zoë Marker".encode()
    assert whole.count(marker) == 1
    path.write_bytes(whole.replace(marker, b"Zo\xff\xfe Marker"))

    run = mdcc(data, "export", "1")
    assert run.returncode == 2, run.stderr
    assert "damaged" in run.stderr
    assert "a bug" not in run.stderr
    assert "Marker" not in run.stderr  # the text is not quoted back

    services = open_services(data)  # the command line encrypted it, damage and all
    try:
        with pytest.raises(DatabaseCorruptError):
            services.exchange.export_document(1)
    finally:
        services.close()


# --- the check off the GUI's start-up path ------------------------------------------------------


def test_the_check_can_wait_and_then_finds_the_damage(data: Path) -> None:
    """Store.open without the check opens a file whose damage only the check sees (a page of
    an index overwritten); check_file, run later on its own connection, refuses it."""
    path = db_of(data)
    overwrite_page(path, root_page(path, "children_case"))
    before = path.read_bytes()
    store = Store.open(path, AppPaths(data).backups, check_integrity=False)
    store.close()
    with pytest.raises(DatabaseCorruptError) as info:
        Store.check_file(path, AppPaths(data).backups)
    assert "damaged" in str(info.value)
    assert path.read_bytes() == before


def test_a_file_to_migrate_is_checked_first_even_when_the_check_was_to_wait(data: Path) -> None:
    """Migrating writes: a damaged file that needs a migration is refused before it."""
    path = db_of(data)
    conn = sqlite3.connect(path)
    conn.execute(
        "DELETE FROM _sqlite_migrations WHERE name = '0004_attendance_notes_and_exclusions'"
    )
    conn.commit()
    conn.close()
    overwrite_page(path, root_page(path, "children_case"))
    with pytest.raises(DatabaseCorruptError):
        Store.open(path, AppPaths(data).backups, check_integrity=False)


def _smoke(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mdcc_desktop", "--smoke", "--data-dir", str(data)],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_gui_start_reports_damage_the_check_finds_after_the_window(data: Path) -> None:
    """Damage in a part the first window does not read (the people directory) is found by the
    check that runs once the window is up."""
    path = db_of(data)
    overwrite_page(path, root_page(path, "people"))
    before = path.read_bytes()
    proc = _smoke(data)
    assert proc.returncode == 2, proc.stderr
    assert "damaged" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert path.read_bytes() == before


def test_gui_start_after_an_unclean_shutdown_checks_before_opening(data: Path) -> None:
    """A lock file left by an app that died: the file is checked before the services open, so
    the damage is said before any window (no start-up time printed)."""
    from mdcc_desktop.ui.single_instance import LOCK_NAME

    lock = data / LOCK_NAME
    code = (
        "import os, sys; from PySide6.QtCore import QLockFile; l = QLockFile(sys.argv[1]); "
        "l.setStaleLockTime(0); assert l.tryLock(1000); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code, str(lock)], check=True, env=_env())
    assert lock.exists()
    path = db_of(data)
    overwrite_page(path, root_page(path, "children_case"))
    before = path.read_bytes()
    proc = _smoke(data)
    assert proc.returncode == 2, proc.stderr
    assert "damaged" in proc.stderr
    # Refused before the main window: the one time printed is the unlock screen's (shown before
    # any data is opened, issue 11), never a second one for the window.
    assert len(proc.stdout.split()) == 1
    assert path.read_bytes() == before
