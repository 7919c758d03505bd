"""The record's new parts (issue 12 point 3), entered through the services: an agenda item's
minutes section, an action's outcome and contingency, the booked core group meeting and review
conference and the date comments are due by. Each is checked, stored in the encrypted database
(read back through a fresh connection), locked by finalisation, carried forward with an action,
found again on import where the file cannot carry it, and named when an export leaves it out."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mdcc_desktop.domain.errors import ConferenceLockedError, ValidationError
from mdcc_desktop.domain.models import (
    ActionStatus,
    Child,
    ConferenceStatus,
    ConferenceType,
    CopyKind,
)
from mdcc_desktop.services.conferences import CarryForward, ConferencePlan
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.demo import load_demo
from mdcc_desktop.services.events import Change, Entity
from tests.conftest import DEMO, open_services

HK = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture
def services(data_dir: Path) -> Services:
    s = open_services(data_dir)
    yield s
    s.close()


def _ids(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [getattr(m, "id", "") for m in error.value.messages]


def _demo(services: Services) -> int:
    return load_demo(services.exchange).conference_id


def test_the_new_parts_are_stored_and_read_back_by_a_fresh_connection(data_dir: Path) -> None:
    services = open_services(data_dir)
    try:
        cid = _demo(services)
        record = services.conferences.record(cid)
        item, action = record.agenda[2].id or 0, record.actions[0].id or 0
        services.conferences.set_agenda_section(item, "child_views")
        services.conferences.update_action_plan(
            action, outcome=" Ka-yan is safe at home ", contingency="Review the plan at once."
        )
        core = dt.datetime(2026, 11, 20, 10, 0, tzinfo=HK)
        review = dt.datetime(2027, 2, 12, 14, 30, tzinfo=HK)
        services.conferences.book_meetings(
            cid,
            core_group_at=core,
            core_group_venue="FCPSU office",
            review_at=review,
            review_venue="  ",
            comments_by=dt.date(2026, 11, 27),
        )
    finally:
        services.close()
    services = open_services(data_dir)
    try:
        record = services.conferences.record(cid)
        assert record.agenda[2].section == "child_views"
        assert record.actions[0].outcome == "Ka-yan is safe at home"  # trimmed
        assert record.actions[0].contingency == "Review the plan at once."
        c = record.conference
        assert (c.core_group_at, c.core_group_venue) == (core, "FCPSU office")
        assert (c.review_at, c.review_venue) == (review, None)  # blank: none
        assert c.comments_by == dt.date(2026, 11, 27)
    finally:
        services.close()


def test_a_section_must_be_a_text_section_of_the_conference_profile(services: Services) -> None:
    cid = _demo(services)
    item = services.conferences.record(cid).agenda[0].id or 0
    for wrong in ("decisions", "nonsense"):  # built from the record / unknown
        with pytest.raises(ValidationError) as error:
            services.conferences.set_agenda_section(item, wrong)
        assert _ids(error) == ["not_a_text_section"]
        assert "purpose" in str(error.value) and "analysis" in str(error.value)
        with pytest.raises(ValidationError):
            services.conferences.update_agenda_item(item, section=wrong)
    assert services.conferences.record(cid).agenda[0].section is None
    services.conferences.set_agenda_section(item, "analysis")
    services.conferences.set_agenda_section(item, None)
    assert services.conferences.record(cid).agenda[0].section is None


def test_meetings_are_checked_against_the_conference(services: Services) -> None:
    cid = _demo(services)
    held = services.conferences.conference(cid).started_at
    assert held is not None
    before = held - dt.timedelta(days=1)
    for field, value in (
        ("review_at", before),
        ("core_group_at", before),
        ("comments_by", before.date()),
    ):
        with pytest.raises(ValidationError) as error:
            services.conferences.book_meetings(cid, **{field: value})
        assert _ids(error) == ["meeting_before_conference"]
        with pytest.raises(ValidationError):  # the general edit checks them the same way
            services.conferences.update_conference(cid, **{field: value})
    with pytest.raises(ValidationError) as error:
        services.conferences.book_meetings(cid, review_at=dt.datetime(2027, 1, 5, 10))
    assert _ids(error) == ["meeting_needs_zone"]
    with pytest.raises(ValidationError) as error:
        services.conferences.book_meetings(cid, comments_by=dt.date(1850, 1, 1))
    assert _ids(error) == ["year_out_of_range"]
    with pytest.raises(TypeError):
        services.conferences.book_meetings(cid, venue="Room 1")  # not a meeting's field
    with pytest.raises(TypeError):  # a bug in the caller, not the chair's input
        services.conferences.book_meetings(cid, comments_by=held)
    with pytest.raises(TypeError):
        services.conferences.book_meetings(cid, review_at=held.date())
    c = services.conferences.conference(cid)
    assert (c.review_at, c.core_group_at, c.comments_by) == (None, None, None)
    # the same day as the conference is allowed; a review before the core group is warned of
    outcome = services.conferences.book_meetings(
        cid, core_group_at=held + dt.timedelta(days=10), review_at=held + dt.timedelta(hours=2)
    )
    assert [getattr(w, "id", "") for w in outcome.warnings] == ["review_before_core_group"]


def test_each_edit_announces_its_change(services: Services) -> None:
    cid = _demo(services)
    record = services.conferences.record(cid)
    heard: list[Change] = []
    services.events.subscribe(heard.append)
    services.conferences.book_meetings(cid, review_venue="Room 4")
    services.conferences.set_agenda_section(record.agenda[1].id or 0, "purpose")
    services.conferences.update_action_plan(record.actions[0].id or 0, outcome="Safe")
    assert [(c.entity, c.conference_id) for c in heard] == [
        (Entity.CONFERENCE, cid),
        (Entity.AGENDA_ITEM, cid),
        (Entity.ACTION, cid),
    ]


def test_finalising_locks_the_plan_columns_but_not_the_follow_up(services: Services) -> None:
    cid = _demo(services)
    action = services.conferences.record(cid).actions[0].id or 0
    services.conferences.update_action(action, outcome="Safe at home", contingency="Re-convene")
    services.minutes.export_minutes(cid, services.paths.data_dir / "m.docx", CopyKind.FULL)
    services.lifecycle.finalise(cid)
    assert services.conferences.conference(cid).status == ConferenceStatus.FINALISED
    with pytest.raises(ConferenceLockedError):
        services.conferences.update_action(action, outcome="Changed afterwards")
    with pytest.raises(ConferenceLockedError):
        services.conferences.update_action(action, contingency="Changed", status=ActionStatus.DONE)
    with pytest.raises(ConferenceLockedError):
        services.conferences.update_action_plan(action, contingency="Changed")
    services.conferences.update_action(action, status=ActionStatus.IN_PROGRESS)  # follow-up
    kept = services.conferences.record(cid).actions[0]
    assert (kept.outcome, kept.contingency) == ("Safe at home", "Re-convene")
    assert kept.status == ActionStatus.IN_PROGRESS


def test_a_review_carries_the_plan_columns_of_the_open_actions(services: Services) -> None:
    cid = _demo(services)
    record = services.conferences.record(cid)
    open_action = next(x for x in record.actions if x.outstanding)
    services.conferences.update_action_plan(
        open_action.id or 0, outcome="Ka-yan is safe", contingency="Re-convene the conference"
    )
    services.conferences.end(cid, (record.conference.started_at or dt.datetime.now(HK)))
    planned = services.conferences.plan_conference(
        ConferencePlan(
            reference=record.case.reference,
            jurisdiction=record.case.jurisdiction,
            type=ConferenceType.REVIEW,
            scheduled_start=record.conference.scheduled_start + dt.timedelta(days=90),
            carry=CarryForward(cid),
        )
    )
    carried = services.conferences.record(planned.conference_id).actions
    copy_ = next(x for x in carried if x.carried_from_action_id == open_action.id)
    assert (copy_.outcome, copy_.contingency) == ("Ka-yan is safe", "Re-convene the conference")


def _sections(services: Services, cid: int) -> dict[str, str | None]:
    return {i.title: i.section for i in services.conferences.record(cid).agenda}


def test_import_finds_the_sections_of_the_shared_example_from_the_templates(
    services: Services, shared_example: Path
) -> None:
    cid = services.exchange.import_file(shared_example).conference_id
    sections = _sections(services, cid)
    assert sections["Reason for the conference"] == "purpose"
    # the example's joint item is no template's: its notes stay with the discussion
    assert sections["Views of the child and of the parents"] is None
    assert sections["Information from agencies"] is None


def test_import_finds_the_sections_of_bilingual_and_chinese_titles(services: Services) -> None:
    cid = services.exchange.import_file(DEMO).conference_id
    sections = _sections(services, cid)
    assert sections["Background of the case and the incident 個案背景及事件"] == "purpose"
    assert sections["Risk assessment 風險評估"] == "analysis"
    assert sections["Information from professionals 各專業人士提供的資料"] is None
    zh = services.exchange.import_file(Path(__file__).parents[1] / "data" / "hk-zh.json")
    sections = _sections(services, zh.conference_id)
    assert sections["個案背景及事件"] == "purpose"
    assert sections["風險評估"] == "analysis"
    assert sections["介紹及保密原則"] is None


def test_undoing_a_deletion_puts_the_parts_the_file_cannot_carry_back(services: Services) -> None:
    cid = _demo(services)
    record = services.conferences.record(cid)
    services.conferences.set_agenda_section(record.agenda[2].id or 0, "parents_views")
    services.conferences.update_action_plan(record.actions[1].id or 0, contingency="Re-convene")
    review = (record.conference.started_at or dt.datetime.now(HK)) + dt.timedelta(days=60)
    services.conferences.book_meetings(cid, review_at=review, comments_by=review.date())
    deleted = services.conferences.delete_conference(cid)
    back = services.exchange.restore_document(deleted.document, deleted.links).conference_id
    again = services.conferences.record(back)
    assert again.agenda[2].section == "parents_views"
    assert again.actions[1].contingency == "Re-convene"
    assert (again.conference.review_at, again.conference.comments_by) == (review, review.date())


def _export(data_dir: Path, cid: int, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """``mdcc export`` as a real process on the test's data folder."""
    command = [sys.executable, "-m", "mdcc_desktop.cli", "export", str(cid)]
    return subprocess.run(
        [*command, *map(str, args), "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_export_says_on_one_line_what_the_file_cannot_carry(data_dir: Path, tmp_path: Path) -> None:
    services = open_services(data_dir)
    try:
        cid = _demo(services)
        record = services.conferences.record(cid)
        held = record.conference.started_at or record.conference.scheduled_start
    finally:
        services.close()
    target = tmp_path / "plain.json"
    run = _export(data_dir, cid, "-o", target)
    assert run.returncode == 0, run.stderr
    assert "Left out" not in run.stderr  # nothing set: nothing said
    plain = json.loads(target.read_text(encoding="utf-8"))

    services = open_services(data_dir)
    try:
        services.conferences.update_action_plan(record.actions[0].id or 0, outcome="Safe")
        services.conferences.book_meetings(
            cid, review_at=held + dt.timedelta(days=90), comments_by=held.date()
        )
        services.conferences.set_agenda_section(record.agenda[0].id or 0, "purpose")
    finally:
        services.close()
    target = tmp_path / "full.json"
    run = _export(data_dir, cid, "-o", target)
    assert run.returncode == 0, run.stderr
    lines = [line for line in run.stderr.splitlines() if "Left out" in line]
    assert lines == [
        "Left out of the file, which has no place for them: the actions' outcomes; the review "
        "conference as booked; the date comments are due by; the minutes section of 1 agenda "
        "item(s)."
    ]
    assert json.loads(target.read_text(encoding="utf-8")) == plain  # the file is unchanged
    run = _export(data_dir, cid)  # to standard output: the same line on stderr
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == plain
    assert [line for line in run.stderr.splitlines() if "Left out" in line] == lines


def test_a_meeting_is_before_the_conference_by_the_chairs_own_calendar(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A conference held at 23:30 UTC is held on the next day in Hong Kong: a chair there who
    books the core group for the evening before has booked it before the conference, although
    the UTC dates agree."""
    import time

    monkeypatch.setenv("TZ", "Asia/Hong_Kong")
    time.tzset()
    try:
        case = services.conferences.create_case("CS-TZ", "ENG", [Child(name="Max")])
        held = dt.datetime(2026, 11, 20, 23, 30, tzinfo=dt.UTC)  # 21 November, 07:30 in HK
        cid = services.conferences.create_conference(
            case.id or 0, "ENG", ConferenceType.INITIAL, held
        )
        evening_before = dt.datetime(2026, 11, 20, 23, 0).astimezone()  # 15:00 UTC on the 20th
        with pytest.raises(ValidationError) as error:
            services.conferences.book_meetings(cid, core_group_at=evening_before)
        assert _ids(error) == ["meeting_before_conference"]
        services.conferences.book_meetings(cid, comments_by=dt.date(2026, 11, 21))
    finally:
        monkeypatch.undo()
        time.tzset()


def test_finalising_locks_what_the_conference_agreed_for_an_action(services: Services) -> None:
    """The action's description and what it follows from are the record's too: after
    finalisation they were still changed through update_action, which only the follow-up
    (status, due date, owner) should pass."""
    cid = _demo(services)
    record = services.conferences.record(cid)
    action = record.actions[0]
    assert action.id is not None
    services.minutes.export_minutes(cid, services.paths.data_dir / "m.docx", CopyKind.FULL)
    services.lifecycle.finalise(cid)
    for change in (
        {"description": "Rewritten after the meeting"},
        {"decision_id": None},
        {"agenda_item_id": record.agenda[0].id},
    ):
        with pytest.raises(ConferenceLockedError):
            services.conferences.update_action(action.id, **change)
    due = dt.date(2027, 3, 1)
    services.conferences.update_action(action.id, due=due)  # follow-up: a new due date
    kept = services.conferences.record(cid).actions[0]
    assert (kept.description, kept.decision_id, kept.due) == (
        action.description,
        action.decision_id,
        due,
    )
