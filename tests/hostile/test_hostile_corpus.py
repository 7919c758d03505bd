"""Every hostile input in the corpus gets its expected exit code, one clear message, no traceback,
and no hang: each case runs the real ``mdcc`` in its own process and data folder."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.generate import DATA, ID, WORK, Case, all_cases, lay_out

REPO = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60
MEMORY_LIMIT = 3 * 1024**3  # a case that reads without bound fails here, not the machine


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _run(
    args: list[str], data: Path, work: Path, conference_id: str
) -> subprocess.CompletedProcess[bytes]:
    filled = [
        a.replace(DATA, str(data)).replace(WORK, str(work)).replace(ID, conference_id) for a in args
    ]
    env = {**os.environ, "MDCC_DATA_DIR": str(data), "PYTHONIOENCODING": "utf-8"}
    try:
        return subprocess.run(
            [sys.executable, "-m", "mdcc_desktop.cli", *filled],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=TIMEOUT_S,
            cwd=REPO,
            env=env,
            check=False,
            preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"`mdcc {' '.join(a[:60] for a in filled)}` hung for {TIMEOUT_S} s")


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A data folder holding the demo conference, made once and copied for each case."""
    data = tmp_path_factory.mktemp("demo") / "data"
    result = _run(["demo"], data, data, "")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return data, result.stdout.decode().strip().splitlines()[-1]


CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input_gets_its_expected_outcome(
    case: Case, tmp_path: Path, demo_data: tuple[Path, str]
) -> None:
    data, work = tmp_path / "data", tmp_path / "work"
    conference_id = "1"
    if case.demo:
        shutil.copytree(demo_data[0], data)
        conference_id = demo_data[1]
    lay_out(case, tmp_path)
    for before in case.before:
        done = _run(before, data, work, conference_id)
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    if case.prepare is not None:
        case.prepare(data, work)

    result = _run(case.args, data, work, conference_id)

    stderr = result.stderr.decode("utf-8", "replace")
    stdout = result.stdout.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    assert result.returncode != 1, f"exit 1 (a bug) for {case.name}: {stderr[-2000:]}"
    assert result.returncode == case.exit, (
        f"{case.name}: exit {result.returncode}: {stderr[-2000:]}"
    )
    if case.exit == 2:
        assert stderr.strip(), "a refusal must say why"
        assert len(stderr) < 20_000, "one line per problem, not a dump"
    if case.says:
        assert case.says.lower() in stderr.lower(), stderr
    for raw in case.stdout_lacks:
        assert raw not in stdout, f"{raw!r} reached the terminal raw"
