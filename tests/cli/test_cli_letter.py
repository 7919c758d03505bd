"""Issue 12 point 4 on the command line: `mdcc letter` writes one letter per recipient into a
folder (or one letter to a file with --to), drafts or issued, and an issued letter is recorded
(each a version with its recipients) and meets the outcome-letter deadline."""

from __future__ import annotations

import hashlib
from pathlib import Path

from mdcc_desktop.export.minutes import document_text
from tests.cli.test_cli_commands import _import, mdcc
from tests.conftest import EXAMPLE_COPY, open_services

NAMES = ["Priya Nair", "Mark Ellis", "Grace Obi", "Tom Reid", "DC Sam Wright", "Hannah Turner"]


def test_mdcc_letter_into_a_folder_writes_and_issues_one_letter_per_recipient(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    cid = _import(EXAMPLE_COPY, data, tmp_path)
    listed = mdcc("letter", cid, "--recipients", "--data-dir", data, cwd=tmp_path)
    assert listed.code == 0, listed.err
    assert [line.split("\t")[1] for line in listed.out.splitlines()] == NAMES

    drafts = tmp_path / "drafts"
    drafts.mkdir()
    run = mdcc("letter", cid, "-o", drafts, "--data-dir", data, cwd=tmp_path)
    assert run.code == 0, run.err
    assert len(list(drafts.iterdir())) == 6 and run.err.count("not issued") == 6
    assert all("-outcome-letter-draft-to-" in p.name for p in drafts.iterdir())

    issued = tmp_path / "issued"
    issued.mkdir()
    run = mdcc("letter", cid, "-o", issued, "--issue", "--data-dir", data, cwd=tmp_path)
    assert run.code == 0, run.err
    files = sorted(issued.iterdir(), key=lambda p: int(p.name.split("-v")[1].split("-")[0]))
    assert [f.name.split("-to-")[1].rsplit("-", 1)[0] for f in files] == [
        n.replace(" ", "_") for n in NAMES
    ]
    for name, path in zip(NAMES, files, strict=True):
        assert f"Dear {name}," in document_text(path.read_bytes())
        assert f"to {name}: {path}" in run.err
    services = open_services(data)
    try:
        due = {d.key: d for d in services.deadlines.for_conference(cid)}
        assert due["outcome_letter"].done is not None  # issued from the command line: met
        versions = services.minutes.versions(cid)
        assert [v.copy for v in versions] == ["letter"] * 6
        for version, path in zip(versions, files, strict=True):
            assert version.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        circulation = services.minutes.history(cid).circulation
        assert [c.recipient for c in circulation] == NAMES
    finally:
        services.close()

    # Issuing again never replaces a file: new versions, new names.
    again = mdcc("letter", cid, "-o", issued, "--issue", "--data-dir", data, cwd=tmp_path)
    assert again.code == 0, again.err
    assert len(list(issued.iterdir())) == 12


def test_mdcc_letter_to_a_file_needs_one_recipient(tmp_path: Path) -> None:
    data = tmp_path / "data"
    cid = _import(EXAMPLE_COPY, data, tmp_path)
    run = mdcc("letter", cid, "-o", tmp_path / "l.docx", "--data-dir", data, cwd=tmp_path)
    assert run.code == 2
    assert "goes to 6 recipients" in run.err and "Hannah Turner (" in run.err
    assert not (tmp_path / "l.docx").exists()
    run = mdcc("letter", cid, "--data-dir", data, cwd=tmp_path)
    assert run.code == 2 and "-o FOLDER" in run.err
    run = mdcc(
        "letter", cid, "-o", tmp_path / "l.docx", "--to", "x", "--data-dir", data, cwd=tmp_path
    )
    assert run.code == 2 and "not an attendee id" in run.err
    run = mdcc(
        "letter", cid, "-o", tmp_path / "l.docx", "--to", "99", "--data-dir", data, cwd=tmp_path
    )
    assert run.code == 2 and "is not sent the outcome letter" in run.err
    assert not (tmp_path / "l.docx").exists()
