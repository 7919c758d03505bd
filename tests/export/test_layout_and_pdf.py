"""Layout a chair signs (issue 12, finding 9) and PDF that is a PDF (finding 6): the .docx read
back with python-docx, the PDF's text with pdftotext where LibreOffice is installed (the PDF
tests are skipped where it is not; the message without it is tested everywhere)."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from mdcc_desktop.domain.models import Action, CopyKind
from mdcc_desktop.export.pdf import docx_to_pdf, soffice
from mdcc_desktop.services.context import Services
from tests.conftest import REPO

HK_ZH = REPO / "tests" / "data" / "hk-zh.json"
needs_libreoffice = pytest.mark.skipif(
    soffice() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or pdftotext is not installed",
)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def run_cli(*args: str, data: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mdcc_desktop.cli", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, **env},
    )


def _long_dates(services: Services, conference_id: int, due: dt.date) -> None:
    """Every action of the conference due on ``due`` (the longest date of its language)."""
    for action in services.store.load_record(conference_id).actions:
        services.store.update(Action, action.id or 0, {"due": due})


# --- finding 9: the .docx -----------------------------------------------------------------------


@pytest.mark.parametrize("copy", [CopyKind.FULL, CopyKind.PARENT])
def test_finding9_no_table_row_splits_across_a_page(
    services: Services, shared_example: Path, copy: CopyKind
) -> None:
    for source in (shared_example, HK_ZH):
        conference_id = services.exchange.import_file(source).conference_id
        doc = Document(io.BytesIO(services.minutes.render_minutes(conference_id, copy)))
        rows = [row for table in doc.tables for row in table.rows]
        assert len(rows) > 20
        for row in rows:
            properties = row._tr.trPr
            assert properties is not None and properties.find(qn("w:cantSplit")) is not None


def test_finding9_headings_and_the_signature_block_keep_with_what_follows(
    services: Services, shared_example: Path
) -> None:
    conference_id = services.exchange.import_file(shared_example).conference_id
    doc = Document(io.BytesIO(services.minutes.render_minutes(conference_id, CopyKind.FULL)))
    for name in ("Heading 1", "Heading 2"):
        assert doc.styles[name].paragraph_format.keep_with_next is True
    body = doc.element.body
    signature = next(p for p in doc.paragraphs if "signature" in p.text.lower())
    # Everything from the last section's heading (the confidentiality statement, last in the
    # profile's order since issue 12) to the signature is kept with the next paragraph: the
    # signature never stands alone on the last page.
    at = body.index(signature._p)
    heading = max(
        body.index(p._p)
        for p in doc.paragraphs
        if p.style.name == "Heading 1" and body.index(p._p) < at
    )
    last_section = [body[i] for i in range(heading + 1, at)]
    assert last_section and all(el.tag == qn("w:p") for el in last_section)
    for el in last_section:
        assert el.find(qn("w:pPr")).find(qn("w:keepNext")) is not None
    assert "confidential" in "".join(el.xpath("string(.)") for el in last_section)


def test_a_table_header_row_stays_with_its_first_row(services: Services) -> None:
    """Found in session 5: the plan's heading and header row could end a page with the first
    action on the next. Each repeated table's header row is kept with the row under it (and
    the heading, a Heading style, with the table)."""
    conference_id = services.exchange.import_file(HK_ZH).conference_id
    doc = Document(io.BytesIO(services.minutes.render_minutes(conference_id, CopyKind.FULL)))
    headed = [t for t in doc.tables if t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None]
    plan = [t for t in headed if "Owner" in " ".join(c.text for c in t.rows[0].cells)]
    assert plan and len(headed) >= 2
    for table in headed:
        for cell in table.rows[0].cells:
            assert all(p.paragraph_format.keep_with_next for p in cell.paragraphs), cell.text


def test_finding9_the_due_column_is_wide_enough_for_a_date_in_either_language() -> None:
    from docx.shared import Cm

    for name in ("eng-cpc", "hk-mdcc"):
        doc = Document(str(REPO / "templates" / "minutes" / f"{name}.docx"))
        plan = next(t for t in doc.tables if "x.due" in "".join(c.text for c in t.rows[2].cells))
        due = next(i for i, c in enumerate(plan.rows[2].cells) if "x.due" in c.text)
        # "30 September 2026" and "2026年12月30日" (LibreOffice spaces CJK from digits) at 10.5 pt
        assert plan.columns[due].width >= Cm(3.9), name


# --- finding 9 and 6: the PDF --------------------------------------------------------------------


@needs_libreoffice
def test_finding9_dates_do_not_break_inside_a_word_in_the_pdf(
    services: Services, shared_example: Path, tmp_path: Path
) -> None:
    english = services.exchange.import_file(shared_example).conference_id
    chinese = services.exchange.import_file(HK_ZH).conference_id
    _long_dates(services, english, dt.date(2026, 9, 30))
    _long_dates(services, chinese, dt.date(2026, 12, 30))
    text = pdf_text(docx_to_pdf(services.minutes.render_minutes(english, CopyKind.FULL)), tmp_path)
    assert "September" in text and not re.search(r"Septembe\s|Septem\s", text)
    text = pdf_text(docx_to_pdf(services.minutes.render_minutes(chinese, CopyKind.FULL)), tmp_path)
    # LibreOffice spaces Chinese from digits; a line break inside the date would show here.
    assert "2026年12月30日" in text.replace(" ", "")


@needs_libreoffice
def test_finding6_a_pdf_name_writes_a_pdf(tmp_path: Path) -> None:
    data = tmp_path / "data"
    conference = run_cli("demo", data=data).stdout.strip().splitlines()[-1]
    for args in (("-o", str(tmp_path / "m.pdf")), ("-o", str(tmp_path / "y.pdf"), "--pdf")):
        result = run_cli("minutes", conference, *args, data=data)
        assert result.returncode == 0, result.stderr
    # Issue 12 point 4: a letter per recipient; -o FILE writes one, chosen with --to.
    listed = run_cli("letter", conference, "--recipients", data=data).stdout.splitlines()
    mother = listed[-1].split("\t")[0]
    result = run_cli("letter", conference, "-o", str(tmp_path / "l.pdf"), "--to", mother, data=data)
    assert result.returncode == 0, result.stderr
    for name in ("m.pdf", "y.pdf", "l.pdf"):
        assert (tmp_path / name).read_bytes().startswith(b"%PDF"), name  # not a Word file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "l.pdf", "m.pdf", "y.pdf"]
    text = pdf_text((tmp_path / "m.pdf").read_bytes(), tmp_path)
    assert "RESTRICTED" in text and "Page 1 of" in text


def test_finding6_without_libreoffice_a_pdf_is_a_clear_message_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    conference = run_cli("demo", data=data).stdout.strip().splitlines()[-1]
    empty = tmp_path / "no-programs"
    empty.mkdir()
    for args in (("-o", str(tmp_path / "m.pdf")), ("-o", str(tmp_path / "y.pdf"), "--pdf")):
        result = run_cli("minutes", conference, *args, data=data, PATH=str(empty))
        assert result.returncode == 2, result.stderr
        assert "LibreOffice" in result.stderr and "nothing was written" in result.stderr
    result = run_cli(
        "letter", conference, "-o", str(tmp_path / "l.pdf"), data=data, PATH=str(empty)
    )
    assert result.returncode == 2 and "LibreOffice" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "no-programs"]


def test_finding9_a_decision_keeps_its_text_reasons_and_method_together(
    services: Services, shared_example: Path
) -> None:
    conference_id = services.exchange.import_file(shared_example).conference_id
    record = services.store.load_record(conference_id)
    doc = Document(io.BytesIO(services.minutes.render_minutes(conference_id, CopyKind.FULL)))
    texts = {d.text for d in record.decisions} | {
        f"Reasons: {d.rationale}" for d in record.decisions if d.rationale
    }
    kept = [p for p in doc.paragraphs if p.text in texts]
    assert len(kept) == len(texts)
    assert all(p.paragraph_format.keep_with_next for p in kept)
    # Text in a table cell does not sit on the cell's top line.
    margins = doc.tables[0]._tbl.tblPr.find(qn("w:tblCellMar"))
    assert margins is not None and int(margins.find(qn("w:top")).get(qn("w:w"))) > 0
