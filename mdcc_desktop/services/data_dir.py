"""The data folder itself: made if need be, and refused with a specific message when it cannot
be used (a file where the folder should be, a read-only folder, a full disk)."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.messages import msg
from mdcc_desktop.paths import AppPaths


class DataDirError(MdccError):
    """The data dir cannot be created or written."""


def data_dir_error(folder: Path, exc: OSError) -> DataDirError:
    """What is wrong with the data folder ``folder``, which ``exc`` failed to create or write:
    a file where the folder should be and a read-only folder are said as such."""
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        return DataDirError(msg("data_dir_is_file", folder=str(folder), file=str(probe)))
    if exc.errno == errno.EROFS or isinstance(exc, PermissionError):
        return DataDirError(msg("data_dir_read_only", folder=str(folder)))
    if exc.errno == errno.ENOSPC:
        return DataDirError(msg("data_dir_full", folder=str(folder)))
    return DataDirError(
        msg("data_dir_unusable", folder=str(folder), error=exc.strerror or str(exc))
    )


# Less free space than this on the data folder's disk: an "I/O error" at the open is its being
# full (SQLite needs a few pages for the WAL and its index).
NEARLY_FULL_BYTES = 256 * 1024


def disk_nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def check_data_dir(paths: AppPaths) -> None:
    """Make the data folder's folders, and refuse one that cannot be written (DataDirError):
    a read-only folder would fail at the first save, or as a bug at the first open."""
    try:
        paths.ensure()
    except OSError as exc:
        raise data_dir_error(paths.data_dir, exc) from exc
    if not os.access(paths.data_dir, os.W_OK):
        raise DataDirError(msg("data_dir_read_only", folder=str(paths.data_dir)))
