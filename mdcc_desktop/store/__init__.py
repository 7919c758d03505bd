"""The only package that talks to SQLite.

``connection.open_database`` is the one factory every connection comes from (encryption will be
added there), ``migrations`` brings a file to the current schema, ``Store`` reads and writes
domain records and turns SQLite's failures into :mod:`errors` a user can act on.
"""

from mdcc_desktop.store.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DiskFullError,
    ReadOnlyError,
    SchemaTooNewError,
    StoreError,
)
from mdcc_desktop.store.store import Store

__all__ = [
    "DatabaseCorruptError",
    "DatabaseLockedError",
    "DiskFullError",
    "ReadOnlyError",
    "SchemaTooNewError",
    "Store",
    "StoreError",
]
