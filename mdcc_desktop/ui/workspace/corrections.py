"""Corrections: changing and removing what was recorded in the workspace, each one undoable
edit (re-exported by ``ops``, through which the panels make every edit)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from mdcc_desktop.domain.models import Action, Attendee, Child, Decision, Dissent, HouseholdMember
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.edit_shapes import remove_edit as _remove
from mdcc_desktop.ui.workspace.edit_shapes import update_edit as _update


def remove_attendee(c: WorkspaceController, attendee: Attendee) -> bool:
    """Remove an attendee; undo adds them back with the actions they owned, their copy of the
    minutes and their safety scale."""
    conferences, cid, ids = c.conferences, c.conference_id, c.ids
    template = copy.deepcopy(attendee)
    template.id = None
    owned = [a.id or 0 for a in c.record.actions if a.owner_id == attendee.id]
    copy_of = next((e.copy for e in c.record.distribution if e.attendee_id == attendee.id), None)
    scale = next((s for s in c.record.scaling if s.attendee_id == attendee.id), None)

    def add_back() -> int:
        new_id = int(conferences.add_attendee(cid, copy.deepcopy(template)).id)
        for action_id in owned:
            conferences.update_action(ids(action_id), owner_id=new_id)
        if copy_of is not None:
            conferences.set_distribution(cid, new_id, copy_of)
        if scale is not None:
            conferences.set_scaling(cid, new_id, scale.score, scale.note)
        return new_id

    text = QCoreApplication.translate("WorkspaceOps", "remove %1").replace("%1", attendee.name)
    return _remove(c, text, attendee.id or 0, conferences.remove_attendee, add_back)


def set_attendee_time(
    c: WorkspaceController, attendee: Attendee, field: str, value: dt.datetime | None
) -> bool:
    """An arrival or a leaving typed or corrected (the service refuses leaving before
    arriving)."""
    old = getattr(attendee, field)
    if old == value:
        return False
    text = QCoreApplication.translate("WorkspaceOps", "change %1").replace("%1", attendee.name)
    return _update(c, text, c.set_attendee, attendee.id or 0, {field: value}, {field: old})


def set_decision(c: WorkspaceController, decision: Decision, new: dict[str, Any]) -> bool:
    old = {key: getattr(decision, key) for key in new}
    if old == new:
        return False
    conferences = c.conferences
    return _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "change a decision"),
        lambda decision_id, change: conferences.update_decision(decision_id, **change),
        decision.id or 0,
        new,
        old,
    )


def remove_decision(c: WorkspaceController, decision: Decision) -> bool:
    """Remove a decision with its dissent; undo puts both back (actions it served keep the
    link only until then: the link is given back too)."""
    conferences, cid, ids = c.conferences, c.conference_id, c.ids
    template = copy.deepcopy(decision)
    template.id = None
    for dissent in template.dissent:
        dissent.id = None
        dissent.decision_id = None
    serving = [a.id or 0 for a in c.record.actions if a.decision_id == decision.id]

    def add_back() -> int:
        new_id = int(conferences.add_decision(cid, copy.deepcopy(template)).id)
        for action_id in serving:
            conferences.update_action(ids(action_id), decision_id=new_id)
        return new_id

    return _remove(
        c,
        QCoreApplication.translate("WorkspaceOps", "remove a decision"),
        decision.id or 0,
        conferences.remove_decision,
        add_back,
    )


def set_dissent(c: WorkspaceController, dissent: Dissent, view: str) -> bool:
    if view == dissent.view:
        return False
    conferences = c.conferences
    return _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "change a dissent"),
        lambda dissent_id, change: conferences.update_dissent(dissent_id, **change),
        dissent.id or 0,
        {"view": view},
        {"view": dissent.view},
    )


def remove_dissent(c: WorkspaceController, dissent: Dissent) -> bool:
    conferences, ids = c.conferences, c.ids
    decision_id, attendee_id, view = dissent.decision_id or 0, dissent.attendee_id, dissent.view
    return _remove(
        c,
        QCoreApplication.translate("WorkspaceOps", "remove a dissent"),
        dissent.id or 0,
        conferences.remove_dissent,
        lambda: int(conferences.add_dissent(ids(decision_id), attendee_id, view).id),
    )


def remove_action(c: WorkspaceController, action: Action) -> bool:
    """Remove an action with its history; undo puts both back."""
    conferences, cid = c.conferences, c.conference_id
    template = copy.deepcopy(action)
    template.id = None
    for update in template.updates:
        update.id = None
        update.action_id = None
    return _remove(
        c,
        QCoreApplication.translate("WorkspaceOps", "remove an action"),
        action.id or 0,
        conferences.remove_action,
        lambda: int(conferences.add_action(cid, copy.deepcopy(template), today=dt.date.min).id),
    )


def set_safety_line(c: WorkspaceController, line_id: int, text: str) -> bool:
    line = next((x for x in c.record.safety_lines if x.id == line_id), None)
    if line is None or line.text == text:
        return False
    conferences = c.conferences
    return _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "change the mapping"),
        lambda lid, change: conferences.update_safety_line(lid, change["text"]),
        line_id,
        {"text": text},
        {"text": line.text},
    )


def set_household_member(
    c: WorkspaceController, member: HouseholdMember, new: dict[str, Any]
) -> bool:
    old = {key: getattr(member, key) for key in new}
    if old == new:
        return False
    conferences = c.conferences
    return _update(
        c,
        QCoreApplication.translate("WorkspaceOps", "change a household member"),
        lambda member_id, change: conferences.update_household_member(member_id, **change),
        member.id or 0,
        new,
        old,
    )


def remove_child(c: WorkspaceController, child: Child) -> bool:
    conferences = c.conferences
    template = copy.deepcopy(child)
    template.id = None
    case_id = child.case_id or (c.record.case.id or 0)
    return _remove(
        c,
        QCoreApplication.translate("WorkspaceOps", "remove a child"),
        child.id or 0,
        conferences.remove_child,
        lambda: int(conferences.add_child(case_id, copy.deepcopy(template)).id),
    )
