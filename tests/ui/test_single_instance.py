"""One app per data folder: a second start is refused with a message and raises the first.

Real processes: the first app runs as a chair would start it (on the offscreen platform), the
second is ``mdcc-desktop --smoke``. Every wait has a timeout, and the first is killed at the end.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mdcc_desktop.app import ALREADY_OPEN
from mdcc_desktop.logs import LOG_NAME
from mdcc_desktop.ui.single_instance import LOCK_NAME, server_name

pytestmark = pytest.mark.slow

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
ENV.pop("MDCC_DATA_DIR", None)


def log_of(data_dir: Path) -> str:
    path = data_dir / "logs" / LOG_NAME
    return path.read_text(encoding="utf-8") if path.exists() else ""


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


@pytest.fixture
def first_app(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    """The app running on a data folder, ready for other starts; killed at the end."""
    data_dir = tmp_path / "data"
    process = subprocess.Popen(
        [sys.executable, "-m", "mdcc_desktop", "--data-dir", str(data_dir)],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        wait_for(
            lambda: "listening for other starts" in log_of(data_dir) or process.poll() is not None,
            60,
            "the first app to start",
        )
        assert process.poll() is None, "the first app did not stay open"
        yield process, data_dir
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)


def smoke(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mdcc_desktop", "--smoke", "--data-dir", str(data_dir)],
        env=ENV,
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )


def test_a_second_start_on_the_same_folder_is_refused_and_raises_the_first(
    first_app: tuple[subprocess.Popen[str], Path], tmp_path: Path
) -> None:
    process, data_dir = first_app
    # Another spelling of the same folder is the same folder.
    second = smoke(data_dir / ".." / data_dir.name)
    assert second.returncode == 2, second.stderr
    assert ALREADY_OPEN in second.stderr
    wait_for(lambda: "raising the main window" in log_of(data_dir), 30, "the first to be raised")
    assert process.poll() is None, "the first app must go on"
    # Another data folder is another app; the command line never takes the lock.
    assert smoke(tmp_path / "other").returncode == 0
    listed = subprocess.run(
        [sys.executable, "-m", "mdcc_desktop.cli", "list", "--data-dir", str(data_dir)],
        env=ENV,
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr


def test_a_lock_left_by_a_killed_app_does_not_block_the_next_start(
    first_app: tuple[subprocess.Popen[str], Path],
) -> None:
    process, data_dir = first_app
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    assert (data_dir / LOCK_NAME).exists(), "the killed app left its lock behind"
    started = smoke(data_dir)
    assert started.returncode == 0, started.stderr
    assert not (data_dir / LOCK_NAME).exists(), "a closed app releases the lock"


def test_the_socket_name_follows_the_resolved_folder(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a" / ".." / "a")
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
