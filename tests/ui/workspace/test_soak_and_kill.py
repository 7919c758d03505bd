"""Short runs of the soak and kill benchmarks, so that CI catches a binding that aborts the app
in a long meeting and a workspace that loses more than a second of typing when killed.

Both run the real workspace in a child process (tests/benchmarks/workspace_driver.py): an abort
is a failed test here, never a crash of the test run.
"""

from __future__ import annotations

import pytest

from tests.benchmarks.bench_kill import kill_once
from tests.benchmarks.bench_soak import run_soak

pytestmark = pytest.mark.slow


def test_a_short_meeting_in_the_real_workspace_survives_and_stores_everything() -> None:
    result = run_soak(keys=2000, ticks=2000, per_item=500, timeout=600)
    assert result.returncode == 0, result.problems
    assert result.problems == []
    assert result.item_changes == 3 and result.ticks == 2000


@pytest.mark.parametrize("kill_after", [1.7, 3.2])
def test_killing_the_app_while_typing_loses_at_most_a_second_of_it(kill_after: float) -> None:
    result = kill_once(kill_after)
    assert result.problem == ""
    assert result.typed > 0
    # Counted in characters against the rate the driver typed at, not by a clock: a second's
    # worth, with a quarter more for a loaded machine's late timers.
    assert result.lost <= 1.25 * result.rate + 2, (
        f"{result.lost} characters lost at {result.rate:.0f} characters a second"
    )
