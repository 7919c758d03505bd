"""Issue 12, points 2 and 10, over generated conferences: whatever is restricted, linked, put
under a section or discussed while a parent was out of the room, the parents' copy (the real
shipped template, read back) holds nothing ``domain.withheld`` withholds and everything it
keeps, and both copies print the same numbers, so that they read side by side."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdcc_desktop.domain.models import (
    Action,
    AgendaItem,
    Attendance,
    Attendee,
    Case,
    Child,
    Conference,
    ConferenceRecord,
    ConferenceType,
    CopyKind,
    Decision,
    Exclusion,
    Role,
)
from mdcc_desktop.domain.profiles import DEFAULT_MINUTES_SECTIONS
from mdcc_desktop.domain.withheld import withheld
from mdcc_desktop.export.minutes import document_text, minutes_context, render
from mdcc_desktop.services.profiles import load_profile_file
from tests.conftest import REPO

TEMPLATE = REPO / "templates" / "minutes" / "eng-cpc.docx"
PROFILE = load_profile_file(REPO / "templates" / "profiles" / "ENG.toml")
T0 = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
SECTIONS = [None, *(s.key for s in DEFAULT_MINUTES_SECTIONS if not s.builtin)]
NUMBER = re.compile(r"^(\d+\.\d+) ", re.MULTILINE)


@st.composite
def conferences(draw: st.DrawFn) -> ConferenceRecord:
    n_items = draw(st.integers(1, 6))
    agenda = []
    for i in range(n_items):
        timed = draw(st.booleans())
        agenda.append(
            AgendaItem(
                title=f"Item-{i}-title",
                notes=f"Item-{i}-notes",
                id=100 + i,
                position=i,
                restricted=draw(st.booleans()) or None,
                section=draw(st.sampled_from(SECTIONS)),
                started_at=T0 + dt.timedelta(minutes=10 * i) if timed else None,
                ended_at=T0 + dt.timedelta(minutes=10 * i + 10) if timed else None,
            )
        )
    decisions = [
        Decision(
            kind="other",
            text=f"Decision-{j}-text",
            id=200 + j,
            position=j,
            restricted=draw(st.booleans()) or None,
            agenda_item_id=draw(st.sampled_from([None, *(g.id for g in agenda)])),
        )
        for j in range(draw(st.integers(0, 4)))
    ]
    actions = [
        Action(
            description=f"Action-{k}-what",
            id=300 + k,
            position=k,
            decision_id=draw(st.sampled_from([None, *(d.id for d in decisions)])),
            agenda_item_id=draw(st.sampled_from([None, *(g.id for g in agenda)])),
        )
        for k in range(draw(st.integers(0, 4)))
    ]
    mother = Attendee(name="Mother", id=1, roles=[Role.PARENT], attendance=Attendance.PRESENT)
    if draw(st.booleans()):
        out = draw(st.integers(0, 10 * n_items))
        back = draw(st.one_of(st.none(), st.integers(out + 1, 10 * n_items + 10)))
        mother.exclusions = [
            Exclusion(
                left_at=T0 + dt.timedelta(minutes=out),
                returned_at=None if back is None else T0 + dt.timedelta(minutes=back),
                reason="Exclusion-reason",
            )
        ]
    worker = Attendee(
        name="Worker", id=2, roles=[Role.KEY_WORKER], attendance=Attendance.PRESENT, agency="CSC"
    )
    conference = Conference(
        case_id=1,
        jurisdiction="ENG",
        type=ConferenceType.INITIAL,
        scheduled_start=T0,
        started_at=T0,
        ended_at=T0 + dt.timedelta(minutes=10 * n_items + 10),
        id=1,
    )
    return ConferenceRecord(
        case=Case(reference="GEN-1", jurisdiction="ENG", id=1),
        children=[Child(name="Child", id=1)],
        household=[],
        conference=conference,
        attendees=[mother, worker],
        agenda=agenda,
        decisions=decisions,
        actions=actions,
        distribution=[],
        safety_lines=[],
        scaling=[],
    )


def text_of(record: ConferenceRecord, copy: CopyKind) -> str:
    context = minutes_context(record, PROFILE, copy, {}, today=T0.date())
    return document_text(render(TEMPLATE, context, kind="minutes"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=conferences())
def test_the_parents_copy_holds_exactly_what_is_not_withheld(record: ConferenceRecord) -> None:
    full = text_of(record, CopyKind.FULL)
    parents = text_of(record, CopyKind.PARENT)
    w = withheld(record)
    for g in record.agenda:
        assert g.notes is not None and g.notes in full
        assert (g.notes in parents) == (g.id not in w.agenda_items), g
        assert (g.title in parents) == (g.id not in w.agenda_items), g
    for d in record.decisions:
        assert d.text in full
        assert (d.text in parents) == (d.id not in w.decisions), d
    for x in record.actions:
        assert x.description in full
        assert (x.description in parents) == (x.id not in w.actions), x
    assert "Exclusion-reason" not in parents
    if record.attendees[0].exclusions:
        assert "Exclusion-reason" in full
    # The same numbers in both copies, a withheld part's standing in for it.
    assert NUMBER.findall(full) == NUMBER.findall(parents)
    withheld_count = len(w.agenda_items) + len(w.decisions) + len(w.actions)
    assert parents.count("[not included in this copy]") >= withheld_count
