"""The minutes after the meeting: circulation with e-mail drafts, amendments, final and reopen,
and the deadlines with working days and the closure days a user adds."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from pathlib import Path

import pytest

from mdcc_desktop.domain.errors import ConferenceLockedError, ValidationError
from mdcc_desktop.domain.models import AgendaItem, ConferenceStatus, CopyKind
from mdcc_desktop.services.context import Services
from mdcc_desktop.store import migrations


@pytest.fixture
def example_id(services: Services, shared_example: Path) -> int:
    return services.exchange.import_file(shared_example).conference_id


def test_circulation_writes_drafts_and_records_who_got_which_copy(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    # Issue 12 changed this: one draft per recipient with an address (only Priya Nair has
    # one), the documents named by their version, the others listed to be handed a copy.
    record = services.conferences.record(example_id)
    everyone = [e.attendee_id for e in record.distribution]
    done = services.lifecycle.circulate(example_id, everyone, tmp_path)
    priya = next(a for a in record.attendees if a.name == "Priya Nair")
    assert [p.name for p in done.drafts] == [
        f"CS-2026-0412-minutes-v1-to-Priya_Nair-{priya.id}.eml"
    ]
    full = email.message_from_bytes(done.drafts[0].read_bytes(), policy=policy.default)
    assert full["Subject"].startswith("RESTRICTED")
    assert "CS-2026-0412" in full["Subject"]
    assert full["To"] == "Priya Nair <priya.nair@example.org>"
    attachment = next(full.iter_attachments())
    assert attachment.get_filename() == "CS-2026-0412-minutes-full-v1.docx"
    assert "No e-mail address on file for" not in full.get_body().get_content()
    assert "Hannah Turner" in done.by_hand

    from mdcc_desktop.export.minutes import document_text

    attached = (tmp_path / "CS-2026-0412-minutes-parents-v1.docx").read_bytes()
    assert "Parents' copy" in document_text(attached)
    assert "Two domestic incidents" not in document_text(attached)

    circulated = services.store.circulations(example_id)
    mum = next(a for a in record.attendees if a.name == "Hannah Turner")
    assert {(c.attendee_id, c.copy) for c in circulated} == {
        (e.attendee_id, e.copy) for e in record.distribution
    }
    assert next(c for c in circulated if c.attendee_id == mum.id).copy == CopyKind.PARENT
    assert len(services.minutes.versions(example_id)) == 2


def test_circulation_only_to_the_distribution_list(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    record = services.conferences.record(example_id)
    not_listed = next(a for a in record.attendees if a.name == "Daniel Shaw")
    with pytest.raises(ValidationError, match="Not on the distribution list: Daniel Shaw"):
        services.lifecycle.circulate(example_id, [not_listed.id or 0], tmp_path)
    with pytest.raises(ValidationError, match="at least one recipient"):
        services.lifecycle.circulate(example_id, [], tmp_path)
    assert services.store.circulations(example_id) == []


def test_amendments_finalise_lock_and_reopen_with_a_reason(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    life = services.lifecycle
    request = life.request_amendment(example_id, "Mark Ellis", "Attendance is 93%, not 91%.")
    with pytest.raises(ValidationError, match="need the chair's ruling"):
        life.finalise(example_id)
    with pytest.raises(ValidationError, match="ruling"):
        life.rule_on_amendment(request, True, "  ")
    life.rule_on_amendment(request, True, "Corrected: the school's register says 93%.")
    amendment = services.store.amendments(example_id)[0]
    assert amendment.accepted is True and amendment.ruled_at is not None

    final = life.finalise(example_id)  # issue 12: both copies, no export needed first
    assert [(v.copy, v.final) for v in final] == [("full", True), ("parent", True)]
    assert services.store.get_conference(example_id).status == ConferenceStatus.FINALISED
    with pytest.raises(ConferenceLockedError):
        services.conferences.add_agenda_item(example_id, AgendaItem(title="Late item"))
    with pytest.raises(ValidationError, match="final"):
        life.request_amendment(example_id, "Tom Reid", "Another change")

    with pytest.raises(ValidationError, match="needs a reason"):
        life.reopen(example_id, " ")
    life.reopen(example_id, "The police asked for a correction of dates.")
    assert services.store.get_conference(example_id).status == ConferenceStatus.ENDED
    log = [(e.kind, e.detail) for e in life.log(example_id)]
    assert ("reopened", "The police asked for a correction of dates.") in log
    assert log[0] == ("finalised", "version 1")
    services.conferences.add_agenda_item(example_id, AgendaItem(title="Late item"))


def test_deadlines_count_working_days_and_closure_days(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    # The example started on Friday 20 November 2026 (England).
    due = {d.key: d for d in services.deadlines.for_conference(example_id)}
    assert due["outcome_letter"].due == dt.date(2026, 11, 23)  # next working day: Monday
    assert due["minutes"].due == dt.date(2026, 12, 11)  # 15 working days
    assert due["core_group"].due == dt.date(2026, 12, 4)  # 10 working days
    # The review the conference booked (issue 10: it replaces the 3-month limit of 2027-02-20).
    assert due["first_review"].due == dt.date(2027, 2, 19)
    assert due["first_review"].booked
    assert due["outcome_letter"].overdue(dt.date(2026, 11, 24))
    services.deadlines.add_closure_day(dt.date(2026, 11, 23), "Office closed: flooding", "ENG")
    due = {d.key: d for d in services.deadlines.for_conference(example_id)}
    assert due["outcome_letter"].due == dt.date(2026, 11, 24)
    with pytest.raises(ValidationError, match="already a closure day"):
        services.deadlines.add_closure_day(dt.date(2026, 11, 23), "again", "ENG")

    services.lifecycle.export_letter(example_id, tmp_path)  # issue 12: a letter per recipient
    due = {d.key: d for d in services.deadlines.for_conference(example_id)}
    assert due["outcome_letter"].done == dt.date.today()
    assert not due["outcome_letter"].overdue(dt.date(2030, 1, 1))


def test_a_schema_1_database_is_upgraded_with_a_backup(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from mdcc_desktop.store import Store

    path = tmp_path / "old.sqlite3"
    db = Database(path)
    _first, *later = migrations.known_steps()
    migrations.MIGRATIONS.apply(db, stop_before=later)
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO cases (reference, jurisdiction, created_at) "
        "VALUES ('CP-OLD', 'HK', '2026-01-01T00:00:00+00:00')"
    )
    db.close()
    store = Store.open(path, tmp_path / "backups")
    try:
        assert migrations.schema_version(store.db) == len(migrations.known_steps())
        assert store.circulations(1) == []
        assert store.case_by_reference("CP-OLD") is not None
    finally:
        store.close()
    backups = list((tmp_path / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
