"""``mdcc actions`` and ``mdcc deadlines``: the follow-up after the meeting on the command line,
each action of every conference (filtered, sorted, or exported as CSV, Excel, a calendar or
JSON) and each case's deadlines from its latest conference; ``--as-of`` makes "overdue"
reproducible."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mdcc_desktop.cli import EXIT_OK, _cell, _date, _days, _err, _filter, _out, _out_bytes
from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.models import ActionStatus
from mdcc_desktop.domain.tracker import SORT_KEYS, ActionFilter, ActionRow

if TYPE_CHECKING:
    from mdcc_desktop.services.context import Services


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "actions",
        parents=[common],
        help="list or export the actions of every conference",
        description="List the actions of every conference, filtered (filters combine with AND), "
        "or export them. CSV is UTF-8 with a byte-order mark (for Excel); the calendar (ics) "
        "also holds the review dates of the cases it covers.",
    )
    p.add_argument("--overdue", action="store_true", help="open actions past their due date")
    p.add_argument("--due-within", type=_days, metavar="N", help="open actions due in N days")
    p.add_argument(
        "--owner", type=_filter, default="", metavar="NAME", help="part of the owner's name"
    )
    p.add_argument(
        "--agency", type=_filter, default="", metavar="TEXT", help="part of the owner's agency"
    )
    p.add_argument(
        "--case", type=_filter, default="", metavar="REF", help="part of the case reference"
    )
    p.add_argument(
        "--status",
        action="append",
        choices=[s.value for s in ActionStatus],
        default=[],
        help="only this status (repeat for several)",
    )
    p.add_argument("--sort", choices=SORT_KEYS, default="due")
    p.add_argument("--descending", action="store_true")
    p.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD", help="the day (default today)")
    p.add_argument("--format", choices=("table", "csv", "json", "xlsx", "ics"), default="table")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here, not stdout")
    p.set_defaults(run=cmd_actions)

    p = sub.add_parser(
        "deadlines", parents=[common], help="each case's deadlines from its latest conference"
    )
    p.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD", help="the day (default today)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(run=cmd_deadlines)


def _iso(day: dt.date | dt.datetime | None) -> str | None:
    return day.isoformat() if day is not None else None


def _action_json(r: ActionRow, as_of: dt.date) -> dict[str, Any]:
    return {
        "id": r.id,
        "conference_id": r.conference_id,
        "case_reference": r.case_reference,
        "conference_date": r.conference_date.isoformat(),
        "description": r.description,
        "owner": r.owner,
        "agency": r.agency,
        "due": _iso(r.due),
        "status": r.status.value,
        "priority": r.priority.value if r.priority else None,
        "completed_at": _iso(r.completed_at),
        "updates": r.updates,
        "overdue": r.overdue(as_of),
    }


def _actions_table(rows: list[ActionRow], as_of: dt.date) -> str:
    columns = [
        ("ID", 5),
        ("CASE", 20),
        ("DUE", 10),
        ("STATUS", 11),
        ("OVERDUE", 7),
        ("OWNER", 18),
        ("AGENCY", 20),
        ("DESCRIPTION", 48),
    ]
    lines = ["  ".join(_cell(name, w) for name, w in columns).rstrip()]
    for r in rows:
        values = [
            str(r.id),
            r.case_reference,
            _iso(r.due) or "-",
            r.status.value,
            "yes" if r.overdue(as_of) else "",
            r.owner,
            r.agency,
            " ".join(r.description.split()),
        ]
        lines.append(
            "  ".join(_cell(v, w) for v, (_, w) in zip(values, columns, strict=True)).rstrip()
        )
    if not rows:
        lines.append("(no actions match)")
    return "\n".join(lines) + "\n"


def cmd_actions(services: Services, args: argparse.Namespace) -> int:
    from mdcc_desktop.services.files import save_export

    as_of: dt.date = args.as_of or dt.date.today()
    if args.due_within is not None and (dt.date.max - as_of).days < args.due_within:
        raise ValidationError(
            f"--due-within {args.due_within} from {as_of.isoformat()} goes past the year 9999"
        )
    f = ActionFilter(
        as_of=as_of,
        statuses=tuple(ActionStatus(s) for s in dict.fromkeys(args.status)),
        overdue=args.overdue,
        due_within=args.due_within,
        owner=args.owner,
        agency=args.agency,
        case=args.case,
    )
    target: Path | None = args.output
    if args.format == "xlsx" and target is None:
        raise ValidationError(
            "--format xlsx writes a file: give it with -o FILE.xlsx (a workbook cannot go to the "
            "terminal)"
        )
    if args.format in ("csv", "xlsx", "ics"):
        if target is not None:
            services.tracker.export_file(f, args.format, target, args.sort, args.descending)
            _err(f"Exported the actions to {target}.")
            return EXIT_OK
        data = services.tracker.export(f, args.format, args.sort, args.descending)
    else:
        rows = services.tracker.actions(f, args.sort, args.descending)
        if args.format == "json":
            text = json.dumps([_action_json(r, as_of) for r in rows], ensure_ascii=False, indent=2)
            data = (text + "\n").encode("utf-8", "backslashreplace")
        else:
            data = _actions_table(rows, as_of).encode("utf-8", "backslashreplace")
    if target is None:
        _out_bytes(data)
        if args.format in ("csv", "xlsx", "ics"):
            from mdcc_desktop.services.disclosure import STDOUT

            services.tracker.disclosed(f, args.format, STDOUT, data)
        return EXIT_OK
    save_export(target, data, f"actions.{'txt' if args.format == 'table' else args.format}")
    _err(f"Exported the actions to {target}.")
    return EXIT_OK


def cmd_deadlines(services: Services, args: argparse.Namespace) -> int:
    as_of: dt.date = args.as_of or dt.date.today()
    cases = services.deadlines.case_deadlines()
    if args.format == "json":
        doc = [
            {
                "case_reference": c.case_reference,
                "conference_id": c.conference_id,
                "conference_date": c.conference_date.isoformat(),
                "conference_type": c.conference_type,
                "deadlines": [
                    {
                        "key": d.key,
                        "label": d.label,
                        "due": _iso(d.due),
                        "done": _iso(d.done),
                        "overdue": d.overdue(as_of),
                        "unknown_reason": d.unknown_reason,
                    }
                    for d in c.deadlines
                ],
            }
            for c in cases
        ]
        _out(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    columns = [
        ("CASE", 20),
        ("CONF", 5),
        ("HELD", 10),
        ("TYPE", 9),
        ("DEADLINE", 44),
        ("DUE", 10),
        ("STATE", 16),
    ]
    lines = ["  ".join(_cell(name, w) for name, w in columns).rstrip()]
    for c in cases:
        for d in c.deadlines:
            if d.done is not None:
                state = f"done {d.done.isoformat()}"
            elif d.due is None:
                state = f"unknown: {d.unknown_reason}"
            else:
                state = "overdue" if d.overdue(as_of) else "due"
            values = [
                c.case_reference,
                str(c.conference_id),
                c.conference_date.isoformat(),
                c.conference_type,
                d.label,
                d.due_text(),
            ]
            cells = [_cell(v, w) for v, (_, w) in zip(values, columns, strict=False)]
            lines.append("  ".join([*cells, state]).rstrip())  # the state (a reason) is not cut
    if not cases:
        lines.append("(no conferences yet: try `mdcc demo` or `mdcc import FILE`)")
    _out("\n".join(lines) + "\n")
    return EXIT_OK
