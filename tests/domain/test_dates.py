"""One date style per language in every document (issue 12 point 3): d MMMM yyyy, yyyy年M月d日."""

from __future__ import annotations

import datetime as dt

from mdcc_desktop.domain.dates import date_en, date_words, date_zh


def test_each_language_has_one_style_without_leading_zeros() -> None:
    day = dt.date(2026, 12, 3)
    assert date_en(day) == "3 December 2026"
    assert date_zh(day) == "2026年12月3日"
    assert date_words(dt.date(2027, 1, 9), chinese=True) == "2027年1月9日"
    assert date_words(dt.date(2027, 1, 9), chinese=False) == "9 January 2027"
