"""The disclosure log (issue 11 point 4): every export and issue leaves exactly one entry
saying what, which copy, to whom, where, why and by whom; entries are chained, and a changed,
removed or cut-off entry is found. A real encrypted database throughout."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from mdcc_desktop.domain.disclosure import Disclosure, DisclosureKind
from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.models import CopyKind
from mdcc_desktop.domain.tracker import ActionFilter
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.minutes import soffice
from tests.conftest import driver_connect, open_services


@pytest.fixture
def example_id(services: Services, shared_example: Path) -> int:
    services.chair.set("Ruth Okafor", "ruth.okafor@example.org")
    return services.exchange.import_file(shared_example).conference_id


def new_entries(services: Services, before: int) -> list[Disclosure]:
    return services.disclosure.entries()[before:]


def one_entry(services: Services, before: int) -> Disclosure:
    entries = new_entries(services, before)
    assert len(entries) == 1, [(e.kind, e.copy, e.recipient) for e in entries]
    return entries[0]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("copy", [CopyKind.FULL, CopyKind.PARENT])
def test_minutes_leave_one_entry_with_their_copy(
    services: Services, example_id: int, tmp_path: Path, copy: CopyKind
) -> None:
    before = len(services.disclosure.entries())
    target = tmp_path / "m.docx"
    services.minutes.export_minutes(example_id, target, copy)
    entry = one_entry(services, before)
    assert (entry.kind, entry.copy, entry.conference_id) == (
        DisclosureKind.MINUTES,
        copy.value,
        example_id,
    )
    assert entry.target == str(target) and entry.sha256 == sha(target)
    assert entry.by == "Ruth Okafor" and entry.recipient is None


def test_minutes_that_cannot_be_written_leave_no_entry(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    """The entry is in the minutes version's transaction: both or neither."""
    with pytest.raises(ValidationError):
        services.minutes.export_minutes(example_id, tmp_path / "no" / "m.docx", CopyKind.FULL)
    assert services.disclosure.entries() == []
    assert services.minutes.versions(example_id) == []


@pytest.mark.parametrize("through", ["lifecycle", "minutes"])
def test_the_outcome_letter_leaves_one_entry(
    services: Services, example_id: int, tmp_path: Path, through: str
) -> None:
    # Issue 12 point 4: a letter per recipient; the one to the mother alone leaves one entry,
    # naming her, and a folder of letters one entry per recipient.
    target = tmp_path / "letter.docx"
    mother = services.minutes.letter_recipients(example_id)[-1].attendee_ids[0]
    getattr(services, through).export_letter(example_id, target, to=mother)
    entry = one_entry(services, 0)
    assert (entry.kind, entry.copy, entry.target) == (DisclosureKind.LETTER, "parent", str(target))
    assert entry.sha256 == sha(target)
    assert entry.recipient == "Hannah Turner"
    (tmp_path / "all").mkdir()
    paths = getattr(services, through).export_letter(example_id, tmp_path / "all")
    entries = services.disclosure.entries()[1:]
    assert len(entries) == 6 == len(list((tmp_path / "all").iterdir()))
    assert [e.recipient for e in entries][-1] == "Hannah Turner"
    assert {e.target for e in entries} == {str(x.path if hasattr(x, "path") else x) for x in paths}


def test_the_exchange_file_leaves_one_entry_and_the_identity_needs_a_reason(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    target = tmp_path / "c.json"
    services.exchange.export_file(example_id, target)
    entry = one_entry(services, 0)
    assert (entry.kind, entry.with_reporter_identity, entry.reason) == (
        DisclosureKind.EXCHANGE,
        False,
        None,
    )
    assert entry.sha256 == sha(target)
    with pytest.raises(ValidationError, match=r"Cap\. 650"):
        services.exchange.export_file(example_id, tmp_path / "x.json", with_reporter_identity=True)
    assert not (tmp_path / "x.json").exists()
    assert len(services.disclosure.entries()) == 1
    services.exchange.export_file(
        example_id, tmp_path / "y.json", with_reporter_identity=True, reason="court order 12/26"
    )
    entry = one_entry(services, 1)
    assert entry.with_reporter_identity and entry.reason == "court order 12/26"


@pytest.mark.parametrize(
    ("fmt", "kind"),
    [("csv", DisclosureKind.CSV), ("xlsx", DisclosureKind.EXCEL), ("ics", DisclosureKind.CALENDAR)],
)
def test_action_exports_leave_one_entry(
    services: Services, example_id: int, tmp_path: Path, fmt: str, kind: DisclosureKind
) -> None:
    target = tmp_path / f"actions.{fmt}"
    services.tracker.export_file(ActionFilter(conference_id=example_id), fmt, target)
    entry = one_entry(services, 0)
    assert (entry.kind, entry.conference_id, entry.target) == (kind, example_id, str(target))
    assert entry.sha256 == sha(target)


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_a_pdf_leaves_one_entry(services: Services, example_id: int, tmp_path: Path) -> None:
    docx = tmp_path / "m.docx"
    services.minutes.export_minutes(example_id, docx, CopyKind.PARENT)
    pdf = services.minutes.export_pdf(example_id, docx, CopyKind.PARENT)
    entry = one_entry(services, 1)
    assert (entry.kind, entry.copy, entry.target) == (DisclosureKind.PDF, "parent", str(pdf))
    assert entry.sha256 == sha(pdf)


def test_circulation_records_each_document_draft_and_recipient(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    record = services.conferences.record(example_id)
    names = {a.id: a.name for a in record.attendees}
    everyone = [e.attendee_id for e in record.distribution]
    # Issue 12 changed circulation on purpose: one issued version of each copy, one e-mail
    # draft per recipient with an address (To: that person alone), the rest by hand.
    done = services.lifecycle.circulate(example_id, everyone, tmp_path)
    entries = services.disclosure.entries()
    kinds = [e.kind for e in entries]
    assert kinds.count(DisclosureKind.MINUTES) == 2  # the full and the parents' copy issued
    with_address = [a for a in record.attendees if a.id in everyone and a.email]
    assert kinds.count(DisclosureKind.EMAIL) == len(with_address) == len(done.drafts)
    circulated = {(e.recipient, e.copy) for e in entries if e.kind == DisclosureKind.CIRCULATION}
    assert kinds.count(DisclosureKind.CIRCULATION) == len(everyone)
    assert circulated == {(names[e.attendee_id], e.copy.value) for e in record.distribution}
    by_hand = {e.recipient for e in entries if e.reason == "by hand"}
    assert by_hand == set(done.by_hand)
    drafts = {e.recipient: e for e in entries if e.kind == DisclosureKind.EMAIL}
    assert set(drafts) == {a.name for a in with_address}  # each names one person
    for path in done.drafts:
        assert any(d.sha256 == sha(path) for d in drafts.values())


def test_finalising_and_reopening_leave_one_entry_each(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    services.minutes.export_minutes(example_id, tmp_path / "m.docx", CopyKind.FULL)
    services.lifecycle.finalise(example_id)
    entry = one_entry(services, 1)
    assert (entry.kind, entry.conference_id, entry.copy) == (
        DisclosureKind.FINALISED,
        example_id,
        "full, parent",  # finalising issues both copies together (issue 12)
    )
    services.lifecycle.reopen(example_id, "a date was wrong")
    entry = one_entry(services, 2)
    assert (entry.kind, entry.reason) == (DisclosureKind.REOPENED, "a date was wrong")


def test_exporting_the_log_is_itself_logged(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    services.exchange.export_file(example_id, tmp_path / "c.json")
    services.disclosure.export(tmp_path / "log.json", "json")
    doc = json.loads((tmp_path / "log.json").read_text(encoding="utf-8"))
    assert doc["chain"] == "intact"
    assert [e["kind"] for e in doc["entries"]] == ["exchange"]
    assert doc["entries"][0]["case_reference"] == "CS-2026-0412"
    services.disclosure.export(tmp_path / "log.csv", "csv")
    text = (tmp_path / "log.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("id,at,kind,by")
    assert [e.kind for e in services.disclosure.entries()] == [
        DisclosureKind.EXCHANGE,
        DisclosureKind.LOG_EXPORT,
        DisclosureKind.LOG_EXPORT,
    ]
    with pytest.raises(ValidationError, match="json or csv"):
        services.disclosure.export(tmp_path / "log.txt", "txt")


def test_the_chairs_name_lives_in_the_encrypted_database(
    services: Services, data_dir: Path
) -> None:
    assert services.chair.get().name == ""
    services.chair.set("  Ruth   Okafor ", " ruth@example.org ")
    assert services.chair.get().name == "Ruth Okafor"
    assert services.chair.get().email == "ruth@example.org"
    with pytest.raises(ValidationError, match="not an e-mail address"):
        services.chair.set("Ruth", "ruth at home")
    with pytest.raises(ValidationError, match="longer than"):
        services.chair.set("R" * 300, "")
    services.close()
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert b"Okafor" not in path.read_bytes(), path
    reopened = open_services(data_dir)
    try:
        assert reopened.chair.get().email == "ruth@example.org"
    finally:
        reopened.close()


def test_entries_are_chained_and_the_chain_is_intact(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    for n in range(3):
        services.exchange.export_file(example_id, tmp_path / f"{n}.json")
    entries = services.disclosure.entries()
    assert entries[0].previous == "0" * 64
    assert [b.previous for b in entries[1:]] == [a.hash for a in entries[:-1]]
    assert services.disclosure.chain_problem() is None
    assert services.disclosure.verify() == []


def _three_entries(services: Services, example_id: int, tmp_path: Path) -> None:
    for n in range(3):
        services.exchange.export_file(example_id, tmp_path / f"{n}.json")


def test_the_app_cannot_change_or_remove_an_entry(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    _three_entries(services, example_id, tmp_path)
    with pytest.raises(Exception, match="append-only"):
        services.store.db.execute("UPDATE disclosure_log SET reason = 'x' WHERE id = 1")
    with pytest.raises(Exception, match="append-only"):
        services.store.db.execute("DELETE FROM disclosure_log WHERE id = 3")


def test_a_changed_entry_in_the_file_is_found(
    services: Services, example_id: int, tmp_path: Path, data_dir: Path
) -> None:
    _three_entries(services, example_id, tmp_path)
    services.close()
    conn = driver_connect(services.paths.database)
    conn.execute("DROP TRIGGER disclosure_log_no_update")
    conn.execute("UPDATE disclosure_log SET recipient = 'someone else' WHERE id = 2")
    conn.commit()
    conn.close()
    reopened = open_services(data_dir)
    try:
        problems = [str(p) for p in reopened.disclosure.verify()]
        assert problems == [
            "The disclosure log was changed: entry 2 was changed after it was written."
        ]
    finally:
        reopened.close()


def test_removed_last_entries_are_found(
    services: Services, example_id: int, tmp_path: Path, data_dir: Path
) -> None:
    _three_entries(services, example_id, tmp_path)
    services.close()
    conn = driver_connect(services.paths.database)
    conn.execute("DROP TRIGGER disclosure_log_no_delete")
    conn.execute("DELETE FROM disclosure_log WHERE id = 3")
    conn.commit()
    conn.close()
    reopened = open_services(data_dir)
    try:
        problem = reopened.disclosure.chain_problem()
        assert problem is not None and "ends at entry 2 but 3 entries" in str(problem)
    finally:
        reopened.close()


def test_entries_outlive_the_conference(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    services.exchange.export_file(example_id, tmp_path / "c.json")
    services.conferences.delete_conference(example_id)
    (entry,) = services.disclosure.entries()
    assert entry.conference_id == example_id
    assert services.disclosure.case_references([entry]) == {}
    assert services.disclosure.verify() == []


def test_exports_that_cannot_be_written_leave_no_entry(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    """A file and its entry are both or neither (the entry is written in the transaction that
    commits once the file is written)."""
    missing = tmp_path / "missing"
    with pytest.raises(OSError):
        services.exchange.export_file(example_id, missing / "c.json")
    with pytest.raises(ValidationError):
        services.exchange.export_file(example_id, missing / "c.json", checked=True)
    with pytest.raises(ValidationError):
        services.tracker.export_file(ActionFilter(), "csv", missing / "a.csv")
    with pytest.raises(ValidationError):
        services.minutes.export_letter(example_id, missing / "l.docx")
    with pytest.raises(ValidationError):
        services.disclosure.export(missing / "log.json", "json")
    assert services.disclosure.entries() == []
    assert not missing.exists()
