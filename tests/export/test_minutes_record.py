"""The minutes as a record (issue 12): sections in the profile's order with numbers that have
no gaps (finding 7), the record's new parts, restriction that keeps the full copy's numbering,
and one language and date style per language (finding 8). Real .docx files read back with
python-docx; the Chinese copy's PDF read back with pdftotext where LibreOffice is installed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from mdcc_desktop.domain.models import (
    Action,
    AgendaItem,
    Conference,
    CopyKind,
    Decision,
    Exclusion,
    Role,
)
from mdcc_desktop.domain.profiles import MinutesSection
from mdcc_desktop.export.minutes import document_text, minutes_context, render
from mdcc_desktop.export.pdf import soffice
from mdcc_desktop.services.context import Services
from tests.conftest import DEMO, REPO

HK_ZH = REPO / "tests" / "data" / "hk-zh.json"
ENG = REPO / "tests" / "data" / "eng-initial-max.json"
NOT_INCLUDED = "[not included in this copy]"
CHINESE_NUMBERS = "一二三四五六七八九十"


def chinese_demo(services: Services) -> int:
    """The HK demo conference, written in Chinese (zh-Hant)."""
    document = json.loads(DEMO.read_text(encoding="utf-8"))
    document["conference"]["language"] = "zh-Hant"
    return services.exchange.import_document(document).conference_id


def docx(services: Services, conference_id: int, copy: CopyKind) -> Document:
    return Document(io.BytesIO(services.minutes.render_minutes(conference_id, copy)))


def headings(doc: Document, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def section_numbers(doc: Document) -> list[str]:
    return [re.split(r"[、.]", h, maxsplit=1)[0] for h in headings(doc, 1)]


def chinese_numeral(n: int) -> str:
    return CHINESE_NUMBERS[n - 1] if n <= 10 else "十" + CHINESE_NUMBERS[n - 11]


# --- 1. sections in the profile's order, numbers without gaps (finding 7) ---------------------


def test_finding7_hk_sections_are_numbered_without_a_gap(services: Services) -> None:
    """HK went 一二三五 when a section was empty (no Signs of Safety mapping)."""
    conference_id = chinese_demo(services)
    for copy in CopyKind:
        doc = docx(services, conference_id, copy)
        numbers = section_numbers(doc)
        assert len(numbers) >= 7
        assert numbers == [chinese_numeral(n) for n in range(1, len(numbers) + 1)], numbers
        assert not any("安全標誌評估" in h for h in headings(doc, 1))  # no mapping: left out


def test_finding7_english_sections_and_their_items_are_numbered_under_them(
    services: Services,
) -> None:
    conference_id = services.exchange.import_file(ENG).conference_id
    doc = docx(services, conference_id, CopyKind.FULL)
    numbers = section_numbers(doc)
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    # Every numbered sub-item (an agenda item, a decision) carries its section's number.
    current = ""
    subs = []
    for p in doc.paragraphs:
        if p.style.name == "Heading 1":
            current = p.text.split(".")[0]
        elif p.style.name == "Heading 2" and re.match(r"\d+\.\d+ ", p.text):
            subs.append(p.text)
            assert p.text.startswith(f"{current}."), (current, p.text)
    assert len(subs) >= 10
    assert any(s.endswith("Child protection plan") for s in subs)
    # No two sub-items share a number, and none looks like a section's ("5. Decisions").
    numbers_used = [s.split(" ")[0] for s in subs]
    assert len(set(numbers_used)) == len(numbers_used)


def test_sections_follow_the_profiles_order_and_titles(services: Services) -> None:
    conference_id = services.exchange.import_file(ENG).conference_id
    record = services.store.load_record(conference_id)
    profile = services.profiles.find(record.conference.jurisdiction)
    assert profile is not None
    turned = dataclasses.replace(
        profile,
        minutes_sections=(
            MinutesSection("decisions", "What we decided"),
            MinutesSection("attendance", "Who came"),
            MinutesSection("parents_views", "Why we met"),  # no item names it: left out
            MinutesSection("confidentiality", "Keep it safe"),
        ),
    )
    context = minutes_context(record, turned, CopyKind.FULL, {})
    data = render(services.minutes.template("eng-cpc").path, context, kind="minutes")
    doc = Document(io.BytesIO(data))
    assert headings(doc, 1) == ["1. What we decided", "2. Who came", "3. Keep it safe"]
    assert headings(doc, 2)[0] == "1.1 Child protection plan"


def test_text_sections_print_the_notes_of_the_items_that_name_them(services: Services) -> None:
    conference_id = services.exchange.import_file(ENG).conference_id
    record = services.store.load_record(conference_id)
    child = next(g for g in record.agenda if g.title.startswith("Views of the child"))
    reason = next(g for g in record.agenda if g.title == "Reason for the conference")
    services.store.update(AgendaItem, child.id or 0, {"section": "child_views"})
    services.store.update(AgendaItem, reason.id or 0, {"section": "purpose"})
    doc = docx(services, conference_id, CopyKind.FULL)
    h1 = headings(doc, 1)
    assert h1[:4] == [
        "1. Attendance",
        "2. Purpose of the conference",
        "3. The child and the household",
        "4. Information and discussion",
    ]
    assert h1[4] == "5. The child's views"
    h2 = headings(doc, 2)
    assert "2.1 Reason for the conference" in h2
    assert f"5.1 {child.title}" in h2
    text = document_text(services.minutes.render_minutes(conference_id, CopyKind.FULL))
    assert text.index("5. The child's views") < text.index("Max told his teacher")
    # The discussion keeps the others, numbered from 4.1 without the two that moved.
    assert "4.1 Introductions, purpose and confidentiality" in h2
    assert "4.2 Information from agencies" in h2


# --- 2. the record's new parts -----------------------------------------------------------------


def _book(services: Services, conference_id: int, **changes: object) -> None:
    services.store.update(Conference, conference_id, dict(changes))


def test_finding14_the_record_parts_real_conferences_keep_are_printed(services: Services) -> None:
    conference_id = services.exchange.import_file(ENG).conference_id
    record = services.store.load_record(conference_id)
    police = next(a for a in record.attendees if a.name == "DC Sam Wright")
    services.conferences.update_attendee(police.id or 0, attendance_note="in court that day")
    first = record.actions[0]
    services.store.update(
        Action,
        first.id or 0,
        {"outcome": "Max lives free from violence", "contingency": "Reconvene the conference"},
    )
    _book(
        services,
        conference_id,
        core_group_at=dt.datetime(2026, 12, 3, 14, 30),
        core_group_venue="Family Centre, Room 1",
        comments_by=dt.date(2026, 12, 4),
    )
    doc = docx(services, conference_id, CopyKind.FULL)
    text = document_text(services.minutes.render_minutes(conference_id, CopyKind.FULL))
    # Apologies with their reason.
    assert "DC Sam Wright (Police Public Protection Unit) – in court that day" in text
    # The plan's outcome and contingency columns.
    plan = next(t for t in doc.tables if t.rows[0].cells[1].text == "Outcome wanted")
    assert [c.text for c in plan.rows[0].cells] == [
        "No.",
        "Outcome wanted",
        "Action",
        "Owner",
        "Due / status",
        "If not achieved",
    ]
    row = plan.rows[1]
    assert row.cells[1].text == "Max lives free from violence"
    assert row.cells[5].text == "Reconvene the conference"
    assert first.description in row.cells[2].text
    # The core group as booked; the review not booked: its statutory date.
    meetings = next(t for t in doc.tables if t.rows[0].cells[0].text == "Meeting")
    rows = [[c.text for c in r.cells] for r in meetings.rows[1:]]
    assert rows[0] == ["First core group meeting", "3 December 2026 14:30", "Family Centre, Room 1"]
    assert rows[1][0] == "Review conference" and rows[1][1].startswith("by ")
    # The confidentiality statement with the date comments are due by.
    assert "These minutes are confidential." in text
    assert "Comments on their accuracy to the chair by 4 December 2026." in text
    assert headings(doc, 1)[-1].endswith("Confidentiality")


def test_without_a_comments_date_the_statement_has_no_date_sentence(services: Services) -> None:
    conference_id = services.exchange.import_file(ENG).conference_id
    _book(
        services,
        conference_id,
        review_at=dt.datetime(2027, 2, 18, 10, 0),
        review_venue="Civic Centre",
    )
    text = document_text(services.minutes.render_minutes(conference_id, CopyKind.FULL))
    assert "These minutes are confidential." in text
    assert "Comments on their accuracy" not in text
    assert "18 February 2027 10:00" in text and "Civic Centre" in text


def _exclude_a_parent_during(services: Services, conference_id: int) -> tuple[AgendaItem, int]:
    """The mother steps out while 'Information from agencies' is discussed; a decision and an
    action are recorded under that item. Returns the item and the decision's id."""
    record = services.store.load_record(conference_id)
    start = record.conference.started_at
    assert start is not None
    for i, g in enumerate(sorted(record.agenda, key=lambda g: g.position)):
        services.store.update(
            AgendaItem,
            g.id or 0,
            {
                "started_at": start + dt.timedelta(minutes=15 * i),
                "ended_at": start + dt.timedelta(minutes=15 * i + 14),
            },
        )
    item = next(g for g in record.agenda if g.title == "Information from agencies")
    item = services.store.load_record(conference_id).agenda[record.agenda.index(item)]
    mother = next(a for a in record.attendees if Role.PARENT in a.roles)
    assert item.started_at is not None
    services.conferences.set_exclusions(
        mother.id or 0,
        [
            Exclusion(
                left_at=item.started_at + dt.timedelta(minutes=1),
                returned_at=item.started_at + dt.timedelta(minutes=10),
                reason="SECRET: the school's concerns about the partner",
            )
        ],
    )
    decision_id = services.conferences.add_decision(
        conference_id,
        Decision(
            kind="other", text="SECRET: ask the school for a chronology", agenda_item_id=item.id
        ),
    ).id
    services.conferences.add_action(
        conference_id, Action("SECRET: send the chronology", decision_id=decision_id)
    )
    return item, decision_id


def test_what_was_discussed_while_a_parent_was_out_is_not_in_the_parents_copy(
    services: Services,
) -> None:
    conference_id = services.exchange.import_file(ENG).conference_id
    item, _ = _exclude_a_parent_during(services, conference_id)
    full = docx(services, conference_id, CopyKind.FULL)
    parents = docx(services, conference_id, CopyKind.PARENT)
    full_text = document_text(services.minutes.render_minutes(conference_id, CopyKind.FULL))
    parents_text = document_text(services.minutes.render_minutes(conference_id, CopyKind.PARENT))
    assert "SECRET" not in parents_text
    assert (item.notes or "")[:30] not in parents_text
    assert full_text.count("SECRET") == 3  # the decision under the item, its action, why
    assert "RESTRICTED – not in the parents' copy" in full_text
    assert "RESTRICTED – not in the parents' copy" not in parents_text
    # The same numbering in both copies: a withheld part keeps its number.
    assert section_numbers(full) == section_numbers(parents)
    assert headings(full, 1) == headings(parents, 1)
    number = next(h for h in headings(full, 2) if h.endswith(item.title)).split(" ")[0]
    assert f"{number} {NOT_INCLUDED}" in headings(parents, 2)
    full_h2 = [h.split(" ")[0] for h in headings(full, 2) if re.match(r"\d+\.\d+ ", h)]
    parent_h2 = [h.split(" ")[0] for h in headings(parents, 2) if re.match(r"\d+\.\d+ ", h)]
    assert full_h2 == parent_h2
    # The plan keeps every row: the withheld action is its number and the placeholder.
    full_plan = next(t for t in full.tables if t.rows[0].cells[0].text == "No.")
    parent_plan = next(t for t in parents.tables if t.rows[0].cells[0].text == "No.")
    assert [r.cells[0].text for r in full_plan.rows] == [r.cells[0].text for r in parent_plan.rows]
    withheld_row = next(r for r in parent_plan.rows if r.cells[2].text == NOT_INCLUDED)
    marked = next(r for r in full_plan.rows if "SECRET" in r.cells[2].text)
    assert withheld_row.cells[0].text == marked.cells[0].text
    assert marked.cells[2].text.startswith("RESTRICTED: ")
    # The exclusions section: who, when, why in the full copy; its number alone in the other.
    full_exclusions = next(h for h in headings(full, 1) if h.endswith("Exclusions"))
    index = [p.text for p in parents.paragraphs].index(full_exclusions)
    assert parents.paragraphs[index + 1].text == NOT_INCLUDED
    excluded = next(t for t in full.tables if t.rows[0].cells[1].text == "Left the room")
    assert "Hannah Turner" in excluded.rows[1].cells[0].text
    assert "SECRET: the school's concerns" in excluded.rows[1].cells[3].text


def test_hk_placeholders_and_marks_are_bilingual(services: Services) -> None:
    conference_id = chinese_demo(services)
    full = document_text(services.minutes.render_minutes(conference_id, CopyKind.FULL))
    parents = document_text(services.minutes.render_minutes(conference_id, CopyKind.PARENT))
    assert "［此部分不包括在本文本內］ [not included in this copy]" in parents
    assert "限閱 – 不包括在家長文本 RESTRICTED – not in the parents' copy" in full
    assert "不包括在本文本內" not in full


# --- 4. language (finding 8) --------------------------------------------------------------------


def test_finding8_hk_values_are_bilingual_and_dates_one_style(services: Services) -> None:
    conference_id = chinese_demo(services)
    record = services.store.load_record(conference_id)
    full = document_text(services.minutes.render_minutes(conference_id, CopyKind.FULL))
    parents = document_text(services.minutes.render_minutes(conference_id, CopyKind.PARENT))
    assert "完整版本 Full copy" in full and "家長版本 Parents' copy" in parents
    assert "女 female" in full and "男 male" in full
    assert "母親 mother" in full and "父親 father" in full
    assert "未完成 open" in full and "是 Yes" in full
    assert "家長版本 Parents' copy" in full  # the distribution list's copy column
    assert "已於2026年10月31日" in full and "made on 31 October 2026" in full
    assert record.decisions  # the review date decided prints as a date, not 2027-02-12
    for text in (full, parents):
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)
        assert not re.search(r"\bon \d{4}年", text)  # a Chinese date in an English sentence
        assert not re.search(r"已於\s*\d{1,2} [A-Z]", text)  # an English one in Chinese
        # Dates standing alone are Chinese in a conference written in Chinese.
        assert "2026年11月13日" in text
    doc = docx(services, conference_id, CopyKind.FULL)
    plan = next(t for t in doc.tables if t.rows[0].cells[0].text == "編號 No.")
    dues = [r.cells[4].paragraphs[0].text for r in plan.rows[1:]]
    assert dues and all(re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", d) for d in dues), dues


def test_finding8_english_dates_have_no_leading_zero(services: Services) -> None:
    conference_id = services.exchange.import_file(ENG).conference_id
    services.store.update(
        Action,
        services.store.load_record(conference_id).actions[0].id or 0,
        {"due": dt.date(2026, 12, 3)},
    )
    text = document_text(services.minutes.render_minutes(conference_id, CopyKind.FULL))
    assert "3 December 2026" in text
    assert not re.search(r"\b0\d [A-Z][a-z]+ \d{4}", text)
    assert "19 February 2027" in text and "2027-02-19" not in text


def test_the_letters_context_keys_are_kept(services: Services) -> None:
    conference_id = services.exchange.import_file(ENG).conference_id
    record = services.store.load_record(conference_id)
    context = minutes_context(
        record, services.profiles.find("ENG"), CopyKind.PARENT, {"core_group": dt.date(2026, 12, 4)}
    )
    for key in (
        "decisions",
        "key_worker",
        "core_group_by",
        "next_review",
        "date",
        "chair",
        "venue",
        "children_names",
        "case_reference",
        "today",
        "conference_type",
    ):
        assert key in context, key
    assert context["core_group_by"] == "4 December 2026"
    assert context["core_group_by_zh"] == "2026年12月4日"
    assert context["date_en"] == "20 November 2026" and context["date_zh"] == "2026年11月20日"
    assert [d["text"] for d in context["decisions"]] == [
        d.text for d in record.decisions if not d.restricted
    ]
    json.dumps(context)  # a final version keeps its content as JSON


# --- 6. the Chinese full copy through LibreOffice -----------------------------------------------


@pytest.mark.skipif(
    soffice() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or pdftotext is not installed",
)
def test_the_chinese_full_copy_reads_whole_in_the_pdf(services: Services, tmp_path: Path) -> None:
    from mdcc_desktop.export.pdf import docx_to_pdf

    conference_id = chinese_demo(services)
    data = services.minutes.render_minutes(conference_id, CopyKind.FULL)
    expected = headings(Document(io.BytesIO(data)), 1)
    (tmp_path / "m.pdf").write_bytes(docx_to_pdf(data))
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "m.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    squeezed = re.sub(r"\s+", "", text)  # LibreOffice spaces CJK from Latin
    at = -1
    for heading in expected:  # every heading, whole and in order
        found = squeezed.find(re.sub(r"\s+", "", heading), at + 1)
        assert found > at, heading
        at = found
    # The import gives the demo's background item its section (purpose), so it comes second.
    assert "一、出席者Attendance" in squeezed and "二、會議目的及個案背景" in squeezed
    assert "三、兒童及家庭成員" in squeezed
    for line in ("4.1Introductionandconfidentiality介紹及保密原則", "6.1虐待個案", "限閱文件"):
        assert line in squeezed, line
    assert "完整版本Fullcopy" in squeezed
    assert "不包括在本文本內" not in squeezed


def test_a_new_hk_conference_puts_each_items_notes_in_its_profiles_section(
    services: Services,
) -> None:
    """End to end: a conference made from the HK profile gets its agenda's sections; the notes
    typed under each item are printed under that section, numbered under it, and a restricted
    item in a text section keeps its number in the parents' copy."""
    from mdcc_desktop.domain.models import Child, ConferenceType, Language

    case = services.conferences.create_case("HK-TEST-1", "HK", [Child(name="陳小明")])
    conference_id = services.conferences.create_conference(
        case.id or 0,
        "HK",
        ConferenceType.INITIAL,
        dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC),
        language=Language.ZH_HANT,
    )
    record = services.store.load_record(conference_id)
    by_section = {g.section: g for g in record.agenda if g.section}
    assert {"purpose", "child_views", "parents_views"} <= set(by_section)
    for key, g in by_section.items():
        services.store.update(AgendaItem, g.id or 0, {"notes": f"NOTE-{key}"})
    secret = by_section["parents_views"]
    services.store.update(AgendaItem, secret.id or 0, {"restricted": True})
    full = docx(services, conference_id, CopyKind.FULL)
    parents = docx(services, conference_id, CopyKind.PARENT)
    h1 = headings(full, 1)
    assert h1 == headings(parents, 1)
    assert [h.split("、")[0] for h in h1] == [chinese_numeral(n) for n in range(1, len(h1) + 1)]
    views = next(h for h in h1 if "家長的意見 The parents' views" in h)
    n = h1.index(views) + 1
    texts = [p.text for p in full.paragraphs]
    assert texts[texts.index(views) + 1] == f"{n}.1 {secret.title}"
    assert "NOTE-parents_views" in texts
    assert f"{n}.1 ［此部分不包括在本文本內］ [not included in this copy]" in headings(parents, 2)
    assert "NOTE-parents_views" not in [p.text for p in parents.paragraphs]
    assert "NOTE-child_views" in [p.text for p in parents.paragraphs]
    purpose = next(h for h in h1 if "會議目的" in h)
    assert h1.index(purpose) < h1.index(views)


def test_an_hk_conference_in_english_says_its_status_in_both_languages(
    services: Services,
) -> None:
    """The HK demo is written in English, but its documents are bilingual: the DRAFT line too."""
    conference_id = services.exchange.import_file(DEMO).conference_id
    text = document_text(services.minutes.render_minutes(conference_id, CopyKind.FULL))
    assert "草稿（未發出，不得傳閱） DRAFT – not issued, not for circulation" in text
    assert "完整版本 Full copy" in text and "男 male" in text
    english = services.exchange.import_file(ENG).conference_id
    text = document_text(services.minutes.render_minutes(english, CopyKind.FULL))
    assert "DRAFT – not issued" in text and "草稿" not in text and "Full copy" in text


OLD_KEYS = [
    "organisation_name",
    "organisation_logo",
    "language",
    "copy_label",
    "title",
    "conference_type",
    "case_reference",
    "children_names",
    "date",
    "time",
    "venue",
    "chair",
    "minute_taker",
    "today",
    "present",
    "apologies",
    "not_present",
    "reports",
    "exclusions",
    "children",
    "household",
    "mandatory_report",
    "agenda",
    "safety",
    "decisions",
    "plan",
    "key_worker",
    "core_group",
    "core_group_by",
    "next_review",
    "distribution",
]


def test_content_kept_before_the_sections_still_prints(services: Services) -> None:
    """A version finalised before this issue kept its content in the old shape (no
    ``sections``; items numbered 1, 2, 3): today's templates still print it, numbered."""
    conference_id = services.exchange.import_file(ENG).conference_id
    record = services.store.load_record(conference_id)
    new = minutes_context(record, services.profiles.find("ENG"), CopyKind.FULL, {})
    old = {key: new[key] for key in OLD_KEYS}
    old["agenda"] = [
        {"number": n, "title": g["title"], "paragraphs": g["paragraphs"]}
        for n, g in enumerate(new["agenda"], start=1)
    ]
    old["decisions"] = [
        {k: v for k, v in d.items() if k not in ("mark", "withheld")} | {"number": n}
        for n, d in enumerate(new["decisions"], start=1)
    ]
    old["plan"] = [
        {k: x[k] for k in ("description", "owner", "agency", "due", "status")} for x in new["plan"]
    ]
    for template in ("eng-cpc", "hk-mdcc"):
        data = render(services.minutes.template(template).path, old, kind="minutes")
        doc = Document(io.BytesIO(data))
        assert headings(doc, 1)[:2] == ["1. Attendance", "2. The child and the household"]
        text = document_text(data)
        assert "5.1 Child protection plan" in text
        assert record.actions[0].description in text


@pytest.mark.skipif(
    soffice() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or pdftotext is not installed",
)
def test_the_plans_due_dates_stay_on_one_line_in_the_pdf(
    services: Services, tmp_path: Path
) -> None:
    """The plan has six columns now (number, outcome, action, owner, due and status, if not
    achieved): the longest English date still fits its column on one line."""
    from mdcc_desktop.export.pdf import docx_to_pdf

    conference_id = services.exchange.import_file(ENG).conference_id
    for action in services.store.load_record(conference_id).actions:
        services.store.update(Action, action.id or 0, {"due": dt.date(2026, 9, 30)})
    data = services.minutes.render_minutes(conference_id, CopyKind.FULL)
    (tmp_path / "m.pdf").write_bytes(docx_to_pdf(data))
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "m.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = len(services.store.load_record(conference_id).actions)
    assert text.count("30 September 2026") == rows
