"""Opening and migrating real database files: fresh, up to date, too new, damaged."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database, Migrations

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.models import Attendee, Case
from mdcc_desktop.store import (
    DatabaseCorruptError,
    EncryptionUnavailableError,
    SchemaTooNewError,
    Store,
    StoreError,
    driver,
    migrations,
)
from mdcc_desktop.store.connection import open_database

TABLES = {
    "cases",
    "children",
    "household_members",
    "people",
    "conferences",
    "attendees",
    "attendee_roles",
    "agenda_items",
    "decisions",
    "dissents",
    "actions",
    "action_updates",
    "distribution",
    "safety_lines",
    "safety_scaling",
    "minutes_versions",
}


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "mdcc.sqlite3"


@pytest.fixture
def backups(tmp_path: Path) -> Path:
    return tmp_path / "backups"


def make_current(db_path: Path) -> None:
    """A database at this app's schema with one case in it, closed again."""
    store = Store.open(db_path)
    store.add_case(Case(reference="CP-1", jurisdiction="ENG"))
    store.close()


def raw(db_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(db_path, isolation_level=None)


def backup_files(backups: Path) -> list[Path]:
    return sorted(backups.glob("*")) if backups.exists() else []


def add_fake_step(monkeypatch: pytest.MonkeyPatch, name: str, fn) -> None:
    """Register an extra step for this test only (the registry is restored afterwards)."""
    steps = [*migrations.MIGRATIONS._migrations, Migrations._Migration(name, fn)]
    monkeypatch.setattr(migrations.MIGRATIONS, "_migrations", steps)


# --- a fresh database ----------------------------------------------------------------------------


def test_fresh_database_gets_every_step(db_path: Path, backups: Path) -> None:
    store = Store.open(db_path, backups)
    try:
        db = store.db
        known = migrations.known_steps()
        assert known and known[0] == "0001_initial_schema"
        assert migrations.schema_version(db) == len(known)
        assert [m.name for m in migrations.MIGRATIONS.applied(db)] == known
        assert migrations.MIGRATIONS.pending(db) == []
        names = set(db.table_names())
        assert names >= TABLES
        for table in migrations.SEARCH_COLUMNS:
            assert f"{table}_fts" in names
            sql = db[f"{table}_fts"].schema.lower()
            assert "fts5" in sql and "trigram" in sql
            assert db[table].detect_fts() == f"{table}_fts"
        triggers = {t.name for t in db.triggers}
        assert {"cases_ai", "cases_ad", "cases_au"} <= triggers
    finally:
        store.close()
    # Nothing to back up in a new database.
    assert backup_files(backups) == []


def test_open_database_settings(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    finally:
        db.close()


def test_store_connection_has_wal_and_foreign_keys(db_path: Path) -> None:
    store = Store.open(db_path)
    try:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        store.close()
    # WAL is persistent: the file itself says so.
    conn = raw(db_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_foreign_keys_are_enforced(db_path: Path) -> None:
    store = Store.open(db_path)
    try:
        with pytest.raises(driver.IntegrityError, match="FOREIGN KEY"):
            store.add_attendee(Attendee(name="Nobody's guest", conference_id=4242))
        assert store.db.execute("SELECT count(*) FROM attendees").fetchone()[0] == 0
        with pytest.raises(driver.IntegrityError):
            store.db.execute(
                "INSERT INTO children (case_id, name) VALUES (?, ?)", [999, "Orphan row"]
            )
    finally:
        store.close()


def test_memory_database_migrates(tmp_path: Path) -> None:
    store = Store.open(":memory:", tmp_path / "backups")
    try:
        assert store.path is None
        assert migrations.schema_version(store.db) == len(migrations.known_steps())
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        store.close()
    assert not (tmp_path / "backups").exists()


# --- reopening -----------------------------------------------------------------------------------


def test_reopening_an_up_to_date_database_applies_nothing(db_path: Path, backups: Path) -> None:
    make_current(db_path)
    conn = raw(db_path)
    before = conn.execute("SELECT * FROM _sqlite_migrations ORDER BY id").fetchall()
    conn.close()

    db = open_database(db_path)
    try:
        assert migrations.migrate(db, db_path, backups) == []
        assert migrations.schema_version(db) == len(migrations.known_steps())
    finally:
        db.close()
    store = Store.open(db_path, backups)
    try:
        assert [c.reference for c in store.list_cases()] == ["CP-1"]
    finally:
        store.close()

    conn = raw(db_path)
    assert conn.execute("SELECT * FROM _sqlite_migrations ORDER BY id").fetchall() == before
    conn.close()
    assert backup_files(backups) == []


def test_pending_step_backs_up_first_then_applies(
    db_path: Path, backups: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_current(db_path)
    old_version = len(migrations.known_steps())

    def add_notes_table(db: Database) -> None:
        db.execute("CREATE TABLE test_notes (id INTEGER PRIMARY KEY, text TEXT)")
        db.execute("INSERT INTO test_notes (text) VALUES ('made by the new step')")

    add_fake_step(monkeypatch, "0999_test_notes", add_notes_table)
    db = open_database(db_path)
    try:
        assert migrations.migrate(db, db_path, backups) == ["0999_test_notes"]
        assert migrations.schema_version(db) == old_version + 1
        assert db.execute("SELECT text FROM test_notes").fetchall() == [("made by the new step",)]
    finally:
        db.close()

    copies = backup_files(backups)
    assert len(copies) == 1
    copy = copies[0]
    assert copy.name.startswith(f"mdcc-schema{old_version}-")
    assert copy.suffix == ".sqlite3"
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
        assert conn.execute("SELECT reference FROM cases").fetchall() == [("CP-1",)]
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "test_notes" not in names
    finally:
        conn.close()

    # This app without the extra step now sees a database from a newer version.
    monkeypatch.undo()
    with pytest.raises(SchemaTooNewError, match="newer"):
        Store.open(db_path, backups)


def test_steps_on_a_fresh_database_run_in_order_without_backup(
    db_path: Path, backups: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []

    def second(db: Database) -> None:
        seen.append(migrations.schema_version(db))
        db.execute("ALTER TABLE cases ADD COLUMN test_colour TEXT")

    real = len(migrations.known_steps())
    add_fake_step(monkeypatch, "0998_test_colour", second)
    store = Store.open(db_path, backups)
    try:
        assert seen == [real]  # the earlier steps' user_version was already recorded
        assert migrations.schema_version(store.db) == real + 1
        assert "test_colour" in store.db["cases"].columns_dict
    finally:
        store.close()
    assert backup_files(backups) == []


def test_failing_step_is_rolled_back_and_stays_pending(
    db_path: Path, backups: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_current(db_path)

    def broken(db: Database) -> None:
        db.execute("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
        db.execute("UPDATE cases SET reference = 'CHANGED'")
        raise RuntimeError("step failed half way")

    real = len(migrations.known_steps())
    add_fake_step(monkeypatch, "0997_broken", broken)
    with pytest.raises(RuntimeError, match="half way"):
        Store.open(db_path, backups)

    conn = raw(db_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == real
        assert conn.execute("SELECT reference FROM cases").fetchall() == [("CP-1",)]
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in names
        steps = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
        assert steps == migrations.known_steps()[:real]
    finally:
        conn.close()
    # The backup was taken before the step ran.
    assert len(backup_files(backups)) == 1


def test_backup_before_migrating_is_a_readable_copy(db_path: Path, tmp_path: Path) -> None:
    store = Store.open(db_path)
    for i in range(50):
        store.add_case(Case(reference=f"CP-{i:03}", jurisdiction="HK"))
    try:
        target = migrations.backup_before_migrating(
            store.db, db_path, tmp_path / "new" / "backups", 7
        )
    finally:
        store.close()
    assert target.parent == tmp_path / "new" / "backups"
    assert target.name.startswith("mdcc-schema7-") and target.name.endswith(".sqlite3")
    copy = Store.open(target)
    try:
        assert [c.reference for c in copy.list_cases()] == [f"CP-{i:03}" for i in range(50)]
        assert migrations.schema_version(copy.db) == len(migrations.known_steps())
    finally:
        copy.close()


def test_the_migration_backup_is_opened_by_the_factory_with_the_key(
    db_path: Path, tmp_path: Path
) -> None:
    """The copy gets the database's key (never a clear copy of an encrypted file)."""
    key = bytes(range(32))
    store = Store.open(db_path, key=key)
    store.add_case(Case(reference="CP-BACKED-UP", jurisdiction="ENG"))
    backups = tmp_path / "backups"
    try:
        target = migrations.backup_before_migrating(store.db, db_path, backups, 7, key=key)
    finally:
        store.close()
    assert b"CP-BACKED-UP" not in target.read_bytes()
    with pytest.raises(DatabaseCorruptError):  # not readable without the key
        Store.open(target)
    copy = Store.open(target, key=key)
    try:
        assert [c.reference for c in copy.list_cases()] == ["CP-BACKED-UP"]
        assert migrations.schema_version(copy.db) == len(migrations.known_steps())
    finally:
        copy.close()


def test_a_build_without_encryption_makes_no_backup_with_a_key(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(db_path)
    backups = tmp_path / "backups"
    monkeypatch.setattr(driver, "SUPPORTS_KEY", False)
    try:
        with pytest.raises(EncryptionUnavailableError):
            migrations.backup_before_migrating(store.db, db_path, backups, 7, key="a passphrase")
        assert list(backups.iterdir()) == []
    finally:
        store.close()


# --- refusing a newer database -------------------------------------------------------------------


def test_user_version_newer_than_known_is_refused_untouched(db_path: Path, backups: Path) -> None:
    make_current(db_path)
    conn = raw(db_path)
    conn.execute(f"PRAGMA user_version = {len(migrations.known_steps()) + 3}")
    conn.close()
    before = db_path.read_bytes()

    with pytest.raises(SchemaTooNewError) as info:
        Store.open(db_path, backups)

    message = str(info.value)
    assert "newer" in message
    assert f"schema {len(migrations.known_steps()) + 3}" in message
    assert db_path.read_bytes() == before
    assert backup_files(backups) == []


def test_unknown_step_is_refused_untouched(db_path: Path, backups: Path) -> None:
    make_current(db_path)
    conn = raw(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('mdcc', '0002_from_the_future', '2030-01-01 00:00:00+00:00')"
    )
    conn.close()
    before = db_path.read_bytes()

    with pytest.raises(SchemaTooNewError, match="newer"):
        Store.open(db_path, backups)

    assert db_path.read_bytes() == before
    assert backup_files(backups) == []


def test_newer_database_in_rollback_journal_mode_is_not_converted(
    db_path: Path, backups: Path
) -> None:
    """A newer app may not use WAL: refusing its file must not switch the file to WAL."""
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE cases (id INTEGER PRIMARY KEY, reference TEXT)")
    conn.execute("INSERT INTO cases (reference) VALUES ('from a newer app')")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()

    with pytest.raises(SchemaTooNewError, match="newer"):
        Store.open(db_path, backups)

    assert db_path.read_bytes() == before
    conn = raw(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_other_migration_sets_are_ignored(db_path: Path) -> None:
    make_current(db_path)
    conn = raw(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('plugin', '0001_something', '2030-01-01 00:00:00+00:00')"
    )
    conn.close()
    store = Store.open(db_path)
    store.close()


def test_schema_too_new_is_a_user_facing_error() -> None:
    assert issubclass(SchemaTooNewError, StoreError)
    assert issubclass(StoreError, MdccError)


# --- not a database ------------------------------------------------------------------------------


def test_random_bytes_are_reported_as_a_damaged_database(db_path: Path, backups: Path) -> None:
    data = random.Random(20261224).randbytes(64 * 1024)
    db_path.write_bytes(data)

    with pytest.raises(DatabaseCorruptError) as info:
        Store.open(db_path, backups)

    assert not isinstance(info.value, driver.Error)
    assert isinstance(info.value.__cause__, driver.DatabaseError)
    message = str(info.value)
    assert "damaged" in message and "backups" in message
    assert db_path.read_bytes() == data


def test_text_file_is_reported_as_a_damaged_database(db_path: Path) -> None:
    db_path.write_text("These are my notes, not a database.\n" * 200, encoding="utf-8")
    with pytest.raises(DatabaseCorruptError):
        Store.open(db_path)


def test_the_owner_filter_counts_from_an_index_of_the_live_actions(db_path: Path) -> None:
    """The tracker's count of actions whose owner's name holds some text read every matching
    action's row to leave carried originals out (37 ms on 100,000 actions, bench_tracker.py);
    step 0012's partial index answers it without the table."""
    import datetime as dt

    from mdcc_desktop.domain.tracker import ActionFilter

    store = Store.open(db_path)
    try:
        f = ActionFilter(as_of=dt.date(2026, 11, 30), owner="lee")
        where, params = store._tracker_where(f, owner_by_id=True)
        sql = "SELECT count(*)" + store._tracker_joins(f, owner_by_id=True) + where
        plan = " ".join(str(r[3]) for r in store.db.execute("EXPLAIN QUERY PLAN " + sql, params))
        assert "actions_owner_live" in plan, plan
        assert store.count_tracked_actions(f) == 0
    finally:
        store.close()
