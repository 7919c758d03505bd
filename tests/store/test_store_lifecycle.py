"""A Store closes and reopens its connection keeping its identity (for the auto-lock).

The services hold the Store object, not its connection: after ``close()`` every use says the
database is closed (a StoreError a user can read, not sqlite's ProgrammingError), and after
``reopen()`` the same services read and write again. Real files throughout.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mdcc_desktop.domain.models import Case, Child
from mdcc_desktop.store import (
    CannotOpenError,
    DatabaseCorruptError,
    Store,
    StoreClosedError,
    StoreError,
    WrongKeyError,
)
from tests.conftest import DEMO, folder_key, open_services


def test_services_keep_working_across_a_close_and_a_reopen(tmp_path: Path) -> None:
    services = open_services(tmp_path / "data")
    try:
        store = services.store
        imported = services.exchange.import_file(DEMO)
        before = services.conferences.conference(imported.conference_id)

        store.close()
        assert store.closed
        with pytest.raises(StoreClosedError) as info:
            services.conferences.conference(imported.conference_id)
        assert isinstance(info.value, StoreError)
        assert "closed" in str(info.value)
        with pytest.raises(StoreClosedError):
            services.conferences.create_case("CP-LOCKED", "ENG", [Child(name="A")])
        with pytest.raises(StoreClosedError):
            services.exchange.export_document(imported.conference_id)

        store.reopen(folder_key(tmp_path / "data"))  # the key comes back with the unlock
        assert not store.closed
        assert services.store is store
        assert services.conferences.store is store
        assert services.exchange.store is store
        assert services.conferences.conference(imported.conference_id) == before
        case = services.conferences.create_case("CP-AFTER", "ENG", [Child(name="B")])
        assert case.id is not None
        assert store.get(Case, case.id).reference == "CP-AFTER"
        # The new connection has the factory's settings.
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        services.close()


def test_a_closed_store_refuses_every_kind_of_use(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "mdcc.sqlite3")
    store.close()
    store.close()  # closing twice is harmless
    with pytest.raises(StoreClosedError):
        store.list_cases()
    with pytest.raises(StoreClosedError):
        store.add_case(Case(reference="CP-1", jurisdiction="ENG"))
    with pytest.raises(StoreClosedError), store.transaction():
        pass
    with pytest.raises(StoreClosedError):
        store.db  # noqa: B018


def test_what_was_written_before_the_close_is_there_after_the_reopen(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "mdcc.sqlite3")
    case_id = store.add_case(Case(reference="CP-1", jurisdiction="ENG"))
    store.close()
    # Closed means closed: another connection sees the committed data.
    conn = sqlite3.connect(tmp_path / "mdcc.sqlite3")
    assert conn.execute("SELECT reference FROM cases").fetchall() == [("CP-1",)]
    conn.close()
    store.reopen()
    try:
        assert store.get(Case, case_id).reference == "CP-1"
    finally:
        store.close()


def test_reopen_never_makes_a_new_database_in_place_of_a_missing_one(tmp_path: Path) -> None:
    path = tmp_path / "mdcc.sqlite3"
    store = Store.open(path)
    store.close()
    path.rename(tmp_path / "moved.sqlite3")
    with pytest.raises(CannotOpenError) as info:
        store.reopen()
    assert "missing" in str(info.value)
    assert not path.exists()
    assert store.closed


def test_reopen_on_a_file_damaged_meanwhile_says_so_and_stays_closed(tmp_path: Path) -> None:
    path = tmp_path / "mdcc.sqlite3"
    store = Store.open(path, tmp_path / "backups")
    store.close()
    path.write_bytes(b"")
    with pytest.raises(DatabaseCorruptError):
        store.reopen()
    assert store.closed
    with pytest.raises(StoreClosedError):
        store.list_cases()


def test_reopen_with_the_wrong_key_is_refused_and_stays_closed(tmp_path: Path) -> None:
    path = tmp_path / "mdcc.sqlite3"
    store = Store.open(path)
    store.close()
    with pytest.raises(WrongKeyError):  # a key on a plain file: it reads as not a database
        store.reopen(key="a passphrase")
    assert store.closed
    store.reopen(key=None)
    try:
        assert store.list_cases() == []
    finally:
        store.close()


def test_reopen_is_for_a_closed_file_store_only(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "mdcc.sqlite3")
    try:
        with pytest.raises(RuntimeError, match="close it"):
            store.reopen()
    finally:
        store.close()
    memory = Store.open(":memory:")
    memory.close()
    with pytest.raises(RuntimeError, match="in-memory"):
        memory.reopen()


def test_attach_adds_a_connection_without_checking_or_creating_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The notes writer's connection: the app's own open already checked and migrated the
    file, so attaching neither runs the integrity check again nor makes a missing file."""
    from mdcc_desktop.store import store as store_module
    from mdcc_desktop.store.errors import CannotOpenError

    path = tmp_path / "mdcc.sqlite3"
    first = Store.open(path)
    checks: list[object] = []
    monkeypatch.setattr(store_module, "check_integrity", lambda *args: checks.append(args))
    extra = Store.attach(path)
    try:
        assert checks == []
        assert extra.conference_ids() == first.conference_ids() == []
    finally:
        extra.close()
        first.close()
    missing = tmp_path / "missing.sqlite3"
    with pytest.raises(CannotOpenError):
        Store.attach(missing)
    assert not missing.exists()
