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


class _RotatingLog(logging.Handler):
    """A rotating log file made on the first record: ``logging.handlers`` (socket, pickle) is
    imported only when something is logged, not at every start."""

    def __init__(self, target: Path) -> None:
        super().__init__()
        self.target = target
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            import logging.handlers

            try:
                self._file = logging.handlers.RotatingFileHandler(
                    self.target, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
                )
            except OSError:
                self._file = logging.NullHandler()
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


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


def crash_report(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """What went wrong, for logs and bug reports: the version, the platform, the error's type
    and the code locations, never its message or any value (they may hold a child's name)."""
    import platform
    import traceback

    from mdcc_desktop import __version__

    frames = traceback.extract_tb(tb)
    lines = [
        f"MDCC Desktop {__version__}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"Error: {exc_type.__module__}.{exc_type.__qualname__}",
        "Where:",
    ]
    lines += [
        f"  {f.filename.rsplit('mdcc_desktop', 1)[-1]}:{f.lineno} in {f.name}" for f in frames
    ]
    return "\n".join(lines)
