"""Run every benchmark and write docs/performance.md.

    .venv/bin/python tests/benchmarks/run_all.py               # all of them
    .venv/bin/python tests/benchmarks/run_all.py --only scale  # bench_scale.py alone
    .venv/bin/python tests/benchmarks/run_all.py --skip soak --skip kill --timeout 1200
    .venv/bin/python tests/benchmarks/run_all.py --skip crash  # without the 120 kills (~6 min)

Each ``tests/benchmarks/bench_*.py`` runs as its own process (with ``QT_QPA_PLATFORM=offscreen``
and a time limit) and prints a markdown section: a ``## title`` line, what it measures and a
table of medians, ratios to a floor measured in the same run, and targets. Its exit code says
whether every target was met (0) or not (1). The report starts with the machine the numbers
come from, then each section in file order with its outcome; a benchmark that failed, crashed
or ran out of time is named as such, with the end of what it wrote to stderr. Benchmarks left
out with --only or --skip are listed as not run. Exits 1 if any benchmark that ran failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_OUTPUT = REPO / "docs" / "performance.md"
COMMAND = ".venv/bin/python tests/benchmarks/run_all.py"


@dataclass
class Outcome:
    name: str
    seconds: float
    returncode: int | None  # None: timed out
    stdout: str
    stderr: str


def benchmarks() -> list[Path]:
    return sorted(HERE.glob("bench_*.py"))


def chosen(paths: list[Path], only: list[str], skip: list[str]) -> list[Path]:
    """``only`` and ``skip`` match a benchmark's name with or without ``bench_`` and ``.py``."""

    def matches(path: Path, names: list[str]) -> bool:
        stem = path.stem.removeprefix("bench_")
        return any(n.removeprefix("bench_").removesuffix(".py") in (stem, path.stem) for n in names)

    return [p for p in paths if (not only or matches(p, only)) and not matches(p, skip)]


def run(path: Path, timeout: float) -> Outcome:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    started = time.perf_counter()
    # Its own process group, so that a benchmark out of time is stopped with its children.
    proc = subprocess.Popen(
        [sys.executable, str(path)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        code = None
    return Outcome(path.name, time.perf_counter() - started, code, out, err)


def _meminfo_gb() -> str:
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            kib = int(fh.readline().split()[1])
        return f"{kib / 1024 / 1024:.1f} GB"
    except (OSError, ValueError, IndexError):
        try:
            pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
            return f"{pages * size / 1024**3:.1f} GB"
        except (ValueError, OSError, AttributeError):
            return "unknown"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _load() -> str:
    """Other work on the machine slows every benchmark: say how busy it was."""
    try:
        one, five, _ = os.getloadavg()
    except (OSError, AttributeError):
        return "unknown"
    return f"{one:.1f} (1 min), {five:.1f} (5 min)"


def _sqlcipher() -> str:
    """The database the app uses: SQLCipher (sqlcipher3's bundled library), not the standard
    library's SQLite the row above names."""
    try:
        import sqlcipher3  # type: ignore[import-untyped]

        conn = sqlcipher3.connect(":memory:")
        try:
            cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
        finally:
            conn.close()
        return f"{cipher} (SQLite {sqlcipher3.sqlite_version}, sqlcipher3 {_version('sqlcipher3')})"
    except Exception:  # the header says so, whatever went wrong
        return "not available"


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def header(when: dt.datetime, load_at_start: str) -> list[str]:
    return [
        "# Performance",
        "",
        "What the benchmarks in `tests/benchmarks/` measured, written by "
        f"`{COMMAND}` (options: `--only NAME`, `--skip NAME`, `--timeout SECONDS`). Each "
        "benchmark compares its medians with a floor measured in the same run on the same "
        "machine, so the ratios carry over to other machines better than the times do.",
        "",
        "| | |",
        "| --- | --- |",
        f"| date | {when:%Y-%m-%d %H:%M} UTC |",
        f"| commit | {_commit()} |",
        f"| CPU | {_cpu_model()}, {os.cpu_count()} logical CPUs |",
        f"| memory | {_meminfo_gb()} |",
        f"| system | {platform.system()} {platform.release()} ({platform.machine()}) |",
        f"| Python | {platform.python_version()} |",
        f"| PySide6 | {_version('PySide6-Essentials')} |",
        f"| SQLite | {sqlite3.sqlite_version} |",
        f"| SQLCipher (the app's database) | {_sqlcipher()} |",
        f"| load average when it started | {load_at_start} |",
        f"| load average when it ended | {_load()} |",
        "",
    ]


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def section(outcome: Outcome) -> list[str]:
    body = outcome.stdout.strip()
    lines: list[str] = []
    if body.startswith("## "):
        lines += [body, ""]
    else:  # a benchmark that does not print markdown (yet): its output as it is
        lines += [f"## {outcome.name}", ""]
        if body:
            lines += ["```", body, "```", ""]
    took = f"{outcome.seconds:.0f} s"
    if outcome.returncode == 0:
        lines.append(f"`{outcome.name}`: ok, no target missed ({took}).")
    elif outcome.returncode is None:
        lines.append(f"`{outcome.name}`: **timed out** after {took}; the results are incomplete.")
    elif outcome.returncode == 1 and body:
        lines.append(f"`{outcome.name}`: **a target was missed** (exit 1, {took}).")
    else:
        lines.append(f"`{outcome.name}`: **failed** (exit {outcome.returncode}, {took}).")
    if outcome.returncode != 0 and outcome.stderr.strip():
        lines += ["", "```", _tail(outcome.stderr), "```"]
    return [*lines, ""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the benchmarks; write docs/performance.md.")
    parser.add_argument("--only", action="append", default=[], metavar="NAME")
    parser.add_argument("--skip", action="append", default=[], metavar="NAME")
    parser.add_argument("--timeout", type=float, default=900, metavar="SECONDS")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, metavar="FILE")
    parser.add_argument(
        "--note",
        action="append",
        default=[],
        metavar="TEXT",
        help="a paragraph written under the header (e.g. what else loaded the machine)",
    )
    args = parser.parse_args(argv)

    every = benchmarks()
    picked = chosen(every, args.only, args.skip)
    unknown = [n for n in args.only if not chosen(every, [n], [])]
    if unknown or not picked:
        names = ", ".join(p.stem.removeprefix("bench_") for p in every)
        parser.error(f"no benchmark matches {', '.join(unknown or args.only)}; there are: {names}")

    when = dt.datetime.now(dt.UTC)
    load_at_start = _load()
    outcomes = []
    for path in picked:
        print(f"running {path.name} ...", file=sys.stderr, flush=True)
        outcome = run(path, args.timeout)
        state = {0: "ok", None: "timed out"}.get(outcome.returncode, f"exit {outcome.returncode}")
        print(f"  {state} in {outcome.seconds:.0f} s", file=sys.stderr, flush=True)
        outcomes.append(outcome)

    lines = header(when, load_at_start)
    for note in args.note:
        lines += [note, ""]
    left_out = [p.name for p in every if p not in picked]
    if left_out:
        lines += [f"Not run this time: {', '.join(left_out)}.", ""]
    for outcome in outcomes:
        lines += section(outcome)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0 if all(o.returncode == 0 for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
