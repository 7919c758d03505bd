"""Quorum: how many agencies are represented by professionals in the room now.

Counted over the attendees present now: checked in (``attendance`` present), arrived (when a
moment is given, by then) and not gone (no ``left_at`` by then, and not out of the room on an
exclusion). Only professionals count: not the family (the family discipline, or a parent, child
or carer role), and not the holders of the profile's excepted roles (the chair, the
minute-taker), whose service counts only through someone else present from it. An attendee
counts for their agency, or without one for their discipline; one with neither names no
agency and is not counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from mdcc_desktop.domain.models import Attendance, Attendee, Discipline, Role
from mdcc_desktop.domain.profiles import Quorum

FAMILY_ROLES = frozenset({Role.PARENT, Role.CHILD, Role.CARER})


@dataclass(frozen=True)
class QuorumCount:
    """The agencies present (as first written) against the profile's rule."""

    agencies: tuple[str, ...]
    needed: int
    exceptional: int | None = None

    @property
    def present(self) -> int:
        return len(self.agencies)

    @property
    def met(self) -> bool:
        return self.present >= self.needed

    @property
    def met_exceptionally(self) -> bool:
        """Short of the rule but enough for the exceptional minimum (the chair's discretion)."""
        return not self.met and self.exceptional is not None and self.present >= self.exceptional


def here_now(attendee: Attendee, at: dt.datetime | None = None) -> bool:
    """Whether the attendee is in the room: checked in, arrived, not left, not sent out."""
    if attendee.attendance != Attendance.PRESENT:
        return False
    if at is not None and attendee.arrived_at is not None and attendee.arrived_at > at:
        return False
    if attendee.left_at is not None and (at is None or attendee.left_at <= at):
        return False
    return not stepped_out(attendee, at)


def stepped_out(attendee: Attendee, at: dt.datetime | None = None) -> bool:
    """Whether the attendee is out of the room on an exclusion now (``at`` None: the last one
    has no return) or at ``at``."""
    return any(
        (at is None or out.left_at <= at)
        and (out.returned_at is None or (at is not None and out.returned_at > at))
        for out in attendee.exclusions
    )


def agency_of(attendee: Attendee, rule: Quorum) -> str | None:
    """The agency a professional counts for, or None when they do not count."""
    if attendee.discipline == Discipline.FAMILY or FAMILY_ROLES.intersection(attendee.roles):
        return None
    if set(rule.exceptions).intersection(attendee.roles):
        return None
    name = (attendee.agency or "").strip()
    if name:
        return name
    return attendee.discipline.value if attendee.discipline is not None else None


def count_quorum(
    attendees: Iterable[Attendee], rule: Quorum, at: dt.datetime | None = None
) -> QuorumCount:
    """The agencies represented now (or at ``at``) against ``rule``."""
    found: dict[str, str] = {}
    for attendee in attendees:
        if not here_now(attendee, at):
            continue
        agency = agency_of(attendee, rule)
        if agency is not None:
            found.setdefault(agency.casefold(), agency)
    return QuorumCount(tuple(found.values()), rule.min_agencies, rule.exceptional_min_agencies)
