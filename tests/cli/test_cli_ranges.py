"""Values have ranges, on the command line (issue 8): out-of-range files are refused with exit 2
and one line per problem; values already in a database (from before the checks) never make a
command fail; a broken profile is skipped with a warning and the command still runs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli_commands import DEMO, Run, _env, mdcc
from tests.conftest import open_services


def demo_doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(DEMO.read_text(encoding="utf-8"))
    return doc


def run(tmp_path: Path, *args: Any) -> Run:
    return mdcc(*args, cwd=tmp_path, env=_env(MDCC_DATA_DIR=str(tmp_path / "data")))


def write_doc(tmp_path: Path, doc: dict[str, Any], name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


# --- refused on import -------------------------------------------------------------------------


def _start_9999(d: dict[str, Any]) -> None:
    d["conference"]["scheduled_start"] = "9999-12-31T10:00:00+08:00"


def _minutes_1e308(d: dict[str, Any]) -> None:
    d["conference"]["agenda"][0]["planned_minutes"] = 1e308


def _blank_child(d: dict[str, Any]) -> None:
    d["case"]["children"][0]["name"] = " \t "


def _huge_note(d: dict[str, Any]) -> None:
    d["conference"]["agenda"][0]["notes"] = "x" * 1_048_577


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            _start_9999,
            "conference.scheduled_start: '9999-12-31T10:00:00+08:00' is outside the years",
        ),
        (_minutes_1e308, "conference.agenda[0].planned_minutes: 1e+308 is outside 0–600 minutes"),
        (_blank_child, "case.children[0].name: ' \\t ' holds no visible character"),
        (_huge_note, "conference.agenda[0].notes: 1,048,577 characters is more than the limit"),
    ],
    ids=["year 9999", "1e308 minutes", "blank name", "huge note"],
)
def test_out_of_range_values_are_refused_with_exit_2(
    tmp_path: Path, mutate: Any, expected: str
) -> None:
    doc = demo_doc()
    mutate(doc)
    result = run(tmp_path, "import", write_doc(tmp_path, doc))
    assert result.code == 2, result.err
    assert "the file was refused (1 problem(s))" in result.err
    assert f"  {expected}" in result.err
    assert run(tmp_path, "list", "--format", "json").out.strip() == "[]"


def test_a_5000_digit_number_is_exit_2_with_one_line(tmp_path: Path) -> None:
    text = DEMO.read_text(encoding="utf-8").replace('"version": 1', '"version": ' + "9" * 5000)
    assert "9" * 5000 in text
    path = tmp_path / "digits.json"
    path.write_text(text, encoding="utf-8")
    result = run(tmp_path, "import", path)
    assert result.code == 2
    assert "a number too long to read (more than 4,300 digits)" in result.err
    assert len(result.err.strip().splitlines()) == 2  # the heading and the one problem


@pytest.mark.parametrize("depth", [985, 100_000])
def test_lists_nested_deeply_are_exit_2_with_one_line(tmp_path: Path, depth: int) -> None:
    doc = demo_doc()
    text = json.dumps(doc).replace(
        '"venue": ', '"venue": ' + "[" * depth + "]" * depth + ', "x": ', 1
    )
    path = tmp_path / "deep.json"
    path.write_text(text, encoding="utf-8")
    result = run(tmp_path, "import", path)
    assert result.code == 2, result.err
    assert "(file): nested" in result.err


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mdcc_desktop.services import exchange

    monkeypatch.setattr(exchange, "MAX_FILE_BYTES", 1000)
    path = write_doc(tmp_path, demo_doc())
    services = open_services(tmp_path / "data")
    try:
        with pytest.raises(exchange.ExchangeError) as caught:
            services.exchange.import_file(path)
    finally:
        services.close()
    assert caught.value.problems == [
        f"(file): {path} is larger than 1,000 bytes, the most a conference exchange file may be"
    ]


# --- values already stored ---------------------------------------------------------------------


@pytest.fixture
def legacy_data(tmp_path: Path) -> Path:
    """A data dir whose conference is in the year 9999 with an action due 9999-12-31 and an
    agenda item of 10**15 planned minutes: what an import accepted before issue 8."""
    data = tmp_path / "data"
    services = open_services(data)
    try:
        conference_id = services.exchange.import_file(DEMO).conference_id
        services.store.update_conference(
            conference_id,
            {
                "scheduled_start": dt.datetime(9999, 12, 31, 10, tzinfo=dt.UTC),
                "started_at": None,
                "ended_at": None,
            },
        )
        action = services.store.actions(conference_id)[0]
        services.store.update_action(action.id or 0, {"due": dt.date(9999, 12, 31)})
        item = services.store.agenda(conference_id)[0]
        services.store.update_agenda_item(item.id or 0, {"planned_minutes": 10**15})
    finally:
        services.close()
    return data


def test_every_command_works_on_values_stored_before_the_checks(
    tmp_path: Path, legacy_data: Path
) -> None:
    for args in (
        ("list",),
        ("list", "--format", "json"),
        ("deadlines",),
        ("deadlines", "--format", "json"),
        ("actions",),
        ("actions", "--format", "json"),
        ("actions", "--format", "ics"),
        ("actions", "--format", "csv"),
        ("actions", "--format", "xlsx", "-o", "a.xlsx"),
        ("export", "1"),
        ("minutes", "1", "-o", "m.docx"),
        ("minutes", "1", "-o", "p.docx", "--copy", "parent"),
        ("letter", "1", "-o", "."),  # issue 12: a folder, one letter per recipient
    ):
        result = run(tmp_path, *args)
        assert result.code == 0, (args, result.err)


def test_deadlines_show_unknown_with_the_reason(tmp_path: Path, legacy_data: Path) -> None:
    table = run(tmp_path, "deadlines", "--as-of", "2026-12-01")
    assert table.code == 0
    unknown = [line for line in table.out.splitlines() if "unknown" in line]
    assert unknown
    assert all("after the year 9999" in line for line in unknown)
    doc = json.loads(run(tmp_path, "deadlines", "--format", "json").out)
    entries = [d for case in doc for d in case["deadlines"] if d["due"] is None]
    assert entries and all("9999" in d["unknown_reason"] for d in entries)


def test_the_calendar_export_writes_the_event_on_31_december_9999(
    tmp_path: Path, legacy_data: Path
) -> None:
    result = run(tmp_path, "actions", "--format", "ics", "-o", "a.ics")
    assert result.code == 0, result.err
    text = (tmp_path / "a.ics").read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:99991231" in text


# --- profiles ----------------------------------------------------------------------------------


def test_a_broken_profile_is_a_warning_and_the_command_runs(tmp_path: Path) -> None:
    profiles = tmp_path / "data" / "profiles"
    profiles.mkdir(parents=True)
    shipped = Path(__file__).resolve().parents[2] / "templates" / "profiles" / "HK.toml"
    (profiles / "HK.toml").write_text(
        shipped.read_text(encoding="utf-8").replace("closures = []", "closures = 5"),
        encoding="utf-8",
    )
    (profiles / "seven.toml").write_text(
        shipped.read_text(encoding="utf-8")
        .replace('code = "HK"', 'code = "H7"')
        .replace(
            'weekend = ["sat", "sun"]',
            'weekend = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]',
        ),
        encoding="utf-8",
    )
    result = run(tmp_path, "demo")
    assert result.code == 0, result.err  # the shipped HK profile is still there
    assert (
        "mdcc: warning: the profile file HK.toml: calendar.closures: must be a list of dates"
        in result.err
    )
    assert "seven.toml: calendar.weekend: leaves no working day in the week" in result.err
    listed = run(tmp_path, "deadlines")
    assert listed.code == 0 and "HK.toml" in listed.err
    unknown = run(tmp_path, "export", "99")
    assert unknown.code == 2  # the exit code the command gives, warnings or not


# --- delete ------------------------------------------------------------------------------------


def test_delete_removes_a_conference_and_says_what_went(tmp_path: Path) -> None:
    first = run(tmp_path, "import", DEMO)
    assert first.code == 0
    doc = demo_doc()
    doc["conference"]["scheduled_start"] = "2027-02-13T14:30:00+08:00"
    second = run(tmp_path, "import", write_doc(tmp_path, doc))
    reference = doc["case"]["reference"]

    result = run(tmp_path, "delete", second.last_line)
    assert result.code == 0, result.err
    assert result.out == ""
    assert result.err.strip() == f"Deleted conference {second.last_line} of case {reference}."
    for child in doc["case"]["children"]:
        assert child["name"] not in result.err
    listed = json.loads(run(tmp_path, "list", "--format", "json").out)
    assert [r["id"] for r in listed] == [int(first.last_line)]

    result = run(tmp_path, "delete", first.last_line)
    assert result.code == 0
    assert result.err.strip() == (
        f"Deleted conference {first.last_line} and its case {reference}, "
        "which had no other conference."
    )
    assert json.loads(run(tmp_path, "list", "--format", "json").out) == []


def test_delete_of_an_unknown_id_is_exit_2(tmp_path: Path) -> None:
    result = run(tmp_path, "delete", "42")
    assert result.code == 2
    assert result.err.strip() == "mdcc: delete: conference 42 does not exist"


@pytest.mark.parametrize("conference_id", ["0", "-3", str(2**64), "9" * 30])
def test_delete_of_an_id_that_cannot_be_one_is_exit_2(tmp_path: Path, conference_id: str) -> None:
    """Checked as every command checks an id (merged with the command line's id type)."""
    result = run(tmp_path, "delete", conference_id)
    assert result.code == 2
    assert f"'{conference_id}' is not a conference id" in result.err
    assert "Traceback" not in result.err


def test_the_conference_that_locked_the_chair_out_can_be_deleted(
    tmp_path: Path, legacy_data: Path
) -> None:
    assert run(tmp_path, "delete", "1").code == 0
    assert run(tmp_path, "deadlines").code == 0
    assert json.loads(run(tmp_path, "list", "--format", "json").out) == []
