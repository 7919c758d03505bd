"""The exchange file's values have ranges beyond the schema's types (issue 8): dates within the
years 1900-2199, whole planned minutes 0-600, text up to 1,048,576 characters a field, names
with a visible character, no absurd numbers or nesting. Each problem is one line with its path."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from mdcc_desktop.domain.rules import MAX_TEXT_CHARS
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.exchange import ExchangeError, parse_text, problems_in
from tests.conftest import DEMO

Doc = dict[str, Any]


def demo() -> Doc:
    doc: Doc = json.loads(DEMO.read_text(encoding="utf-8"))
    return doc


def c(doc: Doc) -> Doc:
    conference: Doc = doc["conference"]
    return conference


def problems(mutate: Any) -> list[str]:
    doc = demo()
    mutate(doc)
    return problems_in(doc, ["ENG", "HK"])


def test_the_demo_has_no_problems() -> None:
    assert problems(lambda d: None) == []


DATES = {
    "scheduled_start": (
        lambda d: c(d).update(scheduled_start="9999-12-31T10:00:00+08:00"),
        "conference.scheduled_start: '9999-12-31T10:00:00+08:00' is outside the years "
        "1900–2199 this app accepts",
    ),
    "started_at in year 1": (
        lambda d: c(d).update(started_at="0001-01-01T00:00:00+05:00"),
        "conference.started_at: '0001-01-01T00:00:00+05:00' is outside the years",
    ),
    "ended_at": (
        lambda d: c(d).update(ended_at="2200-01-01T00:00:00Z"),
        "conference.ended_at: '2200-01-01T00:00:00Z' is outside",
    ),
    "referral_received": (
        lambda d: c(d).update(referral_received="1899-12-31"),
        "conference.referral_received: '1899-12-31' is outside",
    ),
    "next_review": (
        lambda d: c(d).update(next_review="9999-12-31"),
        "conference.next_review: '9999-12-31' is outside",
    ),
    "action due": (
        lambda d: c(d)["actions"][0].update(due="9999-12-31"),
        "conference.actions[0].due: '9999-12-31' is outside",
    ),
    "action completed_at": (
        lambda d: c(d)["actions"][0].update(completed_at="2500-01-01T00:00:00Z"),
        "conference.actions[0].completed_at: '2500-01-01T00:00:00Z' is outside",
    ),
    "update at": (
        lambda d: c(d)["actions"][0].update(updates=[{"at": "3000-01-01T00:00:00Z", "note": "n"}]),
        "conference.actions[0].updates[0].at: '3000-01-01T00:00:00Z' is outside",
    ),
    "date of birth": (
        lambda d: d["case"]["children"][0].update(date_of_birth="1000-01-01"),
        "case.children[0].date_of_birth: '1000-01-01' is outside",
    ),
    "expected date of birth": (
        lambda d: d["case"]["children"][0].update(expected_date_of_birth="2999-01-01"),
        "case.children[0].expected_date_of_birth: '2999-01-01' is outside",
    ),
    "mandatory report date": (
        lambda d: c(d).update(mandatory_report={"made": True, "date": "9000-01-01"}),
        "conference.mandatory_report.date: '9000-01-01' is outside",
    ),
    "arrived_at": (
        lambda d: c(d)["attendees"][0].update(arrived_at="9999-01-01T00:00:00Z"),
        "conference.attendees[0].arrived_at: '9999-01-01T00:00:00Z' is outside",
    ),
    "exclusion returned_at": (
        lambda d: c(d)["attendees"][0].update(
            exclusions=[
                {
                    "left_at": "2026-01-01T00:00:00Z",
                    "returned_at": "9999-01-01T00:00:00Z",
                    "reason": "r",
                }
            ]
        ),
        "conference.attendees[0].exclusions[0].returned_at: '9999-01-01T00:00:00Z' is outside",
    ),
    "agenda started_at": (
        lambda d: c(d)["agenda"][0].update(started_at="9999-01-01T00:00:00Z"),
        "conference.agenda[0].started_at: '9999-01-01T00:00:00Z' is outside",
    ),
}


@pytest.mark.parametrize(("mutate", "expected"), list(DATES.values()), ids=list(DATES))
def test_every_date_and_date_time_is_within_the_window(mutate: Any, expected: str) -> None:
    found = problems(mutate)
    assert len(found) == 1, found
    assert found[0].startswith(expected)


def test_the_window_edges_are_accepted(services: Services) -> None:
    doc = demo()
    c(doc)["scheduled_start"] = "2199-12-31T23:59:59-12:00"
    c(doc)["referral_received"] = "1900-01-01"
    c(doc)["actions"][0]["due"] = "2199-12-31"
    doc["case"]["children"][0]["date_of_birth"] = "1900-01-01"
    assert problems_in(doc, None) == []
    conference_id = services.exchange.import_document(doc).conference_id
    assert services.deadlines.for_conference(conference_id)  # computable from the last day too


def test_a_text_field_over_the_limit_is_refused_naming_field_and_limit() -> None:
    found = problems(lambda d: c(d)["agenda"][0].update(notes="x" * (MAX_TEXT_CHARS + 1)))
    assert found == [
        "conference.agenda[0].notes: 1,048,577 characters is more than the limit of "
        "1,048,576 characters in one field"
    ]
    assert problems(lambda d: c(d)["agenda"][0].update(notes="x" * MAX_TEXT_CHARS)) == []


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (1e308, "conference.agenda[0].planned_minutes: 1e+308 is outside 0–600 minutes"),
        (601, "conference.agenda[0].planned_minutes: 601 is outside 0–600 minutes"),
        (601.0, "conference.agenda[0].planned_minutes: 601.0 is outside 0–600 minutes"),
        (5.5, "conference.agenda[0].planned_minutes: 5.5 is not of type integer"),
        (-1, "conference.agenda[0].planned_minutes: -1 is below the minimum 0"),
    ],
)
def test_planned_minutes_are_whole_and_bounded(minutes: float, expected: str) -> None:
    assert problems(lambda d: c(d)["agenda"][0].update(planned_minutes=minutes)) == [expected]


def test_a_whole_float_is_stored_as_an_integer(services: Services) -> None:
    doc = demo()
    c(doc)["agenda"][0]["planned_minutes"] = 600.0
    c(doc).setdefault("safety_mapping", {})["scaling"] = [
        {"attendee": c(doc)["attendees"][0]["id"], "score": 7.0}
    ]
    conference_id = services.exchange.import_document(doc).conference_id
    exported = services.exchange.export_document(conference_id, with_reporter_identity=True)
    minutes = exported["conference"]["agenda"][0]["planned_minutes"]
    assert minutes == 600 and isinstance(minutes, int)
    score = exported["conference"]["safety_mapping"]["scaling"][0]["score"]
    assert score == 7 and isinstance(score, int)


def test_a_score_outside_0_to_10_is_refused() -> None:
    def mutate(d: Doc) -> None:
        c(d).setdefault("safety_mapping", {})["scaling"] = [
            {"attendee": c(d)["attendees"][0]["id"], "score": 1e308}
        ]

    assert problems(mutate) == [
        "conference.safety_mapping.scaling[0].score: 1e+308 is above the maximum 10"
    ]


@pytest.mark.parametrize("name", [" ", "\t\n", "\u3000", "\u200b", "\x00", " \u200d "])
def test_names_must_hold_a_visible_character(name: str) -> None:
    def mutate(d: Doc) -> None:
        d["case"]["reference"] = name
        d["case"]["children"][0]["name"] = name
        d["case"]["household"] = [{"name": name, "relationship": "mother"}]
        c(d)["attendees"][0]["name"] = name

    found = problems(mutate)
    assert [p.split(":")[0] for p in found] == [
        "case.reference",
        "case.children[0].name",
        "case.household[0].name",
        "conference.attendees[0].name",
    ]
    assert all(p.endswith("holds no visible character") for p in found)


def test_a_name_with_one_visible_character_is_accepted() -> None:
    assert problems(lambda d: d["case"]["children"][0].update(name=" 陳 ")) == []


def test_a_5000_digit_number_is_a_problem_of_the_file() -> None:
    text = DEMO.read_text(encoding="utf-8").replace('"version": 1', '"version": ' + "7" * 5000)
    with pytest.raises(ExchangeError) as caught:
        parse_text(text.encode("utf-8"))
    assert caught.value.problems == [
        "(file): holds a number too long to read (more than 4,300 digits)"
    ]


@pytest.mark.parametrize("depth", [33, 985, 5000, 200_000])
def test_nesting_beyond_32_levels_is_a_problem_of_the_file(depth: int) -> None:
    doc = demo()
    text = json.dumps(doc)
    text = text.replace('"venue": ', '"extra": ' + "[" * depth + "]" * depth + ', "venue": ', 1)
    with pytest.raises(ExchangeError) as caught:
        parse_text(text)
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith("(file): nested")


def test_nesting_of_a_valid_file_is_accepted() -> None:
    doc = copy.deepcopy(demo())
    assert parse_text(json.dumps(doc)) == doc


def test_a_deep_document_built_in_code_is_refused_too(services: Services) -> None:
    doc = demo()
    deep: list[Any] = []
    for _ in range(5000):
        deep = [deep]
    c(doc)["venue"] = deep
    assert problems_in(doc, None) == [
        "(file): nested 5003 levels deep; an exchange file has at most 32"
    ]
    with pytest.raises(ExchangeError):
        services.exchange.import_document(doc)
