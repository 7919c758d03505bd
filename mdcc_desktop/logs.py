"""Logging to a rotating file in the log dir.

Child data is sensitive: log messages name records by id only, never by a person's name or
any text a user typed. A log dir that cannot be written is not fatal: logging goes nowhere.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

LOG_NAME = "mdcc.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
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
