"""Issue 12 on the command line: `mdcc minutes/letter --issue` record versions (finding 4: the
letter meets its deadline) and `mdcc versions` lists the history and saves any issued version
again, byte for byte (finding 13). Real processes on a real encrypted data folder."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.cli.test_cli_commands import _import, mdcc
from tests.conftest import EXAMPLE_COPY, open_services


def test_finding_4_mdcc_letter_issue_records_the_letter_and_meets_its_deadline(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    cid = _import(EXAMPLE_COPY, data, tmp_path)
    # Issue 12 point 4: one letter per recipient; -o FILE takes one, chosen with --to.
    listed = mdcc("letter", cid, "--recipients", "--data-dir", data, cwd=tmp_path)
    assert listed.code == 0 and len(listed.out.splitlines()) == 6, listed.err
    mother = listed.out.splitlines()[-1].split("\t")[0]
    assert listed.out.splitlines()[-1].endswith("Hannah Turner")
    look = tmp_path / "look.docx"
    run = mdcc("letter", cid, "-o", look, "--to", mother, "--data-dir", data, cwd=tmp_path)
    assert run.code == 0 and "draft" in run.err
    services = open_services(data)
    try:
        due = {d.key: d for d in services.deadlines.for_conference(cid)}
        assert due["outcome_letter"].done is None
    finally:
        services.close()
    run = mdcc(
        "letter",
        cid,
        "-o",
        tmp_path / "letter.docx",
        "--to",
        mother,
        "--issue",
        "--data-dir",
        data,
        cwd=tmp_path,
    )
    assert run.code == 0, run.err
    assert "version 1" in run.err
    services = open_services(data)
    try:
        due = {d.key: d for d in services.deadlines.for_conference(cid)}
        assert due["outcome_letter"].done is not None
        [version] = services.minutes.versions(cid)
        assert version.copy == "letter"
        assert version.sha256 == hashlib.sha256((tmp_path / "letter.docx").read_bytes()).hexdigest()
    finally:
        services.close()


def test_finding_13_mdcc_versions_lists_and_saves_an_issued_version_byte_for_byte(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    cid = _import(EXAMPLE_COPY, data, tmp_path)
    run = mdcc("versions", cid, "--data-dir", data, cwd=tmp_path)
    assert run.code == 0 and "(none issued yet" in run.out
    for n, copy in enumerate(("full", "parent"), start=1):
        target = tmp_path / f"m{n}.docx"
        args = ("minutes", cid, "-o", target, "--copy", copy, "--issue", "--data-dir", data)
        run = mdcc(*args, cwd=tmp_path)
        assert run.code == 0, run.err
    # an issued file is never replaced
    run = mdcc(
        "minutes", cid, "-o", tmp_path / "m1.docx", "--issue", "--data-dir", data, cwd=tmp_path
    )
    assert run.code == 2 and "never replaces a file" in run.err
    services = open_services(data)
    try:
        services.lifecycle.request_amendment(cid, "Mark Ellis", "Attendance is 93%.")
        record = services.conferences.record(cid)
        services.lifecycle.circulate(cid, [e.attendee_id for e in record.distribution], tmp_path)
    finally:
        services.close()

    run = mdcc("versions", cid, "--format", "json", "--data-dir", data, cwd=tmp_path)
    assert run.code == 0, run.err
    listed = json.loads(run.out)
    assert [(v["number"], v["copy"], v["status"]) for v in listed["versions"]] == [
        (1, "full", "issued"),
        (2, "parent", "issued"),
        (3, "full", "issued"),
        (3, "parent", "issued"),
    ]
    assert {c["delivery"] for c in listed["circulation"]} == {"email", "hand"}
    assert {c["version"] for c in listed["circulation"]} == {3}
    assert listed["amendments"][0]["requested_by"] == "Mark Ellis"
    table = mdcc("versions", cid, "--data-dir", data, cwd=tmp_path)
    assert table.code == 0 and "by hand" in table.out and "Mark Ellis" in table.out

    original = (tmp_path / "m1.docx").read_bytes()
    (tmp_path / "m1.docx").unlink()
    run = mdcc(
        "versions", cid, "--save", 1, "-o", tmp_path / "v1.docx", "--data-dir", data, cwd=tmp_path
    )
    assert run.code == 0, run.err
    saved = (tmp_path / "v1.docx").read_bytes()
    assert hashlib.sha256(saved).hexdigest() == hashlib.sha256(original).hexdigest()
    assert hashlib.sha256(saved).hexdigest() == listed["versions"][0]["sha256"]

    # version 3 has two copies: say which, or be told to
    run = mdcc(
        "versions", cid, "--save", 3, "-o", tmp_path / "v3.docx", "--data-dir", data, cwd=tmp_path
    )
    assert run.code == 2 and "--copy" in run.err and not (tmp_path / "v3.docx").exists()
    run = mdcc(
        "versions",
        cid,
        "--save",
        3,
        "--copy",
        "parent",
        "-o",
        tmp_path / "v3.docx",
        "--data-dir",
        data,
        cwd=tmp_path,
    )
    assert run.code == 0, run.err
    assert (
        hashlib.sha256((tmp_path / "v3.docx").read_bytes()).hexdigest()
        == listed["versions"][3]["sha256"]
    )
    run = mdcc(
        "versions", cid, "--save", 9, "-o", tmp_path / "v9.docx", "--data-dir", data, cwd=tmp_path
    )
    assert run.code == 2 and "no issued version 9" in run.err
    run = mdcc("versions", cid, "--save", 1, "--data-dir", data, cwd=tmp_path)
    assert run.code == 2 and "-o FILE" in run.err
    run = mdcc("versions", 999, "--data-dir", data, cwd=tmp_path)
    assert run.code == 2
