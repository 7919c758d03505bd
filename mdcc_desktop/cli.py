"""The ``mdcc`` command line: scriptable import, export and listing of conferences.

Output is stable for scripts: ``import`` prints the new conference id alone on its last stdout
line; messages go to stderr; ``actions`` and ``deadlines`` take ``--as-of`` so that "overdue"
is reproducible. Exit codes: 0 done, 2 the input or the environment is at fault
(an invalid file, an unknown id, a read-only folder: the message says which), 1 a bug (logged,
shown as one line, never a traceback).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import logging
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mdcc_desktop import __version__, bootstrap
from mdcc_desktop.domain.errors import MdccError, NotFoundError, ValidationError
from mdcc_desktop.domain.models import CopyKind
from mdcc_desktop.domain.text import MAX_FILTER_CHARS
from mdcc_desktop.logs import crash_report
from mdcc_desktop.paths import ENV_DATA_DIR, data_dir_argument

if TYPE_CHECKING:
    from mdcc_desktop.services.context import Services

# Only what parsing the arguments needs is imported above: the services (and the database,
# Word, spreadsheet and calendar libraries behind them) are imported by the command that uses
# them, so `mdcc --version` and `mdcc COMMAND --help` start at once.

log = logging.getLogger("mdcc_desktop.cli")

EXIT_OK = 0
EXIT_BUG = 1
EXIT_USER = 2

# A command run from a script waits its turn behind other writers (other commands, the GUI's
# saves) for up to a minute before it gives up with "in use"; the GUI waits 5 s.
CLI_BUSY_TIMEOUT_MS = 60_000

# Modules that add commands: each has ``add_commands(sub, common)``, which adds its parsers
# with ``set_defaults(run=...)``. They are imported to build the parser, so they import only
# what parsing needs (the services inside the command), as this module does.
COMMAND_MODULES: tuple[str, ...] = (
    "mdcc_desktop.cli_followup",
    "mdcc_desktop.cli_records",
    "mdcc_desktop.cli_versions",
    "mdcc_desktop.cli_backup",
    "mdcc_desktop.cli_withheld",
    "mdcc_desktop.cli_letter",
)


class _Parser(argparse.ArgumentParser):
    """Usage errors exit with 2 and a one-line reason, like every other user error."""

    def error(self, message: str) -> Any:  # argparse's own exit code for usage errors is 2 too
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        type=data_dir_argument,
        default=argparse.SUPPRESS,
        help=f"where the database lives (default: ${ENV_DATA_DIR}, else the user data folder)",
    )
    common.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="read the data folder's passphrase from the first line of FILE "
        "(else $MDCC_PASSPHRASE, else a prompt on a terminal)",
    )
    parser = _Parser(
        prog="mdcc",
        description="MDCC Desktop on the command line: import, export and list conferences.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"mdcc {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("import", parents=[common], help="import a conference exchange file")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("export", parents=[common], help="export a conference as an exchange file")
    p.add_argument("id", type=_id, metavar="ID")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here, not stdout")
    p.add_argument(
        "--with-reporter-identity",
        action="store_true",
        help="include who made the mandatory report (left out unless asked for: disclosing it "
        "can be an offence); needs --reason",
    )
    p.add_argument("--reason", metavar="TEXT", help="why the export is made (kept in the log)")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser(
        "delete",
        parents=[common],
        help="delete a conference (and its case, if it has no other conference)",
        description="Delete a conference with its attendees, agenda, notes, decisions, actions "
        "and minutes history, and its case when the case has no other conference. It asks "
        "nothing (for scripts): export it first (mdcc export ID -o FILE) to keep a copy.",
    )
    p.add_argument("id", type=_id, metavar="ID")
    p.set_defaults(run=cmd_delete)

    p = sub.add_parser("list", parents=[common], help="list the conferences")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(run=cmd_list)

    # What the minutes and the letter commands share: the conference, where to write, a PDF,
    # and whether to issue.
    document = _Parser(add_help=False)
    document.add_argument("id", type=_id, metavar="ID")
    document.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE.docx|FILE.pdf",
        required=True,
        help="a .pdf name writes a PDF (through LibreOffice)",
    )
    document.add_argument("--pdf", action="store_true", help="a PDF too, beside the Word file")
    document.add_argument("--issue", action="store_true", help=ISSUE_HELP)

    p = sub.add_parser(
        "minutes", parents=[common, document], help="write the Word minutes of a conference"
    )
    p.add_argument("--copy", choices=("full", "parent"), default="full")
    p.add_argument("--template", metavar="NAME", help="a template name (see `mdcc templates`)")
    p.set_defaults(run=cmd_minutes)

    p = sub.add_parser("templates", parents=[common], help="list the Word templates")
    p.set_defaults(run=cmd_templates)

    p = sub.add_parser("demo", parents=[common], help="load the demo conference")
    p.set_defaults(run=cmd_demo)

    for name in COMMAND_MODULES:
        importlib.import_module(name).add_commands(sub, common)
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: give it as YYYY-MM-DD, e.g. 2026-12-05"
        ) from None


# SQLite's integers are signed 64-bit: a larger id cannot name any record.
MAX_ID = 2**63 - 1
# A hundred years ahead is further than any action is due.
MAX_DAYS = 36_600


def _short(text: str) -> str:
    """An argument quoted back in a message: escaped, and cut if it is long."""
    return repr(text if len(text) <= 40 else text[:40] + "…")


def _id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid int value: {_short(text)}: a conference id is a whole number "
            "(`mdcc list` shows them)"
        ) from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(
            f"{_short(text)} is not a conference id: give a whole number from 1 to {MAX_ID} "
            "(`mdcc list` shows them)"
        )
    return value


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = -1
    if not 0 <= days <= MAX_DAYS:
        raise argparse.ArgumentTypeError(
            f"{_short(text)} is not a number of days from 0 to {MAX_DAYS}"
        )
    return days


def _filter(text: str) -> str:
    if len(text) > MAX_FILTER_CHARS:
        raise argparse.ArgumentTypeError(
            f"the text is {len(text)} characters long; a filter may have at most {MAX_FILTER_CHARS}"
        )
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise argparse.ArgumentTypeError(
            "the text holds bytes that are not UTF-8: check the terminal's encoding"
        )
    return text


# C0 and C1 controls (ESC starts the sequences that clear a screen or retitle a terminal) and
# the bidirectional overrides and isolates that make text display in another order than read.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _safe(text: str) -> str:
    """``text`` for a terminal: every control or bidi override shown as an escape (\\x1b)."""
    return _UNSAFE.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) <= 0xFF else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


def _out(text: str) -> None:
    """Print to stdout as UTF-8 whatever the terminal's locale, so pipes get exact text."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8", errors="backslashreplace"))
    sys.stdout.buffer.flush()


def _out_bytes(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _err(text: str) -> None:
    """One line to stderr, its controls escaped (messages quote file names and file contents)."""
    text = _safe(text)
    sys.stderr.write(
        text.encode(sys.stderr.encoding or "utf-8", "backslashreplace").decode(
            sys.stderr.encoding or "utf-8"
        )
        + "\n"
    )


def cmd_import(services: Services, args: argparse.Namespace) -> int:
    result = services.exchange.import_file(args.file)
    _err(f"Imported {args.file.name} as conference {result.conference_id}.")
    _out(f"{result.conference_id}\n")
    return EXIT_OK


def cmd_export(services: Services, args: argparse.Namespace) -> int:
    from mdcc_desktop.services.disclosure import STDOUT, require_reason
    from mdcc_desktop.services.exchange import dumps, left_out_text

    require_reason(args.with_reporter_identity, args.reason)
    target: Path | None = args.output
    if target is not None:
        left_out = services.exchange.export_file(
            args.id,
            target,
            with_reporter_identity=args.with_reporter_identity,
            reason=args.reason,
            checked=True,
        )
        _err(f"Exported conference {args.id} to {target}.")
        if left_out:
            _err(left_out_text(left_out))
        return EXIT_OK
    doc = services.exchange.export_document(
        args.id, with_reporter_identity=args.with_reporter_identity
    )
    text = dumps(doc)
    _out(text)
    data = text.encode("utf-8", "surrogatepass")
    services.exchange.disclosed(args.id, STDOUT, data, args.with_reporter_identity, args.reason)
    if left_out := services.exchange.left_out(args.id):
        _err(left_out_text(left_out))
    return EXIT_OK


def cmd_delete(services: Services, args: argparse.Namespace) -> int:
    if not 0 < args.id < 2**63:  # beyond what the database can hold: no such conference
        raise NotFoundError(f"conference {args.id} does not exist")
    deleted = services.conferences.delete_conference(args.id)
    what = (
        f"and its case {deleted.case_reference}, which had no other conference"
        if deleted.case_deleted
        else f"of case {deleted.case_reference}"
    )
    _err(f"Deleted conference {deleted.conference_id} {what}.")
    return EXIT_OK


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(text: str, width: int) -> str:
    text = _safe(text)
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _width(text))


def cmd_list(services: Services, args: argparse.Namespace) -> int:
    rows = services.conference_pages.everything()  # read only: no edits' modules to import
    if args.format == "json":
        _out(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "case_reference": r.case_reference,
                        "children": r.children,
                        "jurisdiction": r.jurisdiction,
                        "type": r.type.value,
                        "scheduled_start": r.scheduled_start.isoformat(),
                        "status": r.status.value,
                        "title": r.title,
                        "attendees": r.attendees,
                        "open_actions": r.open_actions,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
        return EXIT_OK
    columns = [
        ("ID", 5),
        ("CASE", 22),
        ("CHILDREN", 28),
        ("JUR", 4),
        ("TYPE", 9),
        ("SCHEDULED", 16),
        ("STATUS", 11),
        ("OPEN", 4),
    ]
    lines = ["  ".join(_cell(name, w) for name, w in columns).rstrip()]
    for r in rows:
        values = [
            str(r.id),
            r.case_reference,
            r.children,
            r.jurisdiction,
            r.type.value,
            r.scheduled_start.strftime("%Y-%m-%d %H:%M"),
            r.status.value,
            str(r.open_actions),
        ]
        lines.append(
            "  ".join(_cell(v, w) for v, (_, w) in zip(values, columns, strict=True)).rstrip()
        )
    if not rows:
        lines.append("(no conferences yet: try `mdcc demo` or `mdcc import FILE`)")
    _out("\n".join(lines) + "\n")
    return EXIT_OK


ISSUE_HELP = "issue it: record it as a version (kept in the database), not a draft for a look"


def _check_target(target: Path) -> None:
    """Refuse a target that cannot be written before anything is rendered or recorded."""
    from mdcc_desktop.domain.messages import msg

    if target.is_dir():
        raise ValidationError(
            msg("export_is_folder", path=str(target), example=str(target / "minutes.pdf"))
        )
    if not target.parent.is_dir():
        raise ValidationError(msg("no_folder", folder=str(target.parent)))


def _document(args: argparse.Namespace, write: Callable[[Path], Any], example: str) -> Any:
    """Write the Word document ``write`` makes to ``args.output``, or its PDF when the name
    ends in .pdf (through LibreOffice; never a Word file named .pdf), and beside it with --pdf.
    Returns what ``write`` returned."""
    from mdcc_desktop.export.pdf import docx_to_pdf, require_soffice
    from mdcc_desktop.services.files import save_export

    target: Path = args.output
    if target.suffix.lower() != ".pdf":
        result = write(target)
        if args.pdf:
            from mdcc_desktop.domain.messages import msg
            from mdcc_desktop.export.pdf import soffice

            if soffice() is None:  # the Word file is written: the message says so
                raise ValidationError(msg("no_libreoffice"))
            pdf = target.with_suffix(".pdf")
            save_export(pdf, docx_to_pdf(target.read_bytes(), target.name), example)
            _err(f"Wrote {pdf}.")
        return result
    require_soffice()  # before anything is rendered or recorded
    _check_target(target)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="mdcc-doc-") as folder:
        docx = Path(folder) / (target.stem + ".docx")
        result = write(docx)
        data = docx_to_pdf(docx.read_bytes(), docx.name)
    save_export(target, data, example)
    return result


def _pdf_written(args: argparse.Namespace) -> Path | None:
    """The PDF a minutes or letter command wrote, if it wrote one."""
    target: Path = args.output
    if target.suffix.lower() == ".pdf":
        return target
    return target.with_suffix(".pdf") if args.pdf else None


def cmd_minutes(services: Services, args: argparse.Namespace) -> int:
    copy = CopyKind(args.copy)
    what = f"the {'parents' if args.copy == 'parent' else 'full'} copy of the minutes"
    if args.issue:  # a recorded version; without --issue, a draft recorded nowhere
        version = _document(
            args,
            lambda path: services.minutes.issue_minutes(args.id, copy, args.template, path),
            "minutes.pdf",
        )
        _err(f"Issued {what} of conference {args.id} as version {version.number}: {args.output}.")
    else:
        _document(
            args,
            lambda path: services.minutes.export_minutes(args.id, path, copy, args.template),
            "minutes.pdf",
        )
        _err(f"Wrote a draft of {what} of conference {args.id} to {args.output} (not issued).")
    pdf = _pdf_written(args)
    if pdf is not None:
        services.minutes.record_pdf(args.id, pdf, copy)
    return EXIT_OK


def cmd_templates(services: Services, args: argparse.Namespace) -> int:
    lines = [
        f"{_safe(t.name)}\t{'yours' if t.user else 'shipped'}\t{_safe(str(t.path))}"
        for t in services.minutes.templates().values()
    ]
    _out("\n".join(lines) + "\n")
    return EXIT_OK


def cmd_demo(services: Services, args: argparse.Namespace) -> int:
    from mdcc_desktop.services.demo import load_demo

    result = load_demo(services.exchange)
    _err(f"Loaded the demo conference as conference {result.conference_id}.")
    _out(f"{result.conference_id}\n")
    return EXIT_OK


def _warn_of_skipped_profiles(services: Services) -> None:
    """Profile files that could not be used, said once the command has read the profiles (a
    command that needs none, such as ``list``, does not read them)."""
    if "profiles" not in vars(services):  # functools.cached_property keeps it there once read
        return
    for skipped in services.profiles.problems:  # skipped, and said so; the command ran on
        _err(f"mdcc: warning: the profile file {skipped} (the file was skipped)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    boot = bootstrap.prepare(getattr(args, "data_dir", None), console_log=False)
    paths = boot.paths
    run: Callable[[Services, argparse.Namespace], int] = args.run
    services: Services | None = None
    try:
        if hasattr(args, "run_closed"):  # a command that must not open the database (restore)
            return int(args.run_closed(boot, args))
        from mdcc_desktop.cli_unlock import make_hook

        services = bootstrap.open_services(
            boot,
            busy_timeout_ms=CLI_BUSY_TIMEOUT_MS,
            unlock_hook=make_hook(getattr(args, "passphrase_file", None)),
        )
        try:
            return run(services, args)
        finally:
            _warn_of_skipped_profiles(services)
    except NotFoundError as exc:
        _err(f"mdcc: {args.command}: {exc}")
        return EXIT_USER
    except MdccError as exc:
        # Imported here, as the services were: by now it is loaded, the import costs nothing.
        from mdcc_desktop.services.exchange import ExchangeError

        if isinstance(exc, ExchangeError):
            _err(f"mdcc: {args.command}: the file was refused ({len(exc.problems)} problem(s)):")
            for problem in exc.problems:
                _err(f"  {problem}")
            return EXIT_USER
        for line in str(exc).splitlines() or [type(exc).__name__]:
            _err(f"mdcc: {args.command}: {line}")
        return EXIT_USER
    except KeyboardInterrupt:
        _err("mdcc: interrupted; nothing half-done was kept.")
        return 130
    except Exception:
        # The report names the code, not the error's message: it may hold a child's name.
        exc_type, _exc, tb = sys.exc_info()
        log.error(
            "unexpected error in mdcc %s\n%s", args.command, crash_report(exc_type or Exception, tb)
        )
        _err(
            f"mdcc: {args.command}: an unexpected error happened (a bug). Details are in "
            f"{paths.logs / 'mdcc.log'}; please report it."
        )
        return EXIT_BUG
    finally:
        if services is not None:
            services.close()


if __name__ == "__main__":
    sys.exit(main())
