"""Many `mdcc import` processes on one data folder at once: each waits its turn, none is refused.

Writes begin IMMEDIATE so that SQLite's busy timeout applies; a deferred transaction that read
first failed at once with "database in use" when another process had committed meanwhile
(23 of 90 parallel imports did).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import connect

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "mdcc_desktop" / "services" / "demo" / "hk-initial-demo.json"
PROCESSES = 30


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "MDCC_DATA_DIR"}


def _start(data: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "mdcc_desktop.cli", "--data-dir", str(data), *args],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _run_all(procs: list[subprocess.Popen[bytes]]) -> list[tuple[int, str]]:
    results = []
    for proc in procs:
        _out, err = proc.communicate(timeout=300)
        results.append((proc.returncode, err.decode("utf-8", "replace")))
    return results


def test_parallel_imports_into_one_database_all_succeed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = _run_all([_start(data, "import", str(DEMO))])
    assert first[0][0] == 0, first[0][1]

    results = _run_all([_start(data, "import", str(DEMO)) for _ in range(PROCESSES)])

    failures = [err for code, err in results if code != 0]
    assert failures == []
    conn = connect(data)
    try:
        assert conn.execute("SELECT count(*) FROM conferences").fetchone()[0] == PROCESSES + 1
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def test_parallel_first_runs_on_a_new_folder_all_succeed(tmp_path: Path) -> None:
    """The processes race to create the database too: one creates it, the others use it."""
    data = tmp_path / "data"
    results = _run_all([_start(data, "import", str(DEMO)) for _ in range(PROCESSES // 2)])

    failures = [err for code, err in results if code != 0]
    assert failures == []
    conn = connect(data)
    try:
        assert conn.execute("SELECT count(*) FROM conferences").fetchone()[0] == PROCESSES // 2
    finally:
        conn.close()
    leftovers = [p.name for p in data.iterdir() if p.name.startswith(".")]
    assert leftovers == []
