"""The services' side of the lock (issue 11 point 3) on a real encrypted database: locking
closes every connection and drops the key, unlocking opens the same file again with the key
the passphrase unwraps and tells every listener to read everything."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

import pytest

from mdcc_desktop.domain.models import Child, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.events import Change, Entity
from mdcc_desktop.services.protection import Protection
from mdcc_desktop.store.errors import StoreClosedError
from tests.conftest import TEST_PASSPHRASE


def open_files_under(folder: Path) -> list[str]:
    """The files under ``folder`` this process holds open (Linux: /proc/self/fd)."""
    held = []
    for fd in Path("/proc/self/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith(str(folder)):
                held.append(target)
    return sorted(held)


@pytest.fixture
def item_id(services: Services) -> int:
    case = services.conferences.create_case("CS-LOCK-2", "ENG", [Child(name="Amy Lock")])
    assert case.id is not None
    conference_id = services.conferences.create_conference(
        case.id, "ENG", ConferenceType.INITIAL, dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC)
    )
    return services.store.agenda(conference_id)[0].id or 0


def test_lock_closes_the_database_and_drops_the_key(services: Services, item_id: int) -> None:
    assert services.store.key is not None and not services.locked
    services.lock()
    assert services.locked and services.store.key is None
    assert open_files_under(services.paths.data_dir) == []
    with pytest.raises(StoreClosedError):
        services.conferences.record(1)
    seen: list[Change] = []
    services.events.subscribe(seen.append)
    services.unlock(Protection(services.paths).unlock(TEST_PASSPHRASE))
    assert not services.locked and services.store.key is not None
    assert services.store.get_agenda_item(item_id).id == item_id
    assert [c.entity for c in seen] == [Entity.DATABASE]  # read everything again


def test_a_notes_writer_lets_its_connection_go_and_opens_a_new_one(
    services: Services, item_id: int
) -> None:
    writer = services.notes_writer()
    try:
        writer.save(item_id, 1, "first")
        assert writer.wait_idle(5)
        assert open_files_under(services.paths.data_dir)
        assert writer.release()
        services.lock()
        assert open_files_under(services.paths.data_dir) == []  # the writer's closed too
        services.unlock(Protection(services.paths).unlock(TEST_PASSPHRASE))
        writer.save(item_id, 2, "second")  # a new connection, with the key unwrapped again
        assert writer.wait_idle(5)
        assert [r.error for r in writer.results()] == [None, None]
        assert services.store.get_agenda_item(item_id).notes == "second"
    finally:
        writer.close()


def test_releasing_a_writer_that_never_wrote_is_at_once(services: Services) -> None:
    writer = services.notes_writer()
    assert writer.release(timeout=0)
    writer.close()
