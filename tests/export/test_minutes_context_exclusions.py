"""The minutes' templates can print who stepped out of the room (when, why) and why someone sent
apologies: the exclusions and attendance notes recorded in the workspace reach the context."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mdcc_desktop.domain.models import CopyKind, Exclusion
from mdcc_desktop.export.minutes import minutes_context
from mdcc_desktop.services.context import Services


def test_exclusions_and_attendance_notes_reach_the_minutes(
    services: Services, shared_example: Path
) -> None:
    services.exchange.import_file(shared_example)
    conference_id = services.conferences.conference_ids()[0]
    record = services.conferences.record(conference_id)
    parent = next(a for a in record.attendees if a.arrived_at is not None)
    assert parent.id is not None and parent.arrived_at is not None
    out = parent.arrived_at + dt.timedelta(minutes=20)
    services.conferences.set_exclusions(
        parent.id,
        [
            Exclusion(
                left_at=out, reason="police information", returned_at=out + dt.timedelta(minutes=15)
            )
        ],
    )
    services.conferences.update_attendee(parent.id, attendance_note="came late: bus")
    record = services.conferences.record(conference_id)
    profile = services.profiles.find(record.conference.jurisdiction)
    context = minutes_context(record, profile, CopyKind.FULL, {})
    rows = [row for row in context["exclusions"] if row["reason"] == "police information"]
    assert len(rows) == 1 and rows[0]["name"] == parent.name
    assert rows[0]["out"] and rows[0]["back"] and rows[0]["out"] < rows[0]["back"]
    everyone = [*context["present"], *context["apologies"], *context["not_present"]]
    row = next(r for r in everyone if r["name"].startswith(parent.name))
    assert row["note"] == "came late: bus"
    assert [x["reason"] for x in row["exclusions"]] == ["police information"]
