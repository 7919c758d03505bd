"""Where MDCC Desktop keeps its files, resolved when asked, never at import time.

The data dir comes from, in order: an explicit ``--data-dir``, the ``MDCC_DATA_DIR`` environment
variable, then platformdirs' per-user data dir (platformdirs is the maintained successor of the
deprecated appdirs, and knows the current Windows, macOS and XDG conventions).
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

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


def data_dir_argument(text: str) -> str:
    """``--data-dir``'s value, refused when empty: an empty folder name used to fall back to
    the default folder without a word, so a script's unset variable wrote to the wrong place."""
    if not text.strip():
        raise argparse.ArgumentTypeError(
            "the data folder is empty: give a folder, or leave out --data-dir for the default"
        )
    if "\x00" in text:
        raise argparse.ArgumentTypeError("the data folder's name holds a NUL character")
    return text


def resolve(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """The paths for ``data_dir``, else $MDCC_DATA_DIR, else the user data folder.

    An empty ``data_dir`` is a ValueError (the command lines refuse it before this).
    """
    if data_dir is not None:
        if not str(data_dir).strip():
            raise ValueError("the data folder is empty")
        return AppPaths(Path(data_dir).expanduser().absolute())
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return AppPaths(Path(env).expanduser().absolute())
    import platformdirs  # only when no folder is given: it costs a few ms at every start

    return AppPaths(Path(platformdirs.user_data_dir(APP_ID, appauthor=False)))
