"""Builds the shipped Word templates (``templates/minutes/*.docx``), reproducibly.

Run ``python -m mdcc_desktop.export.template_builder [FOLDER]`` after changing this file; the
result is committed, and a test checks that building again gives the same bytes. The .docx
files hold docxtpl (Jinja2) tags, so an organisation can open them in Word or LibreOffice and
restyle them (fonts, logo, spacing, wording) without touching code; the tags they can use are
the keys of the context built in ``mdcc_desktop.export.minutes``.

The minutes print the context's ``sections`` in a loop, in the order the conference's profile
gives (``minutes_sections``), each under its number and title; a section's ``kind`` says which
block of the template prints it (``items`` for the discussion and the text sections, else the
part's own key, or ``withheld`` where the parents' copy prints only "[not included in this
copy]"). An organisation's own template can print them in any other way.

Each template declares what it is for in a Jinja comment in its first paragraph
(``{# mdcc kind: minutes #}`` or ``letter``): the app refuses a letter template for minutes.
Layout a chair signs: headings are bold and kept with what follows through their styles (no
run switches bold on or off, so restyling Heading 1 in Word restyles every heading), table rows
do not split across pages, the date columns fit "30 September 2026" and "2026年12月30日", and
the signature block is kept with the end of the record.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from mdcc_desktop.export.docx_tools import (
    EAST_ASIAN_FONT,
    LATIN_FONT,
    add_field,
    reproducible_zip,
    set_east_asian_font,
)


@dataclass(frozen=True)
class Labels:
    """The fixed words of one template; the HK one is bilingual (Traditional Chinese, English).
    The numbered sections' titles are not here: they come from the profile, in its order."""

    marking: str
    page: tuple[str, ...]  # footer text; "PAGE" and "NUMPAGES" become Word fields
    title: str
    particulars: str
    case: str
    date: str
    time: str
    venue: str
    chair: str
    minute_taker: str
    name: str
    role: str
    agency: str
    arrived: str
    left: str
    apologies: str
    not_present: str
    reports: str
    author: str
    shared: str
    children: str
    other_name: str
    born: str
    sex: str
    school: str
    household: str
    relationship: str
    notes: str
    mandatory: str
    scaling: str
    score: str
    reasons: str
    method: str
    dissent: str
    number: str
    outcome: str
    action: str
    owner: str
    due: str
    contingency: str
    key_worker: str
    core_group: str
    meeting: str
    when: str
    stepped_out: str
    returned: str
    why: str
    copy: str
    signature: str


ENG = Labels(
    marking="RESTRICTED / CONFIDENTIAL",
    page=("Page ", "PAGE", " of ", "NUMPAGES"),
    title="Record of the {{ conference_type }} child protection conference",
    particulars="Conference details",
    case="Case reference",
    date="Date",
    time="Time",
    venue="Venue",
    chair="Chair",
    minute_taker="Minutes taken by",
    name="Name",
    role="Role",
    agency="Agency / job title",
    arrived="Arrived",
    left="Left",
    apologies="Apologies",
    not_present="Invited, not present",
    reports="Reports received",
    author="Report from",
    shared="Shared with parents",
    children="Children",
    other_name="Other name",
    born="Date of birth",
    sex="Sex",
    school="School",
    household="Household",
    relationship="Relationship",
    notes="Notes",
    mandatory="Mandatory report",
    scaling="Safety scale (0 = the child cannot live at home, 10 = safe enough to close)",
    score="Scale",
    reasons="Reasons",
    method="How decided",
    dissent="Dissent",
    number="No.",
    outcome="Outcome wanted",
    action="Action",
    owner="Owner",
    due="Due / status",
    contingency="If not achieved",
    key_worker="Lead social worker",
    core_group="Core group",
    meeting="Meeting",
    when="Date and time",
    stepped_out="Left the room",
    returned="Returned",
    why="Why",
    copy="Copy",
    signature="Chair's signature: ______________________    Date: ______________",
)

HK = Labels(
    marking="RESTRICTED 限閱文件",
    page=("第 ", "PAGE", " 頁，共 ", "NUMPAGES", " 頁 · Page ", "PAGE", " of ", "NUMPAGES"),
    title="多專業個案會議紀錄 Minutes of the Multi-disciplinary Case Conference "
    "({{ conference_type }})",
    particulars="會議資料 Particulars",
    case="個案編號 Case reference",
    date="日期 Date",
    time="時間 Time",
    venue="地點 Venue",
    chair="會議主席 Chairperson",
    minute_taker="會議記錄員 Minutes taken by",
    name="姓名 Name",
    role="角色 Role",
    agency="機構／職位 Agency / post",
    arrived="到達 Arrived",
    left="離開 Left",
    apologies="致歉缺席 Apologies",
    not_present="已邀請但未出席 Invited, not present",
    reports="已收報告 Reports received",
    author="報告來自 Report from",
    shared="已與家長分享 Shared with parents",
    children="兒童 Children",
    other_name="中文姓名 Other name",
    born="出生日期 Date of birth",
    sex="性別 Sex",
    school="學校 School",
    household="家庭成員 Household",
    relationship="關係 Relationship",
    notes="備註 Notes",
    mandatory="強制舉報 Mandatory report",
    scaling="安全評分 Safety scale (0–10)",
    score="評分 Scale",
    reasons="理由 Reasons",
    method="決定方式 How decided",
    dissent="異議 Dissent",
    number="編號 No.",
    outcome="預期成效 Outcome wanted",
    action="跟進行動 Action",
    owner="負責人 Owner",
    due="限期／狀況 Due / status",
    contingency="應變安排 If not achieved",
    key_worker="主責社工 Key worker",
    core_group="核心小組 Core group",
    meeting="會議 Meeting",
    when="日期及時間 Date and time",
    stepped_out="暫時離場 Left the room",
    returned="返回 Returned",
    why="原因 Why",
    copy="文本 Copy",
    signature="會議主席簽署 Chairperson's signature: ____________________   "
    "日期 Date: ____________",
)


def _base_document() -> DocxDocument:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for margin in ("left_margin", "right_margin"):
        setattr(section, margin, Cm(2.0))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(1.8)
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(10.5)
    set_east_asian_font(normal.element.get_or_add_rPr(), EAST_ASIAN_FONT)
    for name, size in (("Title", 17), ("Heading 1", 13), ("Heading 2", 11)):
        style = doc.styles[name]
        style.font.name = LATIN_FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        style.paragraph_format.keep_with_next = True
        set_east_asian_font(style.element.get_or_add_rPr(), EAST_ASIAN_FONT)
    props = doc.core_properties
    props.author = "MDCC Desktop"
    props.last_modified_by = "MDCC Desktop"
    props.title = ""
    props.subject = ""
    props.keywords = ""
    props.comments = ""
    props.revision = 1
    import datetime as dt

    props.created = props.modified = dt.datetime(2026, 1, 1)
    return doc


def _marking_header_footer(doc: DocxDocument, labels: Labels) -> None:
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = header.add_run(labels.marking)
    run.bold = True
    run.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)
    header.add_run("  ·  {{ copy_label }}")
    # The letterhead: the organisation's logo and name (Settings), empty when unset.
    letterhead = section.header.add_paragraph()
    letterhead.alignment = WD_ALIGN_PARAGRAPH.CENTER
    letterhead.add_run(
        "{{ organisation_logo }}{% if organisation_name %} {{ organisation_name }}{% endif %}"
    )
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("{{ case_reference }}  ·  ")
    for part in labels.page:
        if part in ("PAGE", "NUMPAGES"):
            add_field(footer, part)
        else:
            footer.add_run(part)


def _p(
    doc: DocxDocument,
    text: str,
    style: str | None = None,
    bold: bool = False,
    keep_with_next: bool = False,
) -> None:
    """A paragraph; ``bold`` sets bold on its run, else the run says nothing of bold and the
    style decides (a heading is bold because Heading 1 is)."""
    paragraph = doc.add_paragraph(style=style)
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    if keep_with_next:
        paragraph.paragraph_format.keep_with_next = True


TEXT_WIDTH_CM = 17.0


def _widths(table: Any, shares: list[float]) -> None:
    """Column widths as shares of the text width (Word reads the cells', LibreOffice the grid's)."""
    total = sum(shares)
    table.autofit = False
    for i, share in enumerate(shares):
        width = Cm(TEXT_WIDTH_CM * share / total)
        table.columns[i].width = width
        for cell in table.columns[i].cells:
            cell.width = width
    _padding(table)


def _padding(table: Any) -> None:
    """A little space above and below the text of every cell (Table Grid has none: text sat on
    the cell's top line), and the usual space at the sides."""
    properties = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 34), ("left", 108), ("bottom", 34), ("right", 108)):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)


def _rows_whole(table: Any, keep_with_next: bool = False) -> None:
    """No row of ``table`` splits across a page; ``keep_with_next``: the table stays with the
    paragraph after it (the signature after the distribution list)."""
    for row in table.rows:
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if keep_with_next:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def _repeat_header(row: Any) -> None:
    """The header row repeats on every page the table runs over."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


MARK_COLOUR = RGBColor(0xB0, 0x00, 0x20)  # the RESTRICTED marking's red


def _mark(doc: DocxDocument, text: str) -> None:
    """A paragraph in the RESTRICTED marking's bold red, kept with what it marks."""
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = True
    run.font.color.rgb = MARK_COLOUR
    paragraph.paragraph_format.keep_with_next = True


Cell = str | list[str] | tuple[str, str]


def _fill(cell: Any, content: Cell) -> None:
    """A cell's text: one paragraph (str), several (list), or one paragraph of a marking run
    in bold red and a plain run (tuple: the plan's "RESTRICTED: " before an action)."""
    if isinstance(content, str):
        cell.text = content
        return
    if isinstance(content, tuple):
        cell.text = ""
        marking = cell.paragraphs[0].add_run(content[0])
        marking.bold = True
        marking.font.color.rgb = MARK_COLOUR
        cell.paragraphs[0].add_run(content[1])
        return
    cell.text = content[0]
    for text in content[1:]:
        cell.add_paragraph(text)


def _table(
    doc: DocxDocument,
    headers: list[str],
    loop: str,
    cells: list[Cell],
    shares: list[float] | None = None,
    *,
    keep_with_next: bool = False,
    size: float | None = None,
) -> None:
    """A table with a header row and one row repeated by docxtpl's ``{%tr for %}``; ``size``:
    its text's size in points (else the Normal style's)."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    _repeat_header(table.rows[0])
    _widths(table, shares or [1.0] * len(headers))
    for i, text in enumerate(headers):
        cell = table.rows[0].cells[i]
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
        # The header row stays with the first row under it: with the heading kept with the
        # table, a heading and a header row never end a page without a row of their table.
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    table.rows[1].cells[0].text = "{%tr for " + loop + " %}"
    for i, content in enumerate(cells):
        _fill(table.rows[2].cells[i], content)
    table.rows[3].cells[0].text = "{%tr endfor %}"
    if size is not None:
        for row in (table.rows[0], table.rows[2]):
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(size)
    _rows_whole(table, keep_with_next=keep_with_next)  # after the text: cell.text drops pPr


def _facts(doc: DocxDocument, rows: list[tuple[str, str]]) -> None:
    """A two-column table of labels and values."""
    facts = doc.add_table(rows=len(rows), cols=2)
    facts.style = "Table Grid"
    _rows_whole(facts)
    _widths(facts, [1, 2])
    for row, (label, value) in enumerate(rows):
        facts.rows[row].cells[0].paragraphs[0].add_run(label).bold = True
        facts.rows[row].cells[1].text = value


def _block(doc: DocxDocument, tag: str, *lines: tuple[str, str | None]) -> None:
    """``{%p if tag %}``, the lines (text, style), ``{%p endif %}``."""
    _p(doc, "{%p if " + tag + " %}")
    for text, style in lines:
        _p(doc, text, style)
    _p(doc, "{%p endif %}")


def _attendance(doc: DocxDocument, labels: Labels) -> None:
    _p(doc, "{%p if present %}")
    _table(
        doc,
        [labels.name, labels.role, labels.agency, labels.arrived, labels.left],
        "a in present",
        ["{{ a.name }}", "{{ a.roles }}", "{{ a.agency }}", "{{ a.arrived }}", "{{ a.left }}"],
        [3, 2.8, 3.4, 1.5, 1.5],
    )
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if apologies %}")
    _p(doc, labels.apologies, "Heading 2")
    _p(doc, "{%p for a in apologies %}")
    # Apologies with their reasons (the attendee's attendance note).
    _p(
        doc,
        "{{ a.name }}{% if a.agency %} ({{ a.agency }}){% endif %}"
        "{% if a.note %} – {{ a.note }}{% endif %}",
        "List Bullet",
    )
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if not_present %}")
    _p(doc, labels.not_present, "Heading 2")
    _p(doc, "{%p for a in not_present %}")
    _p(
        doc,
        "{{ a.name }}{% if a.agency %} ({{ a.agency }}){% endif %} – {{ a.attendance }}"
        "{% if a.note %}: {{ a.note }}{% endif %}",
        "List Bullet",
    )
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if reports %}")
    _p(doc, labels.reports, "Heading 2")
    _table(
        doc,
        [labels.author, labels.agency, labels.shared],
        "r in reports",
        ["{{ r.name }}", "{{ r.agency }}", "{{ r.shared }}"],
    )
    _p(doc, "{%p endif %}")


def _family(doc: DocxDocument, labels: Labels) -> None:
    _p(doc, "{%p if children %}")
    _table(
        doc,
        [labels.name, labels.other_name, labels.born, labels.sex, labels.school],
        "c in children",
        ["{{ c.name }}", "{{ c.alt_name }}", "{{ c.born }}", "{{ c.sex }}", "{{ c.school }}"],
        [3, 2, 3.9, 1.6, 3],
    )
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if household %}")
    _p(doc, labels.household, "Heading 2")
    _table(
        doc,
        [labels.name, labels.relationship, labels.notes],
        "h in household",
        [
            "{{ h.name }}{% if h.alt_name %} {{ h.alt_name }}{% endif %}",
            "{{ h.relationship }}",
            "{{ h.notes }}",
        ],
    )
    _p(doc, "{%p endif %}")
    _block(
        doc, "mandatory_report", (labels.mandatory, "Heading 2"), ("{{ mandatory_report }}", None)
    )


def _items(doc: DocxDocument) -> None:
    """The agenda items of a section (the discussion, or a text section): number, title,
    notes; a withheld one in the parents' copy is its number and "[not included ...]"."""
    _p(doc, "{%p for item in s.entries %}")
    _p(doc, "{{ item.number }} {{ item.title }}", "Heading 2")
    _p(doc, "{%p if item.mark %}")
    _mark(doc, "{{ item.mark }}")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p for para in item.paragraphs %}")
    _p(doc, "{{ para }}")
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p endfor %}")


def _safety(doc: DocxDocument, labels: Labels) -> None:
    _p(doc, "{%p for column in safety.columns %}")
    _p(doc, "{{ column.label }}", "Heading 2")
    _p(doc, "{%p for line in column.lines %}")
    _p(doc, "{{ line }}", "List Bullet")
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p if safety.scaling %}")
    _p(doc, labels.scaling, "Heading 2")
    _table(
        doc,
        [labels.name, labels.score, labels.notes],
        "s in safety.scaling",
        ["{{ s.name }}", "{{ s.score }}", "{{ s.note }}"],
    )
    _p(doc, "{%p endif %}")


def _decisions(doc: DocxDocument, labels: Labels) -> None:
    _p(doc, "{%p for d in s.entries %}")
    _p(doc, "{{ d.number }} {{ d.kind }}{% if d.value %}: {{ d.value }}{% endif %}", "Heading 2")
    _p(doc, "{%p if d.mark %}")
    _mark(doc, "{{ d.mark }}")
    _p(doc, "{%p endif %}")
    # A decision's heading, text, reasons and how it was decided stay on one page.
    _p(doc, "{%p if d.text %}")
    _p(doc, "{{ d.text }}", keep_with_next=True)
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if d.rationale %}")
    _p(doc, labels.reasons + ": {{ d.rationale }}", keep_with_next=True)
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if d.method %}")
    _p(doc, labels.method + ": {{ d.method }}")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p for x in d.dissent %}")
    _p(
        doc,
        labels.dissent
        + " – {{ x.name }}{% if x.agency %} ({{ x.agency }}){% endif %}: {{ x.view }}",
        "List Bullet",
    )
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p endfor %}")


def _plan(doc: DocxDocument, labels: Labels) -> None:
    _p(doc, "{%p if plan %}")
    # Each action with the outcome it serves and what happens if it is not achieved; the due
    # column fits "30 September 2026" and "2026年12月30日", the status under the date.
    _table(
        doc,
        [
            labels.number,
            labels.outcome,
            labels.action,
            labels.owner,
            labels.due,
            labels.contingency,
        ],
        "x in plan",
        [
            "{{ x.number }}",
            "{{ x.outcome }}",
            ("{{ x.mark }}", "{{ x.description }}"),
            ["{{ x.owner }}", "{{ x.agency }}"],
            ["{{ x.due }}", "{{ x.status }}"],
            "{{ x.contingency }}",
        ],
        [1.1, 2.7, 3.6, 2.9, 4.0, 2.7],
        size=9.5,
    )
    _p(doc, "")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if key_worker or core_group %}")
    _facts(doc, [(labels.key_worker, "{{ key_worker }}"), (labels.core_group, "{{ core_group }}")])
    _p(doc, "{%p endif %}")


def build_minutes(labels: Labels) -> bytes:
    doc = _base_document()
    _marking_header_footer(doc, labels)
    _p(doc, "{# mdcc kind: minutes #}" + labels.title, "Title")
    _p(doc, "{{ title }}", bold=True)
    _facts(
        doc,
        [
            (labels.case, "{{ case_reference }}"),
            (labels.date, "{{ date }}"),
            (labels.time, "{{ time }}"),
            (labels.venue, "{{ venue }}"),
            (labels.chair, "{{ chair }}"),
            (labels.minute_taker, "{{ minute_taker }}"),
        ],
    )

    # The numbered sections, in the profile's order (the context leaves out the empty ones).
    _p(doc, "{%p for s in sections %}")
    _p(doc, "{{ s.heading }}", "Heading 1")
    _p(doc, "{%p if s.mark %}")
    _mark(doc, "{{ s.mark }}")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if s.kind == 'withheld' %}")
    _p(doc, "{{ not_included }}")
    _p(doc, "{%p elif s.kind == 'items' %}")
    _items(doc)
    _p(doc, "{%p elif s.kind == 'attendance' %}")
    _attendance(doc, labels)
    _p(doc, "{%p elif s.kind == 'family' %}")
    _family(doc, labels)
    _p(doc, "{%p elif s.kind == 'safety' %}")
    _safety(doc, labels)
    _p(doc, "{%p elif s.kind == 'decisions' %}")
    _decisions(doc, labels)
    _p(doc, "{%p elif s.kind == 'plan' %}")
    _plan(doc, labels)
    _p(doc, "{%p elif s.kind == 'meetings' %}")
    _table(
        doc,
        [labels.meeting, labels.when, labels.venue],
        "m in meetings",
        ["{{ m.label }}", "{{ m.when }}", "{{ m.venue }}"],
        [2.4, 3.4, 2.2],
    )
    _p(doc, "{%p elif s.kind == 'exclusions' %}")
    _table(
        doc,
        [labels.name, labels.stepped_out, labels.returned, labels.why],
        "e in exclusions",
        ["{{ e.name }}", "{{ e.out }}", "{{ e.back }}", "{{ e.reason }}"],
        [3, 1.6, 1.6, 4],
    )
    _p(doc, "{%p elif s.kind == 'distribution' %}")
    _table(
        doc,
        [labels.name, labels.agency, labels.copy],
        "r in distribution",
        ["{{ r.name }}", "{{ r.agency }}", "{{ r.copy_kind }}"],
    )
    _p(doc, "{%p elif s.kind == 'confidentiality' %}")
    _p(doc, "{%p for para in confidentiality %}")
    _p(doc, "{{ para }}", keep_with_next=True)
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p endfor %}")
    # The signature block is kept with the end of the record: never alone on the last page.
    _p(doc, "", keep_with_next=True)
    _p(doc, labels.signature)
    return _save(doc)


@dataclass(frozen=True)
class LetterText:
    """The headings of the outcome letter (its sentences are made in ``export/letter.py``)."""

    marking: Labels
    decided: str
    plan: str
    plan_intro: str
    what: str
    who: str
    when: str
    key_worker: str
    meetings: str
    disagree: str


ENG_LETTER = LetterText(
    marking=ENG,
    decided="What the conference decided",
    plan="The plan",
    plan_intro="What will be done, who will do it and by when:",
    what="What will be done",
    who="Who",
    when="By when",
    key_worker="Key worker",
    meetings="The next meetings",
    disagree="If you disagree",
)

HK_LETTER = LetterText(
    marking=HK,
    decided="會議的決定 What the conference decided",
    plan="跟進計劃 The plan",
    plan_intro="跟進事項、負責人及限期： What will be done, who will do it and by when:",
    what="跟進事項 What will be done",
    who="負責人 Who",
    when="限期 By when",
    key_worker="主責社工 Key worker",
    meetings="往後的會議 The next meetings",
    disagree="如有異議 If you disagree",
)


def _right(doc: DocxDocument, text: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.add_run(text)


def build_letter(text: LetterText = ENG_LETTER) -> bytes:
    """One letter to one recipient (or household): address, greeting, the decisions in plain
    words, the plan, the key worker's contact, the next meetings, how to complain."""
    doc = _base_document()
    _marking_header_footer(doc, text.marking)
    _right(doc, "{# mdcc kind: letter #}{{ reference }}")
    _right(doc, "{{ today }}")
    _p(doc, "")
    _p(doc, "{%p for line in address %}")
    _p(doc, "{{ line }}")
    doc.paragraphs[-1].paragraph_format.space_after = Pt(0)  # an address block, line by line
    _p(doc, "{%p endfor %}")
    _p(doc, "")
    _p(doc, "{{ greeting }}")
    _p(doc, "{{ heading }}", "Heading 1")
    _p(doc, "{{ opening }}")
    _p(doc, "{%p if decisions %}")
    _p(doc, text.decided, "Heading 2")
    _p(doc, "{%p for d in decisions %}")
    _p(doc, "{{ d }}", "List Bullet")
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if plan %}")
    _p(doc, text.plan, "Heading 2")
    _p(doc, text.plan_intro, keep_with_next=True)
    _table(
        doc,
        [text.what, text.who, text.when],
        "x in plan",
        ["{{ x.what }}", "{{ x.who }}", "{{ x.when }}"],
        [6, 4.4, 4],  # "27 November 2026" on one line
    )
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if key_worker %}")
    _p(doc, text.key_worker, "Heading 2")
    _p(doc, "{%p for line in key_worker %}")
    _p(doc, "{{ line }}")
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if core_group or review %}")
    _p(doc, text.meetings, "Heading 2")
    for line in ("core_group", "core_group_members", "review"):
        _p(doc, "{%p if " + line + " %}")
        _p(doc, "{{ " + line + " }}")
        _p(doc, "{%p endif %}")
    _p(doc, "{%p endif %}")
    _p(doc, text.disagree, "Heading 2")
    _p(doc, "{{ complaints }}", keep_with_next=True)
    _p(doc, "", keep_with_next=True)
    _p(doc, "{{ closing }}", keep_with_next=True)
    _p(doc, "", keep_with_next=True)
    _p(doc, "", keep_with_next=True)
    _p(doc, "{{ chair }}", keep_with_next=True)
    _p(doc, "{{ signed }}")
    return _save(doc)


def _save(doc: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return reproducible_zip(buffer.getvalue())


def build_all() -> dict[str, bytes]:
    return {
        "hk-mdcc": build_minutes(HK),
        "eng-cpc": build_minutes(ENG),
        "letter": build_letter(ENG_LETTER),
        "letter-hk": build_letter(HK_LETTER),
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = (
        Path(args[0]) if args else Path(__file__).resolve().parents[2] / "templates" / "minutes"
    )
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in build_all().items():
        (folder / f"{name}.docx").write_bytes(data)
        print(f"wrote {folder / (name + '.docx')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
