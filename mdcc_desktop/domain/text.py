"""Text typed or pasted into a filter or a search, made safe for every layer below.

One rule for the GUI's filter and search boxes, the command line's filters and the store's
queries: a NUL (it ends an FTS5 query string early) and unpaired surrogates (they cannot be
encoded as UTF-8, so SQLite never gets them) are dropped, and the length is capped far below
SQLite's LIKE pattern limit (50,000 bytes: 17,000 pasted Chinese characters passed it).
"""

from __future__ import annotations

# Longer than any case reference, name or phrase anyone searches for.
MAX_FILTER_CHARS = 200


def clean_filter_text(text: str, limit: int = MAX_FILTER_CHARS) -> str:
    """``text`` without NULs and unpaired surrogates, at most ``limit`` characters."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        # A surrogate pair held as two code points becomes its character; a lone one is dropped.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    return text[:limit]
