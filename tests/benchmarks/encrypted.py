"""The benchmarks' data folders are encrypted, as a chair's are (issue 11 point 11).

A folder made here gets a key file for :data:`PASSPHRASE` before its database is created, so the
database is a SQLCipher file opened with its key; the command-line and GUI processes a benchmark
starts find the passphrase in ``MDCC_PASSPHRASE`` (:func:`environ`). The key file uses the
cheapest derivation a key file may ask for (``WEAK``) unless a benchmark asks for the real one:
the derivation runs once per unlock and is measured on its own (bench_kdf.py, and the unlock
rows of bench_startup.py); everything after it (every page read and written through SQLCipher)
is the same whatever the derivation's cost.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mdcc_desktop.services.context import Services

PASSPHRASE = "benchmark passphrase 7f3a, not a secret"
ENV_PASSPHRASE = "MDCC_PASSPHRASE"
ENV_WEAK_KDF = "MDCC_TEST_WEAK_KDF"


def weak_cost() -> dict[str, int]:
    from mdcc_desktop.store import keys

    return {"memory_kib": keys.MIN_MEMORY_KIB, "iterations": 1, "lanes": 1}


def environ(base: dict[str, str] | None = None, *, weak_kdf: bool = True) -> dict[str, str]:
    """``base`` (default: this process's environment) with the passphrase, for child processes;
    ``weak_kdf``: a folder a child sets up gets the cheap derivation too."""
    env = dict(os.environ if base is None else base)
    env[ENV_PASSPHRASE] = PASSPHRASE
    if weak_kdf:
        env[ENV_WEAK_KDF] = "1"
    else:
        env.pop(ENV_WEAK_KDF, None)
    return env


def folder_key(data_dir: Path, *, weak_kdf: bool = True) -> bytes:
    """The database key of ``data_dir``: a new folder is set up with :data:`PASSPHRASE` (a plain
    database there is encrypted), a set-up one unlocked."""
    from mdcc_desktop.paths import AppPaths
    from mdcc_desktop.services.protection import FolderState, Protection

    protection = Protection(AppPaths(data_dir), cost=weak_cost() if weak_kdf else None)
    if protection.state() in (FolderState.NEW, FolderState.PLAIN):
        return protection.set_up(PASSPHRASE).db_key
    return protection.unlock(PASSPHRASE)


def open_services(data_dir: Path, **kwargs: Any) -> Services:
    """The services on ``data_dir``'s encrypted database (set up first when it is new)."""
    from mdcc_desktop.paths import AppPaths
    from mdcc_desktop.services.context import Services

    return Services.open(AppPaths(data_dir), key=folder_key(data_dir), **kwargs)


def connect(data_dir: Path, **kwargs: Any) -> Any:
    """A bare driver (SQLCipher) connection to ``data_dir``'s database, keyed."""
    from mdcc_desktop.paths import AppPaths
    from mdcc_desktop.store import driver
    from mdcc_desktop.store.connection import key_pragma

    conn = driver.connect(str(AppPaths(data_dir).database), **kwargs)
    conn.execute(key_pragma(folder_key(data_dir)))
    return conn


def is_encrypted(data_dir: Path) -> bool:
    """Whether ``data_dir``'s database is not a plain SQLite file (a check each benchmark makes
    on its folder, so that a benchmark that silently measured a plain file says so)."""
    from mdcc_desktop.paths import AppPaths

    with AppPaths(data_dir).database.open("rb") as f:
        return not f.read(16).startswith(b"SQLite format 3")
