"""A wrong key is said in one clear line, and nothing else reaches the terminal: SQLCipher
writes its own log lines to stderr ("ERROR CORE sqlcipher_page_cipher: hmac check failed for
pgno=1", then two more) for every page a key cannot read, which the command line and the GUI
printed under their own message (issue 11 point 2). Real processes on real data folders: a
wrong passphrase, and a right passphrase whose key file belongs to another folder (the key
then opens the key file but not the database, and SQLCipher is the one to find out)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.protection import Protection
from mdcc_desktop.store import keys
from tests.conftest import TEST_PASSPHRASE


def run(module: str, *args: object, passphrase: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MDCC_DATA_DIR"}
    env.update({"MDCC_PASSPHRASE": passphrase, "QT_QPA_PLATFORM": "offscreen"})
    return subprocess.run(
        [sys.executable, "-m", module, *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def encrypted_folder(data: Path) -> None:
    made = Protection(AppPaths(data)).set_up(TEST_PASSPHRASE)
    Services.open(AppPaths(data), key=made.db_key).close()


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, Path]:
    """A locked folder, and one whose key file is another folder's (same passphrase)."""
    locked = tmp_path / "locked"
    encrypted_folder(locked)
    other = tmp_path / "other"
    encrypted_folder(other)
    mixed = tmp_path / "mixed"
    shutil.copytree(locked, mixed)
    shutil.copy(other / keys.KEY_FILE_NAME, mixed / keys.KEY_FILE_NAME)
    return {"locked": locked, "mixed": mixed}


# Qt's offscreen platform (the tests' stand-in for a screen) says this on every window it shows.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def said(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip() and line != OFFSCREEN_NOISE]


@pytest.mark.parametrize(
    ("folder", "passphrase", "message"),
    [
        ("locked", "not the passphrase", "That passphrase does not open this data folder."),
        ("mixed", TEST_PASSPHRASE, "the key file belongs to another data folder"),
    ],
    ids=["wrong passphrase", "another folder's key file"],
)
def test_the_command_line_says_one_line(
    folders: dict[str, Path], folder: str, passphrase: str, message: str
) -> None:
    done = run("mdcc_desktop.cli", "list", "--data-dir", folders[folder], passphrase=passphrase)
    assert done.returncode == 2
    assert said(done.stderr) == [line for line in said(done.stderr) if message in line]
    assert len(said(done.stderr)) == 1, done.stderr


def test_the_gui_says_one_line(folders: dict[str, Path]) -> None:
    """``--smoke`` unlocks with ``MDCC_PASSPHRASE`` as a chair would type it; the database then
    refuses the key."""
    done = run(
        "mdcc_desktop", "--smoke", "--data-dir", folders["mixed"], passphrase=TEST_PASSPHRASE
    )
    assert done.returncode == 2, done.stderr
    lines = said(done.stderr)
    assert len(lines) == 1 and lines[0].startswith("mdcc-desktop: "), done.stderr
    assert "the key file belongs to another data folder" in lines[0]
