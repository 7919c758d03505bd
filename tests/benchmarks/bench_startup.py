"""Start-up benchmark: the median of `mdcc-desktop --smoke` against a floor.

Not part of the test run (pytest ignores tests/benchmarks). Run it with
``.venv/bin/python tests/benchmarks/bench_startup.py [runs]``; prints a markdown section (see
tests/benchmarks/run_all.py). The floor is the start-up of a bare QApplication with one empty
QMainWindow on the same machine, so the ratio says what MDCC Desktop adds, whatever the
machine's speed.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

FLOOR = (
    "import time; t=time.perf_counter();"
    "from PySide6.QtCore import QTimer;"
    "from PySide6.QtWidgets import QApplication, QMainWindow;"
    "app=QApplication([]); w=QMainWindow(); w.show(); QTimer.singleShot(0, app.quit); app.exec();"
    "print(round((time.perf_counter()-t)*1000))"
)


def _last_int(output: str) -> int:
    return int(output.strip().splitlines()[-1])


def measure(runs: int) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    app_ms, floor_ms = [], []
    with tempfile.TemporaryDirectory() as data:
        for _ in range(runs):
            out = subprocess.run(
                [sys.executable, "-m", "mdcc_desktop", "--smoke", "--data-dir", data],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            ).stdout
            app_ms.append(_last_int(out))
            out = subprocess.run(
                [sys.executable, "-c", FLOOR], capture_output=True, text=True, check=True, env=env
            ).stdout
            floor_ms.append(_last_int(out))
    return statistics.median(app_ms), statistics.median(floor_ms)


def main(argv: list[str]) -> int:
    runs = int(argv[1]) if len(argv) > 1 else 7
    started = time.perf_counter()
    app, floor = measure(runs)
    print(
        "\n".join(
            [
                "## Start-up",
                "",
                f"`mdcc-desktop --smoke` (start, open the database, show the main window) on an "
                f"empty data folder; medians of {runs} runs. The floor is a bare QApplication "
                "showing one empty QMainWindow.",
                "",
                "| measure | median (ms) | floor (ms) | ratio |",
                "| --- | ---: | ---: | ---: |",
                f"| start-up | {app:.0f} | {floor:.0f} | {app / max(floor, 1):.2f} |",
                "",
                f"Took {time.perf_counter() - started:.0f} s in all.",
            ]
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
