"""``mdcc log`` (the disclosure log) and ``mdcc verify`` (every check of the database).

``verify`` runs SQLite's full integrity check, the foreign-key check and the disclosure log's
hash chain; it exits 0 when all pass and 2 naming each problem otherwise (a changed log entry,
a damaged page). Like every command module, it imports the services inside the commands.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mdcc_desktop.services.context import Services

EXIT_OK = 0
EXIT_PROBLEM = 2


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "log",
        parents=[common],
        help="the disclosure log: what was shared, with whom, when and why",
        description="Every export and issue of a conference's record (minutes, letter, exchange "
        "file, CSV, Excel, calendar, PDF, e-mail draft), circulation, finalisation and "
        "reopening, oldest first, with the state of the log's hash chain.",
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(run=cmd_log)
    p = sub.add_parser(
        "verify",
        parents=[common],
        help="check the database: integrity, foreign keys and the disclosure log's chain",
        description="Run SQLite's integrity check, the foreign-key check and the disclosure "
        "log's hash chain. Exit 0 when all pass, 2 naming each problem.",
    )
    p.set_defaults(run=cmd_verify)


def _safe(text: str) -> str:
    """Text for a terminal: control characters shown, not obeyed."""
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)


def _out(text: str) -> None:
    sys.stdout.buffer.write(text.encode("utf-8", "backslashreplace"))
    sys.stdout.flush()


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def cmd_log(services: Services, args: argparse.Namespace) -> int:
    from mdcc_desktop.services.disclosure import entry_json

    log = services.disclosure
    entries = log.entries()
    references = log.case_references(entries)
    problem = log.chain_problem(entries)
    if args.format == "json":
        doc = {
            "chain": "intact" if problem is None else str(problem),
            "entries": [entry_json(e, references.get(e.conference_id or 0)) for e in entries],
        }
        _out(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    lines = ["ID\tWHEN\tWHAT\tCOPY\tCONFERENCE\tTO WHOM\tWHERE\tWHY\tBY"]
    for e in entries:
        conference = ""
        if e.conference_id is not None:
            reference = references.get(e.conference_id)
            conference = f"{e.conference_id} {reference}" if reference else str(e.conference_id)
        what = e.kind.value + (" (reporter's identity)" if e.with_reporter_identity else "")
        values = [
            str(e.id),
            e.at.astimezone().isoformat(timespec="seconds"),
            what,
            e.copy or "",
            conference,
            e.recipient or "",
            e.target or "",
            e.reason or "",
            e.by,
        ]
        lines.append("\t".join(_safe(v) for v in values))
    if not entries:
        lines.append("(nothing has been shared yet)")
    _out("\n".join(lines) + "\n")
    # The log is shown whatever its state; `mdcc verify` is the check that fails.
    _err("The log's chain is intact." if problem is None else f"mdcc: log: warning: {problem}")
    return EXIT_OK


def cmd_verify(services: Services, args: argparse.Namespace) -> int:
    problems = services.disclosure.verify()
    for problem in problems:
        _err(f"mdcc: verify: {problem}")
    if problems:
        return EXIT_PROBLEM
    count = len(services.disclosure.entries())
    _err(
        "All checks passed: the database is whole (integrity, foreign keys) and the disclosure "
        f"log's chain of {count} entr{'y' if count == 1 else 'ies'} is intact."
    )
    return EXIT_OK
