"""A window can tell a change another process made from its own: the command line importing a
conference while the app runs is noticed; the app's own writes (its notes writer's included,
on another connection and thread) are not mistaken for one."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from mdcc_desktop.domain.models import Case, Child
from mdcc_desktop.services.events import Change, Entity
from mdcc_desktop.store import Store
from tests.conftest import open_services

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "tests" / "data" / "eng-initial-max.json"


def test_own_writes_are_not_changes_made_elsewhere(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    assert not store.changed_elsewhere()  # takes note
    store.add_case(Case("CS-1", "ENG"))
    assert not store.changed_elsewhere()
    # The notes writer: another connection, on another thread, of the same process.
    other = Store.attach(tmp_path / "db.sqlite3")
    done = threading.Event()

    def write() -> None:
        writer = Store.attach(tmp_path / "db.sqlite3")
        writer.add_case(Case("CS-2", "ENG"))
        writer.close()
        done.set()

    threading.Thread(target=write).start()
    assert done.wait(10)
    other.close()
    assert not store.changed_elsewhere()
    store.close()


def test_a_write_by_another_program_is_noticed_once(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    store = Store.open(path)
    store.changed_elsewhere()
    raw = sqlite3.connect(path)  # a program that knows nothing of the generation
    raw.execute(
        "INSERT INTO cases (reference, jurisdiction, created_at)"
        " VALUES ('CS-9', 'ENG', '2026-11-30T10:00:00+00:00')"
    )
    raw.commit()
    raw.close()
    assert store.changed_elsewhere()
    assert not store.changed_elsewhere(), "told once"
    store.close()


def test_the_command_line_importing_a_conference_reaches_the_listeners(tmp_path: Path) -> None:
    data = tmp_path / "data"
    services = open_services(data)
    seen: list[Change] = []
    services.events.subscribe(seen.append)
    assert not services.notice_outside_changes()
    services.conferences.create_case("CS-OWN", "ENG", [Child(name="Own Child")])
    assert not services.notice_outside_changes(), "our own write is not news"
    proc = subprocess.run(
        [sys.executable, "-m", "mdcc_desktop.cli", "import", str(EXAMPLE), "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert services.notice_outside_changes()
    assert seen[-1].entity is Entity.DATABASE
    assert len(services.conferences.conference_ids()) == 1
    services.close()
