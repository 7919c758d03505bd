"""Builds the shipped outcome letter templates (``templates/minutes/letter*.docx``): one page
a family can read, addressed and greeted by name, with the decisions in plain words, the plan,
the key worker, the meetings booked and how to complain (see ``export/letter.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from mdcc_desktop.export.docx_build import (
    ENG,
    HK,
    Labels,
    base_document,
    marking_header_footer,
    para,
    save,
    table,
)


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
    doc = base_document()
    marking_header_footer(doc, text.marking)
    _right(doc, "{# mdcc kind: letter #}{{ reference }}")
    _right(doc, "{{ today }}")
    para(doc, "")
    para(doc, "{%p for line in address %}")
    para(doc, "{{ line }}")
    doc.paragraphs[-1].paragraph_format.space_after = Pt(0)  # an address block, line by line
    para(doc, "{%p endfor %}")
    para(doc, "")
    para(doc, "{{ greeting }}")
    para(doc, "{{ heading }}", "Heading 1")
    para(doc, "{{ opening }}")
    para(doc, "{%p if decisions %}")
    para(doc, text.decided, "Heading 2")
    para(doc, "{%p for d in decisions %}")
    para(doc, "{{ d }}", "List Bullet")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if plan %}")
    para(doc, text.plan, "Heading 2")
    para(doc, text.plan_intro, keep_with_next=True)
    table(
        doc,
        [text.what, text.who, text.when],
        "x in plan",
        ["{{ x.what }}", "{{ x.who }}", "{{ x.when }}"],
        [6, 4.4, 4],  # "27 November 2026" on one line
    )
    para(doc, "{%p endif %}")
    para(doc, "{%p if key_worker %}")
    para(doc, text.key_worker, "Heading 2")
    para(doc, "{%p for line in key_worker %}")
    para(doc, "{{ line }}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if core_group or review %}")
    para(doc, text.meetings, "Heading 2")
    for line in ("core_group", "core_group_members", "review"):
        para(doc, "{%p if " + line + " %}")
        para(doc, "{{ " + line + " }}")
        para(doc, "{%p endif %}")
    para(doc, "{%p endif %}")
    para(doc, text.disagree, "Heading 2")
    para(doc, "{{ complaints }}", keep_with_next=True)
    para(doc, "", keep_with_next=True)
    para(doc, "{{ closing }}", keep_with_next=True)
    para(doc, "", keep_with_next=True)
    para(doc, "", keep_with_next=True)
    para(doc, "{{ chair }}", keep_with_next=True)
    para(doc, "{{ signed }}")
    return save(doc)
