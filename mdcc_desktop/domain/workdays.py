"""Working-day arithmetic for statutory time limits.

Public holidays come from the ``holidays`` package (HK and England both have substitute days that
are easy to get wrong by hand); closure days a user adds (typhoon signal 8, black rainstorm) are
passed in, because no holiday list has them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import holidays

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# A search for the next working day gives up after this many days in a row without one: no office
# is closed for a year, so a calendar that has none is broken (and the search must end).
MAX_CLOSED_RUN = 366

# The holiday calendars of the shipped profiles, known to exist in the ``holidays`` package:
# a profile naming one is checked without importing it (a tenth of a second or more at every
# start); any other calendar is checked by building it. A test checks every entry against the
# package, so this shortcut never accepts a calendar the package would refuse.
KNOWN_CALENDARS: frozenset[tuple[str, str | None, tuple[str, ...]]] = frozenset(
    {("GB", "ENG", ("public",)), ("HK", None, ("optional", "public"))}
)


class CalendarError(ValueError):
    """A date cannot be computed: past the last representable day, or no working day found.
    The message says why in words a chair can act on."""


@dataclass(frozen=True)
class WorkingCalendar:
    """A jurisdiction's office calendar: weekend, public holidays and extra closure days."""

    country: str
    subdivision: str | None = None
    categories: tuple[str, ...] = ("public",)
    weekend: frozenset[int] = frozenset({5, 6})
    closures: frozenset[dt.date] = field(default_factory=frozenset)

    @cached_property
    def _holidays(self) -> holidays.HolidayBase:
        import holidays  # imported on first use: it costs a tenth of a second at start-up

        return holidays.country_holidays(
            self.country, subdiv=self.subdivision, categories=self.categories
        )

    def check(self) -> None:
        """Raise if the ``holidays`` package has no such calendar (country, subdivision,
        categories); a known one is not built, so checking a profile imports nothing."""
        key = (self.country, self.subdivision, tuple(sorted(set(self.categories))))
        if key not in KNOWN_CALENDARS:
            self.holiday_name(dt.date(2026, 1, 1))

    def with_closures(self, days: Iterable[dt.date]) -> WorkingCalendar:
        return WorkingCalendar(
            self.country,
            self.subdivision,
            self.categories,
            self.weekend,
            self.closures | frozenset(days),
        )

    def holiday_name(self, day: dt.date) -> str | None:
        name = self._holidays.get(day)
        return str(name) if name else None

    def is_working_day(self, day: dt.date) -> bool:
        return (
            day.weekday() not in self.weekend
            and day not in self.closures
            and day not in self._holidays
        )

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The day that is ``days`` working days after ``start`` (``start`` itself not counted)."""
        if days < 0:
            raise ValueError("days must not be negative")
        day = start
        left = days
        closed_run = 0
        while left > 0:
            day = _next_day(day)
            if self.is_working_day(day):
                left -= 1
                closed_run = 0
            else:
                closed_run += 1
                if closed_run > MAX_CLOSED_RUN:
                    raise CalendarError(
                        f"no working day in the {MAX_CLOSED_RUN} days after "
                        f"{(day - dt.timedelta(days=closed_run)).isoformat()}: check the "
                        "profile's weekend, holidays and the closure days"
                    )
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative if end is earlier)."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


def _next_day(day: dt.date) -> dt.date:
    if day >= dt.date.max:
        raise CalendarError("it would fall after the year 9999, the last date a calendar holds")
    return day + dt.timedelta(days=1)


def add_days(start: dt.date, days: int) -> dt.date:
    """Calendar days later, or :class:`CalendarError` past the year 9999."""
    try:
        return start + dt.timedelta(days=days)
    except OverflowError:
        raise CalendarError(
            "it would fall after the year 9999, the last date a calendar holds"
        ) from None


def add_months(start: dt.date, months: int) -> dt.date:
    """Calendar months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise CalendarError("it would fall after the year 9999, the last date a calendar holds")
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)
