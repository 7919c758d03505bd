"""Builds the shipped Word templates (``templates/minutes/*.docx``), reproducibly: the minutes
here, the outcome letter in ``letter_builder``, both from the pieces of ``docx_build``.

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

import sys
from pathlib import Path

from docx.document import Document as DocxDocument

from mdcc_desktop.export.docx_build import (
    ENG,
    HK,
    Labels,
    base_document,
    block,
    facts,
    mark,
    marking_header_footer,
    para,
    save,
    table,
)
from mdcc_desktop.export.letter_builder import ENG_LETTER, HK_LETTER, build_letter


def _attendance(doc: DocxDocument, labels: Labels) -> None:
    para(doc, "{%p if present %}")
    table(
        doc,
        [labels.name, labels.role, labels.agency, labels.arrived, labels.left],
        "a in present",
        ["{{ a.name }}", "{{ a.roles }}", "{{ a.agency }}", "{{ a.arrived }}", "{{ a.left }}"],
        [3, 2.8, 3.4, 1.5, 1.5],
    )
    para(doc, "{%p endif %}")
    para(doc, "{%p if apologies %}")
    para(doc, labels.apologies, "Heading 2")
    para(doc, "{%p for a in apologies %}")
    # Apologies with their reasons (the attendee's attendance note).
    para(
        doc,
        "{{ a.name }}{% if a.agency %} ({{ a.agency }}){% endif %}"
        "{% if a.note %} – {{ a.note }}{% endif %}",
        "List Bullet",
    )
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if not_present %}")
    para(doc, labels.not_present, "Heading 2")
    para(doc, "{%p for a in not_present %}")
    para(
        doc,
        "{{ a.name }}{% if a.agency %} ({{ a.agency }}){% endif %} – {{ a.attendance }}"
        "{% if a.note %}: {{ a.note }}{% endif %}",
        "List Bullet",
    )
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if reports %}")
    para(doc, labels.reports, "Heading 2")
    table(
        doc,
        [labels.author, labels.agency, labels.shared],
        "r in reports",
        ["{{ r.name }}", "{{ r.agency }}", "{{ r.shared }}"],
    )
    para(doc, "{%p endif %}")


def _family(doc: DocxDocument, labels: Labels) -> None:
    para(doc, "{%p if children %}")
    table(
        doc,
        [labels.name, labels.other_name, labels.born, labels.sex, labels.school],
        "c in children",
        ["{{ c.name }}", "{{ c.alt_name }}", "{{ c.born }}", "{{ c.sex }}", "{{ c.school }}"],
        [3, 2, 3.9, 1.6, 3],
    )
    para(doc, "{%p endif %}")
    para(doc, "{%p if household %}")
    para(doc, labels.household, "Heading 2")
    table(
        doc,
        [labels.name, labels.relationship, labels.notes],
        "h in household",
        [
            "{{ h.name }}{% if h.alt_name %} {{ h.alt_name }}{% endif %}",
            "{{ h.relationship }}",
            "{{ h.notes }}",
        ],
    )
    para(doc, "{%p endif %}")
    block(
        doc, "mandatory_report", (labels.mandatory, "Heading 2"), ("{{ mandatory_report }}", None)
    )


def _items(doc: DocxDocument) -> None:
    """The agenda items of a section (the discussion, or a text section): number, title,
    notes; a withheld one in the parents' copy is its number and "[not included ...]"."""
    para(doc, "{%p for item in s.entries %}")
    para(doc, "{{ item.number }} {{ item.title }}", "Heading 2")
    para(doc, "{%p if item.mark %}")
    mark(doc, "{{ item.mark }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p for para in item.paragraphs %}")
    para(doc, "{{ para }}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")


def _safety(doc: DocxDocument, labels: Labels) -> None:
    para(doc, "{%p for column in safety.columns %}")
    para(doc, "{{ column.label }}", "Heading 2")
    para(doc, "{%p for line in column.lines %}")
    para(doc, "{{ line }}", "List Bullet")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if safety.scaling %}")
    para(doc, labels.scaling, "Heading 2")
    table(
        doc,
        [labels.name, labels.score, labels.notes],
        "s in safety.scaling",
        ["{{ s.name }}", "{{ s.score }}", "{{ s.note }}"],
    )
    para(doc, "{%p endif %}")


def _decisions(doc: DocxDocument, labels: Labels) -> None:
    para(doc, "{%p for d in s.entries %}")
    para(doc, "{{ d.number }} {{ d.kind }}{% if d.value %}: {{ d.value }}{% endif %}", "Heading 2")
    para(doc, "{%p if d.mark %}")
    mark(doc, "{{ d.mark }}")
    para(doc, "{%p endif %}")
    # A decision's heading, text, reasons and how it was decided stay on one page.
    para(doc, "{%p if d.text %}")
    para(doc, "{{ d.text }}", keep_with_next=True)
    para(doc, "{%p endif %}")
    para(doc, "{%p if d.rationale %}")
    para(doc, labels.reasons + ": {{ d.rationale }}", keep_with_next=True)
    para(doc, "{%p endif %}")
    para(doc, "{%p if d.method %}")
    para(doc, labels.method + ": {{ d.method }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p for x in d.dissent %}")
    para(
        doc,
        labels.dissent
        + " – {{ x.name }}{% if x.agency %} ({{ x.agency }}){% endif %}: {{ x.view }}",
        "List Bullet",
    )
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")


def _plan(doc: DocxDocument, labels: Labels) -> None:
    para(doc, "{%p if plan %}")
    # Each action with the outcome it serves and what happens if it is not achieved; the due
    # column fits "30 September 2026" and "2026年12月30日", the status under the date.
    table(
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
    para(doc, "")
    para(doc, "{%p endif %}")
    para(doc, "{%p if key_worker or core_group %}")
    facts(doc, [(labels.key_worker, "{{ key_worker }}"), (labels.core_group, "{{ core_group }}")])
    para(doc, "{%p endif %}")


def build_minutes(labels: Labels) -> bytes:
    doc = base_document()
    marking_header_footer(doc, labels)
    para(doc, "{# mdcc kind: minutes #}" + labels.title, "Title")
    para(doc, "{{ title }}", bold=True)
    facts(
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
    para(doc, "{%p for s in sections %}")
    para(doc, "{{ s.heading }}", "Heading 1")
    para(doc, "{%p if s.mark %}")
    mark(doc, "{{ s.mark }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if s.kind == 'withheld' %}")
    para(doc, "{{ not_included }}")
    para(doc, "{%p elif s.kind == 'items' %}")
    _items(doc)
    para(doc, "{%p elif s.kind == 'attendance' %}")
    _attendance(doc, labels)
    para(doc, "{%p elif s.kind == 'family' %}")
    _family(doc, labels)
    para(doc, "{%p elif s.kind == 'safety' %}")
    _safety(doc, labels)
    para(doc, "{%p elif s.kind == 'decisions' %}")
    _decisions(doc, labels)
    para(doc, "{%p elif s.kind == 'plan' %}")
    _plan(doc, labels)
    para(doc, "{%p elif s.kind == 'meetings' %}")
    table(
        doc,
        [labels.meeting, labels.when, labels.venue],
        "m in meetings",
        ["{{ m.label }}", "{{ m.when }}", "{{ m.venue }}"],
        [2.4, 3.4, 2.2],
    )
    para(doc, "{%p elif s.kind == 'exclusions' %}")
    table(
        doc,
        [labels.name, labels.stepped_out, labels.returned, labels.why],
        "e in exclusions",
        ["{{ e.name }}", "{{ e.out }}", "{{ e.back }}", "{{ e.reason }}"],
        [3, 1.6, 1.6, 4],
    )
    para(doc, "{%p elif s.kind == 'distribution' %}")
    table(
        doc,
        [labels.name, labels.agency, labels.copy],
        "r in distribution",
        ["{{ r.name }}", "{{ r.agency }}", "{{ r.copy_kind }}"],
    )
    para(doc, "{%p elif s.kind == 'confidentiality' %}")
    para(doc, "{%p for para in confidentiality %}")
    para(doc, "{{ para }}", keep_with_next=True)
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    # The signature block is kept with the end of the record: never alone on the last page.
    para(doc, "", keep_with_next=True)
    para(doc, labels.signature)
    return save(doc)


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
