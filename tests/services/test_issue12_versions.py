"""Issue 12: drafts and issued versions (findings 2, 3), the letter recorded (finding 4),
circulation that is true (finding 11). Real encrypted databases, real .docx files read back."""

from __future__ import annotations

import datetime as dt
import email
import hashlib
import io
from email import policy
from pathlib import Path

import pytest
from docx import Document

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.models import ActionStatus, ConferenceStatus, CopyKind
from mdcc_desktop.domain.versions import Delivery, DocumentCopy
from mdcc_desktop.export.minutes import document_text
from mdcc_desktop.services.context import Services
from tests.conftest import REPO

HK = REPO / "tests" / "data" / "hk-zh.json"


@pytest.fixture
def example_id(services: Services, shared_example: Path) -> int:
    return services.exchange.import_file(shared_example).conference_id


def headers(data: bytes) -> list[str]:
    """The text of every header part the document's sections use (every page has one)."""
    document = Document(io.BytesIO(data))
    texts = []
    for section in document.sections:
        parts = [section.header]
        if section.different_first_page_header_footer:
            parts.append(section.first_page_header)
        texts += ["\n".join(p.text for p in part.paragraphs) for part in parts]
    return texts


def stored_versions(services: Services) -> int:
    return int(services.store._rows("SELECT count(*) AS n FROM document_versions")[0]["n"])


# --- finding 2: every render became a version ------------------------------------------------


def test_finding_2_a_render_for_a_look_is_a_draft_recorded_nowhere(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    services.minutes.render_minutes(example_id, CopyKind.FULL)
    services.minutes.render_minutes(example_id, CopyKind.PARENT)
    services.minutes.render_letter(example_id)
    services.minutes.export_minutes(example_id, tmp_path / "look.docx", CopyKind.FULL)
    services.minutes.export_letter(example_id, tmp_path)  # one draft per recipient
    with pytest.raises(ValidationError):  # a failed render records nothing either
        services.minutes.render_minutes(example_id, CopyKind.FULL, "no-such-template")
    assert services.minutes.versions(example_id) == []
    assert stored_versions(services) == 0
    assert services.store.conference_log(example_id) == []  # the draft letter is not "sent"


def test_finding_2_finalise_issues_the_final_version_of_both_copies_together(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    services.minutes.issue_minutes(example_id, CopyKind.FULL)  # version 1, full copy only
    final = services.lifecycle.finalise(example_id)
    assert [(v.number, v.copy, v.status) for v in final] == [
        (2, "full", "final"),
        (2, "parent", "final"),
    ]
    assert final[0].issued_at == final[1].issued_at
    assert services.store.get_conference(example_id).status == ConferenceStatus.FINALISED
    listed = [(v.number, v.copy, v.status) for v in services.minutes.versions(example_id)]
    assert listed == [(1, "full", "issued"), (2, "full", "final"), (2, "parent", "final")]
    parents = services.minutes.version_content(final[1])
    assert "Parents' copy" in document_text(parents)
    assert "FINAL – version 2" in document_text(parents)


def test_finding_2_a_recirculation_never_overwrites_files_already_issued(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    record = services.conferences.record(example_id)
    everyone = [e.attendee_id for e in record.distribution]
    first = services.lifecycle.circulate(example_id, everyone, tmp_path)
    before = {p: p.read_bytes() for p in first.documents}
    second = services.lifecycle.circulate(example_id, everyone, tmp_path)
    assert (first.number, second.number) == (1, 2)
    assert not set(first.documents) & set(second.documents)
    for path, data in before.items():
        assert path.read_bytes() == data
    for version in services.minutes.versions(example_id):
        written = next(
            p
            for p in (*first.documents, *second.documents)
            if f"-v{version.number}" in p.name
            and ("full" if version.copy == "full" else "parents") in p.name
        )
        assert hashlib.sha256(written.read_bytes()).hexdigest() == version.sha256

    # A file already where the next version would go is refused, and nothing is recorded.
    squatter = tmp_path / "CS-2026-0412-minutes-full-v3.docx"
    squatter.write_bytes(b"someone else's file")
    with pytest.raises(ValidationError, match="never replaces a file"):
        services.lifecycle.circulate(example_id, everyone, tmp_path)
    assert squatter.read_bytes() == b"someone else's file"
    assert [v.number for v in services.minutes.versions(example_id)] == [1, 1, 2, 2]
    assert len(services.store.circulations(example_id)) == 2 * len(everyone)


def test_finding_2_after_finalisation_a_render_gives_the_final_content(
    services: Services, example_id: int
) -> None:
    final = services.lifecycle.finalise(example_id)
    kept = services.minutes.version_content(final[0])
    other = document_text(services.minutes.render_minutes(example_id, CopyKind.FULL, "hk-mdcc"))
    assert "FINAL – version 1" in other
    for action in services.store.actions(example_id):  # done later, in the tracker
        services.store.update_action(action.id or 0, {"status": ActionStatus.DONE})
    # In the final version's own template: the final version itself, byte for byte ...
    assert services.minutes.render_minutes(example_id, CopyKind.FULL) == kept
    # ... and in another: the content it was made from, not today's statuses.
    again = document_text(services.minutes.render_minutes(example_id, CopyKind.FULL, "hk-mdcc"))
    assert again == other
    services.lifecycle.reopen(example_id, "A date was wrong.")
    live = document_text(services.minutes.render_minutes(example_id, CopyKind.FULL, "hk-mdcc"))
    assert live != other and "DRAFT" in live  # reopened: the record as it is now


def test_finding_2_the_record_is_the_document_kept_not_a_path(
    services: Services, example_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    version = services.minutes.issue_minutes(example_id, CopyKind.FULL, None, Path("relative.docx"))
    issued = (tmp_path / "relative.docx").read_bytes()
    assert hashlib.sha256(issued).hexdigest() == version.sha256
    columns = {r["name"] for r in services.store._rows("PRAGMA table_info(document_versions)")}
    assert "path" not in columns
    row = services.store._rows("SELECT * FROM document_versions")[0]
    assert "relative.docx" not in repr(row)
    (tmp_path / "relative.docx").unlink()  # the file is gone: the record is not
    services.minutes.save_version(example_id, version.number, tmp_path / "again.docx")
    assert (tmp_path / "again.docx").read_bytes() == issued


def test_finding_2_an_issue_whose_record_cannot_be_stored_writes_no_file(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    target = tmp_path / "issued.docx"
    services.store.db.execute(
        "CREATE TRIGGER no_versions BEFORE INSERT ON document_versions "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    with pytest.raises(Exception, match="refused"):
        services.minutes.issue_minutes(example_id, CopyKind.FULL, None, target)
    assert not target.exists()


# --- finding 3: documents said nothing of their status ------------------------------------


def test_finding_3_documents_print_their_status_version_and_issue_date(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    draft = services.minutes.render_minutes(example_id, CopyKind.PARENT)
    assert all("DRAFT" in h for h in headers(draft))
    issued = services.minutes.issue_minutes(example_id, CopyKind.PARENT)
    data = services.minutes.version_content(issued)
    day = issued.issued_at.date()
    line = f"Issued – version 1, {day.day} {day:%B} {day.year}"
    assert all(line in h for h in headers(data))
    assert "DRAFT" not in document_text(data)
    # Point 4 of issue 12: a letter per recipient, each its own version; one here (the mother).
    mother = services.minutes.letter_recipients(example_id)[-1].attendee_ids[0]
    [letter] = services.minutes.issue_letter(example_id, to=mother)
    assert "Issued – version 2" in document_text(services.minutes.version_content(letter.version))
    final = services.lifecycle.finalise(example_id)
    final_text = headers(services.minutes.version_content(final[0]))
    assert all(f"FINAL – version 3, issued {day.day} {day:%B} {day.year}" in h for h in final_text)


def test_finding_3_a_chinese_conference_says_its_status_in_chinese_too(
    services: Services, tmp_path: Path
) -> None:
    conference_id = services.exchange.import_file(HK).conference_id
    assert any(
        "草稿" in h for h in headers(services.minutes.render_minutes(conference_id, CopyKind.FULL))
    )
    version = services.minutes.issue_minutes(conference_id, CopyKind.FULL)
    day = version.issued_at.date()
    text = "\n".join(headers(services.minutes.version_content(version)))
    assert f"第1版，{day.year}年{day.month}月{day.day}日" in text


# --- finding 4: the letter from the command line was not recorded ---------------------------


def test_finding_4_an_issued_letter_meets_its_deadline_a_draft_does_not(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    (tmp_path / "look").mkdir()
    (tmp_path / "issued").mkdir()
    services.minutes.export_letter(example_id, tmp_path / "look")
    due = {d.key: d for d in services.deadlines.for_conference(example_id)}
    assert due["outcome_letter"].done is None
    # Point 4 of issue 12: one letter per recipient (six invited here), each a version.
    letters = services.minutes.issue_letter(example_id, None, tmp_path / "issued")
    assert [x.version.copy for x in letters] == [DocumentCopy.LETTER] * 6
    due = {d.key: d for d in services.deadlines.for_conference(example_id)}
    assert due["outcome_letter"].done == dt.date.today()


# --- finding 11: e-mail drafts ---------------------------------------------------------------


def _with_addresses(services: Services, conference_id: int) -> dict[str, int]:
    record = services.conferences.record(conference_id)
    ids = {a.name: a.id or 0 for a in record.attendees}
    services.store.update_attendee(ids["Hannah Turner"], {"email": "hannah@example.net"})
    services.store.update_attendee(ids["Ruth Okafor"], {"email": "ruth.okafor@example.org"})
    return ids


def test_finding_11_one_draft_per_recipient_from_the_chair_with_date_and_message_id(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    ids = _with_addresses(services, example_id)
    record = services.conferences.record(example_id)
    everyone = [e.attendee_id for e in record.distribution]
    done = services.lifecycle.circulate(
        example_id, everyone, tmp_path, sender=("Ruth Okafor", "chair@example.org")
    )
    assert len(done.drafts) == 3  # Priya Nair, Hannah Turner, Ruth Okafor
    versions = {v.copy: v for v in services.minutes.versions(example_id)}
    seen = set()
    for path in done.drafts:
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        assert len(message["To"].addresses) == 1
        seen.add(message["To"].addresses[0].addr_spec)
        assert message["From"] == "Ruth Okafor <chair@example.org>"
        assert message["Date"] and message["Message-ID"]
        assert message["Subject"].startswith("RESTRICTED")
        body = message.get_body().get_content()
        assert "No e-mail address" not in body and "Please find attached" in body
        assert message["To"].addresses[0].display_name in body
        attached = next(message.iter_attachments()).get_content()
        copy = DocumentCopy.PARENT if "hannah" in message["To"] else DocumentCopy.FULL
        assert hashlib.sha256(attached).hexdigest() == versions[copy].sha256
        assert "Issued – version 1" in document_text(attached)
    assert seen == {"priya.nair@example.org", "hannah@example.net", "ruth.okafor@example.org"}
    ids_by_hand = {
        c.attendee_id
        for c in services.minutes.history(example_id).circulation
        if c.delivery == Delivery.HAND
    }
    assert ids["Hannah Turner"] not in ids_by_hand


def test_finding_11_without_a_sender_given_the_chairs_address_on_file_is_used(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    _with_addresses(services, example_id)
    record = services.conferences.record(example_id)
    priya = next(a for a in record.attendees if a.name == "Priya Nair")
    done = services.lifecycle.circulate(example_id, [priya.id or 0], tmp_path)
    message = email.message_from_bytes(done.drafts[0].read_bytes(), policy=policy.default)
    assert message["From"] == "Ruth Okafor <ruth.okafor@example.org>"
    assert message["Message-ID"].endswith("@example.org>")


def test_finding_11_people_without_an_address_are_recorded_for_hand_delivery(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    record = services.conferences.record(example_id)
    everyone = [e.attendee_id for e in record.distribution]
    done = services.lifecycle.circulate(example_id, everyone, tmp_path)
    history = services.minutes.history(example_id).circulation
    by_hand = sorted(c.recipient for c in history if c.delivery == Delivery.HAND)
    assert by_hand == sorted(done.by_hand)
    assert "Hannah Turner" in by_hand and "Priya Nair" not in by_hand
    assert [c.recipient for c in history if c.delivery == Delivery.EMAIL] == ["Priya Nair"]
    for path in done.drafts:  # nobody without an address is named in any draft
        text = path.read_bytes().decode("utf-8", errors="replace")
        assert "Hannah Turner" not in text


def test_finding_11_the_hk_subject_says_restricted_in_chinese(
    services: Services, tmp_path: Path
) -> None:
    conference_id = services.exchange.import_file(HK).conference_id
    record = services.conferences.record(conference_id)
    for entry in record.distribution:
        services.store.update_attendee(
            entry.attendee_id, {"email": f"p{entry.attendee_id}@example.hk"}
        )
    everyone = [e.attendee_id for e in record.distribution]
    done = services.lifecycle.circulate(conference_id, everyone, tmp_path)
    assert done.drafts
    for path in done.drafts:
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        assert message["Subject"].startswith("限閱文件 RESTRICTED")
        assert "限閱文件" in message.get_body().get_content()


def test_finding_11_after_finalisation_circulation_gives_the_final_version_itself(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    final = services.lifecycle.finalise(example_id)
    record = services.conferences.record(example_id)
    everyone = [e.attendee_id for e in record.distribution]
    done = services.lifecycle.circulate(example_id, everyone, tmp_path)
    again = services.lifecycle.circulate(example_id, everyone, tmp_path)  # the same files
    assert done.number == again.number == 1
    assert len(services.minutes.versions(example_id)) == 2  # no new version
    for version in final:
        suffix = "full" if version.copy == DocumentCopy.FULL else "parents"
        path = tmp_path / f"CS-2026-0412-minutes-{suffix}-v1-final.docx"
        assert path.read_bytes() == services.minutes.version_content(version)
    message = email.message_from_bytes(done.drafts[0].read_bytes(), policy=policy.default)
    attached = next(message.iter_attachments()).get_content()
    assert hashlib.sha256(attached).hexdigest() == final[0].sha256
