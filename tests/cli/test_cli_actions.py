"""`mdcc actions` and `mdcc deadlines`, run as real processes against the demo conference."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

AS_OF = "2026-12-05"


class Run:
    def __init__(self, proc: subprocess.CompletedProcess[bytes]) -> None:
        self.code = proc.returncode
        self.raw = proc.stdout
        self.out = proc.stdout.decode("utf-8-sig")
        self.err = proc.stderr.decode("utf-8", errors="replace")
        assert "Traceback" not in self.out
        assert "Traceback" not in self.err


def mdcc(*args: Any, cwd: Path) -> Run:
    env = {k: v for k, v in os.environ.items() if k != "MDCC_DATA_DIR"}
    proc = subprocess.run(
        [sys.executable, "-m", "mdcc_desktop.cli", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    return Run(proc)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding the demo conference (4 actions: due 27 Nov, 4, 11 and 18 Dec 2026)."""
    data = tmp_path_factory.mktemp("cli-actions") / "data"
    run = mdcc("demo", "--data-dir", data, cwd=data.parent)
    assert run.code == 0, run.err
    return data


def actions(data: Path, *args: Any) -> Run:
    return mdcc("actions", "--data-dir", data, "--as-of", AS_OF, *args, cwd=data.parent)


def test_table_is_the_default(demo: Path) -> None:
    run = actions(demo)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].split()[:5] == ["ID", "CASE", "DUE", "STATUS", "OVERDUE"]
    assert len(lines) == 5
    assert [line.split()[2] for line in lines[1:]] == [
        "2026-11-27",
        "2026-12-04",
        "2026-12-11",
        "2026-12-18",
    ]
    assert sum(" yes " in line for line in lines) == 2


def test_json_rows_and_overdue_flags(demo: Path) -> None:
    run = actions(demo, "--format", "json")
    assert run.code == 0, run.err
    rows = json.loads(run.out)
    assert [r["due"] for r in rows] == ["2026-11-27", "2026-12-04", "2026-12-11", "2026-12-18"]
    assert [r["overdue"] for r in rows] == [True, True, False, False]
    assert {r["case_reference"] for r in rows} == {"DEMO-FCPSU-2026-118"}
    assert rows[0]["priority"] == "high" and rows[0]["status"] == "open"
    assert "安排陳先生" in rows[0]["description"]
    earlier = json.loads(mdcc_json(demo, "--as-of", "2026-11-01"))
    assert not any(r["overdue"] for r in earlier)


def mdcc_json(data: Path, *args: Any) -> str:
    run = mdcc("actions", "--data-dir", data, "--format", "json", *args, cwd=data.parent)
    assert run.code == 0, run.err
    return run.out


@pytest.mark.parametrize(
    ("args", "dues"),
    [
        (["--overdue"], ["2026-11-27", "2026-12-04"]),
        (["--due-within", "7"], ["2026-12-11"]),
        (["--due-within", "13"], ["2026-12-11", "2026-12-18"]),
        (["--owner", "lam"], ["2026-11-27", "2026-12-11", "2026-12-18"]),
        (["--owner", "lam", "--overdue"], ["2026-11-27"]),
        (["--agency", "school"], ["2026-12-04"]),
        (["--case", "FCPSU"], ["2026-11-27", "2026-12-04", "2026-12-11", "2026-12-18"]),
        (["--case", "nothing-like-it"], []),
        (["--status", "in_progress"], ["2026-12-04"]),
        (
            ["--status", "open", "--status", "in_progress"],
            ["2026-11-27", "2026-12-04", "2026-12-11", "2026-12-18"],
        ),
        (["--status", "done"], []),
        (
            ["--sort", "due", "--descending"],
            ["2026-12-18", "2026-12-11", "2026-12-04", "2026-11-27"],
        ),
    ],
)
def test_filters(demo: Path, args: list[str], dues: list[str]) -> None:
    rows = json.loads(mdcc_json(demo, "--as-of", AS_OF, *args))
    assert [r["due"] for r in rows] == dues


def test_csv_to_stdout(demo: Path) -> None:
    run = actions(demo, "--format", "csv", "--overdue")
    assert run.code == 0, run.err
    assert run.raw.startswith(b"\xef\xbb\xbf")
    marking, table = run.out.split("\r\n", 1)  # issue 12: a RESTRICTED line comes first
    assert marking.lstrip("\ufeff").startswith("RESTRICTED")
    rows = list(csv.DictReader(io.StringIO(table, newline="")))
    assert [r["due"] for r in rows] == ["2026-11-27", "2026-12-04"]
    assert {r["overdue"] for r in rows} == {"yes"}
    assert rows[0]["case"] == "DEMO-FCPSU-2026-118" and rows[0]["owner"] == "Lam Chi-keung"
    assert list(rows[0]) == [
        "id",
        "case",
        "conference_date",
        "description",
        "owner",
        "agency",
        "due",
        "status",
        "priority",
        "completed",
        "overdue",
    ]


def test_csv_to_a_file(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "actions.csv"
    run = actions(demo, "--format", "csv", "-o", target)
    assert run.code == 0, run.err
    assert run.out == ""
    assert str(target) in run.err
    text = target.read_text("utf-8-sig").split("\n", 1)[1]  # after the RESTRICTED line
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["overdue"] for r in rows] == ["yes", "yes", "no", "no"]


def test_ics(demo: Path) -> None:
    run = actions(demo, "--format", "ics")
    assert run.code == 0, run.err
    cal = Calendar.from_ical(run.raw)
    assert str(cal["PRODID"]) == "-//MDCC Desktop//EN"
    events = list(cal.walk("VEVENT"))
    assert len(events) == 5  # four actions and the review conference
    actions_ = [e for e in events if str(e["UID"]).startswith("action-")]
    ids = [r["id"] for r in json.loads(mdcc_json(demo))]
    # issue 12: the install's random id is in every UID
    assert sorted(str(e["UID"]).split(".")[0] for e in actions_) == sorted(
        f"action-{i}" for i in ids
    )
    assert all(
        re.fullmatch(r"action-\d+\.[0-9a-f]{32}@mdcc-desktop", str(e["UID"])) for e in actions_
    )
    assert sorted(e.decoded("DTSTART") for e in actions_) == [
        dt.date(2026, 11, 27),
        dt.date(2026, 12, 4),
        dt.date(2026, 12, 11),
        dt.date(2026, 12, 18),
    ]
    for e in actions_:
        assert e.decoded("DTEND") - e.decoded("DTSTART") == dt.timedelta(days=1)
        assert str(e["SUMMARY"]).startswith("Due: ")
        assert str(e["SUMMARY"]).endswith("(DEMO-FCPSU-2026-118)")
    review = next(e for e in events if str(e["UID"]).startswith("review-"))
    assert review.decoded("DTSTART") == dt.date(2027, 2, 12)


def test_xlsx(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "actions.xlsx"
    run = actions(demo, "--format", "xlsx", "-o", target)
    assert run.code == 0, run.err
    ws = load_workbook(target).active
    assert ws is not None
    assert str(ws["A1"].value).startswith("RESTRICTED")  # issue 12: the marking row first
    assert [c.value for c in ws[2]][:3] == ["id", "case", "conference_date"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(rows) == 4
    assert isinstance(ws["G3"].value, dt.datetime)
    assert ws["G3"].value.date() == dt.date(2026, 11, 27)
    assert ws["G3"].is_date
    assert [r[-1] for r in rows] == ["yes", "yes", "no", "no"]


def test_deadlines_json(demo: Path) -> None:
    run = mdcc(
        "deadlines", "--data-dir", demo, "--format", "json", "--as-of", AS_OF, cwd=demo.parent
    )
    assert run.code == 0, run.err
    (case,) = json.loads(run.out)
    assert case["case_reference"] == "DEMO-FCPSU-2026-118"
    assert case["conference_date"] == "2026-11-13" and case["conference_type"] == "initial"
    assert isinstance(case["conference_id"], int)
    deadlines = {d["key"]: d for d in case["deadlines"]}
    assert deadlines["minutes"]["due"] == "2026-11-27"
    assert deadlines["minutes"]["done"] is None
    assert deadlines["minutes"]["overdue"] is True
    assert deadlines["first_conference"]["done"] == "2026-11-13"
    assert deadlines["first_conference"]["overdue"] is False
    assert deadlines["first_review"]["overdue"] is False
    earlier = mdcc(
        "deadlines",
        "--data-dir",
        demo,
        "--format",
        "json",
        "--as-of",
        "2026-11-20",
        cwd=demo.parent,
    )
    assert not any(d["overdue"] for d in json.loads(earlier.out)[0]["deadlines"])


def test_deadlines_table(demo: Path) -> None:
    run = mdcc("deadlines", "--data-dir", demo, "--as-of", AS_OF, cwd=demo.parent)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].split()[0] == "CASE"
    minutes = next(line for line in lines if "Minutes circulated" in line)
    assert minutes.rstrip().endswith("overdue")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["actions", "--as-of", "2026-13-01"], "not a date"),
        (["actions", "--as-of", "yesterday"], "YYYY-MM-DD"),
        (["deadlines", "--as-of", "05/12/2026"], "not a date"),
        (["actions", "--format", "xlsx"], "-o FILE.xlsx"),
        (["actions", "--status", "finished"], "invalid choice"),
        (["actions", "--due-within", "-1"], "not a number of days"),
        (["actions", "--format", "pdf"], "invalid choice"),
    ],
)
def test_errors_exit_2(demo: Path, args: list[str], message: str) -> None:
    run = mdcc(*args, "--data-dir", demo, cwd=demo.parent)
    assert run.code == 2
    assert message in run.err
    assert run.out == ""


def test_an_unwritable_target_exits_2(demo: Path, tmp_path: Path) -> None:
    run = actions(demo, "--format", "csv", "-o", tmp_path / "missing" / "a.csv")
    assert run.code == 2
    assert "does not exist" in run.err
