"""The unlock screens' tests share a locked data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.protection import Protection
from tests.conftest import TEST_PASSPHRASE


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    """A data folder set up with ``TEST_PASSPHRASE``: its key file and its database."""
    data = tmp_path / "data"
    made = Protection(AppPaths(data)).set_up(TEST_PASSPHRASE)
    Services.open(AppPaths(data), key=made.db_key).close()
    return data
