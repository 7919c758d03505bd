"""Where MDCC Desktop keeps its files, resolved when asked, never at import time.

The data dir comes from, in order: an explicit ``--data-dir``, the ``MDCC_DATA_DIR`` environment
variable, then platformdirs' per-user data dir (platformdirs is the maintained successor of the
deprecated appdirs, and knows the current Windows, macOS and XDG conventions).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from mdcc_desktop import APP_ID

ENV_DATA_DIR = "MDCC_DATA_DIR"
DATABASE_NAME = "mdcc.sqlite3"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    @property
    def profiles(self) -> Path:
        """User-added jurisdiction profiles (``*.toml``)."""
        return self.data_dir / "profiles"

    @property
    def templates(self) -> Path:
        """User-added Word templates."""
        return self.data_dir / "templates"

    def ensure(self) -> None:
        """Create the folders; raises OSError (e.g. read-only) for the caller to report."""
        for folder in (self.data_dir, self.backups, self.logs, self.profiles):
            folder.mkdir(parents=True, exist_ok=True)


def resolve(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    if data_dir:
        return AppPaths(Path(data_dir).expanduser().absolute())
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return AppPaths(Path(env).expanduser().absolute())
    return AppPaths(Path(platformdirs.user_data_dir(APP_ID, appauthor=False)))
