"""SQLite failures sorted into "the user's environment" (a message) and "a bug" (a crash).

After qutebrowser's ``misc/sql.py``: the environment errors below carry a sentence a chair can
act on; anything else from SQLite is re-raised as it is, to reach the crash handler.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mdcc_desktop.domain.errors import MdccError


class StoreError(MdccError):
    """The database cannot be used because of something outside the program."""


class DatabaseLockedError(StoreError):
    pass


class DiskFullError(StoreError):
    pass


class ReadOnlyError(StoreError):
    pass


class DatabaseCorruptError(StoreError):
    """The file is damaged: it must not be written into (a write could spread the damage)."""


class NotADatabaseError(DatabaseCorruptError):
    """SQLite does not recognise the file at all (SQLITE_NOTADB).

    Kept apart on purpose: once the database is encrypted (SQLCipher), this same code means
    "wrong key", and only :func:`translate` has to learn to say so.
    """


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


def restore_advice(backup_dir: Path | None) -> str:
    """What to do about a damaged database: name the newest backup, or say there is none."""
    backup = newest_backup(backup_dir)
    if backup is not None:
        return (
            "Close MDCC Desktop and restore it from the backups "
            f"folder: the newest backup is {backup}."
        )
    where = f" ({backup_dir})" if backup_dir is not None else ""
    return (
        f"There is no backup in the backups folder{where}: keep a "
        "copy of the file and ask for help recovering it."
    )


def damaged(reason: str, backup_dir: Path | None = None) -> DatabaseCorruptError:
    return DatabaseCorruptError(f"{reason} {restore_advice(backup_dir)}")


def translate(exc: sqlite3.Error, backup_dir: Path | None = None) -> StoreError | None:
    """The environment error ``exc`` stands for, or None if it looks like a bug.

    ``backup_dir`` is where the advice for a damaged database looks for a backup to name.
    """
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        return DatabaseLockedError(
            "The database is in use by another program or another MDCC Desktop window. "
            "Close the other one and try again."
        )
    if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
        return DiskFullError(
            "The disk is full: the last change was not saved. Free some space and try again; "
            "nothing saved before it is lost."
        )
    if primary == sqlite3.SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return ReadOnlyError(
            "The database file or its folder is read-only: changes cannot be saved. "
            "Check the folder's permissions."
        )
    # The one place that decides what "not a database" means (under SQLCipher: a wrong key).
    if primary == sqlite3.SQLITE_NOTADB or "not a database" in text:
        return NotADatabaseError(
            "The database file is damaged or is not an MDCC Desktop database. "
            + restore_advice(backup_dir)
        )
    if primary == sqlite3.SQLITE_CORRUPT or "malformed" in text:
        return damaged("The database file is damaged.", backup_dir)
    # A stored text that is not valid UTF-8 (a flipped byte): the message would quote the text,
    # so it is never passed on.
    if "could not decode" in text:
        return damaged("Some text in the database file is damaged and cannot be read.", backup_dir)
    if primary == sqlite3.SQLITE_CANTOPEN or "unable to open" in text:
        return CannotOpenError(
            "The database file cannot be opened: check that its folder exists and is writable."
        )
    if primary == sqlite3.SQLITE_IOERR or "disk i/o" in text:
        return DiskFullError("The disk could not be written (input/output error). Try again.")
    return None
