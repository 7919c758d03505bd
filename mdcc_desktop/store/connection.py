"""The one factory for database connections.

Every connection, the GUI's and a worker thread's alike, is made here so that its settings are
the same everywhere: WAL (readers never block the writer), foreign keys enforced, full sync (a
keystroke that was saved survives a power cut), a busy timeout instead of an instant "locked".
Encryption at rest (SQLCipher: the key pragma first) slots in here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from mdcc_desktop.store.errors import StoreError, translate

BUSY_TIMEOUT_MS = 5000


def open_database(path: Path | str, *, wal: bool = True) -> Database:
    """A configured sqlite-utils Database on ``path`` (":memory:" for a throwaway one).

    ``wal=False`` leaves the journal mode as the file has it, so that a database this version
    refuses (a newer schema) is not written to; call :func:`enable_wal` once it is accepted.
    """
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=True)
        db = Database(conn, execute_plugins=False)
        with db.ensure_autocommit_on():
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            if wal:
                enable_wal(db)
            conn.execute("PRAGMA synchronous = FULL")
            # Reading the schema is the first thing that fails on a file that is not a database.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        mapped: StoreError | None = translate(exc)
        if mapped is not None:
            raise mapped from exc
        raise
    return db


def enable_wal(db: Database) -> None:
    """Switch a file database to WAL (persistent in the file; a no-op for ":memory:")."""
    with db.ensure_autocommit_on():
        if db.execute("PRAGMA database_list").fetchone()[2]:
            db.execute("PRAGMA journal_mode = WAL")
