"""The action tracker's rows as files other programs open: CSV, Excel and an iCalendar feed.

No Qt and no database here: callers pass the rows (and the review dates for the calendar) and
get bytes back, ready for :func:`mdcc_desktop.services.files.save_export` or stdout. "Overdue"
is always computed as of a date the caller gives, so that an export can be reproduced.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from icalendar import Calendar, Event
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from mdcc_desktop.domain.tracker import ActionRow

COLUMNS = (
    "id",
    "case",
    "conference_date",
    "description",
    "owner",
    "agency",
    "due",
    "status",
    "priority",
    "completed",
    "overdue",
)

PRODID = "-//MDCC Desktop//EN"
UID_DOMAIN = "mdcc-desktop"

# Excel's own limit for the text of one cell.
_XLSX_MAX_TEXT = 32767
_XLSX_WIDTHS = {
    "id": 7,
    "case": 22,
    "conference_date": 16,
    "description": 60,
    "owner": 22,
    "agency": 30,
    "due": 12,
    "status": 12,
    "priority": 10,
    "completed": 12,
    "overdue": 9,
}
_OVERDUE_FILL = PatternFill(fill_type="solid", start_color="FFFFC7CE", end_color="FFFFC7CE")

# A cell starting with one of these is run as a formula when a CSV file is opened in Excel.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# iCalendar text may not hold control characters other than tab and the (escaped) line break.
_ICS_ILLEGAL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class CalendarDate:
    """A dated event of a case that is not an action, such as its next review conference."""

    key: str  # unique and stable across exports: becomes the event's UID
    summary: str
    day: dt.date
    description: str = ""


def completed_date(row: ActionRow) -> dt.date | None:
    """The local day an action was completed on."""
    return row.completed_at.astimezone().date() if row.completed_at else None


def row_values(row: ActionRow, as_of: dt.date) -> dict[str, object]:
    """One row's values by column, as Python objects (dates stay dates)."""
    return {
        "id": row.id,
        "case": row.case_reference,
        "conference_date": row.conference_date,
        "description": row.description,
        "owner": row.owner,
        "agency": row.agency,
        "due": row.due,
        "status": row.status.value,
        "priority": row.priority.value if row.priority else "",
        "completed": completed_date(row),
        "overdue": "yes" if row.overdue(as_of) else "no",
    }


# --- CSV ---------------------------------------------------------------------------------------


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    return str(value)


def to_csv(rows: Iterable[ActionRow], as_of: dt.date) -> bytes:
    """A header row then one line per action; UTF-8 with a BOM so that Excel reads Chinese.

    Text that Excel would run as a formula (starting with =, +, -, @) gets a leading apostrophe.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        values = row_values(row, as_of)
        writer.writerow([_csv_text(values[c]) for c in COLUMNS])
    return buffer.getvalue().encode("utf-8-sig", "surrogatepass")


# --- Excel -------------------------------------------------------------------------------------


def xlsx_safe(text: str) -> str:
    """Text openpyxl accepts: refused control characters become U+FFFD, cut to Excel's limit."""
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if len(text) > _XLSX_MAX_TEXT:
        text = text[: _XLSX_MAX_TEXT - 1] + "…"
    return text


def to_xlsx(rows: Iterable[ActionRow], as_of: dt.date, title: str = "Actions") -> bytes:
    """A workbook with one sheet: bold frozen header, real dates, overdue rows in light red."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = xlsx_safe(title)[:31] or "Actions"
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    count = 0
    for count, row in enumerate(rows, start=1):
        values = row_values(row, as_of)
        line = count + 1
        for col, name in enumerate(COLUMNS, start=1):
            value = values[name]
            cell = ws.cell(row=line, column=col)
            if isinstance(value, str):
                cell.value = xlsx_safe(value)
                cell.data_type = "s"  # never a formula, whatever the text starts with
            else:
                cell.value = value
                if isinstance(value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
            if row.overdue(as_of):
                cell.fill = _OVERDUE_FILL
    for col, name in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = _XLSX_WIDTHS[name]
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{count + 1}"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# --- iCalendar ---------------------------------------------------------------------------------


def ics_safe(text: str) -> str:
    """Text a calendar accepts: control characters become U+FFFD, line breaks are kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ICS_ILLEGAL_RE.sub("\ufffd", text)
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _all_day(uid: str, summary: str, day: dt.date, description: str, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    if day < dt.date.max:
        event.add("dtend", day + dt.timedelta(days=1))
    # else (31 Dec 9999): no end, which RFC 5545 (3.6.1) reads as one day for a DATE start
    event.add("summary", ics_safe(summary))
    if description:
        event.add("description", ics_safe(description))
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
    return event


def action_uid(action_id: int) -> str:
    return f"action-{action_id}@{UID_DOMAIN}"


def to_ics(
    rows: Iterable[ActionRow],
    dates: Sequence[CalendarDate] = (),
    stamp: dt.datetime | None = None,
    name: str = "MDCC actions",
) -> bytes:
    """One all-day event per action with a due date and one per extra date (reviews).

    UIDs are stable (``action-<id>@mdcc-desktop``) so that importing again updates the events
    rather than duplicating them.
    """
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", ics_safe(name))
    for row in rows:
        if row.due is None:
            continue
        details = [
            f"Owner: {row.owner or '—'}",
            f"Agency: {row.agency or '—'}",
            f"Status: {row.status.value}",
        ]
        if row.priority:
            details.append(f"Priority: {row.priority.value}")
        details.append(f"Case: {row.case_reference} (conference {row.conference_date})")
        cal.add_component(
            _all_day(
                action_uid(row.id),
                f"Due: {row.description} ({row.case_reference})",
                row.due,
                "\n".join(details),
                stamp,
            )
        )
    for extra in dates:
        cal.add_component(
            _all_day(
                f"{extra.key}@{UID_DOMAIN}", extra.summary, extra.day, extra.description, stamp
            )
        )
    return bytes(cal.to_ical())
