"""Backups of the encrypted database (issue 11, deliver 6): made with SQLite's online backup on
a connection of their own, encrypted with the folder's key (no name in their bytes), checked,
rotated, daily while the app is used, and restored with the current database kept aside."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest

from mdcc_desktop.domain.models import Case, Child
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services import backups
from mdcc_desktop.services.context import Services
from mdcc_desktop.store import Store, migrations
from mdcc_desktop.store.backup import BackupError, list_backups, rotate
from tests.conftest import DEMO, dump_database, folder_key, open_services
from tests.store.test_store_migrations import add_fake_step

NAME = "Zebedee Quartermain"


@pytest.fixture
def svc(data_dir: Path) -> Services:
    services = open_services(data_dir)
    services.exchange.import_file(DEMO)
    case_id = services.store.add_case(Case(reference="CP-BACKUP", jurisdiction="ENG"))
    for i in range(50):
        services.store.add_child(Child(case_id=case_id, name=f"{NAME} {i:02d}"))
    yield services
    services.close()


def _dump(path: Path, key: bytes) -> list[str]:
    store = Store.open(path, key=key)
    try:
        return dump_database(store.db)
    finally:
        store.close()


def test_a_backup_is_encrypted_with_the_folders_key_and_whole(
    svc: Services, data_dir: Path
) -> None:
    made = svc.backups.back_up("manual")
    assert made.parent == AppPaths(data_dir).backups
    data = made.read_bytes()
    assert NAME.encode() not in data and NAME.encode("utf-16-le") not in data
    assert not data.startswith(b"SQLite format 3")
    assert os.stat(made).st_mode & 0o077 == 0  # the owner's alone
    before = dump_database(svc.store.db)
    assert _dump(made, folder_key(data_dir)) == before
    with pytest.raises(BackupError, match="does not open with this data folder's key"):
        backups.check(made, bytes(32))


def test_a_backup_runs_on_another_thread_while_edits_go_on(svc: Services) -> None:
    made: list[Path] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            made.append(svc.backups.back_up("daily"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    case_id = svc.store.add_case(Case(reference="CP-DURING", jurisdiction="ENG"))
    worker.join(60)
    assert errors == [] and len(made) == 1
    assert svc.store.get_case(case_id).reference == "CP-DURING"
    backups.check(made[0], svc.store.key)


def test_only_the_newest_automatic_backups_are_kept(svc: Services) -> None:
    svc.settings.update(backups_to_keep=3)
    start = dt.datetime(2026, 11, 1, 9, tzinfo=dt.UTC)
    manual = svc.backups.back_up("manual", start - dt.timedelta(days=30))
    for day in range(6):
        svc.backups.back_up("daily", start + dt.timedelta(days=day))
    kept = svc.backups.backups()
    assert [b.kind for b in kept] == ["daily", "daily", "daily", "manual"]
    assert [b.made_at.day for b in kept[:3]] == [6, 5, 4]
    assert manual.exists()
    assert rotate(svc.backups.folder, 3) == []


def test_one_daily_backup_a_day_and_another_past_midnight(svc: Services) -> None:
    evening = dt.datetime(2026, 11, 30, 23, 50).astimezone()
    assert svc.backups.daily_due(evening)
    first = svc.backups.daily(evening)
    assert first is not None
    assert svc.backups.daily(evening + dt.timedelta(minutes=5)) is None
    after_midnight = evening + dt.timedelta(minutes=20)
    second = svc.backups.daily(after_midnight)
    assert second is not None and second != first
    assert [b.kind for b in svc.backups.backups()] == ["daily", "daily"]


def test_the_backup_folder_setting_is_used(svc: Services, tmp_path: Path) -> None:
    elsewhere = tmp_path / "usb" / "mdcc backups"
    svc.settings.update(backup_folder=str(elsewhere))
    made = svc.backups.back_up("manual")
    assert made.parent == elsewhere
    assert [b.path for b in list_backups(elsewhere)] == [made]


def test_a_backup_folder_that_is_a_file_is_said(svc: Services, tmp_path: Path) -> None:
    blocker = tmp_path / "not a folder"
    blocker.write_text("x")
    svc.settings.update(backup_folder=str(blocker))
    with pytest.raises(BackupError, match="is a file, not a folder"):
        svc.backups.back_up("manual")
    assert blocker.read_text() == "x"


def test_restore_keeps_the_current_database_aside(svc: Services, data_dir: Path) -> None:
    key = folder_key(data_dir)
    made = svc.backups.back_up("manual")
    before = dump_database(svc.store.db)
    svc.conferences.delete_conference(svc.conferences.list_conferences()[0].id)
    after_delete = dump_database(svc.store.db)
    svc.close()
    done = backups.restore(svc.paths, svc.settings.current, made, key)
    assert done.kept_aside is not None and not done.damaged
    assert "before-restore" in done.kept_aside.name
    assert _dump(AppPaths(data_dir).database, key) == before
    assert _dump(done.kept_aside, key) == after_delete  # nothing lost: the undo is there too


def test_a_backup_from_a_newer_version_is_refused(svc: Services, data_dir: Path) -> None:
    made = svc.backups.back_up("manual")
    store = Store.open(made, key=svc.store.key)
    store.db.execute(f"PRAGMA user_version = {len(migrations.known_steps()) + 1}")
    store.close()
    with pytest.raises(BackupError, match="newer version"):
        backups.check(made, svc.store.key)


def test_a_damaged_backup_is_refused_and_the_latest_good_one_found(
    svc: Services, data_dir: Path
) -> None:
    good = svc.backups.back_up("daily", dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    bad = svc.backups.back_up("daily", dt.datetime(2026, 11, 2, tzinfo=dt.UTC))
    damage(bad)
    with pytest.raises(BackupError, match="damaged"):
        backups.check(bad, svc.store.key)
    latest = backups.latest_good_backup(svc.backups.folder, svc.store.key)
    assert latest is not None and latest.path == good


def damage(path: Path) -> None:
    """Overwrite a page in the middle of the (encrypted) file with other bytes, as a failing
    disk does: SQLCipher's check of each page finds it."""
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    middle = pages // 2
    data[middle * 4096 : (middle + 1) * 4096] = bytes(range(256)) * 16
    path.write_bytes(bytes(data))


def test_the_copy_before_a_migration_goes_to_the_backup_folder_setting(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A migration's copy is an automatic backup: in the chosen folder, encrypted, rotated."""
    services = open_services(data_dir)
    services.exchange.import_file(DEMO)
    elsewhere = tmp_path / "chosen"
    services.settings.update(backup_folder=str(elsewhere))
    services.close()

    add_fake_step(monkeypatch, "0999_test_step", lambda db: None)
    again = open_services(data_dir)
    again.close()
    found = list_backups(elsewhere)
    assert [b.kind for b in found] == ["migration"]
    assert b"Chan Ka-yan" not in found[0].path.read_bytes()
    backups.check(found[0].path, folder_key(data_dir))


def test_rotation_removes_what_killed_backups_left(svc: Services) -> None:
    folder = svc.backups.folder
    folder.mkdir(parents=True, exist_ok=True)
    old = folder / ".mdcc-20260101T000000Z-daily.sqlite3.1a2b3c4d.part"
    fresh = folder / ".mdcc-20261130T000000Z-daily.sqlite3.5e6f7a8b.part"
    for part in (old, fresh):
        part.write_bytes(b"\x00" * 4096)
    os.utime(old, (1_700_000_000, 1_700_000_000))
    svc.backups.back_up("daily")
    assert not old.exists() and fresh.exists()  # a backup may be under way in another process
