"""The undoable edits of the record's parts that the minutes print beyond the meeting's own
course (issue 12 point 3): the minutes section an agenda item's notes go under, an action's
outcome and contingency, and the meetings booked with the date comments are due by. Reached as
``ops.X``; each calls its own service edit, which the lock table names.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from mdcc_desktop.domain.messages import Message
from mdcc_desktop.domain.models import Action, AgendaItem
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.edit_shapes import update_edit as _update


def set_agenda_section(c: WorkspaceController, item: AgendaItem, section: str | None) -> bool:
    """The minutes section ``item``'s notes go under (None: the discussion)."""
    if item.section == section:
        return False
    conferences = c.conferences
    return _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "minutes section"),
        lambda item_id, change: conferences.set_agenda_section(item_id, change["section"]),
        item.id or 0,
        {"section": section},
        {"section": item.section},
    )


def set_action_plan(c: WorkspaceController, action: Action, field: str, value: str | None) -> bool:
    """The action's ``outcome`` or ``contingency`` (blank: none)."""
    if getattr(action, field) == value:
        return False
    conferences = c.conferences
    text = (
        QCoreApplication.translate("WorkspaceOps", "the action's outcome")
        if field == "outcome"
        else QCoreApplication.translate("WorkspaceOps", "the action's contingency")
    )
    return _update(
        c,
        text,
        lambda action_id, change: conferences.update_action_plan(action_id, **change),
        action.id or 0,
        {field: value},
        {field: getattr(action, field)},
    )


def book_meetings(c: WorkspaceController, changes: dict[str, Any]) -> bool:
    """Book (or correct, or clear) the core group meeting, the review conference or the date
    comments are due by; a warning the service gives (a review before the core group) is shown
    once the booking is made."""
    conference = c.record.conference
    old = {key: getattr(conference, key) for key in changes}
    if old == changes:
        return False
    conferences = c.conferences
    warnings: list[Message | str] = []

    def apply(conference_id: int, change: dict[str, Any]) -> None:
        warnings[:] = conferences.book_meetings(conference_id, **change).warnings

    done = _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "book the meetings"),
        apply,
        c.conference_id,
        dict(changes),
        old,
    )
    if done and warnings:
        c.show_message(" ".join(message_text(w) for w in warnings))
    return done
