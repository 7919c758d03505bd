"""Copying a part of a Word package (a zip) to another a megabyte at a time.

A document's body is large for a long plan (210 MB of XML for 100,000 actions, 5 MB
compressed): read whole, every pass over the package that leaves the body as it is (the status
line in the headers, the template's properties scrubbed) held it in memory once more.
"""

from __future__ import annotations

import shutil
import zipfile

CHUNK = 1 << 20


def same_entry(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """A new entry for another package with ``info``'s name, time, compression and attributes
    (its sizes and offsets are the new package's)."""
    entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    entry.compress_type = info.compress_type
    entry.external_attr = info.external_attr
    return entry


def copy_part(source: zipfile.ZipFile, info: zipfile.ZipInfo, target: zipfile.ZipFile) -> None:
    """``info``'s part of ``source`` written into ``target`` as it is (name, time, compression,
    attributes), never whole in memory."""
    with (
        source.open(info) as reader,
        target.open(
            same_entry(info), "w", force_zip64=info.file_size > zipfile.ZIP64_LIMIT
        ) as writer,
    ):
        shutil.copyfileobj(reader, writer, CHUNK)
