"""Dates and times as the interface shows them: through ``QLocale``, in the app's locale.

Every date or time a screen shows goes through these (never ``strftime`` or ``isoformat``), so
that a Chinese interface reads "2026年11月13日" and an English one "13 Nov 2026", each in the
order and words of its locale. Values that are stored, exported or typed back keep their ISO
form and do not come here.

The locale is :func:`app_locale`: the default the start-up sequence sets for the interface
language (see :func:`set_locale`), else the computer's.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

SHORT = QLocale.FormatType.ShortFormat
LONG = QLocale.FormatType.LongFormat
MEDIUM = "medium"  # the long form without the weekday, months abbreviated: "23 Nov 2026"
Format = QLocale.FormatType | str
_WEEKDAY = re.compile(r"\s*dddd[,，]?\s*")


# The interface's English is British ("finalised", "organisation"): a computer without a locale
# (the "C" locale, which writes "13 11 2026") gets British dates.
FALLBACK = "en_GB"


def set_locale(language: str) -> None:
    """Make ``language`` ("en", "zh-Hant"; "system" keeps the computer's) the app's locale."""
    if language.startswith("zh"):
        QLocale.setDefault(QLocale("zh_HK"))
    elif language == "en" and QLocale().language() != QLocale.Language.English:
        # An English interface on a Chinese computer (or after Chinese was chosen in the
        # welcome and then English again) shows English dates, British unless told otherwise.
        QLocale.setDefault(QLocale(FALLBACK))
    elif QLocale().language() == QLocale.Language.C:
        QLocale.setDefault(QLocale(FALLBACK))


def app_locale() -> QLocale:
    """The locale dates are shown in: the app's default, British English instead of "C"."""
    locale = QLocale()
    return QLocale(FALLBACK) if locale.language() == QLocale.Language.C else locale


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def wall_clock(value: dt.datetime) -> QDateTime:
    """The meeting's own clock time (in the offset it was scheduled in), without converting it
    to the computer's time zone."""
    naive = value.replace(tzinfo=None)
    return QDateTime(
        QDate(naive.year, naive.month, naive.day), QTime(naive.hour, naive.minute, naive.second)
    )


def medium_format(locale: QLocale) -> str:
    """The locale's long date format without the weekday, with abbreviated month names:
    "d MMM yyyy" in Britain, "MMM d, yyyy" in the US, "yyyy年M月d日" in Hong Kong Chinese."""
    long = _WEEKDAY.sub(" ", locale.dateFormat(LONG)).strip(" ,")
    return long.replace("MMMM", "MMM")


def _date_text(locale: QLocale, value: dt.date, fmt: Format) -> str:
    if fmt == MEDIUM:
        return locale.toString(qdate(value), medium_format(locale))
    assert isinstance(fmt, QLocale.FormatType)
    return locale.toString(qdate(value), fmt)


def format_date(value: dt.date | None, fmt: Format = MEDIUM) -> str:
    """A date in the locale's medium (short, long) form; "" for none."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return _date_text(app_locale(), value, fmt)


def format_time(value: dt.datetime | dt.time | None) -> str:
    """A time of day (hours and minutes) in the locale's short form; "" for none."""
    if value is None:
        return ""
    return app_locale().toString(QTime(value.hour, value.minute), SHORT)


def format_datetime(value: dt.datetime | None, fmt: Format = MEDIUM) -> str:
    """A date and time as it was recorded (its own wall-clock time, not converted to the
    computer's zone): the date in the medium (short, long) form and the time; "" for none."""
    if value is None:
        return ""
    return f"{_date_text(app_locale(), value.date(), fmt)} {format_time(value)}"
