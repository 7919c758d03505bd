"""Issue 12 point 4: the profile says how the outcome letter is addressed, how to complain, and
each decision in plain words ([letter], and plain/plain_zh on decision choices)."""

from __future__ import annotations

import tomllib

import pytest

from mdcc_desktop.domain.profiles import DEFAULT_COMPLAINTS, ProfileError, parse_profile
from mdcc_desktop.services.profiles import ProfileRegistry

BASE = """
code = "T"
name = "Test"
conference_types = ["initial"]

[calendar]
country = "GB"
subdivision = "ENG"

[[decision_kinds]]
kind = "plan"
label = "Plan"
values = [
  { value = "yes", label = "Yes", plain = "{children} will have a plan.", plain_zh = "有計劃。" },
  { value = "no", label = "No" },
]
"""


def test_choices_carry_their_plain_sentence_and_the_letter_table_is_read() -> None:
    text = (
        BASE
        + """
[letter]
addressed_to = "household"
complaints = "Write to us."
complaints_zh = "請來信。"
"""
    )
    profile = parse_profile(tomllib.loads(text))
    yes, no = profile.decision_kinds[0].choices
    assert (yes.plain, yes.plain_zh) == ("{children} will have a plan.", "有計劃。")
    assert (no.plain, no.plain_zh) == (None, None)  # the letter falls back to the label
    assert profile.letter.addressed_to == "household"
    assert (profile.letter.complaints, profile.letter.complaints_zh) == ("Write to us.", "請來信。")


def test_without_a_letter_table_each_invitee_gets_a_letter_with_the_default_complaints() -> None:
    profile = parse_profile(tomllib.loads(BASE))
    assert profile.letter.addressed_to == "invitee"
    assert profile.letter.complaints == DEFAULT_COMPLAINTS


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ('[letter]\naddressed_to = "family"', "letter.addressed_to: must be 'invitee' or"),
        ("[letter]\ncomplaints = 3", "letter.complaints: must be non-empty text"),
        ('letter = "x"', "letter: must be a table"),
    ],
)
def test_a_wrong_letter_table_is_reported_with_its_key(table: str, problem: str) -> None:
    # A top-level key goes before the tables, a table after them.
    text = table + "\n" + BASE if not table.startswith("[") else BASE + "\n" + table
    with pytest.raises(ProfileError, match=problem):
        parse_profile(tomllib.loads(text))


def test_the_shipped_profiles_say_every_choice_in_plain_words_and_how_to_complain() -> None:
    shipped = ProfileRegistry.load(None)
    eng, hk = shipped.get("ENG"), shipped.get("HK")
    assert eng.letter.addressed_to == "invitee" and hk.letter.addressed_to == "household"
    assert hk.letter.complaints_zh and "2343 2255" in hk.letter.complaints_zh
    for profile in (eng, hk):
        for kind in profile.decision_kinds:
            for choice in kind.choices:
                assert choice.plain, (profile.code, kind.kind, choice.value)
                assert choice.plain.endswith("."), choice.plain
                if profile.code == "HK":
                    assert choice.plain_zh and choice.plain_zh.endswith("。"), choice.value
