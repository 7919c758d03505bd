"""The conference list is read a page at a time: the first window reads the first page and the
count, the rest comes as the list scrolls (Qt's fetchMore), in the same order as the whole list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from mdcc_desktop.domain.models import Case, Child, Conference, ConferenceStatus, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.home.main_window import MainWindow
from mdcc_desktop.ui.home.models import PAGE_SIZE
from tests.conftest import open_services

COUNT = PAGE_SIZE * 2 + 50


@pytest.fixture
def services(tmp_path: Path) -> Services:
    services = open_services(tmp_path / "data")
    store = services.store
    with store.transaction():
        for i in range(COUNT):
            case_id = store.add_case(Case(reference=f"CP-{i:04d}", jurisdiction="ENG"))
            store.add_child(Child(case_id=case_id, name=f"Child {i:04d}"))
            store.add_conference(
                Conference(
                    case_id=case_id,
                    jurisdiction="ENG",
                    type=ConferenceType.REVIEW,
                    # Some on the same day: the order falls back to the id.
                    scheduled_start=dt.datetime(2026, 1, 1, 10) + dt.timedelta(days=i // 3),
                    status=ConferenceStatus.ENDED if i % 2 else ConferenceStatus.PLANNED,
                )
            )
    yield services
    services.close()


def test_pages_put_together_are_the_whole_list(services: Services) -> None:
    pages = services.conference_pages
    for text, statuses in (("", None), ("Child 01", None), ("", [ConferenceStatus.ENDED])):
        whole = services.conferences.list_conferences(text, statuses)
        assert pages.count(text, statuses) == len(whole)
        joined = []
        offset = 0
        while chunk := pages.page(text, statuses, offset, 70):
            joined.extend(chunk)
            offset += len(chunk)
        assert joined == whole


def test_the_first_window_reads_one_page_and_fetches_the_rest(
    qtbot: Any, qtmodeltester: Any, services: Services
) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    model = window.model
    assert model.rowCount() == PAGE_SIZE
    assert model.total == COUNT
    assert model.canFetchMore()
    assert f"{COUNT} conference" in window.statusBar().currentMessage()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert [model.summary(r).id for r in range(model.rowCount())] == [
        s.id for s in services.conferences.list_conferences()
    ]


def test_a_conference_far_down_the_list_can_be_selected(qtbot: Any, services: Services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    oldest = services.conferences.list_conferences()[-1].id
    window.select_conference(oldest)
    assert window.selected_conference_id() == oldest
    window.select_conference(10**9)  # not there: nothing selected, and no endless fetching
    assert window.selected_conference_id() is None
    assert window.model.rowCount() == COUNT
