"""Dates as documents print them: one style per language, whatever the machine's locale.

English ``3 December 2026`` (``d MMMM yyyy``, no leading zero) and Chinese ``2026年12月3日``
(``yyyy年M月d日``), in the minutes, the letters, the status lines and the e-mail drafts alike.
The month names are written here rather than taken from ``strftime``, which follows the locale.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["MONTHS", "date_en", "date_words", "date_zh"]

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_en(day: dt.date) -> str:
    """``3 December 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def date_zh(day: dt.date) -> str:
    """``2026年12月3日``."""
    return f"{day.year}年{day.month}月{day.day}日"


def date_words(day: dt.date, chinese: bool) -> str:
    """``day`` in one language's style: Chinese when ``chinese``, else English."""
    return date_zh(day) if chinese else date_en(day)
