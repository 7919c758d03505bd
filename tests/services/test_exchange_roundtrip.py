"""Import then export gives the file back: the spec's "round trip is lossless" rule."""

from __future__ import annotations

import copy
import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdcc_desktop.domain.rules import MAX_PLANNED_MINUTES, MAX_YEAR, MIN_YEAR, has_visible_character
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.exchange import normalise, parse_text, problems_in
from tests.conftest import open_services

Doc = dict[str, Any]


def _load(path: Path) -> Doc:
    return parse_text(path.read_bytes())


def _round_trip(services: Services, doc: Doc) -> Doc:
    result = services.exchange.import_document(copy.deepcopy(doc))
    return services.exchange.export_document(result.conference_id, with_reporter_identity=True)


def test_shared_example_round_trips_exactly(services: Services, shared_example: Path) -> None:
    original = _load(shared_example)
    result = services.exchange.import_file(shared_example)
    exported = services.exchange.export_document(result.conference_id, with_reporter_identity=True)
    assert exported == original
    assert normalise(exported) == normalise(original)
    assert problems_in(exported, services.profiles.codes) == []


def test_demo_round_trips_exactly(services: Services, example_file: Path) -> None:
    original = _load(example_file)
    result = services.exchange.import_file(example_file)
    exported = services.exchange.export_document(result.conference_id, with_reporter_identity=True)
    assert exported == original
    assert normalise(exported) == normalise(original)
    # the restricted reporter identity is part of the lossless exchange file
    assert exported["conference"]["mandatory_report"]["reporter_identity"].startswith("DEMO ONLY")


def test_exported_file_reimports_to_the_same_conference(
    services: Services, example_file: Path, tmp_path: Path
) -> None:
    first = services.exchange.import_file(example_file)
    out = tmp_path / "out.json"
    services.exchange.export_file(
        first.conference_id, out, with_reporter_identity=True, reason="a round trip"
    )
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["case"]["reference"] = "ANOTHER-REF"
    again = _round_trip(services, doc)
    assert again == doc


def test_one_megabyte_note_round_trips(services: Services, example_file: Path) -> None:
    doc = _load(example_file)
    chunk = "Notes 筆記 😀 שלום \x00\x01\x1f\t\n"
    note = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    doc["conference"]["agenda"][0]["notes"] = note
    exported = _round_trip(services, doc)
    assert exported["conference"]["agenda"][0]["notes"] == note
    assert exported == doc


def test_attendance_notes_and_exclusions_are_stored_and_come_back(
    services: Services, example_file: Path
) -> None:
    """The spec's additions (attendance_note, exclusions) were once accepted and dropped."""
    doc = _load(example_file)
    attendees = doc["conference"]["attendees"]
    attendees[0]["attendance_note"] = "病假 sick leave 😷"
    attendees[1]["exclusions"] = [
        {
            "left_at": "2026-11-13T10:05:00+08:00",
            "returned_at": "2026-11-13T10:25:00+08:00",
            "reason": "Police information 警方資料",
        },
        {"left_at": "2026-11-13T11:00:00+08:00", "reason": "Did not return"},
    ]
    exported = _round_trip(services, doc)
    assert exported["conference"]["attendees"][0]["attendance_note"] == "病假 sick leave 😷"
    assert exported["conference"]["attendees"][1]["exclusions"] == attendees[1]["exclusions"]
    assert exported == doc
    stored = services.store.attendees(services.store.conference_ids()[-1])
    assert [x.reason for x in stored[1].exclusions] == [
        "Police information 警方資料",
        "Did not return",
    ]
    assert stored[1].exclusions[1].returned_at is None


def test_two_identical_children_in_one_file_both_come_back(
    services: Services, example_file: Path
) -> None:
    doc = _load(example_file)
    doc["case"]["children"].append(dict(doc["case"]["children"][0]))
    exported = _round_trip(services, doc)
    assert exported["case"]["children"] == doc["case"]["children"]


def test_date_times_compare_as_instants(services: Services, example_file: Path) -> None:
    doc = _load(example_file)
    doc["conference"]["scheduled_start"] = "2026-11-13T06:30:00z"
    doc["conference"]["started_at"] = "2026-11-13T06:34:00.1234567Z"
    doc["conference"]["ended_at"] = "1900-01-01T00:00:00+05:00"
    exported = _round_trip(services, doc)
    assert normalise(exported) == normalise(doc)
    assert normalise(exported)["conference"]["scheduled_start"] == "2026-11-13T06:30:00+00:00"


# --- generated conferences -------------------------------------------------------------------

SPECIAL = ["陳嘉欣", "😀👨‍👩‍👧", "שלום עולם", "مرحبا", "\x00", "\x1f", "\u202e", "a\r\nb", " ", ""]
ID_CHARS = "ABCXYZabcxyz0123456789_.-"

texts = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
)
non_empty = texts.filter(lambda s: len(s) > 0)
# Names must hold a visible character, dates lie in the years the app accepts (issue 8).
names = non_empty.filter(has_visible_character)
dates = st.dates(dt.date(MIN_YEAR, 1, 1), dt.date(MAX_YEAR, 12, 31)).map(dt.date.isoformat)


@st.composite
def date_times(draw: st.DrawFn) -> str:
    moment = draw(st.datetimes(dt.datetime(MIN_YEAR, 1, 1), dt.datetime(MAX_YEAR, 12, 31, 23, 59)))
    minutes = draw(st.integers(-(23 * 60 + 59), 23 * 60 + 59))
    text = moment.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes))).isoformat()
    if minutes == 0 and draw(st.booleans()):
        text = text.replace("+00:00", draw(st.sampled_from(["Z", "z"])))
    return text


def ids(n_max: int) -> st.SearchStrategy[list[str]]:
    return st.lists(st.text(ID_CHARS, min_size=1, max_size=64), max_size=n_max, unique=True)


def _optional(draw: st.DrawFn, target: Doc, key: str, strategy: st.SearchStrategy[Any]) -> None:
    if draw(st.booleans()):
        target[key] = draw(strategy)


def _maybe_ref(draw: st.DrawFn, target: Doc, key: str, choices: list[str]) -> None:
    if choices and draw(st.booleans()):
        target[key] = draw(st.sampled_from(choices))


STATUSES = ["open", "in_progress", "done", "cancelled"]
ROLES = [
    "chair",
    "minute_taker",
    "key_worker",
    "core_group",
    "parent",
    "child",
    "carer",
    "interpreter",
    "supporter",
    "observer",
    "report_author",
]
DISCIPLINES = [
    "social_work",
    "police",
    "health",
    "education",
    "psychology",
    "family",
    "legal",
    "interpreter",
    "ngo",
    "other",
]


@st.composite
def exchange_docs(draw: st.DrawFn) -> Doc:
    children = []
    for _ in range(draw(st.integers(1, 3))):
        child: Doc = {"name": draw(names)}
        _optional(draw, child, "alt_name", texts)
        _optional(draw, child, "date_of_birth", dates)
        _optional(draw, child, "expected_date_of_birth", dates)
        _optional(draw, child, "sex", st.sampled_from(["female", "male", "other", "unknown"]))
        _optional(draw, child, "school", texts)
        children.append(child)
    case: Doc = {"reference": draw(names), "children": children}
    if draw(st.booleans()):
        household = []
        for _ in range(draw(st.integers(0, 3))):
            member: Doc = {"name": draw(names), "relationship": draw(non_empty)}
            _optional(draw, member, "alt_name", texts)
            _optional(draw, member, "notes", texts)
            household.append(member)
        case["household"] = household

    c: Doc = {"type": draw(st.sampled_from(["initial", "review", "pre_birth", "other"]))}
    _optional(draw, c, "title", texts)
    _optional(draw, c, "referral_received", dates)
    c["scheduled_start"] = draw(date_times())
    _optional(draw, c, "started_at", date_times())
    _optional(draw, c, "ended_at", date_times())
    _optional(draw, c, "venue", texts)
    _optional(draw, c, "language", st.sampled_from(["en", "zh-Hant"]))
    _optional(draw, c, "previous_conference", texts)
    if draw(st.booleans()):
        report: Doc = {}
        _optional(draw, report, "made", st.booleans())
        _optional(draw, report, "date", dates)
        _optional(draw, report, "made_to", texts)
        _optional(draw, report, "reporter_identity", texts)
        c["mandatory_report"] = report

    attendee_ids = draw(ids(5))
    attendees = []
    for attendee_id in attendee_ids:
        a: Doc = {"id": attendee_id, "name": draw(names)}
        for key in ("alt_name", "agency", "job_title", "email", "phone"):
            _optional(draw, a, key, texts)
        _optional(draw, a, "discipline", st.sampled_from(DISCIPLINES))
        _optional(draw, a, "roles", st.lists(st.sampled_from(ROLES), unique=True, max_size=3))
        a["attendance"] = draw(
            st.sampled_from(["invited", "present", "apologies", "absent", "report_only"])
        )
        _optional(draw, a, "arrived_at", date_times())
        _optional(draw, a, "left_at", date_times())
        _optional(draw, a, "report_submitted", st.booleans())
        _optional(draw, a, "report_shared_with_parents", st.booleans())
        _optional(draw, a, "attendance_note", texts)
        if draw(st.booleans()):
            exclusions = []
            for _ in range(draw(st.integers(0, 2))):
                x: Doc = {"left_at": draw(date_times())}
                _optional(draw, x, "returned_at", date_times())
                x["reason"] = draw(non_empty)
                exclusions.append(x)
            a["exclusions"] = exclusions
        attendees.append(a)
    c["attendees"] = attendees

    agenda_ids = draw(ids(4))
    agenda = []
    for item_id in agenda_ids:
        g: Doc = {"id": item_id, "title": draw(non_empty)}
        _optional(draw, g, "planned_minutes", st.integers(0, MAX_PLANNED_MINUTES))
        _optional(draw, g, "started_at", date_times())
        _optional(draw, g, "ended_at", date_times())
        _optional(draw, g, "notes", texts)
        _optional(draw, g, "restricted", st.booleans())
        agenda.append(g)
    c["agenda"] = agenda

    if draw(st.booleans()):
        mapping: Doc = {}
        for key in (
            "worries",
            "working_well",
            "needs_to_happen",
            "danger_statements",
            "safety_goals",
        ):
            _optional(draw, mapping, key, st.lists(texts, max_size=3))
        if attendee_ids and draw(st.booleans()):
            scaling = []
            for _ in range(draw(st.integers(0, 3))):
                sc: Doc = {
                    "attendee": draw(st.sampled_from(attendee_ids)),
                    "score": draw(st.integers(0, 10)),
                }
                _optional(draw, sc, "note", texts)
                scaling.append(sc)
            mapping["scaling"] = scaling
        c["safety_mapping"] = mapping

    decision_ids = draw(ids(3))
    decisions = []
    for decision_id in decision_ids:
        d: Doc = {"id": decision_id}
        _maybe_ref(draw, d, "agenda_item", agenda_ids)
        d["kind"] = draw(non_empty)
        _optional(draw, d, "value", texts)
        d["text"] = draw(texts)
        _optional(draw, d, "rationale", texts)
        _optional(draw, d, "method", st.sampled_from(["consensus", "majority", "chair"]))
        _optional(draw, d, "restricted", st.booleans())
        if attendee_ids and draw(st.booleans()):
            d["dissent"] = [
                {"attendee": draw(st.sampled_from(attendee_ids)), "view": draw(non_empty)}
                for _ in range(draw(st.integers(0, 2)))
            ]
        decisions.append(d)
    c["decisions"] = decisions

    actions = []
    for action_id in draw(ids(4)):
        x: Doc = {"id": action_id, "description": draw(non_empty)}
        _maybe_ref(draw, x, "owner", attendee_ids)
        _optional(draw, x, "owner_agency", texts)
        _optional(draw, x, "due", dates)
        x["status"] = draw(st.sampled_from(STATUSES))
        _optional(draw, x, "priority", st.sampled_from(["normal", "high"]))
        _maybe_ref(draw, x, "decision", decision_ids)
        _maybe_ref(draw, x, "agenda_item", agenda_ids)
        _optional(draw, x, "carried_from", texts)
        _optional(draw, x, "completed_at", date_times())
        if draw(st.booleans()):
            updates = []
            for _ in range(draw(st.integers(0, 2))):
                u: Doc = {"at": draw(date_times()), "note": draw(texts)}
                _optional(draw, u, "status", st.sampled_from(STATUSES))
                updates.append(u)
            x["updates"] = updates
        actions.append(x)
    c["actions"] = actions

    if attendee_ids and draw(st.booleans()):
        c["distribution"] = [
            {
                "attendee": draw(st.sampled_from(attendee_ids)),
                "copy": draw(st.sampled_from(["full", "parent"])),
            }
            for _ in range(draw(st.integers(0, 3)))
        ]
    _optional(draw, c, "next_review", dates)

    return {
        "format": "mdcc-conference",
        "version": 1,
        "jurisdiction": draw(st.sampled_from(["ENG", "HK"])),
        "case": case,
        "conference": c,
    }


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(doc=exchange_docs())
def test_generated_conferences_round_trip(doc: Doc) -> None:
    assert problems_in(doc, ["ENG", "HK"]) == []  # the strategy makes valid files only
    with tempfile.TemporaryDirectory() as tmp:
        services = open_services(Path(tmp) / "data")
        try:
            exported = _round_trip(services, doc)
            assert problems_in(exported, services.profiles.codes) == []
            assert normalise(exported) == normalise(doc)
            # the written file carries the same text, control characters included
            out = Path(tmp) / "out.json"
            result_id = services.store.conference_ids()[-1]
            services.exchange.export_file(
                result_id, out, with_reporter_identity=True, reason="a round trip"
            )
            assert normalise(parse_text(out.read_bytes())) == normalise(doc)
        finally:
            services.close()


def test_the_reporters_identity_is_exported_only_when_asked(
    services: Services, example_file: Path
) -> None:
    """The exchange spec: ``mandatory_report.reporter_identity`` leaves only on request."""
    result = services.exchange.import_file(example_file)
    plain = services.exchange.export_document(result.conference_id)
    asked = services.exchange.export_document(result.conference_id, with_reporter_identity=True)
    assert "reporter_identity" not in plain["conference"]["mandatory_report"]
    assert asked["conference"]["mandatory_report"]["reporter_identity"]
    asked["conference"]["mandatory_report"].pop("reporter_identity")
    assert plain == asked  # nothing else is left out
