"""A profile names the method a new decision starts from (issue 10, finding 6)."""

from __future__ import annotations

import pytest

from mdcc_desktop.domain.models import DecisionMethod
from mdcc_desktop.domain.profiles import ProfileError, parse_profile

BASE = {
    "code": "X",
    "name": "X",
    "conference_types": ["initial"],
    "calendar": {"country": "GB"},
}


def test_the_decision_method_is_consensus_unless_the_profile_names_another() -> None:
    assert parse_profile(BASE).decision_method == DecisionMethod.CONSENSUS
    chair = parse_profile({**BASE, "decision_method": "chair"})
    assert chair.decision_method == DecisionMethod.CHAIR


def test_an_unknown_decision_method_is_named_in_the_error() -> None:
    with pytest.raises(ProfileError, match="decision_method: must be 'consensus'"):
        parse_profile({**BASE, "decision_method": "vote"})
