"""The undoable edits of who is in the room: a person stepping out for part of the meeting (with
the reason) and coming back in, and corrections of those records. Reached as ``ops.X``.

Each edit replaces the attendee's whole list of exclusions (the service stores copies), so undo
and redo put back exactly the list that was there.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication

from mdcc_desktop.domain.models import Attendee, Exclusion
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.edit_shapes import stamp
from mdcc_desktop.ui.workspace.edit_shapes import update_edit as _update


def open_exclusion(attendee: Attendee) -> Exclusion | None:
    """The time ``attendee`` stepped out and has not come back from, if any."""
    return next((x for x in attendee.exclusions if x.returned_at is None), None)


def _copies(exclusions: list[Exclusion]) -> list[Exclusion]:
    return [Exclusion(x.left_at, x.reason, x.returned_at) for x in exclusions]


def _replace(c: WorkspaceController, attendee: Attendee, text: str, new: list[Exclusion]) -> bool:
    conferences = c.conferences

    def apply(attendee_id: int, changes: dict[str, Any]) -> None:
        conferences.set_exclusions(attendee_id, _copies(changes["exclusions"]))

    old = {"exclusions": _copies(attendee.exclusions)}
    return _update(c, text, apply, attendee.id or 0, {"exclusions": _copies(new)}, old)


def step_out(c: WorkspaceController, attendee: Attendee, reason: str) -> bool:
    """``attendee`` leaves the room now for part of the meeting, for ``reason``."""
    new = [*attendee.exclusions, Exclusion(left_at=stamp(), reason=reason)]
    return _replace(
        c,
        attendee,
        QCoreApplication.translate("WorkspaceOps", "%1 steps out").replace("%1", attendee.name),
        new,
    )


def back_in(c: WorkspaceController, attendee: Attendee) -> bool:
    """``attendee`` comes back into the room now."""
    out = open_exclusion(attendee)
    if out is None:
        return False
    when = max(stamp(), out.left_at)
    new = [dataclasses.replace(x, returned_at=when) if x is out else x for x in attendee.exclusions]
    return _replace(
        c,
        attendee,
        QCoreApplication.translate("WorkspaceOps", "%1 back in").replace("%1", attendee.name),
        new,
    )


def set_exclusion(
    c: WorkspaceController, attendee: Attendee, index: int, changes: dict[str, Any]
) -> bool:
    """Correct the reason or a time of one time ``attendee`` stepped out."""
    old = attendee.exclusions[index]
    if all(getattr(old, key) == value for key, value in changes.items()):
        return False
    new = list(attendee.exclusions)
    new[index] = dataclasses.replace(old, **changes)
    return _replace(
        c,
        attendee,
        QCoreApplication.translate("WorkspaceOps", "change %1").replace("%1", attendee.name),
        new,
    )


def remove_exclusion(c: WorkspaceController, attendee: Attendee, index: int) -> bool:
    new = [x for i, x in enumerate(attendee.exclusions) if i != index]
    return _replace(
        c,
        attendee,
        QCoreApplication.translate("WorkspaceOps", "change %1").replace("%1", attendee.name),
        new,
    )


def exclusion_text(x: Exclusion) -> str:
    """``10:05–10:20`` (or ``10:05–`` while out)."""
    back = f"{x.returned_at:%H:%M}" if x.returned_at is not None else ""
    return f"{x.left_at:%H:%M}–{back}"
