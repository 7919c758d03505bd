"""Rules a conference record must follow, checked before anything is stored."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable

from mdcc_desktop.domain import clock
from mdcc_desktop.domain.messages import Message, msg
from mdcc_desktop.domain.models import ActionStatus, Attendance, Attendee, Discipline, Role

# What a problem names: a field's message ("The due date") or a record's own text (a name).
What = Message | str


def check_times(start: dt.datetime | None, end: dt.datetime | None, what: What) -> list[Message]:
    if start is not None and end is not None and end < start:
        return [msg("end_before_start", what=what, end=f"{end:%H:%M}", start=f"{start:%H:%M}")]
    return []


def completion_stamp(
    before: ActionStatus,
    completed_before: dt.datetime | None,
    after: ActionStatus,
    at: dt.datetime | None = None,
) -> dict[str, dt.datetime | None]:
    """The one rule for an action's completion date, as the change to make to it.

    Becoming done stamps the completion (``at``, else the clock's time to the second); staying
    done keeps the stamp it has; leaving done clears it; anything else leaves it as it is.
    """
    if after == ActionStatus.DONE:
        if before == ActionStatus.DONE and completed_before is not None:
            return {}
        return {"completed_at": at or clock.now().replace(microsecond=0)}
    if before == ActionStatus.DONE:
        return {"completed_at": None}
    return {}


def check_text(value: str | None, what: What) -> list[Message]:
    if value is None or not has_visible_character(value):
        return [msg("empty", what=what)]
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


def attendance_warnings(attendees: list[Attendee]) -> list[Message]:
    warnings = []
    if not any(Role.CHAIR in a.roles for a in attendees):
        warnings.append(msg("no_chair"))
    if not any(Role.MINUTE_TAKER in a.roles for a in attendees):
        warnings.append(msg("no_minute_taker"))
    return warnings


# --- ranges ------------------------------------------------------------------------------------
# Every date and date-time a conference holds lies in these years: wide enough for a
# grandparent's date of birth and a review far ahead, narrow enough that no deadline computed
# from it (months, working days, a UTC offset) can run past the year 9999 and fail.
MIN_YEAR = 1900
MAX_YEAR = 2199
# An agenda item's planned time: ten hours is already more than any conference.
MAX_PLANNED_MINUTES = 600
# Text in one field: the exchange spec promises notes of 1 MB; more is refused, not truncated.
MAX_TEXT_CHARS = 1_048_576
SCORE_RANGE = (0, 10)  # a Signs of Safety scale

_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})


def has_visible_character(text: str) -> bool:
    """Whether ``text`` holds something a reader sees: not only spaces, controls or
    zero-width characters."""
    return any(not c.isspace() and unicodedata.category(c) not in _INVISIBLE for c in text)


def check_name(value: str | None, what: What) -> list[Message]:
    """A name (child, household member, attendee, person, case reference) must be visible."""
    if value is None or not has_visible_character(value):
        return [msg("not_visible", what=what)]
    return []


def check_date(value: dt.date | dt.datetime | None, what: What) -> list[Message]:
    """A date or date-time a conference can hold: years MIN_YEAR to MAX_YEAR."""
    if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
        return [msg("year_out_of_range", what=what, year=value.year, first=MIN_YEAR, last=MAX_YEAR)]
    return []


def check_planned_minutes(value: object, what: What | None = None) -> list[Message]:
    what = msg("field_planned_minutes") if what is None else what
    if value is None:
        return []
    if isinstance(value, bool) or not isinstance(value, int):
        return [msg("minutes_not_whole", what=what)]
    if not 0 <= value <= MAX_PLANNED_MINUTES:
        return [msg("minutes_out_of_range", what=what, limit=MAX_PLANNED_MINUTES)]
    return []


def check_length(value: str | None, what: What) -> list[Message]:
    if value is not None and len(value) > MAX_TEXT_CHARS:
        return [
            msg("text_too_long", what=what, length=f"{len(value):,}", limit=f"{MAX_TEXT_CHARS:,}")
        ]
    return []
