"""Values stored before issue 8's range checks never stop a window: deadlines that cannot be
computed show as unknown with their reason; skipped profiles show in the status bar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.home.main_window import MainWindow
from mdcc_desktop.ui.home.models import ConferenceListModel
from tests.conftest import DEMO, REPO, open_services
from tests.ui.home.test_main_window import RecordingPrompter

FAR = dt.datetime(9999, 12, 31, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@pytest.fixture
def far_id(services: Services) -> int:
    conference_id = services.exchange.import_file(DEMO).conference_id
    services.store.update_conference(
        conference_id,
        {
            "scheduled_start": FAR,
            "started_at": None,
            "ended_at": None,
            "referral_received": None,
            # no booked review: a booked date would replace the review limit that cannot be
            # computed (issue 10)
            "next_review": None,
        },
    )
    action = services.store.actions(conference_id)[0]
    services.store.update_action(action.id or 0, {"due": dt.date(9999, 12, 31)})
    return conference_id


def test_the_home_list_shows_an_unknown_deadline_with_its_reason(
    qtbot, services: Services, far_id: int
) -> None:
    prompter = RecordingPrompter()
    window = MainWindow(services, prompter)
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 1
    index = window.model.index(0, ConferenceListModel.COL_DEADLINE)
    assert window.model.data(index).endswith(": unknown")
    assert "after the year 9999" in window.model.data(index, Qt.ItemDataRole.ToolTipRole)
    # the deadlines page, the tracker and the workspace open too
    window.sidebar.setCurrentRow(2)
    page = window.deadlines_page
    page.refresh()
    top = page.tree.topLevelItem(0)
    states = [top.child(i).text(2) for i in range(top.childCount())]
    dues = [top.child(i).text(1) for i in range(top.childCount())]
    assert "unknown" in dues
    assert any(s.startswith("cannot be computed: ") and "9999" in s for s in states)
    window.sidebar.setCurrentRow(1)
    window.tracker_page.refresh()
    window.sidebar.setCurrentRow(0)
    workspace = window.open_selected()
    assert workspace is not None
    qtbot.waitExposed(workspace)
    assert "unknown" in workspace.deadlines_label.text()
    assert workspace.suggested_review_date() is None
    workspace.close()
    assert prompter.errors == []


def test_skipped_profiles_show_in_the_status_bar_not_a_dialog(qtbot, tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data")
    paths.profiles.mkdir(parents=True)
    (paths.profiles / "broken.toml").write_text(
        'code = "BR"\nname = "Broken"\nconference_types = ["initial"]\n'
        '[calendar]\ncountry = "GB"\nclosures = 5\n',
        encoding="utf-8",
    )
    services = open_services(paths.data_dir)
    try:
        assert [p.path.name for p in services.profiles.problems] == ["broken.toml"]
        prompter = RecordingPrompter()
        window = MainWindow(services, prompter)
        qtbot.addWidget(window)
        window.show()
        qtbot.wait(10)
        assert window.profile_warning.isVisible()
        assert "1 profile file(s) skipped: broken.toml" in window.profile_warning.text()
        assert "calendar.closures: must be a list of dates" in window.profile_warning.toolTip()
        window.refresh()  # the list's own status messages do not hide it
        assert window.profile_warning.isVisible()
        assert prompter.errors == []
        window.close()
    finally:
        services.close()


@pytest.mark.parametrize("stored", [1e308, float("inf"), 10**300 * 1.0])
def test_the_workspace_opens_with_absurd_planned_minutes_already_stored(
    qtbot, services: Services, stored: float
) -> None:
    """`planned_minutes: 1e308` was accepted before issue 8 and its workspace could not open."""
    from mdcc_desktop.ui.workspace.window import WorkspaceWindow

    conference_id = services.exchange.import_file(DEMO).conference_id
    now = dt.datetime.now(dt.UTC)
    services.store.update_conference(conference_id, {"started_at": now, "ended_at": None})
    item = services.store.agenda(conference_id)[0]
    services.store.update_agenda_item(
        item.id or 0, {"planned_minutes": stored, "started_at": now, "ended_at": None}
    )
    services.store.update_conference(conference_id, {"current_agenda_item_id": item.id})
    prompter = RecordingPrompter()
    window = WorkspaceWindow(services, conference_id, prompter)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert services.store.agenda(conference_id)[0].planned_minutes is None
    assert "Current item" in window.item_timer_label.text()
    window.close()


def test_the_app_starts_with_hostile_profiles_and_a_conference_in_9999(tmp_path: Path) -> None:
    """What locked the chair out before issue 8: the real app, started as a user would."""
    import subprocess
    import sys

    data = tmp_path / "data"
    paths = AppPaths(data)
    paths.profiles.mkdir(parents=True)
    shipped = REPO / "templates" / "profiles" / "HK.toml"
    text = shipped.read_text(encoding="utf-8")
    hostile = {
        "closures.toml": text.replace("closures = []", "closures = 5"),
        "weekend.toml": text.replace('code = "HK"', 'code = "W7"').replace(
            'weekend = ["sat", "sun"]',
            'weekend = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]',
        ),
        "huge.toml": text.replace('code = "HK"', 'code = "HG"').replace(
            "working_days = 10", "working_days = 9999999999"
        ),
        "deep.toml": text + "\nx = " + "[" * 5000 + "]" * 5000 + "\n",
    }
    for name, body in hostile.items():
        (paths.profiles / name).write_text(body, encoding="utf-8")
    services = open_services(paths.data_dir)
    try:
        assert sorted(p.path.name for p in services.profiles.problems) == sorted(hostile)
        conference_id = services.exchange.import_file(DEMO).conference_id
        services.store.update_conference(
            conference_id,
            {"scheduled_start": FAR, "started_at": None, "ended_at": None},
        )
    finally:
        services.close()
    result = subprocess.run(
        [sys.executable, "-m", "mdcc_desktop", "--smoke", "--data-dir", str(data)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stderr
