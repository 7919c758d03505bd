"""The action tracker's filters and sorts on real conferences; its CSV, Excel and ics files."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from mdcc_desktop.domain.models import Action, ActionStatus, Priority
from mdcc_desktop.domain.tracker import SORT_KEYS, ActionFilter, ActionRow
from mdcc_desktop.export.actions import (
    COLUMNS,
    CalendarDate,
    ics_safe,
    to_csv,
    to_ics,
    to_xlsx,
    xlsx_safe,
)
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.demo import load_demo

AS_OF = dt.date(2026, 12, 5)


def _id(services: Services, text: str) -> int:
    """The id of the one action whose description contains ``text``."""
    found = [
        r.id for r in services.tracker.actions(ActionFilter(as_of=AS_OF)) if text in r.description
    ]
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.fixture
def tracker(services: Services, shared_example: Path) -> Services:
    """The shared example (England, 6 actions) and the demo (Hong Kong, 4 actions), then one
    action done, one cancelled and one with no owner and no due date."""
    services.exchange.import_file(shared_example)
    demo = load_demo(services.exchange).conference_id
    services.tracker.mark_done(_id(services, "school counselling"), dt.date(2026, 11, 21), "Seen.")
    services.tracker.set_status(
        _id(services, "core group"), ActionStatus.CANCELLED, "Replaced by a strategy meeting."
    )
    services.store.add_action(
        Action(description="Keep the family's GP informed.", conference_id=demo, owner_agency="GP")
    )
    return services


def _ids(rows: list[ActionRow]) -> set[int]:
    return {r.id for r in rows}


def _everything(services: Services) -> list[ActionRow]:
    return services.tracker.actions(ActionFilter(as_of=AS_OF))


def test_the_fixture_holds_both_conferences(tracker: Services) -> None:
    rows = _everything(tracker)
    assert len(rows) == 11
    assert {r.case_reference for r in rows} == {"CS-2026-0412", "DEMO-FCPSU-2026-118"}
    assert tracker.tracker.count(ActionFilter(as_of=AS_OF)) == 11


Predicate = Callable[[ActionRow], bool]

FILTERS: list[tuple[str, ActionFilter, Predicate, int]] = [
    ("overdue", ActionFilter(as_of=AS_OF, overdue=True), lambda r: r.overdue(AS_OF), 4),
    (
        "overdue a month earlier",
        ActionFilter(as_of=dt.date(2026, 11, 1), overdue=True),
        lambda r: False,
        0,
    ),
    (
        "due within 7 days",
        ActionFilter(as_of=AS_OF, due_within=7),
        lambda r: (
            r.status.is_open
            and r.due is not None
            and AS_OF <= r.due <= AS_OF + dt.timedelta(days=7)
        ),
        2,
    ),
    (
        "due within 13 days",
        ActionFilter(as_of=AS_OF, due_within=13),
        lambda r: (
            r.status.is_open
            and r.due is not None
            and AS_OF <= r.due <= AS_OF + dt.timedelta(days=13)
        ),
        4,
    ),
    ("due today", ActionFilter(as_of=AS_OF, due_within=0), lambda r: r.due == AS_OF, 0),
    ("owner", ActionFilter(as_of=AS_OF, owner="lam"), lambda r: "lam" in r.owner.lower(), 3),
    (
        "owner in capitals",
        ActionFilter(as_of=AS_OF, owner="PRIYA"),
        lambda r: "priya" in r.owner.lower(),
        2,
    ),
    (
        "agency",
        ActionFilter(as_of=AS_OF, agency="school"),
        lambda r: "school" in r.agency.lower(),
        2,
    ),
    (
        "agency of an ownerless action",
        ActionFilter(as_of=AS_OF, agency="GP"),
        lambda r: r.agency == "GP",
        1,
    ),
    ("case", ActionFilter(as_of=AS_OF, case="0412"), lambda r: "0412" in r.case_reference, 6),
    ("case demo", ActionFilter(as_of=AS_OF, case="demo"), lambda r: "DEMO" in r.case_reference, 5),
    (
        "done",
        ActionFilter(as_of=AS_OF, statuses=(ActionStatus.DONE,)),
        lambda r: r.status == ActionStatus.DONE,
        1,
    ),
    (
        "cancelled",
        ActionFilter(as_of=AS_OF, statuses=(ActionStatus.CANCELLED,)),
        lambda r: r.status == ActionStatus.CANCELLED,
        1,
    ),
    (
        "done or cancelled",
        ActionFilter(as_of=AS_OF, statuses=(ActionStatus.DONE, ActionStatus.CANCELLED)),
        lambda r: not r.status.is_open,
        2,
    ),
    (
        "in progress",
        ActionFilter(as_of=AS_OF, statuses=(ActionStatus.IN_PROGRESS,)),
        lambda r: r.status == ActionStatus.IN_PROGRESS,
        2,
    ),
    (
        "open",
        ActionFilter(as_of=AS_OF, statuses=(ActionStatus.OPEN,)),
        lambda r: r.status == ActionStatus.OPEN,
        7,
    ),
    ("open only", ActionFilter(as_of=AS_OF, open_only=True), lambda r: r.status.is_open, 9),
    (
        "description",
        ActionFilter(as_of=AS_OF, text="Mrs Turner"),
        lambda r: "Mrs Turner" in r.description,
        3,
    ),
    (
        "owner and overdue",
        ActionFilter(as_of=AS_OF, owner="lam", overdue=True),
        lambda r: "lam" in r.owner.lower() and r.overdue(AS_OF),
        1,
    ),
    (
        "a LIKE wildcard is plain text",
        ActionFilter(as_of=AS_OF, owner="%"),
        lambda r: "%" in r.owner,
        0,
    ),
]


@pytest.mark.parametrize(
    ("f", "expected", "count"),
    [pytest.param(f, p, n, id=name) for name, f, p, n in FILTERS],
)
def test_each_filter(tracker: Services, f: ActionFilter, expected: Predicate, count: int) -> None:
    rows = tracker.tracker.actions(f)
    assert _ids(rows) == {r.id for r in _everything(tracker) if expected(r)}
    assert len(rows) == count
    assert tracker.tracker.count(f) == count


def test_overdue_ignores_done_and_cancelled_actions(tracker: Services) -> None:
    overdue = tracker.tracker.actions(ActionFilter(as_of=AS_OF, overdue=True))
    descriptions = " ".join(r.description for r in overdue)
    assert "school counselling" not in descriptions  # done, though its due date passed
    assert "core group" not in descriptions  # cancelled
    assert all(r.status.is_open and r.due and r.due < AS_OF for r in overdue)
    assert tracker.tracker.overdue_count(AS_OF) == 4


def test_filter_by_conference(tracker: Services) -> None:
    for conference_id in tracker.store.conference_ids():
        rows = tracker.tracker.actions(ActionFilter(as_of=AS_OF, conference_id=conference_id))
        assert rows and {r.conference_id for r in rows} == {conference_id}


def _sort_key(sort: str) -> Callable[[ActionRow], object]:
    keys: dict[str, Callable[[ActionRow], object]] = {
        "due": lambda r: (r.due is None, r.due or dt.date.min),
        "status": lambda r: r.status.value,
        "owner": lambda r: r.owner.lower(),
        "agency": lambda r: r.agency.lower(),
        "case": lambda r: r.case_reference,
        "conference": lambda r: r.conference_date,
        "description": lambda r: r.description.lower(),
        "priority": lambda r: 0 if r.priority == Priority.HIGH else 1,
    }
    return keys[sort]


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("sort", SORT_KEYS)
def test_each_sort_in_both_directions(tracker: Services, sort: str, descending: bool) -> None:
    rows = tracker.tracker.actions(ActionFilter(as_of=AS_OF), sort=sort, descending=descending)
    by_id = sorted(rows, key=lambda r: r.id)
    # Ties stay in id order in both directions (Python's sort is stable, reversed or not).
    expected = sorted(by_id, key=_sort_key(sort), reverse=descending)
    assert [r.id for r in rows] == [r.id for r in expected]
    assert len(rows) == 11


def test_no_due_date_sorts_last_then_first(tracker: Services) -> None:
    ascending = tracker.tracker.actions(ActionFilter(as_of=AS_OF), sort="due")
    descending = tracker.tracker.actions(ActionFilter(as_of=AS_OF), sort="due", descending=True)
    assert ascending[-1].due is None
    assert descending[0].due is None


def test_pages_add_up_to_the_whole(tracker: Services) -> None:
    f = ActionFilter(as_of=AS_OF)
    whole = [r.id for r in tracker.tracker.actions(f, sort="owner")]
    pages = [
        r.id
        for offset in range(0, 11, 4)
        for r in tracker.tracker.actions(f, "owner", limit=4, offset=offset)
    ]
    assert pages == whole


def test_review_dates(tracker: Services) -> None:
    reviews = {r.case_reference: r for r in tracker.deadlines.review_dates()}
    assert set(reviews) == {"CS-2026-0412", "DEMO-FCPSU-2026-118"}
    demo = reviews["DEMO-FCPSU-2026-118"]
    conference = tracker.store.get_conference(demo.conference_id)
    assert demo.due == conference.next_review


# --- the files -------------------------------------------------------------------------------


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    marking, table = data.decode("utf-8-sig").split("\r\n", 1)
    assert marking.startswith("RESTRICTED")  # issue 12, finding 12
    return list(csv.DictReader(io.StringIO(table, newline="")))


def test_csv_of_every_action(tracker: Services) -> None:
    data = tracker.tracker.export(ActionFilter(as_of=AS_OF), "csv")
    rows = _csv_rows(data)
    header = data.decode("utf-8-sig").splitlines()[1]
    assert header == ",".join(COLUMNS)
    assert [int(r["id"]) for r in rows] == [r.id for r in _everything(tracker)]
    overdue = {int(r["id"]) for r in rows if r["overdue"] == "yes"}
    assert overdue == _ids(tracker.tracker.actions(ActionFilter(as_of=AS_OF, overdue=True)))
    assert {r["overdue"] for r in rows} == {"yes", "no"}
    done = next(r for r in rows if r["status"] == "done")
    assert done["completed"] == "2026-11-21"
    assert any("安排陳先生" in r["description"] for r in rows)
    ownerless = next(r for r in rows if r["agency"] == "GP")
    assert ownerless["due"] == "" and ownerless["owner"] == ""


def _row(**changes: object) -> ActionRow:
    values: dict[str, object] = {
        "id": 1,
        "conference_id": 1,
        "case_reference": "CASE-1",
        "conference_date": dt.date(2026, 11, 20),
        "description": "Do it",
        "owner": "Ann",
        "agency": "Agency",
        "due": dt.date(2026, 12, 1),
        "status": ActionStatus.OPEN,
        "priority": None,
        "completed_at": None,
        "updates": 0,
    }
    values.update(changes)
    return ActionRow(**values)  # type: ignore[arg-type]


def test_csv_text_is_never_a_formula() -> None:
    data = to_csv(
        [
            _row(description='=HYPERLINK("http://x")', owner="@ann"),
            _row(id=2, description="a\nb\x07c"),
        ],
        AS_OF,
    )
    rows = _csv_rows(data)
    assert rows[0]["description"] == '\'=HYPERLINK("http://x")'
    assert rows[0]["owner"] == "'@ann"
    # Issue 12 (finding 12) changes this: control characters no longer reach the file.
    assert rows[1]["description"] == "a\nb\ufffdc"


def test_xlsx_of_every_action(tracker: Services) -> None:
    data = tracker.tracker.export(ActionFilter(as_of=AS_OF), "xlsx")
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    # Issue 12 (finding 12): row 1 is the RESTRICTED marking, the header row 2.
    assert [c.value for c in ws[2]] == list(COLUMNS)
    assert all(c.font.bold for c in ws[2])
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == f"A2:K{len(_everything(tracker)) + 2}"
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in rows] == [r.id for r in _everything(tracker)]
    due = COLUMNS.index("due")
    assert isinstance(rows[0][due], dt.datetime) and rows[0][due].date() == dt.date(2026, 11, 27)
    overdue = COLUMNS.index("overdue")
    for line, values in enumerate(rows, start=3):
        red = ws.cell(row=line, column=1).fill.fgColor.rgb == "FFFFC7CE"
        assert red == (values[overdue] == "yes")


def test_xlsx_refused_characters_and_formulas_become_text() -> None:
    data = to_xlsx([_row(description="=1+1", owner="bad\x00\x1bname")], AS_OF)
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    assert ws["D3"].value == "=1+1" and ws["D3"].data_type == "s"
    assert ws["E3"].value == "bad\ufffd\ufffdname"
    assert xlsx_safe("tab\tand\nline") == "tab\tand\nline"


def test_ics_of_every_action_with_reviews(tracker: Services) -> None:
    data = tracker.tracker.export(ActionFilter(as_of=AS_OF), "ics")
    cal = Calendar.from_ical(data)
    assert str(cal["PRODID"]) == "-//MDCC Desktop//EN" and str(cal["VERSION"]) == "2.0"
    # Issue 12 (finding 12): UIDs carry the install's id; done and cancelled actions are left
    # out (they were listed as due).
    events = {str(e["UID"]).split(".")[0]: e for e in cal.walk("VEVENT")}
    dated = [r for r in _everything(tracker) if r.due is not None]
    left_out = [r for r in dated if not r.status.is_open]
    assert left_out
    dated = [r for r in dated if r.status.is_open]
    reviews = tracker.deadlines.review_dates()
    assert len(events) == len(dated) + len(reviews) == 10 - len(left_out) + 2
    for r in dated:
        event = events[f"action-{r.id}"]
        assert event.decoded("DTSTART") == r.due
        assert event.decoded("DTEND") == r.due + dt.timedelta(days=1)
        assert str(event["SUMMARY"]) == f"Due: {r.description} ({r.case_reference})"
        assert f"Owner: {r.owner}" in str(event["DESCRIPTION"])
    for review in reviews:
        assert events[f"review-{review.conference_id}"].decoded("DTSTART") == review.due


def test_ics_of_a_filter_holds_only_its_cases_reviews(tracker: Services) -> None:
    data = tracker.tracker.export(ActionFilter(as_of=AS_OF, case="DEMO"), "ics")
    uids = [str(e["UID"]) for e in Calendar.from_ical(data).walk("VEVENT")]
    assert sum(u.startswith("review-") for u in uids) == 1
    assert sum(u.startswith("action-") for u in uids) == 4  # the ownerless one has no due date


def test_ics_text_is_safe() -> None:
    data = to_ics(
        [_row(description="a, b; c\nd\x00e 陳")],
        [CalendarDate("review-9", "Review", dt.date(2027, 1, 1), "x\x1by")],
        stamp=dt.datetime(2026, 12, 5, 9, tzinfo=dt.UTC),
    )
    assert b"\x00" not in data and b"\x1b" not in data
    events = list(Calendar.from_ical(data).walk("VEVENT"))
    assert str(events[0]["SUMMARY"]) == "Due: a, b; c\nd\ufffde 陳 (CASE-1)"
    assert str(events[1]["DESCRIPTION"]) == "x\ufffdy"
    assert ics_safe("a\r\nb") == "a\nb"


def test_unknown_export_format(tracker: Services) -> None:
    from mdcc_desktop.domain.errors import ValidationError

    with pytest.raises(ValidationError, match="Unknown export format"):
        tracker.tracker.export(ActionFilter(as_of=AS_OF), "pdf")


# --- issue 12, finding 12: exports as records ---------------------------------------------------


def test_finding12_csv_holds_no_control_characters() -> None:
    nasty = "".join(chr(c) for c in range(32)) + "\x7f\x85\x9f end"
    data = to_csv([_row(description="a" + nasty, owner="NUL\x00here")], AS_OF)
    text = data.decode("utf-8-sig")
    # Only the CSV's own line breaks (CRLF) and the one line feed kept inside a quoted cell.
    assert not [ch for ch in text if (ord(ch) < 32 and ch not in "\r\n") or 0x7F <= ord(ch) <= 0x9F]
    rows = _csv_rows(data)
    assert rows[0]["owner"] == "NUL\ufffdhere"
    assert rows[0]["description"].startswith("a\ufffd") and rows[0]["description"].endswith(" end")


def test_finding12_csv_is_formula_safe_utf8_with_a_bom_and_a_restricted_first_line() -> None:
    data = to_csv(
        [
            _row(description="=1+1", owner="+44 20", agency="-2"),
            _row(id=2, description="@SUM(A1)", owner="\t=cmd", agency="陳 agency"),
        ],
        AS_OF,
    )
    assert data.startswith(b"\xef\xbb\xbf")
    first = data.decode("utf-8-sig").split("\r\n")[0]
    assert first.startswith("RESTRICTED")
    rows = _csv_rows(data)
    assert [rows[0][c] for c in ("description", "owner", "agency")] == ["'=1+1", "'+44 20", "'-2"]
    assert rows[1]["description"] == "'@SUM(A1)" and rows[1]["agency"] == "陳 agency"
    assert not rows[1]["owner"].startswith(("=", "\t"))  # a tab before = is no way round


def test_finding12_xlsx_is_marked_restricted_on_screen_and_on_paper() -> None:
    data = to_xlsx([_row()], AS_OF)
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    assert str(ws["A1"].value).startswith("RESTRICTED") and ws["A1"].font.bold
    assert "RESTRICTED" in (ws.oddHeader.center.text or "")
    assert "RESTRICTED" in (ws.oddFooter.center.text or "")
    assert [c.value for c in ws[2]] == list(COLUMNS)


def _events(data: bytes) -> dict[str, object]:
    return {str(e["UID"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def test_finding12_ics_uids_are_unique_across_installations(
    tracker: Services, tmp_path: Path
) -> None:
    from tests.conftest import open_services

    first = _events(tracker.tracker.export(ActionFilter(as_of=AS_OF), "ics"))
    again = _events(tracker.tracker.export(ActionFilter(as_of=AS_OF), "ics"))
    assert set(first) == set(again)  # the install id is kept in the data folder
    other = open_services(tmp_path / "other")
    try:
        load_demo(other.exchange)
        elsewhere = _events(other.tracker.export(ActionFilter(as_of=AS_OF), "ics"))
    finally:
        other.close()
    assert {u.split(".")[0] for u in elsewhere} & {u.split(".")[0] for u in first}
    assert not set(elsewhere) & set(first)  # same action ids, different installations


def test_finding12_ics_events_are_confidential_with_sequence_and_last_modified(
    tmp_path: Path,
) -> None:
    from mdcc_desktop.export.actions import CalendarState

    path = tmp_path / "calendar.json"
    monday = dt.datetime(2026, 12, 7, 9, tzinfo=dt.UTC)
    tuesday = monday + dt.timedelta(days=1)
    rows = [_row(), _row(id=2, description="Other")]
    one = _events(to_ics(rows, stamp=monday, state=CalendarState.load(path)))
    same = _events(to_ics(rows, stamp=tuesday, state=CalendarState.load(path)))
    moved = [_row(due=dt.date(2026, 12, 9)), _row(id=2, description="Other")]
    two = _events(to_ics(moved, stamp=tuesday, state=CalendarState.load(path)))
    assert set(one) == set(same) == set(two)
    for uid, event in one.items():
        assert str(event["CLASS"]) == "CONFIDENTIAL"  # type: ignore[index]
        assert int(event["SEQUENCE"]) == 0  # type: ignore[index]
        assert event.decoded("LAST-MODIFIED") == monday  # type: ignore[attr-defined]
        assert same[uid].decoded("LAST-MODIFIED") == monday  # type: ignore[attr-defined]
        assert int(same[uid]["SEQUENCE"]) == 0  # type: ignore[index]
    changed = next(u for u in two if u.startswith("action-1."))
    kept = next(u for u in two if u.startswith("action-2."))
    assert int(two[changed]["SEQUENCE"]) == 1  # type: ignore[index]
    assert two[changed].decoded("LAST-MODIFIED") == tuesday  # type: ignore[attr-defined]
    assert int(two[kept]["SEQUENCE"]) == 0  # type: ignore[index]
    assert "Other" not in path.read_text()  # the state keeps no text


def test_finding12_done_and_cancelled_actions_are_not_in_the_calendar_as_due() -> None:
    rows = [
        _row(id=1, status=ActionStatus.DONE),
        _row(id=2, status=ActionStatus.CANCELLED),
        _row(id=3, status=ActionStatus.IN_PROGRESS),
    ]
    uids = [u.split(".")[0] for u in _events(to_ics(rows))]
    assert uids == ["action-3"]
