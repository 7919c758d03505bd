"""Issue 12, point 2: restriction that never leaks.

One conference (tests/leak_scenario.py) has a mandatory reporter and every kind of part the
parents' copy must leave out, each marked by a distinctive string. Every output the app makes
of it is produced, through the command line where the command line makes it and through the
services where only the GUI does: the minutes (full and parents' copy, draft, issued, final,
saved again), PDFs through LibreOffice where it is installed, the outcome letter, the exchange
file, the actions as CSV, Excel and iCalendar, the e-mail drafts of a circulation, the
disclosure log, `mdcc versions`, `mdcc log`, and every file left in the data folder (the logs).

Every part of every file is read: each XML part of a .docx/.xlsx (docProps, headers and footers
included) raw and with its tags taken out, each MIME part of an .eml decoded (its attachment
read as a .docx), a PDF's text and metadata through poppler. The reporter's identity must be in
none of them; the parents' copy and the letter must hold none of the withheld strings; the full
copy must hold the restricted ones, so that the search is seen to find what it looks for.
"""

from __future__ import annotations

import contextlib
import email
import html
import io
import json
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from pathlib import Path

import pytest

from tests import leak_scenario as s
from tests.cli.test_cli_commands import _import, mdcc
from tests.conftest import open_services

# PDFs are made through LibreOffice and read through poppler: without either, none is made.
HAS_SOFFICE = (shutil.which("soffice") or shutil.which("libreoffice")) is not None and all(
    shutil.which(tool) for tool in ("pdftotext", "pdfinfo")
)
# The identity, and its Latin part alone (an output that drops or escapes the Chinese). Long
# enough not to turn up by chance in base64 or compressed bytes, which are searched too.
REPORTER_MARKS = (s.REPORTER, s.REPORTER.rsplit("-", 1)[0])


@dataclass
class Outputs:
    """Every output, by name: a file's bytes, or a command's stdout."""

    files: dict[str, bytes] = field(default_factory=dict)
    # The names of the outputs that are (or attach) the parents' copy or the outcome letter.
    for_parents: set[str] = field(default_factory=set)
    full: set[str] = field(default_factory=set)
    data_dir: Path | None = None

    def add(self, name: str, data: bytes, *, parents: bool = False, full: bool = False) -> None:
        assert data, f"{name} is empty: nothing would be searched"
        self.files[name] = data
        if parents:
            self.for_parents.add(name)
        if full:
            self.full.add(name)


def mkdir(folder: Path) -> Path:
    folder.mkdir()
    return folder


def ok(run) -> str:  # tests.cli's Run
    assert run.code == 0, run.err
    return run.out


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    root = tmp_path_factory.mktemp("leaks")
    data = root / "data"
    out = root / "out"
    out.mkdir()
    found = Outputs(data_dir=data)

    def cli(*args: object) -> str:
        return ok(mdcc(*args, "--data-dir", data, cwd=root))

    cid = _import(s.write(root / "scenario.json"), data, root)

    # Drafts for a look, docx (and PDF through LibreOffice where it is installed).
    cli("minutes", cid, "--copy", "full", "-o", out / "draft-full.docx")
    cli("minutes", cid, "--copy", "parent", "-o", out / "draft-parents.docx")
    # The outcome letter goes to each recipient: one file each, in a folder.
    cli("letter", cid, "-o", mkdir(out / "draft-letters"))
    if HAS_SOFFICE:
        cli("minutes", cid, "--copy", "full", "-o", out / "draft-full.pdf")
        cli("minutes", cid, "--copy", "parent", "-o", out / "draft-parents.pdf")
        cli("letter", cid, "--pdf", "-o", mkdir(out / "draft-letters-pdf"))
    # Issued versions (the parents' copy with its PDF beside it).
    cli("minutes", cid, "--copy", "full", "--issue", "-o", out / "issued-full.docx")
    parents = ["minutes", cid, "--copy", "parent", "--issue", "-o", out / "issued-parents.docx"]
    cli(*parents, *(["--pdf"] if HAS_SOFFICE else []))
    cli("letter", cid, "--issue", "-o", mkdir(out / "issued-letters"))
    cli("versions", cid, "--save", "2", "--copy", "parent", "-o", out / "saved-parents.docx")
    # The exchange file as exported by default, and the actions in every format.
    cli("export", cid, "-o", out / "exchange.json")
    found.add("export (stdout)", cli("export", cid).encode())
    for fmt in ("csv", "xlsx", "ics"):
        cli("actions", "--format", fmt, "-o", out / f"actions.{fmt}")
    found.add("actions --format json", cli("actions", "--format", "json").encode())
    found.add("actions (table)", cli("actions").encode())
    found.add("deadlines --format json", cli("deadlines", "--format", "json").encode())
    found.add("withheld --format json", cli("withheld", cid, "--format", "json").encode())
    # An export WITH the identity, asked for with a reason: it holds the identity (which shows
    # the search finds it in an exchange file), so it is kept apart from the outputs searched;
    # the disclosure log records it, and must not hold the identity either.
    asked = root / "asked" / "with-identity.json"
    asked.parent.mkdir()
    cli("export", cid, "--with-reporter-identity", "--reason", "Court order", "-o", asked)
    assert s.REPORTER in asked.read_text(encoding="utf-8")

    # What only the GUI makes, through the services: circulation's e-mail drafts (with the
    # issued copies they attach), the disclosure log's export, finalisation.
    services = open_services(data)
    try:
        record = services.conferences.record(cid)
        outbox = out / "outbox"
        outbox.mkdir()
        services.lifecycle.circulate(cid, [e.attendee_id for e in record.distribution], outbox)
        services.lifecycle.finalise(cid)
        services.minutes.export_minutes(cid, out / "final-full.docx", s_copy("full"))
        services.minutes.export_minutes(cid, out / "final-parents.docx", s_copy("parent"))
        services.minutes.export_letter(cid, mkdir(out / "final-letters"))
        services.disclosure.export(out / "disclosure-log.csv", "csv")
        services.disclosure.export(out / "disclosure-log.json", "json")
    finally:
        services.close()
    found.add("versions --format json", cli("versions", cid, "--format", "json").encode())
    found.add("versions (table)", cli("versions", cid).encode())
    found.add("log", cli("log").encode())
    found.add("log --format json", cli("log", "--format", "json").encode())

    for path in sorted(out.rglob("*")):
        if path.is_file():
            name = str(path.relative_to(out))
            stem = path.name
            found.add(
                name,
                path.read_bytes(),
                parents="parents" in stem or "letter" in stem,
                full="full" in stem,
            )
    # Every e-mail draft to the mother attaches the parents' copy.
    drafts = [n for n in found.files if n.endswith(".eml")]
    assert len(drafts) >= 2
    found.for_parents |= {n for n in drafts if s.MOTHER.replace(" ", "_") in n}
    assert found.for_parents & set(drafts), drafts
    # Every file left in the data folder: the logs, the settings, the backups, the database.
    for path in sorted(data.rglob("*")):
        if path.is_file() and path.stat().st_size:
            found.add("data folder/" + str(path.relative_to(data)), path.read_bytes())
    assert any(n.startswith("data folder/logs/") for n in found.files), "no log file was written"
    return found


def s_copy(value: str):  # a CopyKind, imported late like the services
    from mdcc_desktop.domain.models import CopyKind

    return CopyKind(value)


# --- reading every part of every file --------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")


def _xml_texts(name: str, text: str) -> Iterator[tuple[str, str]]:
    yield name, text
    # Word splits text across runs: the text with the tags out reads it whole.
    yield f"{name} (text)", html.unescape(_TAG.sub("", text))


def parts(name: str, data: bytes) -> Iterator[tuple[str, str]]:
    """Every readable part of the output ``name`` as text, recursively."""
    lower = name.lower()
    yield f"{name} (bytes)", data.decode("utf-8", errors="replace")
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = z.namelist()
            assert names, name
            for inner in names:
                body = z.read(inner)
                text = body.decode("utf-8", errors="replace")
                if inner.endswith((".xml", ".rels")):
                    yield from _xml_texts(f"{name}/{inner}", text)
                else:
                    yield from parts(f"{name}/{inner}", body)
        return
    if lower.endswith(".eml"):
        message = email.message_from_bytes(data, policy=policy.default)
        for key, value in message.items():
            yield f"{name} header {key}", str(value)
        for i, part in enumerate(message.walk()):
            if part.is_multipart():
                continue
            payload = part.get_payload(decode=True) or b""
            label = f"{name} part {i} {part.get_filename() or part.get_content_type()}"
            yield from parts(label, payload)
        return
    if data[:5] == b"%PDF-":
        for tool in (["pdftotext", "-enc", "UTF-8", "-", "-"], ["pdfinfo", "-enc", "UTF-8", "-"]):
            run = subprocess.run(tool, input=data, capture_output=True, check=True, timeout=120)
            yield f"{name} ({tool[0]})", run.stdout.decode("utf-8", errors="replace")
        return
    text = data.decode("utf-8-sig", errors="replace")
    if lower.endswith(".ics"):
        # Lines are folded at 75 octets: unfolded, a string cut by a fold reads whole.
        yield f"{name} (unfolded)", re.sub(r"\r?\n[ \t]", "", text)
    if lower.endswith(".json") or "json" in lower:
        # \uXXXX escapes read as the characters they stand for.
        with contextlib.suppress(ValueError):
            yield f"{name} (json)", json.dumps(json.loads(text), ensure_ascii=False)


def holding(outputs: Outputs, names: set[str] | None, needle: str) -> list[str]:
    """The parts of the outputs named (all: None) in which ``needle`` is found."""
    chosen = outputs.files if names is None else {n: outputs.files[n] for n in names}
    return [
        part
        for name, data in chosen.items()
        for part, text in parts(name, data)
        if needle.casefold() in text.casefold()
    ]


# --- the checks -------------------------------------------------------------------------------


def test_every_output_was_made(outputs: Outputs) -> None:
    names = set(outputs.files)
    expected = {
        "draft-full.docx",
        "draft-parents.docx",
        "issued-full.docx",
        "issued-parents.docx",
        "saved-parents.docx",
        "final-full.docx",
        "final-parents.docx",
        "exchange.json",
        "actions.csv",
        "actions.xlsx",
        "actions.ics",
        "disclosure-log.csv",
        "disclosure-log.json",
    }
    if HAS_SOFFICE:
        expected |= {"draft-full.pdf", "draft-parents.pdf"}
        expected |= {"issued-parents.pdf"}
    assert expected <= names, sorted(expected - names)
    folders = ["draft-letters", "issued-letters", "final-letters"]
    folders += ["draft-letters-pdf"] if HAS_SOFFICE else []
    for folder in folders:  # one letter per recipient, the mother's among them
        letters = [n for n in names if n.startswith(folder + "/")]
        assert len(letters) >= 2 and any("Hannah" in n for n in letters), (folder, letters)
        assert set(letters) <= outputs.for_parents
    if HAS_SOFFICE:
        assert any(n.endswith(".pdf") for n in names if n.startswith("draft-letters-pdf/"))
    assert any(n.startswith("outbox/") and n.endswith(".eml") for n in names)
    # The .docx parts read include the document properties, headers and footers.
    inner = [p for p, _ in parts("issued-parents.docx", outputs.files["issued-parents.docx"])]
    assert any("docProps/core.xml" in p for p in inner)
    assert any(re.search(r"word/(header|footer)\d*\.xml", p) for p in inner)


@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice or poppler is missing: no PDF is made")
def test_the_pdfs_are_read_as_text(outputs: Outputs) -> None:
    assert holding(outputs, {"draft-full.pdf"}, s.RESTRICTED_DECISION)
    assert holding(outputs, {"draft-parents.pdf"}, "Max Turner")


@pytest.mark.parametrize("mark", REPORTER_MARKS)
def test_the_reporters_identity_is_in_no_output(outputs: Outputs, mark: str) -> None:
    assert holding(outputs, None, mark) == []


def test_the_search_finds_what_it_looks_for(outputs: Outputs) -> None:
    """The full copy holds the restricted parts (so the checks below can fail), the e-mail
    drafts' attachments and the spreadsheet are read, and the parents' copy holds the rest."""
    for needle in s.RESTRICTED:
        assert holding(outputs, {"draft-full.docx"}, needle), needle
        assert holding(outputs, {"issued-full.docx"}, needle), needle
        assert holding(outputs, {"exchange.json"}, needle), needle
    assert holding(outputs, {"actions.xlsx"}, s.LINKED_ACTION)
    assert holding(outputs, {"actions.ics"}, s.LINKED_ACTION)
    full_drafts = {n for n in outputs.files if n.endswith(".eml")} - outputs.for_parents
    assert all(holding(outputs, {n}, s.RESTRICTED_DECISION) for n in full_drafts)
    parents = {n for n in outputs.for_parents if n.endswith(".eml")}
    assert all(holding(outputs, {n}, "Max Turner") for n in parents)
    assert holding(outputs, {"draft-parents.docx"}, "Views of the child and of the parents")
    for needle in s.BY_EXCLUSION:
        assert holding(outputs, {"draft-full.docx"}, needle), needle


def test_the_full_copy_records_why_a_parent_was_asked_to_leave(outputs: Outputs) -> None:
    """The record's exclusions section (who left, when, why): the full copy holds it, which
    shows that the parents' copy leaving it out is a check that can fail."""
    assert holding(outputs, {"draft-full.docx"}, s.EXCLUSION_REASON)


@pytest.mark.parametrize("needle", (*s.RESTRICTED, s.EXCLUSION_REASON))
def test_the_parents_copy_and_the_letter_hold_nothing_restricted(
    outputs: Outputs, needle: str
) -> None:
    assert holding(outputs, outputs.for_parents, needle) == []


@pytest.mark.parametrize(
    "needle",
    s.BY_EXCLUSION,
)
def test_the_parents_copy_and_the_letter_leave_out_what_a_parent_was_excluded_from(
    outputs: Outputs, needle: str
) -> None:
    assert holding(outputs, outputs.for_parents, needle) == []


def test_the_parents_copy_does_not_list_the_unshared_report(outputs: Outputs) -> None:
    """The police report was not shared: the parents' copy lists no report of its author
    (the officer is named elsewhere, as having sent apologies)."""
    from docx import Document

    for name in ("draft-parents.docx", "issued-parents.docx", "final-parents.docx"):
        rows = [
            " | ".join(cell.text for cell in row.cells)
            for table in Document(io.BytesIO(outputs.files[name])).tables
            for row in table.rows
        ]
        reports = [r for r in rows if s.UNSHARED_REPORT_AUTHOR in r and re.search(r"\bNo\b|否", r)]
        assert reports == [], (name, reports)
    full = Document(io.BytesIO(outputs.files["draft-full.docx"]))
    assert any(
        s.UNSHARED_REPORT_AUTHOR in row.cells[0].text and "No" in row.cells[-1].text
        for table in full.tables
        for row in table.rows
    )
