"""Templates that fail safely (issue 12, finding 5) and the properties of what they make
(finding 10): read back from real .docx files; the command line run as a real subprocess."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.models import CopyKind
from mdcc_desktop.export.minutes import document_text, minutes_context, render
from mdcc_desktop.export.rendering import render_isolated, watching
from mdcc_desktop.export.template_checks import BrokenTemplateError
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.demo import load_demo
from tests.conftest import REPO

SHIPPED = REPO / "templates" / "minutes"


@pytest.fixture
def demo_id(services: Services) -> int:
    return load_demo(services.exchange).conference_id


def user_template(services: Services, name: str, text: str, base: str = "eng-cpc") -> Path:
    """A user's template: a shipped one with one more paragraph."""
    folder = services.paths.templates
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document(str(SHIPPED / f"{base}.docx"))
    doc.add_paragraph(text)
    path = folder / f"{name}.docx"
    doc.save(path)
    return path


def run_cli(*args: str, data: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mdcc_desktop.cli", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, **env},
    )


def refused(services: Services, demo_id: int, name: str) -> str:
    with pytest.raises(BrokenTemplateError) as err:
        services.minutes.render_minutes(demo_id, CopyKind.FULL, name)
    return str(err.value)


# --- finding 5: unknown fields, syntax errors, limits, kinds ------------------------------------


def test_finding5_an_unknown_field_is_an_error_naming_the_field_and_the_template(
    services: Services, demo_id: int
) -> None:
    user_template(services, "typo", "Chaired by {{ chiar }}")
    message = refused(services, demo_id, "typo")
    assert "typo.docx" in message and "{{ chiar }}" in message and "chiar" in message
    assert "chair" in message.split("fields are:")[1]  # the fields it could have meant

    # A field never printed (inside an if that is false) is caught all the same.
    user_template(services, "hidden", "{% if false %}{{ chiar }}{% endif %}")
    assert "{{ chiar }}" in refused(services, demo_id, "hidden")


def test_an_unknown_field_names_the_tag_that_reads_it_not_one_with_an_attribute_of_that_name(
    services: Services, demo_id: int
) -> None:
    """Found in session 5: the check named the first tag holding the word, here a row's
    attribute, instead of the ``elif`` that reads the unknown field."""
    text = (
        "{% for a in plan %}{{ a.venue_note }}{% endfor %}"
        "{% if chair %}x{% elif venue_note %}y{% endif %}"
    )
    user_template(services, "chain", text)
    message = refused(services, demo_id, "chain")
    assert "venue_note" in message and "{% elif venue_note %}" in message
    assert "a.venue_note" not in message


def test_finding5_a_misspelt_field_of_a_row_is_an_error_not_a_blank(
    services: Services, demo_id: int
) -> None:
    user_template(services, "row", "{% for d in decisions %}{{ d.nmae }}{% endfor %}")
    message = refused(services, demo_id, "row")
    assert "row.docx" in message and "nmae" in message


def test_finding5_a_syntax_error_names_the_tag_as_the_user_wrote_it(
    services: Services, demo_id: int
) -> None:
    user_template(services, "brace", "{%p if chair %}Chair: {{ chair }{%p endif %}")
    message = refused(services, demo_id, "brace")
    assert "brace.docx" in message and "syntax error" in message
    assert "{{ chair }" in message
    assert "<w:" not in message and "line" not in message  # no internal XML, no XML line

    user_template(services, "unknown_tag", "{% iff chair %}x{% endif %}")
    message = refused(services, demo_id, "unknown_tag")
    assert "{% iff chair %}" in message

    user_template(services, "open", "{% for x in plan %}{{ x.owner }}")
    message = refused(services, demo_id, "open")
    assert "open.docx" in message and "never closed" in message and "'for'" in message


def test_finding5_a_huge_range_is_a_template_error_not_a_bug(tmp_path: Path) -> None:
    data = tmp_path / "data"
    conference = run_cli("demo", data=data).stdout.strip().splitlines()[-1]
    folder = data / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document(str(SHIPPED / "eng-cpc.docx"))
    doc.add_paragraph("{% for i in range(10**9) %}{{ i }}{% endfor %}")
    doc.save(folder / "big.docx")
    result = run_cli(
        "minutes", conference, "-o", str(tmp_path / "m.docx"), "--template", "big", data=data
    )
    assert result.returncode == 2, result.stderr  # was 1, "a bug"
    assert "big.docx" in result.stderr and "range()" in result.stderr
    assert "bug" not in result.stderr and not (tmp_path / "m.docx").exists()


def test_finding5_an_unknown_field_on_the_command_line_exits_2(tmp_path: Path) -> None:
    data = tmp_path / "data"
    conference = run_cli("demo", data=data).stdout.strip().splitlines()[-1]
    folder = data / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document(str(SHIPPED / "eng-cpc.docx"))
    doc.add_paragraph("{{ chiar }}")
    doc.save(folder / "typo.docx")
    result = run_cli(
        "minutes", conference, "-o", str(tmp_path / "m.docx"), "--template", "typo", data=data
    )
    assert result.returncode == 2  # was 0, with a blank where the chair's name should be
    assert "typo.docx" in result.stderr and "chiar" in result.stderr
    assert not (tmp_path / "m.docx").exists()


NESTED = (
    "{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}"
    "{% endfor %}{% endfor %}{% endfor %}"
)


def test_finding5_loops_inside_loops_are_stopped_at_the_time_limit(
    services: Services, demo_id: int
) -> None:
    path = user_template(services, "hang", NESTED)
    record = services.store.load_record(demo_id)
    context = minutes_context(record, None, CopyKind.FULL)
    with pytest.raises(BrokenTemplateError) as err:
        render_isolated(path, context, "minutes", seconds=2)
    assert "hang.docx" in str(err.value) and "longer than 2 seconds" in str(err.value)


def test_finding5_a_hanging_template_on_the_command_line_exits_2(tmp_path: Path) -> None:
    data = tmp_path / "data"
    conference = run_cli("demo", data=data).stdout.strip().splitlines()[-1]
    folder = data / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document(str(SHIPPED / "eng-cpc.docx"))
    doc.add_paragraph(NESTED)
    doc.save(folder / "hang.docx")
    result = run_cli(
        "minutes",
        conference,
        "-o",
        str(tmp_path / "m.docx"),
        "--template",
        "hang",
        data=data,
        MDCC_RENDER_SECONDS="2",
    )
    assert result.returncode == 2, result.stderr
    assert "hang.docx" in result.stderr and "longer than 2 seconds" in result.stderr


def test_finding5_a_template_that_prints_too_much_is_stopped(
    services: Services, demo_id: int
) -> None:
    path = user_template(
        services, "flood", "{% for a in range(10000) %}{{ case_reference }}{% endfor %}"
    )
    context = minutes_context(services.store.load_record(demo_id), None, CopyKind.FULL)
    with pytest.raises(BrokenTemplateError) as err:
        render(path, context, kind="minutes", max_output_chars=100_000)
    assert "flood.docx" in str(err.value) and "100,000 characters" in str(err.value)
    user_template(services, "repeat", "{{ case_reference * 100000000 }}")
    assert "repetition" in refused(services, demo_id, "repeat")


def test_finding5_a_render_can_be_cancelled(services: Services, demo_id: int) -> None:
    user_template(services, "slow", NESTED)
    stages: list[str] = []

    def progress(stage: str, _seconds: float) -> bool:
        stages.append(stage)
        return len(stages) < 5

    with watching(progress), pytest.raises(BrokenTemplateError) as err:
        services.minutes.render_minutes(demo_id, CopyKind.FULL, "slow")
    assert "cancelled" in str(err.value) and len(stages) == 5


def test_finding5_a_letter_template_is_refused_for_minutes_and_the_other_way_round(
    services: Services, demo_id: int, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError) as err:
        services.minutes.render_letter(demo_id, "eng-cpc")
    assert "eng-cpc.docx is a minutes template, not a letter template" in str(err.value)
    with pytest.raises(ValidationError) as err:
        services.minutes.render_minutes(demo_id, CopyKind.FULL, "letter")
    assert "letter.docx is a letter template, not a minutes template" in str(err.value)

    data = tmp_path / "data"
    conference = run_cli("demo", data=data).stdout.strip().splitlines()[-1]
    letters = tmp_path / "letters"  # issue 12: a folder, one letter per recipient
    letters.mkdir()
    result = run_cli("letter", conference, "-o", str(letters), "--template", "eng-cpc", data=data)
    assert result.returncode == 2 and "not a letter template" in result.stderr
    assert list(letters.iterdir()) == []


def test_finding5_a_template_that_does_not_say_its_kind_is_refused(
    services: Services, demo_id: int
) -> None:
    folder = services.paths.templates
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document(str(SHIPPED / "eng-cpc.docx"))
    for paragraph in doc.paragraphs:
        for run in paragraph.runs:
            run.text = re.sub(r"\{#.*?#\}", "", run.text)
    doc.save(folder / "anonymous.docx")
    message = refused(services, demo_id, "anonymous")
    assert "anonymous.docx does not say what it is for" in message
    assert "{# mdcc kind: minutes #}" in message


def test_every_shipped_template_declares_its_kind() -> None:
    from mdcc_desktop.export.template_checks import declared_kind, part_lines

    kinds = {p.stem: declared_kind(part_lines(p)) for p in SHIPPED.glob("*.docx")}
    assert kinds == {
        "eng-cpc": "minutes",
        "hk-mdcc": "minutes",
        "letter": "letter",
        "letter-hk": "letter",
    }


# --- finding 10: the properties of what is written ----------------------------------------------


def _with_properties(source: Path, target: Path) -> None:
    """``source`` with an identifier, version, company, manager and a custom property, as a
    template saved by an organisation's Word would have."""
    with zipfile.ZipFile(source) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    core = parts["docProps/core.xml"].decode()
    core = core.replace(
        "</cp:coreProperties>",
        "<dc:identifier>TPL-ID-42</dc:identifier><cp:version>TPL-VER-73</cp:version></cp:coreProperties>",
    )
    parts["docProps/core.xml"] = core.encode()
    app = parts["docProps/app.xml"].decode()
    app = app.replace(
        "</Properties>",
        "<Company>Borough Council</Company><Manager>J. Bloggs</Manager></Properties>",
    )
    parts["docProps/app.xml"] = app.encode()
    parts["docProps/custom.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-'
        b'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Owner">'
        b"<vt:lpwstr>Secret Team</vt:lpwstr></property></Properties>"
    )
    rels = parts["_rels/.rels"].decode()
    parts["_rels/.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
    ).encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>",
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.custom-properties+xml"/></Types>',
    ).encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_finding10_properties_come_from_the_conference_not_the_template(
    services: Services, demo_id: int
) -> None:
    folder = services.paths.templates
    folder.mkdir(parents=True, exist_ok=True)
    _with_properties(SHIPPED / "eng-cpc.docx", folder / "owned.docx")
    _with_properties(SHIPPED / "letter.docx", folder / "owned-letter.docx")
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    minutes = services.minutes.render_minutes(demo_id, CopyKind.FULL, "owned")
    letter = services.minutes.render_letter(demo_id, "owned-letter")
    for data, title in ((minutes, "Conference minutes"), (letter, "Outcome letter")):
        props = Document(io.BytesIO(data)).core_properties
        assert props.title.endswith(title)  # HK demo: 會議紀錄 Conference minutes
        assert props.identifier == "" and props.version == ""
        assert props.created is not None and props.created >= before
        assert props.modified == props.created
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = z.namelist()
            everything = b"".join(z.read(n) for n in names)
        assert "docProps/custom.xml" not in names
        for leak in (b"TPL-ID-42", b"Borough Council", b"J. Bloggs", b"Secret Team", b"TPL-VER-73"):
            assert leak not in everything
        assert Document(io.BytesIO(data)).paragraphs  # still a document Word opens


def test_finding10_a_letter_is_not_titled_minutes(services: Services, demo_id: int) -> None:
    props = Document(io.BytesIO(services.minutes.render_letter(demo_id))).core_properties
    assert "minutes" not in props.title.lower() and "Outcome letter" in props.title


# --- finding 9 (the part templates decide): headings bold through their styles ------------------


def test_finding9_headings_take_bold_and_font_from_their_styles(
    services: Services, demo_id: int
) -> None:
    for name in ("eng-cpc", "hk-mdcc", "letter", "letter-hk"):
        with zipfile.ZipFile(SHIPPED / f"{name}.docx") as z:
            body = z.read("word/document.xml").decode()
        assert '<w:b w:val="0"/>' not in body, name  # no run switches bold off
    # An organisation restyles Heading 1 (not bold, Georgia, italic): every heading follows.
    folder = services.paths.templates
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document(str(SHIPPED / "eng-cpc.docx"))
    style = doc.styles["Heading 1"]
    style.font.bold = False
    style.font.italic = True
    style.font.name = "Georgia"
    doc.save(folder / "restyled.docx")
    out = Document(io.BytesIO(services.minutes.render_minutes(demo_id, CopyKind.FULL, "restyled")))
    headings = [p for p in out.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert len(headings) >= 5
    assert out.styles["Heading 1"].font.name == "Georgia"
    for paragraph in headings:
        for run in paragraph.runs:
            assert run.bold is None and run.italic is None and run.font.name is None
    assert "Decisions" in document_text(
        services.minutes.render_minutes(demo_id, CopyKind.FULL, "restyled")
    )
