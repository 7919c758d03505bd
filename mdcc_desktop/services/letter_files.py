"""Where issued or drafted outcome letters go: one file per recipient in a folder (named for
the case, the version and the person), or one file for a single letter.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.messages import msg
from mdcc_desktop.domain.versions import (
    DocumentVersion,
)

if TYPE_CHECKING:
    from mdcc_desktop.export.letter import Recipient


@dataclass(frozen=True)
class IssuedLetter:
    """One issued letter: its version, who it is addressed to, and the file written (if any)."""

    version: DocumentVersion
    recipient: str
    path: Path | None


def listed(recipients: list[Recipient]) -> str:
    """The recipients with the attendee ids that choose them (``--to``)."""
    return (
        "; ".join(f"{r.name} ({', '.join(str(i) for i in r.attendee_ids)})" for r in recipients)
        or "nobody"
    )


def letter_file_name(reference: str, recipient: Recipient, number: int | None) -> str:
    """``REF-outcome-letter-v7-to-Hannah_Turner-12.docx``: a safe name per recipient (the
    attendee id keeps two people of the same name apart); a draft says so."""
    version = f"v{number}" if number is not None else "draft"
    return (
        f"{safe_name(reference)}-outcome-letter-{version}-to-"
        f"{safe_name(recipient.name)}-{recipient.attendee_ids[0]}.docx"
    )


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; a name the system refuses (too long) is said so."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise ValidationError(msg("name_too_long_write", name=str(path)[:80])) from exc
        raise ValidationError(
            msg("file_cannot_write", path=str(path), error=exc.strerror or str(exc))
        ) from exc


def letter_paths(
    reference: str, target: Path, recipients: list[Recipient], first: int | None
) -> list[Path]:
    """Where each letter goes: one file each inside the folder ``target``, or the file
    ``target`` itself for a single letter (several need a folder, or ``to``)."""
    if is_folder(target):
        return [
            target / letter_file_name(reference, r, None if first is None else first + i)
            for i, r in enumerate(recipients)
        ]
    if len(recipients) > 1:
        raise ValidationError(
            msg("letter_needs_folder", count=len(recipients), recipients=listed(recipients))
        )
    if not target.parent.is_dir():
        raise ValidationError(msg("no_folder", folder=str(target.parent)))
    return [target]


def safe_name(text: str) -> str:
    """``text`` as part of a file name: letters, digits, - and _ only."""
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text)[:60]
