"""Copies of the database: made with SQLite's online backup, checked, rotated and restored.

A backup is a whole database file, encrypted with the data folder's own key: the copy is opened
through the connection factory with that key before a page is copied into it, so it never
exists in clear text, and a backup of this folder always opens with this folder's key. It is
written under a temporary name, checked (it opens with the key and passes SQLite's quick check),
flushed to disk and only then given its name, so a crash or a full disk never leaves a half copy
that looks like a backup.

Names say when and why a copy was made: ``mdcc-20261130T061500Z-daily.sqlite3`` (UTC). The
automatic ones (``daily``, ``migration``, and the older ``mdcc-schemaN-STAMP`` copies taken
before a migration) are rotated: only the newest N are kept. Copies made on request
(``manual``) and those kept aside before a restore (``before-restore``) are never removed by
the rotation. A damaged database set aside before a restore goes to the ``damaged`` folder
beside the backups, where it is not offered as a backup.

Restoring replaces the database file with a checked copy of the backup; the caller has closed
every connection to it first. The current file is kept aside first: a sound one as a
``before-restore`` backup, a damaged one (with its WAL) moved unchanged into ``damaged``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mdcc_desktop.domain.messages import msg
from mdcc_desktop.store import driver
from mdcc_desktop.store.connection import Database, Key, check_integrity, open_database
from mdcc_desktop.store.errors import (
    BACKUP_SUFFIXES,
    DatabaseCorruptError,
    DiskFullError,
    EncryptionUnavailableError,
    SchemaTooNewError,
    StoreError,
    WrongKeyError,
    translate,
)

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger(__name__)

PREFIX = "mdcc"
SUFFIX = ".sqlite3"
DAMAGED_FOLDER = "damaged"
AUTOMATIC = frozenset({"daily", "migration"})
KINDS = AUTOMATIC | {"manual", "before-restore"}
_NAME = re.compile(r"^mdcc-(?P<stamp>\d{8}T\d{6}Z)(?:-\d+)?-(?P<kind>[a-z-]+)\.sqlite3$")
# The copies migrations.backup_before_migrating made before this module: automatic too.
_OLD_MIGRATION = re.compile(r"^.+-schema\d+-(?P<stamp>\d{8}T\d{6}Z)\.sqlite3$")
_STAMP = "%Y%m%dT%H%M%SZ"


class BackupError(StoreError):
    """A backup cannot be made, read or restored (the message says why and what was kept)."""


@dataclass(frozen=True)
class BackupFile:
    """One copy in the backups folder."""

    path: Path
    made_at: dt.datetime  # UTC, from the name (the file's time when the name does not say)
    size: int
    kind: str  # daily, migration, manual, before-restore, or "other"

    @property
    def automatic(self) -> bool:
        return self.kind in AUTOMATIC


def backup_name(kind: str, when: dt.datetime) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown kind of backup: {kind}")
    return f"{PREFIX}-{when.astimezone(dt.UTC).strftime(_STAMP)}-{kind}{SUFFIX}"


def _parse(path: Path) -> tuple[dt.datetime, str] | None:
    found = _NAME.match(path.name)
    if found:
        kind = found.group("kind")
        stamp = found.group("stamp")
    else:
        found = _OLD_MIGRATION.match(path.name)
        if not found:
            return None
        kind, stamp = "migration", found.group("stamp")
    try:
        return dt.datetime.strptime(stamp, _STAMP).replace(tzinfo=dt.UTC), kind
    except ValueError:
        return None


def list_backups(folder: Path) -> list[BackupFile]:
    """The copies in ``folder``, newest first (none when the folder is missing or unreadable)."""
    try:
        entries = [p for p in folder.iterdir() if p.suffix in BACKUP_SUFFIXES]
    except OSError:
        return []
    found: list[BackupFile] = []
    for path in entries:
        try:
            info = path.stat()
        except OSError:
            continue
        if not path.is_file() or path.name.startswith("."):
            continue
        parsed = _parse(path)
        if parsed is None:
            made = dt.datetime.fromtimestamp(info.st_mtime, dt.UTC)
            kind = "other"
        else:
            made, kind = parsed
        found.append(BackupFile(path, made, info.st_size, kind))
    found.sort(key=lambda b: (b.made_at, b.path.name), reverse=True)
    return found


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _environment(exc: OSError, target: Path) -> BackupError:
    import errno

    if exc.errno == errno.ENOSPC:
        return BackupError(msg("backup_disk_full", path=str(target)))
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return BackupError(msg("backup_read_only", folder=str(target.parent)))
    if isinstance(exc, NotADirectoryError | FileExistsError):
        return BackupError(msg("backup_folder_is_file", folder=str(target.parent)))
    return BackupError(
        msg("backup_cannot_write", path=str(target), error=exc.strerror or type(exc).__name__)
    )


def copy_database(source: Database | sqlite_utils.Database, target: Path, key: Key | None) -> Path:
    """Copy the open database ``source`` to the new file ``target`` with SQLite's online backup,
    encrypted with ``key`` (the source's own); checked before it takes its name.

    Raises BackupError (the disk is full, the folder read-only or missing...) leaving no file
    behind; the source is only read."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _environment(exc, target) from exc
    tmp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.part")
    try:
        # A file made and removed first: SQLite would say only "cannot open" where the folder
        # is read-only or the disk full; the system's own error says which.
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        tmp.unlink()
        try:
            dest = open_database(tmp, wal=False, key=key)
        except EncryptionUnavailableError:
            raise
        except StoreError as exc:
            raise BackupError(msg("backup_cannot_write", path=str(target), error=str(exc))) from exc
        try:
            source.conn.backup(dest.conn)
            dest.execute("PRAGMA journal_mode = DELETE")
            check_integrity(dest)
        except driver.Error as exc:
            mapped = translate(exc)
            if isinstance(mapped, DiskFullError):
                raise BackupError(msg("backup_disk_full", path=str(target))) from exc
            raise BackupError(
                msg(
                    "backup_cannot_write",
                    path=str(target),
                    error=str(mapped) if mapped else type(exc).__name__,
                )
            ) from exc
        except DatabaseCorruptError as exc:
            raise BackupError(msg("backup_copy_damaged", path=str(target))) from exc
        finally:
            dest.close()
        os.chmod(tmp, 0o600)  # child data: the owner's alone, as the database
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        raise _environment(exc, target) from exc
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
    log.info("made a backup of the database (%s bytes)", target.stat().st_size)
    return target


def make_backup(
    source: Database | sqlite_utils.Database,
    folder: Path,
    key: Key | None,
    kind: str,
    when: dt.datetime | None = None,
) -> Path:
    """A new backup of ``source`` in ``folder``, named after ``kind`` and the time."""
    when = when or dt.datetime.now(dt.UTC)
    target = folder / backup_name(kind, when)
    number = 1
    while target.exists():  # two in one second: never overwrite one
        number += 1
        stamp = when.astimezone(dt.UTC).strftime(_STAMP)
        target = folder / f"{PREFIX}-{stamp}-{number}-{kind}{SUFFIX}"
    return copy_database(source, target, key)


def rotate(folder: Path, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` automatic backups; the ones removed."""
    automatic = [b for b in list_backups(folder) if b.automatic]
    removed: list[Path] = []
    _remove_stale_parts(folder)
    for old in automatic[max(keep, 1) :]:
        try:
            old.path.unlink()
            removed.append(old.path)
        except OSError:
            log.warning("an old backup could not be removed")
    return removed


# A temporary copy this old is from a backup that was killed (its process gone).
STALE_PART_SECONDS = 6 * 3600


def _remove_stale_parts(folder: Path) -> None:
    """Remove the half copies killed backups left (encrypted, but they take room)."""
    import time

    with contextlib.suppress(OSError):
        for part in folder.glob(f".{PREFIX}-*{SUFFIX}.*.part"):
            with contextlib.suppress(OSError):
                if time.time() - part.stat().st_mtime > STALE_PART_SECONDS:
                    part.unlink()


@dataclass(frozen=True)
class CheckedBackup:
    path: Path
    schema: int
    size: int


def check_backup(path: Path, key: Key | None, known_steps: int) -> CheckedBackup:
    """That ``path`` is a sound backup of this data folder: it opens with ``key``, passes the
    quick check, holds this app's schema and is not from a newer version. BackupError (with a
    message saying which) otherwise; the file is only read."""
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise BackupError(msg("backup_missing", path=str(path))) from exc
    except OSError as exc:
        raise BackupError(
            msg("backup_unreadable", path=str(path), error=exc.strerror or type(exc).__name__)
        ) from exc
    import stat

    if not stat.S_ISREG(info.st_mode):
        raise BackupError(msg("backup_not_a_file", path=str(path)))
    if info.st_size == 0:
        raise BackupError(msg("backup_damaged", path=str(path)))
    if not os.access(path, os.R_OK):
        raise BackupError(msg("backup_unreadable", path=str(path), error="permission denied"))
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError as exc:
        raise BackupError(
            msg("backup_unreadable", path=str(path), error=exc.strerror or type(exc).__name__)
        ) from exc
    if key is not None and head == b"SQLite format 3\x00":
        raise BackupError(msg("backup_not_encrypted", path=str(path)))
    if key is None and head != b"SQLite format 3\x00":
        raise BackupError(msg("backup_wrong_key", path=str(path)))
    # Opened read-only: checking a file never changes it (no WAL, no journal left beside it).
    uri = path.absolute().as_uri() + "?mode=ro"
    with _quiet_cipher_log():
        return _check_open(path, uri, key, known_steps, info.st_size)


@contextlib.contextmanager
def _quiet_cipher_log() -> Iterator[None]:
    """SQLCipher writes "hmac check failed" lines to stderr for each page a wrong key cannot
    read: the expected answer for a file from another folder, said better by the message.
    Its log level is the process's, so it is put back afterwards."""
    try:
        probe = driver.connect(":memory:")
        before = probe.execute("PRAGMA cipher_log_level").fetchone()
    except driver.Error:
        yield
        return
    level = str(before[0]) if before else ""
    try:
        probe.execute("PRAGMA cipher_log_level = NONE")
        yield
    finally:
        with contextlib.suppress(driver.Error):
            if level.isalpha():
                probe.execute(f"PRAGMA cipher_log_level = {level}")
        probe.close()


def _check_open(
    path: Path, uri: str, key: Key | None, known_steps: int, size: int
) -> CheckedBackup:
    try:
        db = _open_uri(uri, key)
    except WrongKeyError as exc:
        raise BackupError(msg("backup_wrong_key", path=str(path))) from exc
    except DatabaseCorruptError as exc:
        raise BackupError(msg("backup_damaged", path=str(path))) from exc
    except StoreError as exc:
        raise BackupError(msg("backup_unreadable", path=str(path), error=str(exc))) from exc
    try:
        try:
            check_integrity(db)
            tables = {
                r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            schema = int(db.execute("PRAGMA user_version").fetchone()[0])
        except (DatabaseCorruptError, driver.DatabaseError) as exc:
            raise BackupError(msg("backup_damaged", path=str(path))) from exc
    finally:
        db.close()
    if "conferences" not in tables or "cases" not in tables:
        raise BackupError(msg("backup_not_mdcc", path=str(path)))
    if schema > known_steps:
        raise BackupError(
            msg("backup_too_new", path=str(path), schema=schema, known=known_steps)
        ) from SchemaTooNewError(msg("schema_too_new", schema=schema, known=known_steps))
    return CheckedBackup(path, schema, size)


def _open_uri(uri: str, key: Key | None) -> Database:
    from mdcc_desktop.store.connection import key_pragma

    try:
        conn = driver.connect(uri, uri=True, check_same_thread=True)
    except driver.Error as exc:
        mapped = translate(exc, keyed=key is not None)
        if mapped is not None:
            raise mapped from exc
        raise
    try:
        if key is not None:
            conn.execute(key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except driver.Error as exc:
        conn.close()
        mapped = translate(exc, keyed=key is not None)
        if mapped is not None:
            raise mapped from exc
        raise
    return Database(conn)


@dataclass(frozen=True)
class Restored:
    backup: Path
    kept_aside: Path | None  # the database as it was (a backup, or the damaged file moved)
    damaged: bool  # the database as it was did not open: it was moved aside unchanged


def _database_files(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + s) for s in ("-wal", "-shm", "-journal")]


def set_aside_damaged(db_path: Path, folder: Path) -> Path:
    """Move the database (and its WAL) unchanged into ``folder``/damaged; the moved file."""
    aside_dir = folder / DAMAGED_FOLDER
    stamp = dt.datetime.now(dt.UTC).strftime(_STAMP)
    target = aside_dir / f"{PREFIX}-{stamp}-{os.urandom(2).hex()}-damaged{SUFFIX}"
    try:
        aside_dir.mkdir(parents=True, exist_ok=True)
        _move(db_path, target)
        for extra in _database_files(db_path):
            if extra.exists():
                _move(extra, target.with_name(target.name + extra.name[len(db_path.name) :]))
    except OSError as exc:
        raise _environment(exc, target) from exc
    log.info("set the damaged database aside")
    return target


def _move(source: Path, target: Path) -> None:
    try:
        os.replace(source, target)
    except OSError as exc:
        import errno

        if exc.errno != errno.EXDEV:
            raise
        shutil.copy2(source, target)  # another disk: copy, then remove
        source.unlink()


def restore_file(
    db_path: Path, backup: Path, folder: Path, key: Key | None, known_steps: int
) -> Restored:
    """Put the checked ``backup`` in place of the database at ``db_path`` (no connection to it
    may be open). The current database is kept aside first (see the module's docstring); if
    anything fails before the swap, nothing has changed."""
    checked = check_backup(backup, key, known_steps)
    tmp = db_path.with_name(f".{db_path.name}.{os.urandom(4).hex()}.restoring")
    try:
        try:
            shutil.copyfile(checked.path, tmp)
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())
        except OSError as exc:
            raise _environment(exc, db_path) from exc
        check_backup(tmp, key, known_steps)  # the copy, as read back from the disk
        kept: Path | None = None
        damaged = False
        if db_path.exists():
            try:
                current = open_database(db_path, wal=False, key=key)
            except (DatabaseCorruptError, WrongKeyError):
                current = None
            if current is not None:
                try:
                    check_integrity(current)
                    kept = make_backup(current, folder, key, "before-restore")
                except DatabaseCorruptError:
                    kept = None
                finally:
                    current.close()
            if kept is None:
                kept = set_aside_damaged(db_path, folder)
                damaged = True
        try:
            for extra in _database_files(db_path):
                extra.unlink(missing_ok=True)  # the old file's WAL must not meet the new file
            os.replace(tmp, db_path)
        except OSError as exc:
            raise _environment(exc, db_path) from exc
        _fsync_dir(db_path.parent)
    finally:
        tmp.unlink(missing_ok=True)
    log.info("restored the database from a backup")
    return Restored(checked.path, kept, damaged)
