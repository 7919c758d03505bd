"""What the integrity check on open costs: Store.open of a large database, against a floor.

Not part of the test run. Run ``.venv/bin/python tests/benchmarks/bench_open_check.py [actions]``
(default 100,000 actions, about 40 MB). Prints the median of Store.open (which runs
``PRAGMA quick_check``), of the check alone, and of the floor: a bare SQLCipher connection
(keyed) reading the schema, so the ratio says what opening adds whatever the machine's speed.
The database is encrypted, as a chair's is, with a raw key (no key derivation). It also
times a delete that rewrites the full-text index (``optimize``), the price of "deleted means
deleted" on that database: at once (the command line) and as the GUI does it, merged on a thread
of its own after the commit (the caller's time, and the time until the text is out).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from mdcc_desktop.domain.models import Action, Case, Conference, ConferenceType
from mdcc_desktop.store import Store, driver
from mdcc_desktop.store.connection import key_pragma

# The database is encrypted, as a chair's is (issue 11 point 11): a raw SQLCipher key, as the
# key file unwraps one (no key derivation here: that is bench_kdf.py's).
KEY = os.urandom(32)


def connect(path: Path) -> driver.Connection:
    """A bare SQLCipher connection with the key: the floor's."""
    conn = driver.connect(str(path))
    conn.execute(key_pragma(KEY))
    return conn


WORDS = [
    "assess",
    "the",
    "child",
    "safety",
    "plan",
    "review",
    "school",
    "attendance",
    "health",
    "visit",
    "police",
    "report",
    "family",
    "support",
    "評估",
    "家訪",
    "學校",
    "安全",
    "計劃",
]


def build(path: Path, actions: int) -> None:
    store = Store.open(path, key=KEY)
    rng = random.Random(8)
    case_id = store.add_case(Case(reference="CP-BENCH", jurisdiction="HK"))
    conference_id = store.add_conference(
        Conference(
            case_id=case_id,
            jurisdiction="HK",
            type=ConferenceType.INITIAL,
            scheduled_start=dt.datetime(2026, 1, 5, 10, 0),
        )
    )
    with store.transaction():
        for i in range(actions):
            store.db.execute(
                "INSERT INTO actions (conference_id, description, position) VALUES (?, ?, ?)",
                [conference_id, " ".join(rng.choice(WORDS) for _ in range(12)) + f" {i}", i],
            )
    store.close()


def median_ms(fn: object, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    actions = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mdcc.sqlite3"
        build(path, actions)
        size_mb = path.stat().st_size / 1e6

        def floor() -> None:
            conn = connect(path)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.close()

        def open_store() -> None:
            Store.open(path, key=KEY).close()

        def check_only() -> None:
            conn = connect(path)
            conn.execute("PRAGMA quick_check(1)").fetchall()
            conn.close()

        def open_unchecked() -> None:
            Store.open(path, check_integrity=False, key=KEY).close()

        floor_ms = median_ms(floor)
        open_ms = median_ms(open_store)
        unchecked_ms = median_ms(open_unchecked)
        check_ms = median_ms(check_only)
        store = Store.open(path, key=KEY)
        try:
            ids = [r[0] for r in store.db.execute("SELECT id FROM actions LIMIT 10").fetchall()]
            delete_ms = statistics.median(
                [median_ms(lambda i=i: store.delete(Action, i), runs=1) for i in ids[:5]]
            )
            # The GUI's way: the merge on a thread of its own, after the delete's commit.
            store.purge_search_in_background()
            store.wait_for_search_purge()
            caller: list[float] = []
            merged: list[float] = []
            for i in ids[5:]:
                started = time.perf_counter()
                store.delete(Action, i)
                caller.append((time.perf_counter() - started) * 1000)
                store.wait_for_search_purge()
                merged.append((time.perf_counter() - started) * 1000)
            caller_ms = statistics.median(caller)
            merged_ms = statistics.median(merged)
        finally:
            store.close()
    print(f"database: {actions} actions, {size_mb:.1f} MB, encrypted (SQLCipher)")
    print(f"floor (SQLCipher connect + key + read schema): {floor_ms:.1f} ms")
    print(f"Store.open with quick_check:   {open_ms:.1f} ms ({open_ms / floor_ms:.0f}x floor)")
    print(f"quick_check alone:             {check_ms:.1f} ms")
    print(
        f"Store.open, check left to a thread (the GUI): {unchecked_ms:.1f} ms "
        f"({unchecked_ms / floor_ms:.0f}x floor)"
    )
    print(f"delete one action, merged at once (command line): {delete_ms:.1f} ms")
    print(
        f"delete one action, GUI (merge on a thread): {caller_ms:.1f} ms for the caller "
        f"({caller_ms / floor_ms:.0f}x floor), deleted text out of the index after "
        f"{merged_ms:.1f} ms"
    )


if __name__ == "__main__":
    main()
