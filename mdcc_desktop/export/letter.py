"""The outcome letter a family can read: one per person invited (or per household), in plain words.

``recipients`` says who gets a letter: everyone invited to the conference, whatever their
attendance, except those who run or serve the meeting (the chair, the minute-taker, an
interpreter, an observer). With the profile's ``[letter] addressed_to = "household"`` the family
members (parents, carers, an invited child, anyone of the family discipline) share one letter
addressed to them together, and each professional has their own.

``letter_context`` fills one letter for one recipient. It is built on the parents' copy: what
the letter says of decisions and actions passes ``domain.withheld`` (nothing restricted, nothing
decided or assigned while a parent was excluded, nothing linked to either), and the
mandatory reporter's identity is never read. A letter in Chinese (Hong Kong) is bilingual: each
paragraph in Chinese, then in English on the next line, each with its own date style
(``2026年11月20日``, ``20 November 2026``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from mdcc_desktop.domain.dates import date_en, date_zh
from mdcc_desktop.domain.models import (
    ActionStatus,
    Attendee,
    ConferenceRecord,
    ConferenceType,
    CopyKind,
    Discipline,
    Role,
)
from mdcc_desktop.domain.profiles import LetterRules, Profile
from mdcc_desktop.domain.withheld import withheld
from mdcc_desktop.export.docx_tools import xml_safe_tree

__all__ = ["Recipient", "an", "letter_context", "recipients"]

# Who runs or serves the meeting rather than being invited to it: no letter.
NOT_ADDRESSED = frozenset({Role.CHAIR, Role.MINUTE_TAKER, Role.INTERPRETER, Role.OBSERVER})
FAMILY_ROLES = frozenset({Role.PARENT, Role.CARER, Role.CHILD})
# Decisions the letter tells in their own part (the key worker, the core group, the review).
TOLD_ELSEWHERE = frozenset({"key_worker", "core_group", "review_date"})


@dataclass(frozen=True)
class Recipient:
    """Who one letter is addressed to: one person, or the family members of a household."""

    attendee_ids: tuple[int, ...]
    names: tuple[str, ...]
    alt_names: tuple[str | None, ...]
    family: bool
    job_title: str = ""
    agency: str = ""

    @property
    def name(self) -> str:
        return _joined(list(self.names), "and")


def is_family(attendee: Attendee) -> bool:
    return attendee.discipline == Discipline.FAMILY or bool(FAMILY_ROLES & set(attendee.roles))


def recipients(record: ConferenceRecord, rules: LetterRules | None = None) -> list[Recipient]:
    """Who gets a letter, in the order of the attendance list (a household's letter where its
    first member stands)."""
    addressed = [
        a
        for a in sorted(record.attendees, key=lambda a: a.position)
        if a.id is not None and not (NOT_ADDRESSED & set(a.roles))
    ]
    household = rules is not None and rules.addressed_to == "household"
    found: list[Recipient] = []
    family = [a for a in addressed if is_family(a)]
    for a in addressed:
        assert a.id is not None
        if household and is_family(a):
            if a is family[0]:
                found.append(
                    Recipient(
                        attendee_ids=tuple(m.id for m in family if m.id is not None),
                        names=tuple(m.name for m in family),
                        alt_names=tuple(m.alt_name for m in family),
                        family=True,
                    )
                )
            continue
        found.append(
            Recipient(
                attendee_ids=(a.id,),
                names=(a.name,),
                alt_names=(a.alt_name,),
                family=is_family(a),
                job_title="" if is_family(a) else a.job_title or "",
                agency="" if is_family(a) else a.agency or "",
            )
        )
    return found


def an(phrase: str) -> str:
    """``phrase`` with "a" or "an" before it: an initial conference, a review conference."""
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def _joined(items: list[str], word: str) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


ENGLISH_TYPES = {
    ConferenceType.INITIAL: "initial child protection conference",
    ConferenceType.REVIEW: "review child protection conference",
    ConferenceType.PRE_BIRTH: "pre-birth child protection conference",
    ConferenceType.OTHER: "child protection conference",
}
HK_TYPES = {
    ConferenceType.INITIAL: ("首次多專業個案會議", "initial multi-disciplinary case conference"),
    ConferenceType.REVIEW: ("多專業個案檢討會議", "multi-disciplinary case review conference"),
    ConferenceType.PRE_BIRTH: (
        "產前多專業個案會議",
        "pre-birth multi-disciplinary case conference",
    ),
    ConferenceType.OTHER: ("多專業個案會議", "multi-disciplinary case conference"),
}


def letter_context(
    record: ConferenceRecord,
    profile: Profile | None,
    recipient: Recipient,
    deadlines: dict[str, dt.date] | None = None,
    *,
    today: dt.date | None = None,
    base: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything a letter template may print, for one letter to ``recipient``.

    ``base``: the parents' copy's context (``minutes_context`` with ``CopyKind.PARENT``, or
    the one kept with a final version); only its particulars are taken (the letterhead, the
    reference, the date, the chair), never its lists."""
    from mdcc_desktop.export.minutes import minutes_context

    c = record.conference
    zh = (c.language.value if c.language else (profile.language if profile else "en")) == "zh-Hant"
    deadlines = deadlines or {}
    if base is None:
        base = minutes_context(record, profile, CopyKind.PARENT, deadlines, today)
    hidden = withheld(record)
    by_id = {a.id: a for a in record.attendees}
    refs = {a.ref or str(a.id): a for a in record.attendees}

    def both(chinese: str, english: str) -> str:
        """A paragraph in Chinese, then English on the next line (HK); English alone else."""
        return f"{chinese}\n{english}" if zh and chinese else english

    def date_both(day: dt.date) -> tuple[str, str]:
        return date_zh(day), date_en(day)

    def zh_name(a: Attendee | None, fallback: str = "") -> str:
        if a is None:
            return fallback
        return a.alt_name or a.name

    def person(a: Attendee) -> str:
        """Name (job title, agency), in English; the Chinese name first in HK."""
        details = ", ".join(x for x in (a.job_title, a.agency) if x)
        name = f"{a.alt_name} {a.name}" if zh and a.alt_name else a.name
        return f"{name} ({details})" if details else name

    # --- who, about whom, when --------------------------------------------------------------
    children_en = _joined([ch.name for ch in record.children], "and")
    children_zh = "、".join(ch.alt_name or ch.name for ch in record.children)
    chair = next((a for a in record.attendees if Role.CHAIR in a.roles), None)
    held = (c.started_at or c.scheduled_start).date()
    held_zh, held_en = date_both(held)
    today_zh, today_en = date_both(today or dt.date.today())
    venue = c.venue or ""

    if zh:
        type_zh, type_en = HK_TYPES[c.type]
    else:
        type_zh, type_en = "", ENGLISH_TYPES[c.type]
    # Title case for a heading: "Outcome of the initial child protection conference"
    heading = both(f"{type_zh}結果通知", f"Outcome of the {type_en}")

    greeting_en = f"Dear {recipient.name},"
    pairs = list(zip(recipient.alt_names, recipient.names, strict=True))
    greeting_zh = "、".join(alt or name for alt, name in pairs)
    greeting = both(f"{greeting_zh}：", greeting_en)

    address = [(f"{alt} {name}" if zh and alt else name) for alt, name in pairs]
    address += [x for x in (recipient.job_title, recipient.agency) if x]

    opening_en = (
        f"{an(type_en).capitalize()} about {children_en} was held on {held_en}"
        + (f" at {venue}" if venue else "")
        + (f", chaired by {chair.name}" if chair else "")
        + ". This letter tells you what the conference decided and what happens next. "
        "The minutes of the conference will follow."
    )
    opening_zh = (
        f"有關{children_zh}的{type_zh}已於{held_zh}"
        + (f"在{venue}" if venue else "")
        + "舉行"
        + (f"，由{zh_name(chair)}擔任主席" if chair else "")
        + "。本函通知閣下會議的決定及跟進安排，會議紀錄將於稍後發出。"
    )
    opening = both(opening_zh, opening_en)

    # --- the decisions, in plain words --------------------------------------------------------
    def plain(kind: str, value: str | None, text: str) -> list[str]:
        decision_kind = profile.decision_kind(kind) if profile else None
        if decision_kind is None or not decision_kind.choices or not value:
            return [text.strip()] if text.strip() else []
        lines = []
        for part in (p.strip() for p in value.split(",")):
            choice = next((ch for ch in decision_kind.choices if ch.value == part), None)
            if choice is None:
                continue
            english = (choice.plain or f"{decision_kind.label}: {choice.label}.").replace(
                "{children}", children_en
            )
            chinese = ""
            if zh:
                chinese = (
                    choice.plain_zh
                    or f"{decision_kind.label_zh or decision_kind.label}："
                    f"{choice.label_zh or choice.label}。"
                ).replace("{children}", children_zh)
            lines.append(both(chinese, english))
        return lines or ([text.strip()] if text.strip() else [])

    decisions = [d for d in record.decisions if d.id not in hidden.decisions]
    told = [
        line
        for d in decisions
        if d.kind not in TOLD_ELSEWHERE
        for line in plain(d.kind, d.value, d.text)
    ]

    # --- the outline plan -------------------------------------------------------------------
    actions = [
        x
        for x in sorted(record.actions, key=lambda x: x.position)
        if x.id not in hidden.actions and x.status != ActionStatus.CANCELLED
    ]

    def owner(x_owner: int | None, agency: str | None) -> str:
        a = by_id.get(x_owner)
        name = (f"{a.alt_name} {a.name}" if zh and a.alt_name else a.name) if a else ""
        where = agency or (a.agency if a else "") or ""
        return f"{name} ({where})" if name and where else name or where

    plan = [
        {
            "what": x.description,
            "who": owner(x.owner_id, x.owner_agency),
            "when": both(*date_both(x.due)) if x.due else "",
        }
        for x in actions
    ]

    # --- the key worker and how to reach them ---------------------------------------------
    key_decision = next((d for d in decisions if d.kind == "key_worker" and d.value), None)
    key: Attendee | None = None
    if key_decision is not None and key_decision.value:
        key = refs.get(key_decision.value.split(",")[0].strip())
    if key is None:
        key = next((a for a in record.attendees if Role.KEY_WORKER in a.roles), None)
    kind = profile.decision_kind("key_worker") if profile else None
    title_en = "key worker"
    if kind is not None and kind.label.lower() != title_en:
        title_en += f" ({kind.label.lower()})"  # England: "key worker (lead social worker)"
    title_zh = (kind.label_zh if kind and kind.label_zh else "主責社工") if zh else ""
    yours = recipient.family
    key_worker_lines: list[str] = []
    if key is not None:
        lead = f"{'Your' if yours else 'The'} {title_en} is {person(key)}."
        lead_zh = f"{'閣下的' if yours else ''}{title_zh}為{zh_name(key)}。"
        key_worker_lines.append(both(lead_zh, lead))
        if key.phone:
            key_worker_lines.append(both(f"電話：{key.phone}", f"Telephone: {key.phone}"))
        if key.email:
            key_worker_lines.append(both(f"電郵：{key.email}", f"E-mail: {key.email}"))
        if not key.phone and not key.email:
            office = key.agency or ""
            key_worker_lines.append(
                both(
                    f"請經{office}聯絡{zh_name(key)}。" if office else "",
                    f"You can reach {key.name} through {office}." if office else "",
                )
                if office
                else both(
                    "如需聯絡，請致電會議主席辦事處。",
                    "To reach them, please contact the conference chair's office.",
                )
            )

    # --- the core group and the review: booked, or "by" their deadline ------------------------
    def meeting(
        at: dt.datetime | None,
        where: str | None,
        by: dt.date | None,
        what_en: str,
        what_zh: str,
    ) -> str:
        if at is not None:
            day_zh, day_en = date_both(at.date())
            clock = at.strftime("%H:%M")
            return both(
                f"{what_zh}將於{day_zh} {clock}" + (f"在{where}" if where else "") + "舉行。",
                f"The {what_en} will be on {day_en} at {clock}"
                + (f" at {where}" if where else "")
                + ".",
            )
        if by is not None:
            day_zh, day_en = date_both(by)
            return both(
                f"{what_zh}將於{day_zh}或之前舉行，確實日期會另行通知。",
                f"The {what_en} will be held by {day_en}; you will be told the date.",
            )
        return ""

    core_group = meeting(
        c.core_group_at,
        c.core_group_venue,
        deadlines.get("core_group"),
        "first core group meeting",
        "核心小組首次會議",
    )
    core = [a for a in record.attendees if Role.CORE_GROUP in a.roles]
    core_group_members = (
        both(
            "核心小組成員：" + "、".join(zh_name(a) for a in core),
            "The core group: " + "; ".join(person(a) for a in core) + ".",
        )
        if core
        else ""
    )
    review = meeting(
        c.review_at,
        c.review_venue,
        c.next_review or deadlines.get("first_review") or deadlines.get("next_review"),
        "review conference",
        "檢討會議",
    )

    rules = profile.letter if profile else LetterRules()
    complaints = rules.complaints
    if zh and rules.complaints_zh:
        complaints = both(rules.complaints_zh, complaints)
    signed = both("會議主席", "Chairperson") if zh else "Conference chair"

    context: dict[str, Any] = {
        # The particulars of the parents' copy (the letterhead, the reference).
        "organisation_name": base.get("organisation_name", ""),
        "organisation_logo": base.get("organisation_logo", ""),
        "language": "zh-Hant" if zh else "en",
        "copy_label": base.get("copy_label", ""),
        "case_reference": record.case.reference,
        "children_names": both(children_zh, children_en),
        "conference_type": both(type_zh, type_en),
        "date": both(held_zh, held_en),
        "venue": venue,
        "chair": both(zh_name(chair), chair.name) if chair and zh else chair.name if chair else "",
        "today": both(today_zh, today_en),
        # This letter's own parts.
        "recipient": recipient.name,
        "address": address,
        "greeting": greeting,
        "heading": heading,
        "reference": both(
            f"檔號：{record.case.reference}", f"Our reference: {record.case.reference}"
        ),
        "opening": opening,
        "decisions": told,
        "plan": plan,
        "key_worker": key_worker_lines,
        "core_group": core_group,
        "core_group_members": core_group_members,
        "review": review,
        "complaints": complaints,
        "closing": "Yours sincerely,",
        "signed": signed,
    }
    return xml_safe_tree(context)  # type: ignore[no-any-return]
