"""The notes writer: off the caller's thread, in order, newest last, briefly waiting for a lock."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from mdcc_desktop.domain.models import Child, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.notes import NotesWriter
from mdcc_desktop.store.connection import BUSY_TIMEOUT_MS
from mdcc_desktop.store.errors import DatabaseLockedError
from tests.conftest import driver_connect


@pytest.fixture
def item_id(services: Services) -> int:
    case = services.conferences.create_case("CS-WRITE-1", "ENG", [Child(name="Amy Test")])
    assert case.id is not None
    conference_id = services.conferences.create_conference(
        case.id, "ENG", ConferenceType.INITIAL, dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
    )
    item = services.store.agenda(conference_id)[0]
    assert item.id is not None
    return item.id


def test_texts_are_written_on_another_thread_newest_last(services: Services, item_id: int) -> None:
    threads: set[int] = set()
    writer = NotesWriter(
        services.store,
        services.profiles,
        notify=lambda: threads.add(threading.get_ident()),
    )
    for seq in range(1, 201):
        writer.save(item_id, seq, "x" * seq)
    writer.save(item_id, 150, "an older text asked again")  # never after a newer one
    assert writer.wait_idle(30)
    results = writer.results()
    assert results and all(r.error is None for r in results)
    assert [r.seq for r in results] == sorted(r.seq for r in results)
    assert results[-1].seq == 200
    assert services.store.get_agenda_item(item_id).notes == "x" * 200
    assert threads and threading.get_ident() not in threads
    assert writer.close()


def test_a_locked_database_is_reported_soon_and_the_next_save_succeeds(
    services: Services, item_id: int
) -> None:
    writer = NotesWriter(services.store, services.profiles, busy_timeout_ms=100)
    other = driver_connect(services.paths.database, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        writer.save(item_id, 1, "typed while locked")
        assert writer.wait_idle(4), "a save waited for the full busy timeout"
        [result] = writer.results()
        assert isinstance(result.error, DatabaseLockedError)
        other.execute("ROLLBACK")
        writer.save(item_id, 2, "typed while locked")
        assert writer.wait_idle(10)
        assert [r.error for r in writer.results()] == [None]
    finally:
        other.close()
        writer.close()
    assert services.store.get_agenda_item(item_id).notes == "typed while locked"


def test_busy_timeout_applies_inside_the_block_only(services: Services) -> None:
    store = services.store
    with store.busy_timeout(50):
        assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 50
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
