"""The record rules: times in order, the same person twice, agencies present, missing roles."""

from __future__ import annotations

import datetime as dt

from mdcc_desktop.domain.models import Attendance, Attendee, Discipline, Role
from mdcc_desktop.domain.rules import (
    attendance_warnings,
    check_text,
    check_times,
    present_agencies,
    same_person,
)

HKT = dt.timezone(dt.timedelta(hours=8))


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 12, 24, hour, minute, tzinfo=HKT)


def test_check_times_end_before_start() -> None:
    problems = check_times(at(10, 30), at(9, 15), "Agenda item 2")
    assert problems == ["Agenda item 2: the end (09:15) is before the start (10:30)"]


def test_check_times_in_order_or_incomplete() -> None:
    assert check_times(at(9), at(10), "x") == []
    assert check_times(at(9), at(9), "x") == []
    assert check_times(None, at(9), "x") == []
    assert check_times(at(9), None, "x") == []
    assert check_times(None, None, "x") == []


def test_check_times_compares_instants_across_offsets() -> None:
    london = dt.UTC
    # 09:30 in Hong Kong is 01:30 UTC, so 02:00 UTC is after it.
    assert check_times(at(9, 30), dt.datetime(2026, 12, 24, 2, 0, tzinfo=london), "x") == []
    assert check_times(at(9, 30), dt.datetime(2026, 12, 24, 1, 0, tzinfo=london), "x") != []


def test_check_text() -> None:
    assert check_text("Plan agreed", "Decision") == []
    assert check_text("   \n\t", "Decision") == ["Decision must not be empty"]
    assert check_text(None, "Title") == ["Title must not be empty"]
    assert check_text("", "Title") == ["Title must not be empty"]


def test_same_person_ignores_case_and_surrounding_space() -> None:
    a = Attendee(name="Jane Smith", agency="Metropolitan Police")
    b = Attendee(name="  jane SMITH ", agency="metropolitan police ")
    assert same_person(a, b)
    assert same_person(b, a)


def test_same_person_needs_the_same_agency() -> None:
    a = Attendee(name="Jane Smith", agency="Police")
    assert not same_person(a, Attendee(name="Jane Smith", agency="Health"))
    assert not same_person(a, Attendee(name="Jane Smith"))
    assert not same_person(a, Attendee(name="Jane Smyth", agency="Police"))
    # No agency and an empty agency are the same.
    assert same_person(Attendee(name="陳大文"), Attendee(name="陳大文", agency="  "))
    assert same_person(Attendee(name="STRASSE"), Attendee(name="straße"))  # casefold


def _present(name: str, agency: str | None, discipline: Discipline | None, *roles: Role):
    return Attendee(
        name=name,
        agency=agency,
        discipline=discipline,
        attendance=Attendance.PRESENT,
        roles=list(roles),
    )


def test_present_agencies_counts_professionals_present() -> None:
    attendees = [
        _present("Chair", "Children's Services", Discipline.SOCIAL_WORK, Role.CHAIR),
        _present("Social worker", "children's services ", Discipline.SOCIAL_WORK),
        _present("PC Jones", "Police", Discipline.POLICE),
        _present("School nurse", None, Discipline.HEALTH),
        Attendee(
            name="Teacher",
            agency="School",
            discipline=Discipline.EDUCATION,
            attendance=Attendance.APOLOGIES,
        ),
        Attendee(name="GP", agency="Surgery", discipline=Discipline.HEALTH),  # only invited
    ]
    assert present_agencies(attendees) == {"children's services", "police", "health"}


def test_present_agencies_excludes_the_family() -> None:
    attendees = [
        _present("Mother", None, Discipline.FAMILY, Role.PARENT),
        # A parent who is also a social worker by job still counts as family here.
        _present("Father", "Other Council", Discipline.SOCIAL_WORK, Role.PARENT),
        _present("Grandmother", "Somewhere", Discipline.OTHER, Role.CARER),
        _present("Child", "School", Discipline.EDUCATION, Role.CHILD),
        _present("Aunt", "Family", Discipline.FAMILY),
        _present("Someone", "Unknown agency", None),
    ]
    assert present_agencies(attendees) == set()
    attendees.append(_present("Interpreter", "Language Line", Discipline.INTERPRETER))
    assert present_agencies(attendees) == {"language line"}


def test_attendance_warnings() -> None:
    assert attendance_warnings([]) == [
        "No one has the chair role.",
        "No one is taking the minutes.",
    ]
    chair = Attendee(name="Chair", roles=[Role.CHAIR])
    assert attendance_warnings([chair]) == ["No one is taking the minutes."]
    minutes = Attendee(name="Minute taker", roles=[Role.MINUTE_TAKER])
    assert attendance_warnings([minutes]) == ["No one has the chair role."]
    assert attendance_warnings([chair, minutes]) == []
    both = Attendee(name="Chair who also minutes", roles=[Role.MINUTE_TAKER, Role.CHAIR])
    assert attendance_warnings([both]) == []
