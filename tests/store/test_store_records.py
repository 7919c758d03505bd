"""Every record type through a real database file and back, unchanged; listing, search, rollback."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from mdcc_desktop.domain.errors import NotFoundError
from mdcc_desktop.domain.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Attendee,
    Case,
    Child,
    Conference,
    ConferenceRecord,
    ConferenceStatus,
    ConferenceType,
    CopyKind,
    Decision,
    DecisionMethod,
    Discipline,
    Dissent,
    DistributionEntry,
    HouseholdMember,
    Language,
    MandatoryReport,
    MinutesVersion,
    Person,
    Priority,
    Role,
    SafetyLine,
    SafetySection,
    Scaling,
    Sex,
)
from mdcc_desktop.store import Store, driver

HKT = dt.timezone(dt.timedelta(hours=8))
LONDON_SUMMER = dt.timezone(dt.timedelta(hours=1))
CHINESE = "陳大文（兒童）說：「我害怕回家。」"
EMOJI = "Child drew 🏠👩‍👧‍👦🧸 and 🇭🇰"
RTL = "مرحبا بالعالم — שלום עולם"
CONTROL = "before\x00after\x07bell\ttab\r\nnew line\x1b[0m"
BIG_NOTE = ("行動計劃 plan 🧸 " * 90_000)[:1_048_576]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "mdcc.sqlite3", tmp_path / "backups")
    yield s
    s.close()


def at(hour: int, minute: int = 0, tz: dt.tzinfo = HKT) -> dt.datetime:
    return dt.datetime(2026, 12, 24, hour, minute, 30, 123456, tzinfo=tz)


def new_case(store: Store, reference: str, *children: tuple[str, str | None]) -> Case:
    case = Case(reference=reference, jurisdiction="HK", created_at=at(8))
    store.add_case(case)
    for position, (name, alt) in enumerate(children):
        store.add_child(Child(name=name, alt_name=alt, case_id=case.id, position=position))
    return case


def new_conference(store: Store, case: Case, start: dt.datetime, **fields) -> Conference:
    conference = Conference(
        case_id=case.id or 0,
        jurisdiction="HK",
        type=ConferenceType.INITIAL,
        scheduled_start=start,
        **fields,
    )
    store.add_conference(conference)
    return conference


def build_full_record(store: Store) -> ConferenceRecord:
    """A conference with every kind of row, stored; the objects carry their new ids."""
    case = Case(reference=f"HK/2026/{CHINESE[:3]}", jurisdiction="HK", created_at=at(8))
    store.add_case(case)
    assert case.id is not None
    children = [
        Child(
            name="Chan Tai Man",
            alt_name="陳大文",
            case_id=case.id,
            date_of_birth=dt.date(2018, 2, 28),
            sex=Sex.MALE,
            school=RTL,
            position=0,
        ),
        Child(
            name=EMOJI,
            case_id=case.id,
            expected_date_of_birth=dt.date(2027, 3, 1),
            sex=Sex.UNKNOWN,
            position=1,
        ),
    ]
    for child in children:
        store.add_child(child)

    previous = Conference(
        case_id=case.id,
        jurisdiction="HK",
        type=ConferenceType.INITIAL,
        scheduled_start=at(9, tz=LONDON_SUMMER),
        created_at=at(7),
        updated_at=at(7),
    )
    store.add_conference(previous)
    conference = Conference(
        case_id=case.id,
        jurisdiction="HK",
        type=ConferenceType.REVIEW,
        scheduled_start=at(9, 30),
        title=CHINESE,
        referral_received=dt.date(2026, 12, 1),
        started_at=at(9, 35),
        ended_at=at(11, 50),
        venue=RTL,
        language=Language.ZH_HANT,
        previous_conference="conf-1",
        previous_conference_id=previous.id,
        next_review=dt.date(2027, 3, 24),
        mandatory_report=MandatoryReport(
            made=True,
            date=dt.date(2026, 11, 30),
            made_to="Police 警方",
            reporter_identity="Teacher \x07 王老師",
        ),
        status=ConferenceStatus.ENDED,
        has_safety_mapping=True,
        created_at=at(8, 1),
        updated_at=at(8, 2),
    )
    store.add_conference(conference)
    assert conference.id is not None
    cid = conference.id

    household = [
        HouseholdMember(
            name="Mother",
            relationship="mother",
            alt_name="陳太",
            notes=CONTROL,
            position=0,
            conference_id=cid,
        ),
        HouseholdMember(name=RTL, relationship="uncle 🧔", conference_id=cid, position=1),
    ]
    for member in household:
        store.add_household_member(member)

    person = Person(
        name="Wong Siu Ming",
        alt_name="王小明",
        agency="Social Welfare Department 社會福利署",
        discipline=Discipline.SOCIAL_WORK,
        job_title="Social Work Officer",
        email="wong@example.org",
        phone="+852 1234 5678",
    )
    store.add_person(person)
    attendees = [
        Attendee(
            name="Wong Siu Ming",
            alt_name="王小明",
            person_id=person.id,
            conference_id=cid,
            agency=person.agency,
            discipline=Discipline.SOCIAL_WORK,
            job_title="SWO",
            email="wong@example.org",
            phone="+852 1234 5678",
            attendance=Attendance.PRESENT,
            # Not alphabetical: the order given is the order kept.
            roles=[Role.MINUTE_TAKER, Role.CHAIR, Role.CORE_GROUP],
            arrived_at=at(9, 31),
            left_at=at(11, 55),
            report_submitted=True,
            report_shared_with_parents=False,
            position=0,
            ref="att-1",
        ),
        Attendee(
            name="Mother",
            alt_name="陳太",
            conference_id=cid,
            discipline=Discipline.FAMILY,
            attendance=Attendance.PRESENT,
            roles=[Role.PARENT],
            position=1,
        ),
        Attendee(
            name=EMOJI,
            conference_id=cid,
            attendance=Attendance.APOLOGIES,
            roles=[],
            report_submitted=None,
            position=2,
        ),
    ]
    for attendee in attendees:
        store.add_attendee(attendee)
    worker, mother, _ = attendees

    agenda = [
        AgendaItem(
            title="介紹及保密原則",
            conference_id=cid,
            planned_minutes=5,
            started_at=at(9, 35),
            ended_at=at(9, 40),
            notes=BIG_NOTE,
            restricted=False,
            position=0,
            ref="ag-1",
        ),
        AgendaItem(
            title="Police investigation (restricted)",
            conference_id=cid,
            notes=CONTROL,
            restricted=True,
            position=1,
        ),
    ]
    for item in agenda:
        store.add_agenda_item(item)
    store.update_conference(cid, {"current_agenda_item_id": agenda[1].id})
    conference.current_agenda_item_id = agenda[1].id
    # An update stamps updated_at with the present time.
    stamped = store.get_conference(cid).updated_at
    assert stamped is not None and stamped != at(8, 2)
    conference.updated_at = stamped

    decisions = [
        Decision(
            kind="outcome",
            text=f"Established. {CHINESE}",
            value="established",
            conference_id=cid,
            agenda_item_id=agenda[1].id,
            rationale=CONTROL + RTL,
            method=DecisionMethod.MAJORITY,
            restricted=False,
            dissent=[
                Dissent(attendee_id=mother.id or 0, view="不同意 — disagrees 😞"),
                Dissent(attendee_id=worker.id or 0, view=CONTROL),
            ],
            position=0,
            ref="dec-1",
        ),
        Decision(kind="other", text="No dissent here", conference_id=cid, position=1),
    ]
    for decision in decisions:
        store.add_decision(decision)

    actions = [
        Action(
            description=f"Home visit {EMOJI}",
            status=ActionStatus.IN_PROGRESS,
            conference_id=cid,
            owner_id=worker.id,
            owner_agency="SWD 社署",
            due=dt.date(2027, 1, 4),
            priority=Priority.HIGH,
            decision_id=decisions[0].id,
            agenda_item_id=agenda[0].id,
            carried_from="act-0",
            completed_at=None,
            updates=[
                ActionUpdate(at=at(12), note="Visit booked 已預約", status=ActionStatus.OPEN),
                ActionUpdate(at=at(13, tz=LONDON_SUMMER), note=CONTROL),
            ],
            position=0,
            ref="act-1",
        ),
        Action(
            description=RTL,
            status=ActionStatus.DONE,
            conference_id=cid,
            completed_at=at(16),
            position=1,
        ),
    ]
    for action in actions:
        store.add_action(action)
    actions[1].carried_from_action_id = actions[0].id
    store.update_action(actions[1].id or 0, {"carried_from_action_id": actions[0].id})

    distribution = [
        DistributionEntry(attendee_id=worker.id or 0, copy=CopyKind.FULL, conference_id=cid),
        DistributionEntry(
            attendee_id=mother.id or 0, copy=CopyKind.PARENT, conference_id=cid, position=1
        ),
    ]
    for entry in distribution:
        store.add_distribution(entry)
    safety_lines = [
        SafetyLine(section=SafetySection.WORRIES, text=CHINESE, conference_id=cid),
        SafetyLine(section=SafetySection.WORKING_WELL, text=EMOJI, conference_id=cid, position=1),
        SafetyLine(
            section=SafetySection.DANGER_STATEMENTS, text=CONTROL, conference_id=cid, position=2
        ),
    ]
    for line in safety_lines:
        store.add_safety_line(line)
    scaling = [
        Scaling(attendee_id=worker.id or 0, score=3, note=RTL, conference_id=cid),
        Scaling(attendee_id=mother.id or 0, score=10, conference_id=cid, position=1),
    ]
    for score in scaling:
        store.add_scaling(score)

    return ConferenceRecord(
        case=case,
        children=children,
        household=household,
        conference=conference,
        attendees=attendees,
        agenda=agenda,
        decisions=decisions,
        actions=actions,
        distribution=distribution,
        safety_lines=safety_lines,
        scaling=scaling,
    )


def offsets(value: object) -> list[dt.timedelta | None]:
    """The UTC offsets of every date-time in a dataclass tree, in field order."""
    import dataclasses

    found: list[dt.timedelta | None] = []
    if isinstance(value, dt.datetime):
        found.append(value.utcoffset())
    elif isinstance(value, list):
        for item in value:
            found.extend(offsets(item))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            found.extend(offsets(getattr(value, f.name)))
    return found


# --- round trips ---------------------------------------------------------------------------------


def test_full_record_round_trip(store: Store) -> None:
    expected = build_full_record(store)
    loaded = store.load_record(expected.conference.id or 0)

    assert loaded.case == expected.case
    assert loaded.children == expected.children
    assert loaded.household == expected.household
    assert loaded.conference == expected.conference
    assert loaded.attendees == expected.attendees
    assert loaded.agenda == expected.agenda
    assert loaded.decisions == expected.decisions
    assert loaded.actions == expected.actions
    assert loaded.distribution == expected.distribution
    assert loaded.safety_lines == expected.safety_lines
    assert loaded.scaling == expected.scaling
    assert loaded == expected


def test_round_trip_keeps_text_exactly(store: Store) -> None:
    expected = build_full_record(store)
    # Reopen from the file, so nothing can come from a cache.
    path = store.path
    assert path is not None
    store.close()
    reopened = Store.open(path)
    try:
        loaded = reopened.load_record(expected.conference.id or 0)
    finally:
        reopened.close()
    note = loaded.agenda[0].notes
    assert note is not None and len(note) == 1_048_576 and note == BIG_NOTE
    assert loaded.agenda[1].notes == CONTROL
    assert "\x00" in (loaded.agenda[1].notes or "") and "\x07" in CONTROL
    assert loaded.household[0].notes == CONTROL
    assert loaded.conference.title == CHINESE
    assert loaded.conference.venue == RTL
    assert loaded.conference.mandatory_report.reporter_identity == "Teacher \x07 王老師"
    assert loaded.children[1].name == EMOJI
    assert loaded.decisions[0].dissent[1].view == CONTROL
    assert loaded.actions[0].updates[1].note == CONTROL
    assert loaded.safety_lines[2].text == CONTROL
    assert loaded == expected


def test_datetimes_keep_their_offsets(store: Store) -> None:
    expected = build_full_record(store)
    loaded = store.load_record(expected.conference.id or 0)
    assert offsets(loaded) == offsets(expected)
    conference = loaded.conference
    assert conference.scheduled_start.utcoffset() == dt.timedelta(hours=8)
    assert conference.scheduled_start == at(9, 30)
    assert conference.scheduled_start.microsecond == 123456
    assert loaded.attendees[0].arrived_at is not None
    assert loaded.attendees[0].arrived_at.utcoffset() == dt.timedelta(hours=8)
    assert loaded.actions[0].updates[1].at.utcoffset() == dt.timedelta(hours=1)
    previous = store.get_conference(conference.previous_conference_id or 0)
    assert previous.scheduled_start.utcoffset() == dt.timedelta(hours=1)
    # Stored as ISO 8601 text with the offset, as the file format promises.
    raw = store.db.execute(
        "SELECT scheduled_start FROM conferences WHERE id = ?", [conference.id]
    ).fetchone()[0]
    assert raw == "2026-12-24T09:30:30.123456+08:00"


def test_roles_come_back_in_the_order_given(store: Store) -> None:
    expected = build_full_record(store)
    worker = expected.attendees[0]
    assert store.get_attendee(worker.id or 0).roles == [
        Role.MINUTE_TAKER,
        Role.CHAIR,
        Role.CORE_GROUP,
    ]
    store.update_attendee(worker.id or 0, {"roles": [Role.KEY_WORKER, Role.CHAIR]})
    assert store.get_attendee(worker.id or 0).roles == [Role.KEY_WORKER, Role.CHAIR]
    assert store.attendees(expected.conference.id or 0)[0].roles == [Role.KEY_WORKER, Role.CHAIR]


def test_single_record_getters(store: Store) -> None:
    expected = build_full_record(store)
    assert store.get_case(expected.case.id or 0) == expected.case
    assert store.case_by_reference(expected.case.reference) == expected.case
    assert store.case_by_reference("nope") is None
    assert store.get_agenda_item(expected.agenda[0].id or 0) == expected.agenda[0]
    assert store.get_decision(expected.decisions[0].id or 0) == expected.decisions[0]
    assert store.get_action(expected.actions[0].id or 0) == expected.actions[0]
    with pytest.raises(NotFoundError):
        store.get_conference(987654)
    with pytest.raises(NotFoundError):
        store.update_agenda_item(987654, {"title": "x"})


def test_mandatory_report_empty_and_false(store: Store) -> None:
    case = new_case(store, "MR-1")
    empty = new_conference(store, case, at(9))
    refused = new_conference(store, case, at(10), mandatory_report=MandatoryReport(made=False))
    assert store.get_conference(empty.id or 0).mandatory_report.is_empty()
    loaded = store.get_conference(refused.id or 0).mandatory_report
    assert loaded.made is False and loaded == MandatoryReport(made=False)


def test_people_directory(store: Store) -> None:
    person = Person(
        name="Wong Siu Ming",
        alt_name="王小明",
        agency="社會福利署",
        discipline=Discipline.SOCIAL_WORK,
        job_title=RTL,
        email="wong@example.org",
        phone="+852 1234 5678",
    )
    store.add_person(person)
    store.add_person(Person(name="100% Sure_Person", agency="Agency_X"))
    store.add_person(Person(name="1000 Surely", agency="AgencyYX"))
    assert store.find_people("王小") == [person]
    assert store.find_people("社會") == [person]
    assert [p.name for p in store.find_people("100%")] == ["100% Sure_Person"]
    assert [p.name for p in store.find_people("y_X")] == ["100% Sure_Person"]
    assert store.person_matching("Wong Siu Ming", "社會福利署") == person
    assert store.person_matching("Wong Siu Ming", None) is None
    assert store.person_matching("1000 Surely", "AgencyYX") is not None


def test_minutes_versions_round_trip(store: Store) -> None:
    case = new_case(store, "MV-1")
    conference = new_conference(store, case, at(9))
    versions = [
        MinutesVersion(
            conference_id=conference.id or 0,
            number=1,
            copy=CopyKind.FULL,
            created_at=at(12),
            sha256="a" * 64,
            path="minutes/會議紀錄 v1.pdf",
        ),
        MinutesVersion(
            conference_id=conference.id or 0,
            number=1,
            copy=CopyKind.PARENT,
            created_at=at(12, tz=LONDON_SUMMER),
            sha256="b" * 64,
            final=True,
        ),
    ]
    for version in reversed(versions):
        store.add_minutes_version(version)
    loaded = store.minutes_versions(conference.id or 0)
    assert loaded == versions
    assert [v.created_at.utcoffset() for v in loaded] == [
        dt.timedelta(hours=8),
        dt.timedelta(hours=1),
    ]
    assert loaded[1].final is True and loaded[0].final is False
    with pytest.raises(driver.IntegrityError):  # (conference, number, copy) is unique
        store.add_minutes_version(
            MinutesVersion(
                conference_id=conference.id or 0,
                number=1,
                copy=CopyKind.FULL,
                created_at=at(13),
                sha256="c" * 64,
            )
        )


# --- listing -------------------------------------------------------------------------------------


def test_list_conferences_filters(store: Store) -> None:
    chan = new_case(store, "HK/2026/0001", ("Chan Tai Man", "陳大文"), ("Chan Siu Mei", "陳小美"))
    smith = new_case(store, "ENG/2026/0002", ("Amy Smith", None))
    first = new_conference(store, chan, at(9))
    second = new_conference(store, chan, at(9) + dt.timedelta(days=90), title="Review")
    third = new_conference(store, smith, at(10))
    store.add_attendee(Attendee(name="Someone", conference_id=third.id))
    store.add_action(Action(description="Do it", conference_id=third.id))
    store.add_action(Action(description="Done", conference_id=third.id, status=ActionStatus.DONE))

    everything = store.list_conferences()
    assert [s.id for s in everything] == [second.id, third.id, first.id]  # newest first
    summary = everything[1]
    assert summary.case_reference == "ENG/2026/0002"
    assert summary.children == "Amy Smith"
    assert summary.attendees == 1 and summary.open_actions == 1
    assert everything[0].children == "Chan Tai Man, Chan Siu Mei"
    assert everything[0].title == "Review"
    assert everything[0].scheduled_start.utcoffset() == dt.timedelta(hours=8)

    assert [s.id for s in store.list_conferences("HK/2026")] == [second.id, first.id]
    assert [s.id for s in store.list_conferences("amy")] == [third.id]
    assert [s.id for s in store.list_conferences("陳小美")] == [second.id, first.id]
    assert [s.id for s in store.list_conferences("小")] == [second.id, first.id]
    assert store.list_conferences("nobody at all") == []


def test_list_conferences_treats_wildcards_literally(store: Store) -> None:
    percent = new_case(store, "REF-100%", ("Child A", None))
    thousand = new_case(store, "REF-1000", ("Child B", None))
    underscore = new_case(store, "A_B", ("Child C", "李_小"))
    letters = new_case(store, "AXB", ("Child D", "李大小"))
    ids = {
        case.reference: new_conference(store, case, at(9 + i)).id
        for i, case in enumerate([percent, thousand, underscore, letters])
    }
    assert len(store.list_conferences("")) == 4
    assert [s.id for s in store.list_conferences("100%")] == [ids["REF-100%"]]
    assert [s.id for s in store.list_conferences("%")] == [ids["REF-100%"]]
    assert [s.id for s in store.list_conferences("A_B")] == [ids["A_B"]]
    assert [s.id for s in store.list_conferences("_")] == [ids["A_B"]]
    assert [s.id for s in store.list_conferences("李_")] == [ids["A_B"]]
    assert store.list_conferences("%%") == []
    assert store.list_conferences("\\") == []


# --- search --------------------------------------------------------------------------------------


def test_search_chinese_with_fts_and_short_fallback(store: Store) -> None:
    case = new_case(store, "HK/2026/0003", ("Chan Tai Man", "陳大文"))
    child_id = store.children(case.id or 0)[0].id
    conference = new_conference(store, case, at(9))
    item = AgendaItem(
        title="風險評估", notes="懷疑家庭暴力，需要跟進。", conference_id=conference.id
    )
    store.add_agenda_item(item)
    decision = Decision(kind="outcome", text="虐待個案成立", conference_id=conference.id)
    store.add_decision(decision)
    action = Action(description="安排家訪 home visit", conference_id=conference.id)
    store.add_action(action)

    assert ("children", child_id) in store.search("陳大文")  # 3 characters: trigram FTS
    assert ("agenda_items", item.id) in store.search("家庭暴力")
    assert ("decisions", decision.id) in store.search("個案成立")
    assert ("actions", action.id) in store.search("HOME VISIT")  # case-insensitive
    assert store.search("大文") == [("children", child_id)]  # 2 characters: LIKE
    assert ("agenda_items", item.id) in store.search("暴")  # 1 character
    assert ("cases", case.id) in store.search("0003")
    assert store.search("不存在的字") == []
    assert store.search("不在") == []


def test_search_sees_updates_and_deletes(store: Store) -> None:
    case = new_case(store, "HK/2026/0004")
    conference = new_conference(store, case, at(9))
    item = AgendaItem(title="Agenda", notes="家庭暴力", conference_id=conference.id)
    store.add_agenda_item(item)
    assert ("agenda_items", item.id) in store.search("家庭暴力")

    store.update_agenda_item(item.id or 0, {"notes": "學校出席率下降"})
    assert store.search("家庭暴力") == []
    assert store.search("出席率") == [("agenda_items", item.id)]
    assert store.search("學校") == [("agenda_items", item.id)]

    store.delete_agenda_item(item.id or 0)
    assert store.search("出席率") == []


def test_search_text_with_quotes_and_operators(store: Store) -> None:
    case = new_case(store, "HK/2026/0005")
    conference = new_conference(store, case, at(9))
    item = AgendaItem(
        title='Mother said "NOT tonight" OR later*', notes=None, conference_id=conference.id
    )
    store.add_agenda_item(item)
    assert store.search('"NOT tonight"') == [("agenda_items", item.id)]
    assert store.search("OR later*") == [("agenda_items", item.id)]
    assert store.search("AND") == []


# --- transactions --------------------------------------------------------------------------------


def test_failed_transaction_rolls_back_every_write(store: Store) -> None:
    with pytest.raises(RuntimeError, match="stop"), store.transaction():
        case = new_case(store, "RB-1", ("陳大文", None))
        new_conference(store, case, at(9))
        raise RuntimeError("stop")
    assert store.list_cases() == []
    assert store.list_conferences() == []
    assert store.db.execute("SELECT count(*) FROM children").fetchone()[0] == 0
    assert store.search("陳大文") == []


def test_inner_failure_rolls_back_only_the_inner_block(store: Store) -> None:
    with store.transaction():
        kept = new_case(store, "RB-KEEP")
        with pytest.raises(ValueError), store.transaction():
            new_case(store, "RB-DROP")
            raise ValueError("inner")
    assert [c.reference for c in store.list_cases()] == [kept.reference]


def test_failed_dissent_rolls_back_its_decision(store: Store) -> None:
    case = new_case(store, "RB-2")
    conference = new_conference(store, case, at(9))
    decision = Decision(
        kind="outcome",
        text="Established",
        conference_id=conference.id,
        dissent=[Dissent(attendee_id=424242, view="no such attendee")],
    )
    with pytest.raises(driver.IntegrityError):
        store.add_decision(decision)
    assert store.decisions(conference.id or 0) == []
    assert store.db.execute("SELECT count(*) FROM dissents").fetchone()[0] == 0


def test_deleting_a_conference_cascades(store: Store) -> None:
    expected = build_full_record(store)
    cid = expected.conference.id or 0
    store.delete_conference(cid)
    for table in (
        "attendees",
        "attendee_roles",
        "agenda_items",
        "decisions",
        "dissents",
        "actions",
        "action_updates",
        "distribution",
        "safety_lines",
        "safety_scaling",
        "household_members",
    ):
        assert store.db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0] == 0, table
    assert store.search("介紹") == []
    # The case and its children stay; the previous conference too.
    assert store.get_case(expected.case.id or 0) == expected.case
    assert len(store.conference_ids()) == 1
