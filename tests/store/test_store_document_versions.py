"""Schema step 0010_document_versions on a database that already has versions (issue 12):
versions recorded before keep their number, time and hash, marked as documents not kept, and
their circulation points at them; nothing of the old path is carried over."""

from __future__ import annotations

from pathlib import Path

import pytest

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.store import Store, migrations

T = "2026-11-20T10:00:00+00:00"


def test_versions_recorded_before_step_10_are_kept_as_records_without_documents(
    tmp_path: Path,
) -> None:
    from sqlite_utils import Database

    path = tmp_path / "old.sqlite3"
    db = Database(path)
    steps = migrations.known_steps()
    # The database as step 10 found it: every step before it applied, none after.
    before = steps.index("0010_document_versions")
    migrations.MIGRATIONS.apply(db, stop_before=steps[before:])
    db.execute(f"PRAGMA user_version = {before}")
    db.execute(
        "INSERT INTO cases (id, reference, jurisdiction, created_at) "
        f"VALUES (1, 'CP-1', 'ENG', '{T}')"
    )
    db.execute(
        "INSERT INTO conferences (id, case_id, jurisdiction, type, scheduled_start, status, "
        f"created_at, updated_at) VALUES (1, 1, 'ENG', 'initial', '{T}', 'finalised', '{T}', '{T}')"
    )
    db.execute("INSERT INTO attendees (id, conference_id, name) VALUES (1, 1, 'A Parent')")
    db.execute(
        "INSERT INTO minutes_versions (id, conference_id, number, copy, created_at, sha256, path, "
        f"final) VALUES (7, 1, 1, 'parent', '{T}', 'abc123', 'minutes.docx', 1)"
    )
    db.execute(
        "INSERT INTO circulations (conference_id, minutes_version_id, attendee_id, copy, at) "
        f"VALUES (1, 7, 1, 'parent', '{T}')"
    )
    db.conn.commit()
    db.close()
    store = Store.open(path, tmp_path / "backups")
    try:
        [version] = store.versions.of_conference(1)
        assert (version.number, version.copy, version.status, version.sha256) == (
            1,
            "parent",
            "final",
            "abc123",
        )
        assert not version.kept and store.versions.content(version.id or 0) is None
        [given] = store.versions.circulation(1)
        assert given.version_number == 1 and given.delivery == "email"
        assert "minutes.docx" not in repr(store._rows("SELECT * FROM document_versions"))
    finally:
        store.close()


def test_a_version_whose_document_was_not_kept_says_so(tmp_path: Path) -> None:
    from tests.conftest import DEMO, open_services

    services = open_services(tmp_path / "data")
    try:
        cid = services.exchange.import_file(DEMO).conference_id
        services.store.db.execute(
            "INSERT INTO document_versions (conference_id, number, copy, status, issued_at, "
            f"sha256) VALUES ({cid}, 1, 'full', 'issued', '{T}', 'abc')"
        )
        with pytest.raises(ValidationError, match="before issued documents were kept"):
            services.minutes.save_version(cid, 1, tmp_path / "v1.docx")
        assert not (tmp_path / "v1.docx").exists()
    finally:
        services.close()
