"""What the shipped Word templates are built from (``template_builder`` for the minutes,
``letter_builder`` for the outcome letter): the labels of each jurisdiction's documents, the
page (A4, margins, fonts, heading styles kept with what follows), the RESTRICTED marking and the
letterhead in the header, the page numbers in the footer, and paragraphs, tables and fact
tables whose rows never split across a page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
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


def base_document() -> DocxDocument:
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


def marking_header_footer(doc: DocxDocument, labels: Labels) -> None:
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


def para(
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


def widths(table: Any, shares: list[float]) -> None:
    """Column widths as shares of the text width (Word reads the cells', LibreOffice the grid's)."""
    total = sum(shares)
    table.autofit = False
    for i, share in enumerate(shares):
        width = Cm(TEXT_WIDTH_CM * share / total)
        table.columns[i].width = width
        for cell in table.columns[i].cells:
            cell.width = width
    padding(table)


def padding(table: Any) -> None:
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


def rows_whole(table: Any, keep_with_next: bool = False) -> None:
    """No row of ``table`` splits across a page; ``keep_with_next``: the table stays with the
    paragraph after it (the signature after the distribution list)."""
    for row in table.rows:
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if keep_with_next:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def repeat_header(row: Any) -> None:
    """The header row repeats on every page the table runs over."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


MARK_COLOUR = RGBColor(0xB0, 0x00, 0x20)  # the RESTRICTED marking's red


def mark(doc: DocxDocument, text: str) -> None:
    """A paragraph in the RESTRICTED marking's bold red, kept with what it marks."""
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = True
    run.font.color.rgb = MARK_COLOUR
    paragraph.paragraph_format.keep_with_next = True


Cell = str | list[str] | tuple[str, str]


def fill(cell: Any, content: Cell) -> None:
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


def table(
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
    repeat_header(table.rows[0])
    widths(table, shares or [1.0] * len(headers))
    for i, text in enumerate(headers):
        cell = table.rows[0].cells[i]
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
        # The header row stays with the first row under it: with the heading kept with the
        # table, a heading and a header row never end a page without a row of their table.
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    table.rows[1].cells[0].text = "{%tr for " + loop + " %}"
    for i, content in enumerate(cells):
        fill(table.rows[2].cells[i], content)
    table.rows[3].cells[0].text = "{%tr endfor %}"
    if size is not None:
        for row in (table.rows[0], table.rows[2]):
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(size)
    rows_whole(table, keep_with_next=keep_with_next)  # after the text: cell.text drops pPr


def facts(doc: DocxDocument, rows: list[tuple[str, str]]) -> None:
    """A two-column table of labels and values."""
    facts = doc.add_table(rows=len(rows), cols=2)
    facts.style = "Table Grid"
    rows_whole(facts)
    widths(facts, [1, 2])
    for row, (label, value) in enumerate(rows):
        facts.rows[row].cells[0].paragraphs[0].add_run(label).bold = True
        facts.rows[row].cells[1].text = value


def block(doc: DocxDocument, tag: str, *lines: tuple[str, str | None]) -> None:
    """``{%p if tag %}``, the lines (text, style), ``{%p endif %}``."""
    para(doc, "{%p if " + tag + " %}")
    for text, style in lines:
        para(doc, text, style)
    para(doc, "{%p endif %}")


def save(doc: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return reproducible_zip(buffer.getvalue())
