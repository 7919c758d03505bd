"""Fixtures the UI tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mdcc_desktop.services.context import Services
from tests.conftest import EXAMPLE_COPY, open_services


@pytest.fixture(scope="module")
def example_services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, int]]:
    """One data folder with the shared example imported, for every screen of a module (the
    accessibility walk's and the large-text check's)."""
    services = open_services(Path(tmp_path_factory.mktemp("a11y")) / "data")
    result = services.exchange.import_file(EXAMPLE_COPY)
    yield services, result.conference_id
    services.close()
