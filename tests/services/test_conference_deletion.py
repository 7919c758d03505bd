"""Deleting a conference (issue 8): one transaction, the case too when it has no other
conference, its text out of the search index, and everything the exchange file carries back on
undo (the reporter's identity included)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from mdcc_desktop.domain.errors import ConferenceLockedError, NotFoundError
from mdcc_desktop.domain.models import CopyKind
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.exchange import normalise
from tests.conftest import DEMO


def demo_doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(DEMO.read_text(encoding="utf-8"))
    return doc


def with_everything() -> dict[str, Any]:
    """The demo with a reporter's identity, an exclusion and a dissent."""
    doc = demo_doc()
    c = doc["conference"]
    c["mandatory_report"] = {
        "made": True,
        "date": "2026-11-01",
        "made_to": "Police",
        "reporter_identity": "Ms Reporter, neighbour",
    }
    first, second = c["attendees"][0]["id"], c["attendees"][1]["id"]
    c["attendees"][1]["exclusions"] = [
        {"left_at": "2026-11-13T15:00:00+08:00", "reason": "Police information"}
    ]
    c["decisions"][0]["dissent"] = [{"attendee": first, "view": "Not yet."}]
    assert first != second
    return doc


def test_delete_then_restore_brings_back_everything_the_file_carries(
    services: Services,
) -> None:
    doc = with_everything()
    conference_id = services.exchange.import_document(doc).conference_id
    before = services.exchange.export_document(conference_id, with_reporter_identity=True)
    assert before["conference"]["mandatory_report"]["reporter_identity"] == (
        "Ms Reporter, neighbour"
    )

    deleted = services.conferences.delete_conference(conference_id)
    assert deleted.conference_id == conference_id
    assert deleted.case_reference == doc["case"]["reference"]
    assert deleted.case_deleted is True
    assert services.conferences.list_conferences() == []
    assert services.conferences.cases() == []
    with pytest.raises(NotFoundError):
        services.conferences.record(conference_id)

    restored = services.exchange.restore_document(deleted.document).conference_id
    after = services.exchange.export_document(restored, with_reporter_identity=True)
    assert normalise(after) == normalise(before)
    assert after["conference"]["mandatory_report"]["reporter_identity"] == (
        "Ms Reporter, neighbour"
    )


def test_text_leaves_the_search_index(services: Services) -> None:
    doc = demo_doc()
    child = doc["case"]["children"][0]["name"]
    note = "Zebra-crossing-unique-note"
    doc["conference"]["agenda"][0]["notes"] = note
    conference_id = services.exchange.import_document(doc).conference_id
    assert services.tracker.search(child) and services.tracker.search(note)
    services.conferences.delete_conference(conference_id)
    assert services.tracker.search(child) == []
    assert services.tracker.search(note) == []
    assert services.tracker.search(doc["case"]["reference"]) == []


def test_the_case_stays_while_it_has_another_conference(services: Services) -> None:
    first = services.exchange.import_document(demo_doc()).conference_id
    second_doc = demo_doc()
    second_doc["conference"]["scheduled_start"] = "2027-02-13T14:30:00+08:00"
    second = services.exchange.import_document(second_doc).conference_id
    deleted = services.conferences.delete_conference(second)
    assert deleted.case_deleted is False
    assert [r.id for r in services.conferences.list_conferences()] == [first]
    assert len(services.conferences.cases()) == 1
    # undo: the same case, its children not doubled
    restored = services.exchange.restore_document(deleted.document).conference_id
    case_id = services.conferences.conference(restored).case_id
    assert case_id == services.conferences.conference(first).case_id
    assert len(services.conferences.children(case_id)) == len(demo_doc()["case"]["children"])


def test_events_announce_the_removal(services: Services) -> None:
    conference_id = services.exchange.import_document(demo_doc()).conference_id
    seen: list[tuple[str, str]] = []
    services.events.subscribe(lambda change: seen.append((change.entity, change.kind)))
    services.conferences.delete_conference(conference_id)
    assert ("conference", "removed") in seen and ("case", "removed") in seen


def test_an_unknown_id_is_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.conferences.delete_conference(12345)


def test_a_finalised_conference_must_be_reopened_first(services: Services, tmp_path: Path) -> None:
    conference_id = services.exchange.import_document(demo_doc()).conference_id
    services.minutes.export_minutes(conference_id, tmp_path / "m.docx", CopyKind.FULL)
    services.lifecycle.finalise(conference_id)
    with pytest.raises(ConferenceLockedError, match="reopen it"):
        services.conferences.delete_conference(conference_id)
    assert [r.id for r in services.conferences.list_conferences()] == [conference_id]


def test_a_conference_in_the_year_9999_can_be_deleted_and_restored(services: Services) -> None:
    """The conference that locked the chair out: stored before the import checked ranges."""
    conference_id = services.exchange.import_document(demo_doc()).conference_id
    services.store.update_conference(
        conference_id,
        {
            "scheduled_start": dt.datetime(9999, 12, 31, 10, tzinfo=dt.UTC),
            "started_at": None,
            "ended_at": None,
        },
    )
    deleted = services.conferences.delete_conference(conference_id)
    restored = services.exchange.restore_document(deleted.document).conference_id
    assert services.conferences.conference(restored).scheduled_start.year == 9999


def test_a_refused_delete_changes_nothing(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    conference_id = services.exchange.import_document(demo_doc()).conference_id
    before = services.exchange.export_document(conference_id, with_reporter_identity=True)

    def fail(*_args: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(services.store, "delete", fail)  # the case's deletion fails
    with pytest.raises(OSError):
        services.conferences.delete_conference(conference_id)
    monkeypatch.undo()
    assert normalise(
        services.exchange.export_document(conference_id, with_reporter_identity=True)
    ) == normalise(before)
