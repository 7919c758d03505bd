"""The data folder's protection as a chair meets it: a first passphrase (and the recovery code
shown once), a plain database from before encryption encrypted on the way, a wrong passphrase
refused and slowed down after three tries, the recovery code opening a forgotten folder, a
passphrase change that does not rewrite the database, and a missing key file said plainly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mdcc_desktop.domain.clock import FixedClock, use
from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.models import Child, ConferenceType
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.protection import (
    FREE_TRIES,
    FolderState,
    Protection,
    WaitBeforeTryingError,
)
from mdcc_desktop.store import Store
from mdcc_desktop.store.keys import KEY_FILE_NAME, KeyFileError, WrongSecretError

CHEAP = {"memory_kib": 8 * 1024, "iterations": 1, "lanes": 1}
PASS = "the chair's passphrase"
NAME = "陳大文 Secretname"


def folder(tmp_path: Path) -> AppPaths:
    return AppPaths(tmp_path / "data")


def plain_folder(tmp_path: Path) -> AppPaths:
    paths = folder(tmp_path)
    services = Services.open(paths)
    services.conferences.create_case("CS-PLAIN", "HK", [Child(name=NAME)])
    services.close()
    return paths


def no_name_anywhere(paths: AppPaths) -> None:
    for file in paths.data_dir.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            assert NAME.encode() not in data and b"Secretname" not in data, file


def test_a_new_folder_gets_a_passphrase_and_a_recovery_code(tmp_path: Path) -> None:
    p = Protection(folder(tmp_path), CHEAP)
    assert p.state() is FolderState.NEW
    made = p.set_up(PASS)
    assert p.state() is FolderState.LOCKED
    assert len(made.recovery_code.split("-")) == 6 and not made.encrypted_existing
    assert made.recovery_code not in p.key_path.read_text()
    assert p.unlock(PASS) == made.db_key
    store = Store.open(p.paths.database, key=made.db_key)
    store.close()


def test_a_plain_database_from_before_is_encrypted_when_the_passphrase_is_set(
    tmp_path: Path,
) -> None:
    paths = plain_folder(tmp_path)
    p = Protection(paths, CHEAP)
    assert p.state() is FolderState.PLAIN
    made = p.set_up(PASS)
    assert made.encrypted_existing
    no_name_anywhere(paths)
    services = Services.open(paths, key=made.db_key)
    try:
        assert [c.reference for c in services.conferences.cases()] == ["CS-PLAIN"]
    finally:
        services.close()


def test_a_crash_between_key_file_and_encryption_is_finished_at_the_next_unlock(
    tmp_path: Path,
) -> None:
    from mdcc_desktop.store import keys

    paths = plain_folder(tmp_path)
    made = keys.create(PASS, **CHEAP)
    keys.save(paths.data_dir / KEY_FILE_NAME, made.key_file)  # ... and then the power went
    p = Protection(paths, CHEAP)
    assert p.unlock(PASS) == made.db_key
    no_name_anywhere(paths)


def test_wrong_passphrases_are_refused_then_slowed_and_the_right_one_clears(
    tmp_path: Path,
) -> None:
    p = Protection(folder(tmp_path), CHEAP)
    made = p.set_up(PASS)
    clock = FixedClock(dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC))
    with use(clock):
        for _ in range(FREE_TRIES):
            with pytest.raises(WrongSecretError, match="passphrase does not open"):
                p.unlock("a wrong passphrase")
        assert p.seconds_to_wait() == 1
        with pytest.raises(WaitBeforeTryingError) as waited:
            p.unlock(PASS)  # even the right one waits: no guessing at full speed
        assert waited.value.seconds == 1 and "wait 1 second" in str(waited.value)
        clock.advance(dt.timedelta(seconds=1))
        with pytest.raises(WrongSecretError):
            p.unlock("another wrong one")
        assert p.seconds_to_wait() == 2, "each further failure doubles the wait"
        # Starting the app again does not reset it.
        assert Protection(p.paths, CHEAP).seconds_to_wait() == 2
        clock.advance(dt.timedelta(seconds=2))
        assert p.unlock(PASS) == made.db_key
        assert p.seconds_to_wait() == 0


def test_the_recovery_code_opens_a_forgotten_folder_and_sets_a_new_passphrase(
    tmp_path: Path,
) -> None:
    p = Protection(folder(tmp_path), CHEAP)
    made = p.set_up(PASS)
    assert p.recover(made.recovery_code.lower(), "a brand new passphrase") == made.db_key
    assert p.unlock("a brand new passphrase") == made.db_key
    with pytest.raises(WrongSecretError):
        p.unlock(PASS)
    with pytest.raises(WrongSecretError, match="recovery code does not open"):
        p.recover("00000-00000-00000-00000-00000-00000", "whatever passphrase")


def test_changing_the_passphrase_does_not_rewrite_the_database(tmp_path: Path) -> None:
    p = Protection(folder(tmp_path), CHEAP)
    made = p.set_up(PASS)
    Store.open(p.paths.database, key=made.db_key).close()
    before = p.paths.database.read_bytes()
    p.change_passphrase(PASS, "my changed passphrase")
    assert p.paths.database.read_bytes() == before
    assert p.unlock("my changed passphrase") == made.db_key
    with pytest.raises(WrongSecretError):
        p.change_passphrase(PASS, "yet another passphrase")
    with pytest.raises(WrongSecretError, match="at least 8"):
        p.change_passphrase("my changed passphrase", "short")


def test_a_new_recovery_code_replaces_the_old(tmp_path: Path) -> None:
    p = Protection(folder(tmp_path), CHEAP)
    made = p.set_up(PASS)
    code = p.new_recovery_code(PASS)
    assert p.recover(code, "after the new code") == made.db_key
    with pytest.raises(WrongSecretError):
        p.recover(made.recovery_code, "after the old code")


def test_an_encrypted_database_without_its_key_file_is_said_plainly(tmp_path: Path) -> None:
    p = Protection(folder(tmp_path), CHEAP)
    made = p.set_up(PASS)
    Store.open(p.paths.database, key=made.db_key).close()
    p.key_path.unlink()
    assert p.state() is FolderState.KEY_MISSING
    with pytest.raises(KeyFileError, match=r"key file .* is missing"):
        p.set_up("a passphrase to overwrite")
    with pytest.raises(KeyFileError, match="is missing"):
        p.unlock(PASS)


def test_setting_up_twice_is_refused(tmp_path: Path) -> None:
    p = Protection(folder(tmp_path), CHEAP)
    p.set_up(PASS)
    with pytest.raises(MdccError, match="already has a passphrase"):
        p.set_up("another passphrase here")


def test_the_notes_writer_opens_the_encrypted_database_with_the_apps_key(tmp_path: Path) -> None:
    p = Protection(folder(tmp_path), CHEAP)
    made = p.set_up(PASS)
    services = Services.open(p.paths, key=made.db_key)
    try:
        case = services.conferences.create_case("CS-NOTES", "ENG", [Child(name="Amy")])
        assert case.id is not None
        conference_id = services.conferences.create_conference(
            case.id, "ENG", ConferenceType.INITIAL, dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC)
        )
        item = services.store.agenda(conference_id)[0]
        assert item.id is not None
        writer = services.notes_writer()
        writer.save(item.id, 1, "typed on the writer's own connection")
        assert writer.wait_idle(10)
        assert [r.error for r in writer.results()] == [None]
        writer.close()
        stored = services.store.get_agenda_item(item.id).notes
        assert stored == "typed on the writer's own connection"
    finally:
        services.close()
    no_name_anywhere(p.paths)


def test_a_damaged_plain_database_is_said_damaged_and_nothing_is_written(tmp_path: Path) -> None:
    from mdcc_desktop.store import DatabaseCorruptError

    paths = plain_folder(tmp_path)
    whole = paths.database.read_bytes()
    paths.database.write_bytes(whole[: len(whole) // 2])
    p = Protection(paths, CHEAP)
    assert p.state() is FolderState.PLAIN
    with pytest.raises(DatabaseCorruptError, match="damaged"):
        p.set_up(PASS)
    assert not p.key_path.exists()  # no key for a file it could not encrypt
    assert paths.database.read_bytes() == whole[: len(whole) // 2]


def test_an_empty_or_torn_database_file_is_damage_not_a_new_folder(tmp_path: Path) -> None:
    paths = folder(tmp_path)
    paths.data_dir.mkdir(parents=True)
    paths.database.write_bytes(b"")
    assert Protection(paths, CHEAP).state() is FolderState.DAMAGED
    paths.database.write_bytes(b"this is not sqlite" * 100)  # not whole pages
    assert Protection(paths, CHEAP).state() is FolderState.DAMAGED


def test_a_second_set_up_never_replaces_the_first_key(tmp_path: Path) -> None:
    """Two first runs at once: the key file is created exclusively, so the one that comes
    second is told and opens with the first's key (the CLI's hook does so)."""
    from mdcc_desktop.services.protection import AlreadySetUpError
    from mdcc_desktop.store import keys

    paths = folder(tmp_path)
    first = Protection(paths, CHEAP)
    made = first.set_up(PASS)
    before = first.key_path.read_bytes()
    other = keys.create(PASS, **CHEAP)
    with pytest.raises(FileExistsError):
        keys.save(first.key_path, other.key_file, exclusive=True)
    with pytest.raises(AlreadySetUpError):
        Protection(paths, CHEAP).set_up(PASS)
    assert first.key_path.read_bytes() == before
    assert Protection(paths, CHEAP).unlock(PASS) == made.db_key
    assert [p.name for p in paths.data_dir.iterdir() if p.name.startswith(".")] == []


def test_a_data_folder_that_is_a_file_is_said_plainly(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "afile"
    not_a_folder.write_text("hello", encoding="utf-8")
    with pytest.raises(MdccError, match="cannot be created or written"):
        Protection(AppPaths(not_a_folder), CHEAP).set_up(PASS)
    assert not_a_folder.read_text(encoding="utf-8") == "hello"
