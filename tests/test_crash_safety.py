"""A few kills of the crash harness (tests/benchmarks/bench_crash.py; issue 11 point 8), so that
CI catches an edit acknowledged but lost at a kill, a damaged database after one, or a half
imported conference; and proof that the harness's checks fail where they should.

The app and the importer run as real child processes on real encrypted data folders and are
killed with SIGKILL; the checks open the folder with the services. No timed assertions: a kill
may land anywhere (before the first edit is committed, mid-write, after an import finished)
and every outcome but a broken one passes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mdcc_desktop.domain.models import Child
from tests.benchmarks import bench_crash, encrypted
from tests.benchmarks.bench_scale import conference_document

pytestmark = pytest.mark.slow

ACTIONS = 2_000


def test_killing_the_app_mid_edits_keeps_every_acknowledged_edit(tmp_path: Path) -> None:
    data_dir, work = tmp_path / "data", tmp_path / "work"
    work.mkdir()
    encrypted.folder_key(data_dir)
    acks: list[bench_crash.Ack] = []
    kills = [(0.8, False), (2.0, False), (0.6, True)]  # the last one mid start-up, maybe
    results = [
        bench_crash.kill_app(data_dir, work, acks, kill_after=after, during_start=start)
        for after, start in kills
    ]
    for result in results:
        assert result.check.problems == []
    # Each run on what the last kill left: the earlier runs' edits are checked again each time.
    assert sum(r.acks for r in results[:2]) > 0
    assert {a.kind for a in acks} >= {"attendee", "checkin", "action", "decision"}
    for result in results[:2]:
        # The notes stored are what was typed (how much of it: tests/ui/workspace/
        # test_soak_and_kill.py, and bench_crash.py's figure, where the GUI is busier).
        assert result.typing is not None and result.typing.problem == ""


@pytest.fixture
def import_folder(tmp_path: Path) -> tuple[Path, Path, object]:
    """A data folder that has imported the file once (its case is there), and the file."""
    doc = conference_document(ACTIONS)
    file = tmp_path / "conference.json"
    file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    data_dir = tmp_path / "data"
    encrypted.folder_key(data_dir)
    bench_crash.time_import(data_dir, file)
    return data_dir, file, bench_crash._normalised(doc)


def test_killing_the_importer_leaves_the_whole_conference_or_nothing(
    import_folder: tuple[Path, Path, object],
) -> None:
    data_dir, file, expected = import_folder
    outcomes = []
    # Two kills aimed within the import's write transaction (from the moment it began), one
    # after a second of the run, whatever it is doing then.
    for after, aimed in [(0.0, True), (0.02, True), (1.0, False)]:
        result = bench_crash.kill_import(
            data_dir, file, expected, kill_after=after, in_transaction=aimed
        )
        assert result.check.problems == []
        assert result.outcome in ("nothing", "whole")
        if result.acknowledged:
            assert result.outcome == "whole"
        outcomes.append(result.outcome)
    services = encrypted.open_services(data_dir)
    try:
        # The file's conference once, and once more for each import that was whole.
        assert len(services.store.conference_ids()) == 1 + outcomes.count("whole")
    finally:
        services.close()


def _state(data_dir: Path) -> tuple[set[int], dict[str, int]]:
    services = encrypted.open_services(data_dir)
    try:
        return set(services.store.conference_ids()), bench_crash.table_counts(services)
    finally:
        services.close()


def test_the_harness_finds_a_half_conference(tmp_path: Path) -> None:
    doc = conference_document(50)
    expected = bench_crash._normalised(doc)
    data_dir = tmp_path / "data"
    encrypted.folder_key(data_dir)
    before_ids, before_counts = _state(data_dir)
    services = encrypted.open_services(data_dir)
    try:
        conference_id = services.exchange.import_document(doc).conference_id
        whole = bench_crash.judge_import(
            data_dir, before_ids, before_counts, expected, printed=str(conference_id)
        )
        assert whole == ("whole", [])
        # What an import that committed in pieces would leave: the conference without its
        # last action.
        last = services.store.actions(conference_id)[-1]
        assert last.id is not None
        services.conferences.remove_action(last.id)
    finally:
        services.close()
    outcome, problems = bench_crash.judge_import(
        data_dir, before_ids, before_counts, expected, printed=None
    )
    assert outcome == "broken"
    assert any("half conference" in p for p in problems)


def test_the_harness_finds_rows_left_without_a_conference(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    encrypted.folder_key(data_dir)
    before_ids, before_counts = _state(data_dir)
    services = encrypted.open_services(data_dir)
    try:  # a case written, its conference not: half an import
        services.conferences.create_case("CS-HALF-1", "ENG", [Child(name="Test Child")])
    finally:
        services.close()
    outcome, problems = bench_crash.judge_import(
        data_dir, before_ids, before_counts, None, printed="7"
    )
    assert outcome == "broken"
    assert any("rows changed" in p for p in problems)
    assert any("printed 7 but it is not there" in p for p in problems)


def test_the_harness_finds_a_lost_acknowledged_edit(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    services = encrypted.open_services(data_dir)
    try:
        acks = [
            bench_crash.Ack("action", 424242, "Action 3"),
            bench_crash.Ack("attendee", 424243),
        ]
        problems = bench_crash.ack_problems(services, acks)
    finally:
        services.close()
    assert problems == [
        "acknowledged action 424242 is missing",
        "acknowledged attendee 424243 is missing",
    ]
