"""Every undoable edit of the workspace: one function each.

Each function calls a service through the controller (so a refusal is shown inline and the
changes carry the controller as initiator) and puts the matching command on the undo stack. The
panels read their widgets and call one of these; none of them builds a command itself. Undo and
redo go through ``controller.ids``, since removing and adding back gives a record a new id.
The shapes of an edit are in ``edit_shapes``, the corrections in ``corrections``.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from mdcc_desktop.domain.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    Attendee,
    Child,
    ConferenceStatus,
    CopyKind,
    Decision,
    HouseholdMember,
    MandatoryReport,
    SafetySection,
)
from mdcc_desktop.services.conferences import Outcome
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets.commands import DoneCommand
from mdcc_desktop.ui.workspace import corrections, record_ops, room_ops
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.edit_shapes import Apply
from mdcc_desktop.ui.workspace.edit_shapes import add_edit as _add
from mdcc_desktop.ui.workspace.edit_shapes import remove_edit as _remove
from mdcc_desktop.ui.workspace.edit_shapes import stamp as _stamp
from mdcc_desktop.ui.workspace.edit_shapes import update_edit as _update

# Corrections (changing and removing what was recorded) live in ``corrections``; every edit is
# still reached here, as ops.X.
remove_attendee = corrections.remove_attendee
set_attendee_time = corrections.set_attendee_time
set_decision = corrections.set_decision
remove_decision = corrections.remove_decision
set_dissent = corrections.set_dissent
remove_dissent = corrections.remove_dissent
remove_action = corrections.remove_action
set_safety_line = corrections.set_safety_line
set_household_member = corrections.set_household_member
remove_child = corrections.remove_child
# Stepping out of the room for part of the meeting and coming back, in ``room_ops``.
step_out = room_ops.step_out
back_in = room_ops.back_in
set_exclusion = room_ops.set_exclusion
remove_exclusion = room_ops.remove_exclusion
# The record's parts beyond the meeting's course (minutes sections, plan, meetings booked).
set_agenda_section = record_ops.set_agenda_section
set_action_plan = record_ops.set_action_plan
book_meetings = record_ops.book_meetings

# --- the conference ------------------------------------------------------------------------


def start_meeting(c: WorkspaceController) -> bool:
    conference = c.conferences.conference(c.conference_id)
    if conference.started_at is not None:
        return False
    old = {"started_at": conference.started_at, "status": conference.status}
    new = {"started_at": _stamp(), "status": ConferenceStatus.IN_PROGRESS}
    return _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "start the conference"),
        c.set_conference,
        c.conference_id,
        new,
        old,
    )


def end_meeting(c: WorkspaceController) -> bool:
    """End the conference and close its running agenda item at the same minute (its timer
    stops): one step to undo."""
    conference = c.conferences.conference(c.conference_id)
    if conference.started_at is None or conference.ended_at is not None:
        return False
    stamp = _stamp()
    running = next((i for i in c.record.agenda if i.id == conference.current_agenda_item_id), None)
    old = {"ended_at": conference.ended_at, "status": conference.status}
    new = {"ended_at": stamp, "status": ConferenceStatus.ENDED}
    c.undo_stack.beginMacro(QCoreApplication.translate("WorkspaceOps", "end the conference"))
    try:
        with c.operation():
            if running is not None and running.started_at is not None and running.ended_at is None:
                _update(
                    c, "", _set_agenda(c), running.id or 0, {"ended_at": stamp}, {"ended_at": None}
                )
            done = _update(c, "", c.set_conference, c.conference_id, new, old)
    finally:
        c.undo_stack.endMacro()
    return done


def set_conference_time(c: WorkspaceController, field: str, value: dt.datetime | None) -> bool:
    """The conference's start or end, typed or corrected (the service refuses an end before
    the start); its status follows (a start typed: in progress; an end: ended)."""
    conference = c.record.conference
    old_value = getattr(conference, field)
    if old_value == value:
        return False
    has_start = (value if field == "started_at" else conference.started_at) is not None
    has_end = (value if field == "ended_at" else conference.ended_at) is not None
    status = conference.status
    if status != ConferenceStatus.FINALISED:
        status = ConferenceStatus.PLANNED
        if has_start or has_end:
            status = ConferenceStatus.ENDED if has_end else ConferenceStatus.IN_PROGRESS
    new = {field: value, "status": status}
    old = {field: old_value, "status": conference.status}
    text = (
        QCoreApplication.translate("WorkspaceOps", "correct the start")
        if field == "started_at"
        else QCoreApplication.translate("WorkspaceOps", "correct the end")
    )
    return _update(c, text, c.set_conference, c.conference_id, new, old)


def set_conference_field(c: WorkspaceController, field: str, value: Any) -> bool:
    old = getattr(c.record.conference, field)
    if old == value:
        return False
    text = QCoreApplication.translate("WorkspaceOps", "change the %1").replace(
        "%1", labels.label(labels.CONFERENCE_FIELDS, field, field.replace("_", " "))
    )
    return _update(c, text, c.set_conference, c.conference_id, {field: value}, {field: old})


def set_next_review(c: WorkspaceController, review: dt.date) -> bool:
    old = c.record.conference.next_review
    return _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "next review date"),
        c.set_conference,
        c.conference_id,
        {"next_review": review},
        {"next_review": old},
    )


def set_mandatory_report(c: WorkspaceController, new: MandatoryReport) -> bool:
    old = c.record.conference.mandatory_report
    if new == old:
        return False
    conferences = c.conferences
    return _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "mandatory report"),
        lambda cid, change: conferences.set_mandatory_report(cid, change["report"]),
        c.conference_id,
        {"report": new},
        {"report": old},
    )


# --- the agenda ----------------------------------------------------------------------------


def _set_agenda(c: WorkspaceController) -> Apply:
    conferences = c.conferences
    return lambda item_id, changes: conferences.update_agenda_item(item_id, **changes)


def next_agenda_item(
    c: WorkspaceController, running: AgendaItem | None, target: AgendaItem, text: str = ""
) -> None:
    """Close the running item (if any) and make ``target`` the running one (started now if it
    never was; running again if it had ended): one step to undo."""
    stamp = _stamp()
    set_agenda = _set_agenda(c)
    current_id = c.record.conference.current_agenda_item_id
    c.undo_stack.beginMacro(text or QCoreApplication.translate("WorkspaceOps", "next agenda item"))
    try:
        with c.operation():
            if running is not None and running.id != target.id and running.ended_at is None:
                _update(c, "", set_agenda, running.id or 0, {"ended_at": stamp}, {"ended_at": None})
            if target.started_at is None:
                _update(
                    c, "", set_agenda, target.id or 0, {"started_at": stamp}, {"started_at": None}
                )
            elif target.ended_at is not None:
                ended = target.ended_at
                _update(c, "", set_agenda, target.id or 0, {"ended_at": None}, {"ended_at": ended})
            _update(
                c,
                "",
                c.set_conference,
                c.conference_id,
                {"current_agenda_item_id": target.id},
                {"current_agenda_item_id": current_id},
            )
    finally:
        c.undo_stack.endMacro()


def edit_agenda_item(c: WorkspaceController, item_id: int, field: str, value: Any) -> bool:
    item = next((i for i in c.record.agenda if i.id == item_id), None)
    if item is None or getattr(item, field) == value:
        return False
    return _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "change the agenda"),
        _set_agenda(c),
        item_id,
        {field: value},
        {field: getattr(item, field)},
    )


def toggle_restricted(c: WorkspaceController, item: AgendaItem) -> bool:
    return _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "restrict an agenda item"),
        _set_agenda(c),
        item.id or 0,
        {"restricted": None if item.restricted else True},
        {"restricted": item.restricted},
    )


def add_agenda_item(
    c: WorkspaceController, title: str, minutes: int | None, index: int
) -> Outcome | None:
    conferences, cid = c.conferences, c.conference_id
    return _add(
        c,
        QCoreApplication.translate("WorkspaceOps", "add an agenda item"),
        lambda: conferences.add_agenda_item(
            cid, AgendaItem(title=title, planned_minutes=minutes), index
        ),
        conferences.remove_agenda_item,
    )


def remove_agenda_item(
    c: WorkspaceController, item: AgendaItem, position: int, notes: str | None
) -> bool:
    """Remove ``item``; undo puts it back at ``position`` with ``notes``."""
    template = copy.deepcopy(item)
    template.id = None
    template.notes = notes
    conferences, cid = c.conferences, c.conference_id

    def add_back() -> int:
        return int(conferences.add_agenda_item(cid, copy.deepcopy(template), position).id)

    return _remove(
        c,
        QCoreApplication.translate("WorkspaceOps", "remove an agenda item"),
        item.id or 0,
        conferences.remove_agenda_item,
        add_back,
    )


def move_agenda_item(c: WorkspaceController, item_id: int, old: int, new: int) -> bool:
    conferences, ids = c.conferences, c.ids
    if not c.attempt(lambda: conferences.move_agenda_item(item_id, new)):
        return False
    c.undo_stack.push(
        DoneCommand(
            QCoreApplication.translate("WorkspaceOps", "move an agenda item"),
            redo=lambda: conferences.move_agenda_item(ids(item_id), new),
            undo=lambda: conferences.move_agenda_item(ids(item_id), old),
        )
    )
    return True


# --- attendees -----------------------------------------------------------------------------


def add_attendee(c: WorkspaceController, attendee: Attendee) -> Outcome | None:
    conferences, cid = c.conferences, c.conference_id
    template = copy.deepcopy(attendee)
    first = [attendee]  # the first call adds the record given, later ones a fresh copy

    def add() -> Outcome:
        return conferences.add_attendee(cid, first.pop() if first else copy.deepcopy(template))

    outcome = _add(
        c,
        QCoreApplication.translate("WorkspaceOps", "add %1").replace("%1", attendee.name),
        add,
        conferences.remove_attendee,
    )
    if outcome is not None:
        c.show_message(" ".join(message_text(w) for w in outcome.warnings))
    return outcome


def set_attendee(c: WorkspaceController, attendee: Attendee, new: dict[str, Any]) -> bool:
    old = {key: getattr(attendee, key) for key in new}
    return _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "change %1").replace("%1", attendee.name),
        c.set_attendee,
        attendee.id or 0,
        new,
        old,
    )


def check_in(c: WorkspaceController, attendee: Attendee) -> bool:
    old = {"attendance": attendee.attendance, "arrived_at": attendee.arrived_at}
    new = {"attendance": Attendance.PRESENT, "arrived_at": attendee.arrived_at or _stamp()}
    text = QCoreApplication.translate("WorkspaceOps", "check in %1").replace("%1", attendee.name)
    return _update(c, text, c.set_attendee, attendee.id or 0, new, old)


def mark_left(c: WorkspaceController, attendee: Attendee) -> bool:
    old = {"left_at": attendee.left_at}
    new = {"left_at": _stamp()}
    text = QCoreApplication.translate("WorkspaceOps", "%1 left").replace("%1", attendee.name)
    return _update(c, text, c.set_attendee, attendee.id or 0, new, old)


def set_copy(c: WorkspaceController, attendee_id: int, new: CopyKind | None) -> bool:
    entry = next((e for e in c.record.distribution if e.attendee_id == attendee_id), None)
    old = entry.copy if entry else None
    if new == old:
        return False
    conferences, cid = c.conferences, c.conference_id
    return _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "copy of the minutes"),
        lambda aid, change: conferences.set_distribution(cid, aid, change["copy"]),
        attendee_id,
        {"copy": new},
        {"copy": old},
    )


# --- actions -------------------------------------------------------------------------------


def add_action(c: WorkspaceController, action: Action) -> Outcome | None:
    conferences, cid = c.conferences, c.conference_id
    template = copy.deepcopy(action)
    first = [action]

    def add() -> Outcome:
        return conferences.add_action(cid, first.pop() if first else copy.deepcopy(template))

    outcome = _add(
        c, QCoreApplication.translate("WorkspaceOps", "add action"), add, conferences.remove_action
    )
    if outcome is not None:
        c.show_message(" ".join(message_text(w) for w in outcome.warnings))
    return outcome


def set_action(c: WorkspaceController, action: Action, new: dict[str, Any]) -> bool:
    old = {key: getattr(action, key) for key in new}
    return _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "change an action"),
        c.set_action,
        action.id or 0,
        new,
        old,
    )


def add_action_update(
    c: WorkspaceController,
    action: Action,
    note: str,
    status: ActionStatus,
    at: dt.datetime | None = None,
) -> Outcome | None:
    """A progress note dated ``at`` (now if not given), with the status the chair sets with it
    (which becomes the action's); undo takes the note back and puts the old status back."""
    conferences, ids = c.conferences, c.ids
    action_id = action.id or 0
    old = {"status": action.status, "completed_at": action.completed_at}
    outcome = c.run(lambda: conferences.add_action_update(action_id, note, status, at))
    if outcome is None:
        return None
    c.show_message("")
    first = outcome.id

    def redo() -> None:
        ids.moved(first, int(conferences.add_action_update(ids(action_id), note, status, at).id))

    def undo() -> None:
        conferences.remove_action_update(ids(first))
        conferences.update_action(ids(action_id), **old)

    c.undo_stack.push(
        DoneCommand(
            QCoreApplication.translate("WorkspaceOps", "progress note"), redo=redo, undo=undo
        )
    )
    return outcome


# --- decisions -----------------------------------------------------------------------------


def add_decision(c: WorkspaceController, decision: Decision) -> Outcome | None:
    conferences, cid = c.conferences, c.conference_id
    template = copy.deepcopy(decision)
    first = [decision]

    def add() -> Outcome:
        return conferences.add_decision(cid, first.pop() if first else copy.deepcopy(template))

    return _add(
        c,
        QCoreApplication.translate("WorkspaceOps", "record decision"),
        add,
        conferences.remove_decision,
    )


def add_dissent(
    c: WorkspaceController, decision_id: int, attendee_id: int, view: str
) -> Outcome | None:
    conferences, ids = c.conferences, c.ids
    first = [decision_id]  # the decision selected now; on redo, wherever undo moved it

    def add() -> Outcome:
        return conferences.add_dissent(
            first.pop() if first else ids(decision_id), attendee_id, view
        )

    return _add(
        c,
        QCoreApplication.translate("WorkspaceOps", "record dissent"),
        add,
        conferences.remove_dissent,
    )


# --- children and household ----------------------------------------------------------------


def set_child(c: WorkspaceController, child: Child, field: str, value: Any) -> bool:
    conferences = c.conferences
    return _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "change a child's details"),
        lambda child_id, change: conferences.update_child(child_id, **change),
        child.id or 0,
        {field: value},
        {field: getattr(child, field)},
    )


def add_child(c: WorkspaceController, name: str) -> Outcome | None:
    conferences = c.conferences
    case_id = c.record.case.id or 0
    return _add(
        c,
        QCoreApplication.translate("WorkspaceOps", "add a child"),
        lambda: conferences.add_child(case_id, Child(name=name)),
        conferences.remove_child,
    )


def add_household_member(c: WorkspaceController, member: HouseholdMember) -> Outcome | None:
    conferences, cid = c.conferences, c.conference_id
    template = copy.deepcopy(member)
    first = [member]

    def add() -> Outcome:
        return conferences.add_household_member(
            cid, first.pop() if first else copy.deepcopy(template)
        )

    return _add(
        c,
        QCoreApplication.translate("WorkspaceOps", "add to household"),
        add,
        conferences.remove_household_member,
    )


def remove_household_member(c: WorkspaceController, member: HouseholdMember) -> bool:
    template = copy.deepcopy(member)
    template.id = None
    conferences, cid = c.conferences, c.conference_id
    return _remove(
        c,
        QCoreApplication.translate("WorkspaceOps", "remove from household"),
        member.id or 0,
        conferences.remove_household_member,
        lambda: int(conferences.add_household_member(cid, copy.deepcopy(template)).id),
    )


# --- the Signs of Safety mapping -----------------------------------------------------------


def set_scale(c: WorkspaceController, attendee_id: int, score: int | None) -> bool:
    current = next((s for s in c.record.scaling if s.attendee_id == attendee_id), None)
    old = current.score if current else None
    if score == old:
        return False
    conferences, cid = c.conferences, c.conference_id
    note = current.note if current else None
    return _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "safety scale"),
        lambda aid, change: conferences.set_scaling(cid, aid, change["score"], note),
        attendee_id,
        {"score": score},
        {"score": old},
    )


def set_scale_note(c: WorkspaceController, attendee_id: int, note: str | None) -> bool:
    current = next((s for s in c.record.scaling if s.attendee_id == attendee_id), None)
    if current is None:
        if note:
            c.show_message(
                QCoreApplication.translate("WorkspaceOps", "Give a scale before a note."),
                error=True,
            )
        return False
    if note == current.note:
        return False
    conferences, cid = c.conferences, c.conference_id
    score = current.score
    return _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "safety scale note"),
        lambda aid, change: conferences.set_scaling(cid, aid, score, change["note"]),
        attendee_id,
        {"note": note},
        {"note": current.note},
    )


def add_safety_line(c: WorkspaceController, section: SafetySection, text: str) -> Outcome | None:
    conferences, cid = c.conferences, c.conference_id
    return _add(
        c,
        QCoreApplication.translate("WorkspaceOps", "add to the mapping"),
        lambda: conferences.add_safety_line(cid, section, text),
        conferences.remove_safety_line,
    )


def remove_safety_line(c: WorkspaceController, line_id: int) -> bool:
    line = next((x for x in c.record.safety_lines if x.id == line_id), None)
    if line is None:
        return False
    conferences, cid = c.conferences, c.conference_id
    section, text = line.section, line.text
    return _remove(
        c,
        QCoreApplication.translate("WorkspaceOps", "remove from the mapping"),
        line_id,
        conferences.remove_safety_line,
        lambda: int(conferences.add_safety_line(cid, section, text).id),
    )
