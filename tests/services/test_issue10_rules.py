"""Issue 10's service rules, each finding named: a due date moved to the same date, carried
actions superseding their originals, a review's date, search by household member and attendee
name, quorum."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.models import Action, Child, ConferenceType
from mdcc_desktop.services.context import Services

HELD = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


def _conference(services: Services, ref: str = "CS-R") -> int:
    case = services.conferences.create_case(ref, "ENG", [Child(name="Amy Lee")])
    return services.conferences.create_conference(case.id or 0, "ENG", ConferenceType.INITIAL, HELD)


def test_moving_a_due_date_to_the_same_date_records_no_move(services: Services) -> None:
    """Finding 7: moving a due date to the same date recorded a move."""
    conference_id = _conference(services)
    due = dt.date(2026, 12, 4)
    action_id = services.conferences.add_action(
        conference_id, Action(description="Phone the school", due=due)
    ).id
    with pytest.raises(ValidationError, match="already due on 2026-12-04"):
        services.tracker.move_due(action_id, due, "No change really")
    assert services.tracker.history(action_id) == []
    services.tracker.move_due(action_id, dt.date(2026, 12, 11), "School closed")
    assert len(services.tracker.history(action_id)) == 1


# --- carried actions supersede their originals (finding 4) -------------------------------------


def _review_of(services: Services, previous_id: int) -> int:
    from mdcc_desktop.services.conferences import CarryForward, ConferencePlan

    previous = services.conferences.record(previous_id)
    return services.conferences.plan_conference(
        ConferencePlan(
            reference=previous.case.reference,
            jurisdiction=previous.case.jurisdiction,
            type=ConferenceType.REVIEW,
            scheduled_start=previous.conference.scheduled_start + dt.timedelta(days=90),
            carry=CarryForward(previous_id),
        )
    ).conference_id


def test_carried_actions_supersede_their_originals(services: Services) -> None:
    """Finding 4: a review that carried forward open actions left the originals open (the
    tracker showed 12 open actions for 6 real ones)."""
    from mdcc_desktop.domain.tracker import ActionFilter

    first = _conference(services)
    for i in range(6):
        services.conferences.add_action(first, Action(description=f"Action {i}"))
    everything = ActionFilter(as_of=dt.date(2026, 11, 20))
    open_only = ActionFilter(as_of=dt.date(2026, 11, 20), open_only=True)
    assert services.tracker.count(open_only) == 6

    review = _review_of(services, first)
    assert services.tracker.count(open_only) == 6
    assert services.tracker.count(everything) == 6
    rows = services.tracker.actions(everything)
    assert {r.conference_id for r in rows} == {review}
    summaries = {s.id: s.open_actions for s in services.conferences.list_conferences()}
    assert summaries == {first: 0, review: 6}
    # The original says where it went, and is no longer outstanding.
    copies = {x.carried_from_action_id: x.id for x in services.store.actions(review)}
    for original in services.store.actions(first):
        assert original.carried_to_action_id == copies[original.id]
        assert not original.outstanding
    # A second review carries nothing twice.
    assert _review_of(services, first) and services.tracker.count(open_only) == 6


def test_deleting_the_review_gives_the_originals_back(services: Services) -> None:
    from mdcc_desktop.domain.tracker import ActionFilter

    first = _conference(services)
    services.conferences.add_action(first, Action(description="Phone the school"))
    review = _review_of(services, first)
    services.conferences.delete_conference(review)
    (original,) = services.store.actions(first)
    assert original.carried_to_action_id is None and original.outstanding
    rows = services.tracker.actions(ActionFilter(as_of=dt.date(2026, 11, 20)))
    assert [r.conference_id for r in rows] == [first]


def test_actions_carried_before_the_migration_are_linked(tmp_path: Path) -> None:
    """A database whose reviews carried actions before schema step 5 counts them once too."""
    from sqlite_utils import Database

    from mdcc_desktop.store import Store, migrations

    path = tmp_path / "old.sqlite3"
    db = Database(path)
    known = migrations.known_steps()
    migrations.MIGRATIONS.apply(db, stop_before=[known[4]])
    db.execute(f"PRAGMA user_version = {len(known[:4])}")
    db.execute(
        "INSERT INTO cases (reference, jurisdiction, created_at) "
        "VALUES ('CP-OLD', 'ENG', '2026-01-01T00:00:00+00:00')"
    )
    for conference_id in (1, 2):
        db.execute(
            "INSERT INTO conferences (case_id, jurisdiction, type, scheduled_start, "
            "created_at, updated_at) VALUES (1, 'ENG', 'initial', ?, ?, ?)",
            [f"2026-0{conference_id}-01T10:00:00+00:00", *["2026-01-01T00:00:00+00:00"] * 2],
        )
    db.execute("INSERT INTO actions (conference_id, description) VALUES (1, 'Phone')")
    db.execute(
        "INSERT INTO actions (conference_id, description, carried_from_action_id) "
        "VALUES (2, 'Phone', 1)"
    )
    db.conn.commit()
    db.close()
    store = Store.open(path, tmp_path / "backups")
    try:
        original, copy = store.actions(1)[0], store.actions(2)[0]
        assert original.carried_to_action_id == copy.id
        assert not original.outstanding and copy.outstanding
    finally:
        store.close()


# --- a review's date (finding 4) ---------------------------------------------------------------


def test_a_review_defaults_to_the_profiles_review_interval(services: Services) -> None:
    """Finding 4: a new review's date defaulted to tomorrow, whatever it reviewed."""
    first = _conference(services)
    assert services.deadlines.review_default(first) == dt.date(2027, 2, 20)  # three months
    services.conferences.update_conference(first, next_review=dt.date(2027, 2, 12))
    assert services.deadlines.review_default(first) == dt.date(2027, 2, 12)  # as booked


def test_a_review_before_the_conference_it_reviews_is_refused(services: Services) -> None:
    from mdcc_desktop.services.conferences import CarryForward, ConferencePlan

    first = _conference(services)
    before = dict(services.store.db.execute("SELECT 'n', count(*) FROM conferences").fetchall())
    with pytest.raises(
        ValidationError, match=r"before the conference it reviews \(held 2026-11-20"
    ):
        services.conferences.plan_conference(
            ConferencePlan(
                reference="CS-R",
                jurisdiction="ENG",
                type=ConferenceType.REVIEW,
                scheduled_start=HELD - dt.timedelta(days=1),
                carry=CarryForward(first),
            )
        )
    after = dict(services.store.db.execute("SELECT 'n', count(*) FROM conferences").fetchall())
    assert after == before
    review = services.conferences.create_conference(
        services.conferences.conference(first).case_id,
        "ENG",
        ConferenceType.REVIEW,
        HELD - dt.timedelta(days=3),
    )
    with pytest.raises(ValidationError, match="before the conference it reviews"):
        services.conferences.carry_forward(first, review)


# --- search finds household members and attendees by name (finding 7) -------------------------


def test_search_finds_household_members_and_attendees_in_both_scripts(
    services: Services,
) -> None:
    """Finding 7: search found no household member or attendee by name (陳國強 → 0)."""
    from mdcc_desktop.domain.models import Attendee, HouseholdMember

    conference_id = _conference(services, "CS-S")
    services.conferences.add_household_member(
        conference_id,
        HouseholdMember(name="Chan Kwok-keung", alt_name="陳國強", relationship="father"),
    )
    services.conferences.add_attendee(
        conference_id, Attendee(name="何嘉慧", alt_name="Ho Ka-wai", agency="SWD")
    )

    def kinds(text: str) -> set[tuple[str, int | None]]:
        return {(h.kind, h.conference_id) for h in services.tracker.search(text)}

    assert kinds("陳國強") == {("household_members", conference_id)}
    assert kinds("國強") == {("household_members", conference_id)}  # two characters: a scan
    assert kinds("kwok-keung") == {("household_members", conference_id)}
    assert kinds("何嘉慧") == {("attendees", conference_id)}
    assert kinds("嘉慧") == {("attendees", conference_id)}
    assert kinds("Ho Ka") == {("attendees", conference_id)}
    (hit,) = services.tracker.search("陳國強")
    assert hit.case_reference == "CS-S" and "陳國強" in hit.text
    # Renamed or removed, the old name is found no more.
    member = services.store.household(conference_id)[0]
    services.conferences.remove_household_member(member.id or 0)
    assert kinds("陳國強") == set()


def test_people_stored_before_the_search_step_are_found(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from mdcc_desktop.store import Store, migrations

    path = tmp_path / "old.sqlite3"
    db = Database(path)
    known = migrations.known_steps()
    step = known.index("0006_search_people_by_name")
    migrations.MIGRATIONS.apply(db, stop_before=known[step:])
    db.execute(f"PRAGMA user_version = {step}")
    db.execute(
        "INSERT INTO cases (reference, jurisdiction, created_at) "
        "VALUES ('CP-OLD', 'HK', '2026-01-01T00:00:00+00:00')"
    )
    db.execute(
        "INSERT INTO conferences (case_id, jurisdiction, type, scheduled_start, created_at, "
        "updated_at) VALUES (1, 'HK', 'initial', ?, ?, ?)",
        ["2026-01-01T10:00:00+00:00", *["2026-01-01T00:00:00+00:00"] * 2],
    )
    db.execute(
        "INSERT INTO household_members (conference_id, name, relationship) "
        "VALUES (1, '陳國強', 'father')"
    )
    db.conn.commit()
    db.close()
    store = Store.open(path, tmp_path / "backups")
    try:
        assert [h.kind for h in store.search_hits("陳國強")] == ["household_members"]
    finally:
        store.close()


def test_undoing_the_deletion_of_a_review_links_its_carried_actions_again(
    services: Services,
) -> None:
    """Deleting a review gives the originals back; undoing it must make the copies supersede
    them again, or every carried action counts twice."""
    from mdcc_desktop.domain.tracker import ActionFilter

    first = _conference(services)
    for i in range(3):
        services.conferences.add_action(first, Action(description=f"Action {i}"))
    review = _review_of(services, first)
    open_only = ActionFilter(as_of=dt.date(2026, 11, 20), open_only=True)
    deleted = services.conferences.delete_conference(review)
    assert services.tracker.count(open_only) == 3
    restored = services.exchange.restore_document(deleted.document, deleted.links).conference_id
    assert services.tracker.count(open_only) == 3
    copies = services.store.actions(restored)
    originals = services.store.actions(first)
    assert [x.carried_from_action_id for x in copies] == [x.id for x in originals]
    assert [x.carried_to_action_id for x in originals] == [x.id for x in copies]
    assert services.conferences.conference(restored).previous_conference_id == first
