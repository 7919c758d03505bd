"""Working-day arithmetic against dates checked by hand against the published calendars.

England 2026 (gov.uk bank holidays): Good Friday Fri 3 Apr, Easter Monday Mon 6 Apr, Christmas
Fri 25 Dec, Boxing Day Sat 26 Dec with the substitute day Mon 28 Dec.
Hong Kong general holidays (public + optional): 2026 Good Friday Fri 3 Apr, the day following
Good Friday Sat 4 Apr, Mon 6 and Tue 7 Apr; Christmas Fri 25 Dec and "the first weekday after
Christmas Day" Sat 26 Dec. 2027 Lunar New Year: Sat 6 Feb (first day), Sun 7 Feb (second day, so
the fourth day is given), Mon 8 Feb (third day), Tue 9 Feb (fourth day).
"""

from __future__ import annotations

import datetime as dt

import pytest

from mdcc_desktop.domain.models import ConferenceType
from mdcc_desktop.domain.workdays import WorkingCalendar, add_months
from mdcc_desktop.services.profiles import ProfileRegistry

D = dt.date
ENG = WorkingCalendar("GB", "ENG")
HK = WorkingCalendar("HK", None, ("public", "optional"))


# --- England ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [D(2026, 4, 3), D(2026, 4, 6), D(2026, 12, 25), D(2026, 12, 26), D(2026, 12, 28)],
)
def test_england_2026_bank_holidays_are_holidays(day: dt.date) -> None:
    assert ENG.holiday_name(day) is not None
    assert not ENG.is_working_day(day)


def test_england_boxing_day_substitute_is_monday_28_december() -> None:
    assert "Boxing Day" in (ENG.holiday_name(D(2026, 12, 28)) or "")
    assert ENG.holiday_name(D(2026, 12, 29)) is None
    assert ENG.is_working_day(D(2026, 12, 24))
    assert ENG.is_working_day(D(2026, 12, 29))


def test_england_ordinary_days() -> None:
    assert ENG.is_working_day(D(2026, 4, 2))  # Thursday before Good Friday
    assert ENG.is_working_day(D(2026, 4, 7))  # Tuesday after Easter Monday (not a holiday in ENG)
    assert not ENG.is_working_day(D(2026, 4, 4))  # Saturday
    assert not ENG.is_working_day(D(2026, 4, 5))  # Sunday
    assert ENG.holiday_name(D(2026, 4, 2)) is None


def test_england_add_working_days_over_christmas() -> None:
    assert ENG.add_working_days(D(2026, 12, 23), 1) == D(2026, 12, 24)
    assert ENG.add_working_days(D(2026, 12, 24), 1) == D(2026, 12, 29)
    assert ENG.add_working_days(D(2026, 12, 24), 3) == D(2026, 12, 31)
    # 1 Jan 2027 is a Friday and a bank holiday: the next working day is Monday 4 Jan.
    assert ENG.add_working_days(D(2026, 12, 24), 4) == D(2027, 1, 4)


def test_england_add_working_days_over_easter() -> None:
    assert ENG.add_working_days(D(2026, 4, 2), 1) == D(2026, 4, 7)
    assert ENG.add_working_days(D(2026, 4, 1), 2) == D(2026, 4, 7)


def test_add_zero_working_days_is_the_start_even_on_a_holiday() -> None:
    assert ENG.add_working_days(D(2026, 12, 25), 0) == D(2026, 12, 25)


def test_add_working_days_counts_from_a_holiday_start() -> None:
    assert ENG.add_working_days(D(2026, 12, 25), 1) == D(2026, 12, 29)


def test_add_negative_working_days_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        ENG.add_working_days(D(2026, 12, 24), -1)


def test_working_days_between() -> None:
    assert ENG.working_days_between(D(2026, 12, 24), D(2026, 12, 29)) == 1
    assert ENG.working_days_between(D(2026, 12, 29), D(2026, 12, 24)) == -1
    assert ENG.working_days_between(D(2026, 12, 24), D(2026, 12, 24)) == 0
    # Tue 22, Wed 23, Thu 24, Tue 29, Wed 30, Thu 31 Dec, Mon 4 Jan.
    assert ENG.working_days_between(D(2026, 12, 21), D(2027, 1, 4)) == 7
    # An ordinary week: Monday to the next Monday is five working days.
    assert ENG.working_days_between(D(2026, 6, 1), D(2026, 6, 8)) == 5


def test_working_days_between_is_the_inverse_of_add_working_days() -> None:
    start = D(2026, 12, 1)
    for n in range(0, 40):
        assert ENG.working_days_between(start, ENG.add_working_days(start, n)) == n
        assert HK.working_days_between(start, HK.add_working_days(start, n)) == n


# --- Hong Kong -------------------------------------------------------------------------------


def test_hk_2027_lunar_new_year() -> None:
    assert HK.holiday_name(D(2027, 2, 6)) == "Chinese New Year"
    assert HK.holiday_name(D(2027, 2, 7)) is None  # a Sunday: its place is taken by 9 Feb
    assert "third day" in (HK.holiday_name(D(2027, 2, 8)) or "")
    assert "fourth day" in (HK.holiday_name(D(2027, 2, 9)) or "")
    assert HK.is_working_day(D(2027, 2, 5))
    assert not HK.is_working_day(D(2027, 2, 8))
    assert not HK.is_working_day(D(2027, 2, 9))
    assert HK.is_working_day(D(2027, 2, 10))
    assert HK.add_working_days(D(2027, 2, 5), 1) == D(2027, 2, 10)
    assert HK.working_days_between(D(2027, 2, 5), D(2027, 2, 12)) == 3


def test_hk_christmas_2026_first_weekday_after_christmas_is_saturday() -> None:
    assert HK.holiday_name(D(2026, 12, 25)) == "Christmas Day"
    assert HK.holiday_name(D(2026, 12, 26)) == "The first weekday after Christmas Day"
    # Unlike England, Monday 28 Dec is an ordinary working day in Hong Kong.
    assert HK.holiday_name(D(2026, 12, 28)) is None
    assert HK.is_working_day(D(2026, 12, 28))
    assert HK.add_working_days(D(2026, 12, 24), 1) == D(2026, 12, 28)


def test_hk_easter_2026_uses_general_holidays_including_optional_ones() -> None:
    # Good Friday is a general holiday but not a statutory one: only the optional category has it.
    assert not HK.is_working_day(D(2026, 4, 3))
    assert not HK.is_working_day(D(2026, 4, 6))
    assert not HK.is_working_day(D(2026, 4, 7))
    assert HK.add_working_days(D(2026, 4, 2), 1) == D(2026, 4, 8)
    statutory_only = WorkingCalendar("HK", None, ("public",))
    assert statutory_only.is_working_day(D(2026, 4, 3))
    assert statutory_only.add_working_days(D(2026, 4, 2), 1) == D(2026, 4, 3)


def test_closure_day_is_not_a_working_day() -> None:
    typhoon = D(2026, 9, 15)  # a Tuesday with no holiday
    assert HK.is_working_day(typhoon)
    closed = HK.with_closures([typhoon])
    assert not closed.is_working_day(typhoon)
    assert closed.add_working_days(D(2026, 9, 14), 1) == D(2026, 9, 16)
    assert closed.working_days_between(D(2026, 9, 14), D(2026, 9, 18)) == 3
    # The original calendar is unchanged (calendars are values).
    assert HK.is_working_day(typhoon)
    assert HK.add_working_days(D(2026, 9, 14), 1) == typhoon
    # Closures add up.
    both = closed.with_closures([D(2026, 9, 16)])
    assert both.add_working_days(D(2026, 9, 14), 1) == D(2026, 9, 17)
    assert both.categories == HK.categories and both.country == "HK"


def test_custom_weekend() -> None:
    sunday_only = WorkingCalendar("HK", None, ("public", "optional"), frozenset({6}))
    assert sunday_only.is_working_day(D(2026, 9, 12))  # a Saturday
    assert sunday_only.add_working_days(D(2026, 9, 11), 1) == D(2026, 9, 12)
    assert HK.add_working_days(D(2026, 9, 11), 1) == D(2026, 9, 14)


# --- add_months ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2026, 8, 31), 1, D(2026, 9, 30)),
        (D(2026, 11, 30), 3, D(2027, 2, 28)),
        (D(2026, 12, 15), 1, D(2027, 1, 15)),
        (D(2026, 12, 24), 3, D(2027, 3, 24)),
        (D(2026, 12, 24), 6, D(2027, 6, 24)),
        (D(2026, 5, 20), 0, D(2026, 5, 20)),
        (D(2026, 5, 20), 24, D(2028, 5, 20)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2026, 1, 15), -1, D(2025, 12, 15)),
    ],
)
def test_add_months(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


# --- the shipped profiles' deadlines ------------------------------------------------------------


@pytest.fixture(scope="module")
def registry() -> ProfileRegistry:
    return ProfileRegistry.load(None)


def _due(registry: ProfileRegistry, code: str, ctype: ConferenceType, anchors: dict[str, dt.date]):
    profile = registry.get(code)
    return {
        rule.key: rule.due(anchors[rule.anchor], profile.calendar)
        for rule in profile.deadlines_for(ctype)
    }


def test_england_initial_conference_deadlines(registry: ProfileRegistry) -> None:
    # Referral (strategy discussion) Thu 10 Dec 2026; conference Thu 24 Dec 2026.
    due = _due(
        registry,
        "ENG",
        ConferenceType.INITIAL,
        {"referral_received": D(2026, 12, 10), "conference": D(2026, 12, 24)},
    )
    assert due == {
        # 11, 14-18, 21-24 Dec (10), 29-31 Dec (13), 4 Jan (14), 5 Jan (15).
        "first_conference": D(2027, 1, 5),
        "outcome_letter": D(2026, 12, 29),
        # 29-31 Dec (3), 4-8 Jan (8), 11-15 Jan (13), 18 (14), 19 Jan (15).
        "minutes": D(2027, 1, 19),
        # 29-31 Dec (3), 4-8 Jan (8), 11 (9), 12 Jan (10).
        "core_group": D(2027, 1, 12),
        "first_review": D(2027, 3, 24),
        "dissent": D(2026, 12, 27),  # calendar days
    }


def test_england_review_conference_deadlines(registry: ProfileRegistry) -> None:
    due = _due(registry, "ENG", ConferenceType.REVIEW, {"conference": D(2026, 8, 31)})
    # 31 Aug 2026 is the late summer bank holiday; counting starts the next day.
    assert due == {
        "outcome_letter": D(2026, 9, 1),
        "minutes": D(2026, 9, 21),
        "next_review": D(2027, 2, 28),
        "dissent": D(2026, 9, 3),
    }


def test_hk_initial_conference_deadlines(registry: ProfileRegistry) -> None:
    due = _due(
        registry,
        "HK",
        ConferenceType.INITIAL,
        {"referral_received": D(2026, 12, 17), "conference": D(2027, 2, 4)},
    )
    assert due == {
        # 18 Dec (1), 21-24 Dec (5), 28-31 Dec (9), 4 Jan (10): 25 Dec and 1 Jan are holidays.
        "first_conference": D(2027, 1, 4),
        # 5 Feb (1), 10-12 Feb (4), 15-19 Feb (9), 22 Feb (10): 8 and 9 Feb are holidays.
        "minutes": D(2027, 2, 22),
        "first_review": D(2027, 5, 4),
    }


def test_hk_review_conference_deadlines(registry: ProfileRegistry) -> None:
    due = _due(registry, "HK", ConferenceType.REVIEW, {"conference": D(2027, 2, 4)})
    assert due == {"minutes": D(2027, 2, 22), "next_review": D(2027, 8, 4)}


def test_hk_typhoon_closure_moves_a_profile_deadline(registry: ProfileRegistry) -> None:
    profile = registry.get("HK")
    rule = next(r for r in profile.deadlines if r.key == "minutes")
    plain = rule.due(D(2026, 9, 14), profile.calendar)
    closed = rule.due(D(2026, 9, 14), profile.calendar.with_closures([D(2026, 9, 15)]))
    # 15-18 Sep (4), 21-24 Sep (8), 25 Sep (9); 28 Sep (10). 26 Sep is a Saturday holiday.
    assert plain == D(2026, 9, 28)
    assert closed == D(2026, 9, 29)


# --- the shipped holiday table ----------------------------------------------------------------


def test_the_shipped_holiday_table_is_the_installed_package_year_by_year() -> None:
    """holiday_table stands in for the holidays package at start-up: every year of it must be
    what the package says (if the package was upgraded, rewrite the table: see workdays)."""
    from mdcc_desktop.domain import holiday_table
    from mdcc_desktop.domain.workdays import (
        KNOWN_CALENDARS,
        installed_holidays_version,
        package_holiday_days,
    )

    assert installed_holidays_version() == holiday_table.HOLIDAYS_VERSION, (
        "the holidays package installed is not the one holiday_table was written from: "
        "rewrite it with `python -m mdcc_desktop.domain.workdays` (until then every start "
        "imports the package, correct but slower)"
    )
    assert set(holiday_table.TABLE) == set(KNOWN_CALENDARS)
    for key, years in holiday_table.TABLE.items():
        for year, days in years.items():
            shipped = {
                D(year, int(days[i : i + 2]), int(days[i + 2 : i + 4]))
                for i in range(0, len(days), 4)
            }
            assert shipped == package_holiday_days(key, year), (key, year)


def test_working_days_of_a_shipped_calendar_need_no_import_of_the_package() -> None:
    import subprocess
    import sys

    code = (
        "import sys, datetime as dt\n"
        "from mdcc_desktop.domain.workdays import WorkingCalendar\n"
        "c = WorkingCalendar('HK', None, ('public', 'optional'))\n"
        "assert c.add_working_days(dt.date(2026, 1, 30), 10) == dt.date(2026, 2, 13)\n"
        "assert not c.is_working_day(dt.date(2026, 2, 17))\n"  # Lunar New Year
        "print('holidays' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_another_version_of_the_package_is_asked_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    from mdcc_desktop.domain import holiday_table, workdays

    workdays.holiday_days.cache_clear()
    monkeypatch.setattr(holiday_table, "HOLIDAYS_VERSION", "0.0-not-installed")
    asked: list[int] = []
    real = workdays.package_holiday_days

    def spy(key: workdays.CalendarKey, year: int) -> frozenset[dt.date]:
        asked.append(year)
        return real(key, year)

    monkeypatch.setattr(workdays, "package_holiday_days", spy)
    try:
        assert not ENG.is_working_day(D(2026, 12, 28))  # Boxing Day, substitute
        assert asked == [2026]
    finally:
        workdays.holiday_days.cache_clear()
