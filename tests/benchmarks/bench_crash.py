"""Crash harness (issue 11 point 8): SIGKILL the app and the importer at random moments, then
check the encrypted database with the app's own code.

Two series, each on one real encrypted data folder (tests/benchmarks/encrypted.py; the key
file's derivation is the cheap one, the database is SQLCipher's as a chair's is):

- the app: tests/benchmarks/workspace_driver.py ``edits`` runs the real workspace, types into
  the notes (one key every 20 ms, logged) and every 60 ms makes an edit through the workspace's
  slots (an attendee added, checked in, an action, a decision), printing an acknowledgement line
  with its id once the edit has returned (committed); the notes writer's reports are
  acknowledged too. It is killed a random moment after its first edit (every fifth run a
  random moment after it was started: mid start-up). Runs follow one another on the folder,
  so each starts on what the last kill left.
- the importer: ``mdcc import`` of a large exchange file (bench_scale.py's conference, 10,000
  actions by default), killed at a random moment of its run (every other kill within the
  import's write transaction, as timed by an unkilled run). Once an import has finished, the
  folder is put back to its state before it, so the database stays the same size.

After each kill the folder is opened with the services (the integrity check at open included)
and ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check`` run (and ``mdcc verify`` when the
command line has it); then every edit acknowledged before the kill, in this run or an earlier
one, must be there as acknowledged, and the stored notes must be what was typed; an import is
all or nothing: either no new conference and every table as before the import, or one new
conference whose exchange form equals the file (all its attendees, decisions, actions...). An
import that printed its id before the kill must be there. The typing lost at each app kill is
measured as bench_kill.py does (at most one second, its target).

Not part of the test run (tests/test_crash_safety.py runs a few kills):
``.venv/bin/python tests/benchmarks/bench_crash.py [--app N] [--import N] [--actions N]``
(default 60 and 60: 120 kills). Prints a markdown section with medians and the outcome; exits 1
on any failure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.benchmarks import encrypted  # noqa: E402
from tests.benchmarks.bench_kill import TARGET_SECONDS as TYPING_TARGET_S  # noqa: E402
from tests.benchmarks.bench_kill import KillResult, markdown  # noqa: E402

DRIVER = Path(__file__).with_name("workspace_driver.py")
INTERVAL_MS = 20  # a key every 20 ms, as bench_kill.py types
EDIT_MS = 60  # an edit every 60 ms: far faster than a chair
START_TIMEOUT_S = 180.0
DEFAULT_APP_KILLS = 60
DEFAULT_IMPORT_KILLS = 60
DEFAULT_ACTIONS = 10_000


# --- the checks, with the app's own code ------------------------------------------------------


@dataclass
class Ack:
    kind: str  # attendee, checkin, action, decision, notes
    id: int
    detail: str = ""


@dataclass
class Check:
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _verify_command_exists() -> bool:
    """Whether the command line has ``mdcc verify`` (written in parallel to this harness)."""
    done = subprocess.run(
        [sys.executable, "-m", "mdcc_desktop.cli", "verify", "--help"],
        check=False,
        capture_output=True,
        env=encrypted.environ(),
        cwd=REPO,
    )
    return done.returncode == 0


def _run_verify(data_dir: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "mdcc_desktop.cli", "--data-dir", str(data_dir), "verify"],
        check=False,
        capture_output=True,
        text=True,
        env=encrypted.environ(),
        cwd=REPO,
    )
    if done.returncode != 0:
        return f"mdcc verify exited {done.returncode}: {done.stderr.strip()[-300:]}"
    return ""


def database_problems(services: Any) -> list[str]:
    """SQLite's own checks on the open store's connection: integrity and foreign keys."""
    db = services.store.db
    integrity = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    problems = [] if integrity == ["ok"] else [f"integrity_check: {integrity[:3]}"]
    broken = db.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        problems.append(f"foreign_key_check: {len(broken)} row(s), e.g. {broken[0]!r}")
    return problems


def table_counts(services: Any) -> dict[str, int]:
    db = services.store.db
    names = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).fetchall()
    ]
    return {name: db.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in names}


def open_checked(data_dir: Path, verify: bool) -> tuple[Any, list[str]]:
    """The services on ``data_dir`` (None if they do not open) and what the checks found."""
    from mdcc_desktop.domain.errors import MdccError

    problems = []
    if verify:
        problem = _run_verify(data_dir)
        if problem:
            problems.append(problem)
    try:
        services = encrypted.open_services(data_dir)
    except MdccError as exc:
        return None, [*problems, f"the database does not open: {exc}"]
    return services, [*problems, *database_problems(services)]


def ack_problems(services: Any, acks: list[Ack]) -> list[str]:
    """Every acknowledged edit, as it was acknowledged."""
    from mdcc_desktop.domain.errors import NotFoundError
    from mdcc_desktop.domain.models import Attendance
    from tests.benchmarks.workspace_driver import typed_text

    store = services.store
    problems: list[str] = []
    for ack in acks:
        try:
            if ack.kind == "attendee":
                store.get_attendee(ack.id)
            elif ack.kind == "checkin":
                attendee = store.get_attendee(ack.id)
                if attendee.arrived_at is None or attendee.attendance is not Attendance.PRESENT:
                    problems.append(f"check-in of attendee {ack.id} lost")
            elif ack.kind == "action":
                if store.get_action(ack.id).description != ack.detail:
                    problems.append(f"action {ack.id} is not {ack.detail!r}")
            elif ack.kind == "decision":
                if store.get_decision(ack.id).text != ack.detail:
                    problems.append(f"decision {ack.id} is not {ack.detail!r}")
            elif ack.kind == "notes":
                notes = _notes(services, ack.id)
                length = int(ack.detail)
                if len(notes) < length or notes != typed_text(len(notes)):
                    problems.append(
                        f"notes of item {ack.id}: {len(notes)} characters stored, "
                        f"{length} acknowledged, or not the text typed"
                    )
        except NotFoundError:
            problems.append(f"acknowledged {ack.kind} {ack.id} is missing")
    return problems


def _notes(services: Any, item_id: int) -> str:
    row = services.store.db.execute(
        "SELECT notes FROM agenda_items WHERE id = ?", [item_id]
    ).fetchone()
    return (row[0] or "") if row else ""


# --- killing the app ----------------------------------------------------------------------------


@dataclass
class AppKill:
    acks: int  # acknowledged in this run
    kill_after: float  # seconds after the first edit (or after the start: mid start-up)
    during_start: bool
    typing: KillResult | None
    check: Check


def _typed_log(path: Path) -> list[tuple[int, float]]:
    rows = []
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) == 2:
            rows.append((int(parts[0]), float(parts[1])))
    return rows


def _acks(path: Path) -> tuple[tuple[int, int] | None, list[Ack]]:
    head: tuple[int, int] | None = None
    acks: list[Ack] = []
    # Only whole lines: the last one, cut by the kill, was never acknowledged.
    for line in path.read_text(encoding="utf-8", errors="replace").split("\n")[:-1]:
        parts = line.split(" ", 3)
        if parts[0] == "conference" and len(parts) == 3 and parts[2] != "None":
            head = (int(parts[1]), int(parts[2]))
        elif parts[0] == "ack" and len(parts) >= 3:
            acks.append(Ack(parts[1], int(parts[2]), parts[3] if len(parts) > 3 else ""))
    return head, acks


def _typing_lost(services: Any, item_id: int, rows: list[tuple[int, float]]) -> KillResult:
    """bench_kill.py's measure: the characters typed but not stored, in seconds of typing."""
    from tests.benchmarks.workspace_driver import typed_text

    typed, killed_at = rows[-1]
    notes = _notes(services, item_id)
    first_count, first_time = rows[0]
    rate = (typed - first_count) / max(killed_at - first_time, 1e-6)
    problem = "" if typed_text(typed + 5).startswith(notes) else "stored notes not what was typed"
    stored = len(notes)
    lost_seconds = 0.0
    if stored < typed:
        first_lost = next(t for count, t in rows if count > stored)
        lost_seconds = killed_at - first_lost + INTERVAL_MS / 1000
    return KillResult(typed, stored, lost_seconds, rate, problem)


def kill_app(
    data_dir: Path,
    work: Path,
    all_acks: list[Ack],
    *,
    kill_after: float,
    during_start: bool,
    verify: bool = False,
) -> AppKill:
    """One run of the driver on ``data_dir``, killed; ``all_acks`` gains its acknowledgements
    and is checked in full."""
    log, out = work / "typed.log", work / "acks.txt"
    log.write_text("")
    env = {**encrypted.environ(), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("MDCC_DATA_DIR", None)
    with out.open("wb") as stdout:
        process = subprocess.Popen(
            [
                sys.executable,
                str(DRIVER),
                "edits",
                str(data_dir),
                str(INTERVAL_MS),
                str(log),
                str(EDIT_MS),
            ],
            env=env,
            stdout=stdout,
            stderr=subprocess.DEVNULL,
            cwd=REPO,
        )
    problems: list[str] = []
    try:
        if during_start:
            time.sleep(kill_after)
        else:
            deadline = time.monotonic() + START_TIMEOUT_S
            while not any(a.kind != "notes" for a in _acks(out)[1]):
                if process.poll() is not None or time.monotonic() > deadline:
                    problems.append(f"the driver made no edit (exit {process.poll()})")
                    break
                time.sleep(0.02)
            else:
                time.sleep(kill_after)
        if process.poll() is not None and not problems:
            problems.append(f"the driver ended by itself (exit {process.returncode})")
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(30)
    head, acks = _acks(out)
    all_acks.extend(acks)
    started = time.perf_counter()
    services, found = open_checked(data_dir, verify)
    typing = None
    if services is not None:
        try:
            found += ack_problems(services, all_acks)
            rows = _typed_log(log)
            if head is not None and rows and not during_start:
                typing = _typing_lost(services, head[1], rows)
                if typing.problem:
                    found.append(typing.problem)
        finally:
            services.close()
    check = Check([*problems, *found], time.perf_counter() - started)
    return AppKill(len(acks), kill_after, during_start, typing, check)


# --- killing the importer -----------------------------------------------------------------------


@dataclass
class ImportKill:
    kill_after: float
    in_transaction: bool  # aimed within the write transaction
    outcome: str  # "nothing", "whole" or "broken"
    acknowledged: bool  # the importer printed the new id before the kill
    check: Check
    mid_write: bool = False  # killed after its write transaction began, before it committed


# The command line as it is, saying when the import's transaction begins and commits (the
# outermost "import conference" one; nested ones are its savepoints). Used to time an unkilled
# import, and to aim half the kills within that transaction.
TIMING_WRAPPER = """
import sys, time
from contextlib import contextmanager
from mdcc_desktop.store import store as _store
original = _store.Store.transaction
depth = [0]
@contextmanager
def timed(self, name=None):
    with original(self, name) as value:
        depth[0] += 1
        if depth[0] == 1 and name == "import conference":
            print("begin", time.monotonic(), flush=True)
        try:
            yield value
        finally:
            depth[0] -= 1
    if depth[0] == 0 and name == "import conference":
        print("commit", time.monotonic(), flush=True)
_store.Store.transaction = timed
from mdcc_desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _import_command(data_dir: Path, file: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "mdcc_desktop.cli",
        "--data-dir",
        str(data_dir),
        "import",
        str(file),
    ]


@dataclass
class ImportTiming:
    """An unkilled import, timed from its start: its write transaction began and committed,
    and the process ended."""

    begin: float
    commit: float
    total: float


def time_import(data_dir: Path, file: Path) -> ImportTiming:
    command = [sys.executable, "-c", TIMING_WRAPPER, *_import_command(data_dir, file)[3:]]
    started = time.monotonic()
    done = subprocess.run(
        command, check=False, capture_output=True, text=True, env=encrypted.environ(), cwd=REPO
    )
    ended = time.monotonic() - started
    if done.returncode != 0:
        raise RuntimeError(f"the import failed: {done.stderr[-500:]}")
    stamps = [
        (line.split()[0], float(line.split()[1]))
        for line in done.stdout.splitlines()
        if line.startswith(("begin", "commit"))
    ]
    begins = [t for kind, t in stamps if kind == "begin"]
    commits = [t for kind, t in stamps if kind == "commit"]
    return ImportTiming(begins[-1] - started, commits[-1] - started, ended)


def exchange_form(services: Any, conference_id: int) -> Any:
    from mdcc_desktop.services.exchange import normalise

    doc = services.exchange.export_document(conference_id, with_reporter_identity=True)
    return normalise(json.loads(json.dumps(doc)))


def kill_import(
    data_dir: Path,
    file: Path,
    expected: Any,
    *,
    kill_after: float,
    in_transaction: bool,
    verify: bool = False,
) -> ImportKill:
    """Start ``mdcc import FILE`` on ``data_dir``, SIGKILL it ``kill_after`` s after its start
    (``in_transaction``: after its write transaction began, told by the timing wrapper's line),
    then check the folder."""
    services = encrypted.open_services(data_dir)
    try:
        before_ids = set(services.store.conference_ids())
        before_counts = table_counts(services)
    finally:
        services.close()
    command = _import_command(data_dir, file)
    if in_transaction:  # the same command line, saying when its transactions begin and end
        command = [sys.executable, "-c", TIMING_WRAPPER, *command[3:]]
    process = subprocess.Popen(
        command,
        env=encrypted.environ(),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    lines: list[str] = []
    try:
        if in_transaction:
            assert process.stdout is not None
            for line in process.stdout:
                lines.append(line)
                if line.startswith("begin"):
                    break
        time.sleep(kill_after)
        process.send_signal(signal.SIGKILL)
        out, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(30)
    out = "".join(lines) + out
    mid_write = "begin" in out and "commit" not in out
    printed = [line for line in out.splitlines() if line.strip().isdigit()]
    acknowledged = bool(printed)  # the id is printed once the import has committed
    started = time.perf_counter()
    outcome, problems = judge_import(
        data_dir,
        before_ids,
        before_counts,
        expected,
        printed=printed[-1] if acknowledged else None,
        verify=verify,
    )
    check = Check(problems, time.perf_counter() - started)
    return ImportKill(kill_after, in_transaction, outcome, acknowledged, check, mid_write)


def judge_import(
    data_dir: Path,
    before_ids: set[int],
    before_counts: dict[str, int],
    expected: Any,
    *,
    printed: str | None,
    verify: bool = False,
) -> tuple[str, list[str]]:
    """What an import killed on ``data_dir`` left: ("nothing" | "whole" | "broken", problems).

    All or nothing: no new conference and every table as it was (``before_counts``), or one
    new conference whose exchange form is ``expected`` (the file's, normalised). ``printed``:
    the id the importer printed before the kill (it must be there), None if it printed none."""
    services, problems = open_checked(data_dir, verify)
    outcome = "broken"
    if services is None:
        return outcome, problems
    try:
        new = sorted(set(services.store.conference_ids()) - before_ids)
        if not new:
            changed = {
                name: (before_counts.get(name), count)
                for name, count in table_counts(services).items()
                if before_counts.get(name) != count
            }
            if changed:
                problems.append(f"no new conference, yet rows changed: {changed}")
            else:
                outcome = "nothing"
            if printed is not None:
                problems.append(f"the import printed {printed} but it is not there")
        elif len(new) == 1:
            if exchange_form(services, new[0]) == expected:
                outcome = "whole"
            else:
                problems.append(f"conference {new[0]} is not the file: a half conference")
            if printed is not None and str(new[0]) != printed.strip():
                problems.append(f"the import printed {printed}, but {new[0]} is new")
        else:
            problems.append(f"{len(new)} new conferences from one import")
    finally:
        services.close()
    if problems:
        outcome = "broken"
    return outcome, problems


# --- the series -----------------------------------------------------------------------------


def app_series(folder: Path, kills: int, rng: random.Random, verify: bool) -> list[AppKill]:
    data_dir, work = folder / "app", folder / "app-work"
    work.mkdir(parents=True, exist_ok=True)
    encrypted.folder_key(data_dir)  # set up (encrypted) before the first run
    acks: list[Ack] = []
    results = []
    for n in range(kills):
        during_start = n % 5 == 4
        kill_after = rng.uniform(0.0, 2.5) if during_start else rng.uniform(0.05, 4.0)
        result = kill_app(
            data_dir, work, acks, kill_after=kill_after, during_start=during_start, verify=verify
        )
        results.append(result)
        _progress("app", n, kills, result.check)
    return results


def import_series(
    folder: Path, kills: int, actions: int, rng: random.Random, verify: bool
) -> tuple[list[ImportKill], ImportTiming]:
    from tests.benchmarks.bench_scale import conference_document

    data_dir, base = folder / "import", folder / "import-base"
    file = folder / "conference.json"
    doc = conference_document(actions)
    file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    expected = _normalised(doc)
    encrypted.folder_key(data_dir)
    timing = time_import(data_dir, file)  # one whole import: its case is there from now on
    services = encrypted.open_services(data_dir)
    try:
        problems = database_problems(services)
        first = services.store.conference_ids()[-1]
        if problems or exchange_form(services, first) != expected:
            raise RuntimeError(f"an unkilled import is not the file: {problems}")
    finally:
        services.close()
    shutil.copytree(data_dir, base)
    write = timing.commit - timing.begin
    results = []
    for n in range(kills):
        in_transaction = n % 2 == 1
        # Mid-write: a moment of the write as long as the unkilled one's (and a little after).
        # Otherwise any moment of a run half as long again as the unkilled one, so that on a
        # loaded machine some imports still finish (or are killed as they exit) before the kill.
        kill_after = (
            rng.uniform(0, write * 1.2) if in_transaction else rng.uniform(0, timing.total * 1.5)
        )
        result = kill_import(
            data_dir,
            file,
            expected,
            kill_after=kill_after,
            in_transaction=in_transaction,
            verify=verify,
        )
        results.append(result)
        _progress("import", n, kills, result.check)
        if result.outcome == "whole":  # back to the size it had: the next import adds one
            shutil.rmtree(data_dir)
            shutil.copytree(base, data_dir)
    return results, timing


def _normalised(doc: Any) -> Any:
    from mdcc_desktop.services.exchange import normalise

    return normalise(json.loads(json.dumps(doc)))


def _progress(kind: str, n: int, total: int, check: Check) -> None:
    state = "ok" if not check.problems else "; ".join(check.problems)[:300]
    print(f"{kind} kill {n + 1}/{total}: {state}", file=sys.stderr, flush=True)


# --- the report -----------------------------------------------------------------------------


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def report(
    apps: list[AppKill],
    imports: list[ImportKill],
    *,
    timing: ImportTiming | None,
    actions: int,
    verify: bool,
    seconds: float,
) -> tuple[str, bool]:
    app_failed = [k for k in apps if k.check.problems]
    import_failed = [k for k in imports if k.check.problems]
    typing = [k.typing for k in apps if k.typing is not None]
    typing_ok = not typing or max(t.lost_seconds for t in typing) <= TYPING_TARGET_S
    ok = not app_failed and not import_failed and typing_ok
    checks = "`mdcc verify`, " if verify else ""
    lines = [
        "## Crash harness: the app and the importer killed at random moments",
        "",
        f"{len(apps) + len(imports)} SIGKILLs on real encrypted databases (SQLCipher; the key "
        "file's derivation the cheap one). The app: the real workspace typing into the notes "
        f"(a key every {INTERVAL_MS} ms) and making an edit every {EDIT_MS} ms (attendee added, "
        "checked in, action, decision, each acknowledged with its id once committed), killed "
        "0-4 s after its first edit (every fifth run 0-2.5 s after its start: mid start-up), "
        "each run on what the last kill left. The importer: `mdcc import` of a conference "
        f"with {actions:,} actions, killed at a random moment of its run (every other kill "
        "within its write transaction). After each kill: the folder opened by the services "
        f"(their integrity check at open), {checks}`PRAGMA integrity_check` and "
        "`foreign_key_check`, every acknowledged edit of every run so far, the notes the text "
        "typed; an import all (the conference's exchange form equals the file) or nothing "
        "(every table as before).",
        "",
        "| series | kills | median kill moment (s) | median edits acknowledged | "
        "outcomes | median check (s) | failed | result |",
        "| --- | ---: | ---: | ---: | --- | ---: | ---: | --- |",
    ]
    if apps:
        lines.append(
            f"| app | {len(apps)} | {_median([k.kill_after for k in apps]):.2f} | "
            f"{_median([float(k.acks) for k in apps]):.0f} | "
            f"{sum(k.during_start for k in apps)} mid start-up, "
            f"{sum(k.acks for k in apps)} edits acknowledged in all | "
            f"{_median([k.check.seconds for k in apps]):.2f} | {len(app_failed)} | "
            f"{'pass' if not app_failed else '**FAIL**'} |"
        )
    if imports:
        outcomes = {o: sum(k.outcome == o for k in imports) for o in ("nothing", "whole")}
        lines.append(
            f"| importer | {len(imports)} | {_median([k.kill_after for k in imports]):.2f} | "
            f"{sum(k.acknowledged for k in imports)} finished | "
            f"{outcomes['nothing']} nothing, {outcomes['whole']} whole, "
            f"{sum(k.in_transaction for k in imports)} aimed mid-write, "
            f"{sum(k.mid_write for k in imports)} killed mid-write | "
            f"{_median([k.check.seconds for k in imports]):.2f} | {len(import_failed)} | "
            f"{'pass' if not import_failed else '**FAIL**'} |"
        )
    lines.append("")
    if timing is not None:
        lines += [
            f"An unkilled import took {timing.total:.2f} s, its write transaction from "
            f"{timing.begin:.2f} s to {timing.commit:.2f} s after its start; the kills aimed "
            "mid-write are timed from the moment it began (the command line run through a "
            "wrapper that prints a line as each transaction begins and commits).",
            "",
        ]
    for kill in [*app_failed, *import_failed]:
        lines.append(f"- failed: {'; '.join(kill.check.problems)[:500]}")
    if app_failed or import_failed:
        lines.append("")
    if typing:
        lines.append(markdown(typing, "Typing lost at the app's kills").replace("## ", "### "))
    lines.append(f"Took {seconds:.0f} s in all. Crash safety: **{'pass' if ok else 'FAIL'}**.")
    return "\n".join(lines), ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=int, default=DEFAULT_APP_KILLS, metavar="N")
    parser.add_argument(
        "--import", dest="imports", type=int, default=DEFAULT_IMPORT_KILLS, metavar="N"
    )
    parser.add_argument("--actions", type=int, default=DEFAULT_ACTIONS, metavar="N")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    rng = random.Random(args.seed)
    verify = _verify_command_exists()
    timing: ImportTiming | None = None
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        imports: list[ImportKill] = []
        if args.imports:
            imports, timing = import_series(folder, args.imports, args.actions, rng, verify)
        apps = app_series(folder, args.app, rng, verify) if args.app else []
    text, ok = report(
        apps,
        imports,
        timing=timing,
        actions=args.actions,
        verify=verify,
        seconds=time.perf_counter() - started,
    )
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
