"""Deleted means deleted: gone from the full-text index and from the file's bytes.

FTS5 keeps a deleted row's tokens in its index segments (a delete only adds a marker) until the
segments are merged, and SQLite leaves deleted records in free pages unless secure_delete is on.
So a deleted child's Chinese name stayed findable in the index's shadow tables and in the file.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest

from mdcc_desktop.domain.models import (
    Action,
    AgendaItem,
    Case,
    Child,
    Conference,
    ConferenceType,
    Decision,
    Person,
)
from mdcc_desktop.store import Store
from mdcc_desktop.store.migrations import SEARCH_COLUMNS

NAME = "陳小明"  # the child
ALT = "Chan Siu Ming"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "mdcc.sqlite3", tmp_path / "backups")
    yield s
    s.close()


def fts_shadow_bytes(store: Store) -> bytes:
    """Everything the full-text indexes store, read raw from their shadow tables."""
    chunks: list[bytes] = []
    for table in SEARCH_COLUMNS:
        for (block,) in store.db.execute(f"SELECT block FROM [{table}_fts_data]").fetchall():
            chunks.append(bytes(block or b""))
    return b"".join(chunks)


def file_bytes(store: Store) -> bytes:
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    assert store.path is not None
    wal = store.path.with_name(store.path.name + "-wal")
    return store.path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def assert_gone(store: Store, *texts: str) -> None:
    shadow = fts_shadow_bytes(store)
    content = file_bytes(store)
    for text in texts:
        assert store.search(text) == []
        # Any three characters of it would be an index token (trigram tokenizer).
        assert text[:3].encode() not in shadow, text
        assert text.encode() not in content, text


def make_conference(store: Store, reference: str = "CP-DEL") -> tuple[int, int]:
    case_id = store.add_case(Case(reference=reference, jurisdiction="HK"))
    conference = Conference(
        case_id=case_id,
        jurisdiction="HK",
        type=ConferenceType.INITIAL,
        scheduled_start=dt.datetime(2026, 3, 1, 10, 0),
    )
    return case_id, store.add_conference(conference)


def test_secure_delete_is_on(store: Store) -> None:
    assert store.db.execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_deleted_child_leaves_no_trace_in_index_or_file(store: Store) -> None:
    case_id, _ = make_conference(store)
    # Other rows around it, so that the index has more than the one document.
    for i in range(20):
        store.add_child(Child(case_id=case_id, name=f"Sibling {i}", alt_name=f"兄弟{i:02d}號"))
    child = Child(case_id=case_id, name=NAME, alt_name=ALT)
    store.add_child(child)
    file_bytes(store)
    assert store.search(NAME) == [("children", child.id)]
    assert NAME.encode() in fts_shadow_bytes(store) or NAME[:2].encode() in fts_shadow_bytes(store)

    store.delete(Child, child.id or 0)

    assert_gone(store, NAME, ALT)
    assert store.search("Sibling 7") != []  # the rest of the index still works


def test_deleted_conference_and_case_leave_no_trace(store: Store) -> None:
    case_id, conference_id = make_conference(store, "CP-機密參考")
    store.add_child(Child(case_id=case_id, name=NAME, alt_name=ALT))
    item = AgendaItem(conference_id=conference_id, title="家庭背景", notes="父親酗酒，鄰居報警")
    store.add_agenda_item(item)
    store.add_decision(
        Decision(conference_id=conference_id, kind="outcome", text="列入保護兒童名冊")
    )
    store.add_action(Action(conference_id=conference_id, description="社工家訪評估安全"))
    _, other = make_conference(store, "CP-OTHER")
    store.add_action(Action(conference_id=other, description="Other conference's action"))
    file_bytes(store)
    assert store.search("父親酗酒") != []

    store.delete_conference(conference_id)
    assert_gone(store, "父親酗酒，鄰居報警", "家庭背景", "列入保護兒童名冊", "社工家訪評估安全")

    store.delete(Case, case_id)
    assert_gone(store, NAME, ALT, "CP-機密參考")
    assert store.search("Other conference") != []


@pytest.mark.parametrize("kind", ["agenda_item", "decision", "action"])
def test_deleted_meeting_rows_leave_the_index(store: Store, kind: str) -> None:
    _, conference_id = make_conference(store)
    text = "虐待兒童的秘密記錄"
    if kind == "agenda_item":
        row: object = AgendaItem(conference_id=conference_id, title="議程", notes=text)
        store.add_agenda_item(row)  # type: ignore[arg-type]
    elif kind == "decision":
        row = Decision(conference_id=conference_id, kind="outcome", text=text)
        store.add_decision(row)  # type: ignore[arg-type]
    else:
        row = Action(conference_id=conference_id, description=text)
        store.add_action(row)  # type: ignore[arg-type]
    file_bytes(store)
    assert store.search(text) != []

    store.delete(type(row), row.id)  # type: ignore[attr-defined]

    assert_gone(store, text)


def test_deleted_person_leaves_the_file(store: Store) -> None:
    person = Person(name="黃大仙醫生", agency="Secret Clinic")
    store.add_person(person)
    file_bytes(store)
    store.delete(Person, person.id or 0)
    assert "黃大仙醫生".encode() not in file_bytes(store)


# --- writes begin IMMEDIATE ------------------------------------------------------------------


def test_write_after_read_waits_for_another_writer_instead_of_failing(tmp_path: Path) -> None:
    """A transaction that reads first and writes later, while another process writes.

    Begun deferred, it read an old snapshot and its write then failed at once ("database in
    use") because the other writer had committed meanwhile. Begun IMMEDIATE, it holds the write
    lock from the start and the other writer waits for it (the busy timeout), so both land.
    """
    path = tmp_path / "mdcc.sqlite3"
    first = Store.open(path)
    errors: list[BaseException] = []

    def other_writer() -> None:
        try:
            second = Store.open(path)
            try:
                second.add_case(Case(reference="CP-SECOND", jurisdiction="ENG"))
            finally:
                second.close()
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    thread = threading.Thread(target=other_writer)
    try:
        with first.transaction():
            assert first.list_cases() == []  # the read that fixes the snapshot
            thread.start()
            thread.join(timeout=1.0)  # the other writer commits now, or waits for us
            first.add_case(Case(reference="CP-FIRST", jurisdiction="ENG"))
        thread.join()
        assert errors == []
        assert sorted(c.reference for c in first.list_cases()) == ["CP-FIRST", "CP-SECOND"]
    finally:
        thread.join()
        first.close()


def test_nested_transactions_are_savepoints(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "mdcc.sqlite3")
    try:
        with store.transaction():
            store.add_case(Case(reference="CP-OUTER", jurisdiction="ENG"))
            with pytest.raises(RuntimeError), store.transaction():
                store.add_case(Case(reference="CP-INNER", jurisdiction="ENG"))
                raise RuntimeError("undo the inner part only")
        assert [c.reference for c in store.list_cases()] == ["CP-OUTER"]
        conn = sqlite3.connect(tmp_path / "mdcc.sqlite3")
        assert conn.execute("SELECT reference FROM cases").fetchall() == [("CP-OUTER",)]
        conn.close()
    finally:
        store.close()


# --- the merge off the caller's thread --------------------------------------------------------


def _statements(store: Store) -> list[str]:
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    return seen


def test_a_delete_in_the_gui_leaves_the_merge_to_a_thread_and_the_text_goes(
    store: Store,
) -> None:
    """The GUI's store merges the index on a thread of its own: the delete itself runs no
    `optimize` (0.3-0.8 s on a large file), and the text is gone from the index and the file
    once the merge is done."""
    case_id, _ = make_conference(store)
    for i in range(20):
        store.add_child(Child(case_id=case_id, name=f"Sibling {i}", alt_name=f"兄弟{i:02d}號"))
    child = Child(case_id=case_id, name=NAME, alt_name=ALT)
    store.add_child(child)
    store.purge_search_in_background()
    assert store.wait_for_search_purge(30)
    seen = _statements(store)

    store.delete(Child, child.id or 0)

    assert not any("optimize" in s for s in seen), seen
    assert store.wait_for_search_purge(30)
    store.db.conn.set_trace_callback(None)
    assert store.db.execute("SELECT count(*) FROM search_purge").fetchone()[0] == 0
    assert_gone(store, NAME, ALT)
    assert store.search("Sibling 7") != []


def test_a_merge_that_never_ran_is_done_at_the_next_open(tmp_path: Path) -> None:
    """The app killed between a delete and its merge: the note in search_purge survives, and
    the next open merges the index before anything reads it."""
    path = tmp_path / "mdcc.sqlite3"
    store = Store.open(path)
    case_id, _ = make_conference(store)
    store.add_child(Child(case_id=case_id, name="Sibling", alt_name="兄弟"))
    child = Child(case_id=case_id, name=NAME, alt_name=ALT)
    store.add_child(child)
    store._purger = None  # as if the thread never got to it
    store._purge_in_background = True

    class NoThread:
        def request(self) -> None:
            pass

        def wait_idle(self, timeout: float | None = None) -> bool:
            return True

        def stop(self) -> None:
            pass

    store._purger = NoThread()  # type: ignore[assignment]
    store.delete(Child, child.id or 0)
    assert store.db.execute("SELECT fts FROM search_purge").fetchall() == [("children_fts",)]
    assert NAME[:3].encode() in fts_shadow_bytes(store)  # still in the index's segments
    store.close()

    reopened = Store.open(path)
    try:
        assert reopened.db.execute("SELECT count(*) FROM search_purge").fetchone()[0] == 0
        assert_gone(reopened, NAME, ALT)
    finally:
        reopened.close()
