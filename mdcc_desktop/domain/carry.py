"""What links a review's carried actions to the actions they continue, beyond its document."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CarryLinks:
    """How a conference's actions were linked to other conferences' (carried from an earlier
    one, carried on to a later one), which its exchange document does not hold: by the
    action's index in the conference's actions, the earlier and the later action's ids."""

    previous_conference_id: int | None = None
    actions: tuple[tuple[int, int | None, int | None], ...] = ()
