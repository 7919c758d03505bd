"""``mdcc letter ID``: the outcome letter, one document per recipient (or household).

``-o FOLDER`` writes one file per recipient into the folder (named by case, version and
recipient); ``-o FILE`` writes a single letter, when there is one recipient or ``--to`` picks
one (an attendee id: ``--recipients`` lists them). Without ``--issue`` the letters are drafts for
a look; with it each is issued (a version of its own, kept in the database, its recipients
recorded as given it) and the letter's deadline is met.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mdcc_desktop.cli import EXIT_OK, ISSUE_HELP, _err, _id, _out, _safe

if TYPE_CHECKING:
    from mdcc_desktop.services.context import Services


def _attendee(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 2**63 - 1:
        raise argparse.ArgumentTypeError(
            f"{_safe(text[:40])} is not an attendee id: give a whole number "
            "(`mdcc letter ID --recipients` lists them)"
        )
    return value


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "letter",
        parents=[common],
        help="write the outcome letter, one per recipient",
        description="Write the outcome letter of a conference: one letter to each person "
        "invited (or one per household, as the profile says), in plain words. -o FOLDER "
        "writes one file per recipient; -o FILE writes one letter (one recipient, or --to).",
    )
    p.add_argument("id", type=_id, metavar="ID")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FOLDER|FILE.docx|FILE.pdf",
        help="a folder (one file per recipient), or a file for one letter (.pdf: a PDF)",
    )
    p.add_argument("--to", type=_attendee, metavar="ATTENDEE_ID", help="only this recipient")
    p.add_argument("--recipients", action="store_true", help="list who gets a letter, and stop")
    p.add_argument("--pdf", action="store_true", help="a PDF too, beside each Word file")
    p.add_argument("--issue", action="store_true", help=ISSUE_HELP)
    p.add_argument("--template", metavar="NAME", help="a letter template (see `mdcc templates`)")
    p.set_defaults(run=cmd_letter)


def cmd_letter(services: Services, args: argparse.Namespace) -> int:
    from mdcc_desktop.cli import _document, _pdf_written
    from mdcc_desktop.domain.errors import ValidationError
    from mdcc_desktop.domain.messages import msg
    from mdcc_desktop.domain.models import CopyKind
    from mdcc_desktop.services.letter_files import is_folder

    if args.recipients:
        lines = [
            f"{', '.join(str(i) for i in r.attendee_ids)}\t{_safe(r.name)}"
            for r in services.minutes.letter_recipients(args.id, args.to)
        ]
        _out("\n".join(lines) + "\n")
        return EXIT_OK
    if args.output is None:
        raise ValidationError(msg("letter_needs_output"))
    target: Path = args.output
    if is_folder(target):
        return _into_folder(services, args, target)
    if args.issue:  # recorded as versions and as sent: the letter's deadline is met
        [letter] = _document(
            args,
            lambda path: services.minutes.issue_letter(args.id, args.template, path, args.to),
            "outcome-letter.pdf",
        )
        _err(
            f"Issued the outcome letter of conference {args.id} to {_safe(letter.recipient)} "
            f"as version {letter.version.number}: {target}."
        )
    else:
        _document(
            args,
            lambda path: services.minutes.export_letter(args.id, path, args.template, args.to),
            "outcome-letter.pdf",
        )
        _err(f"Wrote a draft of the outcome letter of conference {args.id} (not issued): {target}.")
    pdf = _pdf_written(args)
    if pdf is not None:
        services.minutes.record_pdf(args.id, pdf, CopyKind.PARENT)
    return EXIT_OK


def _into_folder(services: Services, args: argparse.Namespace, folder: Path) -> int:
    """One file per recipient in ``folder`` (and a PDF beside each with --pdf)."""
    from mdcc_desktop.domain.errors import ValidationError
    from mdcc_desktop.domain.messages import msg
    from mdcc_desktop.domain.models import CopyKind
    from mdcc_desktop.export.pdf import docx_to_pdf, soffice
    from mdcc_desktop.services.files import save_export

    if args.pdf and soffice() is None:  # before anything is rendered or recorded
        raise ValidationError(msg("no_libreoffice"))
    if args.issue:
        issued = services.minutes.issue_letter(args.id, args.template, folder, args.to)
        paths = [x.path for x in issued if x.path is not None]
        for x in issued:
            _err(f"Issued version {x.version.number} to {_safe(x.recipient)}: {x.path}.")
    else:
        paths = services.minutes.export_letter(args.id, folder, args.template, args.to)
        for path in paths:
            _err(f"Wrote a draft (not issued): {path}.")
    if args.pdf:
        for path in paths:
            pdf = path.with_suffix(".pdf")
            save_export(pdf, docx_to_pdf(path.read_bytes(), path.name), "outcome-letter.pdf")
            services.minutes.record_pdf(args.id, pdf, CopyKind.PARENT)
            _err(f"Wrote {pdf}.")
    return EXIT_OK
