"""Low-level .docx helpers python-docx has no API for.

- East Asian fonts: Word picks the font for Chinese from ``w:rFonts/@w:eastAsia``, which
  python-docx cannot set (python-docx issue 1139); without it Chinese falls back to whatever the
  machine has, or to boxes.
- Fields: "Page N of M" must be real PAGE / NUMPAGES fields so Word and LibreOffice keep them
  right as the document reflows.
- Text a .docx cannot hold (XML 1.0 forbids most control characters) is replaced visibly.
- Reproducible files: fixed zip timestamps, so a template built twice is the same bytes.
- Long tables: the rows of a table of 100,000 actions written as text straight into the zip.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from mdcc_desktop.export.zip_parts import copy_part, same_entry

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


_ROW_START = re.compile(r"<w:tr[ >]")
# An empty paragraph, run or text written as one tag would throw docxtpl's listing pass off.
_SELF_CLOSING = re.compile(r"<w:[prt](?: [^>]*)?/>")
_TEMPLATE_MARKS = ("{", "}", "%", "_")
_PLAIN = re.compile(r"[^&<>_\r]*")  # text lxml writes as it is and docxtpl leaves alone
_LISTING = re.compile("[\t\n\a\f]")  # what docxtpl's listing pass turns into Word's own


def xml_text(value: str) -> str:
    """``value`` as lxml writes text content (``&``, ``<`` and ``>`` escaped)."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def stamp_rows(
    data: bytes,
    tokens: dict[str, str],
    rows: Sequence[Mapping[str, Any]],
    value: Callable[[Any], str],
    listing: Callable[[str], str],
) -> bytes | None:
    """The .docx ``data`` with the table row holding ``tokens`` (field -> a unique word rendered
    where the field's value goes) replaced by one such row per item of ``rows``, written straight
    into the zip as text: a table of 100,000 rows in a second and a few megabytes.

    ``value`` gives a field's text as the template would have printed it; ``listing`` is
    docxtpl's pass that turns tabs and line breaks into Word's own (for rows that need it).
    Text comes out as lxml would have written it, so the document reads the same as one
    rendered row by row. Returns None when the row cannot be found whole (the caller renders
    the usual way)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    xml = source.read("word/document.xml").decode("utf-8")
    at = [xml.find(t) for t in tokens.values()]
    if min(at) < 0:
        return None
    starts = [m.start() for m in _ROW_START.finditer(xml, 0, min(at))]
    end = xml.find("</w:tr>", max(xml.rfind(t) for t in tokens.values()))
    if not starts or end < 0:
        return None
    start, end = starts[-1], end + len("</w:tr>")
    row = xml[start:end]
    if (
        _ROW_START.search(row, 1)
        or "<w:tbl" in row
        or _SELF_CLOSING.search(row)
        or any(xml.count(t) != row.count(t) for t in tokens.values())
    ):
        return None
    field_of = {t: f for f, t in tokens.items()}
    parts = re.split("(" + "|".join(map(re.escape, tokens.values())) + ")", row)
    statics, fields = parts[0::2], [field_of[t] for t in parts[1::2]]
    # docxtpl's "{_{" -> "{{" pass runs over the whole text: a value must not meet a brace.
    if any(s.endswith(_TEMPLATE_MARKS) for s in statics[:-1]) or any(
        not s or s.startswith(_TEMPLATE_MARKS) for s in statics[1:-1]
    ):
        return None
    if statics[-1].startswith(_TEMPLATE_MARKS):
        return None

    def text_of(item: Mapping[str, Any], field: str) -> str:
        text = value(item[field]) if field in item else ""
        if _PLAIN.fullmatch(text):  # most text needs none of what follows
            return text
        text = (
            text.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        )
        return xml_text(text)

    def stamped(item: Mapping[str, Any]) -> str:
        texts = [text_of(item, f) for f in fields]
        out = [statics[0]]
        for text, static in zip(texts, statics[1:], strict=True):
            out += (text, static)
        result = "".join(out)
        if _LISTING.search("".join(texts)):
            result = listing(result)
        if "\r" in result:  # an XML parser reads a carriage return as a line feed
            result = result.replace("\r\n", "\n").replace("\r", "\n")
        return result

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                copy_part(source, info, target)
                continue
            huge = len(row) * len(rows) * 4 > 2**31  # zip64 only when it may be needed
            with target.open(same_entry(info), "w", force_zip64=huge) as member:
                member.write(xml[:start].encode("utf-8"))
                for first in range(0, len(rows), 2000):
                    chunk = "".join(stamped(item) for item in rows[first : first + 2000])
                    member.write(chunk.encode("utf-8"))
                member.write(xml[end:].encode("utf-8"))
    return out.getvalue()


# Extended properties a template carries over from whoever made it (docProps/app.xml).
_APP_PERSONAL = re.compile(
    r"<(Company|Manager|HyperlinkBase|Template)(?: [^>]*)?>.*?</\1>|<(?:Company|Manager|"
    r"HyperlinkBase|Template)(?: [^>]*)?/>",
    re.DOTALL,
)


def scrub_properties(data: bytes) -> bytes:
    """The .docx ``data`` without the template's own custom properties (docProps/custom.xml,
    its relationship and content type) and without its company, manager, hyperlink base and
    template name (docProps/app.xml): a document says nothing of the file it was made from."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    custom = "docProps/custom.xml"
    app = source.read("docProps/app.xml").decode("utf-8") if "docProps/app.xml" in names else ""
    if custom not in names and not _APP_PERSONAL.search(app):
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == custom:
                continue
            if info.filename not in ("docProps/app.xml", "_rels/.rels", "[Content_Types].xml"):
                copy_part(source, info, target)  # the body as it is, never whole in memory
                continue
            raw = source.read(info.filename)
            if info.filename == "docProps/app.xml":
                raw = _APP_PERSONAL.sub("", app).encode("utf-8")
            elif info.filename == "_rels/.rels":
                raw = re.sub(
                    rb"<Relationship [^>]*Target=\"/?docProps/custom\.xml\"[^>]*/>", b"", raw
                )
            elif info.filename == "[Content_Types].xml":
                raw = re.sub(rb"<Override [^>]*PartName=\"/docProps/custom\.xml\"[^>]*/>", b"", raw)
            target.writestr(same_entry(info), raw)
    return out.getvalue()
