"""Writing an exported file safely, with a message a user can act on when it cannot be done."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from mdcc_desktop.domain.errors import ValidationError


def write_atomically(path: Path, data: bytes) -> None:
    """Write next to the target, then rename: a failure never leaves half a file behind."""
    tmp = path.with_name(f".{path.name}.part")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def save_export(target: Path, data: bytes, example: str) -> None:
    """Write an export to ``target`` or raise ValidationError saying why it cannot be.

    ``example`` is a file name to suggest when the user gave a folder.
    """
    if target.is_dir():
        raise ValidationError(f"{target} is a folder; give a file name such as {target / example}")
    if not target.parent.is_dir():
        raise ValidationError(f"the folder {target.parent} does not exist")
    if target.exists() and not os.access(target, os.W_OK):
        raise ValidationError(f"{target} is read-only; choose another name or make it writable")
    try:
        write_atomically(target, data)
    except PermissionError as exc:
        raise ValidationError(
            f"{target} cannot be written (permission denied): is the folder read-only, or is the "
            "file open in another program such as Word?"
        ) from exc
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise ValidationError(f"the disk is full: {target} was not written") from exc
        raise ValidationError(f"{target} cannot be written: {exc.strerror or exc}") from exc
