"""Word minutes and the outcome letter, rendered from a conference record and a .docx template.

``minutes_context`` decides what each copy may hold. What the parents' copy leaves out is
``domain.withheld``'s one rule (restricted items and decisions, what was discussed while a
parent or carer was out of the room, what follows from those, unshared reports, the
exclusions): the parents' copy prints the number of each withheld part with "[not included in
this copy]", the full copy marks it RESTRICTED, and both copies keep the same numbering. The
mandatory reporter's identity is never read at all. Every string is made XML-safe (forbidden
characters become a visible �). Rendering uses docxtpl with a sandboxed Jinja2 environment,
because a template may come from a user's folder.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document
from docxtpl import DocxTemplate
from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from mdcc_desktop.domain.dates import date_en, date_zh
from mdcc_desktop.domain.messages import msg
from mdcc_desktop.domain.models import (
    AgendaItem,
    Attendance,
    Attendee,
    ConferenceRecord,
    CopyKind,
    Role,
    SafetySection,
)
from mdcc_desktop.domain.profiles import DEFAULT_MINUTES_SECTIONS, Profile
from mdcc_desktop.domain.withheld import PartKind, withheld
from mdcc_desktop.export.docx_tools import (
    east_asian_fonts_everywhere,
    scrub_properties,
    stamp_rows,
    xml_safe_tree,
)
from mdcc_desktop.export.template_checks import (
    MAX_OUTPUT_CHARS,
    BrokenTemplateError,
    LimitedEnvironment,
    LimitError,
    check,
)
from mdcc_desktop.export.wording import (
    ATTENDANCE_LABELS,
    COPY_LABELS,
    METHOD_LABELS,
    NOT_INCLUDED,
    REASONS,
    RESTRICTED_MARK,
    RESTRICTED_SHORT,
    SEX_LABELS,
    STATUS_LABELS,
    TYPE_LABELS,
    YES_NO,
    ZH_ATTENDANCE,
    ZH_METHODS,
    ZH_RELATIONSHIPS,
    ZH_ROLES,
    ZH_SEX,
    ZH_STATUS,
    ZH_TYPES,
    chinese_number,
    confidentiality,
    hhmm,
    mandatory_sentence,
    section_heading,
)

__all__ = ["BrokenTemplateError", "document_text", "minutes_context", "render", "upgrade_context"]


SAFETY_LABELS = {
    SafetySection.WORRIES: "What are we worried about?",
    SafetySection.DANGER_STATEMENTS: "Danger statements",
    SafetySection.WORKING_WELL: "What is working well?",
    SafetySection.NEEDS_TO_HAPPEN: "What needs to happen?",
    SafetySection.SAFETY_GOALS: "Safety goals",
}


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


ZH_SAFETY = {
    SafetySection.WORRIES: "我們擔心甚麼？",
    SafetySection.DANGER_STATEMENTS: "危險陳述",
    SafetySection.WORKING_WELL: "甚麼做得好？",
    SafetySection.NEEDS_TO_HAPPEN: "需要做甚麼？",
    SafetySection.SAFETY_GOALS: "安全目標",
}


def _paragraphs(text: str | None) -> list[str]:
    return [line for line in (text or "").splitlines() if line.strip()]


def minutes_context(
    r: ConferenceRecord,
    profile: Profile | None,
    copy: CopyKind,
    deadlines: dict[str, dt.date] | None = None,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Everything a minutes or letter template may print, for one copy of one conference.

    ``sections``: the minutes' numbered parts in the profile's order, each left out when it
    has nothing to print and numbered without gaps (1. 2. 3., or 一、二、三、 in a Hong Kong
    document); the items under a section are numbered under it (4.1, 4.2). Both copies have
    the same sections and numbers: where the parents' copy leaves a part out
    (``domain.withheld``), it prints the number and "[not included in this copy]"; the full
    copy marks those parts RESTRICTED."""
    c = r.conference
    parents = copy == CopyKind.PARENT
    language = c.language.value if c.language else (profile.language if profile else "en")
    zh = language == "zh-Hant"  # written in Chinese: dates standing alone are Chinese
    sections_spec = profile.minutes_sections if profile else DEFAULT_MINUTES_SECTIONS
    # Hong Kong documents are bilingual: each generated phrase in Chinese, then English.
    bilingual = zh or any(s.title_zh for s in sections_spec)

    def both(chinese: str | None, english: str) -> str:
        return f"{chinese} {english}" if bilingual and chinese else english

    def pair(words: tuple[str, str]) -> str:
        return both(words[0], words[1])

    dates: dict[dt.date, str] = {}  # 100,000 actions fall due on a few hundred days

    def date_text(value: dt.date | None) -> str:
        if value is None:
            return ""
        if value not in dates:
            dates[value] = date_zh(value) if zh else date_en(value)
        return dates[value]

    gone = withheld(r)
    reasons = {(p.kind, p.id): p.reason for p in gone.parts}
    not_included = pair(NOT_INCLUDED)

    def mark(kind: PartKind, part_id: int | None) -> str:
        """In the full copy, the RESTRICTED mark of a part the parents' copy leaves out."""
        reason = reasons.get((kind, part_id)) if part_id is not None else None
        if reason is None or parents:
            return ""
        zh_why, en_why = REASONS.get(reason.value, ("", ""))
        english = RESTRICTED_MARK[1] + (f" ({en_why})" if en_why else "")
        chinese = RESTRICTED_MARK[0] + (f"（{zh_why}）" if zh_why else "")
        return both(chinese, english)

    def hidden(kind: PartKind, part_id: int | None) -> bool:
        return parents and part_id is not None and (kind, part_id) in reasons

    by_id = {a.id: a for a in r.attendees}
    refs = {a.ref or str(a.id): a for a in r.attendees}

    def name(attendee_id: int | None) -> str:
        a = by_id.get(attendee_id)
        return a.name if a else ""

    def exclusion_rows(a: Attendee) -> list[dict[str, str]]:
        if parents:  # when and why a parent was asked to leave is the full copy's alone
            return []
        return [
            {
                "name": a.name,
                "out": hhmm(x.left_at),
                "back": hhmm(x.returned_at),
                "reason": x.reason,
            }
            for x in sorted(a.exclusions, key=lambda e: e.left_at)
        ]

    def attendee_row(a: Attendee) -> dict[str, Any]:
        agency = ", ".join(x for x in (a.agency, a.job_title) if x)
        return {
            "name": a.name + (f" {a.alt_name}" if a.alt_name else ""),
            "roles": ", ".join(both(ZH_ROLES.get(x), x.value.replace("_", " ")) for x in a.roles),
            "agency": agency,
            "arrived": hhmm(a.arrived_at),
            "left": hhmm(a.left_at),
            "attendance": both(ZH_ATTENDANCE[a.attendance], ATTENDANCE_LABELS[a.attendance]),
            "note": a.attendance_note or "",  # why apologies, absence or a report only
            "exclusions": exclusion_rows(a),  # the parts of the meeting they stepped out of
        }

    def choice_label(kind: str, value: str | None) -> str:
        if not value:
            return ""
        if _ISO_DATE.fullmatch(value.strip()):  # a date decided (the review's): as a date
            try:
                return date_text(dt.date.fromisoformat(value.strip()))
            except ValueError:
                return value
        if kind in ("key_worker", "core_group"):
            parts = [p.strip() for p in value.split(",")]
            return ", ".join(refs[p].name if p in refs else p for p in parts)
        decision_kind = profile.decision_kind(kind) if profile else None
        if decision_kind is not None:
            labels = {ch.value: both(ch.label_zh, ch.label) for ch in decision_kind.choices}
            return ", ".join(labels.get(p.strip(), p.strip()) for p in value.split(","))
        return value

    def kind_label(kind: str) -> str:
        decision_kind = profile.decision_kind(kind) if profile else None
        if decision_kind is None:
            return kind.replace("_", " ").capitalize()
        return both(decision_kind.label_zh, decision_kind.label)

    kept_decisions = [d for d in r.decisions if not hidden(PartKind.DECISION, d.id)]
    chair = next((a.name for a in r.attendees if Role.CHAIR in a.roles), "")
    minute_taker = next((a.name for a in r.attendees if Role.MINUTE_TAKER in a.roles), "")
    key_worker_decision = next((d for d in kept_decisions if d.kind == "key_worker"), None)
    key_worker = (
        choice_label("key_worker", key_worker_decision.value)
        if key_worker_decision
        else next((a.name for a in r.attendees if Role.KEY_WORKER in a.roles), "")
    )
    core_group = ", ".join(a.name for a in r.attendees if Role.CORE_GROUP in a.roles)

    reports = [
        {
            "name": a.name,
            "agency": a.agency or "",
            "shared": pair(YES_NO[bool(a.report_shared_with_parents)]),
        }
        for a in r.attendees
        if a.report_submitted and not hidden(PartKind.REPORT, a.id)
    ]
    report = c.mandatory_report
    mandatory = ""
    if report.made is not None:
        # The reporter's identity is deliberately never read here: no copy may print it.
        mandatory = mandatory_sentence(report.made, report.date, report.made_to, bilingual)

    safety: dict[str, Any] | None = None
    if r.safety_lines or r.scaling:
        safety = {
            "columns": [
                {
                    "label": both(ZH_SAFETY.get(section), label),
                    "lines": [x.text for x in r.safety_lines if x.section == section],
                }
                for section, label in SAFETY_LABELS.items()
                if any(x.section == section for x in r.safety_lines)
            ],
            "scaling": [
                {"name": name(s.attendee_id), "score": str(s.score), "note": s.note or ""}
                for s in r.scaling
            ],
        }

    deadlines = deadlines or {}
    start = c.started_at or c.scheduled_start
    time = hhmm(c.started_at or c.scheduled_start)
    if c.ended_at:
        time += f"–{hhmm(c.ended_at)}"
    core_group_by = deadlines.get("core_group")
    next_review = c.next_review or deadlines.get("first_review") or deadlines.get("next_review")
    present = [attendee_row(a) for a in r.attendees if a.attendance == Attendance.PRESENT]
    apologies = [attendee_row(a) for a in r.attendees if a.attendance == Attendance.APOLOGIES]
    not_present = [
        attendee_row(a)
        for a in r.attendees
        if a.attendance in (Attendance.INVITED, Attendance.ABSENT, Attendance.REPORT_ONLY)
    ]
    all_exclusions = sorted(
        (
            {
                "name": a.name,
                "out": hhmm(x.left_at),
                "back": hhmm(x.returned_at),
                "reason": x.reason,
            }
            for a in r.attendees
            for x in a.exclusions
        ),
        key=lambda x: x["out"],
    )
    children = [
        {
            "name": ch.name,
            "alt_name": ch.alt_name or "",
            "born": date_text(ch.date_of_birth)
            or (
                both(
                    f"預產期 {date_zh(ch.expected_date_of_birth)}",
                    f"expected {date_en(ch.expected_date_of_birth)}",
                )
                if ch.expected_date_of_birth
                else ""
            ),
            "sex": both(ZH_SEX[ch.sex], SEX_LABELS[ch.sex]) if ch.sex else "",
            "school": ch.school or "",
        }
        for ch in r.children
    ]
    household = [
        {
            "name": h.name,
            "alt_name": h.alt_name or "",
            "relationship": both(
                ZH_RELATIONSHIPS.get(h.relationship.strip().lower()), h.relationship
            ),
            "notes": h.notes or "",
        }
        for h in r.household
    ]

    # --- the numbered sections, in the profile's order --------------------------------------
    text_keys = {s.key for s in sections_spec if not s.builtin}
    by_section: dict[str, list[AgendaItem]] = {}
    for g in sorted(r.agenda, key=lambda g: g.position):
        key = g.section if g.section in text_keys else "discussion"
        by_section.setdefault(key or "discussion", []).append(g)

    # The number each agenda item, decision and action is printed with ("4.2"), by part
    # ("agenda_item:ID"): the chair's list of what the parents' copy leaves out names them so.
    numbers: dict[str, str] = {}

    def item_rows(number: int, items: list[AgendaItem]) -> list[dict[str, Any]]:
        rows = []
        for n, g in enumerate(items, start=1):
            out = hidden(PartKind.AGENDA_ITEM, g.id)
            numbers[f"{PartKind.AGENDA_ITEM}:{g.id}"] = f"{number}.{n}"
            rows.append(
                {
                    "number": f"{number}.{n}",
                    "title": not_included if out else g.title,
                    "paragraphs": [] if out else _paragraphs(g.notes),
                    "mark": mark(PartKind.AGENDA_ITEM, g.id),
                    "withheld": out,
                }
            )
        return rows

    def decision_row(number: str, d: Any) -> dict[str, Any]:
        numbers[f"{PartKind.DECISION}:{d.id}"] = number
        if hidden(PartKind.DECISION, d.id):
            return {
                "number": number,
                "kind": not_included,
                "value": "",
                "text": "",
                "rationale": "",
                "method": "",
                "dissent": [],
                "mark": "",
                "withheld": True,
            }
        return {
            "number": number,
            "kind": kind_label(d.kind),
            # "Child protection plan: Child protection plan" reads badly: say it once.
            "value": ""
            if choice_label(d.kind, d.value) == kind_label(d.kind)
            else choice_label(d.kind, d.value),
            "text": d.text,
            "rationale": d.rationale or "",
            "method": both(ZH_METHODS[d.method], METHOD_LABELS[d.method]) if d.method else "",
            "dissent": [
                {
                    "name": name(x.attendee_id),
                    "agency": by_id[x.attendee_id].agency or "" if x.attendee_id in by_id else "",
                    "view": x.view,
                }
                for x in d.dissent
            ],
            "mark": mark(PartKind.DECISION, d.id),
            "withheld": False,
        }

    def plan_rows(number: int) -> list[dict[str, Any]]:
        rows = []
        for n, x in enumerate(r.actions, start=1):
            numbers[f"{PartKind.ACTION}:{x.id}"] = f"{number}.{n}"
            if hidden(PartKind.ACTION, x.id):
                rows.append(
                    {
                        "number": f"{number}.{n}",
                        "mark": "",
                        "outcome": "",
                        "description": not_included,
                        "owner": "",
                        "agency": "",
                        "due": "",
                        "status": "",
                        "contingency": "",
                        "withheld": True,
                    }
                )
                continue
            marked = (
                pair(RESTRICTED_SHORT) if mark(PartKind.ACTION, x.id) else ""
            )  # the reason is at the decision or item the action follows
            rows.append(
                {
                    "number": f"{number}.{n}",
                    "mark": f"{marked}: " if marked else "",
                    "outcome": x.outcome or "",
                    "description": x.description,
                    "owner": name(x.owner_id),
                    "agency": x.owner_agency
                    or (by_id[x.owner_id].agency or "" if x.owner_id in by_id else ""),
                    "due": date_text(x.due),
                    "status": both(ZH_STATUS[x.status], STATUS_LABELS[x.status]),
                    "contingency": x.contingency or "",
                    "withheld": False,
                }
            )
        return rows

    def meeting(
        label: tuple[str, str], at: dt.datetime | None, venue: str | None, by: dt.date | None
    ) -> dict[str, str] | None:
        if at is not None:
            return {
                "label": pair(label),
                "when": f"{date_text(at.date())} {hhmm(at)}",
                "venue": venue or "",
            }
        if by is not None:
            return {
                "label": pair(label),
                "when": both(f"{date_zh(by)}或之前", f"by {date_en(by)}"),
                "venue": venue or "",
            }
        return None

    meetings = [
        m
        for m in (
            meeting(
                ("核心小組首次會議", "First core group meeting"),
                c.core_group_at,
                c.core_group_venue,
                core_group_by,
            ),
            meeting(("檢討會議", "Review conference"), c.review_at, c.review_venue, next_review),
        )
        if m is not None
    ]
    distribution = [
        {
            "name": name(e.attendee_id),
            "agency": by_id[e.attendee_id].agency or "" if e.attendee_id in by_id else "",
            "copy_kind": pair(COPY_LABELS[e.copy == CopyKind.PARENT]),
        }
        for e in r.distribution
    ]

    # Whether each part the app builds from the record has anything to print (in the full
    # copy: the parents' copy has the same sections, so that the two read side by side).
    has = {
        "attendance": bool(present or apologies or not_present or reports),
        "family": bool(children or household or mandatory),
        "safety": safety is not None,
        "decisions": bool(r.decisions),
        "plan": bool(r.actions or key_worker or core_group),
        "meetings": bool(meetings),
        "exclusions": bool(all_exclusions),
        "distribution": bool(distribution),
        "confidentiality": True,
    }
    sections: list[dict[str, Any]] = []
    decisions_numbered: list[dict[str, Any]] = []
    plan: list[dict[str, Any]] = []
    for spec in sections_spec:
        key, number = spec.key, len(sections) + 1
        items = by_section.get(key, []) if key == "discussion" or not spec.builtin else None
        if not (items if items is not None else has.get(key, False)):
            continue  # nothing to print: left out, and the numbers close up
        title = both(spec.title_zh, spec.title)
        section: dict[str, Any] = {
            "key": key,
            "kind": "items" if items is not None else key,
            "number": chinese_number(number) if bilingual else str(number),
            "title": title,
            "heading": section_heading(number, title, bilingual),
            "mark": "",
            "entries": item_rows(number, items) if items is not None else [],
        }
        if key == "decisions":
            section["entries"] = decisions_numbered = [
                decision_row(f"{number}.{n}", d) for n, d in enumerate(r.decisions, start=1)
            ]
        elif key == "plan":
            plan = plan_rows(number)
        elif key == "exclusions":
            if parents:
                section["kind"] = "withheld"
            else:
                section["mark"] = pair(RESTRICTED_MARK)
        sections.append(section)

    context: dict[str, Any] = {
        # The letterhead (Settings): the service fills these in; a logo is a PNG file's path,
        # made an image in the document when it is rendered.
        "organisation_name": "",
        "organisation_logo": "",
        "language": "zh-Hant" if zh else "en",
        "bilingual": bilingual,
        "copy_label": pair(COPY_LABELS[parents]),
        "not_included": not_included,
        "title": c.title or "",
        "conference_type": both(ZH_TYPES[c.type], TYPE_LABELS[c.type]),
        "case_reference": r.case.reference,
        "children_names": ", ".join(ch.name for ch in r.children),
        "date": date_text(start.date()),
        "time": time,
        "venue": c.venue or "",
        "chair": chair,
        "minute_taker": minute_taker,
        "today": date_text(today or dt.date.today()),
        "sections": sections,
        "present": present,
        "apologies": apologies,
        "not_present": not_present,
        "reports": reports,
        # Who stepped out of the room, when and why, in time order (the full copy's alone).
        "exclusions": [] if parents else all_exclusions,
        "children": children,
        "household": household,
        "mandatory_report": mandatory,
        "agenda": [row for s in sections if s["kind"] == "items" for row in s["entries"]],
        "safety": safety,
        # The decisions this copy prints (the letter's list: none withheld, no placeholders).
        "decisions": [d for d in decisions_numbered if not d["withheld"]],
        # The plan's rows, a withheld one as its number and "[not included in this copy]".
        "plan": plan,
        "key_worker": key_worker,
        "core_group": core_group,
        "core_group_by": date_text(core_group_by),
        "next_review": date_text(next_review),
        "meetings": meetings,
        "comments_by": date_text(c.comments_by),
        "confidentiality": confidentiality(c.comments_by, bilingual),
        "distribution": distribution,
        "part_numbers": numbers,
    }
    # Each date also in either language's style, for a bilingual sentence to give its Chinese
    # half the Chinese date and its English half the English one (the letter's).
    for key, day in (
        ("date", start.date()),
        ("today", today or dt.date.today()),
        ("core_group_by", core_group_by),
        ("next_review", next_review),
        ("comments_by", c.comments_by),
    ):
        context[f"{key}_en"] = date_en(day) if day else ""
        context[f"{key}_zh"] = date_zh(day) if day else ""
    return xml_safe_tree(context)  # type: ignore[no-any-return]


# A plan of this many actions or more is stamped out row by row after rendering (see
# _StampedTemplate); a shorter one goes through docxtpl alone, as it always has.
STAMP_ROWS_FROM = 500

_PLAN_LOOP = re.compile(r"\{%\s*for\s+(\w+)\s+in\s+plan\s*%\}(.*?)\{%\s*endfor\s*%\}", re.DOTALL)
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def _simple_fields(var: str, body: str) -> list[str] | None:
    """The fields a table row prints when it only prints them (``{{ x.owner }}``, nothing else
    Jinja would do), else None."""
    fields: list[str] = []
    for tag in _TAG.findall(body):
        m = re.fullmatch(r"\{\{\s*" + re.escape(var) + r"\.([A-Za-z_]\w*)\s*\}\}", tag)
        if m is None or hasattr({}, m.group(1)):  # x.items would be the dict's method
            return None
        if m.group(1) not in fields:
            fields.append(m.group(1))
    return fields or None


class _StampedTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl, except that a long action plan is rendered with one row, which is then
    stamped out once per action straight into the finished file (``stamp_rows``).

    docxtpl pushes the whole document through Jinja, regular expressions, lxml and python-docx
    twice over: fine for a few hundred rows, but 100,000 actions took minutes and 2.9 GB. The
    one row is rendered, given its fonts and written by the same code as every other row
    would be; only a row that prints fields and nothing else (the shipped templates) is
    stamped; any other template renders the usual way, however long."""

    def __init__(self, template: str, stamp_from: int) -> None:
        super().__init__(template)
        self.stamp_from = stamp_from
        self.tokens: dict[str, str] | None = None

    def build_xml(self, context: dict[str, Any], jinja_env: Any = None) -> str:
        xml = self.patch_xml(self.get_xml())
        plan = context.get("plan")
        loops = list(_PLAN_LOOP.finditer(xml))
        if isinstance(plan, list) and len(plan) >= self.stamp_from and len(loops) == 1:
            loop = loops[0]
            fields = _simple_fields(loop.group(1), loop.group(2))
            if fields is not None:
                nonce = secrets.token_hex(8)
                self.tokens = {f: f"mdccrow{nonce}f{i}x" for i, f in enumerate(fields)}
                xml = (
                    xml[: loop.start()]
                    + f"{{% for {loop.group(1)} in mdcc_stamped_rows %}}"
                    + loop.group(2)
                    + "{% endfor %}"
                    + xml[loop.end() :]
                )
                context = {**context, "mdcc_stamped_rows": [self.tokens]}
        return self.render_xml_part(xml, self.docx._part, context, jinja_env)  # type: ignore[no-any-return]


TITLES = {
    ("minutes", False): "Conference minutes",
    ("minutes", True): "會議紀錄 Conference minutes",
    ("letter", False): "Outcome letter",
    ("letter", True): "會議結果通知 Outcome letter",
}


def _undefined_name(error: str) -> str:
    """The field a StrictUndefined error is about: 'x' is undefined / has no attribute 'x'."""
    found = re.search(r"has no attribute '([^']*)'|'([^']*)' is undefined", error)
    return next((g for g in found.groups() if g), error) if found else error


LOGO_HEIGHT_MM = 14


def _with_logo(doc: DocxTemplate, context: dict[str, Any]) -> dict[str, Any]:
    """``context`` with the organisation's logo (a PNG file's path) as an image the template's
    ``{{ organisation_logo }}`` shows, 14 mm high; no file, no image."""
    logo = context.get("organisation_logo")
    if not isinstance(logo, str) or not logo or not Path(logo).is_file():
        return {**context, "organisation_logo": ""}
    from docx.shared import Mm
    from docxtpl import InlineImage

    return {**context, "organisation_logo": InlineImage(doc, logo, height=Mm(LOGO_HEIGHT_MM))}


_LEGACY_SECTIONS = (
    ("attendance", "Attendance", "出席者"),
    ("family", "The child and the household", "兒童及家庭成員"),
    ("discussion", "Information and discussion", "資料分享及討論"),
    ("safety", "Signs of Safety mapping", "安全標誌評估"),
    ("decisions", "Decisions", "會議決定"),
    ("plan", "Outline plan", "福利計劃"),
    ("distribution", "Distribution", "分發名單"),
)


def upgrade_context(old: dict[str, Any]) -> dict[str, Any]:
    """A context kept before the minutes had ``sections`` (the content of a version finalised
    then) in today's shape, so that today's templates print it: its parts in their old order,
    numbered without gaps, the fields added since left empty."""
    context = dict(old)
    bilingual = context.get("language") == "zh-Hant"
    has = {
        "attendance": bool(context.get("present") or context.get("apologies")),
        "family": bool(context.get("children") or context.get("household")),
        "discussion": bool(context.get("agenda")),
        "safety": bool(context.get("safety")),
        "decisions": bool(context.get("decisions")),
        "plan": bool(context.get("plan") or context.get("key_worker")),
        "distribution": bool(context.get("distribution")),
    }
    sections: list[dict[str, Any]] = []
    for key, title, title_zh in _LEGACY_SECTIONS:
        if not has[key]:
            continue
        number = len(sections) + 1
        shown = f"{title_zh} {title}" if bilingual else title
        kind = "items" if key == "discussion" else key
        entries: list[dict[str, Any]] = []
        if key == "discussion":
            entries = [
                {"mark": "", "withheld": False, **item, "number": f"{number}.{n}"}
                for n, item in enumerate(context.get("agenda") or [], start=1)
            ]
        elif key == "decisions":
            entries = [
                {"mark": "", "withheld": False, **d, "number": f"{number}.{n}"}
                for n, d in enumerate(context.get("decisions") or [], start=1)
            ]
        elif key == "plan":
            context["plan"] = [
                {"mark": "", "outcome": "", "contingency": "", **x, "number": f"{number}.{n}"}
                for n, x in enumerate(context.get("plan") or [], start=1)
            ]
        sections.append(
            {
                "key": key,
                "kind": kind,
                "number": chinese_number(number) if bilingual else str(number),
                "title": shown,
                "heading": section_heading(number, shown, bilingual),
                "mark": "",
                "entries": entries,
            }
        )
    not_included = " ".join(NOT_INCLUDED) if bilingual else NOT_INCLUDED[1]
    defaults = {
        "bilingual": bilingual,
        "not_included": not_included,
        "meetings": [],
        "exclusions": [],
        "comments_by": "",
        "confidentiality": [],
        "sections": sections,
    }
    return {**defaults, **context, "sections": sections}


def render(
    template: Path,
    context: dict[str, Any],
    east_asian: bool = True,
    stamp_from: int = STAMP_ROWS_FROM,
    *,
    kind: str | None = None,
    now: dt.datetime | None = None,
    max_output_chars: int = MAX_OUTPUT_CHARS,
) -> bytes:
    """Render ``template`` with ``context`` in this process; a broken template raises
    BrokenTemplateError naming it. The app renders through ``export.rendering.render_isolated``
    (a separate process with a time and a memory limit), which calls this.

    ``kind`` ("minutes" or "letter"): the template must declare it and the document's title
    says it. ``now``: the document's created and modified time (None keeps the template's, so
    that two renders compare equal). ``stamp_from``: a plan of this many actions or more has
    its rows stamped out (the same document, written in a fraction of the time and memory)."""
    if kind in (None, "minutes") and "sections" not in context:
        context = upgrade_context(context)
    env = LimitedEnvironment(max_output_chars)
    name = template.name
    try:
        check(template, kind, context.keys(), env)
        doc = _StampedTemplate(str(template), stamp_from)
        doc.render(_with_logo(doc, context), jinja_env=env)
    except BrokenTemplateError:
        raise
    except TemplateSyntaxError as exc:
        # The checks found nothing: docxtpl's own rewriting (a {%p %} tag sharing its
        # paragraph) broke it. Its text around the error is what the user can look for.
        near = " ".join(x.strip() for x in getattr(exc, "docx_context", None) or [] if x.strip())
        raise BrokenTemplateError(
            msg("template_syntax_near", template=name, near=near[:200], error=exc.message or "")
        ) from exc
    except UndefinedError as exc:
        raise BrokenTemplateError(
            msg("template_undefined", template=name, name=_undefined_name(exc.message or ""))
        ) from exc
    except (LimitError, OverflowError, MemoryError, RecursionError) as exc:
        raise BrokenTemplateError(msg("template_too_big", template=name, error=str(exc))) from exc
    except SecurityError as exc:
        raise BrokenTemplateError(msg("template_unsafe", template=name, error=str(exc))) from exc
    except TemplateError as exc:
        raise BrokenTemplateError(msg("template_failed", template=name, error=str(exc))) from exc
    except (KeyError, ValueError, OSError) as exc:
        raise BrokenTemplateError(msg("template_unusable", template=name, error=str(exc))) from exc
    except Exception as exc:  # zipfile.BadZipFile, lxml errors: a file that is not a .docx
        if type(exc).__name__ in ("BadZipFile", "XMLSyntaxError", "PackageNotFoundError"):
            raise BrokenTemplateError(
                msg("template_not_docx", template=name, error=str(exc))
            ) from exc
        raise
    buffer = io.BytesIO()
    doc.save(buffer)
    document = Document(io.BytesIO(buffer.getvalue()))
    if east_asian:
        east_asian_fonts_everywhere(document)
    props = document.core_properties  # no personal data, nothing of the template's own
    props.author = props.last_modified_by = "MDCC Desktop"
    chinese = context.get("language") == "zh-Hant"
    props.title = TITLES.get((kind or "minutes", chinese), TITLES["minutes", chinese])
    props.subject = props.keywords = props.comments = props.category = ""
    props.identifier = props.version = props.content_status = ""
    props.revision = 1
    if now is not None:
        stamp = now.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
        props.created = props.modified = stamp
    out = io.BytesIO()
    document.save(out)
    if doc.tokens is None:
        return scrub_properties(out.getvalue())
    stamped = stamp_rows(out.getvalue(), doc.tokens, context["plan"], str, doc.resolve_listing)
    if stamped is None:  # the row did not come out whole: render every row the usual way
        return render(
            template,
            context,
            east_asian,
            stamp_from=len(context["plan"]) + 1,
            kind=kind,
            now=now,
            max_output_chars=max_output_chars,
        )
    return scrub_properties(stamped)


def document_text(data: bytes) -> str:
    """All the text of a .docx (body, tables, headers, footers): for checks and tests."""
    document = Document(io.BytesIO(data))
    parts: list[str] = []

    def walk(container: Any) -> None:
        for paragraph in container.paragraphs:
            parts.append(paragraph.text)
        for table in getattr(container, "tables", []):
            for row in table.rows:
                for cell in row.cells:
                    walk(cell)

    walk(document)
    for section in document.sections:
        walk(section.header)
        walk(section.footer)
    return "\n".join(parts)


Renderer = Callable[[Path, dict[str, Any]], bytes]
