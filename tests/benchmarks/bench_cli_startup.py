"""Command-line start-up benchmark: `mdcc --version`, `mdcc export --help` and `mdcc list`.

Target (issue 9): each at most 1.5x the floor, ``python -c "import sqlite_utils"`` (a Python
start that loads the database library the command line is built on), measured in the same run.
`mdcc list` runs on a small database (the demo conference), encrypted as a chair's is: the
passphrase comes from ``MDCC_PASSPHRASE`` and the key file uses the cheapest derivation, so that
the row says what the command line costs; the same command on a folder whose key file has the
real derivation is timed too, without a target (it adds the derivation's time, which
bench_kdf.py and bench_startup.py measure: a deliberate half second). Each run is a new
process, timed from outside (wall clock), the commands and the floor interleaved so that load
on the machine falls on all of them alike. The runs write and use bytecode caches
(``__pycache__``), as an installed copy has them, even when ``PYTHONDONTWRITEBYTECODE`` is set.

Not part of the test run: ``.venv/bin/python tests/benchmarks/bench_cli_startup.py [runs]``;
prints a markdown section (see tests/benchmarks/run_all.py) and exits 1 if a target is missed.
Where the time goes: ``python -X importtime -m mdcc_desktop.cli list``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # run as a script: the repository's tests package
    sys.path.insert(0, str(REPO))

TARGET_RATIO = 1.5
ENTRY = "import sys; from mdcc_desktop.cli import main; sys.exit(main())"
FLOOR = [sys.executable, "-c", "import sqlite_utils"]


def _time_ms(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, env=env)
    return (time.perf_counter() - started) * 1000


REAL_KDF = "`mdcc list` (1 conference), real key derivation"


def measure(runs: int) -> tuple[dict[str, float], float]:
    from tests.benchmarks import encrypted

    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as real:
        env = encrypted.environ({**os.environ, "MDCC_DATA_DIR": data})
        # As installed: with bytecode caches (the warm-up runs write them), whatever the shell says.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        real_env = encrypted.environ({**env, "MDCC_DATA_DIR": real}, weak_kdf=False)
        mdcc = [sys.executable, "-c", ENTRY]
        subprocess.run([*mdcc, "demo"], capture_output=True, check=True, env=env)
        subprocess.run([*mdcc, "demo"], capture_output=True, check=True, env=real_env)
        commands = {
            "`mdcc --version`": ([*mdcc, "--version"], env),
            "`mdcc export --help`": ([*mdcc, "export", "--help"], env),
            "`mdcc list` (1 conference)": ([*mdcc, "list"], env),
            REAL_KDF: ([*mdcc, "list"], real_env),
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        floor: list[float] = []
        for command, command_env in [(FLOOR, env), *commands.values()]:  # warm, not measured
            subprocess.run(command, capture_output=True, check=True, env=command_env)
        for _ in range(runs):
            floor.append(_time_ms(FLOOR, env))
            for name, (command, command_env) in commands.items():
                times[name].append(_time_ms(command, command_env))
    return {name: statistics.median(t) for name, t in times.items()}, statistics.median(floor)


def main(argv: list[str]) -> int:
    runs = int(argv[1]) if len(argv) > 1 else 15
    started = time.perf_counter()
    medians, floor = measure(runs)
    lines = [
        "## Command-line start-up",
        "",
        f"Each command as a new process, wall clock, medians of {runs} runs; the floor is "
        '`python -c "import sqlite_utils"`. Target: at most '
        f"{TARGET_RATIO}x the floor. The data folders are encrypted; the first's key file has "
        "the cheapest key derivation, the last row's the real one (about half a second, on "
        "purpose: see the unlocking sections), which has no target here.",
        "",
        "| command | median (ms) | floor (ms) | ratio | target | met |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    missed = False
    for name, median in medians.items():
        ratio = median / max(floor, 1e-9)
        if name == REAL_KDF:  # no target: the derivation is slow on purpose
            lines.append(f"| {name} | {median:.0f} | {floor:.0f} | {ratio:.2f} | | |")
            continue
        met = ratio <= TARGET_RATIO
        missed |= not met
        lines.append(
            f"| {name} | {median:.0f} | {floor:.0f} | {ratio:.2f} | {TARGET_RATIO:.1f} | "
            f"{'yes' if met else '**no**'} |"
        )
    lines += ["", f"Took {time.perf_counter() - started:.0f} s in all."]
    print("\n".join(lines))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
