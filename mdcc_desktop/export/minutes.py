"""Word minutes and the outcome letter, rendered from a conference record and a .docx template.

``minutes_context`` decides what each copy may hold: the parents' copy leaves out restricted
agenda items, restricted decisions and reports not shared with parents; the mandatory
reporter's identity is never read at all. Every string is made XML-safe (forbidden characters
become a visible �). Rendering uses docxtpl with a sandboxed Jinja2 environment, because a
template may come from a user's folder.
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

from mdcc_desktop.domain.messages import msg
from mdcc_desktop.domain.models import (
    Attendance,
    Attendee,
    ConferenceRecord,
    ConferenceType,
    CopyKind,
    DecisionMethod,
    Role,
    SafetySection,
)
from mdcc_desktop.domain.profiles import Profile
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

__all__ = ["BrokenTemplateError", "document_text", "minutes_context", "render"]


TYPE_LABELS = {
    ConferenceType.INITIAL: "initial",
    ConferenceType.REVIEW: "review",
    ConferenceType.PRE_BIRTH: "pre-birth",
    ConferenceType.OTHER: "other",
}
METHOD_LABELS = {
    DecisionMethod.CONSENSUS: "by consensus",
    DecisionMethod.MAJORITY: "by majority",
    DecisionMethod.CHAIR: "the chair's decision",
}
ATTENDANCE_LABELS = {
    Attendance.INVITED: "invited",
    Attendance.PRESENT: "present",
    Attendance.APOLOGIES: "apologies",
    Attendance.ABSENT: "absent",
    Attendance.REPORT_ONLY: "sent a report",
}
SAFETY_LABELS = {
    SafetySection.WORRIES: "What are we worried about?",
    SafetySection.DANGER_STATEMENTS: "Danger statements",
    SafetySection.WORKING_WELL: "What is working well?",
    SafetySection.NEEDS_TO_HAPPEN: "What needs to happen?",
    SafetySection.SAFETY_GOALS: "Safety goals",
}


ZH_ROLES = {
    Role.CHAIR: "主席",
    Role.MINUTE_TAKER: "紀錄",
    Role.KEY_WORKER: "主責社工",
    Role.CORE_GROUP: "核心小組",
    Role.PARENT: "家長",
    Role.CHILD: "兒童",
    Role.CARER: "照顧者",
    Role.INTERPRETER: "傳譯員",
    Role.SUPPORTER: "支援人士",
    Role.OBSERVER: "觀察員",
    Role.REPORT_AUTHOR: "報告撰寫人",
}
ZH_METHODS = {
    DecisionMethod.CONSENSUS: "一致通過",
    DecisionMethod.MAJORITY: "大多數通過",
    DecisionMethod.CHAIR: "主席決定",
}
ZH_ATTENDANCE = {
    Attendance.INVITED: "獲邀",
    Attendance.PRESENT: "出席",
    Attendance.APOLOGIES: "缺席（已致歉）",
    Attendance.ABSENT: "缺席",
    Attendance.REPORT_ONLY: "只提交報告",
}
ZH_TYPES = {
    ConferenceType.INITIAL: "初次會議",
    ConferenceType.REVIEW: "檢討會議",
    ConferenceType.PRE_BIRTH: "產前會議",
    ConferenceType.OTHER: "其他會議",
}
ZH_STATUS = {"open": "未完成", "in_progress": "進行中", "done": "已完成", "cancelled": "已取消"}


def _role_label(role: Role) -> str:
    return role.value.replace("_", " ")


def _hhmm(value: dt.datetime | None) -> str:
    return value.strftime("%H:%M") if value else ""


def _date(value: dt.date | None) -> str:
    return value.strftime("%d %B %Y").lstrip("0") if value else ""


def _paragraphs(text: str | None) -> list[str]:
    return [line for line in (text or "").splitlines() if line.strip()]


def minutes_context(
    r: ConferenceRecord,
    profile: Profile | None,
    copy: CopyKind,
    deadlines: dict[str, dt.date] | None = None,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Everything a minutes or letter template may print, for one copy of one conference."""
    c = r.conference
    parents = copy == CopyKind.PARENT
    # Chinese minutes (HK) are bilingual: each generated phrase in Chinese, then English.
    zh = (c.language.value if c.language else (profile.language if profile else "en")) == "zh-Hant"

    def both(chinese: str | None, english: str) -> str:
        return f"{chinese} {english}" if zh and chinese else english

    dates: dict[dt.date, str] = {}  # 100,000 actions fall due on a few hundred days

    def date_text(value: dt.date | None) -> str:
        if value is None:
            return ""
        if value not in dates:
            dates[value] = f"{value.year}年{value.month}月{value.day}日" if zh else _date(value)
        return dates[value]

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
                "out": _hhmm(x.left_at),
                "back": _hhmm(x.returned_at),
                "reason": x.reason,
            }
            for x in sorted(a.exclusions, key=lambda e: e.left_at)
        ]

    def attendee_row(a: Attendee) -> dict[str, Any]:
        agency = ", ".join(x for x in (a.agency, a.job_title) if x)
        return {
            "name": a.name + (f" {a.alt_name}" if a.alt_name else ""),
            "roles": ", ".join(both(ZH_ROLES.get(x), _role_label(x)) for x in a.roles),
            "agency": agency,
            "arrived": _hhmm(a.arrived_at),
            "left": _hhmm(a.left_at),
            "attendance": both(ZH_ATTENDANCE[a.attendance], ATTENDANCE_LABELS[a.attendance]),
            "note": a.attendance_note or "",  # why apologies, absence or a report only
            "exclusions": exclusion_rows(a),  # the parts of the meeting they stepped out of
        }

    def choice_label(kind: str, value: str | None) -> str:
        if not value:
            return ""
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

    agenda = [g for g in r.agenda if not (parents and g.restricted)]
    decisions = [d for d in r.decisions if not (parents and d.restricted)]
    restricted_items = {g.id for g in r.agenda if g.restricted}
    if parents:
        decisions = [d for d in decisions if d.agenda_item_id not in restricted_items]
    # An action follows what it came from: one linked to a restricted decision or agenda item
    # (or to a decision under a restricted item) stays out of the parents' copy with it.
    kept_decisions = {d.id for d in decisions}
    actions = [
        x
        for x in r.actions
        if not parents
        or (
            x.agenda_item_id not in restricted_items
            and (x.decision_id is None or x.decision_id in kept_decisions)
        )
    ]

    chair = next((a.name for a in r.attendees if Role.CHAIR in a.roles), "")
    minute_taker = next((a.name for a in r.attendees if Role.MINUTE_TAKER in a.roles), "")
    key_worker_decision = next((d for d in decisions if d.kind == "key_worker"), None)
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
            "shared": both("是", "Yes") if a.report_shared_with_parents else both("否", "No"),
        }
        for a in r.attendees
        if a.report_submitted and not (parents and not a.report_shared_with_parents)
    ]
    report = c.mandatory_report
    mandatory = ""
    if report.made is not None:
        # The reporter's identity is deliberately never read here: no copy may print it.
        mandatory = "A mandatory report was made" if report.made else "No mandatory report was made"
        if zh:
            mandatory = ("已作出強制舉報。" if report.made else "沒有作出強制舉報。") + mandatory
        if report.made and report.date:
            mandatory += f" on {date_text(report.date)}"
        if report.made and report.made_to:
            mandatory += f" to {report.made_to}"
        mandatory += "."

    safety: dict[str, Any] | None = None
    if r.safety_lines or r.scaling:
        safety = {
            "columns": [
                {"label": label, "lines": [x.text for x in r.safety_lines if x.section == section]}
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
    time = _hhmm(c.started_at or c.scheduled_start)
    if c.ended_at:
        time += f"–{_hhmm(c.ended_at)}"
    context: dict[str, Any] = {
        # The letterhead (Settings): the service fills these in; a logo is a PNG file's path,
        # made an image in the document when it is rendered.
        "organisation_name": "",
        "organisation_logo": "",
        "language": "zh-Hant" if zh else "en",
        "copy_label": "Parents' copy" if parents else "Full copy",
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
        "present": [attendee_row(a) for a in r.attendees if a.attendance == Attendance.PRESENT],
        "apologies": [attendee_row(a) for a in r.attendees if a.attendance == Attendance.APOLOGIES],
        "not_present": [
            attendee_row(a)
            for a in r.attendees
            if a.attendance in (Attendance.INVITED, Attendance.ABSENT, Attendance.REPORT_ONLY)
        ],
        "reports": reports,
        # Who stepped out of the room, when and why, in time order (for the templates to print).
        "exclusions": sorted(
            (row for a in r.attendees for row in exclusion_rows(a)), key=lambda x: x["out"]
        ),
        "children": [
            {
                "name": ch.name,
                "alt_name": ch.alt_name or "",
                "born": date_text(ch.date_of_birth)
                or (
                    f"expected {date_text(ch.expected_date_of_birth)}"
                    if ch.expected_date_of_birth
                    else ""
                ),
                "sex": ch.sex.value if ch.sex else "",
                "school": ch.school or "",
            }
            for ch in r.children
        ],
        "household": [
            {
                "name": h.name,
                "alt_name": h.alt_name or "",
                "relationship": h.relationship,
                "notes": h.notes or "",
            }
            for h in r.household
        ],
        "mandatory_report": mandatory,
        "agenda": [
            {"number": n, "title": g.title, "paragraphs": _paragraphs(g.notes)}
            for n, g in enumerate(agenda, start=1)
        ],
        "safety": safety,
        "decisions": [
            {
                "number": n,
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
                        "agency": by_id[x.attendee_id].agency or ""
                        if x.attendee_id in by_id
                        else "",
                        "view": x.view,
                    }
                    for x in d.dissent
                ],
            }
            for n, d in enumerate(decisions, start=1)
        ],
        "plan": [
            {
                "description": x.description,
                "owner": name(x.owner_id),
                "agency": x.owner_agency
                or (by_id[x.owner_id].agency or "" if x.owner_id in by_id else ""),
                "due": date_text(x.due),
                "status": both(ZH_STATUS[x.status.value], x.status.value.replace("_", " ")),
            }
            for x in actions
        ],
        "key_worker": key_worker,
        "core_group": core_group,
        "core_group_by": date_text(deadlines.get("core_group")),
        "next_review": date_text(
            c.next_review or deadlines.get("first_review") or deadlines.get("next_review")
        ),
        "distribution": [
            {
                "name": name(e.attendee_id),
                "agency": by_id[e.attendee_id].agency or "" if e.attendee_id in by_id else "",
                "copy_kind": "full" if e.copy == CopyKind.FULL else "parents'",
            }
            for e in r.distribution
        ],
    }
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
