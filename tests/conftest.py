"""Shared fixtures: every test gets its own data dir and database, never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("MDCC_DATA_DIR", None)
# Every data folder the tests make (their subprocesses included) is encrypted with this
# passphrase; key files made in tests use the cheapest derivation (see store/keys.py).
TEST_PASSPHRASE = "test passphrase for the suite"
os.environ["MDCC_PASSPHRASE"] = TEST_PASSPHRASE
os.environ["MDCC_TEST_WEAK_KDF"] = "1"

from mdcc_desktop.paths import AppPaths  # noqa: E402 (after the environment is set)
from mdcc_desktop.services.context import Services  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SHARED_EXAMPLE = SHARED / "spec" / "examples" / "eng-initial-max.json"
SHARED_SCHEMA = SHARED / "spec" / "conference-exchange-v1.schema.json"
DEMO = REPO / "mdcc_desktop" / "services" / "demo" / "hk-initial-demo.json"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def folder_key(data_dir: Path) -> bytes:
    """The database key of a test data folder, as the app gets it: a new or plain folder is set
    up with :data:`TEST_PASSPHRASE` (a plain database encrypted), a locked one unlocked."""
    from mdcc_desktop.services.protection import FolderState, Protection

    protection = Protection(AppPaths(data_dir))
    if protection.state() in (FolderState.NEW, FolderState.PLAIN):
        return protection.set_up(TEST_PASSPHRASE).db_key
    return protection.unlock(TEST_PASSPHRASE)


def open_services(data_dir: Path, **kwargs: Any) -> Services:
    """The services on a test data folder, opened with its key (see :func:`folder_key`)."""
    return Services.open(AppPaths(data_dir), key=folder_key(data_dir), **kwargs)


def connect(data_dir: Path) -> Any:
    """A driver connection to a test data folder's database, with its key (a plain
    ``sqlite3.connect`` cannot read it: the file is encrypted)."""
    from mdcc_desktop.store.connection import open_database

    return open_database(AppPaths(data_dir).database, wal=False, key=folder_key(data_dir))


def driver_connect(database: Path, **kwargs: Any) -> Any:
    """A bare driver connection (``driver.connect``: it sees the store's locks) to the database
    of a test data folder, keyed first."""
    from mdcc_desktop.store import driver
    from mdcc_desktop.store.connection import key_pragma

    conn = driver.connect(str(database), **kwargs)
    conn.execute(key_pragma(folder_key(Path(database).parent)))
    return conn


def split_recovery_notice(err: str) -> tuple[str, str | None]:
    """A command's stderr without the one-time recovery-code notice of a first run on a new
    folder (see ``cli_unlock.recovery_notice``), and the code it showed (None: no notice)."""
    import re

    from mdcc_desktop.cli_unlock import recovery_notice

    pattern = re.escape(recovery_notice("CODE") + "\n").replace("CODE", "([0-9A-Z-]+)")
    found = re.search(pattern, err)
    if found is None:
        return err, None
    return err[: found.start()] + err[found.end() :], found.group(1)


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    svc = open_services(data_dir)
    yield svc
    svc.close()


EXAMPLE_COPY = REPO / "tests" / "data" / "eng-initial-max.json"


@pytest.fixture
def shared_example() -> Path:
    """The shared spec's example file, or the copy kept in tests/data where ../shared is absent
    (a user's clone); tests/test_project.py checks the copy still equals the original."""
    return SHARED_EXAMPLE if SHARED_EXAMPLE.is_file() else EXAMPLE_COPY


@pytest.fixture
def example_file(tmp_path: Path) -> Path:
    """A valid exchange file that exists in every clone: the shipped demo conference."""
    return DEMO


def dump_database(db: Any) -> list[str]:
    """Every table's rows (FTS shadow tables included), in a stable order: the state of a
    database to compare before and after (the driver, SQLCipher's, has no ``iterdump``)."""
    names = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).fetchall()
    ]
    lines: list[str] = []
    for name in names:
        rows = db.execute(f"SELECT * FROM [{name}]").fetchall()
        lines.extend(f"{name}: {row!r}" for row in sorted(rows, key=repr))
    return lines
