"""The read-back's rules: what is missing is marked, the room's copy hides restricted lines only
while a parent or carer is in the room, and the reporter's identity is never in it."""

from __future__ import annotations

import datetime as dt

from mdcc_desktop.domain.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendee,
    Case,
    Conference,
    ConferenceRecord,
    ConferenceType,
    Decision,
    DecisionMethod,
    Dissent,
    Exclusion,
    MandatoryReport,
    Role,
)
from mdcc_desktop.domain.readback import LineKind, Missing, family_in_room, read_back

T0 = dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.UTC)


def record(**conference: object) -> ConferenceRecord:
    mother = Attendee(name="Mother", roles=[Role.PARENT], id=1, arrived_at=T0)
    worker = Attendee(name="Kim Key", roles=[Role.KEY_WORKER], id=2, arrived_at=T0)
    police = Attendee(name="PC Lee", id=3, arrived_at=T0)
    return ConferenceRecord(
        case=Case("CS-1", "ENG", id=1),
        children=[],
        household=[],
        conference=Conference(
            case_id=1,
            jurisdiction="ENG",
            type=ConferenceType.INITIAL,
            scheduled_start=T0,
            id=1,
            mandatory_report=MandatoryReport(made=True, reporter_identity="Dr Secret Reporter"),
            **conference,  # type: ignore[arg-type]
        ),
        attendees=[mother, worker, police],
        agenda=[AgendaItem("Police information", restricted=True, id=7)],
        decisions=[
            Decision(
                "plan",
                "Child protection plan",
                id=10,
                method=DecisionMethod.MAJORITY,
                dissent=[Dissent(attendee_id=1, view="We do not agree")],
            ),
            Decision("free", "Police checks continue", id=11, agenda_item_id=7),
            Decision(
                "free",
                "Refer for assessment",
                id=12,
                restricted=True,
                method=DecisionMethod.CONSENSUS,
            ),
        ],
        actions=[
            Action("Home visit", id=20, owner_id=2, due=dt.date(2026, 12, 7)),
            Action("Ask the school", id=21),
            Action(
                "Share police report", id=22, owner_id=3, due=dt.date(2026, 12, 1), decision_id=11
            ),
            Action("Done already", id=23, status=ActionStatus.DONE),
        ],
        distribution=[],
        safety_lines=[],
        scaling=[],
    )


def test_missing_owner_due_method_key_worker_and_review_date_are_marked() -> None:
    r = record()
    r.attendees[1].roles = []
    rb = read_back(r, T0)
    by_id = {(line.kind, line.target_id): line for line in rb.lines}
    assert by_id[(LineKind.ACTION, 21)].missing == (Missing.OWNER, Missing.DUE)
    assert by_id[(LineKind.ACTION, 20)].missing == ()
    assert by_id[(LineKind.DECISION, 11)].missing == (Missing.METHOD,)
    assert rb.missing == (Missing.KEY_WORKER, Missing.REVIEW_DATE)
    assert rb.problems == 5
    assert (LineKind.ACTION, 23) not in by_id, "a done action is not read back"


def test_dissent_is_read_back_with_who_said_it() -> None:
    line = read_back(record(next_review=dt.date(2027, 2, 1)), T0).lines[0]
    assert line.dissent == (("Mother", "We do not agree"),)
    assert line.method is DecisionMethod.MAJORITY


def test_room_copy_leaves_out_restricted_lines_while_a_parent_is_present() -> None:
    r = record()
    rb = read_back(r, T0 + dt.timedelta(minutes=5), for_room=True)
    shown = {line.target_id for line in rb.lines}
    # 11 is under a restricted item, 12 restricted itself, 22 follows decision 11.
    assert shown == {10, 20, 21}
    assert rb.left_out == 3
    assert rb.family_present
    # The chair's own copy keeps them, marked.
    full = read_back(r, T0 + dt.timedelta(minutes=5))
    assert {line.target_id for line in full.lines if line.restricted} == {11, 12, 22}


def test_room_copy_shows_restricted_lines_once_the_parent_is_out_of_the_room() -> None:
    r = record()
    later = T0 + dt.timedelta(minutes=30)
    r.attendees[0].exclusions = [Exclusion(left_at=T0 + dt.timedelta(minutes=20), reason="police")]
    assert not family_in_room(r, later)
    assert read_back(r, later, for_room=True).left_out == 0
    r.attendees[0].exclusions[0].returned_at = T0 + dt.timedelta(minutes=25)
    assert family_in_room(r, later)
    r.attendees[0].exclusions = []
    r.attendees[0].left_at = T0 + dt.timedelta(minutes=10)
    assert not family_in_room(r, later), "a parent who left is not in the room"
    r.attendees[0].left_at = None
    r.attendees[0].arrived_at = None
    assert not family_in_room(r, later), "a parent not yet arrived is not in the room"


def test_reporter_identity_is_never_part_of_the_read_back() -> None:
    rb = read_back(record(), T0)
    assert rb.reporter_identity_recorded
    assert "Secret" not in repr(rb)
