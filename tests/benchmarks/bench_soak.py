"""Soak benchmark: the real workspace through a three-hour meeting, in compressed time.

A child process (tests/benchmarks/workspace_driver.py) builds the real main window and
workspace on real services and a real database file, calls the workspace clock's slot 3 × 3600
times, types 20,000 keystrokes into the notes through QTest key events and moves to the next
agenda item every 1,000 keystrokes. The process must survive (a binding that leaks references
to None aborts it: that is a failure here, not a crash of this script) and the database must
hold everything typed, item by item.

Not part of the test run (tests/ui/test_soak_and_kill.py runs a short version):
``.venv/bin/python tests/benchmarks/bench_soak.py [keys] [ticks]``. Exits 1 if a target is missed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DRIVER = Path(__file__).with_name("workspace_driver.py")


@dataclass
class SoakResult:
    returncode: int
    seconds: float
    keys: int
    ticks: int
    item_changes: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.problems


def run_soak(keys: int, ticks: int, per_item: int, timeout: float) -> SoakResult:
    """Run the driver in a child process and check the database against what it typed."""
    from tests.benchmarks.encrypted import open_services

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("MDCC_DATA_DIR", None)
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        started = time.perf_counter()
        try:
            done = subprocess.run(
                [
                    sys.executable,
                    str(DRIVER),
                    "soak",
                    str(data_dir),
                    str(keys),
                    str(ticks),
                    str(per_item),
                ],
                capture_output=True,
                text=True,
                env=env,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return SoakResult(-1, timeout, keys, 0, 0, [f"no end within {timeout:.0f} s"])
        seconds = time.perf_counter() - started
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if done.returncode != 0 or not lines:
            tail = done.stderr.strip().splitlines()[-3:]
            return SoakResult(
                done.returncode, seconds, keys, 0, 0, [f"the process died: {' / '.join(tail)}"]
            )
        report = json.loads(lines[-1])
        problems: list[str] = []
        if not report["closed"]:
            problems.append("the workspace did not close (notes not saved)")
        services = open_services(data_dir)  # encrypted, as the driver made it
        try:
            stored = {
                item.id: item.notes or "" for item in services.store.agenda(report["conference_id"])
            }
        finally:
            services.close()
        typed_total = 0
        for item_id, text in report["typed"].items():
            typed_total += len(text)
            if stored.get(int(item_id)) != text:
                have = len(stored.get(int(item_id)) or "")
                problems.append(f"item {item_id}: {have} of {len(text)} characters stored")
        if typed_total != keys:
            problems.append(f"{typed_total} characters typed, {keys} asked")
        return SoakResult(
            done.returncode, seconds, keys, report["ticks"], report["item_changes"], problems
        )


def markdown(result: SoakResult, title: str) -> str:
    verdict = "survived, everything stored" if result.ok else "; ".join(result.problems)
    return "\n".join(
        [
            f"## {title}",
            "",
            "| duration (s) | keystrokes | clock ticks | item changes | result | target |",
            "| ---: | ---: | ---: | ---: | --- | --- |",
            f"| {result.seconds:.0f} | {result.keys} | {result.ticks} | {result.item_changes} "
            f"| {verdict} | alive, all typed text stored |",
            "",
        ]
    )


if __name__ == "__main__":
    keys = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    ticks = int(sys.argv[2]) if len(sys.argv) > 2 else 3 * 3600
    result = run_soak(keys, ticks, per_item=1000, timeout=3600)
    print(markdown(result, "Soak: a three-hour meeting in the real workspace"))
    sys.exit(0 if result.ok else 1)
