"""Rules a conference record must follow, checked before anything is stored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mdcc_desktop.domain.models import Attendance, Attendee, Discipline, Role


def check_times(start: dt.datetime | None, end: dt.datetime | None, what: str) -> list[str]:
    if start is not None and end is not None and end < start:
        return [f"{what}: the end ({end:%H:%M}) is before the start ({start:%H:%M})"]
    return []


def check_text(value: str | None, what: str) -> list[str]:
    if value is None or not value.strip():
        return [f"{what} must not be empty"]
    return []


def same_person(a: Attendee, b: Attendee) -> bool:
    return a.name.strip().casefold() == b.name.strip().casefold() and (
        (a.agency or "").strip().casefold() == (b.agency or "").strip().casefold()
    )


def present_agencies(attendees: Iterable[Attendee]) -> set[str]:
    """Agencies (or, without an agency, professional groups) of professionals present."""
    found: set[str] = set()
    for a in attendees:
        if a.attendance != Attendance.PRESENT or a.discipline in (Discipline.FAMILY, None):
            continue
        if Role.PARENT in a.roles or Role.CHILD in a.roles or Role.CARER in a.roles:
            continue
        found.add((a.agency or a.discipline.value).strip().casefold())
    return found


def attendance_warnings(attendees: list[Attendee]) -> list[str]:
    warnings = []
    if not any(Role.CHAIR in a.roles for a in attendees):
        warnings.append("No one has the chair role.")
    if not any(Role.MINUTE_TAKER in a.roles for a in attendees):
        warnings.append("No one is taking the minutes.")
    return warnings
