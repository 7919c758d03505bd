"""``mdcc versions ID``: a conference's issued versions, circulation and amendments, and any
issued version written out again byte for byte (``--save N -o FILE``)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mdcc_desktop.cli import EXIT_OK, _cell, _err, _id, _out, _safe

if TYPE_CHECKING:
    from mdcc_desktop.domain.versions import History
    from mdcc_desktop.services.context import Services


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "versions",
        parents=[common],
        help="list a conference's issued versions, circulation and amendments",
        description="List the versions of a conference's minutes and letters that were issued, "
        "who was given which and how, and the amendments asked for; or write an issued "
        "version out again, byte for byte (--save N -o FILE).",
    )
    p.add_argument("id", type=_id, metavar="ID")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--save", type=_id, metavar="N", help="write issued version N to -o FILE")
    p.add_argument("--copy", choices=("full", "parent", "letter"), help="which copy of N")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="where --save writes")
    p.set_defaults(run=cmd_versions)


def cmd_versions(services: Services, args: argparse.Namespace) -> int:
    from mdcc_desktop.domain.errors import ValidationError
    from mdcc_desktop.domain.messages import msg
    from mdcc_desktop.domain.versions import DocumentCopy

    if args.save is not None:
        if args.output is None:
            raise ValidationError(msg("save_needs_output"))
        copy = DocumentCopy(args.copy) if args.copy else None
        version = services.minutes.save_version(args.id, args.save, args.output, copy)
        _err(
            f"Wrote version {version.number} ({version.copy.value}) of conference {args.id} "
            f"to {args.output} (SHA-256 {version.sha256})."
        )
        return EXIT_OK
    history = services.minutes.history(args.id)
    if args.format == "json":
        _out(json.dumps(as_json(history), ensure_ascii=False, indent=2) + "\n")
    else:
        _out(as_table(history))
    return EXIT_OK


def as_json(history: History) -> dict[str, Any]:
    return {
        "versions": [
            {
                "number": v.number,
                "copy": v.copy.value,
                "status": v.status.value,
                "template": v.template,
                "issued_at": v.issued_at.isoformat(),
                "sha256": v.sha256,
                "size": v.size,
                "kept": v.kept,
            }
            for v in history.versions
        ],
        "circulation": [
            {
                "at": c.at.isoformat(),
                "recipient": c.recipient,
                "copy": c.copy.value,
                "version": c.version_number,
                "delivery": c.delivery.value,
            }
            for c in history.circulation
        ],
        "amendments": [
            {
                "requested_at": a.requested_at.isoformat(),
                "requested_by": a.requested_by,
                "request": a.request,
                "accepted": a.accepted,
                "ruling": a.ruling,
                "ruled_at": a.ruled_at.isoformat() if a.ruled_at else None,
            }
            for a in history.amendments
        ],
        "log": [{"at": at.isoformat(), "kind": kind, "detail": d} for at, kind, d in history.log],
    }


def _table(columns: list[tuple[str, int]], rows: list[list[str]], empty: str) -> list[str]:
    lines = ["  ".join(_cell(name, w) for name, w in columns).rstrip()]
    lines += [
        "  ".join(_cell(v, w) for v, (_, w) in zip(row, columns, strict=True)).rstrip()
        for row in rows
    ]
    return lines if rows else [*lines, empty]


def as_table(history: History) -> str:
    lines = ["Versions issued"]
    lines += _table(
        [("N", 3), ("COPY", 7), ("STATUS", 7), ("TEMPLATE", 12), ("ISSUED", 16), ("SHA-256", 16)],
        [
            [
                str(v.number),
                v.copy.value,
                v.status.value,
                v.template or "-",
                v.issued_at.strftime("%Y-%m-%d %H:%M"),
                v.sha256[:16] if v.kept else v.sha256[:12] + " (not kept)",
            ]
            for v in history.versions
        ],
        "(none issued yet: `mdcc minutes ID -o FILE --issue`)",
    )
    lines += ["", "Circulation"]
    lines += _table(
        [("WHEN", 16), ("RECIPIENT", 28), ("COPY", 7), ("N", 3), ("HOW", 8)],
        [
            [
                c.at.strftime("%Y-%m-%d %H:%M"),
                c.recipient,
                c.copy.value,
                str(c.version_number or "-"),
                "by hand" if c.delivery.value == "hand" else "e-mail",
            ]
            for c in history.circulation
        ],
        "(not circulated)",
    )
    lines += ["", "Amendments"]
    lines += _table(
        [("ASKED", 16), ("BY", 20), ("REQUEST", 40), ("RULING", 10)],
        [
            [
                a.requested_at.strftime("%Y-%m-%d %H:%M"),
                a.requested_by,
                a.request,
                "pending" if a.accepted is None else ("accepted" if a.accepted else "declined"),
            ]
            for a in history.amendments
        ],
        "(none asked for)",
    )
    lines += ["", "Log"]
    lines += [
        _safe(f"{at.strftime('%Y-%m-%d %H:%M')}  {kind}  {detail}".rstrip())
        for at, kind, detail in history.log
    ] or ["(empty)"]
    return "\n".join(lines) + "\n"
