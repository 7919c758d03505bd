"""The passes over a finished Word package that leave its body as it is (the status line in
the headers, the template's properties scrubbed) copy every other part exactly: same bytes,
same compression, same order. They stream it (``export/zip_parts.py``): a plan of 100,000
actions is 210 MB of body, which each pass held whole before (631 MB at the peak of
``mdcc minutes``; bench_scale.py measures it)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from mdcc_desktop.export.docx_tools import scrub_properties
from mdcc_desktop.export.status_mark import mark_document
from tests.conftest import REPO

SHIPPED = REPO / "templates" / "minutes" / "eng-cpc.docx"


def _parts(data: bytes) -> list[tuple[str, int, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, i.compress_type, z.read(i)) for i in z.infolist()]


def _with_big_body(tmp_path: Path, extra: dict[str, str] | None = None) -> bytes:
    """The shipped template with a body of several megabytes (more than one copied chunk),
    Chinese and an emoji in it, and ``extra`` parts added."""
    out = io.BytesIO()
    with zipfile.ZipFile(SHIPPED) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                filler = "<w:p><w:r><w:t>陳嘉欣 🙂 row</w:t></w:r></w:p>" * 60_000
                data = text.replace("<w:body>", "<w:body>" + filler, 1).encode("utf-8")
            target.writestr(info, data, compress_type=info.compress_type)
        for name, text in (extra or {}).items():
            target.writestr(name, text)
    return out.getvalue()


def test_the_status_line_changes_the_headers_and_nothing_else(tmp_path: Path) -> None:
    data = _with_big_body(tmp_path)
    marked = mark_document(data, "DRAFT")
    before, after = _parts(data), _parts(marked)
    assert [(n, c) for n, c, _ in before] == [(n, c) for n, c, _ in after]
    assert len(next(b for n, _, b in after if n == "word/document.xml")) > 2**21  # 2 chunks
    for (name, _, old), (_, _, new) in zip(before, after, strict=True):
        if name.startswith("word/header"):
            assert b"DRAFT" in new and b"DRAFT" not in old
        else:
            assert new == old, name


def test_scrubbing_the_properties_copies_the_body_exactly(tmp_path: Path) -> None:
    data = _with_big_body(tmp_path, {"docProps/custom.xml": "<Properties>the author</Properties>"})
    scrubbed = scrub_properties(data)
    kept = {n: b for n, _, b in _parts(scrubbed)}
    assert "docProps/custom.xml" not in kept
    rewritten = ("docProps/custom.xml", "docProps/app.xml", "_rels/.rels", "[Content_Types].xml")
    for name, _, old in _parts(data):
        if name not in rewritten:
            assert kept[name] == old, name
