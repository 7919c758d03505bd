"""Issue 12 point 4: a decision letter a family can read, read back from the issued .docx files.

One letter per invitee (or per household, as the profile says), each greeting its recipient by
name, the decisions in plain words, the outline plan, the key worker's contact, the core group
and review dates in one date style per language, how to complain; nothing the parents' copy
leaves out, and never the reporter's identity. Issued from the services or the command line,
each letter is a version of its own with its recipients recorded, and the deadline is met.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.versions import DocumentCopy
from mdcc_desktop.services.context import Services
from tests.conftest import DEMO, EXAMPLE_COPY

SECRET_DECISION = "SECRET-DECISION the police are watching the house"
SECRET_ACTION = "SECRET-ACTION covert check by the police"
REPORTER = "class teacher of Ka-yan"
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
ENGLISH_DATE = re.compile(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b")
CHINESE_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
OTHER_DATES = re.compile(rf"\d{{4}}-\d{{2}}-\d{{2}}|\b0\d (?:{MONTHS})|(?:{MONTHS}) \d{{1,2}},")


def body_lines(data: bytes) -> list[str]:
    """The letter's text as read: every line of every paragraph and table cell."""
    document = Document(io.BytesIO(data))
    lines = [line for p in document.paragraphs for line in p.text.split("\n")]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines += cell.text.split("\n")
    return [line for line in lines if line.strip()]


def every_part(data: bytes) -> str:
    """All the XML of the .docx (body, headers, footers, properties): for what must be nowhere."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


def with_secrets(source: Path, folder: Path, **conference: object) -> Path:
    """``source`` with a restricted decision and an action linked to it added."""
    data = json.loads(source.read_text(encoding="utf-8"))
    c = data["conference"]
    c.update(conference)
    c["decisions"].append(
        {
            "id": "dx",
            "kind": "other",
            "text": SECRET_DECISION,
            "method": "chair",
            "restricted": True,
        }
    )
    c["actions"].append(
        {
            "id": "xx",
            "description": SECRET_ACTION,
            "owner": c["actions"][0]["owner"],
            "status": "open",
            "decision": "dx",
        }
    )
    path = folder / source.name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_shared_example_gives_each_invitee_a_letter_they_can_read(
    services: Services, tmp_path: Path
) -> None:
    cid = services.exchange.import_file(with_secrets(EXAMPLE_COPY, tmp_path)).conference_id
    out = tmp_path / "letters"
    out.mkdir()
    issued = services.minutes.issue_letter(cid, None, out)

    # Everyone invited except the chair and the minute-taker, whatever their attendance
    # (DC Sam Wright sent apologies), one letter each (England: addressed to each invitee).
    names = ["Priya Nair", "Mark Ellis", "Grace Obi", "Tom Reid", "DC Sam Wright", "Hannah Turner"]
    assert [x.recipient for x in issued] == names
    assert sorted(p.name for p in out.iterdir()) == sorted(x.path.name for x in issued if x.path)
    assert len({x.version.number for x in issued}) == len(names)
    for letter in issued:
        assert letter.path is not None
        data = letter.path.read_bytes()
        assert services.minutes.version_content(letter.version) == data  # the issued record
        lines = body_lines(data)
        text = "\n".join(lines)
        assert f"Dear {letter.recipient}," in lines
        assert letter.recipient in lines[:4]  # the address block
        assert "An initial child protection conference about Max Turner" in text
        assert "A initial" not in text and " a initial" not in text  # finding 8
        assert "The conference decided that Max Turner will have a child protection plan." in lines
        assert "The plan is made under the category of emotional abuse." in lines
        assert "Child protection plan:" not in text and "Category of abuse:" not in text
        assert "Offer parenting classes to Mrs Turner." in lines  # the outline plan
        assert "priya.nair@example.org" in text  # the key worker's contact
        assert "The first core group meeting will be held by 4 December 2026" in text
        assert "The review conference will be held by 19 February 2027" in text
        assert "If you disagree" in lines and "complaints procedure" in text
        assert not OTHER_DATES.search(text), OTHER_DATES.search(text)
        assert "19 February 2027" in ENGLISH_DATE.findall(text)
        paragraphs = [p.text for p in Document(io.BytesIO(data)).paragraphs if p.text.strip()]
        assert len(paragraphs) == len(set(paragraphs)), "a line is repeated"  # finding 8
        everything = every_part(data)
        assert "SECRET-" not in everything  # nothing restricted, nor the action linked to it
        assert "the police report" not in everything.lower()
    mother = body_lines(issued[-1].path.read_bytes())  # type: ignore[union-attr]
    who = "key worker (lead social worker) is Priya Nair (Social Worker, Children's Services)."
    assert f"Your {who}" in mother
    professional = body_lines(issued[0].path.read_bytes())  # type: ignore[union-attr]
    assert f"The {who}" in professional

    # Recorded: a version per letter, each recipient as given theirs (by hand or post), the
    # letter sent (its deadline met) but the minutes not circulated by it.
    versions = services.minutes.versions(cid)
    assert [v.copy for v in versions] == [DocumentCopy.LETTER] * len(names)
    circulation = services.minutes.history(cid).circulation
    assert [(c.recipient, c.copy, c.delivery) for c in circulation] == [
        (n, DocumentCopy.LETTER, "hand") for n in names
    ]
    entries = [e for e in services.disclosure.entries() if e.kind == "letter"]
    assert [e.recipient for e in entries] == names
    due = {d.key: d for d in services.deadlines.for_conference(cid)}
    assert due["outcome_letter"].done is not None
    assert due["minutes"].done is None


def test_the_hk_demo_in_chinese_writes_one_letter_per_household_bilingual(
    services: Services, tmp_path: Path
) -> None:
    source = json.loads(DEMO.read_text(encoding="utf-8"))
    father = {
        "id": "father",
        "name": "Chan Wai-ming",
        "alt_name": "陳偉明",
        "discipline": "family",
        "roles": ["parent"],
        "attendance": "apologies",
    }
    attendees = [*source["conference"]["attendees"], father]
    path = with_secrets(DEMO, tmp_path, language="zh-Hant", attendees=attendees)
    cid = services.exchange.import_file(path).conference_id
    letters = services.minutes.render_letters(cid)

    # Hong Kong: one letter per household. The parents share one, each professional has their
    # own; the chair, the minute-taker and the interpreter are not sent one.
    recipients = [r.name for r, _ in letters]
    assert recipients == [
        "Lam Chi-keung",
        "Sgt Cheung Yuk-ming",
        "Dr Ng Hoi-yee",
        "Yip Hoi-ting",
        "Tsang Wing-sze",
        "Lee Mei-ling and Chan Wai-ming",
    ]
    family_letter = letters[-1][1]
    lines = body_lines(family_letter)
    assert "李美玲、陳偉明：" in lines and "Dear Lee Mei-ling and Chan Wai-ming," in lines
    assert "會議確定兒童受到虐待（個案成立）。" in lines
    assert "The conference found that the child has been maltreated (the case is established)." in (
        lines
    )
    assert "會議決定將兒童的姓名登記在保護兒童資料系統。" in lines
    assert "閣下的主責社工為林志強。" in lines
    assert "有關陳嘉欣、陳嘉樂的首次多專業個案會議已於2026年11月13日" in "\n".join(lines)
    assert "檢討會議將於2027年2月12日或之前舉行，確實日期會另行通知。" in lines
    assert "The review conference will be held by 12 February 2027; you will be told the date." in (
        lines
    )
    assert any("2343 2255" in line and "投訴" in line for line in lines)
    for _, data in letters:
        text = body_lines(data)
        for line in text:  # one date style per language, never mixed in a line
            assert not (ENGLISH_DATE.search(line) and CHINESE_DATE.search(line)), line
            assert not OTHER_DATES.search(line), line
        everything = every_part(data)
        assert REPORTER not in everything and "DEMO ONLY" not in everything
        assert "SECRET-" not in everything
        assert "police investigation details" not in everything  # the demo's restricted decision
        assert "限閱文件" in everything and "草稿" in everything  # marked, and a draft


def test_one_recipient_by_attendee_and_a_file_for_one_letter_only(
    services: Services, tmp_path: Path
) -> None:
    cid = services.exchange.import_file(EXAMPLE_COPY).conference_id
    mother = services.minutes.letter_recipients(cid)[-1].attendee_ids[0]
    chair = next(
        a.id for a in services.conferences.record(cid).attendees if a.name == "Ruth Okafor"
    )

    with pytest.raises(ValidationError, match="goes to 6 recipients") as err:
        services.minutes.export_letter(cid, tmp_path / "all.docx")
    assert f"Hannah Turner ({mother})" in str(err.value)
    with pytest.raises(ValidationError, match="is not sent the outcome letter"):
        services.minutes.export_letter(cid, tmp_path / "chair.docx", to=chair)
    [path] = services.minutes.export_letter(cid, tmp_path / "mum.docx", to=mother)
    assert "Dear Hannah Turner," in body_lines(path.read_bytes())
    assert services.minutes.versions(cid) == []  # a draft: recorded nowhere


def test_booked_meetings_are_given_with_date_time_and_venue_in_both_languages(
    services: Services, tmp_path: Path
) -> None:
    import datetime as dt

    cid = services.exchange.import_file(EXAMPLE_COPY).conference_id
    services.store.update_conference(
        cid,
        {
            "core_group_at": dt.datetime(2026, 12, 3, 10, 0),
            "core_group_venue": "Brook Lane Primary School",
            "review_at": dt.datetime(2027, 2, 12, 14, 30),
            "review_venue": "Civic Centre, Meeting Room 3",
        },
    )
    lines = body_lines(services.minutes.render_letter(cid))
    assert (
        "The first core group meeting will be on 3 December 2026 at 10:00 at "
        "Brook Lane Primary School." in lines
    )
    assert (
        "The review conference will be on 12 February 2027 at 14:30 at "
        "Civic Centre, Meeting Room 3." in lines
    )
    services.store.update_conference(cid, {"language": "zh-Hant"})
    lines = body_lines(services.minutes.render_letter(cid))
    assert "核心小組首次會議將於2026年12月3日 10:00在Brook Lane Primary School舉行。" in lines
    assert "The review conference will be on 12 February 2027 at 14:30 at " in "\n".join(lines)


def test_after_finalisation_the_letter_is_still_issued_per_recipient(
    services: Services, tmp_path: Path
) -> None:
    cid = services.exchange.import_file(with_secrets(EXAMPLE_COPY, tmp_path)).conference_id
    services.lifecycle.finalise(cid)
    mother = services.minutes.letter_recipients(cid)[-1].attendee_ids[0]
    [letter] = services.minutes.issue_letter(cid, to=mother)
    data = services.minutes.version_content(letter.version)
    lines = body_lines(data)
    assert "Dear Hannah Turner," in lines
    assert "SECRET-" not in every_part(data)
    assert letter.version.number == 2  # after the final version of both copies (1)
