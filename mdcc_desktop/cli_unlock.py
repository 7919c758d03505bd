"""How the command line unlocks the data folder: the passphrase from ``--passphrase-file``,
``MDCC_PASSPHRASE`` or a prompt on a terminal, in that order; with none of them it stops (exit
2) with a message rather than hang waiting for input that never comes.

On a folder without a passphrase yet (a first run from a script, or a database from before
encryption) the passphrase given becomes the folder's: the database is encrypted and the
recovery code is printed once on stderr, to be written down.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from mdcc_desktop.bootstrap import UnlockHook
from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.messages import msg
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.settings import Settings

ENV_PASSPHRASE = "MDCC_PASSPHRASE"
MAX_PASSPHRASE_FILE = 4096


class NoPassphraseError(MdccError):
    """No passphrase was given and there is no terminal to ask on."""


def read_passphrase_file(path: Path) -> str:
    """The first line of ``path`` (a trailing newline is not part of the passphrase)."""
    try:
        with path.open("rb") as f:
            data = f.read(MAX_PASSPHRASE_FILE + 1)
    except OSError as exc:
        raise NoPassphraseError(
            msg("passphrase_file_unreadable", path=str(path), error=exc.strerror or str(exc))
        ) from None
    if len(data) > MAX_PASSPHRASE_FILE:
        raise NoPassphraseError(msg("passphrase_file_too_large", path=str(path)))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise NoPassphraseError(msg("passphrase_file_not_utf8", path=str(path))) from None
    line = text.splitlines()[0] if text.splitlines() else ""
    if not line:
        raise NoPassphraseError(msg("passphrase_file_empty", path=str(path)))
    return line


def passphrase(passphrase_file: str | None, *, new: bool) -> str:
    """The passphrase the user gave, by file, environment or prompt."""
    if passphrase_file:
        return read_passphrase_file(Path(passphrase_file))
    env = os.environ.get(ENV_PASSPHRASE)
    if env:
        return env
    if sys.stdin is not None and sys.stdin.isatty():
        if new:
            first = getpass.getpass("New passphrase for this data folder: ")
            again = getpass.getpass("The same passphrase again: ")
            if first != again:
                raise NoPassphraseError(msg("passphrases_differ"))
            return first
        return getpass.getpass("Passphrase: ")
    if new:
        raise NoPassphraseError(msg("no_new_passphrase", variable=ENV_PASSPHRASE))
    raise NoPassphraseError(msg("no_passphrase", variable=ENV_PASSPHRASE))


def recovery_notice(code: str) -> str:
    """What a first run says on stderr once the folder is encrypted (the code, this once)."""
    return (
        "mdcc: the data folder is now encrypted with your passphrase. Its recovery "
        "code, shown this once, opens it if the passphrase is forgotten:\n\n"
        f"    {code}\n\n"
        "Write it down and keep it apart from this computer."
    )


def make_hook(passphrase_file: str | None) -> UnlockHook:
    """The unlock hook for the start-up sequence (``bootstrap.open_services``)."""

    def unlock(paths: AppPaths, settings: Settings) -> bytes | None:
        from mdcc_desktop.services.protection import AlreadySetUpError, FolderState, Protection

        protection = Protection(paths)
        state = protection.state()
        if state is FolderState.DAMAGED:
            return None  # opening it says the file is damaged, as for any damaged file
        if state is FolderState.KEY_MISSING:
            protection.require_key_file()  # says what to do
        if state in (FolderState.NEW, FolderState.PLAIN):
            given = passphrase(passphrase_file, new=True)
            try:
                made = protection.set_up(given)
            except AlreadySetUpError:  # another run set it up a moment ago: open with it
                return protection.unlock(given)
            print(recovery_notice(made.recovery_code), file=sys.stderr)
            return made.db_key
        return protection.unlock(passphrase(passphrase_file, new=False))

    return unlock
