"""Hostile jurisdiction profiles (issue 8): every field is checked for its type and range; a file
that fails is skipped with its name and the problem, and never stops the app."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mdcc_desktop.domain.models import ConferenceType
from mdcc_desktop.services import profiles as profile_service
from mdcc_desktop.services.profiles import ProfileRegistry
from tests.domain.test_domain_profiles import VALID, write

BASE = VALID.format(code="XX", name="Test area")


def _with(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new)


HOSTILE = {
    "closures = 5": (
        _with("closures = [2026-09-15]", "closures = 5"),
        "calendar.closures: must be a list of dates such as [2026-09-15]",
    ),
    "closure with a time": (
        _with("closures = [2026-09-15]", "closures = [2026-09-15T10:00:00]"),
        "calendar.closures: datetime.datetime(2026, 9, 15, 10, 0) is not a date",
    ),
    "seven-day weekend": (
        _with(
            'weekend = ["sat", "sun"]',
            'weekend = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]',
        ),
        "calendar.weekend: leaves no working day in the week (at least one is needed)",
    ),
    "a billion working days": (
        _with("working_days = 5", "working_days = 1_000_000_000"),
        "deadlines[0].working_days: 1000000000 is more than the limit of 366",
    ),
    "367 working days": (
        _with("working_days = 5", "working_days = 367"),
        "deadlines[0].working_days: 367 is more than the limit of 366",
    ),
    "huge months": (
        _with("working_days = 5", "months = 100000000000000000000"),
        "deadlines[0].months: 100000000000000000000 is more than the limit of 24",
    ),
    "huge days": (
        _with("working_days = 5", "days = 999999999"),
        "deadlines[0].days: 999999999 is more than the limit of 731",
    ),
    "float days": (
        _with("working_days = 5", "working_days = 5.0"),
        "deadlines[0].working_days: must be a whole number, 0 up to 366 (not 5.0)",
    ),
    "planned minutes over 600": (
        _with("planned_minutes = 5", "planned_minutes = 601"),
        "agenda.initial[0].planned_minutes: 601 is more than the limit of 600",
    ),
    "deeply nested closures": (
        _with("closures = [2026-09-15]", "closures = [" + "[" * 200 + "]" * 200 + "]"),
        "calendar.closures: [[[[[[",
    ),
    "nested conference types": (
        _with('conference_types = ["initial", "review"]', 'conference_types = [[["initial"]]]'),
        "conference_types: unknown conference type [['initial']]",
    ),
    "a table as a role": (
        'roles = [{ role = 5 }, { role = ["chair"] }]\n' + BASE,
        "roles: unknown role 5",
    ),
    "language as a list": (
        'language = ["en"]\n' + BASE,
        "language: must be 'en' or 'zh-Hant'",
    ),
    "name_zh as a number": ("name_zh = 5\n" + BASE, "name_zh: must be non-empty text"),
    "signs_of_safety as text": (
        'signs_of_safety = "yes"\n' + BASE,
        "signs_of_safety: must be true or false",
    ),
    "minutes_template as a table": (
        "minutes_template = { a = 1 }\n" + BASE,
        "minutes_template: must be non-empty text",
    ),
    "quorum too large": (
        BASE + "\n[quorum]\nmin_agencies = 100000\n",
        "quorum.min_agencies: 100000 is more than the limit of 100",
    ),
    "unknown holiday country": (
        _with('country = "GB"', 'country = "QQ"'),
        "calendar: no holiday calendar for 'QQ'",
    ),
    "deep TOML nesting": (
        BASE + "\nextra = " + "[" * 2000 + "]" * 2000 + "\n",
        "nested too deeply to be a profile",
    ),
    "deep inline tables": (
        BASE + "\nextra = " + "{ a = " * 2000 + "1" + " }" * 2000 + "\n",
        "nested too deeply to be a profile",
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_hostile_profile_is_skipped_with_its_file_and_problem(
    tmp_path: Path, text: str, expected: str
) -> None:
    write(tmp_path, "hostile.toml", text)
    registry = ProfileRegistry.load(tmp_path)  # never raises
    assert registry.codes == ["ENG", "HK"]  # the shipped profiles are still there
    assert len(registry.problems) == 1
    shown = str(registry.problems[0])
    assert shown.startswith("hostile.toml: ")
    assert expected in shown
    assert len(shown) < 2000  # a deep value is quoted short


def test_the_limits_themselves_are_accepted(tmp_path: Path) -> None:
    text = _with("working_days = 5", "working_days = 366").replace(
        "planned_minutes = 5", "planned_minutes = 600"
    )
    text = text.replace(
        'weekend = ["sat", "sun"]', 'weekend = ["mon", "tue", "wed", "thu", "fri", "sat"]'
    )
    write(tmp_path, "edge.toml", text)
    registry = ProfileRegistry.load(tmp_path)
    assert registry.problems == []
    profile = registry.get("XX")
    due = profile.due_dates(ConferenceType.INITIAL, dt.date(2026, 1, 5))
    assert due["minutes"] > dt.date(2029, 1, 1)  # 366 Sundays (less holidays) later


def test_a_profile_file_too_large_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(profile_service, "MAX_PROFILE_BYTES", 100)
    write(tmp_path, "big.toml", BASE)
    registry = ProfileRegistry.load(tmp_path)
    assert [str(p) for p in registry.problems if p.path.name == "big.toml"] == [
        f"big.toml: cannot be read: {tmp_path / 'big.toml'} is larger than 100 bytes, "
        "the most a profile may be"
    ]


def test_a_folder_named_like_a_profile_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "folder.toml").mkdir()
    registry = ProfileRegistry.load(tmp_path)
    assert [str(p) for p in registry.problems] == [
        f"folder.toml: cannot be read: {tmp_path / 'folder.toml'} is a folder, not a file"
    ]


def test_an_unforeseen_error_in_a_profile_still_only_skips_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(data: object, source: str = "") -> object:
        raise TypeError("unforeseen")

    monkeypatch.setattr(profile_service, "parse_profile", broken)
    write(tmp_path, "odd.toml", BASE)
    registry = ProfileRegistry.load(tmp_path)
    assert "odd.toml: could not be used (TypeError); compare it with a shipped profile" in [
        str(p) for p in registry.problems
    ]
