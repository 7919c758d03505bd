"""SQLite failures sorted into "the user's environment" (a message) and "a bug" (a crash).

After qutebrowser's ``misc/sql.py``: the environment errors below carry a sentence a chair can
act on; anything else from SQLite is re-raised as it is, to reach the crash handler.
"""

from __future__ import annotations

import sqlite3

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
    pass


class SchemaTooNewError(StoreError):
    pass


class CannotOpenError(StoreError):
    pass


def translate(exc: sqlite3.Error) -> StoreError | None:
    """The environment error ``exc`` stands for, or None if it looks like a bug."""
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
    if (
        primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
        or "malformed" in text
        or ("not a database" in text)
    ):
        return DatabaseCorruptError(
            "The database file is damaged or is not an MDCC Desktop database. "
            "Restore it from the backups folder."
        )
    if primary == sqlite3.SQLITE_CANTOPEN or "unable to open" in text:
        return CannotOpenError(
            "The database file cannot be opened: check that its folder exists and is writable."
        )
    if primary == sqlite3.SQLITE_IOERR or "disk i/o" in text:
        return DiskFullError("The disk could not be written (input/output error). Try again.")
    return None
