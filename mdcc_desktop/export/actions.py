"""The action tracker's rows as files other programs open: CSV, Excel and an iCalendar feed.

No Qt and no database here: callers pass the rows (and the review dates for the calendar) and
get bytes back, ready for :func:`mdcc_desktop.services.files.save_export` or stdout. "Overdue"
is always computed as of a date the caller gives, so that an export can be reproduced.

Each file is a record that leaves the app, so each says what it is: the CSV's first line and the
workbook's first row, page header and footer say RESTRICTED; calendar events are
CLASS:CONFIDENTIAL. Text is made safe for the program that opens it: no control characters, and
nothing a spreadsheet would run as a formula. Calendar events have UIDs unique to this
installation (a random id kept in the data folder, :class:`CalendarState`), so two chairs'
"action 12" never overwrite each other in one calendar, and a SEQUENCE and LAST-MODIFIED that
move when an event changes. Done and cancelled actions are left out of the calendar (a VEVENT
has no "completed" status; a calendar subscribed to the file drops them at its next refresh).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

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
MARKING = "RESTRICTED: personal information about children; do not forward or share it."
SHEET_MARKING = "RESTRICTED"

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
# Control characters (C0 but the line feed, DEL, C1) a CSV cell must not carry.
_CSV_CONTROL_RE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
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


def csv_safe(text: str) -> str:
    """Text for a CSV cell: line breaks become LF, a tab a space, any other control character
    U+FFFD (visible), and text a spreadsheet would run as a formula (=, +, -, @) gets a leading
    apostrophe."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CSV_CONTROL_RE.sub("\ufffd", text)
    text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return csv_safe(value)
    return str(value)


def to_csv(rows: Iterable[ActionRow], as_of: dt.date, marking: str = MARKING) -> bytes:
    """The marking line, a header row, then one line per action; UTF-8 with a BOM so that
    Excel reads Chinese. Cells are :func:`csv_safe`."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_safe(marking)])
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


HEADER_ROW = 2  # row 1 is the RESTRICTED marking


def to_xlsx(
    rows: Iterable[ActionRow], as_of: dt.date, title: str = "Actions", marking: str = MARKING
) -> bytes:
    """A workbook with one sheet: the marking in row 1 and in every printed page's header,
    a bold frozen header row, real dates, overdue rows in light red."""
    wb = Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = "MDCC Desktop"
    wb.properties.title = "MDCC actions"
    wb.properties.category = SHEET_MARKING
    ws = wb.active
    assert ws is not None
    ws.title = xlsx_safe(title)[:31] or "Actions"
    ws.cell(row=1, column=1, value=xlsx_safe(marking)).font = Font(bold=True, color="FFB00020")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    for page in (ws.oddHeader, ws.evenHeader, ws.firstHeader):
        page.center.text = SHEET_MARKING
        page.center.font = "Calibri,Bold"
    for page in (ws.oddFooter, ws.evenFooter, ws.firstFooter):
        page.center.text = SHEET_MARKING + " · Page &P of &N"
    for col, name in enumerate(COLUMNS, start=1):
        ws.cell(row=HEADER_ROW, column=col, value=name).font = Font(bold=True)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    count = 0
    for count, row in enumerate(rows, start=1):
        values = row_values(row, as_of)
        line = count + HEADER_ROW
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
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(COLUMNS))}{count + HEADER_ROW}"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# --- iCalendar ---------------------------------------------------------------------------------


def ics_safe(text: str) -> str:
    """Text a calendar accepts: control characters become U+FFFD, line breaks are kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ICS_ILLEGAL_RE.sub("\ufffd", text)
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


@dataclass
class CalendarState:
    """What makes calendar events records: a random id of this installation (in every UID) and,
    per event, a fingerprint of its content, its SEQUENCE and when it last changed.

    Kept as a small JSON file in the data folder (:meth:`load`, :meth:`save`): action and
    conference ids and keyed hashes only, no names or text."""

    install_id: str = field(default_factory=lambda: secrets.token_hex(16))
    events: dict[str, list[object]] = field(default_factory=dict)  # key: [hash, seq, modified]
    path: Path | None = None

    @classmethod
    def load(cls, path: Path) -> CalendarState:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            install = str(data["install_id"])
            if not re.fullmatch(r"[0-9a-f]{32}", install):
                raise ValueError(install)
            return cls(install, dict(data.get("events", {})), path)
        except (OSError, ValueError, KeyError, TypeError):
            return cls(path=path)  # first export (or a damaged file): a new id

    def save(self) -> None:
        if self.path is None:
            return
        data = json.dumps({"install_id": self.install_id, "events": self.events}, indent=1)
        temporary = self.path.with_name(self.path.name + ".tmp")
        with contextlib.suppress(OSError):  # the export is still right; only the next SEQUENCE
            temporary.write_text(data, encoding="utf-8")
            os.replace(temporary, self.path)

    def uid(self, key: str) -> str:
        return f"{key}.{self.install_id}@{UID_DOMAIN}"

    def revision(self, key: str, content: str, stamp: dt.datetime) -> tuple[int, dt.datetime]:
        """The SEQUENCE and LAST-MODIFIED of event ``key`` now that its content is ``content``."""
        digest = hashlib.blake2b(
            content.encode("utf-8", "surrogatepass"),
            key=bytes.fromhex(self.install_id),
            digest_size=12,
        ).hexdigest()
        known = self.events.get(key)
        if known is not None and known[0] == digest:
            try:
                return int(str(known[1])), dt.datetime.fromisoformat(str(known[2]))
            except ValueError:
                pass
        sequence = int(str(known[1])) + 1 if known is not None else 0
        self.events[key] = [digest, sequence, stamp.isoformat()]
        return sequence, stamp


def _all_day(
    state: CalendarState,
    key: str,
    *,
    summary: str,
    day: dt.date,
    description: str,
    stamp: dt.datetime,
) -> Event:
    summary, description = ics_safe(summary), ics_safe(description)
    sequence, modified = state.revision(key, f"{day}\n{summary}\n{description}", stamp)
    event = Event()
    event.add("uid", state.uid(key))
    event.add("dtstamp", stamp)
    event.add("last-modified", modified)
    event.add("sequence", sequence)
    event.add("class", "CONFIDENTIAL")
    event.add("dtstart", day)
    if day < dt.date.max:
        event.add("dtend", day + dt.timedelta(days=1))
    # else (31 Dec 9999): no end, which RFC 5545 (3.6.1) reads as one day for a DATE start
    event.add("summary", summary)
    if description:
        event.add("description", description)
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
    return event


def action_key(action_id: int) -> str:
    return f"action-{action_id}"


def to_ics(
    rows: Iterable[ActionRow],
    dates: Sequence[CalendarDate] = (),
    stamp: dt.datetime | None = None,
    name: str = "MDCC actions",
    state: CalendarState | None = None,
) -> bytes:
    """One all-day event per open action with a due date and one per extra date (reviews).

    UIDs are ``action-<id>.<install id>@mdcc-desktop``: importing again updates the events
    rather than duplicating them, and no other installation's event has the same UID. Without
    a ``state`` (kept by the caller in the data folder) the install id is new each time.
    """
    state = state or CalendarState()
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", ics_safe(name))
    for row in rows:
        if row.due is None or not row.status.is_open:
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
                state,
                action_key(row.id),
                summary=f"Due: {row.description} ({row.case_reference})",
                day=row.due,
                description="\n".join(details),
                stamp=stamp,
            )
        )
    for extra in dates:
        cal.add_component(
            _all_day(
                state,
                extra.key,
                summary=extra.summary,
                day=extra.day,
                description=extra.description,
                stamp=stamp,
            )
        )
    state.save()
    return bytes(cal.to_ical())
