"""`mdcc withheld ID`: what the parents' copy leaves out, as the GUI's preview lists it (issue
12, point 2). Real processes on a real encrypted data folder."""

from __future__ import annotations

import json
from pathlib import Path

from tests import leak_scenario as s
from tests.cli.test_cli_commands import _import, mdcc


def test_mdcc_withheld_lists_each_part_with_its_number_and_reason(tmp_path: Path) -> None:
    data = tmp_path / "data"
    cid = _import(s.write(tmp_path / "scenario.json"), data, tmp_path)
    run = mdcc("withheld", cid, "--format", "json", "--data-dir", data, cwd=tmp_path)
    assert run.code == 0, run.err
    rows = json.loads(run.out)
    assert [(r["kind"], r["number"], r["reason"]) for r in rows] == [
        ("agenda_item", "4.3", "restricted"),
        ("agenda_item", "4.4", "excluded"),
        ("decision", "6.5", "restricted"),
        ("decision", "6.6", "under_withheld_item"),
        ("decision", "6.7", "under_withheld_item"),
        ("action", "7.7", "linked_to_withheld_decision"),
        ("action", "7.8", "under_withheld_item"),
        ("action", "7.9", "linked_to_withheld_decision"),
        ("report", None, "not_shared"),
        ("exclusion", None, "exclusion_record"),
    ]
    assert rows[5]["title"] == s.LINKED_ACTION
    assert rows[5]["why"] == "linked to decision 6.5, which is left out"
    assert s.REPORTER not in run.out
    table = mdcc("withheld", cid, "--data-dir", data, cwd=tmp_path)
    assert table.code == 0, table.err
    lines = table.out.splitlines()
    assert lines[0].split() == ["PART", "WHAT", "WHY"]
    assert any(
        line.startswith("action 7.7") and "linked to decision 6.5, which is left out" in line
        for line in lines
    )
    assert any(line.startswith("agenda item 4.4") and "out of the room" in line for line in lines)


def test_mdcc_withheld_says_when_nothing_is_left_out_and_refuses_an_unknown_id(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    doc = s.plain_document()
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(doc), encoding="utf-8")
    cid = _import(plain, data, tmp_path)
    run = mdcc("withheld", cid, "--data-dir", data, cwd=tmp_path)
    assert run.code == 0, run.err
    assert run.out == "Nothing is left out of the parents' copy.\n"
    assert (
        json.loads(mdcc("withheld", cid, "--format", "json", "--data-dir", data, cwd=tmp_path).out)
        == []
    )
    missing = mdcc("withheld", cid + 1, "--data-dir", data, cwd=tmp_path)
    assert missing.code == 2 and "does not exist" in missing.err
