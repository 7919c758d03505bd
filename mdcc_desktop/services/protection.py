"""The data folder's protection: setting a passphrase, unlocking, recovering, changing it.

The database key lives in the data folder's key file, wrapped for the chair's passphrase and for
a recovery code (``store.keys``). A folder is in one of four states:

- ``NEW``: nothing there yet; the first run sets a passphrase and shows the recovery code once.
- ``PLAIN``: a database from before encryption; setting a passphrase encrypts it (and its
  backups) in place.
- ``LOCKED``: an encrypted database and its key file; the passphrase (or the recovery code)
  opens it.
- ``KEY_MISSING``: an encrypted database without its key file; nothing can open it until the
  key file is put back (from a backup of the data folder).
- ``DAMAGED``: a database file that is neither SQLite nor SQLCipher can have written (empty,
  too short, or not whole pages); opening it says it is damaged, as for any damaged file.

A wrong passphrase is told apart from a damaged database: the key file says whether a
passphrase is right (AES-GCM) before the database is touched. Repeated failures are slowed:
after three, each try must wait twice as long as the last (up to ten minutes), remembered in
the data folder so that starting again does not reset it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from mdcc_desktop.domain.clock import now
from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.messages import Message, msg
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.store import keys
from mdcc_desktop.store.headers import is_plain_sqlite
from mdcc_desktop.store.keys import KeyFileError, WrongSecretError

# The SQLite driver (store.Store, store.encryption) is imported where a database is touched:
# the unlock screen asks for the passphrase first, without it.

# The shortest passphrase set-up takes: the set-up screen says it before the chair types.
MIN_PASSPHRASE_CHARS = keys.MIN_PASSPHRASE_CHARS
# Raised by unlock for a passphrase that is not the folder's (the screens catch it by this name).
WrongPassphraseError = WrongSecretError
FAILURES_FILE = "unlock-failures.json"
FREE_TRIES = 3
MAX_WAIT_S = 600


class FolderState(StrEnum):
    NEW = "new"
    PLAIN = "plain"
    LOCKED = "locked"
    KEY_MISSING = "key_missing"
    DAMAGED = "damaged"


# SQLCipher writes whole pages (4096 bytes by default; never less than 512): a file that is not
# a whole number of them was not written by it.
MIN_PAGE = 512


class AlreadySetUpError(MdccError):
    """The folder has a passphrase already (another process may just have set it)."""


class WaitBeforeTryingError(MdccError):
    """Too many wrong passphrases: the next try must wait ``seconds``."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(msg("wait_before_trying", seconds=seconds))


@dataclass(frozen=True)
class SetUp:
    """What setting a passphrase made: the key (to open the database) and the recovery code,
    to show once and never store."""

    db_key: bytes
    recovery_code: str
    encrypted_existing: bool  # a plain database (and its backups) was encrypted


class Protection:
    def __init__(self, paths: AppPaths, cost: dict[str, int] | None = None) -> None:
        self.paths = paths
        self.cost = cost or {}  # the KDF's cost for new wrappings (tests make it cheap)

    @property
    def key_path(self) -> Path:
        return self.paths.data_dir / keys.KEY_FILE_NAME

    @property
    def _failures_path(self) -> Path:
        return self.paths.data_dir / FAILURES_FILE

    def state(self) -> FolderState:
        has_key = self.key_path.exists()
        database = self.paths.database
        if has_key:
            return FolderState.LOCKED
        if not database.exists():
            return FolderState.NEW
        if database.stat().st_size == 0:
            return FolderState.DAMAGED  # an empty file is damage, never a fresh start
        if is_plain_sqlite(database):
            return FolderState.PLAIN
        size = database.stat().st_size
        if size < MIN_PAGE or size % MIN_PAGE:
            return FolderState.DAMAGED
        return FolderState.KEY_MISSING

    # --- setting up ----------------------------------------------------------------------------

    def set_up(self, passphrase: str) -> SetUp:
        """Make the folder's key for ``passphrase``; encrypt a plain database already there.

        The key file is written first: a crash after it leaves a plain database that the next
        unlock encrypts, never an encrypted one without its key.
        """
        from mdcc_desktop.services.data_dir import DataDirError, check_data_dir

        check_data_dir(self.paths)
        state = self.state()
        if state is FolderState.LOCKED:
            raise AlreadySetUpError(msg("already_set_up"))
        if state is FolderState.KEY_MISSING:
            raise KeyFileError(self._key_missing_message())
        if state is FolderState.PLAIN:
            # Damage is said as damage, before anything is written (no key file either).
            from mdcc_desktop.store import Store

            Store.check_file(self.paths.database, self.paths.backups)
        made = keys.create(passphrase, **self.cost)
        try:
            keys.save(self.key_path, made.key_file, exclusive=True)
        except FileExistsError:  # another process set it up meanwhile: its key is the one
            raise AlreadySetUpError(msg("already_set_up")) from None
        except OSError as exc:
            raise DataDirError(
                msg("data_dir_unusable", folder=str(self.paths.data_dir), error=_why(exc))
            ) from exc
        encrypted = self._encrypt_plain(made.db_key)
        return SetUp(made.db_key, made.recovery_code, encrypted)

    def _encrypt_plain(self, db_key: bytes) -> bool:
        encrypted = False
        from mdcc_desktop.store.encryption import encrypt_backups, encrypt_file

        if self.paths.database.exists() and is_plain_sqlite(self.paths.database):
            encrypt_file(self.paths.database, db_key, self.paths.backups)
            encrypted = True
        if self.paths.backups.is_dir():
            encrypted = bool(encrypt_backups(self.paths.backups, db_key)) or encrypted
        return encrypted

    # --- unlocking -----------------------------------------------------------------------------

    def unlock(self, passphrase: str) -> bytes:
        """The database key for ``passphrase``: WrongSecretError if it is not the one,
        WaitBeforeTryingError while too many wrong tries are being slowed down."""
        return self._open(lambda key_file: keys.unlock(key_file, passphrase))

    def recover(self, code: str, new_passphrase: str) -> bytes:
        """Open with the recovery code and set ``new_passphrase`` (the code keeps working)."""
        problem = keys.passphrase_problem(new_passphrase)
        if problem:
            raise WrongSecretError(problem)
        db_key = self._open(lambda key_file: keys.recover(key_file, code))
        changed = keys.change_passphrase(self._key_file(), db_key, new_passphrase, **self.cost)
        keys.save(self.key_path, changed)
        return db_key

    def change_passphrase(self, old: str, new: str) -> None:
        """Rewrap the key for ``new`` (the database is not rewritten)."""
        db_key = self.unlock(old)
        changed = keys.change_passphrase(self._key_file(), db_key, new, **self.cost)
        keys.save(self.key_path, changed)

    def new_recovery_code(self, passphrase: str) -> str:
        """A new recovery code (the old one stops working), shown once."""
        db_key = self.unlock(passphrase)
        changed, code = keys.new_recovery(self._key_file(), db_key, **self.cost)
        keys.save(self.key_path, changed)
        return code

    def require_key_file(self) -> None:
        """Raise KeyFileError saying what to do when the key file is missing."""
        if not self.key_path.exists() and self.state() is FolderState.KEY_MISSING:
            raise KeyFileError(self._key_missing_message())

    def _key_file(self) -> keys.KeyFile:
        if not self.key_path.exists() and self.state() is FolderState.KEY_MISSING:
            raise KeyFileError(self._key_missing_message())
        return keys.load(self.key_path)

    def _open(self, unwrap: Any) -> bytes:
        wait = self.seconds_to_wait()
        if wait > 0:
            raise WaitBeforeTryingError(wait)
        key_file = self._key_file()
        try:
            db_key: bytes = unwrap(key_file)
        except WrongSecretError:
            self._count_failure()
            raise
        self._clear_failures()
        # A crash between writing the key file and encrypting left a plain database: finish.
        self._encrypt_plain(db_key)
        return db_key

    def _key_missing_message(self) -> Message:
        return msg("key_file_gone", folder=str(self.paths.data_dir), name=keys.KEY_FILE_NAME)

    # --- slowing down repeated failures --------------------------------------------------------

    def _read_failures(self) -> tuple[int, dt.datetime | None]:
        try:
            data = json.loads(self._failures_path.read_text(encoding="utf-8"))
            count = int(data["count"])
            last = dt.datetime.fromisoformat(str(data["last"]))
        except (OSError, ValueError, KeyError, TypeError):
            return 0, None
        return max(count, 0), last

    def seconds_to_wait(self) -> int:
        """How long before the next try is allowed (0: now)."""
        count, last = self._read_failures()
        if count < FREE_TRIES or last is None:
            return 0
        wait = min(2 ** (count - FREE_TRIES), MAX_WAIT_S)
        elapsed = (now() - last).total_seconds()
        return max(0, int(wait - elapsed + 0.999))

    def _count_failure(self) -> None:
        count, _ = self._read_failures()
        self._write_failures({"count": count + 1, "last": now().isoformat()})

    def _clear_failures(self) -> None:
        # A read-only folder says EROFS even when there is nothing to remove: no failures then.
        with contextlib.suppress(OSError):
            self._failures_path.unlink(missing_ok=True)

    def _write_failures(self, data: dict[str, Any]) -> None:
        tmp = self._failures_path.with_name(f".{FAILURES_FILE}.{os.urandom(4).hex()}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f)
            os.replace(tmp, self._failures_path)
        except OSError:
            with contextlib.suppress(OSError):  # best effort on a read-only folder
                tmp.unlink(missing_ok=True)


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)
