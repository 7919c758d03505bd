"""Working-day arithmetic for statutory time limits.

Public holidays come from the ``holidays`` package (HK and England both have substitute days that
are easy to get wrong by hand); closure days a user adds (typhoon signal 8, black rainstorm) are
passed in, because no holiday list has them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import importlib.util
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import holidays

CalendarKey = tuple[str, str | None, tuple[str, ...]]

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# A search for the next working day gives up after this many days in a row without one: no office
# is closed for a year, so a calendar that has none is broken (and the search must end).
MAX_CLOSED_RUN = 366

# The holiday calendars of the shipped profiles, known to exist in the ``holidays`` package:
# a profile naming one is checked without importing it (a tenth of a second or more at every
# start); any other calendar is checked by building it. A test checks every entry against the
# package, so this shortcut never accepts a calendar the package would refuse.
KNOWN_CALENDARS: frozenset[CalendarKey] = frozenset(
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
        if self.key not in KNOWN_CALENDARS:
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

    @cached_property
    def key(self) -> CalendarKey:
        return (self.country, self.subdivision, tuple(sorted(set(self.categories))))

    def is_working_day(self, day: dt.date) -> bool:
        return (
            day.weekday() not in self.weekend
            and day not in self.closures
            and day not in holiday_days(self.key, day.year)
        )

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The day that is ``days`` working days after ``start`` (``start`` itself not counted)."""
        if days < 0:
            raise ValueError("days must not be negative")
        # is_working_day, inlined: this loop runs for every deadline of every conference listed.
        weekend, closures, key = self.weekend, self.closures, self.key
        one_day = dt.timedelta(days=1)
        year = start.year
        holidays_of_year = holiday_days(key, year)
        day = start
        left = days
        closed_run = 0
        while left > 0:
            if day >= dt.date.max:
                _next_day(day)  # raises the CalendarError that says why
            day += one_day
            if day.year != year:
                year = day.year
                holidays_of_year = holiday_days(key, year)
            if day.weekday() not in weekend and day not in closures and day not in holidays_of_year:
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


@cache
def holiday_days(key: CalendarKey, year: int) -> frozenset[dt.date]:
    """The public holidays of one calendar in one year, worked out once per process.

    For the shipped profiles' calendars they come from ``holiday_table`` (written from the
    ``holidays`` package) while the package installed is the version it was written from: the
    first conference list then needs no import of the package (two tenths of a second). Any
    other calendar, year or version asks the package itself.
    """
    from mdcc_desktop.domain import holiday_table

    shipped = holiday_table.TABLE.get(key)
    if (
        shipped is not None
        and year in shipped
        and installed_holidays_version() == holiday_table.HOLIDAYS_VERSION
    ):
        days = shipped[year]
        return frozenset(
            dt.date(year, int(days[i : i + 2]), int(days[i + 2 : i + 4]))
            for i in range(0, len(days), 4)
        )
    return package_holiday_days(key, year)


def package_holiday_days(key: CalendarKey, year: int) -> frozenset[dt.date]:
    """The holidays of ``key`` in ``year`` as the ``holidays`` package has them."""
    import holidays  # imported on first use: it costs a tenth of a second or more

    country, subdivision, categories = key
    found = holidays.country_holidays(
        country, subdiv=subdivision, categories=categories, years=year
    )
    return frozenset(day for day in found if day.year == year)


@cache
def installed_holidays_version() -> str | None:
    """The version of the ``holidays`` package installed, read from its distribution's folder
    name without importing it (the package's own ``__version__`` imports importlib.metadata);
    None when it cannot be told (then the package itself is asked)."""
    module = sys.modules.get("holidays")
    if module is not None:
        return str(getattr(module, "__version__", "")) or None
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    site = Path(spec.origin).parent.parent
    found = sorted(site.glob("holidays-*.dist-info"))
    if len(found) != 1:
        return None
    return found[0].name.removeprefix("holidays-").removesuffix(".dist-info")


def write_holiday_table(path: Path, first_year: int, last_year: int) -> None:
    """Write ``holiday_table`` from the installed ``holidays`` package (see holiday_days);
    run ``python -m mdcc_desktop.domain.workdays`` after upgrading the package."""
    import holidays

    version = getattr(holidays, "__version__", "")
    lines = [
        '"""The public holidays of the shipped profiles\' calendars, from the ``holidays`` '
        "package.",
        "",
        "Written by ``python -m mdcc_desktop.domain.workdays``; used only while the package "
        "installed is",
        "HOLIDAYS_VERSION (a test compares every year with the package). Each year: its dates "
        'as MMDD."""',
        "",
        f'HOLIDAYS_VERSION = "{version}"',
        "",
        "TABLE: dict[tuple[str, str | None, tuple[str, ...]], dict[int, str]] = {",
    ]
    for key in sorted(KNOWN_CALENDARS, key=str):
        lines.append(f"    {key!r}: {{")
        for year in range(first_year, last_year + 1):
            days = "".join(f"{d:%m%d}" for d in sorted(package_holiday_days(key, year)))
            lines.append(f'        {year}: "{days}",')
        lines.append("    },")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


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


if __name__ == "__main__":
    write_holiday_table(Path(__file__).with_name("holiday_table.py"), 2000, 2060)
