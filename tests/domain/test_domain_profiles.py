"""Jurisdiction profiles: the shipped ENG and HK files, user files, and broken files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.models import ConferenceType, Role
from mdcc_desktop.domain.profiles import ProfileError, parse_profile
from mdcc_desktop.services.profiles import ProfileRegistry, load_profile_file

SHIPPED = Path(__file__).resolve().parents[2] / "templates" / "profiles"

VALID = """
code = "{code}"
name = "{name}"
conference_types = ["initial", "review"]

[calendar]
country = "GB"
subdivision = "ENG"
weekend = ["sat", "sun"]
closures = [2026-09-15]

[[agenda.initial]]
title = "Welcome"
planned_minutes = 5

[[decision_kinds]]
kind = "plan"
label = "Plan"
values = [{{ value = "yes", label = "Yes" }}, {{ value = "no", label = "No" }}]

[[deadlines]]
key = "minutes"
label = "Minutes"
from = "conference"
working_days = 5
"""


def write(folder: Path, file_name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def shipped() -> ProfileRegistry:
    return ProfileRegistry.load(None)


# --- the shipped profiles ----------------------------------------------------------------------


def test_shipped_profiles_load_without_problems(shipped: ProfileRegistry) -> None:
    assert shipped.codes == ["ENG", "HK"]
    assert shipped.problems == []
    assert [p.code for p in shipped.all()] == ["ENG", "HK"]
    assert shipped.find("ENG") is shipped.get("ENG")
    assert shipped.find("XX") is None


def test_eng_profile(shipped: ProfileRegistry) -> None:
    eng = shipped.get("ENG")
    assert eng.name.startswith("England")
    assert eng.language == "en"
    assert eng.signs_of_safety is True
    assert eng.source.endswith("ENG.toml")
    assert eng.conference_types == (
        ConferenceType.INITIAL,
        ConferenceType.REVIEW,
        ConferenceType.PRE_BIRTH,
        ConferenceType.OTHER,
    )
    assert eng.calendar.country == "GB"
    assert eng.calendar.subdivision == "ENG"
    assert eng.calendar.categories == ("public",)
    assert eng.calendar.weekend == frozenset({5, 6})
    assert eng.calendar.closures == frozenset()
    assert eng.quorum.min_agencies == 3
    assert eng.quorum.exceptional_min_agencies == 2
    assert eng.roles[:2] == (Role.CHAIR, Role.MINUTE_TAKER)
    assert set(eng.roles) == set(Role)

    initial = eng.agenda_for(ConferenceType.INITIAL)
    assert len(initial) == 9  # the views of the child and of the parents are two items (issue 12)
    assert initial[0].title == "Introductions, purpose and confidentiality"
    assert initial[0].planned_minutes == 5
    assert [i.restricted for i in initial].count(True) == 1
    assert initial[3].restricted is True
    assert initial[3].title.startswith("Restricted information")
    review = eng.agenda_for(ConferenceType.REVIEW)
    assert len(review) == 7
    assert review[1].title == "Progress on the plan"
    assert sum(i.planned_minutes or 0 for i in review) == 100


def test_eng_decision_kinds(shipped: ProfileRegistry) -> None:
    eng = shipped.get("ENG")
    assert [k.kind for k in eng.decision_kinds] == [
        "plan",
        "category",
        "risk_level",
        "key_worker",
        "core_group",
        "review_date",
        "other",
    ]
    plan = eng.decision_kind("plan")
    assert plan is not None and not plan.multiple
    assert [c.value for c in plan.choices] == [
        "child_protection_plan",
        "child_in_need_plan",
        "no_further_action",
        "plan_ended",
    ]
    assert plan.allows("child_protection_plan")
    assert not plan.allows("established")
    category = eng.decision_kind("category")
    assert category is not None and category.multiple
    assert {c.value for c in category.choices} == {"neglect", "physical", "emotional", "sexual"}
    key_worker = eng.decision_kind("key_worker")
    assert key_worker is not None and key_worker.choices == ()
    assert key_worker.allows("anything at all")
    assert eng.decision_kind("outcome") is None


def test_eng_deadlines(shipped: ProfileRegistry) -> None:
    eng = shipped.get("ENG")
    rules = {d.key: d for d in eng.deadlines}
    assert rules["first_conference"].anchor == "referral_received"
    assert rules["first_conference"].working_days == 15
    assert rules["first_conference"].applies_to == (
        ConferenceType.INITIAL,
        ConferenceType.PRE_BIRTH,
    )
    assert rules["first_review"].months == 3 and rules["first_review"].working_days is None
    assert rules["next_review"].months == 6
    assert rules["dissent"].days == 3
    # Without applies_to a deadline applies to every conference type of the profile.
    assert rules["minutes"].applies_to == eng.conference_types
    assert [d.key for d in eng.deadlines_for(ConferenceType.REVIEW)] == [
        "outcome_letter",
        "minutes",
        "next_review",
        "dissent",
    ]


def test_hk_profile(shipped: ProfileRegistry) -> None:
    hk = shipped.get("HK")
    assert hk.name_zh == "香港：保護懷疑受虐待兒童多專業個案會議"
    assert hk.signs_of_safety is False
    assert hk.calendar.country == "HK"
    assert hk.calendar.subdivision is None
    assert hk.calendar.categories == ("public", "optional")
    assert hk.calendar.weekend == frozenset({5, 6})
    assert hk.quorum.min_agencies == 2
    assert hk.quorum.exceptional_min_agencies is None

    initial = hk.agenda_for(ConferenceType.INITIAL)
    assert len(initial) == 9
    assert initial[0].title_zh == "介紹及保密原則"
    assert initial[3].restricted is True and initial[3].title_zh == "警方調查（限閱）"
    review = hk.agenda_for(ConferenceType.REVIEW)
    assert [i.title for i in review][-1] == "Revised welfare plan and registration"

    outcome = hk.decision_kind("outcome")
    assert outcome is not None
    assert [(c.value, c.label_zh) for c in outcome.choices] == [
        ("established", "成立"),
        ("not_established", "不成立"),
        ("not_established_at_risk", "不成立但兒童有受虐待風險"),
    ]
    registration = hk.decision_kind("registration")
    assert registration is not None and registration.allows("deregister")
    category = hk.decision_kind("category")
    assert category is not None and category.multiple and category.allows("psychological")

    assert [d.key for d in hk.deadlines_for(ConferenceType.INITIAL)] == [
        "first_conference",
        "minutes",
        "first_review",
    ]
    minutes = next(d for d in hk.deadlines if d.key == "minutes")
    assert minutes.working_days == 10 and minutes.label_zh == "分發會議紀錄"


def test_shipped_profile_files_parse_directly() -> None:
    for path in sorted(SHIPPED.glob("*.toml")):
        profile = load_profile_file(path)
        assert path.stem == profile.code


# --- user profiles -------------------------------------------------------------------------------


def test_user_profile_is_added(tmp_path: Path) -> None:
    folder = tmp_path / "profiles"
    write(folder, "local.toml", VALID.format(code="LOCAL", name="Local area"))
    registry = ProfileRegistry.load(folder)
    assert registry.problems == []
    assert registry.codes == ["ENG", "HK", "LOCAL"]
    local = registry.get("LOCAL")
    assert local.name == "Local area"
    assert local.conference_types == (ConferenceType.INITIAL, ConferenceType.REVIEW)
    assert local.calendar.closures == frozenset({dt.date(2026, 9, 15)})
    assert not local.calendar.is_working_day(dt.date(2026, 9, 15))
    assert local.agenda_for(ConferenceType.REVIEW) == ()
    assert local.agenda_for(ConferenceType.INITIAL)[0].title == "Welcome"
    assert local.source == str(folder / "local.toml")
    # Defaults: every role, no quorum, no Signs of Safety.
    assert set(local.roles) == set(Role)
    assert local.quorum.min_agencies == 0
    assert local.signs_of_safety is False


def test_user_profile_with_a_shipped_code_replaces_the_shipped_one(tmp_path: Path) -> None:
    folder = tmp_path / "profiles"
    write(folder, "my-england.toml", VALID.format(code="ENG", name="England (our area)"))
    registry = ProfileRegistry.load(folder)
    assert registry.problems == []
    assert registry.codes == ["ENG", "HK"]
    eng = registry.get("ENG")
    assert eng.name == "England (our area)"
    assert eng.source.endswith("my-england.toml")
    assert len(eng.deadlines) == 1
    # The shipped HK is untouched.
    assert registry.get("HK").calendar.country == "HK"


def test_missing_user_folder_gives_the_shipped_profiles(tmp_path: Path) -> None:
    registry = ProfileRegistry.load(tmp_path / "does-not-exist")
    assert registry.codes == ["ENG", "HK"]
    assert registry.problems == []


def test_only_toml_files_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "profiles"
    write(folder, "notes.txt", "this is not a profile")
    write(folder, "local.toml.bak", "code = broken")
    registry = ProfileRegistry.load(folder)
    assert registry.codes == ["ENG", "HK"]
    assert registry.problems == []


def _valid_with(old: str, new: str) -> str:
    text = VALID.format(code="BAD", name="Broken")
    assert old in text
    return text.replace(old, new)


BROKEN = {
    "bad-toml.toml": ('code = "X"\nname = \n', ["not valid TOML"]),
    "no-code.toml": (_valid_with('code = "BAD"\n', ""), ["code: is missing"]),
    "bad-type.toml": (
        _valid_with('["initial", "review"]', '["initial", "case_review"]'),
        ["conference_types", "'case_review'"],
    ),
    "two-units.toml": (
        _valid_with("working_days = 5", "working_days = 5\nmonths = 1"),
        ["deadlines[0]", "exactly one of working_days, days or months"],
    ),
    "bad-weekend.toml": (
        _valid_with('weekend = ["sat", "sun"]', 'weekend = ["sat", "funday"]'),
        ["calendar.weekend", "'funday'"],
    ),
    "bad-country.toml": (
        _valid_with('country = "GB"\nsubdivision = "ENG"', 'country = "XX"'),
        ["calendar", "'XX'"],
    ),
    "bad-anchor.toml": (
        _valid_with('from = "conference"', 'from = "birthday"'),
        ["deadlines[0].from"],
    ),
    "bad-role.toml": (
        _valid_with('code = "BAD"', 'code = "BAD"\nroles = ["chair", "judge"]'),
        ["roles", "'judge'"],
    ),
    "bad-closure.toml": (
        _valid_with("closures = [2026-09-15]", 'closures = ["15/09/2026"]'),
        ["calendar.closures", "15/09/2026"],
    ),
    "bad-minutes.toml": (
        _valid_with("planned_minutes = 5", "planned_minutes = -5"),
        ["agenda.initial[0].planned_minutes"],
    ),
    "bad-utf8.toml": (None, ["cannot be read"]),
}


@pytest.mark.parametrize("file_name", sorted(BROKEN))
def test_broken_profile_is_skipped_and_reported(tmp_path: Path, file_name: str) -> None:
    folder = tmp_path / "profiles"
    text, expected = BROKEN[file_name]
    if text is None:
        folder.mkdir()
        (folder / file_name).write_bytes(b'code = "\xff\xfe"\n')
    else:
        write(folder, file_name, text)
    write(folder, "good.toml", VALID.format(code="GOOD", name="Good"))

    registry = ProfileRegistry.load(folder)

    assert registry.codes == ["ENG", "GOOD", "HK"]
    assert len(registry.problems) == 1
    problem = registry.problems[0]
    assert problem.path.name == file_name
    shown = str(problem)
    assert shown.startswith(f"{file_name}: ")
    for part in expected:
        assert part in shown


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    text = _valid_with('code = "BAD"\n', "")
    text = text.replace('["sat", "sun"]', '["sat", "funday"]')
    text = text.replace("working_days = 5", "working_days = 5\nmonths = 1")
    with pytest.raises(ProfileError) as info:
        load_profile_file(write(tmp_path, "many.toml", text))
    message = str(info.value)
    assert "code: is missing" in message
    assert "calendar.weekend" in message
    assert "deadlines[0]" in message


def test_parse_profile_rejects_a_missing_calendar() -> None:
    with pytest.raises(ProfileError, match="calendar: is missing"):
        parse_profile({"code": "X", "name": "X", "conference_types": ["initial"]})


def test_parse_profile_rejects_a_bad_code() -> None:
    data = {
        "code": "has space",
        "name": "X",
        "conference_types": ["initial"],
        "calendar": {"country": "GB"},
    }
    with pytest.raises(ProfileError, match="code: must be"):
        parse_profile(data)
    data["code"] = "OK_1"
    assert parse_profile(data).code == "OK_1"


def test_get_unknown_code_lists_the_known_ones(shipped: ProfileRegistry) -> None:
    with pytest.raises(ValidationError) as info:
        shipped.get("SCO")
    message = str(info.value)
    assert "'SCO'" in message
    assert "ENG" in message and "HK" in message
    assert info.value.problems == [message]


# --- quorum exceptions and the review interval (issue 10) --------------------------------------


def test_shipped_profiles_name_the_quorum_exceptions_and_the_review_rule(
    shipped: ProfileRegistry,
) -> None:
    for code in ("ENG", "HK"):
        profile = shipped.get(code)
        assert profile.quorum.exceptions == (Role.CHAIR, Role.MINUTE_TAKER)
        initial = profile.review_rule(ConferenceType.INITIAL)
        review = profile.review_rule(ConferenceType.REVIEW)
        assert initial is not None and initial.key == "first_review"
        assert review is not None and review.key == "next_review"


def _minimal(**tables: str) -> str:
    text = VALID.format(code="Q", name="Q")
    return text + "".join(f"\n[{name}]\n{body}\n" for name, body in tables.items())


def test_quorum_exceptions_must_be_roles(tmp_path: Path) -> None:
    text = _minimal(quorum='min_agencies = 2\nexceptions = ["chair", "boss"]')
    with pytest.raises(ProfileError, match=r"quorum\.exceptions: unknown role 'boss'"):
        load_profile_file(write(tmp_path, "q.toml", text))
    text = _minimal(quorum='min_agencies = 2\nexceptions = "chair"')
    with pytest.raises(ProfileError, match=r"quorum\.exceptions: must be a list of roles"):
        load_profile_file(write(tmp_path, "q.toml", text))


def test_review_deadlines_must_name_deadlines(tmp_path: Path) -> None:
    text = _minimal(review='deadlines = ["later"]')
    with pytest.raises(ProfileError, match=r"review\.deadlines: 'later' is not the key"):
        load_profile_file(write(tmp_path, "r.toml", text))
    profile = load_profile_file(
        write(tmp_path, "r.toml", _minimal(review='deadlines = ["minutes"]'))
    )
    rule = profile.review_rule(ConferenceType.INITIAL)
    assert rule is not None and rule.key == "minutes"


def test_minutes_sections_come_in_each_profiles_order(shipped: ProfileRegistry) -> None:
    eng = [s.key for s in shipped.get("ENG").minutes_sections]
    hk = [s.key for s in shipped.get("HK").minutes_sections]
    # England analyses after the Signs of Safety mapping; Hong Kong assesses risk before it.
    assert eng.index("safety") < eng.index("analysis")
    assert hk.index("analysis") < hk.index("safety")
    assert shipped.get("HK").minutes_section("child_views").title_in("zh-Hant") == "兒童的意見"
    views = {i.title: i.section for i in shipped.get("ENG").agenda_for(ConferenceType.INITIAL)}
    assert views["Views of the child"] == "child_views"
    assert views["Views of the parents"] == "parents_views"
    assert {s.key for s in shipped.get("ENG").text_sections} == {
        "purpose",
        "child_views",
        "parents_views",
        "analysis",
    }


def test_a_profile_without_sections_gets_the_english_order() -> None:
    data = {
        "code": "X",
        "name": "X",
        "conference_types": ["initial"],
        "calendar": {"country": "GB", "weekend": ["sat", "sun"]},
    }
    assert parse_profile(data).minutes_sections[0].key == "attendance"


def test_bad_minutes_sections_are_named() -> None:
    data = {
        "code": "X",
        "name": "X",
        "conference_types": ["initial"],
        "minutes_sections": [
            {"key": "purpose", "title": "Purpose"},
            {"key": "purpose", "title": "Again"},
            {"key": "Bad Key", "title": "Bad"},
        ],
        "agenda": {"initial": [{"title": "Why", "section": "views"}]},
    }
    with pytest.raises(ProfileError) as caught:
        parse_profile(data)
    text = str(caught.value)
    assert "minutes_sections[1].key: 'purpose' is named twice" in text
    assert "minutes_sections[2].key" in text
    assert "agenda.initial[0].section: 'views' is not the key of a text section" in text
