"""The package's exchange schema is the shared contract, and our checker agrees with it."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from mdcc_desktop.services.exchange import SCHEMA_FILE, problems_in, schema

Doc = dict[str, Any]

REPO = Path(__file__).resolve().parents[2]
SHARED_SCHEMA = REPO.parent / "shared" / "spec" / "conference-exchange-v1.schema.json"
SHARED_EXAMPLE = REPO.parent / "shared" / "spec" / "examples" / "eng-initial-max.json"
DEMO = REPO / "mdcc_desktop" / "services" / "demo" / "hk-initial-demo.json"


def _load(path: Any) -> Doc:
    with open(path, encoding="utf-8") as fh:
        loaded: Doc = json.load(fh)
    return loaded


@pytest.fixture(scope="module")
def shared_schema() -> Doc:
    """The shared contract; in a clone without ../shared, the package's copy of it (kept
    equal by test_package_schema_equals_the_shared_schema wherever ../shared exists)."""
    return _load(SHARED_SCHEMA if SHARED_SCHEMA.is_file() else SCHEMA_FILE)


@pytest.fixture(scope="module")
def contract(shared_schema: Doc) -> Draft202012Validator:
    Draft202012Validator.check_schema(shared_schema)
    return Draft202012Validator(shared_schema)  # no format checker: formats are annotations


def minimal_doc() -> Doc:
    return {
        "format": "mdcc-conference",
        "version": 1,
        "jurisdiction": "ENG",
        "case": {"reference": "R-1", "children": [{"name": "A child"}]},
        "conference": {
            "type": "review",
            "scheduled_start": "2026-01-05T09:00:00Z",
            "attendees": [],
            "agenda": [],
            "decisions": [],
            "actions": [],
        },
    }


def demo_doc() -> Doc:
    return _load(DEMO)


def shared_doc() -> Doc:
    from tests.conftest import EXAMPLE_COPY

    return _load(SHARED_EXAMPLE if SHARED_EXAMPLE.is_file() else EXAMPLE_COPY)


def test_package_schema_equals_the_shared_schema(shared_schema: Doc) -> None:
    if not SHARED_SCHEMA.is_file():
        pytest.skip("../shared is not beside this clone")
    assert _load(SCHEMA_FILE) == shared_schema
    assert schema() == shared_schema


# --- valid documents -------------------------------------------------------------------------


def _valid_docs() -> list[tuple[str, Callable[[], Doc]]]:
    def with_everything_optional() -> Doc:
        doc = shared_doc()
        c = doc["conference"]
        c["mandatory_report"] = {
            "made": False,
            "date": "2026-10-01",
            "made_to": "x",
            "reporter_identity": "y",
        }
        c["previous_conference"] = "CS-1"
        c["attendees"][0]["alt_name"] = "露絲"
        c["actions"][0].update(
            {
                "agenda_item": "a6",
                "carried_from": "old-1",
                "completed_at": "2026-11-25T12:00:00.123456-05:30",
                "priority": "normal",
            }
        )
        c["agenda"][0].update(
            {"started_at": "2026-11-20T10:04:00Z", "ended_at": "2026-11-20T10:09:00z"}
        )
        c["decisions"][0]["restricted"] = True
        doc["case"]["children"].append(
            {"name": "Unborn", "expected_date_of_birth": "2027-03-01", "sex": "unknown"}
        )
        return doc

    def minimal_with_empty_optional_lists() -> Doc:
        doc = minimal_doc()
        doc["case"]["household"] = []
        doc["conference"]["safety_mapping"] = {}
        doc["conference"]["distribution"] = []
        doc["conference"]["mandatory_report"] = {}
        return doc

    def unicode_everywhere() -> Doc:
        doc = minimal_doc()
        doc["case"]["reference"] = "陳-😀-שלום-\x00\x1f"
        doc["case"]["children"][0]["name"] = "\u202eRTL"
        doc["conference"]["title"] = ""
        return doc

    return [
        ("minimal", minimal_doc),
        ("demo", demo_doc),
        ("shared example", shared_doc),
        ("every optional field", with_everything_optional),
        ("empty optional lists", minimal_with_empty_optional_lists),
        ("unicode", unicode_everywhere),
    ]


@pytest.mark.parametrize("make", [m for _, m in _valid_docs()], ids=[n for n, _ in _valid_docs()])
def test_valid_documents_are_valid_for_both(
    make: Callable[[], Doc], contract: Draft202012Validator
) -> None:
    doc = make()
    assert contract.is_valid(doc)
    assert problems_in(doc, None) == []
    assert problems_in(doc, ["ENG", "HK"]) == []


# --- schema violations -----------------------------------------------------------------------


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    """A mutation setting ``path`` (dotted, with integer list indices) to ``value``."""

    def mutate(doc: Doc) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target: Any = doc
        for part in parents:
            target = target[part]
        target[last] = value

    return mutate


def _delete(path: str) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target: Any = doc
        for part in parents:
            target = target[part]
        del target[last]

    return mutate


INVALID: dict[str, Callable[[Doc], None]] = {
    "format missing": _delete("format"),
    "format wrong": _set("format", "mdcc-conferences"),
    "version 2": _set("version", 2),
    "version as text": _set("version", "1"),
    "version true": _set("version", True),
    "jurisdiction empty": _set("jurisdiction", ""),
    "jurisdiction number": _set("jurisdiction", 44),
    "extra top-level key": _set("comment", "hello"),
    "case missing": _delete("case"),
    "case reference empty": _set("case.reference", ""),
    "no children": _set("case.children", []),
    "child without name": _delete("case.children.0.name"),
    "child name null": _set("case.children.0.name", None),
    "child extra key": _set("case.children.0.age", 5),
    "child sex wrong": _set("case.children.0.sex", "f"),
    "household member without relationship": _delete("case.household.0.relationship"),
    "household not a list": _set("case.household", {"name": "x"}),
    "conference type wrong": _set("conference.type", "strategy"),
    "scheduled start missing": _delete("conference.scheduled_start"),
    "scheduled start a number": _set("conference.scheduled_start", 20261120),
    "language wrong": _set("conference.language", "fr"),
    "mandatory report made as text": _set("conference.mandatory_report", {"made": "yes"}),
    "mandatory report extra key": _set("conference.mandatory_report", {"by": "x"}),
    "attendees missing": _delete("conference.attendees"),
    "attendee id with a space": _set("conference.attendees.0.id", "the chair"),
    "attendee id empty": _set("conference.attendees.0.id", ""),
    "attendee id 65 characters": _set("conference.attendees.0.id", "a" * 65),
    "attendee id non-ascii": _set("conference.attendees.0.id", "主席"),
    "attendee id a number": _set("conference.attendees.0.id", 1),
    "attendee without attendance": _delete("conference.attendees.0.attendance"),
    "attendance wrong": _set("conference.attendees.0.attendance", "here"),
    "discipline wrong": _set("conference.attendees.0.discipline", "teacher"),
    "role unknown": _set("conference.attendees.0.roles", ["boss"]),
    "role twice": _set("conference.attendees.0.roles", ["chair", "chair"]),
    "report submitted as text": _set("conference.attendees.2.report_submitted", "true"),
    "agenda title empty": _set("conference.agenda.0.title", ""),
    "planned minutes negative": _set("conference.agenda.0.planned_minutes", -1),
    "planned minutes fractional": _set("conference.agenda.0.planned_minutes", 1.5),
    "planned minutes text": _set("conference.agenda.0.planned_minutes", "5"),
    "restricted as text": _set("conference.agenda.3.restricted", "yes"),
    "safety line not text": _set("conference.safety_mapping.worries", [1]),
    "safety mapping extra key": _set("conference.safety_mapping.risks", []),
    "scaling score 11": _set("conference.safety_mapping.scaling.0.score", 11),
    "scaling score negative": _set("conference.safety_mapping.scaling.0.score", -1),
    "scaling without attendee": _delete("conference.safety_mapping.scaling.0.attendee"),
    "decision kind empty": _set("conference.decisions.0.kind", ""),
    "decision without text": _delete("conference.decisions.1.text"),
    "decision method wrong": _set("conference.decisions.0.method", "vote"),
    "dissent view empty": _set("conference.decisions.0.dissent.0.view", ""),
    "action description empty": _set("conference.actions.0.description", ""),
    "action status wrong": _set("conference.actions.0.status", "bogus"),
    "action priority wrong": _set("conference.actions.0.priority", "urgent"),
    "action owner id invalid": _set("conference.actions.0.owner", "no such/owner"),
    "action update without at": _delete("conference.actions.4.updates.0.at"),
    "action update status wrong": _set("conference.actions.4.updates.0.status", "finished"),
    "distribution copy wrong": _set("conference.distribution.0.copy", "half"),
    "next review a number": _set("conference.next_review", 2027),
    "conference extra key": _set("conference.outcome", "plan"),
    "conference a list": _set("conference", []),
}


@pytest.mark.parametrize("mutate", list(INVALID.values()), ids=list(INVALID))
def test_schema_violations_are_refused_by_both(
    mutate: Callable[[Doc], None], contract: Draft202012Validator
) -> None:
    doc = copy.deepcopy(shared_doc())
    mutate(doc)
    assert not contract.is_valid(doc)
    problems = problems_in(doc, None)
    assert problems, "our checker accepted a document the contract refuses"
    assert all(": " in p for p in problems)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            "conference.actions.0.due",
            "2026-13-01",
            "conference.actions[0].due: '2026-13-01' is not a date",
        ),
        (
            "conference.actions.0.due",
            "2026-02-30",
            "conference.actions[0].due: '2026-02-30' is not a date",
        ),
        (
            "conference.actions.0.due",
            "2026-2-3",
            "conference.actions[0].due: '2026-2-3' is not a date",
        ),
        (
            "conference.next_review",
            "19/02/2027",
            "conference.next_review: '19/02/2027' is not a date",
        ),
        (
            "case.children.0.date_of_birth",
            "2021-02-14T00:00:00Z",
            "case.children[0].date_of_birth: '2021-02-14T00:00:00Z' is not a date",
        ),
        (
            "conference.scheduled_start",
            "2026-11-20T10:00:00",
            "conference.scheduled_start: '2026-11-20T10:00:00' is not a date-time",
        ),
        (
            "conference.started_at",
            "2026-11-20 10:04:00+00:00",
            "conference.started_at: '2026-11-20 10:04:00+00:00' is not a date-time",
        ),
        (
            "conference.ended_at",
            "2026-11-20T25:00:00+00:00",
            "conference.ended_at: '2026-11-20T25:00:00+00:00' is not a date-time",
        ),
        (
            "conference.attendees.4.arrived_at",
            "2026-11-20",
            "conference.attendees[4].arrived_at: '2026-11-20' is not a date-time",
        ),
    ],
)
def test_format_errors_are_refused_beyond_the_contract(
    path: str, value: str, message: str, contract: Draft202012Validator
) -> None:
    doc = copy.deepcopy(shared_doc())
    _set(path, value)(doc)
    assert contract.is_valid(doc)  # formats are annotations only for a plain validator
    assert problems_in(doc, None) == [message]


def test_every_violation_is_reported_not_only_the_first() -> None:
    doc = copy.deepcopy(shared_doc())
    _set("conference.actions.0.status", "bogus")(doc)
    _set("conference.actions.3.due", "2026-13-01")(doc)
    _delete("case.reference")(doc)
    problems = problems_in(doc, None)
    assert problems == [
        "case: 'reference' is required",
        "conference.actions[0].status: 'bogus' is not one of open, in_progress, done, cancelled",
        "conference.actions[3].due: '2026-13-01' is not a date",
    ]


def test_known_profiles_are_only_checked_when_given() -> None:
    doc = minimal_doc()
    doc["jurisdiction"] = "XX"
    assert problems_in(doc, None) == []
    assert problems_in(doc, ["ENG", "HK"]) == [
        "jurisdiction: unknown profile 'XX'; known profiles: ENG, HK"
    ]


def test_a_number_sqlite_cannot_store_is_refused(contract: Draft202012Validator) -> None:
    doc = copy.deepcopy(shared_doc())
    _set("conference.agenda.0.planned_minutes", 10**20)(doc)
    assert contract.is_valid(doc)
    assert problems_in(doc, None) == [
        "conference.agenda[0].planned_minutes: 100000000000000000000 is too large a number"
    ]
