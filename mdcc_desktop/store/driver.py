"""The DB-API driver, named once: every other module reaches SQLite through these names.

Switching to SQLCipher (``sqlcipher3``, the same DB-API with its own module and exception classes)
changes the import below and :data:`SUPPORTS_KEY`; nothing else in the package imports a driver
(``tests/store/test_store_driver.py`` fails if one does). An ``except sqlite3.Error`` elsewhere
would silently stop catching sqlcipher3's errors; ``except driver.Error`` follows the switch.

The result codes are SQLite's own C API numbers (https://sqlite.org/rescode.html), the same for
every driver built on SQLite, so they are written out here rather than read from a module that
may not export them (the standard library names them only since Python 3.11).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = [
    "SUPPORTS_KEY",
    "Connection",
    "DataError",
    "DatabaseError",
    "Error",
    "IntegrityError",
    "InterfaceError",
    "NotSupportedError",
    "OperationalError",
    "ProgrammingError",
    "connect",
    "primary_code",
]

# --- the driver -----------------------------------------------------------------------------

if TYPE_CHECKING:
    # sqlcipher3 ships no type information; it is the standard library's DB-API module built
    # on SQLCipher, so the type checker reads the standard library's (types only: at run time
    # every name below is sqlcipher3's).
    from sqlite3 import (
        Connection,
        DatabaseError,
        DataError,
        Error,
        IntegrityError,
        InterfaceError,
        NotSupportedError,
        OperationalError,
        ProgrammingError,
        connect,
    )
else:
    import sqlcipher3 as _dbapi

    connect = _dbapi.connect
    Connection = _dbapi.Connection

    Error = _dbapi.Error
    DatabaseError = _dbapi.DatabaseError
    OperationalError = _dbapi.OperationalError
    IntegrityError = _dbapi.IntegrityError
    ProgrammingError = _dbapi.ProgrammingError
    InterfaceError = _dbapi.InterfaceError
    DataError = _dbapi.DataError
    NotSupportedError = _dbapi.NotSupportedError

    def _quiet_cipher_log() -> None:
        """SQLCipher writes its own log to stderr: three "ERROR CORE ... hmac check failed"
        lines for a key that does not open a file, under the one clear message the error
        becomes (``store.errors``), on the chair's terminal. Its log level is the process's:
        set to NONE once, here. (Its lines name page numbers, never data.)"""
        probe = _dbapi.connect(":memory:")
        try:
            probe.execute("PRAGMA cipher_log_level = NONE")
        except _dbapi.Error:  # a SQLCipher without the pragma logs nothing it could quiet
            pass
        finally:
            probe.close()

    _quiet_cipher_log()

# Whether the driver can open an encrypted file (``PRAGMA key``). Plain SQLite ignores that
# pragma without a word, which would leave a file the user believes encrypted in clear text:
# the connection factory refuses a key while this is False.
SUPPORTS_KEY = True

# --- SQLite's primary result codes the error mapping uses ------------------------------------

SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


def primary_code(exc: Error) -> int | None:
    """The primary result code ``exc`` carries (extended codes folded), or None if it has none.

    The standard library sets ``sqlite_errorcode`` (the extended code, e.g. 266 for
    SQLITE_IOERR_READ) since Python 3.11; a driver that does not leaves only the message.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None
