"""The time, from one clock the whole program reads, and which a test can set.

Every stamp the program writes (a creation, an update, an arrival, a completion) takes
:func:`now`; every "today" a rule needs takes :func:`today`. Both read the current clock, the
system's unless :func:`use` (or :func:`set_clock`) put another one in its place::

    with clock.use(clock.FixedClock(dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC))):
        ...  # every stamp inside says 2026-11-20 10:00 UTC (in local time)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Clock = Callable[[], dt.datetime]
"""A clock: called with nothing, it says the time (time-zone aware)."""


def system_clock() -> dt.datetime:
    """The machine's time, in its local time zone."""
    return dt.datetime.now(dt.UTC).astimezone()


class FixedClock:
    """A clock that says the same time until moved on (for tests)."""

    def __init__(self, at: dt.datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("a fixed clock needs a time zone")
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at.astimezone()

    def advance(self, delta: dt.timedelta) -> None:
        self.at += delta


_clock: Clock = system_clock


def now() -> dt.datetime:
    """The current time, in local time, from the current clock."""
    return _clock()


def today() -> dt.date:
    """The current local date, from the current clock."""
    return now().date()


def set_clock(clock: Clock | None) -> None:
    """Make ``clock`` the one every stamp reads (None: the system's again)."""
    global _clock  # noqa: PLW0603 (the one place the program's clock changes)
    _clock = clock if clock is not None else system_clock


def current_clock() -> Clock:
    return _clock


@contextmanager
def use(clock: Clock) -> Iterator[Clock]:
    """Inside the block, ``clock`` is the one every stamp reads; the previous one after."""
    previous = _clock
    set_clock(clock)
    try:
        yield clock
    finally:
        set_clock(previous)
