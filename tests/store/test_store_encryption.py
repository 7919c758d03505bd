"""A plain database left by an earlier version is encrypted in place: the encrypted copy is
checked before it takes the file's name, then no plain file (database, WAL, backups) is left;
search still works; a file that is not plain is refused untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from mdcc_desktop.domain.models import Action, Case, Conference, ConferenceType
from mdcc_desktop.store import Store, StoreError
from mdcc_desktop.store.encryption import encrypt_backups, encrypt_file, is_plain_sqlite
from mdcc_desktop.store.errors import NotADatabaseError

KEY = bytes(range(1, 33))
SECRET = "陳國強 bruising noted by school nurse"


def plain_database(folder: Path) -> Path:
    path = folder / "mdcc.sqlite3"
    store = Store.open(path)
    case_id = store.add_case(Case(reference="CP-PLAIN-1", jurisdiction="HK"))
    import datetime as dt

    conference_id = store.add_conference(
        Conference(
            case_id=case_id,
            jurisdiction="HK",
            type=ConferenceType.INITIAL,
            scheduled_start=dt.datetime(2026, 11, 3, 10, 0, tzinfo=dt.UTC),
        )
    )
    store.add_action(Action(description=SECRET, conference_id=conference_id))
    store.close()
    return path


def every_byte(folder: Path) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in folder.rglob("*") if p.is_file()]


def test_a_plain_database_is_encrypted_in_place_and_still_searchable(tmp_path: Path) -> None:
    path = plain_database(tmp_path)
    assert is_plain_sqlite(path)
    encrypt_file(path, KEY)
    assert not is_plain_sqlite(path)
    for name, data in every_byte(tmp_path):
        assert SECRET.encode() not in data, name
        assert "陳國強".encode() not in data, name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mdcc.sqlite3"], "no plain leftovers"
    store = Store.open(path, key=KEY)
    try:
        assert [c.reference for c in store.list_cases()] == ["CP-PLAIN-1"]
        assert [kind for kind, _ in store.search("陳國強")] == ["actions"]
        store.add_case(Case(reference="CP-AFTER", jurisdiction="ENG"))  # writable
    finally:
        store.close()
    with pytest.raises(NotADatabaseError):
        Store.open(path)


def test_plain_backups_are_encrypted_too(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    plain_database(backups)
    (backups / "mdcc.sqlite3").rename(backups / "mdcc-schema4-20261101T000000Z.sqlite3")
    (backups / "notes.txt").write_text("not a database")
    assert encrypt_backups(backups, KEY) == 1
    assert encrypt_backups(backups, KEY) == 0, "already encrypted: left alone"
    for name, data in every_byte(backups):
        assert SECRET.encode() not in data, name


def test_a_file_that_is_not_plain_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "mdcc.sqlite3"
    path.write_bytes(b"not a database at all" * 50)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a plain database"):
        encrypt_file(path, KEY)
    assert path.read_bytes() == before
