"""Scale benchmark: one conference with 100,000 actions through the command line.

Target (issue 8, "linear at scale"): importing the exchange file, exporting it again
(``mdcc export``) and writing its Word minutes (``mdcc minutes``, the full and the parents'
copy) each finish within 10 s and 500 MB of peak memory on this machine. Each run is a fresh
``python -m mdcc_desktop.cli`` process, timed from outside, its peak memory (ru_maxrss) read
from ``os.wait4`` for that one child. The floor is the same command on the same conference with
only 10 actions, run in the same session, so the ratio says what the 100,000 actions cost over
the fixed cost of starting the command.

The file is generated (seeded, so the same every time): 60 attendees with roles, agenda items
with notes, decisions with dissent, 100,000 actions with owners, due dates, priorities and, for
one in four, dated updates, a distribution list and a safety mapping.

Not part of the test run: ``.venv/bin/python tests/benchmarks/bench_scale.py [runs] [actions]``
(defaults: 3 runs, 100,000 actions; Linux or macOS, for ``os.wait4``). Prints a markdown
section (see run_all.py); exits 1 if a target is missed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ACTIONS = 100_000
FLOOR_ACTIONS = 10
TARGET_S = 10.0
TARGET_MB = 500.0

GIVEN = ["Ann", "Ben", "Chi-keung", "Dana", "Eve", "Fai", "Grace", "Hoi-ting", "Ivy", "Jon"]
SURNAMES = ["Chan", "Lee", "Wong", "Smith", "Patel", "Jones", "Ng", "Cheung", "Taylor", "Obi"]
ALT = ["陳", "李", "黃", "史", "柏", "鍾", "吳", "張", "戴", "歐"]
AGENCIES = [
    "Children's Services",
    "Police Child Abuse Investigation Unit",
    "Community Paediatric Team",
    "Family Support Service",
    "Brook Lane Primary School",
    "Family and Child Protective Services Unit",
    "Integrated Family Service Centre",
    "Clinical Psychology Service",
]
DISCIPLINES = ["social_work", "police", "health", "ngo", "education", "psychology", "other"]
ROLES = ["core_group", "report_author", "observer", "supporter"]
VERBS = ["Arrange", "Refer", "Review", "Monitor", "Offer", "Visit", "Confirm", "Book", "Chase"]
OBJECTS = [
    "a parenting group on positive discipline",
    "counselling through the school service",
    "the missed development review",
    "the first core group meeting",
    "a psychological assessment of the child",
    "after-school care arrangements with the grandmother",
    "financial support and legal advice for the mother",
    "a home visit with the health visitor",
    "安排家長小組，並跟進出席情況",
    "轉介臨床心理評估及輔導服務",
]
STATUSES = ["open"] * 5 + ["in_progress"] * 2 + ["done"] * 2 + ["cancelled"]
SENTENCE = (
    "the child said that school was safe and home was loud at night and the mother agreed "
    "to attend the group while the school will keep a daily check on attendance and mood"
)
WORDS = SENTENCE.split()


def conference_document(actions: int = ACTIONS, seed: int = 8) -> dict[str, Any]:
    """A valid exchange file (``mdcc-conference`` v1) of one conference with ``actions``
    actions; the same for the same arguments."""
    rng = random.Random(seed)
    start = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)

    def at(minutes: int) -> str:
        return (start + dt.timedelta(minutes=minutes)).isoformat()

    def words(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."

    attendees: list[dict[str, Any]] = [
        {"id": "chair", "name": "Ruth Okafor", "agency": "Safeguarding and Quality Assurance",
         "discipline": "social_work", "roles": ["chair"], "attendance": "present"},
        {"id": "mt", "name": "Daniel Shaw", "agency": "Business Support", "discipline": "other",
         "roles": ["minute_taker"], "attendance": "present"},
        {"id": "kw", "name": "Priya Nair", "agency": "Children's Services",
         "discipline": "social_work", "job_title": "Social Worker",
         "roles": ["key_worker", "core_group", "report_author"], "attendance": "present",
         "report_submitted": True, "report_shared_with_parents": True},
        {"id": "mum", "name": "Hannah Turner", "discipline": "family", "roles": ["parent"],
         "attendance": "present", "arrived_at": at(20), "left_at": at(100),
         "exclusions": [{"left_at": at(40), "returned_at": at(55),
                         "reason": "Police information not shared with parents."}]},
    ]  # fmt: skip
    for i in range(56):
        attendance = "present" if i % 7 else rng.choice(["apologies", "absent", "report_only"])
        person: dict[str, Any] = {
            "id": f"p{i}",
            "name": f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)} {i}",
            "alt_name": rng.choice(ALT) + rng.choice(ALT) + rng.choice(ALT),
            "agency": AGENCIES[i % len(AGENCIES)],
            "discipline": DISCIPLINES[i % len(DISCIPLINES)],
            "job_title": "Practitioner",
            "email": f"person{i}@example.org",
            "roles": [ROLES[i % len(ROLES)]] if i % 3 else [],
            "attendance": attendance,
        }
        if i % 5 == 0:
            person["report_submitted"] = True
            person["report_shared_with_parents"] = i % 10 == 0
        if i % 11 == 0:
            person["attendance_note"] = "Joined by telephone."
        attendees.append(person)
    owners = [a["id"] for a in attendees]

    agenda = [
        {
            "id": f"a{i}",
            "title": f"Agenda item {i}: information from agencies",
            "planned_minutes": 10,
            "started_at": at(i * 5),
            "ended_at": at(i * 5 + 4),
            "notes": "\n".join(words(60) for _ in range(4)),
            **({"restricted": True} if i % 6 == 5 else {}),
        }
        for i in range(24)
    ]
    decisions: list[dict[str, Any]] = []
    for i in range(120):
        decision: dict[str, Any] = {
            "id": f"d{i}",
            "agenda_item": f"a{i % len(agenda)}",
            "kind": "other",
            "text": words(25),
            "rationale": words(15),
            "method": "majority" if i % 4 == 0 else "consensus",
        }
        if i % 4 == 0:
            decision["dissent"] = [{"attendee": rng.choice(owners), "view": words(12)}]
        if i % 9 == 8:
            decision["restricted"] = True
        decisions.append(decision)

    plan: list[dict[str, Any]] = []
    held = start.date()
    for i in range(actions):
        status = rng.choice(STATUSES)
        due = held + dt.timedelta(days=rng.randrange(7, 200))
        action: dict[str, Any] = {
            "id": f"x{i}",
            "description": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} (item {i})",
            "owner": rng.choice(owners),
            "due": due.isoformat(),
            "status": status,
        }
        if i % 10 == 0:
            action["owner_agency"] = AGENCIES[i % len(AGENCIES)]
        if i % 8 == 0:
            action["priority"] = "high"
        if i % 3 == 0:
            action["decision"] = f"d{i % len(decisions)}"
        if i % 5 == 0:
            action["agenda_item"] = f"a{i % len(agenda)}"
        if status == "done":
            action["completed_at"] = f"{due.isoformat()}T12:00:00+00:00"
        if i % 4 == 0:
            action["updates"] = [
                {"at": at(1440 * (k + 1)), "note": words(8)}
                | ({"status": "in_progress"} if k else {})
                for k in range(1 + i % 3)
            ]
        plan.append(action)

    return {
        "format": "mdcc-conference",
        "version": 1,
        "jurisdiction": "ENG",
        "case": {
            "reference": f"SCALE-{actions}",
            "children": [
                {
                    "name": "Max Turner",
                    "date_of_birth": "2021-02-14",
                    "sex": "male",
                    "school": "Brook Lane Primary School",
                },
                {"name": "Lily Turner", "date_of_birth": "2023-06-01", "sex": "female"},
            ],
            "household": [
                {"name": "Hannah Turner", "relationship": "mother"},
                {
                    "name": "Lee Parker",
                    "relationship": "mother's partner",
                    "notes": "Lives in the household since 2025.",
                },
            ],
        },
        "conference": {
            "type": "initial",
            "title": "Initial child protection conference at scale",
            "referral_received": "2026-11-02",
            "scheduled_start": start.isoformat(),
            "started_at": at(4),
            "ended_at": at(112),
            "venue": "Civic Centre, Meeting Room 3",
            "language": "en",
            "attendees": attendees,
            "agenda": agenda,
            "safety_mapping": {
                "worries": [words(15) for _ in range(5)],
                "working_well": [words(15) for _ in range(5)],
                "needs_to_happen": [words(15) for _ in range(5)],
                "scaling": [{"attendee": o, "score": 1 + k % 10} for k, o in enumerate(owners[:8])],
            },
            "decisions": decisions,
            "actions": plan,
            "distribution": [
                {"attendee": o, "copy": "parent" if o == "mum" else "full"} for o in owners
            ],
            "next_review": "2027-02-19",
        },
    }


@dataclass
class Run:
    seconds: float
    peak_mb: float


def run_cli(args: list[str], data_dir: Path, log: Path) -> tuple[Run, str]:
    """One fresh ``mdcc`` process: wall time, its own peak memory, and its stdout. The folder is
    encrypted, as a chair's is: the first command sets its passphrase (tests/benchmarks/
    encrypted.py; the key file's derivation is the cheap one, bench_kdf.py times the real)."""
    from tests.benchmarks import encrypted

    command = [sys.executable, "-m", "mdcc_desktop.cli", "--data-dir", str(data_dir), *args]
    with (log.with_suffix(".out")).open("w+b") as out, log.open("w+b") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, env=encrypted.environ())
        # wait4 reports this child's own rusage (RUSAGE_CHILDREN would be the max over all).
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:1])} exited {proc.returncode}: {stderr[-2000:]}")
    kib = usage.ru_maxrss / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS
    return Run(seconds, kib / 1024), stdout


REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # run as a script: the repository's tests package
    sys.path.insert(0, str(REPO))

OPERATIONS = ("import", "export", "minutes (full)", "minutes (parents')")


def measure(folder: Path, actions: int, runs: int) -> dict[str, list[Run]]:
    """Every operation ``runs`` times on a conference with ``actions`` actions."""
    source = folder / f"conference-{actions}.json"
    source.write_text(json.dumps(conference_document(actions), ensure_ascii=False), "utf-8")
    results: dict[str, list[Run]] = {name: [] for name in OPERATIONS}
    for n in range(runs):
        data = folder / f"data-{actions}-{n}"
        log = folder / "stderr.txt"
        run, stdout = run_cli(["import", str(source)], data, log)
        results["import"].append(run)
        cid = stdout.strip().splitlines()[-1]
        out = folder / f"export-{actions}.json"
        results["export"].append(run_cli(["export", cid, "-o", str(out)], data, log)[0])
        exported = json.loads(out.read_text("utf-8"))
        assert len(exported["conference"]["actions"]) == actions, "the export lost actions"
        for name, copy in (("minutes (full)", "full"), ("minutes (parents')", "parent")):
            target = folder / f"minutes-{actions}-{copy}.docx"
            run = run_cli(["minutes", cid, "-o", str(target), "--copy", copy], data, log)[0]
            results[name].append(run)
    return results


def main(argv: list[str]) -> int:
    runs = int(argv[1]) if len(argv) > 1 else 3
    actions = int(argv[2]) if len(argv) > 2 else ACTIONS
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floor = measure(folder, FLOOR_ACTIONS, runs)
        big = measure(folder, actions, runs)
        size_mb = (folder / f"conference-{actions}.json").stat().st_size / 1e6
    ok = True
    lines = [
        f"## Scale: one conference with {actions:,} actions",
        "",
        f"Each operation is a fresh `mdcc` process: the median of {runs} runs of its wall time "
        "and the highest of their peak memory (the process's ru_maxrss). The floor is the "
        f"same command on the same conference with {FLOOR_ACTIONS} actions. The exchange file "
        f"is {size_mb:.0f} MB. Targets: {TARGET_S:.0f} s and {TARGET_MB:.0f} MB each.",
        "",
        "| operation | time (s) | floor (s) | ratio | peak memory (MB) | floor (MB) | result |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name in OPERATIONS:
        seconds = statistics.median(r.seconds for r in big[name])
        peak = max(r.peak_mb for r in big[name])
        floor_s = statistics.median(r.seconds for r in floor[name])
        floor_mb = max(r.peak_mb for r in floor[name])
        passed = seconds < TARGET_S and peak < TARGET_MB
        ok &= passed
        lines.append(
            f"| {name} | {seconds:.2f} | {floor_s:.2f} | {seconds / floor_s:.1f} | {peak:.0f} "
            f"| {floor_mb:.0f} | {'ok' if passed else '**MISSED**'} |"
        )
    lines += ["", f"Took {time.perf_counter() - started:.0f} s in all."]
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
