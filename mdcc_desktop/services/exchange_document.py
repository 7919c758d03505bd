"""A conference record as an exchange document (``record_to_document``), what the file cannot
carry (``left_out``), the minutes section an agenda title belongs to (``template_section``,
which an import uses too), and the document's text (``dumps``, ``normalise``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from mdcc_desktop.domain.messages import Message, msg
from mdcc_desktop.domain.models import ConferenceRecord, ConferenceType, SafetySection
from mdcc_desktop.domain.profiles import AgendaTemplateItem, Profile
from mdcc_desktop.services.exchange_check import DATE_TIME, FORMAT, VERSION, parse_date_time


def _title_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def template_section(profile: Profile | None, ctype: ConferenceType, title: str) -> str | None:
    """The minutes section of the profile's agenda template item titled ``title`` (its English
    or Chinese title, or the two together as a bilingual agenda writes them), looked for in the
    agenda of the conference's type first, then in the profile's other agendas when they agree;
    None when no template item has that title (the item's notes go under the discussion)."""
    if profile is None:
        return None
    wanted = _title_key(title)

    def matches(item: AgendaTemplateItem) -> bool:
        names = set(item.titles)
        if item.title_zh:
            names |= {f"{item.title} {item.title_zh}", f"{item.title_zh} {item.title}"}
        return wanted in {_title_key(n) for n in names}

    own = [t for t in profile.agenda_for(ctype) if matches(t)]
    if own:
        return own[0].section
    found = {t.section for items in profile.agendas.values() for t in items if matches(t)}
    return found.pop() if len(found) == 1 else None


def left_out(record: ConferenceRecord, profile: Profile | None) -> list[Message]:
    """The parts of ``record`` an exchange file cannot carry, named for the user: the actions'
    outcomes and contingencies, the booked meetings, the comments deadline, and the minutes
    sections of agenda items that an import could not find again in the profile's templates."""
    c = record.conference
    parts: list[Message] = []
    if any(x.outcome for x in record.actions):
        parts.append(msg("part_outcomes"))
    if any(x.contingency for x in record.actions):
        parts.append(msg("part_contingencies"))
    if c.core_group_at is not None or c.core_group_venue:
        parts.append(msg("part_core_group"))
    if c.review_at is not None or c.review_venue:
        parts.append(msg("part_review"))
    if c.comments_by is not None:
        parts.append(msg("part_comments_by"))
    lost = sum(
        1 for item in record.agenda if item.section != template_section(profile, c.type, item.title)
    )
    if lost:
        parts.append(msg("part_sections", count=lost))
    return parts


def left_out_text(parts: list[Message], render: Callable[[Message], str] = str) -> str:
    """One sentence naming ``parts`` (each through ``render``: the GUI translates them);
    empty when nothing was left out."""
    if not parts:
        return ""
    return render(msg("export_left_out", parts="; ".join(render(p) for p in parts)))


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


class _Refs:
    """String ids for the file: the ones a record came with, or new ones that do not clash."""

    def __init__(self, prefix: str, items: list[Any]) -> None:
        self.prefix = prefix
        self.by_id: dict[int, str] = {}
        used = {i.ref for i in items if i.ref}
        given: set[str] = set()  # the refs handed out so far (a set: 100,000 actions is common)
        for item in items:
            ref = item.ref
            if not ref or ref in given:
                n = item.id
                ref = f"{prefix}{n}"
                while ref in used:
                    n += 1
                    ref = f"{prefix}{n}"
                used.add(ref)
            given.add(ref)
            self.by_id[item.id] = ref

    def __getitem__(self, item_id: int) -> str:
        return self.by_id[item_id]


def _put(target: dict[str, Any], key: str, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, dt.datetime | dt.date):
        value = value.isoformat()
    elif hasattr(value, "value") and isinstance(value.value, str):
        value = value.value
    target[key] = value


def record_to_document(
    r: ConferenceRecord, *, with_reporter_identity: bool = False
) -> dict[str, Any]:
    """The exchange form of one conference (omitting what was never set). The reporter's
    identity (``mandatory_report.reporter_identity``) is left out unless asked for."""
    c = r.conference
    att = _Refs("p", r.attendees)
    agenda = _Refs("a", r.agenda)
    dec = _Refs("d", r.decisions)
    act = _Refs("x", r.actions)

    children = []
    for ch in r.children:
        child: dict[str, Any] = {"name": ch.name}
        for key in ("alt_name", "date_of_birth", "expected_date_of_birth", "sex", "school"):
            _put(child, key, getattr(ch, key))
        children.append(child)
    household = []
    for h in r.household:
        member: dict[str, Any] = {"name": h.name, "relationship": h.relationship}
        _put(member, "alt_name", h.alt_name)
        _put(member, "notes", h.notes)
        household.append(member)

    conference: dict[str, Any] = {"type": c.type.value}
    for key in (
        "title",
        "referral_received",
        "scheduled_start",
        "started_at",
        "ended_at",
        "venue",
        "language",
        "previous_conference",
    ):
        _put(conference, key, getattr(c, key))
    if not c.mandatory_report.is_empty():
        report: dict[str, Any] = {}
        shared = ("made", "date", "made_to")
        for key in (*shared, "reporter_identity") if with_reporter_identity else shared:
            _put(report, key, getattr(c.mandatory_report, key))
        conference["mandatory_report"] = report

    attendees = []
    for a in r.attendees:
        item: dict[str, Any] = {"id": att[a.id or 0], "name": a.name}
        for key in ("alt_name", "agency", "discipline", "job_title", "email", "phone"):
            _put(item, key, getattr(a, key))
        item["roles"] = [role.value for role in a.roles]
        item["attendance"] = a.attendance.value
        for key in (
            "arrived_at",
            "left_at",
            "report_submitted",
            "report_shared_with_parents",
            "attendance_note",
        ):
            _put(item, key, getattr(a, key))
        if a.exclusions:
            exclusions = []
            for ex in a.exclusions:
                exclusion: dict[str, Any] = {"left_at": ex.left_at.isoformat()}
                _put(exclusion, "returned_at", ex.returned_at)
                exclusion["reason"] = ex.reason
                exclusions.append(exclusion)
            item["exclusions"] = exclusions
        attendees.append(item)
    conference["attendees"] = attendees

    items = []
    for g in r.agenda:
        entry: dict[str, Any] = {"id": agenda[g.id or 0], "title": g.title}
        for key in ("planned_minutes", "started_at", "ended_at", "notes", "restricted"):
            _put(entry, key, getattr(g, key))
        items.append(entry)
    conference["agenda"] = items

    lines = {
        section: [x.text for x in r.safety_lines if x.section == section]
        for section in SafetySection
    }
    if c.has_safety_mapping or r.safety_lines or r.scaling:
        mapping: dict[str, Any] = {s.value: lines[s] for s in SafetySection if lines[s]}
        scaling = []
        for sc in r.scaling:
            scale: dict[str, Any] = {"attendee": att[sc.attendee_id], "score": sc.score}
            _put(scale, "note", sc.note)
            scaling.append(scale)
        if scaling:
            mapping["scaling"] = scaling
        conference["safety_mapping"] = mapping

    decisions = []
    for d in r.decisions:
        decision: dict[str, Any] = {"id": dec[d.id or 0]}
        if d.agenda_item_id is not None:
            decision["agenda_item"] = agenda[d.agenda_item_id]
        decision["kind"] = d.kind
        _put(decision, "value", d.value)
        decision["text"] = d.text
        for key in ("rationale", "method", "restricted"):
            _put(decision, key, getattr(d, key))
        if d.dissent:
            decision["dissent"] = [
                {"attendee": att[x.attendee_id], "view": x.view} for x in d.dissent
            ]
        decisions.append(decision)
    conference["decisions"] = decisions

    actions = []
    for x in r.actions:
        action: dict[str, Any] = {"id": act[x.id or 0], "description": x.description}
        if x.owner_id is not None:
            action["owner"] = att[x.owner_id]
        _put(action, "owner_agency", x.owner_agency)
        _put(action, "due", x.due)
        action["status"] = x.status.value
        _put(action, "priority", x.priority)
        if x.decision_id is not None:
            action["decision"] = dec[x.decision_id]
        if x.agenda_item_id is not None:
            action["agenda_item"] = agenda[x.agenda_item_id]
        _put(action, "carried_from", x.carried_from)
        _put(action, "completed_at", x.completed_at)
        if x.updates:
            updates = []
            for u in x.updates:
                update: dict[str, Any] = {"at": u.at.isoformat(), "note": u.note}
                _put(update, "status", u.status)
                updates.append(update)
            action["updates"] = updates
        actions.append(action)
    conference["actions"] = actions
    conference["distribution"] = [
        {"attendee": att[e.attendee_id], "copy": e.copy.value} for e in r.distribution
    ]
    _put(conference, "next_review", c.next_review)

    case: dict[str, Any] = {"reference": r.case.reference, "children": children}
    if household:
        case["household"] = household
    return {
        "format": FORMAT,
        "version": VERSION,
        "jurisdiction": c.jurisdiction,
        "case": case,
        "conference": conference,
    }


def normalise(doc: Any) -> Any:
    """A form in which two files the spec calls equal are equal.

    Empty lists and objects count as omitted; date-times compare as instants, whatever their
    spelling ("Z" or "+00:00").
    """
    if isinstance(doc, dict):
        out = {}
        for key, raw in doc.items():
            value = normalise(raw)
            if value in ([], {}, None):
                continue
            out[key] = value
        return out
    if isinstance(doc, list):
        return [normalise(v) for v in doc]
    if isinstance(doc, str) and DATE_TIME.match(doc):
        try:
            return parse_date_time(doc).astimezone(dt.UTC).isoformat()
        except (ValueError, OverflowError):  # 0001-01-01T00:00:00+01:00 overflows in UTC
            return doc
    return doc
