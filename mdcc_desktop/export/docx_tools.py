"""Low-level .docx helpers python-docx has no API for.

- East Asian fonts: Word picks the font for Chinese from ``w:rFonts/@w:eastAsia``, which
  python-docx cannot set (python-docx issue 1139); without it Chinese falls back to whatever the
  machine has, or to boxes.
- Fields: "Page N of M" must be real PAGE / NUMPAGES fields so Word and LibreOffice keep them
  right as the document reflows.
- Text a .docx cannot hold (XML 1.0 forbids most control characters) is replaced visibly.
- Reproducible files: fixed zip timestamps, so a template built twice is the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

EAST_ASIAN_FONT = "Microsoft JhengHei"
LATIN_FONT = "Calibri"
REPLACEMENT = "\ufffd"

# Characters XML 1.0 cannot carry: C0 controls but tab, LF, CR; surrogates; U+FFFE, U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character a .docx cannot hold replaced by U+FFFD (shown as �)."""
    return _ILLEGAL.sub(REPLACEMENT, text)


def xml_safe_tree(value: Any) -> Any:
    """Every string in a nested structure of dicts, lists and tuples made XML-safe."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, dict):
        return {k: xml_safe_tree(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [xml_safe_tree(v) for v in value]
    return value


def set_east_asian_font(rpr: Any, font: str = EAST_ASIAN_FONT, lang: str = "zh-HK") -> None:
    """Give a run or style property element (``w:rPr``) an East Asian font and language."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), font)
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        rpr.append(language)
    language.set(qn("w:eastAsia"), lang)


def east_asian_fonts_everywhere(document: Any, font: str = EAST_ASIAN_FONT) -> None:
    """Set the East Asian font on every style and every run (body, tables, headers, footers)."""
    for style in document.styles:
        element = getattr(style, "element", None)
        if element is None or style.type not in (1, 2):  # paragraph and character styles
            continue
        set_east_asian_font(element.get_or_add_rPr(), font)
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.header._element, section.footer._element]
    for part in parts:
        for run in part.iter(qn("w:r")):
            set_east_asian_font(run.get_or_add_rPr(), font)


def add_field(paragraph: Any, instruction: str, placeholder: str = "1") -> None:
    """Append a Word field (``PAGE``, ``NUMPAGES``) to a paragraph."""

    def run_with(child: Any) -> None:
        run = paragraph.add_run()
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def reproducible_zip(data: bytes) -> bytes:
    """The same .docx with fixed timestamps and member order, byte for byte repeatable."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()
