"""Which edits finalising a conference locks, and which follow-up edits it deliberately allows.

Finalised minutes are the record: what was decided, who attended, what was said and planned
cannot change until the chair reopens the conference with a reason. Following the plan up is
not a change to the record: an action's status, its dated updates, its due date and owner move
on after the meeting, and a case's children belong to the case that later conferences share.

Every edit of the services is named here (its key is the service method's name) with the
name of the transaction that carries it out; a service refuses an edit the table locks, and
a test walks every entry against a real finalised conference.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EditRule:
    """One edit: the use case its transaction is named after, and whether a finalised
    conference still allows it (and why, for the reader)."""

    use_case: str
    allowed_when_final: bool
    why: str = ""


_RECORD = "part of the finalised record"
_FOLLOW_UP = "follow-up after the meeting, not a change to its record"

EDITS: dict[str, EditRule] = {
    # the conference
    "update_conference": EditRule("update conference", False, _RECORD),
    "start": EditRule("start conference", False, _RECORD),
    "end": EditRule("end conference", False, _RECORD),
    "carry_forward": EditRule("carry forward", False, _RECORD),
    "set_mandatory_report": EditRule("set mandatory report", False, _RECORD),
    # the core group and review as booked, the comments deadline: printed in the minutes
    "book_meetings": EditRule("book meetings", False, _RECORD),
    "delete_conference": EditRule("delete conference", False, "reopen it first, with a reason"),
    # attendees
    "add_attendee": EditRule("add attendee", False, _RECORD),
    "update_attendee": EditRule("update attendee", False, _RECORD),
    "check_in": EditRule("check in attendee", False, _RECORD),
    "mark_left": EditRule("mark attendee left", False, _RECORD),
    "remove_attendee": EditRule("remove attendee", False, _RECORD),
    "set_exclusions": EditRule("record who stepped out", False, _RECORD),
    # agenda
    "add_agenda_item": EditRule("add agenda item", False, _RECORD),
    "update_agenda_item": EditRule("update agenda item", False, _RECORD),
    "move_agenda_item": EditRule("move agenda item", False, _RECORD),
    "set_agenda_section": EditRule("set agenda item's minutes section", False, _RECORD),
    "remove_agenda_item": EditRule("remove agenda item", False, _RECORD),
    # decisions and dissent
    "add_decision": EditRule("add decision", False, _RECORD),
    "update_decision": EditRule("update decision", False, _RECORD),
    "remove_decision": EditRule("remove decision", False, _RECORD),
    "add_dissent": EditRule("add dissent", False, _RECORD),
    "update_dissent": EditRule("update dissent", False, _RECORD),
    "remove_dissent": EditRule("remove dissent", False, _RECORD),
    # actions: what the meeting agreed is locked, following it up is not
    "add_action": EditRule("add action", False, _RECORD),
    "remove_action": EditRule("remove action", False, _RECORD),
    # the plan's outcome and contingency are what the meeting agreed (update_action refuses
    # them too once the conference is finalised, by this entry)
    "update_action_plan": EditRule("update action plan", False, _RECORD),
    "update_action": EditRule("update action", True, _FOLLOW_UP),
    "add_action_update": EditRule("add action update", True, _FOLLOW_UP),
    "remove_action_update": EditRule("remove action update", True, _FOLLOW_UP),
    "set_status": EditRule("set action status", True, _FOLLOW_UP),
    "mark_done": EditRule("mark action done", True, _FOLLOW_UP),
    "move_due": EditRule("move action due date", True, _FOLLOW_UP),
    "reassign": EditRule("reassign action", True, _FOLLOW_UP),
    # household, distribution, Signs of Safety
    "add_household_member": EditRule("add household member", False, _RECORD),
    "update_household_member": EditRule("update household member", False, _RECORD),
    "remove_household_member": EditRule("remove household member", False, _RECORD),
    "set_distribution": EditRule("set distribution", False, _RECORD),
    "add_safety_line": EditRule("add safety line", False, _RECORD),
    "update_safety_line": EditRule("update safety line", False, _RECORD),
    "remove_safety_line": EditRule("remove safety line", False, _RECORD),
    "set_scaling": EditRule("set scaling", False, _RECORD),
    # the case's children: shared by every conference of the case
    "add_child": EditRule("add child", True, "the case's, shared with its later conferences"),
    "update_child": EditRule("update child", True, "the case's, shared with its later conferences"),
    "remove_child": EditRule("remove child", True, "the case's, shared with its later conferences"),
}


def allowed_when_final(edit: str) -> bool:
    """Whether a finalised conference allows ``edit`` (an unknown edit is locked)."""
    rule = EDITS.get(edit)
    return rule is not None and rule.allowed_when_final
