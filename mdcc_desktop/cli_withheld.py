"""``mdcc withheld ID``: what the parents' copy of a conference's minutes (and its outcome
letter) leaves out, each part numbered as the full copy prints it, with the reason."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from mdcc_desktop.cli import EXIT_OK, _cell, _id, _out

if TYPE_CHECKING:
    from mdcc_desktop.services.context import Services
    from mdcc_desktop.services.withheld_parts import WithheldPart

PART_WORDS = {
    "agenda_item": "agenda item",
    "decision": "decision",
    "action": "action",
    "report": "report",
    "exclusion": "exclusion",
}


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "withheld",
        parents=[common],
        help="list what the parents' copy of a conference leaves out, and why",
        description="List the parts of a conference's full minutes that the parents' copy and "
        "the outcome letter leave out (restricted items and decisions, what was discussed "
        "while a parent or carer was out of the room, what follows from them, reports not "
        "shared, exclusion records), numbered as the full copy numbers them.",
    )
    p.add_argument("id", type=_id, metavar="ID")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(run=cmd_withheld)


def cmd_withheld(services: Services, args: argparse.Namespace) -> int:
    parts = services.minutes.withheld_parts(args.id)
    if args.format == "json":
        _out(json.dumps(as_json(parts), ensure_ascii=False, indent=2) + "\n")
    else:
        _out(as_table(parts))
    return EXIT_OK


def _part(part: WithheldPart) -> str:
    words = PART_WORDS[part.kind.value]
    return f"{words} {part.number}" if part.number is not None else words


def as_json(parts: list[WithheldPart]) -> list[dict[str, Any]]:
    from mdcc_desktop.services.withheld_parts import reason_words

    return [
        {
            "kind": p.kind.value,
            "number": p.number,
            "title": p.title,
            "reason": p.reason.value,
            "follows": p.follows,
            "why": reason_words(p),
        }
        for p in parts
    ]


def as_table(parts: list[WithheldPart]) -> str:
    from mdcc_desktop.services.withheld_parts import reason_words

    if not parts:
        return "Nothing is left out of the parents' copy.\n"
    columns = (("PART", 15), ("WHAT", 44), ("WHY", 60))
    lines = ["  ".join(_cell(name, width) for name, width in columns).rstrip()]
    for p in parts:
        row = (_part(p), p.title, reason_words(p))
        lines.append(
            "  ".join(_cell(v, w) for v, (_, w) in zip(row, columns, strict=True)).rstrip()
        )
    return "\n".join(lines) + "\n"
