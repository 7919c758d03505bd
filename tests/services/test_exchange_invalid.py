"""Refused files: every problem named with its JSON path, and the database left as it was."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mdcc_desktop.services.context import Services
from mdcc_desktop.services.demo import load_demo
from mdcc_desktop.services.events import Change
from mdcc_desktop.services.exchange import ExchangeError, parse_text
from mdcc_desktop.store import Store
from tests.conftest import dump_database

Doc = dict[str, Any]

# "(file)" or a JSON path such as conference.actions[3].due, then ": " and the message
PATH_LINE = re.compile(
    r"^(\(file\)|(format|version|jurisdiction|case|conference)(\.[A-Za-z_]\w*|\[\d+\])*): \S"
)


def dump(services: Services) -> list[str]:
    return dump_database(services.store.db)


@pytest.fixture
def populated(services: Services) -> Services:
    """A database that already holds a conference, so "unchanged" means something."""
    load_demo(services.exchange)
    return services


@pytest.fixture
def base_doc(example_file: Path) -> Doc:
    doc = parse_text(example_file.read_bytes())
    doc["case"]["reference"] = "NEW-REF-1"  # not in the database yet: a refusal must not add it
    return doc


def _refused(services: Services, path: Path) -> list[str]:
    before = dump(services)
    seen: list[Change] = []
    services.events.subscribe(seen.append)
    with pytest.raises(ExchangeError) as caught:
        services.exchange.import_file(path)
    problems = caught.value.problems
    assert problems
    for line in problems:
        assert PATH_LINE.match(line), line
    assert dump(services) == before
    assert seen == []
    return problems


# --- files that are not JSON objects ---------------------------------------------------------

RAW: dict[str, tuple[bytes, str]] = {
    "bad JSON": (
        b'{\n  "format": "mdcc-conference",\n  "version": 1,\n  oops\n}',
        "(file): not valid JSON at line 4, column 3",
    ),
    "truncated JSON": (
        b'{"format": "mdcc-conference", "version": ',
        "(file): not valid JSON at line 1, column 42",
    ),
    "empty file": (b"", "(file): the file is empty"),
    "whitespace only": (b" \n\t\r\n  ", "(file): the file is empty"),
    "BOM only": (b"\xef\xbb\xbf", "(file): the file is empty"),
    "latin-1 bytes": ('{"format": "café"}'.encode("latin-1"), "(file): not UTF-8 text (byte 15)"),
    "UTF-16": ('{"format": 1}'.encode("utf-16"), "(file): not UTF-8 text"),
    "binary": (bytes(range(256)), "(file): not UTF-8 text"),
    "array at top level": (
        b'[{"format": "mdcc-conference"}]',
        "(file): the file must hold one JSON object, not a list or a value",
    ),
    "string at top level": (b'"mdcc-conference"', "(file): the file must hold one JSON object"),
    "null at top level": (b"null", "(file): the file must hold one JSON object"),
    "duplicate keys": (
        b'{"format": "mdcc-conference", "format": "x"}',
        "(file): the key 'format' appears twice in one object",
    ),
    "NaN": (b'{"version": NaN}', "(file): NaN is not a JSON number"),
    "Infinity": (b'{"version": -Infinity}', "(file): -Infinity is not a JSON number"),
    "deeply nested": (b"[" * 100_000 + b"]" * 100_000, "(file): "),
}


@pytest.mark.parametrize(("content", "expected"), list(RAW.values()), ids=list(RAW))
def test_unreadable_files_are_refused(
    populated: Services, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(content)
    problems = _refused(populated, path)
    assert len(problems) == 1
    assert problems[0].startswith(expected)


def test_missing_file_and_folder_are_refused(populated: Services, tmp_path: Path) -> None:
    assert _refused(populated, tmp_path / "nope.json") == [
        f"(file): {tmp_path / 'nope.json'} does not exist"
    ]
    assert _refused(populated, tmp_path) == [f"(file): {tmp_path} is a folder, not a file"]


# --- JSON objects that break the contract ----------------------------------------------------


def _mutations() -> dict[str, tuple[Callable[[Doc], Any], list[str]]]:
    def c(doc: Doc) -> Doc:
        conference: Doc = doc["conference"]
        return conference

    return {
        "wrong format": (
            lambda d: d.update(format="mdcc-case"),
            ["format: 'mdcc-case' must be 'mdcc-conference'"],
        ),
        "wrong version": (lambda d: d.update(version=2), ["version: 2 must be 1"]),
        "missing required fields": (
            lambda d: (
                d["case"].pop("reference"),
                c(d).pop("actions"),
                c(d)["attendees"][1].pop("name"),
            ),
            [
                "case: 'reference' is required",
                "conference: 'actions' is required",
                "conference.attendees[1]: 'name' is required",
            ],
        ),
        "wrong enum": (
            lambda d: c(d)["actions"][2].update(status="bogus"),
            [
                "conference.actions[2].status: 'bogus' is not one of open, in_progress, done, "
                "cancelled"
            ],
        ),
        "impossible due date": (
            lambda d: c(d)["actions"][0].update(due="2026-13-01"),
            ["conference.actions[0].due: '2026-13-01' is not a date"],
        ),
        "date-time without offset": (
            lambda d: c(d).update(scheduled_start="2026-11-13T14:30:00"),
            ["conference.scheduled_start: '2026-11-13T14:30:00' is not a date-time"],
        ),
        "unknown jurisdiction": (
            lambda d: d.update(jurisdiction="SCO"),
            ["jurisdiction: unknown profile 'SCO'; known profiles: ENG, HK"],
        ),
        "dangling owner": (
            lambda d: c(d)["actions"][1].update(owner="nobody"),
            ["conference.actions[1].owner: 'nobody' is not the id of any attendee in this file"],
        ),
        "dangling decision": (
            lambda d: c(d)["actions"][0].update(decision="d99"),
            ["conference.actions[0].decision: 'd99' is not the id of any decision in this file"],
        ),
        "dangling agenda item of an action": (
            lambda d: c(d)["actions"][0].update(agenda_item="a99"),
            [
                "conference.actions[0].agenda_item: 'a99' is not the id of any agenda item in "
                "this file"
            ],
        ),
        "dangling agenda item of a decision": (
            lambda d: c(d)["decisions"][1].update(agenda_item="a99"),
            [
                "conference.decisions[1].agenda_item: 'a99' is not the id of any agenda item in "
                "this file"
            ],
        ),
        "dangling dissent attendee": (
            lambda d: c(d)["decisions"][0]["dissent"][0].update(attendee="ghost"),
            [
                "conference.decisions[0].dissent[0].attendee: 'ghost' is not the id of any "
                "attendee in this file"
            ],
        ),
        "dangling scaling attendee": (
            lambda d: c(d).update(safety_mapping={"scaling": [{"attendee": "ghost", "score": 5}]}),
            [
                "conference.safety_mapping.scaling[0].attendee: 'ghost' is not the id of any "
                "attendee in this file"
            ],
        ),
        "dangling distribution attendee": (
            lambda d: c(d)["distribution"].insert(0, {"attendee": "ghost", "copy": "full"}),
            [
                "conference.distribution[0].attendee: 'ghost' is not the id of any attendee in "
                "this file"
            ],
        ),
        "duplicate attendee id": (
            lambda d: c(d)["attendees"].insert(
                3, {"id": "chair", "name": "Another chair", "attendance": "present"}
            ),
            ["conference.attendees[3].id: the id 'chair' is used twice"],
        ),
        "duplicate agenda, decision and action ids": (
            lambda d: (
                c(d)["agenda"][1].update(id="a1"),
                c(d)["decisions"][2].update(id="d1"),
                c(d)["actions"][3].update(id="x1"),
            ),
            [
                "conference.agenda[1].id: the id 'a1' is used twice",
                "conference.decisions[2].id: the id 'd1' is used twice",
                "conference.actions[3].id: the id 'x1' is used twice",
            ],
        ),
        "lone surrogate": (
            lambda d: c(d).update(title="before \ud800 after"),
            ["conference.title: holds an unpaired surrogate (U+D800), which is not a character"],
        ),
        "number too large to store": (
            lambda d: c(d)["agenda"][0].update(planned_minutes=2**64),
            [f"conference.agenda[0].planned_minutes: {2**64} is too large a number"],
        ),
    }


@pytest.mark.parametrize(
    ("mutate", "expected"), list(_mutations().values()), ids=list(_mutations())
)
def test_invalid_documents_are_refused_with_their_paths(
    populated: Services,
    base_doc: Doc,
    tmp_path: Path,
    mutate: Callable[[Doc], Any],
    expected: list[str],
) -> None:
    mutate(base_doc)
    path = tmp_path / "in.json"
    # ensure_ascii keeps a lone surrogate as the escape "\ud800", as a JSON file would hold it
    path.write_text(json.dumps(base_doc, ensure_ascii=True), encoding="utf-8")
    assert _refused(populated, path) == expected


def test_the_due_date_message_of_the_spec(
    populated: Services, tmp_path: Path, base_doc: Doc
) -> None:
    base_doc["conference"]["actions"][3]["due"] = "2026-13-01"
    path = tmp_path / "in.json"
    path.write_text(json.dumps(base_doc), encoding="utf-8")
    assert _refused(populated, path) == ["conference.actions[3].due: '2026-13-01' is not a date"]


def test_lone_surrogate_escape_in_the_raw_text(
    populated: Services, tmp_path: Path, example_file: Path
) -> None:
    text = example_file.read_text(encoding="utf-8")
    text = text.replace('"venue": "', '"venue": "\\ud800', 1)
    path = tmp_path / "in.json"
    path.write_text(text, encoding="utf-8")
    problems = _refused(populated, path)
    assert problems == [
        "conference.venue: holds an unpaired surrogate (U+D800), which is not a character"
    ]


def test_a_valid_file_is_then_accepted(populated: Services, base_doc: Doc, tmp_path: Path) -> None:
    """The control case: the same file unmodified is imported, so refusals above are real."""
    before = populated.store.conference_ids()
    path = tmp_path / "in.json"
    path.write_text(json.dumps(base_doc), encoding="utf-8")
    result = populated.exchange.import_file(path)
    assert populated.store.conference_ids() == [*before, result.conference_id]


# --- all or nothing --------------------------------------------------------------------------


class BoomError(RuntimeError):
    pass


def test_an_import_that_fails_halfway_leaves_nothing(
    populated: Services, base_doc: Doc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The distribution is written after every action and update (bulk-inserted): all of them
    # must go when the third distribution entry fails.
    calls = {"n": 0}
    real_add_distribution = Store.add_distribution

    def failing_add_distribution(self: Store, entry: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 3:
            raise BoomError("disk pulled out")
        return real_add_distribution(self, entry)

    monkeypatch.setattr(Store, "add_distribution", failing_add_distribution)
    path = tmp_path / "in.json"
    path.write_text(json.dumps(base_doc), encoding="utf-8")
    before = dump(populated)
    seen: list[Change] = []
    populated.events.subscribe(seen.append)
    with pytest.raises(BoomError):
        populated.exchange.import_file(path)
    assert calls["n"] == 3
    assert dump(populated) == before
    assert populated.store.case_by_reference("NEW-REF-1") is None
    assert seen == []

    monkeypatch.setattr(Store, "add_distribution", real_add_distribution)
    result = populated.exchange.import_file(path)  # the store still works afterwards
    assert len(populated.store.actions(result.conference_id)) == len(
        base_doc["conference"]["actions"]
    )


def test_an_id_with_a_trailing_newline_is_refused() -> None:
    """JSON Schema's "$" is the end of the text (ECMA-262), not "before a final newline"."""
    from mdcc_desktop.services.exchange import problems_in
    from tests.conftest import DEMO

    doc = json.loads(DEMO.read_text(encoding="utf-8"))
    doc["conference"]["actions"][0]["id"] = "x1\n"
    problems = problems_in(doc, ["ENG", "HK"])
    assert "conference.actions[0].id: 'x1\\n' is not a valid id" in problems[0]
