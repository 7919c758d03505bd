"""Shared fixtures: every test gets its own data dir and database, never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("MDCC_DATA_DIR", None)

from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.context import Services

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SHARED_EXAMPLE = SHARED / "spec" / "examples" / "eng-initial-max.json"
SHARED_SCHEMA = SHARED / "spec" / "conference-exchange-v1.schema.json"
DEMO = REPO / "mdcc_desktop" / "services" / "demo" / "hk-initial-demo.json"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    svc = Services.open(AppPaths(data_dir))
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
