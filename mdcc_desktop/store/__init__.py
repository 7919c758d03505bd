"""The only package that talks to SQLite.

``driver`` names the DB-API driver (the one module that imports it: SQLCipher's replaces it
there), ``connection.open_database`` is the one factory every connection comes from (the key
goes there), ``migrations`` brings a file to the current schema, ``Store`` reads and writes
domain records and turns SQLite's failures into :mod:`errors` a user can act on.
"""

from mdcc_desktop.store.errors import (
    CannotOpenError,
    DatabaseCorruptError,
    DatabaseLockedError,
    DiskFullError,
    DiskIOError,
    EncryptionUnavailableError,
    NotADatabaseError,
    ReadOnlyError,
    SchemaTooNewError,
    StoreClosedError,
    StoreError,
    WrongKeyError,
)
from mdcc_desktop.store.store import Store

__all__ = [
    "CannotOpenError",
    "DatabaseCorruptError",
    "DatabaseLockedError",
    "DiskFullError",
    "DiskIOError",
    "EncryptionUnavailableError",
    "NotADatabaseError",
    "ReadOnlyError",
    "SchemaTooNewError",
    "Store",
    "StoreClosedError",
    "StoreError",
    "WrongKeyError",
]
