"""Reading input files and writing exports safely, with a message a user can act on.

Writing (every export, minutes, letter and e-mail draft goes through :func:`save_export` or
:func:`write_atomically`):

- only to a regular file: a device (``/dev/null``, a disk), a FIFO or a socket is refused, where
  the rename used to replace the device node with a file;
- a symlink is written through: the file it points at gets the new contents and the link stays
  (the rename used to replace the link with a file); a link to nothing is refused;
- the data goes to a temporary file beside the target, created exclusively and readable by the
  owner only (0600), fsynced and renamed over the target; it is removed if anything fails, and
  leftovers of writes that were killed are removed the next time that target is written;
- a new file is created 0600 (child data: owner only); an existing file keeps its mode.
  Modes are POSIX: on Windows the new file gets the folder's inherited permissions (ACLs), as
  any file saved there does.

Reading (import files, profiles, templates): only regular files, checked with ``os.stat``
before opening (a FIFO used to hang the import, ``/dev/zero`` to read until memory ran out),
and never more than a bound (:data:`MAX_INPUT_BYTES`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from pathlib import Path

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.messages import Message, msg

# The largest file read as input (an exchange file, a profile, a template): far above any real
# conference (a 100,000-action conference is about 40 MB), far below what hurts the machine.
MAX_INPUT_BYTES = 64 * 1024 * 1024

NEW_FILE_MODE = 0o600
# A leftover temporary file this old is from a write that died, whoever made it.
STALE_AFTER_SECONDS = 3600
# The part of the target's name the temporary file's name repeats: with the prefix and suffix
# it stays within a file name's 255 bytes.
_TMP_NAME_BYTES = 150


def _describe(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _os_message(path: Path, exc: OSError, doing: str) -> Message:
    writing = doing == "write"
    if exc.errno == errno.ENAMETOOLONG:
        name = str(path)[:80]
        if writing:
            return msg("name_too_long_write", name=name)
        return msg("name_too_long_read", name=name)
    if exc.errno == errno.ENOSPC:
        return msg("file_disk_full", path=str(path))
    if exc.errno == errno.EROFS:
        return msg("file_read_only_disk", path=str(path))
    if isinstance(exc, PermissionError):
        if writing:
            return msg("file_denied_write", path=str(path))
        return msg("file_denied_read", path=str(path))
    error = exc.strerror or str(exc)
    if writing:
        return msg("file_cannot_write", path=str(path), error=error)
    return msg("file_cannot_read", path=str(path), error=error)


def _lstat(path: Path, doing: str) -> os.stat_result | None:
    """``os.lstat`` or None when nothing is there; a name too long etc. is a ValidationError."""
    try:
        return os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise ValidationError(_os_message(path, exc, doing)) from exc


# --- reading ---------------------------------------------------------------------------------


def size_text(size: int) -> str:
    """``64 MB``, ``1 kB`` or ``1,000 bytes``: a limit as a person reads it."""
    for unit, name in ((1024 * 1024, "MB"), (1024, "kB")):
        if size >= unit and size % unit == 0:
            return f"{size // unit} {name}"
    return f"{size:,} bytes"


def read_input(path: Path, limit: int = MAX_INPUT_BYTES, what: str = "file") -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises ValidationError naming the problem: missing, a folder or a device or a pipe (checked
    before opening, so a FIFO cannot hang the program), larger than ``limit``, unreadable.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise ValidationError(msg("file_missing", path=str(path))) from exc
    except OSError as exc:
        raise ValidationError(_os_message(path, exc, "read")) from exc
    if not stat.S_ISREG(info.st_mode):
        raise ValidationError(msg("not_a_file", path=str(path), kind=_describe(info.st_mode)))
    too_big = ValidationError(msg("file_too_big", path=str(path), size=size_text(limit), what=what))
    if info.st_size > limit:
        raise too_big
    try:
        # O_NONBLOCK: should the name have been swapped for a FIFO since the stat, open and read
        # return at once instead of waiting for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ValidationError(_os_message(path, exc, "read")) from exc
    with os.fdopen(fd, "rb") as fh:
        opened = os.fstat(fh.fileno()).st_mode
        if not stat.S_ISREG(opened):
            raise ValidationError(msg("not_a_file", path=str(path), kind=_describe(opened)))
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise ValidationError(_os_message(path, exc, "read")) from exc
    if len(data) > limit:
        raise too_big
    return data


# --- writing ---------------------------------------------------------------------------------


def _tmp_prefix(target: Path) -> str:
    name = target.name
    while len(os.fsencode(name)) > _TMP_NAME_BYTES:
        name = name[:-1]
    return f".{name}."


def _remove_leftovers(target: Path) -> None:
    """Remove temporary files that killed writes of ``target`` left beside it.

    ``.NAME.part`` is the name older versions used; ours are ``.NAME.PID-RANDOM.part``, removed
    when that process is gone (POSIX) or the file is over an hour old.
    """
    prefix = _tmp_prefix(target)
    legacy = f".{target.name}.part"
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        if name == legacy:
            stale = True
        elif name.startswith(prefix) and name.endswith(".part"):
            pid_text = name[len(prefix) : -len(".part")].split("-", 1)[0]
            stale = _stale(target.parent / name, pid_text)
        else:
            continue
        if stale:
            with contextlib.suppress(OSError):
                os.unlink(target.parent / name)


def _stale(path: Path, pid_text: str) -> bool:
    if pid_text == str(os.getpid()):
        return False
    try:
        if time.time() - os.lstat(path).st_mtime > STALE_AFTER_SECONDS:
            return True
    except OSError:
        return False
    if os.name != "posix" or not pid_text.isdigit():
        return False  # os.kill on Windows would end the process, not probe it
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, another user's
    return False


def _resolve_target(target: Path) -> Path:
    """The file to write for ``target``: a symlink is followed to the file it points at."""
    info = _lstat(target, "write")
    if info is not None and stat.S_ISLNK(info.st_mode):
        return Path(os.path.realpath(target))
    return target


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target, then rename: a failure never leaves half a file behind.

    See the module's docstring for symlinks, devices and modes. Raises ValidationError for a
    target that is not a regular file, OSError for a failed write (the target then unchanged).
    """
    path = _resolve_target(path)
    info = _lstat(path, "write")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise ValidationError(msg("export_not_file", path=str(path), kind=_describe(info.st_mode)))
    _remove_leftovers(path)
    mode = stat.S_IMODE(info.st_mode) if info is not None else NEW_FILE_MODE
    import secrets  # here: it costs every start 10 ms (random, hashlib)

    tmp = path.with_name(f"{_tmp_prefix(path)}{os.getpid()}-{secrets.token_hex(4)}.part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, NEW_FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            if os.name == "posix" and mode != NEW_FILE_MODE:
                os.fchmod(fh.fileno(), mode)  # an existing file keeps its mode
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def save_export(target: Path, data: bytes, example: str) -> None:
    """Write an export to ``target`` or raise ValidationError saying why it cannot be.

    ``example`` is a file name to suggest when the user gave a folder.
    """
    real = _resolve_target(target)
    info = _lstat(real, "write")
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise ValidationError(
            msg("export_is_folder", path=str(target), example=str(target / example))
        )
    if info is None and real != target:
        raise ValidationError(msg("dangling_link", path=str(target), real=str(real)))
    if not real.parent.is_dir():
        raise ValidationError(_no_folder(real.parent))
    if info is not None and stat.S_ISREG(info.st_mode) and not os.access(real, os.W_OK):
        raise ValidationError(msg("export_read_only", path=str(target)))
    try:
        write_atomically(real, data)
    except FileNotFoundError as exc:
        # The temporary file beside the target could not be made in a folder that is there:
        # a system folder (/proc, /sys) that takes no new file. "No such file" would read as
        # if the target were missing.
        if real.parent.is_dir():
            raise ValidationError(
                msg("folder_takes_no_files", path=str(target), folder=str(real.parent))
            ) from exc
        raise ValidationError(_no_folder(real.parent)) from exc
    except OSError as exc:
        raise ValidationError(_os_message(target, exc, "write")) from exc


def _no_folder(folder: Path) -> Message:
    """Why ``folder`` (not a folder) cannot take a file: missing, or it (or a folder above it)
    is a file."""
    for above in (folder, *folder.parents):
        try:
            info = os.stat(above)
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode):
            return msg("folder_is_a_file", folder=str(above))
        break
    return msg("no_folder", folder=str(folder))
