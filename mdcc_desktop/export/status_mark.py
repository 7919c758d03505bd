"""The status line every page of an issued or draft document carries in its header.

"DRAFT" on a document rendered for a look, "Issued: version 3, 30 November 2026" or
"FINAL: version 4, ..." on a recorded one. It goes into every header part the template has
(so into every page, whatever the template's own header says), straight into the package's
XML: the document's body, which may be large, is copied a piece at a time, not parsed again nor
held whole. A template without any header is given one.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

from mdcc_desktop.export.zip_parts import copy_part

_HEADER_PART = re.compile(r"word/header\d*\.xml")


def _paragraph(text: str) -> str:
    return (
        '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
    )


def mark_document(data: bytes, text: str) -> bytes:
    """``data`` (a .docx) with ``text`` as a bold line in the header of every page."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        headers = [i for i in source.infolist() if _HEADER_PART.fullmatch(i.filename)]
        if not headers:
            return _add_header(data, text)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                if info not in headers:  # the body (210 MB for 100,000 actions) is streamed
                    copy_part(source, info, target)
                    continue
                xml = source.read(info).decode("utf-8")
                if escape(text) not in xml:  # a template that prints the line itself
                    end = xml.rindex("</w:hdr>")
                    xml = xml[:end] + _paragraph(text) + xml[end:]
                target.writestr(info, xml.encode("utf-8"), compress_type=info.compress_type)
        return out.getvalue()


def _add_header(data: bytes, text: str) -> bytes:
    from docx import Document

    document = Document(io.BytesIO(data))
    for n, section in enumerate(document.sections):
        if n == 0 or not section.header.is_linked_to_previous:
            paragraph = section.header.paragraphs[0] if section.header.paragraphs else None
            if paragraph is None or paragraph.text:
                paragraph = section.header.add_paragraph()
            paragraph.alignment = 1  # centred
            paragraph.add_run(text).bold = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
