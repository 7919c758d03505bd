"""What carries over when the GUI opens the data folder again after a restore: the backup to
restore and the key (so the chair is not asked for the passphrase twice). Light on purpose:
``app.py`` imports it before the unlock screen, which comes up without the services' modules."""

from __future__ import annotations

from pathlib import Path

from mdcc_desktop.bootstrap import UnlockHook
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.settings import Settings

__all__ = ["RESTART", "Key", "Restart", "remembering"]

# The return code of ``app._run`` that asks ``app.main`` to open the data folder again.
RESTART = 75
Key = bytes | str


class Restart:
    """What carries over from one window to the next: the backup to restore, and the key the
    data folder was unlocked with (kept only until the next window has opened)."""

    backup: Path | None = None
    key: bytes | None = None  # for the next unlock, instead of asking again
    unlocked_with: bytes | None = None  # the key of the window now open (or failing to open)

    @classmethod
    def request(cls, backup: Path, key: Key | None) -> None:
        # A passphrase (str) given to SQLCipher itself is not what the unlock hook returns:
        # then the next window asks for the passphrase again.
        cls.backup, cls.key = backup, key if isinstance(key, bytes) else None

    @classmethod
    def pending(cls) -> bool:
        return cls.backup is not None

    @classmethod
    def cancel(cls) -> None:
        cls.backup = cls.key = None

    @classmethod
    def forget(cls) -> None:
        cls.backup = cls.key = cls.unlocked_with = None


def remembering(hook: UnlockHook) -> UnlockHook:
    """The unlock hook, skipped when a restart carries the key; the key is remembered for a
    restore offered when the database then turns out to be damaged."""

    def unlock(paths: AppPaths, settings: Settings) -> bytes | None:
        carried, Restart.key = Restart.key, None
        key = carried if carried is not None else hook(paths, settings)
        Restart.unlocked_with = key
        return key

    return unlock
