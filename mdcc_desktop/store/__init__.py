"""The only package that talks to SQLite.

``driver`` names the DB-API driver (the one module that imports it: SQLCipher's replaces it
there), ``connection.open_database`` is the one factory every connection comes from (the key
goes there), ``migrations`` brings a file to the current schema, ``Store`` reads and writes
domain records and turns SQLite's failures into :mod:`errors` a user can act on.

Importing the package costs nothing: its names are loaded when first used (PEP 562), so that a
module which needs only :mod:`keys` (the unlock screen) does not load the SQLite driver yet.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOMES = {name: "mdcc_desktop.store.errors" for name in __all__ if name != "Store"}
_HOMES["Store"] = "mdcc_desktop.store.store"


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
