"""Start-up benchmark: the median of `mdcc-desktop --smoke` against a floor.

Target (issue 9): the time to the first window a user sees at most 1.5x the floor, on an empty
data folder and on one with 10,000 conferences (100,000 actions; built once, in a child process,
with bench_tracker.py's builder). The floor is the start-up of a bare QApplication showing one
empty QMainWindow on the same machine, so the ratio says what MDCC Desktop adds, whatever the
machine's speed. Each is timed from the moment its process is started to the line it prints
once the window is on screen (the interpreter's start and every import included, the app's
module-level ones too): the floor once its window is shown and the events processed, the app
once its main window has been painted the first time. What runs after the line is not timed:
what the app does after its first paint (the summary of the conference selected, the integrity
check on its worker thread), the exit. the runs interleave, so load on the
machine falls on both alike, and they use bytecode caches (``__pycache__``), as an installed
copy has them, even when ``PYTHONDONTWRITEBYTECODE`` is set. (Until this change each process
timed itself from its first line of code, which left the app's module-level imports out.)

Not part of the test run (pytest ignores tests/benchmarks). Run it with
``.venv/bin/python tests/benchmarks/bench_startup.py [runs]``; prints a markdown section (see
tests/benchmarks/run_all.py) and exits 1 if a target is missed. Where the time goes:
``python -X importtime -m mdcc_desktop --smoke``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_RATIO = 1.5

FLOOR = (
    "import time; t=time.perf_counter();"
    "from PySide6.QtCore import QTimer;"
    "from PySide6.QtWidgets import QApplication, QMainWindow;"
    "app=QApplication([]); w=QMainWindow(); w.show(); QTimer.singleShot(0, app.quit); app.exec();"
    "print(round((time.perf_counter()-t)*1000))"
)


def _last_int(output: str) -> int:
    return int(output.strip().splitlines()[-1])


def _env() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("MDCC_DATA_DIR", None)
    return env


def _until_first_line(command: list[str], env: dict[str, str]) -> float:
    """Milliseconds from starting ``command`` to its first line of output (the time it
    prints), which must be a number; the process is then waited for and must exit 0."""
    started = time.perf_counter()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    ) as process:
        assert process.stdout is not None
        line = process.stdout.readline()
        elapsed = (time.perf_counter() - started) * 1000
        process.stdout.read()
        if process.wait() != 0:
            raise RuntimeError(f"{command[1:3]} failed (exit {process.returncode})")
    _last_int(line)  # the line is the time the process printed: the window was shown
    return elapsed


def _smoke(data_dir: Path, env: dict[str, str]) -> float:
    return _until_first_line(
        [sys.executable, "-m", "mdcc_desktop", "--smoke", "--data-dir", str(data_dir)], env
    )


def _floor(env: dict[str, str]) -> float:
    return _until_first_line([sys.executable, "-c", FLOOR], env)


def measure(folders: dict[str, Path], runs: int) -> tuple[dict[str, float], float]:
    env = _env()
    for data_dir in folders.values():  # warm: bytecode caches, the page cache, a migrated file
        _smoke(data_dir, env)
    _floor(env)
    times: dict[str, list[float]] = {name: [] for name in folders}
    floor: list[float] = []
    for _ in range(runs):
        floor.append(_floor(env))
        for name, data_dir in folders.items():
            times[name].append(_smoke(data_dir, env))
    return {name: statistics.median(t) for name, t in times.items()}, statistics.median(floor)


def _build_big(data_dir: Path) -> float:
    started = time.perf_counter()
    builder = Path(__file__).with_name("bench_tracker.py")
    subprocess.run([sys.executable, str(builder), "--build", str(data_dir)], check=True)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    runs = int(argv[1]) if len(argv) > 1 else 7
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty"
        big = Path(folder) / "big"
        built = _build_big(big)
        folders = {"empty data folder": empty, "10,000 conferences": big}
        medians, floor = measure(folders, runs)
    lines = [
        "## Start-up",
        "",
        "`mdcc-desktop --smoke` (start, open the database, show the main window until it is "
        "painted) on an empty data folder and on one with 10,000 conferences; medians of "
        f"{runs} "
        "runs, each timed from the start of its process to the line it prints once the window "
        "is on screen (the app: once its main window has been painted the first time; what it "
        "leaves until after that paint, the summary of the conference selected and the "
        "integrity check, comes after the line); interpreter start and every import included. "
        "The floor is a "
        "bare QApplication showing one empty QMainWindow, timed the same way. Target: at most "
        f"{TARGET_RATIO}x the floor.",
        "",
        "| measure | median (ms) | floor (ms) | ratio | target | met |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    missed = False
    for name, median in medians.items():
        ratio = median / max(floor, 1)
        met = ratio <= TARGET_RATIO
        missed |= not met
        lines.append(
            f"| start-up, {name} | {median:.0f} | {floor:.0f} | {ratio:.2f} | "
            f"{TARGET_RATIO:.1f} | {'yes' if met else '**no**'} |"
        )
    lines += [
        "",
        f"The 10,000-conference database was built in {built:.0f} s (not measured). "
        f"Took {time.perf_counter() - started:.0f} s in all.",
    ]
    print("\n".join(lines))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
