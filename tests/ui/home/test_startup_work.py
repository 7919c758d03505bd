"""What the first window does before the chair sees it: only what is shown.

Pages out of sight (the deadlines, the action tracker) are filled when first shown, and the
conference list sizes its columns from its first rows, not from every conference. (How fast
the start is, is measured in tests/benchmarks/bench_startup.py, not here.)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from mdcc_desktop.domain.models import Action, Attendee, Child, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.home import main_window, models
from mdcc_desktop.ui.home.main_window import MainWindow
from mdcc_desktop.ui.home.models import ConferenceListModel
from tests.conftest import open_services
from tests.ui.home.test_main_window import RecordingPrompter

TODAY = dt.date.today()
MANY = 150  # more rows than the list looks at to size its columns


def add_conference(services: Services, reference: str, days_ago: int) -> int:
    c = services.conferences
    case = c.create_case(reference, "ENG", [Child(name=f"Child {reference}")])
    start = dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(10), dt.UTC)
    return c.create_conference(case.id or 0, "ENG", ConferenceType.INITIAL, start)


@pytest.fixture
def overdue(services: Services) -> int:
    """A conference with an overdue action (the sidebar counts it)."""
    cid = add_conference(services, "CS-LATE", 40)
    owner = services.conferences.add_attendee(cid, Attendee(name="Sara Worker")).id
    services.conferences.add_action(
        cid, Action(description="Late thing", owner_id=owner, due=TODAY - dt.timedelta(days=3))
    )
    return cid


def counting(monkeypatch: pytest.MonkeyPatch, target: Any, name: str) -> list[int]:
    """Count the calls of ``target.name`` (the real method still runs)."""
    calls: list[int] = []
    real = getattr(target, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(target, name, wrapper)
    return calls


def test_the_deadlines_and_the_tracker_are_computed_only_when_first_shown(
    qtbot, services: Services, overdue: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    deadlines = counting(monkeypatch, services.deadlines, "case_deadlines")
    actions = counting(monkeypatch, services.tracker, "actions")
    window = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert deadlines == [] and actions == []
    assert window.sidebar.item(1).text() == "Actions (1 overdue)"  # the count is there at once

    window.sidebar.setCurrentRow(2)
    assert deadlines == [1]
    tree = window.deadlines_page.tree
    assert tree.topLevelItemCount() == 1 and tree.topLevelItem(0).text(0).startswith("CS-LATE")
    window.sidebar.setCurrentRow(1)
    assert actions == [1]
    model = window.tracker_page.model
    assert [model.row_record(r).description for r in range(model.rowCount())] == ["Late thing"]

    window.sidebar.setCurrentRow(0)
    window.sidebar.setCurrentRow(2)  # shown again, nothing changed: not computed again
    window.sidebar.setCurrentRow(1)
    assert deadlines == [1] and actions == [1]
    window.close()


def test_the_sidebar_counts_overdue_actions_up_to_a_bound_then_says_more(
    qtbot, services: Services, overdue: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The count read at each start and change stops at a bound (a large file has 60,000
    overdue actions: counting them all took 8 ms of every start); the tracker has the number."""
    monkeypatch.setattr(main_window, "OVERDUE_SHOWN_UP_TO", 2)
    window = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(window)
    assert window.sidebar.item(1).text() == "Actions (1 overdue)"
    owner = services.conferences.add_attendee(overdue, Attendee(name="Ola Teacher")).id
    for n in range(2):  # the window hears of each change and counts again
        late = Action(description=f"Late {n}", owner_id=owner, due=TODAY - dt.timedelta(days=2))
        services.conferences.add_action(overdue, late)
    qtbot.waitUntil(lambda: window.sidebar.item(1).text() == "Actions (2+ overdue)")
    assert services.tracker.overdue_count() == 3
    assert services.tracker.overdue_count(at_most=2) == 2


def test_the_conference_list_answers_every_role_its_cells_do(
    qtbot, services: Services, overdue: int
) -> None:
    """The list answers a view's questions about the roles it has no answer for at once (ten
    per cell painted or sized); none that a cell answers is among them."""
    window = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(window)
    model = window.model
    assert model.ROLES is not None and model.rowCount() == 1
    record = model.summary(0)
    answered = set()
    for column in range(model.columnCount()):
        for role in range(int(Qt.ItemDataRole.UserRole) + 2):
            expected = model.cell(record, column, role)
            got = model.index(0, column).data(role)
            if expected is not None:
                answered.add(role)
                assert got == expected, (column, role)
    assert answered <= model.ROLES
    assert {int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ForegroundRole)} <= answered
    assert model.index(0, 0).data(ConferenceListModel.ConferenceIdRole) == overdue


def test_opening_on_the_overdue_actions_reads_them_once(
    qtbot, services: Services, overdue: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    actions = counting(monkeypatch, services.tracker, "actions")
    deadlines = counting(monkeypatch, services.deadlines, "case_deadlines")
    window = MainWindow(services, RecordingPrompter(), open_on_overdue=True)
    qtbot.addWidget(window)
    assert window.stack.currentWidget() is window.tracker_page
    assert actions == [1] and deadlines == []
    assert window.tracker_page.count_label.text() == "1 action(s)"
    window.close()


def test_the_conference_list_sizes_its_columns_from_its_first_rows_only(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(MANY):
        add_conference(services, f"CS-{n:04d}", n)
    # Every row in the model at once (a first page of them all): the sizing still reads a few.
    monkeypatch.setattr(models, "PAGE_SIZE", MANY * 2)
    monkeypatch.setattr(main_window, "PAGE_SIZE", MANY * 2)
    asked: set[int] = set()
    real = ConferenceListModel.cell

    def cell(self: ConferenceListModel, row: Any, column: int, role: int) -> Any:
        asked.add(row.id)
        return real(self, row, column, role)

    monkeypatch.setattr(ConferenceListModel, "cell", cell)
    window = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)
    assert window.model.rowCount() == MANY
    read = sorted(window.model.row_of(i) for i in asked)
    assert read and read[0] == 0
    assert len(read) <= 100, f"{len(read)} of {MANY} rows read to show the first window"
    assert window.table.columnWidth(
        ConferenceListModel.COL_CASE
    ) >= window.table.fontMetrics().horizontalAdvance("CS-0000")
    window.close()


# What only a command or another window uses: the first window does not import it.
NOT_AT_START = (
    "mdcc_desktop.ui.workspace.window",
    "mdcc_desktop.ui.home.new_conference",
    "mdcc_desktop.ui.minutes.dialogs",
    "mdcc_desktop.ui.followup.chronology",
    "mdcc_desktop.services.demo",
    "mdcc_desktop.services.exchange",
    "mdcc_desktop.ui.followup.tracker",
    "mdcc_desktop.ui.followup.deadlines",
    "mdcc_desktop.ui.followup.search",
)
PROBE = """
import atexit, json, sys
def report():
    found = sorted(set(sys.modules) & set({modules!r}))
    sys.stderr.write("\\nSTARTED-WITH " + json.dumps(found) + "\\n")
atexit.register(report)
from mdcc_desktop.app import main
from tests.conftest import open_services
sys.exit(main(["--smoke", "--data-dir", {data_dir!r}]))
"""


def test_the_first_window_imports_neither_the_workspace_nor_the_dialogs(tmp_path: Path) -> None:
    """A real start (``--smoke``) on a folder with a conference."""
    data_dir = tmp_path / "data"
    services = open_services(data_dir)
    try:
        add_conference(services, "CS-START", 3)
    finally:
        services.close()
    code = PROBE.format(modules=NOT_AT_START, data_dir=str(data_dir))
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    line = next(x for x in result.stderr.splitlines() if x.startswith("STARTED-WITH "))
    assert json.loads(line.removeprefix("STARTED-WITH ")) == []
