"""The organisation's letterhead (issue 13, deliver 2): its name from Settings and its logo,
a PNG kept in the data folder, on every page of the minutes and the letter; a file that is not
a PNG is refused; removing the logo removes it from the next document."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from docx import Document

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.models import CopyKind
from mdcc_desktop.services.context import Services
from tests.conftest import EXAMPLE_COPY

IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def png(width: int = 8, height: int = 4) -> bytes:
    """A small red PNG, made by hand (no imaging library in a services test)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xd0\x10\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def header_of(data: bytes) -> tuple[str, int]:
    """The first page header's text and how many images it holds."""
    doc = Document(io.BytesIO(data))
    header = doc.sections[0].header
    text = " ".join(p.text for p in header.paragraphs)
    images = sum(1 for rel in header.part.rels.values() if rel.reltype == IMAGE)
    return text, images


@pytest.fixture
def conference(services: Services) -> int:
    return services.exchange.import_file(EXAMPLE_COPY).conference_id


def test_the_name_and_logo_head_every_document(services: Services, conference: int) -> None:
    services.settings.update(organisation_name="Kowloon West FCPSU 九龍西")
    services.letterhead.set_logo(png())
    for data in (
        services.minutes.render_minutes(conference, CopyKind.FULL),
        services.minutes.render_minutes(conference, CopyKind.PARENT),
        services.minutes.render_letter(conference),
    ):
        text, images = header_of(data)
        assert "Kowloon West FCPSU 九龍西" in text
        assert images == 1


def test_without_a_letterhead_the_header_holds_no_image_and_no_tag(
    services: Services, conference: int
) -> None:
    text, images = header_of(services.minutes.render_minutes(conference, CopyKind.FULL))
    assert images == 0 and "{{" not in text and "organisation" not in text


def test_removing_the_logo_takes_it_out_of_the_next_document(
    services: Services, conference: int
) -> None:
    services.letterhead.set_logo(png())
    services.letterhead.remove_logo()
    assert header_of(services.minutes.render_letter(conference))[1] == 0


def test_a_file_that_is_not_a_png_is_refused_and_keeps_the_old_logo(
    services: Services, tmp_path: Path
) -> None:
    services.letterhead.set_logo(png())
    with pytest.raises(ValidationError, match="not one"):
        services.letterhead.set_logo(b"GIF89a not a png")
    with pytest.raises(ValidationError, match="larger than"):
        services.letterhead.set_logo(png() + b"\0" * (3 * 1024 * 1024))
    assert services.letterhead.current().logo is not None
    assert services.letterhead.logo_path.read_bytes() == png()
