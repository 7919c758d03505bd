"""Quorum over the agencies of professionals present now, with the profile's exceptions
(issue 10 finding 2)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mdcc_desktop.domain.models import Attendance, Attendee, Discipline, Exclusion, Role
from mdcc_desktop.domain.profiles import Quorum
from mdcc_desktop.domain.quorum import count_quorum, here_now

RULE = Quorum(min_agencies=3, exceptional_min_agencies=2, exceptions=(Role.CHAIR,))
T = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


def present(name: str, agency: str | None = None, **kw: Any) -> Attendee:
    return Attendee(name=name, agency=agency, attendance=Attendance.PRESENT, arrived_at=T, **kw)


def test_agencies_without_a_discipline_count() -> None:
    """Three agencies checked in from the quick-add row read "0 agencies present"."""
    count = count_quorum(
        [present("A", "Police"), present("B", "Health"), present("C", "School")], RULE
    )
    assert count.present == 3 and count.met


def test_people_who_left_are_not_counted() -> None:
    """Four of six gone still read "6 ✓"."""
    people = [present(f"P{i}", f"Agency {i}") for i in range(6)]
    for p in people[:4]:
        p.left_at = T + dt.timedelta(minutes=30)
    assert count_quorum(people, RULE).present == 2
    assert count_quorum(people, RULE).met_exceptionally
    assert count_quorum(people, RULE, at=T + dt.timedelta(minutes=10)).present == 6


def test_the_excepted_roles_own_service_does_not_count() -> None:
    chair = present("Chair", "Conference Service", roles=[Role.CHAIR])
    assert count_quorum([chair], RULE).present == 0
    # ... but the agency counts through someone else present from it
    colleague = present("Colleague", "conference service")
    assert count_quorum([chair, colleague], RULE).agencies == ("conference service",)


def test_the_family_and_people_naming_no_agency_do_not_count() -> None:
    people = [
        present("Mum", None, roles=[Role.PARENT]),
        present("Gran", "Her own", discipline=Discipline.FAMILY),
        present("Someone"),
        present("Nurse", None, discipline=Discipline.HEALTH),
        Attendee(name="Invited", agency="Police"),
    ]
    assert count_quorum(people, RULE).agencies == ("health",)


def test_someone_sent_out_is_not_here_until_they_return() -> None:
    person = present("P", "Police")
    person.exclusions = [Exclusion(left_at=T + dt.timedelta(minutes=5), reason="Restricted item")]
    assert not here_now(person)
    assert here_now(person, at=T + dt.timedelta(minutes=1))
    person.exclusions[0].returned_at = T + dt.timedelta(minutes=20)
    assert here_now(person)
