"""The one factory for database connections.

Every connection, the GUI's and a worker thread's alike, is made here so that its settings are
the same everywhere: WAL (readers never block the writer), foreign keys enforced, full sync (a
keystroke that was saved survives a power cut), a busy timeout instead of an instant "locked",
secure delete (a deleted child's name is overwritten with zeros, not left in free pages).

Encryption at rest slots in here: ``open_database(..., key=...)`` runs SQLCipher's ``PRAGMA key``
before anything else touches the file (see :func:`key_pragma`), and a failure to read the file
with a key given is reported as :class:`WrongKeyError` rather than as damage. The driver named in
:mod:`driver` (plain SQLite today) cannot encrypt: a key given to it raises
:class:`EncryptionUnavailableError` before the file is opened, since plain SQLite would ignore
the pragma and leave the data in clear text.

A file that exists but is empty (0 bytes) is refused as damaged rather than silently started
afresh; :func:`check_integrity` runs SQLite's quick check before anything is written.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mdcc_desktop.domain.messages import msg
from mdcc_desktop.store import driver
from mdcc_desktop.store.errors import EncryptionUnavailableError, StoreError, damaged, translate

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 5000
# How many problems quick_check may list before it stops: one is enough to refuse the file.
QUICK_CHECK_LIMIT = 1
# SQLCipher's raw keys: 32 bytes, or 48 (the key and the file's 16-byte salt).
RAW_KEY_SIZES = (32, 48)

Key = bytes | str

# Statements that open or close a transaction themselves: :meth:`Database.execute` leaves them be.
_TRANSACTION_CONTROL = frozenset({"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})


class TransactionError(driver.ProgrammingError):
    """A connection-level switch was asked for inside an open transaction."""


class Database:
    """One connection, with the part of sqlite-utils' ``Database`` the store uses every time.

    ``execute``, ``atomic`` and ``ensure_autocommit_on`` behave as sqlite-utils' do (a write
    outside a transaction is committed at once; nested ``atomic`` blocks are savepoints);
    anything else (``table``, ``db["name"]``, ``transform`` for a migration) is handed to a real
    ``sqlite_utils.Database`` on the same connection, made on first use. sqlite-utils pulls in
    click, pluggy and dateutil (some 60 ms), which the first window and ``mdcc list`` never need.
    """

    def __init__(self, conn: driver.Connection) -> None:
        self.conn = conn
        self._full: sqlite_utils.Database | None = None
        self.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils' Database does

    @property
    def full(self) -> sqlite_utils.Database:
        """sqlite-utils' ``Database`` on this connection (imported now if it was not yet)."""
        if self._full is None:
            from sqlite_utils import Database as Full

            self._full = Full(self.conn, execute_plugins=False)
        return self._full

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("conn", "_full"):
            raise AttributeError(name)
        return getattr(self.full, name)

    def __getitem__(self, name: str) -> Any:
        return self.full[name]

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        """Run one statement; one that opened a transaction by itself is committed at once."""
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            cursor = conn.execute(sql) if parameters is None else conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if (
            not was_in_transaction
            and conn.in_transaction
            and cursor.description is None
            and sql.lstrip().split(None, 1)[0].upper().rstrip(";") not in _TRANSACTION_CONTROL
        ):
            conn.execute("COMMIT")
        return cursor

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction; inside one, a savepoint."""
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"mdcc_{id(self):x}_{_next_savepoint()}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @contextlib.contextmanager
    def ensure_autocommit_on(self) -> Iterator[None]:
        """Driver-level autocommit inside the block (for pragmas a transaction refuses)."""
        if self.conn.in_transaction:
            raise TransactionError("ensure_autocommit_on() cannot be used inside a transaction")
        before = self.conn.isolation_level
        try:
            self.conn.isolation_level = None
            yield
        finally:
            self.conn.isolation_level = before


_savepoints = iter(range(1, 1 << 62))


def _next_savepoint() -> int:
    return next(_savepoints)


def key_pragma(key: Key) -> str:
    """SQLCipher's ``PRAGMA key`` statement for ``key``.

    ``bytes`` are a raw key, used as it is (the caller derived it, e.g. with Argon2): SQLCipher
    skips its own key derivation. A ``str`` is a passphrase SQLCipher derives the key from
    (PBKDF2, slow on purpose). Either way the key never appears in a log or an error message.
    """
    if isinstance(key, bytes):
        if len(key) not in RAW_KEY_SIZES:
            raise ValueError(f"a raw key is 32 or 48 bytes, not {len(key)}")
        return f"PRAGMA key = \"x'{key.hex()}'\""
    if not key:
        raise ValueError("an empty passphrase is not a key")
    quoted = key.replace("'", "''")
    return f"PRAGMA key = '{quoted}'"


def open_database(
    path: Path | str,
    *,
    wal: bool = True,
    backup_dir: Path | None = None,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    key: Key | None = None,
) -> Database:
    """A configured sqlite-utils Database on ``path`` (":memory:" for a throwaway one).

    ``wal=False`` leaves the journal mode as the file has it, so that a database this version
    refuses (a newer schema) is not written to; call :func:`enable_wal` once it is accepted.
    ``backup_dir`` is where the advice for a damaged file looks for a backup to name;
    ``busy_timeout_ms`` how long a write waits for another writer (the command line, run from
    scripts, waits longer than the GUI). ``key`` (bytes or str, see :func:`key_pragma`) opens
    an encrypted file; None for a plain one. With a key, "not a database" raises
    :class:`WrongKeyError`; without one, :class:`NotADatabaseError` (damage).
    """
    pragma = None
    if key is not None:
        if not driver.SUPPORTS_KEY:
            raise EncryptionUnavailableError(msg("no_encryption"))
        pragma = key_pragma(key)
    if str(path) != ":memory:":
        try:
            size = Path(path).stat().st_size
        except OSError:
            size = None  # not there yet (SQLite creates it) or unreadable (SQLite says why)
        if size == 0:
            raise damaged(msg("db_empty", path=str(path)), backup_dir)
    conn: driver.Connection | None = None
    try:
        conn = driver.connect(str(path), timeout=busy_timeout_ms / 1000, check_same_thread=True)
        if pragma is not None:
            conn.execute(pragma)  # first: SQLCipher reads nothing before it has the key
        db = Database(conn)
        with db.ensure_autocommit_on():
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
            if wal:
                enable_wal(db)
            conn.execute("PRAGMA synchronous = FULL")
            # Reading the schema is the first thing that fails on a file that is not a database.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except driver.Error as exc:
        if conn is not None:
            conn.close()
        mapped: StoreError | None = translate(exc, backup_dir, keyed=key is not None)
        if mapped is not None:
            raise mapped from exc
        raise
    return db


def enable_wal(db: Database) -> None:
    """Switch a file database to WAL (persistent in the file; a no-op for ":memory:")."""
    with db.ensure_autocommit_on():
        if db.execute("PRAGMA database_list").fetchone()[2]:
            db.execute("PRAGMA journal_mode = WAL")


def check_integrity(db: Database, backup_dir: Path | None = None) -> None:
    """Refuse a damaged database before anything is written into it.

    SQLite's ``quick_check`` reads every page and checks the b-trees' structure (not that each
    index matches its table, which ``integrity_check`` adds at a few times the cost): about
    0.1 s for a 40 MB database with 100,000 actions.
    """
    try:
        rows = db.execute(f"PRAGMA quick_check({QUICK_CHECK_LIMIT})").fetchall()
    except driver.Error as exc:
        mapped = translate(exc, backup_dir)
        if mapped is not None:
            raise mapped from exc
        raise
    if [tuple(r) for r in rows] != [("ok",)]:
        raise damaged(msg("integrity_failed"), backup_dir)
