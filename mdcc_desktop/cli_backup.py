"""``mdcc backup`` and ``mdcc restore``: a copy of the database on request, and putting one back.

``mdcc backup`` writes a backup into the backups folder (``-o FILE``: to a new file of your
choice), encrypted with the data folder's key like every backup. ``mdcc restore FILE`` puts a
backup in place of the database, keeping the current database aside first (a sound one as a
``before-restore`` backup, a damaged one moved unchanged into ``backups/damaged``). It runs
without opening the database, which may be the damaged file being replaced; a file that is not
a sound backup of this data folder (another folder's, damaged, not a backup, from a newer
version) is refused with a message and exit code 2, nothing changed.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mdcc_desktop.bootstrap import Boot
    from mdcc_desktop.services.context import Services

EXIT_OK = 0


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "backup",
        parents=[common],
        help="make a backup of the database now",
        description="Make an encrypted backup of the database (with SQLite's online backup: "
        "it may run while the app is open). Without -o it goes into the backups folder.",
    )
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write it to this new file")
    p.set_defaults(run=cmd_backup)

    p = sub.add_parser(
        "restore",
        parents=[common],
        help="put a backup in place of the database (the current one is kept aside)",
        description="Replace the database with the backup FILE, after checking that it is a "
        "sound backup of this data folder. The current database is kept aside first. Close "
        "MDCC Desktop before restoring.",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(run=cmd_restore_needs_no_services, run_closed=cmd_restore)


def _err(text: str) -> None:
    from mdcc_desktop.cli import _err as err

    err(text)


def _out(text: str) -> None:
    from mdcc_desktop.cli import _out as out

    out(text)


def cmd_backup(services: Services, args: argparse.Namespace) -> int:
    if args.output is not None:
        made = services.backups.back_up_to(args.output)
    else:
        made = services.backups.back_up("manual")
    _err(f"Backed up the database to {made}.")
    _out(f"{made}\n")
    return EXIT_OK


def cmd_restore_needs_no_services(services: Services, args: argparse.Namespace) -> int:
    raise AssertionError("mdcc restore runs without the services (run_closed)")


def cmd_restore(boot: Boot, args: argparse.Namespace) -> int:
    """Restore without opening the database: unlock the key file, check, swap."""
    from mdcc_desktop.cli_unlock import passphrase
    from mdcc_desktop.domain.messages import msg
    from mdcc_desktop.services.backups import BackupError, restore
    from mdcc_desktop.services.protection import FolderState, Protection

    if gui_is_open(boot.paths.data_dir):
        raise BackupError(msg("restore_while_open", folder=str(boot.paths.data_dir)))
    protection = Protection(boot.paths)
    key: bytes | None = None
    if protection.key_path.exists():
        key = protection.unlock(passphrase(getattr(args, "passphrase_file", None), new=False))
    elif protection.state() is FolderState.KEY_MISSING:
        protection.require_key_file()  # says what to do
    # Else the folder was never set up: only a plain backup from before encryption fits it, and
    # the first open after the restore encrypts it (see store/encryption.py).
    done = restore(boot.paths, boot.settings.current, args.file, key)
    if done.kept_aside is not None:
        what = "the damaged database was moved" if done.damaged else "the database was kept"
        _err(f"Restored {done.backup}; {what} aside as {done.kept_aside}.")
    else:
        _err(f"Restored {done.backup}.")
    return EXIT_OK


# The lock file the GUI holds in a data folder while it is open (ui/single_instance.py, a
# QLockFile: the process id on its first line).
GUI_LOCK_NAME = "mdcc-desktop.lock"


def gui_is_open(data_dir: Path) -> bool:
    """Whether an app on this computer has the data folder open (its lock is held by a live
    process): replacing the database under it would leave it writing to the file kept aside."""
    import os
    import socket
    import sys

    try:
        lines = (data_dir / GUI_LOCK_NAME).read_text(encoding="utf-8", errors="replace").split("\n")
        pid = int(lines[0])
    except (OSError, ValueError):
        return False
    if len(lines) > 2 and lines[2] and lines[2] != socket.gethostname():
        return False  # another computer's (a shared folder): its process cannot be asked
    if pid <= 0 or pid == os.getpid():
        return False
    if sys.platform == "win32":
        return True  # os.kill(pid, 0) would end the process there: the lock is taken as held
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True
