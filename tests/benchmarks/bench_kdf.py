"""What unlocking costs: the Argon2id derivation that guards the database key.

Not part of the test run: ``.venv/bin/python tests/benchmarks/bench_kdf.py``. The derivation
should take about half a second on this machine (slow for someone guessing passphrases from a
copied data folder, quick enough for a chair unlocking). Printed as a median over 7 unlocks,
and as a ratio against a floor measured in the same run: the cheapest derivation a key file
may ask for (8 MiB, one pass), so the ratio says what the chosen cost adds whatever the speed.
"""

from __future__ import annotations

import statistics
import sys
import time

from mdcc_desktop.store import keys

TARGET_LOW_S, TARGET_HIGH_S = 0.2, 1.0


def median_s(fn: object, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    made = keys.create("a passphrase for the benchmark")
    cheap = keys.create(
        "a passphrase for the benchmark", memory_kib=keys.MIN_MEMORY_KIB, iterations=1, lanes=1
    )
    floor = median_s(lambda: keys.unlock(cheap.key_file, "a passphrase for the benchmark"))
    unlock = median_s(lambda: keys.unlock(made.key_file, "a passphrase for the benchmark"))
    met = TARGET_LOW_S <= unlock <= TARGET_HIGH_S
    print("## Unlocking: the key derivation")
    print()
    print(
        f"Argon2id, {keys.MEMORY_KIB // 1024} MiB, {keys.ITERATIONS} passes, {keys.LANES} lanes; "
        "median of 7 unlocks. Floor: the cheapest derivation a key file may ask for."
    )
    print()
    print("| figure | median | ratio to floor | target | met |")
    print("|---|---|---|---|---|")
    print(f"| floor (8 MiB, 1 pass) | {floor * 1000:.0f} ms | 1.0x | | |")
    print(
        f"| unlock | {unlock * 1000:.0f} ms | {unlock / floor:.1f}x | "
        f"{TARGET_LOW_S:.1f}-{TARGET_HIGH_S:.1f} s | {'yes' if met else 'NO'} |"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
