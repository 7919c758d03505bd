"""What the parents' copy leaves out: restricted parts, what follows from them, and what was
discussed while a parent or carer was out of the room."""

from __future__ import annotations

import datetime as dt

from mdcc_desktop.domain.models import (
    Action,
    AgendaItem,
    Attendance,
    Attendee,
    Case,
    Conference,
    ConferenceRecord,
    ConferenceType,
    Decision,
    Exclusion,
    Role,
)
from mdcc_desktop.domain.withheld import PartKind, Reason, withheld

T0 = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)


def at(minutes: int) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def record(
    agenda: list[AgendaItem],
    attendees: list[Attendee] | None = None,
    decisions: list[Decision] | None = None,
    actions: list[Action] | None = None,
    ended: dt.datetime | None = None,
) -> ConferenceRecord:
    conference = Conference(
        case_id=1, jurisdiction="ENG", type=ConferenceType.INITIAL, scheduled_start=T0, id=1
    )
    conference.ended_at = ended
    return ConferenceRecord(
        case=Case(reference="C1", jurisdiction="ENG", id=1),
        children=[],
        household=[],
        conference=conference,
        attendees=attendees or [],
        agenda=agenda,
        decisions=decisions or [],
        actions=actions or [],
        distribution=[],
        safety_lines=[],
        scaling=[],
    )


def item(ident: int, start: int | None, end: int | None = None, **kw: object) -> AgendaItem:
    return AgendaItem(
        title=f"Item {ident}",
        id=ident,
        position=ident,
        started_at=at(start) if start is not None else None,
        ended_at=at(end) if end is not None else None,
        **kw,  # type: ignore[arg-type]
    )


def mother(*windows: tuple[int, int | None]) -> Attendee:
    return Attendee(
        name="Mother",
        id=7,
        roles=[Role.PARENT],
        attendance=Attendance.PRESENT,
        exclusions=[
            Exclusion(
                left_at=at(out),
                returned_at=at(back) if back is not None else None,
                reason="police information",
            )
            for out, back in windows
        ],
    )


def test_an_item_discussed_while_a_parent_was_out_is_withheld_with_what_follows() -> None:
    r = record(
        [item(1, 0, 10), item(2, 10, 20), item(3, 20, 30)],
        attendees=[mother((12, 18))],
        decisions=[Decision(kind="other", text="d", id=5, agenda_item_id=2)],
        actions=[Action(description="a", id=9, decision_id=5), Action(description="b", id=10)],
    )
    w = withheld(r)
    assert w.agenda_items == {2}
    assert w.reason(PartKind.AGENDA_ITEM, 2) == Reason.EXCLUDED
    assert w.decisions == {5}
    assert w.actions == {9}
    assert w.reason(PartKind.EXCLUSION, 7) == Reason.EXCLUSION_RECORD


def test_an_open_item_runs_to_the_next_start_and_an_unreturned_exclusion_to_the_end() -> None:
    # Item 1 was never ended: it ran until item 2 began; the mother left at 25 and never came
    # back, so item 2 (open to the end of the meeting) is withheld, item 1 is not.
    r = record([item(1, 0), item(2, 20)], attendees=[mother((25, None))])
    assert withheld(r).agenda_items == {2}


def test_items_touching_an_exclusion_at_its_edges_are_kept() -> None:
    r = record([item(1, 0, 10), item(2, 20, 30)], attendees=[mother((10, 20))])
    assert withheld(r).agenda_items == frozenset()


def test_a_professionals_exclusion_withholds_nothing_discussed() -> None:
    teacher = Attendee(
        name="Teacher",
        id=8,
        attendance=Attendance.PRESENT,
        exclusions=[Exclusion(left_at=at(1), returned_at=at(9), reason="conflict")],
    )
    w = withheld(record([item(1, 0, 10)], attendees=[teacher]))
    assert w.agenda_items == frozenset()
    assert w.reason(PartKind.EXCLUSION, 8) == Reason.EXCLUSION_RECORD


def test_restricted_parts_and_unshared_reports() -> None:
    police = Attendee(name="PC", id=3, report_submitted=True, report_shared_with_parents=False)
    r = record(
        [item(1, None, restricted=True), item(2, None)],
        attendees=[police],
        decisions=[
            Decision(kind="other", text="x", id=5, restricted=True),
            Decision(kind="other", text="y", id=6, agenda_item_id=1),
            Decision(kind="other", text="z", id=7, agenda_item_id=2),
        ],
        actions=[
            Action(description="under item", id=1, agenda_item_id=1),
            Action(description="from y", id=2, decision_id=6),
            Action(description="from z", id=3, decision_id=7),
        ],
    )
    w = withheld(r)
    assert w.agenda_items == {1}
    assert w.decisions == {5, 6}
    assert w.reason(PartKind.DECISION, 6) == Reason.UNDER_WITHHELD_ITEM
    assert w.actions == {1, 2}
    assert w.reason(PartKind.ACTION, 2) == Reason.LINKED_TO_WITHHELD_DECISION
    assert w.reports == {3}
