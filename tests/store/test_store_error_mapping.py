"""One mapping (``errors.translate``) from SQLite's failures to what the user is told.

Each kind is produced for real where this machine can: a database capped at its size (SQLite's
own "database or disk is full"), a rollback journal that cannot be read (a real SQLITE_IOERR),
a write lock held by another connection, a connection switched to read-only, a folder that does
not exist, a file that is not a database. A wrong key needs SQLCipher: the key's wiring is
tested with plain SQLite's "not a database" on a real file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from mdcc_desktop.domain.models import Case, Child
from mdcc_desktop.store import (
    CannotOpenError,
    DatabaseCorruptError,
    DatabaseLockedError,
    DiskFullError,
    DiskIOError,
    EncryptionUnavailableError,
    NotADatabaseError,
    ReadOnlyError,
    Store,
    StoreError,
    WrongKeyError,
    driver,
)
from mdcc_desktop.store.connection import key_pragma, open_database
from mdcc_desktop.store.errors import translate

RAW_KEY = bytes(range(32))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "mdcc.sqlite3", tmp_path / "backups")
    yield s
    s.close()


def _real_error(path: Path, sql: str) -> driver.Error:
    conn = driver.connect(str(path))
    try:
        with pytest.raises(driver.Error) as info:
            conn.execute(sql).fetchall()
    finally:
        conn.close()
    return info.value


def not_a_database(tmp_path: Path) -> Path:
    path = tmp_path / "mdcc.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)
    return path


# --- a full disk and an I/O error are two things ------------------------------------------


def test_a_full_database_says_the_disk_is_full(store: Store) -> None:
    case_id = store.add_case(Case(reference="CP-FULL", jurisdiction="ENG"))
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFullError) as info:
        store.add_child(Child(case_id=case_id, name="A long name " * 2000))
    assert "The disk is full" in str(info.value)
    assert isinstance(info.value.__cause__, driver.OperationalError)
    assert info.value.__cause__.sqlite_errorcode == sqlite3.SQLITE_FULL
    assert store.children(case_id) == []


def unreadable_journal(tmp_path: Path) -> Path:
    """A rollback-journal file whose journal SQLite cannot read (a directory in its place):
    every read of the database then fails with SQLITE_IOERR_READ, as on a failing disk."""
    path = tmp_path / "io.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    (tmp_path / "io.sqlite3-journal").mkdir()
    return path


def test_an_io_error_is_not_reported_as_a_full_disk(tmp_path: Path) -> None:
    path = unreadable_journal(tmp_path)
    exc = _real_error(path, "INSERT INTO t VALUES (1)")
    assert exc.sqlite_errorcode & 0xFF == sqlite3.SQLITE_IOERR

    mapped = translate(exc)
    assert type(mapped) is DiskIOError
    assert not isinstance(mapped, DiskFullError)
    assert "input/output error" in str(mapped)
    assert "full" not in str(mapped)

    with pytest.raises(DiskIOError):
        open_database(path, wal=False)


def test_an_io_error_without_a_result_code_is_known_by_its_text() -> None:
    # A driver that sets no sqlite_errorcode leaves only SQLite's message.
    assert type(translate(driver.OperationalError("disk I/O error"))) is DiskIOError
    assert type(translate(driver.OperationalError("database or disk is full"))) is DiskFullError


def test_extended_io_codes_map_to_the_io_error() -> None:
    for extended in (sqlite3.SQLITE_IOERR_WRITE, sqlite3.SQLITE_IOERR_FSYNC):
        exc = driver.OperationalError("some message")
        exc.sqlite_errorcode = extended
        assert type(translate(exc)) is DiskIOError, extended


# --- the other environment errors ----------------------------------------------------------


def test_a_write_lock_held_elsewhere_is_database_in_use(store: Store) -> None:
    assert store.path is not None
    # Another connection of the driver: two SQLite libraries in one process do not see each
    # other's locks (POSIX locks are per process), so the other writer uses the same one.
    other = driver.connect(str(store.path))
    other.execute("BEGIN IMMEDIATE")
    try:
        with store.busy_timeout(20), pytest.raises(DatabaseLockedError) as info:
            store.add_case(Case(reference="CP-LOCK", jurisdiction="ENG"))
    finally:
        other.rollback()
        other.close()
    assert "in use" in str(info.value)


def test_a_read_only_connection_says_read_only(store: Store) -> None:
    store.db.execute("PRAGMA query_only = ON")
    with pytest.raises(ReadOnlyError) as info:
        store.add_case(Case(reference="CP-RO", jurisdiction="ENG"))
    assert "read-only" in str(info.value)


def test_a_missing_folder_cannot_be_opened(tmp_path: Path) -> None:
    with pytest.raises(CannotOpenError):
        Store.open(tmp_path / "nowhere" / "mdcc.sqlite3")
    assert not (tmp_path / "nowhere").exists()


def test_a_bug_is_not_mapped(store: Store) -> None:
    with pytest.raises(driver.OperationalError, match="no such table"):
        store._rows("SELECT * FROM no_such_table")
    assert translate(driver.OperationalError("no such table: x")) is None


# --- damaged or wrong key ------------------------------------------------------------------


def test_not_a_database_without_a_key_is_damage(tmp_path: Path) -> None:
    exc = _real_error(not_a_database(tmp_path), "SELECT * FROM sqlite_master")
    mapped = translate(exc, tmp_path / "backups")
    assert isinstance(mapped, NotADatabaseError)
    assert isinstance(mapped, DatabaseCorruptError)
    assert "damaged" in str(mapped)


def test_not_a_database_with_a_key_is_a_wrong_key_not_damage(tmp_path: Path) -> None:
    exc = _real_error(not_a_database(tmp_path), "SELECT * FROM sqlite_master")
    mapped = translate(exc, tmp_path / "backups", keyed=True)
    assert isinstance(mapped, WrongKeyError)
    assert isinstance(mapped, StoreError)
    assert not isinstance(mapped, DatabaseCorruptError)
    message = str(mapped)
    assert "password" in message
    assert "restore" not in message and "damaged" not in message


def test_the_factory_says_wrong_key_when_a_keyed_open_meets_not_a_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wiring, as it will run under SQLCipher: the capability flag is raised, plain SQLite
    ignores the key pragma, and the file that does not read as a database is what a wrong key
    produces. The same file opened without a key is damage."""
    path = not_a_database(tmp_path)
    before = path.read_bytes()
    monkeypatch.setattr(driver, "SUPPORTS_KEY", True)
    with pytest.raises(WrongKeyError):
        open_database(path, key="not the password")
    with pytest.raises(WrongKeyError):
        Store.open(path, tmp_path / "backups", key=RAW_KEY)
    monkeypatch.undo()
    with pytest.raises(NotADatabaseError):
        open_database(path)
    assert path.read_bytes() == before


# --- a key given to a driver that cannot encrypt ---------------------------------------------


def test_a_key_to_plain_sqlite_is_refused_before_the_file_is_touched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build whose driver cannot encrypt (plain SQLite ignores the key pragma without a
    word) refuses a key rather than write a clear file the user believes encrypted."""
    monkeypatch.setattr(driver, "SUPPORTS_KEY", False)
    new = tmp_path / "new" / "mdcc.sqlite3"
    new.parent.mkdir()
    for key in (RAW_KEY, "a passphrase"):
        with pytest.raises(EncryptionUnavailableError) as info:
            open_database(new, key=key)
        assert "cannot open an encrypted database" in str(info.value)
        with pytest.raises(EncryptionUnavailableError):
            Store.open(new, tmp_path / "backups", key=key)
    assert list(new.parent.iterdir()) == []  # no clear-text file made in its place

    existing = tmp_path / "mdcc.sqlite3"
    Store.open(existing).close()
    before = existing.read_bytes()
    with pytest.raises(EncryptionUnavailableError):
        Store.open(existing, key="a passphrase")
    assert existing.read_bytes() == before


# --- the encrypted database ------------------------------------------------------------------


def test_an_encrypted_database_opens_with_its_key_only_and_shows_no_text(tmp_path: Path) -> None:
    assert driver.SUPPORTS_KEY
    path = tmp_path / "mdcc.sqlite3"
    store = Store.open(path, tmp_path / "backups", key=RAW_KEY)
    store.add_case(Case(reference="CP-SECRET-REF", jurisdiction="ENG"))
    store.close()
    files = [p for p in tmp_path.iterdir() if p.is_file()]
    assert files, "the database and its WAL are there"
    for file in files:
        assert b"CP-SECRET-REF" not in file.read_bytes(), file.name
        assert b"SQLite format 3" not in file.read_bytes()[:16], file.name
    before = path.read_bytes()
    with pytest.raises(WrongKeyError):
        Store.open(path, tmp_path / "backups", key=bytes(32))
    with pytest.raises(NotADatabaseError):  # without a key it reads as not a database
        Store.open(path, tmp_path / "backups")
    assert path.read_bytes() == before
    reopened = Store.open(path, tmp_path / "backups", key=RAW_KEY)
    try:
        assert [c.reference for c in reopened.list_cases()] == ["CP-SECRET-REF"]
    finally:
        reopened.close()


def test_key_pragma_forms() -> None:
    assert key_pragma(RAW_KEY) == f"PRAGMA key = \"x'{RAW_KEY.hex()}'\""
    assert key_pragma(bytes(48)).endswith(f"x'{'00' * 48}'\"")
    assert key_pragma("it's mine") == "PRAGMA key = 'it''s mine'"
    for bad in (b"short", bytes(33), ""):
        with pytest.raises(ValueError):
            key_pragma(bad)
