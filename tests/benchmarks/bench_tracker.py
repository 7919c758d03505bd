"""Action tracker benchmark: 10,000 conferences and 100,000 actions against a floor.

Targets (issue 5): the tracker's first page (200 rows and the count) under 300 ms, a filter
change (overdue, owner text) under 50 ms, a full-text search under 100 ms, and a peak memory
(ru_maxrss) under 300 MB. The floor is a plain ``SELECT id FROM actions LIMIT 200`` on the same
database, so the ratio says what joins, filters and sorting add, whatever the machine.

The database is built in a child process straight through the store's sqlite-utils Database
(big batches, one transaction), so that the peak memory measured here is the tracker's alone.
Not part of the test run: ``.venv/bin/python tests/benchmarks/bench_tracker.py [runs]``; prints
a markdown section (see tests/benchmarks/run_all.py) and exits 1 if a target is missed.
"""

from __future__ import annotations

import datetime as dt
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from mdcc_desktop.domain.tracker import ActionFilter
from mdcc_desktop.services.context import Services

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # run as a script: the repository's tests package
    sys.path.insert(0, str(REPO))

CONFERENCES = 10_000
ACTIONS_PER_CONFERENCE = 10
ATTENDEES_PER_CONFERENCE = 6
AS_OF = dt.date(2026, 12, 5)
BATCH = 5_000

TARGET_PAGE_MS = 300.0
TARGET_FILTER_MS = 50.0
TARGET_SEARCH_MS = 100.0
TARGET_RSS_MB = 300.0
# Not in the issue: the deadlines page lists every case; a second keeps it usable.
TARGET_DASHBOARD_MS = 1000.0

SURNAMES = [
    "Chan",
    "Lee",
    "Wong",
    "Smith",
    "Patel",
    "Jones",
    "Ng",
    "Cheung",
    "Taylor",
    "Brown",
    "Lam",
    "Ho",
    "Nair",
    "Reid",
    "Obi",
    "Ellis",
]
GIVEN = [
    "Ann",
    "Ben",
    "Chi-keung",
    "Dana",
    "Eve",
    "Fai",
    "Grace",
    "Hoi-ting",
    "Ivy",
    "Jon",
    "Ka-yan",
    "Mark",
    "Priya",
    "Tom",
    "Wing",
    "Yan",
]
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
VERBS = ["Arrange", "Refer", "Review", "Monitor", "Offer", "Visit", "Confirm", "Book", "Chase"]
OBJECTS = [
    "a parenting group on positive discipline",
    "counselling through the school service",
    "the missed development review",
    "the first core group meeting",
    "a psychological assessment",
    "after-school care arrangements",
    "financial support and legal advice",
    "a home visit with the health visitor",
    "安排家長小組",
    "轉介臨床心理評估",
]
STATUSES = ["open"] * 5 + ["in_progress"] * 2 + ["done"] * 2 + ["cancelled"]


def _batches(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def build(data_dir: Path) -> None:
    """Fill a fresh data dir's database; ids are given so children can point at parents."""
    rng = random.Random(5)
    from tests.benchmarks import encrypted  # the database is encrypted, as a chair's is

    services = encrypted.open_services(data_dir)
    db = services.store.db
    stamp = "2026-12-01T09:00:00+00:00"
    first_day = dt.datetime(2024, 1, 8, 10, tzinfo=dt.UTC)
    surnames, given = SURNAMES, GIVEN

    def cases() -> Iterator[dict[str, Any]]:
        for i in range(1, CONFERENCES // 2 + 1):
            jurisdiction = "HK" if i % 3 == 0 else "ENG"
            yield {"id": i, "reference": f"CS-{i:06d}", "jurisdiction": jurisdiction,
                   "created_at": stamp}  # fmt: skip

    def conferences() -> Iterator[dict[str, Any]]:
        for i in range(1, CONFERENCES + 1):
            case_id = (i - 1) // 2 + 1
            start = first_day + dt.timedelta(days=i % 1050, hours=i % 6)
            yield {
                "id": i,
                "case_id": case_id,
                "jurisdiction": "HK" if case_id % 3 == 0 else "ENG",
                "type": "initial" if i % 2 else "review",
                "scheduled_start": start.isoformat(),
                "started_at": start.isoformat(),
                "status": "finalised" if start.date() < dt.date(2026, 9, 1) else "ended",
                "created_at": stamp,
                "updated_at": stamp,
            }

    def attendees() -> Iterator[dict[str, Any]]:
        for c in range(1, CONFERENCES + 1):
            for k in range(ATTENDEES_PER_CONFERENCE):
                yield {
                    "id": (c - 1) * ATTENDEES_PER_CONFERENCE + k + 1,
                    "conference_id": c,
                    "position": k,
                    "name": f"{rng.choice(given)} {rng.choice(surnames)}",
                    "agency": AGENCIES[(c + k) % len(AGENCIES)],
                    "attendance": "present",
                }

    def actions() -> Iterator[dict[str, Any]]:
        for c in range(1, CONFERENCES + 1):
            held = first_day.date() + dt.timedelta(days=c % 1050)
            for k in range(ACTIONS_PER_CONFERENCE):
                status = rng.choice(STATUSES)
                owner = (c - 1) * ATTENDEES_PER_CONFERENCE + rng.randrange(ATTENDEES_PER_CONFERENCE)
                due = held + dt.timedelta(days=rng.randrange(7, 120))
                yield {
                    "id": (c - 1) * ACTIONS_PER_CONFERENCE + k + 1,
                    "conference_id": c,
                    "position": k,
                    "description": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} ({c}-{k})",
                    "owner_id": owner + 1 if k != 9 else None,
                    "owner_agency": AGENCIES[k % len(AGENCIES)] if k == 9 else None,
                    "due": due.isoformat() if k != 8 else None,
                    "status": status,
                    "priority": "high" if k % 4 == 0 else None,
                    "completed_at": f"{due.isoformat()}T12:00:00+00:00"
                    if status == "done"
                    else None,
                }

    def updates() -> Iterator[dict[str, Any]]:
        every_third = range(1, CONFERENCES * ACTIONS_PER_CONFERENCE + 1, 3)
        for n, a in enumerate(every_third, start=1):
            yield {"id": n, "action_id": a, "at": stamp, "note": "Chased by phone."}

    with db.atomic():
        for table, rows in (
            ("cases", cases()),
            ("conferences", conferences()),
            ("attendees", attendees()),
            ("actions", actions()),
            ("action_updates", updates()),
        ):
            for batch in _batches(rows):
                db.table(table).insert_all(batch, batch_size=BATCH)
    services.close()


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm the page cache and SQLite's statement cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _page(services: Services, f: ActionFilter) -> Callable[[], object]:
    def run() -> object:
        rows = services.tracker.actions(f, limit=200)
        return rows, services.tracker.count(f)

    return run


def _qt_model(services: Services) -> Callable[[], object]:
    """The tracker as the window opens it: the Qt model's first page and count."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from mdcc_desktop.ui.followup.tracker import ActionTrackerModel

    app = QApplication.instance() or QApplication([])
    model = ActionTrackerModel(services)
    model.filter = ActionFilter(as_of=AS_OF, open_only=True)

    def run() -> object:
        model.reload()
        return app, model.rowCount()

    return run


def measure(data_dir: Path, runs: int) -> bool:
    from tests.benchmarks import encrypted  # the database is encrypted, as a chair's is

    services = encrypted.open_services(data_dir)
    try:
        db = services.store.db
        total = db.execute("SELECT count(*) FROM actions").fetchone()[0]
        n_conf = db.execute("SELECT count(*) FROM conferences").fetchone()[0]
        assert total == CONFERENCES * ACTIONS_PER_CONFERENCE and n_conf == CONFERENCES, (
            total,
            n_conf,
        )
        floor = _median_ms(lambda: db.execute("SELECT id FROM actions LIMIT 200").fetchall(), runs)
        everything = ActionFilter(as_of=AS_OF)
        overdue = ActionFilter(as_of=AS_OF, overdue=True)
        owner = ActionFilter(as_of=AS_OF, owner="lee")
        rows, count = _page(services, overdue)()  # type: ignore[misc]
        assert len(rows) == 200 and count > 200 and all(r.overdue(AS_OF) for r in rows)
        hits = services.store.search("parenting group")
        assert hits, "the search found nothing"
        checks = [
            ("first page (200 rows + count)", _page(services, everything), TARGET_PAGE_MS),
            ("filter: overdue", _page(services, overdue), TARGET_FILTER_MS),
            ("filter: owner text", _page(services, owner), TARGET_FILTER_MS),
            (
                "full-text search",
                lambda: services.store.search("parenting group"),
                TARGET_SEARCH_MS,
            ),
            (
                "search with case and conference",
                lambda: services.tracker.search("parenting group"),
                TARGET_SEARCH_MS,
            ),
            ("tracker opens (the Qt model)", _qt_model(services), TARGET_PAGE_MS),
            ("deadlines of every case", services.deadlines.case_deadlines, TARGET_DASHBOARD_MS),
        ]
        ok = True
        lines = [
            "## Action tracker: 10,000 conferences, 100,000 actions",
            "",
            f"{total:,} actions in {n_conf:,} conferences, in the same process; medians of {runs} "
            "runs. The floor is `SELECT id FROM actions LIMIT 200` on the same database "
            f"({floor:.2f} ms).",
            "",
            "| measure | median | target | ratio to floor | result |",
            "| --- | ---: | ---: | ---: | --- |",
        ]
        for name, fn, target in checks:
            median = _median_ms(fn, runs)
            passed = median < target
            ok &= passed
            lines.append(
                f"| {name} | {median:.1f} ms | < {target:.0f} ms "
                f"| {median / max(floor, 1e-6):.0f} | {'ok' if passed else '**MISSED**'} |"
            )
    finally:
        services.close()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    if sys.platform == "darwin":
        rss_mb /= 1024  # bytes on macOS
    passed = rss_mb < TARGET_RSS_MB
    lines.append(
        f"| peak memory (ru_maxrss) | {rss_mb:.1f} MB | < {TARGET_RSS_MB:.0f} MB | "
        f"| {'ok' if passed else '**MISSED**'} |"
    )
    print("\n".join(lines))
    return ok and passed


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "--build":
        build(Path(argv[2]))
        return 0
    runs = int(argv[1]) if len(argv) > 1 else 7
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        started = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--build", str(data_dir)], check=True)
        built = time.perf_counter() - started
        ok = measure(data_dir, runs)
        print(f"\nThe database was built in {built:.1f} s (in a child process).")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
