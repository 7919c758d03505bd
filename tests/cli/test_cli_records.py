"""`mdcc log` and `mdcc verify` (issue 11 points 4, 5 and 7), run as real processes on a real
encrypted data folder; an entry changed directly in the database file fails `mdcc verify`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli_commands import DEMO, _import, mdcc
from tests.conftest import driver_connect


def log_entries(data: Path, tmp_path: Path) -> list[dict]:
    run = mdcc("log", "--format", "json", "--data-dir", data, cwd=tmp_path)
    assert run.code == 0, run.err
    doc = json.loads(run.out)
    assert doc["chain"] == "intact"
    return doc["entries"]


def test_an_empty_log_and_a_clean_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run = mdcc("log", "--data-dir", data, cwd=tmp_path)
    assert run.code == 0, run.err
    assert "(nothing has been shared yet)" in run.out
    assert "intact" in run.err
    run = mdcc("verify", "--data-dir", data, cwd=tmp_path)
    assert run.code == 0, run.err
    assert "All checks passed" in run.err


def test_every_command_line_export_is_in_the_log(tmp_path: Path) -> None:
    data = tmp_path / "data"
    cid = _import(DEMO, data, tmp_path)
    assert log_entries(data, tmp_path) == []  # an import discloses nothing
    # Issue 12 point 4: a letter per recipient; -o FILE writes the one --to chooses.
    listed = mdcc("letter", cid, "--recipients", "--data-dir", data, cwd=tmp_path)
    mother = listed.out.splitlines()[-1].split("\t")[0]
    steps = [
        ("export", cid, "-o", tmp_path / "c.json"),
        ("export", cid),
        ("minutes", cid, "-o", tmp_path / "m.docx", "--copy", "parent"),
        ("letter", cid, "-o", tmp_path / "l.docx", "--to", mother),
        ("actions", "--format", "csv", "-o", tmp_path / "a.csv"),
        ("actions", "--format", "ics"),
        ("actions", "--format", "xlsx", "-o", tmp_path / "a.xlsx"),
        ("actions", "--format", "json"),  # a listing, not one of the export formats
    ]
    for step in steps:
        run = mdcc(*step, "--data-dir", data, cwd=tmp_path)
        assert run.code == 0, (step, run.err)
    entries = log_entries(data, tmp_path)
    assert [(e["kind"], e["copy"], e["target"]) for e in entries] == [
        ("exchange", None, str(tmp_path / "c.json")),
        ("exchange", None, "standard output"),
        ("minutes", "parent", str(tmp_path / "m.docx")),
        ("letter", "parent", str(tmp_path / "l.docx")),
        ("csv", None, str(tmp_path / "a.csv")),
        ("calendar", None, "standard output"),
        ("excel", None, str(tmp_path / "a.xlsx")),
    ]
    assert all(e["conference_id"] == cid for e in entries[:4])
    run = mdcc("log", "--data-dir", data, cwd=tmp_path)
    assert run.code == 0
    assert run.out.splitlines()[0].startswith("ID\tWHEN\tWHAT")
    assert len(run.out.splitlines()) == 1 + len(entries)


def test_the_reporters_identity_needs_a_reason_and_is_logged_with_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    cid = _import(DEMO, data, tmp_path)
    target = tmp_path / "c.json"
    run = mdcc(
        "export", cid, "--with-reporter-identity", "-o", target, "--data-dir", data, cwd=tmp_path
    )
    assert run.code == 2
    assert "Cap. 650" in run.err and "Nothing was exported" in run.err
    assert run.out == "" and not target.exists()
    run = mdcc(
        "export",
        cid,
        "--with-reporter-identity",
        "--reason",
        "requested by the police, ref 26/1183",
        "-o",
        target,
        "--data-dir",
        data,
        cwd=tmp_path,
    )
    assert run.code == 0, run.err
    (entry,) = log_entries(data, tmp_path)
    assert entry["with_reporter_identity"] is True
    assert entry["reason"] == "requested by the police, ref 26/1183"


def test_verify_names_an_entry_changed_in_the_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    cid = _import(DEMO, data, tmp_path)
    for n in range(3):
        assert (
            mdcc("export", cid, "-o", tmp_path / f"{n}.json", "--data-dir", data, cwd=tmp_path).code
            == 0
        )
    assert mdcc("verify", "--data-dir", data, cwd=tmp_path).code == 0
    conn = driver_connect(data / "mdcc.sqlite3")
    conn.execute("DROP TRIGGER disclosure_log_no_update")
    conn.execute("UPDATE disclosure_log SET target = 'elsewhere.json' WHERE id = 2")
    conn.commit()
    conn.close()
    run = mdcc("verify", "--data-dir", data, cwd=tmp_path)
    assert run.code == 2
    assert "The disclosure log was changed: entry 2 was changed after it was written." in run.err
    run = mdcc("log", "--format", "json", "--data-dir", data, cwd=tmp_path)
    assert "entry 2" in json.loads(run.out)["chain"]


def test_verify_names_a_broken_foreign_key(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _import(DEMO, data, tmp_path)
    conn = driver_connect(data / "mdcc.sqlite3")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "INSERT INTO action_updates (action_id, position, at, note) "
        "VALUES (999999, 0, '2026-11-30T10:00:00+00:00', 'orphan')"
    )
    conn.commit()
    conn.close()
    run = mdcc("verify", "--data-dir", data, cwd=tmp_path)
    assert run.code == 2
    assert "A row of action_updates" in run.err and "actions that does not exist" in run.err
