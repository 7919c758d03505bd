"""Logging to a rotating file in the log dir.

Child data is sensitive: log messages name records by id only, never by a person's name or
any text a user typed. A log dir that cannot be written is not fatal: logging goes nowhere.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

LOG_NAME = "mdcc.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 5


class _RotatingLog(logging.FileHandler):
    """A log file that is opened on the first record and rotated past ``MAX_LOG_BYTES``
    (``mdcc.log`` becomes ``mdcc.log.1``, that one ``.2``, up to ``LOG_BACKUPS``), as
    ``logging.handlers.RotatingFileHandler`` does, without importing ``logging.handlers``
    (socket, pickle, queue: some 15 ms at every start that logs anything)."""

    def __init__(self, target: Path) -> None:
        super().__init__(target, encoding="utf-8", delay=True)
        self.target = target
        self._broken = False  # the file cannot be written: logging goes nowhere

    def emit(self, record: logging.LogRecord) -> None:
        if self._broken:
            return
        try:
            if self._due(record):
                self._rotate()
        except OSError:
            self._broken = True
            return
        super().emit(record)

    def _due(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        return bool(self.stream.tell() + len(self.format(record)) + 1 >= MAX_LOG_BYTES)

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        for number in range(LOG_BACKUPS - 1, 0, -1):
            older = self.target.with_name(f"{self.target.name}.{number}")
            if older.exists():
                older.replace(self.target.with_name(f"{self.target.name}.{number + 1}"))
        if self.target.exists():
            self.target.replace(self.target.with_name(f"{self.target.name}.1"))
        self.stream = self._open()


def setup_logging(log_dir: Path, console: bool = False, level: int = logging.INFO) -> Path | None:
    root = logging.getLogger("mdcc_desktop")
    root.setLevel(level)
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
    root.propagate = False
    target: Path | None = None
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        target = log_dir / LOG_NAME
        with open(target, "a", encoding="utf-8"):  # can it be written? (the file is kept)
            pass
        handler: logging.Handler = _RotatingLog(target)
    except OSError:
        handler = logging.NullHandler()
        target = None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(logging.Formatter(_FORMAT))
        stream.setLevel(logging.WARNING)
        root.addHandler(stream)
    return target


def version_details(qt_version: str | None = None) -> list[str]:
    """The app's, Python's, Qt's (when the caller has it: this module imports no Qt) and the
    operating system's versions, one a line: what a bug report needs first."""
    import platform

    from mdcc_desktop import __version__

    lines = [f"MDCC Desktop {__version__}", f"Python {platform.python_version()}"]
    if qt_version:
        lines.append(f"Qt {qt_version}")
    lines.append(f"OS {platform.platform()}")
    return lines


def crash_report(
    exc_type: type[BaseException],
    tb: TracebackType | None,
    qt_version: str | None = None,
    thread: str | None = None,
) -> str:
    """What went wrong, for logs and bug reports: the versions (see :func:`version_details`),
    the error's type, the thread it happened on when not the main one, and the code locations,
    never its message or any value (they may hold a child's name)."""
    import traceback

    frames = traceback.extract_tb(tb)
    lines = version_details(qt_version)
    lines.append(f"Error: {exc_type.__module__}.{exc_type.__qualname__}")
    if thread:
        lines.append(f"Thread: {_thread_kind(thread)}")
    lines.append("Where:")
    lines += [
        f"  {f.filename.rsplit('mdcc_desktop', 1)[-1]}:{f.lineno} in {f.name}" for f in frames
    ]
    return "\n".join(lines)


def _thread_kind(name: str) -> str:
    """A thread's name without anything a caller may have put in it beyond a plain label."""
    return name if name.replace("-", "").replace("_", "").replace(" ", "").isalnum() else "worker"
