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
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_of_every_action(tracker: Services) -> None:
    data = tracker.tracker.export(ActionFilter(as_of=AS_OF), "csv")
    rows = _csv_rows(data)
    header = data.decode("utf-8-sig").splitlines()[0]
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


def test_csv_text_is_never_a_formula_and_keeps_control_characters() -> None:
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
    assert rows[1]["description"] == "a\nb\x07c"


def test_xlsx_of_every_action(tracker: Services) -> None:
    data = tracker.tracker.export(ActionFilter(as_of=AS_OF), "xlsx")
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    assert [c.value for c in ws[1]] == list(COLUMNS)
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:K{len(_everything(tracker)) + 1}"
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [r.id for r in _everything(tracker)]
    due = COLUMNS.index("due")
    assert isinstance(rows[0][due], dt.datetime) and rows[0][due].date() == dt.date(2026, 11, 27)
    overdue = COLUMNS.index("overdue")
    for line, values in enumerate(rows, start=2):
        red = ws.cell(row=line, column=1).fill.fgColor.rgb == "FFFFC7CE"
        assert red == (values[overdue] == "yes")


def test_xlsx_refused_characters_and_formulas_become_text() -> None:
    data = to_xlsx([_row(description="=1+1", owner="bad\x00\x1bname")], AS_OF)
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    assert ws["D2"].value == "=1+1" and ws["D2"].data_type == "s"
    assert ws["E2"].value == "bad\ufffd\ufffdname"
    assert xlsx_safe("tab\tand\nline") == "tab\tand\nline"


def test_ics_of_every_action_with_reviews(tracker: Services) -> None:
    data = tracker.tracker.export(ActionFilter(as_of=AS_OF), "ics")
    cal = Calendar.from_ical(data)
    assert str(cal["PRODID"]) == "-//MDCC Desktop//EN" and str(cal["VERSION"]) == "2.0"
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    dated = [r for r in _everything(tracker) if r.due is not None]
    reviews = tracker.deadlines.review_dates()
    assert len(events) == len(dated) + len(reviews) == 10 + 2
    for r in dated:
        event = events[f"action-{r.id}@mdcc-desktop"]
        assert event.decoded("DTSTART") == r.due
        assert event.decoded("DTEND") == r.due + dt.timedelta(days=1)
        assert str(event["SUMMARY"]) == f"Due: {r.description} ({r.case_reference})"
        assert f"Owner: {r.owner}" in str(event["DESCRIPTION"])
    for review in reviews:
        assert (
            events[f"review-{review.conference_id}@mdcc-desktop"].decoded("DTSTART") == review.due
        )


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
