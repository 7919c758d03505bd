"""Turning a plain database (and its backups) into encrypted ones, in place and safely.

An app that ran before encryption existed left a plain SQLite file, its WAL and plain backups
in the data folder. On the first unlock they are encrypted with the data folder's key: the
plain database is exported into a new encrypted file (SQLCipher's ``sqlcipher_export``), the
copy is checked (it opens with the key, passes the integrity check and holds as many rows),
and only then replaces the plain file, whose old contents are overwritten before they are
removed (best effort: a solid-state disk may keep copies no program can reach). A crash at any
moment leaves either the plain file or the checked encrypted one under the database's name.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from mdcc_desktop.domain.messages import msg
from mdcc_desktop.store import driver
from mdcc_desktop.store.connection import Key, key_pragma
from mdcc_desktop.store.errors import BACKUP_SUFFIXES, CannotOpenError, damaged
from mdcc_desktop.store.headers import is_plain_sqlite

log = logging.getLogger(__name__)


def _key_literal(key: Key) -> str:
    """The key as SQLCipher's ATTACH ... KEY takes it: a raw key as x'hex', a passphrase as is."""
    pragma = key_pragma(key)  # PRAGMA key = "x'..'" or PRAGMA key = '...'
    value = pragma.split("=", 1)[1].strip()
    if value.startswith('"') and value.endswith('"'):
        return value[1:-1]
    return value[1:-1].replace("''", "'")


def _table_counts(conn: driver.Connection, schema: str = "main") -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    ]
    return {
        n: int(conn.execute(f"SELECT count(*) FROM {schema}.[{n}]").fetchone()[0]) for n in names
    }


def _shred(path: Path) -> None:
    """Overwrite ``path`` with zeros, then remove it (best effort)."""
    with contextlib.suppress(OSError):
        size = path.stat().st_size
        with path.open("r+b") as f:
            chunk = b"\x00" * (1 << 20)
            left = size
            while left > 0:
                f.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
            f.flush()
            os.fsync(f.fileno())
    with contextlib.suppress(OSError):
        path.unlink()


def encrypt_file(path: Path, key: Key, backup_dir: Path | None = None) -> None:
    """Encrypt the plain SQLite database at ``path`` in place with ``key``.

    Nothing changes unless the encrypted copy checks out; then it takes the file's name and
    the plain file, its WAL and shared-memory file are overwritten and removed.
    """
    if not is_plain_sqlite(path):
        raise CannotOpenError(msg("not_plain_database", name=path.name))
    tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.encrypting")
    conn = driver.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        counts = _table_counts(conn)
        conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(tmp), _key_literal(key)))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute(f"PRAGMA encrypted.user_version = {version}")
        conn.execute("DETACH DATABASE encrypted")
    except driver.Error as exc:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise damaged(msg("encrypt_failed", error=type(exc).__name__), backup_dir) from exc
    conn.close()
    check = driver.connect(str(tmp), isolation_level=None)
    try:
        check.execute(key_pragma(key))
        ok = check.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        same = _table_counts(check) == counts
    finally:
        check.close()
    if not (ok and same):
        tmp.unlink(missing_ok=True)
        raise damaged(msg("encrypt_mismatch"), backup_dir)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    old = path.with_name(f".{path.name}.{os.urandom(4).hex()}.plain")
    os.link(path, old)  # keep the plain inode reachable to overwrite it after the swap
    os.replace(tmp, path)
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    _shred(old)
    for suffix in ("-wal", "-shm", "-journal"):
        _shred(path.with_name(path.name + suffix))
    log.info("encrypted the database in place")


def encrypt_backups(backup_dir: Path, key: Key) -> int:
    """Encrypt every plain database copy in ``backup_dir``; how many were encrypted."""
    done = 0
    try:
        found = [p for p in backup_dir.iterdir() if p.suffix in BACKUP_SUFFIXES and p.is_file()]
    except OSError:
        return 0
    for copy in sorted(found):
        if is_plain_sqlite(copy):
            encrypt_file(copy, key, backup_dir)
            done += 1
    return done
