"""The conference exchange file (``mdcc-conference``, version 1): read, check, import, export.

The contract is ``schemas/conference-exchange-v1.schema.json`` (a copy of the shared spec's
schema, tested to stay equal to it) plus the rules the spec adds beyond the schema: formats of
dates and date-times are enforced, references must resolve, ids must be unique in their list,
the jurisdiction must be a known profile. Every problem is reported on its own line with its
JSON path; an import is one transaction, so a refused or interrupted import leaves nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mdcc_desktop.domain.carry import CarryLinks, RecordParts
from mdcc_desktop.domain.disclosure import DisclosureKind
from mdcc_desktop.domain.errors import NotFoundError, ValidationError
from mdcc_desktop.domain.messages import Message, msg
from mdcc_desktop.domain.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Attendee,
    Case,
    Child,
    Conference,
    ConferenceStatus,
    ConferenceType,
    CopyKind,
    Decision,
    DecisionMethod,
    Discipline,
    Dissent,
    DistributionEntry,
    Exclusion,
    HouseholdMember,
    Language,
    MandatoryReport,
    Person,
    Priority,
    Role,
    SafetyLine,
    SafetySection,
    Scaling,
    Sex,
)
from mdcc_desktop.services.disclosure import record, require_reason, write_recorded
from mdcc_desktop.services.events import Change, ChangeKind, Entity, EventBus
from mdcc_desktop.services.exchange_check import (
    FORMAT,
    MAX_FILE_BYTES,
    SCHEMA_FILE,
    VERSION,
    ExchangeError,
    parse_date,
    parse_date_time,
    parse_text,
    problems_in,
    schema,
)
from mdcc_desktop.services.exchange_document import (
    dumps,
    left_out,
    left_out_text,
    normalise,
    record_to_document,
    template_section,
)
from mdcc_desktop.services.files import (
    read_input,
    save_export,
    write_atomically,
)
from mdcc_desktop.services.profiles import ProfileRegistry
from mdcc_desktop.store import Store

# --- JSON -> domain --------------------------------------------------------------------------


def _d(value: str | None) -> dt.date | None:
    return parse_date(value) if value is not None else None


def _t(value: str | None) -> dt.datetime | None:
    return parse_date_time(value) if value is not None else None


def _whole(value: float | None) -> int | None:
    """JSON Schema counts 5.0 as an integer; it is stored as 5 (range checked before)."""
    return int(value) if value is not None else None


@dataclass
class ImportResult:
    conference_id: int
    case_id: int
    new_case: bool


class ExchangeService:
    def __init__(self, store: Store, profiles: ProfileRegistry, events: EventBus) -> None:
        self.store = store
        self.profiles = profiles
        self.events = events

    # import ----------------------------------------------------------------------------------

    def check(self, doc: dict[str, Any]) -> None:
        problems = problems_in(doc, self.profiles.codes)
        if problems:
            raise ExchangeError(problems)

    def import_file(self, path: Path) -> ImportResult:
        try:  # a regular file of bounded size: a FIFO or /dev/zero is refused, not read
            data = read_input(path, limit=MAX_FILE_BYTES, what="conference exchange file")
        except ValidationError as exc:
            raise ExchangeError([msg("in_the_file", problem=m) for m in exc.messages]) from exc
        return self.import_document(parse_text(data))

    def import_document(self, doc: dict[str, Any]) -> ImportResult:
        self.check(doc)
        with self.store.transaction("import conference"):
            result = self._write(doc)
        self.events.publish(
            Change(Entity.CONFERENCE, result.conference_id, result.conference_id, ChangeKind.ADDED)
        )
        return result

    def restore_document(
        self, doc: dict[str, Any], links: CarryLinks | None = None
    ) -> ImportResult:
        """Put back a conference deleted a moment ago, from the document its deletion returned
        (undo). The document came from this store, so it is written as it is: a value an older
        version let in (a date in 9999) must not stop the undo. ``links`` (from the deletion)
        link its carried actions to their originals and copies again, where those still exist."""
        with self.store.transaction("restore deleted conference"):
            result = self._write(doc)
            if links is not None:
                self._relink(result.conference_id, links)
        self.events.publish(
            Change(Entity.CONFERENCE, result.conference_id, result.conference_id, ChangeKind.ADDED)
        )
        return result

    def _relink(self, conference_id: int, links: CarryLinks) -> None:
        s = self.store
        self._put_parts(conference_id, links.parts)
        existing = set(s.conference_ids())
        if links.previous_conference_id in existing:
            s.update_conference(
                conference_id, {"previous_conference_id": links.previous_conference_id}
            )
        actions = s.actions(conference_id)
        for index, carried_from, carried_to in links.actions:
            if index >= len(actions):
                continue
            restored = actions[index].id or 0
            for other, mine, theirs in (
                (carried_from, "carried_from_action_id", "carried_to_action_id"),
                (carried_to, "carried_to_action_id", "carried_from_action_id"),
            ):
                if other is None:
                    continue
                try:
                    s.get_action(other)
                except NotFoundError:
                    continue
                s.update_action(restored, {mine: other})
                s.update_action(other, {theirs: restored})

    def _put_parts(self, conference_id: int, parts: RecordParts) -> None:
        """Put back what the document could not carry (the undo of a deletion)."""
        s = self.store
        s.update_conference(conference_id, parts.meetings())
        agenda = s.agenda(conference_id)
        for index, section in parts.sections:
            if index < len(agenda):
                s.update_agenda_item(agenda[index].id or 0, {"section": section})
        actions = s.actions(conference_id)
        for index, outcome, contingency in parts.plans:
            if index < len(actions):
                s.update_action(
                    actions[index].id or 0, {"outcome": outcome, "contingency": contingency}
                )

    def _write(self, doc: dict[str, Any]) -> ImportResult:
        s = self.store
        case_doc = doc["case"]
        c = doc["conference"]
        case = s.case_by_reference(case_doc["reference"])
        new_case = case is None
        if case is None:
            case = Case(reference=case_doc["reference"], jurisdiction=doc["jurisdiction"])
            s.add_case(case)
        assert case.id is not None
        existing = {
            (ch.name, ch.date_of_birth, ch.expected_date_of_birth) for ch in s.children(case.id)
        }
        position = len(existing)
        for child_doc in case_doc["children"]:
            child = Child(
                name=child_doc["name"],
                case_id=case.id,
                alt_name=child_doc.get("alt_name"),
                date_of_birth=_d(child_doc.get("date_of_birth")),
                expected_date_of_birth=_d(child_doc.get("expected_date_of_birth")),
                sex=Sex(child_doc["sex"]) if "sex" in child_doc else None,
                school=child_doc.get("school"),
            )
            key = (child.name, child.date_of_birth, child.expected_date_of_birth)
            if key not in existing:  # a child the case already has is not added again
                child.position = position
                position += 1
                s.add_child(child)

        report_doc = c.get("mandatory_report", {})
        conference = Conference(
            case_id=case.id,
            jurisdiction=doc["jurisdiction"],
            type=ConferenceType(c["type"]),
            scheduled_start=parse_date_time(c["scheduled_start"]),
            title=c.get("title"),
            referral_received=_d(c.get("referral_received")),
            started_at=_t(c.get("started_at")),
            ended_at=_t(c.get("ended_at")),
            venue=c.get("venue"),
            language=Language(c["language"]) if "language" in c else None,
            previous_conference=c.get("previous_conference"),
            next_review=_d(c.get("next_review")),
            mandatory_report=MandatoryReport(
                made=report_doc.get("made"),
                date=_d(report_doc.get("date")),
                made_to=report_doc.get("made_to"),
                reporter_identity=report_doc.get("reporter_identity"),
            ),
            status=ConferenceStatus.ENDED
            if c.get("ended_at")
            else (
                ConferenceStatus.IN_PROGRESS if c.get("started_at") else ConferenceStatus.PLANNED
            ),
            has_safety_mapping="safety_mapping" in c,
        )
        conference_id = s.add_conference(conference)

        for i, h in enumerate(case_doc.get("household", [])):
            s.add_household_member(
                HouseholdMember(
                    name=h["name"],
                    relationship=h["relationship"],
                    conference_id=conference_id,
                    alt_name=h.get("alt_name"),
                    notes=h.get("notes"),
                    position=i,
                )
            )

        attendee_ids: dict[str, int] = {}
        for i, a in enumerate(c["attendees"]):
            discipline = Discipline(a["discipline"]) if "discipline" in a else None
            person = s.person_matching(a["name"], a.get("agency"))
            if person is None:
                person = Person(
                    name=a["name"],
                    alt_name=a.get("alt_name"),
                    agency=a.get("agency"),
                    discipline=discipline,
                    job_title=a.get("job_title"),
                    email=a.get("email"),
                    phone=a.get("phone"),
                )
                s.add_person(person)
            attendee_ids[a["id"]] = s.add_attendee(
                Attendee(
                    name=a["name"],
                    attendance=Attendance(a["attendance"]),
                    conference_id=conference_id,
                    person_id=person.id,
                    alt_name=a.get("alt_name"),
                    agency=a.get("agency"),
                    discipline=discipline,
                    job_title=a.get("job_title"),
                    email=a.get("email"),
                    phone=a.get("phone"),
                    roles=[Role(r) for r in a.get("roles", [])],
                    arrived_at=_t(a.get("arrived_at")),
                    left_at=_t(a.get("left_at")),
                    report_submitted=a.get("report_submitted"),
                    report_shared_with_parents=a.get("report_shared_with_parents"),
                    attendance_note=a.get("attendance_note"),
                    exclusions=[
                        Exclusion(
                            left_at=parse_date_time(x["left_at"]),
                            returned_at=_t(x.get("returned_at")),
                            reason=x["reason"],
                        )
                        for x in a.get("exclusions", [])
                    ],
                    position=i,
                    ref=a["id"],
                )
            )

        # The file cannot say which minutes section an item's notes go under: an item the
        # profile's agenda templates name gets its section back from there.
        profile = self.profiles.find(doc["jurisdiction"])
        agenda_ids: dict[str, int] = {}
        for i, g in enumerate(c["agenda"]):
            agenda_ids[g["id"]] = s.add_agenda_item(
                AgendaItem(
                    title=g["title"],
                    conference_id=conference_id,
                    planned_minutes=_whole(g.get("planned_minutes")),
                    started_at=_t(g.get("started_at")),
                    ended_at=_t(g.get("ended_at")),
                    notes=g.get("notes"),
                    restricted=g.get("restricted"),
                    section=template_section(profile, conference.type, g["title"]),
                    position=i,
                    ref=g["id"],
                )
            )

        decision_ids: dict[str, int] = {}
        for i, d in enumerate(c["decisions"]):
            decision_ids[d["id"]] = s.add_decision(
                Decision(
                    kind=d["kind"],
                    text=d["text"],
                    conference_id=conference_id,
                    agenda_item_id=agenda_ids[d["agenda_item"]] if "agenda_item" in d else None,
                    value=d.get("value"),
                    rationale=d.get("rationale"),
                    method=DecisionMethod(d["method"]) if "method" in d else None,
                    restricted=d.get("restricted"),
                    dissent=[
                        Dissent(attendee_id=attendee_ids[x["attendee"]], view=x["view"])
                        for x in d.get("dissent", [])
                    ],
                    position=i,
                    ref=d["id"],
                )
            )

        # One statement for all the actions (and one for their updates), not a round of
        # queries each: a conference may have 100,000 actions.
        s.add_actions(
            [
                Action(
                    description=x["description"],
                    status=ActionStatus(x["status"]),
                    conference_id=conference_id,
                    owner_id=attendee_ids[x["owner"]] if "owner" in x else None,
                    owner_agency=x.get("owner_agency"),
                    due=_d(x.get("due")),
                    priority=Priority(x["priority"]) if "priority" in x else None,
                    decision_id=decision_ids[x["decision"]] if "decision" in x else None,
                    agenda_item_id=agenda_ids[x["agenda_item"]] if "agenda_item" in x else None,
                    carried_from=x.get("carried_from"),
                    completed_at=_t(x.get("completed_at")),
                    updates=[
                        ActionUpdate(
                            at=parse_date_time(u["at"]),
                            note=u["note"],
                            status=ActionStatus(u["status"]) if "status" in u else None,
                        )
                        for u in x.get("updates", [])
                    ],
                    position=i,
                    ref=x["id"],
                )
                for i, x in enumerate(c["actions"])
            ]
        )

        for i, entry in enumerate(c.get("distribution", [])):
            s.add_distribution(
                DistributionEntry(
                    attendee_id=attendee_ids[entry["attendee"]],
                    copy=CopyKind(entry["copy"]),
                    conference_id=conference_id,
                    position=i,
                )
            )

        mapping = c.get("safety_mapping", {})
        for section in SafetySection:
            for i, text in enumerate(mapping.get(section.value, [])):
                s.add_safety_line(
                    SafetyLine(section=section, text=text, conference_id=conference_id, position=i)
                )
        for i, sc in enumerate(mapping.get("scaling", [])):
            s.add_scaling(
                Scaling(
                    attendee_id=attendee_ids[sc["attendee"]],
                    score=int(sc["score"]),  # 7.0 is accepted as 7
                    note=sc.get("note"),
                    conference_id=conference_id,
                    position=i,
                )
            )
        return ImportResult(conference_id=conference_id, case_id=case.id, new_case=new_case)

    # export ----------------------------------------------------------------------------------

    def export_document(
        self, conference_id: int, *, with_reporter_identity: bool = False
    ) -> dict[str, Any]:
        """The exchange form of a conference; the reporter's identity only when asked for
        (the exchange spec: it leaves only on request)."""
        return record_to_document(
            self.store.load_record(conference_id), with_reporter_identity=with_reporter_identity
        )

    def left_out(self, conference_id: int) -> list[Message]:
        """What of the conference its exchange file cannot carry (the file's schema is shared
        and has no place for them), each named for the user; empty when nothing is lost."""
        record = self.store.load_record(conference_id)
        return left_out(record, self.profiles.find(record.conference.jurisdiction))

    def export_file(
        self,
        conference_id: int,
        path: Path,
        *,
        with_reporter_identity: bool = False,
        reason: str | None = None,
        checked: bool = False,
    ) -> list[Message]:
        """Write the exchange file and record it in the disclosure log, both or neither (the
        reporter's identity only with a ``reason``, which the log keeps). ``checked``: through
        ``save_export``, which says why a target cannot be written (a folder, read-only...).
        Returns what the file could not carry (:meth:`left_out`), for the user to be told."""
        require_reason(with_reporter_identity, reason)
        document = self.export_document(
            conference_id, with_reporter_identity=with_reporter_identity
        )
        data = dumps(document).encode("utf-8", "surrogatepass")
        write_recorded(
            self.store,
            path,
            data,
            DisclosureKind.EXCHANGE,
            (lambda p, d: save_export(p, d, "conference.json")) if checked else write_atomically,
            conference_id=conference_id,
            reason=reason,
            with_reporter_identity=with_reporter_identity,
        )
        return self.left_out(conference_id)

    def disclosed(
        self,
        conference_id: int,
        target: str | Path,
        data: bytes,
        with_reporter_identity: bool = False,
        reason: str | None = None,
    ) -> None:
        """Record in the disclosure log that an exchange file was written to ``target``."""
        record(
            self.store,
            DisclosureKind.EXCHANGE,
            conference_id=conference_id,
            target=target,
            data=data,
            reason=reason,
            with_reporter_identity=with_reporter_identity,
        )


__all__ = [
    "FORMAT",
    "MAX_FILE_BYTES",
    "SCHEMA_FILE",
    "VERSION",
    "ExchangeError",
    "ExchangeService",
    "ImportResult",
    "dumps",
    "left_out",
    "left_out_text",
    "normalise",
    "parse_date",
    "parse_date_time",
    "parse_text",
    "problems_in",
    "record_to_document",
    "schema",
    "template_section",
]
