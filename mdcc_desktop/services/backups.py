"""Backups of the data folder's database: daily while the app is used, on request, before a
migration, and restoring one.

Every backup is made with SQLite's online backup on a connection of its own (``Store.sibling``,
with the database's key), so it may run on a worker thread while the GUI keeps editing; the copy
is encrypted with the same key (``store.backup``). The folder is the ``backup_folder`` setting,
or the data folder's ``backups`` folder when that is empty; the newest ``backups_to_keep``
automatic copies are kept.

Restoring needs the database closed: :func:`restore` works on the files alone (the command line
runs it without opening the database, which may be the damaged file being replaced); the GUI
closes its windows and services first and opens them again afterwards.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from mdcc_desktop.domain.messages import msg
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.settings import Settings, SettingsFile
from mdcc_desktop.store import Store, migrations
from mdcc_desktop.store.backup import (
    BackupError,
    BackupFile,
    CheckedBackup,
    Restored,
    check_backup,
    copy_database,
    list_backups,
    make_backup,
    restore_file,
    rotate,
)
from mdcc_desktop.store.connection import Key

__all__ = [
    "BackupError",
    "BackupFile",
    "BackupService",
    "Restored",
    "backup_folder",
    "check",
    "latest_good_backup",
    "restore",
]

log = logging.getLogger(__name__)


def backup_folder(paths: AppPaths, settings: Settings) -> Path:
    """Where the backups go: the setting's folder, else the data folder's ``backups``."""
    if settings.backup_folder:
        return Path(settings.backup_folder).expanduser()
    return paths.backups


def _known_steps() -> int:
    return len(migrations.known_steps())


def check(path: Path, key: Key | None) -> CheckedBackup:
    """That ``path`` is a sound backup of the folder whose key is ``key`` (BackupError if not)."""
    return check_backup(path, key, _known_steps())


def latest_good_backup(folder: Path, key: Key | None) -> BackupFile | None:
    """The newest backup in ``folder`` that opens with ``key`` and passes the check."""
    for candidate in list_backups(folder):
        try:
            check(candidate.path, key)
        except BackupError:
            log.warning("a backup did not pass its check; an older one is tried")
            continue
        return candidate
    return None


def restore(paths: AppPaths, settings: Settings, backup: Path, key: Key | None) -> Restored:
    """Put ``backup`` in place of the database (no connection to it may be open); the current
    database is kept aside first. BackupError, with nothing changed, if it cannot be done
    (DataDirError when the data folder is read-only or a file)."""
    from mdcc_desktop.services.data_dir import check_data_dir

    check_data_dir(paths)
    try:
        same = backup.resolve() == paths.database.resolve()
    except OSError:
        same = False
    if same:
        raise BackupError(msg("backup_is_the_database", path=str(backup)))
    return restore_file(paths.database, backup, backup_folder(paths, settings), key, _known_steps())


class BackupService:
    """Backups of the open database (``Services.backups``)."""

    def __init__(self, paths: AppPaths, store: Store, settings: SettingsFile) -> None:
        self.paths = paths
        self.store = store
        self._settings = settings

    @property
    def settings(self) -> Settings:
        return self._settings.current

    @property
    def folder(self) -> Path:
        return backup_folder(self.paths, self.settings)

    @property
    def available(self) -> bool:
        """Whether a backup can be made now (the database is open: not locked)."""
        return not self.store.closed

    @property
    def key(self) -> Key | None:
        """The key the database (and so every backup of it) is encrypted with."""
        return self.store.key

    def backups(self) -> list[BackupFile]:
        """The backups in the folder, newest first."""
        return list_backups(self.folder)

    def back_up(self, kind: str = "manual", when: dt.datetime | None = None) -> Path:
        """A new backup in the backups folder, on a connection of its own: any thread may
        call it while the store is open (StoreClosedError while it is locked)."""
        sibling = self.store.sibling()
        try:
            made = make_backup(sibling.db, self.folder, self.store.key, kind, when)
        finally:
            sibling.close()
        rotate(self.folder, self.settings.backups_to_keep)
        return made

    def back_up_to(self, target: Path) -> Path:
        """A backup written to ``target``, a new file (``mdcc backup -o FILE``)."""
        if target.exists() or target.is_symlink():
            raise BackupError(msg("backup_target_exists", path=str(target)))
        if not target.parent.is_dir():
            raise BackupError(
                msg(
                    "backup_cannot_write",
                    path=str(target),
                    error=f"the folder {target.parent} does not exist",
                )
            )
        sibling = self.store.sibling()
        try:
            return copy_database(sibling.db, target, self.store.key)
        finally:
            sibling.close()

    def daily_due(self, now: dt.datetime | None = None) -> bool:
        """Whether today (local time) has no daily backup yet."""
        today = (now or dt.datetime.now().astimezone()).astimezone().date()
        return not any(
            b.kind == "daily" and b.made_at.astimezone().date() == today for b in self.backups()
        )

    def daily(self, now: dt.datetime | None = None) -> Path | None:
        """The day's backup if it is not made yet (None when it was); the old ones rotated."""
        if not self.daily_due(now):
            return None
        return self.back_up("daily", now)
