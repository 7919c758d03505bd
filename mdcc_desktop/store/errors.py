"""SQLite failures sorted into "the user's environment" (a message) and "a bug" (a crash).

After qutebrowser's ``misc/sql.py``: the environment errors below carry a sentence a chair can
act on; anything else from SQLite is re-raised as it is, to reach the crash handler.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.messages import Message, msg
from mdcc_desktop.store import driver


class StoreError(MdccError):
    """The database cannot be used because of something outside the program."""


class DatabaseLockedError(StoreError):
    pass


class DiskFullError(StoreError):
    pass


class DiskIOError(StoreError):
    """The disk or its network share failed to read or write (SQLITE_IOERR), space aside."""


class ReadOnlyError(StoreError):
    pass


class DatabaseCorruptError(StoreError):
    """The file is damaged: it must not be written into (a write could spread the damage)."""


class NotADatabaseError(DatabaseCorruptError):
    """SQLite does not recognise the file at all (SQLITE_NOTADB), and no key was given."""


class WrongKeyError(StoreError):
    """A key was given and the file does not read as a database with it (SQLITE_NOTADB).

    Under SQLCipher a wrong key and a file that is not a database look the same; with a key
    given the likely cause is the key, so the user is asked for it again rather than told to
    restore a backup. Not a DatabaseCorruptError: nothing says the file is damaged.
    """


class EncryptionUnavailableError(StoreError):
    """A key was given but the database driver cannot encrypt (plain SQLite)."""


class StoreClosedError(StoreError):
    """The store's connection is closed (locked, or shutting down) and has not been reopened."""


class SchemaTooNewError(StoreError):
    pass


class CannotOpenError(StoreError):
    pass


BACKUP_SUFFIXES = (".sqlite3", ".sqlite", ".db")


def newest_backup(backup_dir: Path | None) -> Path | None:
    """The most recent database copy in ``backup_dir``, or None when there is none."""
    if backup_dir is None:
        return None
    try:
        found = [p for p in backup_dir.iterdir() if p.suffix in BACKUP_SUFFIXES and p.is_file()]
    except OSError:
        return None
    return max(found, key=lambda p: (p.stat().st_mtime, p.name), default=None)


def restore_advice(backup_dir: Path | None) -> Message:
    """What to do about a damaged database: name the newest backup, or say there is none."""
    backup = newest_backup(backup_dir)
    if backup is not None:
        return msg("restore_from_backup", backup=str(backup))
    where = f" ({backup_dir})" if backup_dir is not None else ""
    return msg("no_backup", where=where)


def damaged(reason: Message, backup_dir: Path | None = None) -> DatabaseCorruptError:
    """The damage ``reason`` (a message with an ``advice`` placeholder) and what to do."""
    return DatabaseCorruptError(
        Message(reason.id, {**reason.params, "advice": restore_advice(backup_dir)})
    )


def translate(
    exc: driver.Error, backup_dir: Path | None = None, *, keyed: bool = False
) -> StoreError | None:
    """The environment error ``exc`` stands for, or None if it looks like a bug.

    The one mapping from SQLite's failures to what the user is told. ``backup_dir`` is where
    the advice for a damaged database looks for a backup to name; ``keyed`` says the
    connection was opened with a key, which turns "not a database" into "wrong key".
    """
    text = str(exc).lower()
    primary = driver.primary_code(exc)
    if primary in (driver.SQLITE_BUSY, driver.SQLITE_LOCKED) or "locked" in text:
        return DatabaseLockedError(msg("db_locked"))
    if primary == driver.SQLITE_FULL or "disk is full" in text:
        return DiskFullError(msg("disk_full"))
    if primary == driver.SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return ReadOnlyError(msg("read_only"))
    # The one place that decides what "not a database" means: under SQLCipher, a wrong key.
    if primary == driver.SQLITE_NOTADB or "not a database" in text:
        if keyed:
            return WrongKeyError(msg("wrong_key"))
        return NotADatabaseError(msg("not_a_database", advice=restore_advice(backup_dir)))
    if primary == driver.SQLITE_CORRUPT or "malformed" in text:
        return damaged(msg("db_damaged"), backup_dir)
    # A stored text that is not valid UTF-8 (a flipped byte): the message would quote the text,
    # so it is never passed on.
    if "could not decode" in text:
        return damaged(msg("text_damaged"), backup_dir)
    if primary == driver.SQLITE_CANTOPEN or "unable to open" in text:
        return CannotOpenError(msg("cannot_open"))
    if primary == driver.SQLITE_IOERR or "disk i/o" in text:
        return DiskIOError(msg("disk_io"))
    return None


@contextlib.contextmanager
def mapped_errors(backup_dir: Path | None = None) -> Iterator[None]:
    """Re-raise SQLite's environment failures as StoreError subclasses (``translate``)."""
    try:
        yield
    except driver.Error as exc:
        mapped = translate(exc, backup_dir)
        if mapped is None:
            raise
        raise mapped from exc
