"""Between conferences, as a chair works: the tracker, updating actions, deadlines, search and
the case chronology, all from the home window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from mdcc_desktop.domain.models import Action, ActionStatus, Attendee, Child, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.demo import load_demo
from mdcc_desktop.ui.followup.chronology import ChronologyDialog
from mdcc_desktop.ui.followup.search_window import SearchWindow
from mdcc_desktop.ui.followup.tracker import ActionTrackerModel
from mdcc_desktop.ui.home.main_window import MainWindow
from tests.ui.home.test_main_window import RecordingPrompter

TODAY = dt.date.today()


@pytest.fixture
def overdue_case(services: Services) -> int:
    """A conference with one overdue action, one due soon and one done."""
    c = services.conferences
    case = c.create_case("CS-TRACK", "ENG", [Child(name="Ava Track")])
    cid = c.create_conference(
        case.id or 0,
        "ENG",
        ConferenceType.INITIAL,
        dt.datetime.combine(TODAY - dt.timedelta(days=40), dt.time(10), dt.UTC),
    )
    sw = c.add_attendee(cid, Attendee(name="Sara Worker", agency="Children's Services")).id
    hv = c.add_attendee(cid, Attendee(name="Hal Visitor", agency="Health")).id
    c.add_action(
        cid, Action(description="Late thing", owner_id=sw, due=TODAY - dt.timedelta(days=3))
    )
    c.add_action(
        cid, Action(description="Soon thing", owner_id=hv, due=TODAY + dt.timedelta(days=5))
    )
    c.add_action(
        cid, Action(description="Finished thing", owner_id=hv, due=TODAY, status=ActionStatus.DONE)
    )
    return cid


@pytest.fixture
def home(qtbot, services: Services, overdue_case: int) -> MainWindow:
    window = MainWindow(services, RecordingPrompter(), open_on_overdue=True)
    qtbot.addWidget(window)
    window.show()
    return window


def descriptions(home: MainWindow) -> list[str]:
    model = home.tracker_page.model
    return [model.row_record(r).description for r in range(model.rowCount())]


def test_opens_on_the_overdue_actions_with_a_count_in_the_sidebar(home: MainWindow) -> None:
    assert home.stack.currentWidget() is home.tracker_page
    assert home.sidebar.item(1).text() == "Actions (1 overdue)"
    assert descriptions(home) == ["Late thing"]
    assert "overdue" in home.tracker_page.model.index(0, ActionTrackerModel.COL_STATUS).data()


def test_filters_views_and_sorting(qtbot, home: MainWindow) -> None:
    page = home.tracker_page
    page.show_view("Open actions")
    assert descriptions(home) == ["Late thing", "Soon thing"]
    page.show_view("Due within 7 days")
    assert descriptions(home) == ["Soon thing"]
    page.show_view("Done")
    assert descriptions(home) == ["Finished thing"]
    page.show_view("All actions")
    assert len(descriptions(home)) == 3
    page.owner.setText("hal")
    qtbot.waitUntil(lambda: descriptions(home) == ["Finished thing", "Soon thing"])
    page.owner.clear()
    page.agency.setText("children")
    qtbot.waitUntil(lambda: descriptions(home) == ["Late thing"])
    page.agency.clear()
    page.case.setText("no such case")
    qtbot.waitUntil(lambda: descriptions(home) == [])
    page.case.clear()
    qtbot.waitUntil(lambda: len(descriptions(home)) == 3)
    page.table.sortByColumn(ActionTrackerModel.COL_DESCRIPTION, Qt.SortOrder.DescendingOrder)
    assert descriptions(home) == ["Soon thing", "Late thing", "Finished thing"]


def test_updating_an_action_from_the_tracker(home: MainWindow, services: Services) -> None:
    page = home.tracker_page
    page.table.setCurrentIndex(page.model.index(0, 0))  # the late one
    panel = page.details
    action_id = panel.action.id
    panel.status.setCurrentIndex(panel.status.findData("in_progress"))
    panel.note.setText("Phoned the school; visit booked.")
    panel.record_button.click()
    assert "Recorded" in panel.message.text()
    panel.due.setDate(QDate.currentDate().addDays(7))
    panel.due_reason.setText("")
    panel.move_button.click()
    assert "Say why" in panel.message.text()
    panel.due_reason.setText("Family on holiday")
    panel.move_button.click()
    action = services.store.get_action(action_id)
    assert action.status == ActionStatus.IN_PROGRESS
    assert action.due == TODAY + dt.timedelta(days=7)
    notes = [u.note for u in action.updates]
    assert notes[0] == "Phoned the school; visit booked."
    assert "Family on holiday" in notes[1] and "moved from" in notes[1]
    # No longer overdue: the sidebar says so at once.
    assert home.sidebar.item(1).text() == "Actions"

    page.show_view("Open actions")
    row = descriptions(home).index("Late thing")
    page.table.setCurrentIndex(page.model.index(row, 0))
    panel.owner.setCurrentIndex(panel.owner.findText("Hal Visitor (Health)"))
    panel.reassign_button.click()
    assert services.store.get_action(action_id).owner_agency == "Health"
    panel.done_date.setDate(QDate.currentDate())
    panel.mark_done()
    action = services.store.get_action(action_id)
    assert action.status == ActionStatus.DONE and action.completed_at is not None
    assert len(services.tracker.history(action_id)) == 4  # status, move, reassign, done
    assert "Late thing" not in descriptions(home)  # no longer open


def test_tracker_model_passes_modeltester_and_fetches_in_pages(
    qtmodeltester, services: Services, overdue_case: int
) -> None:
    c = services.conferences
    owner = services.store.attendees(overdue_case)[0].id
    with services.store.transaction():
        for i in range(450):
            services.store.add_action(
                Action(description=f"Bulk {i}", conference_id=overdue_case, owner_id=owner)
            )
    model = ActionTrackerModel(services)
    model.reload()
    assert model.total == 453 and model.rowCount() == 200
    model.fetchMore()
    assert model.rowCount() == 400
    qtmodeltester.check(model)
    assert c is not None


def test_deadlines_page_and_search(qtbot, home: MainWindow, services: Services) -> None:
    load_demo(services.exchange)
    home.deadlines_page.refresh()
    tree = home.deadlines_page.tree
    cases = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert any(c.startswith("CS-TRACK") for c in cases)
    assert any(c.startswith("DEMO-FCPSU") for c in cases)

    qtbot.keyClick(home, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert home.stack.currentWidget() is home.search_page
    home.search_page.query.setText("嘉欣")  # two Chinese characters: the fallback scan
    home.search_page.search()
    assert home.search_page.results.count() >= 1
    home.search_page.query.setText("衣架打她")  # four: the trigram index
    home.search_page.search()
    texts = [
        home.search_page.results.item(i).text() for i in range(home.search_page.results.count())
    ]
    assert any("衣架打她" in t for t in texts)
    home.search_page.results.setCurrentRow(0)
    home.search_page.results.itemActivated.emit(home.search_page.results.item(0))
    assert home.workspaces  # opened the conference


def test_case_chronology(qtbot, services: Services, shared_example: Path) -> None:
    conference_id = services.exchange.import_file(shared_example).conference_id
    case_id = services.conferences.conference(conference_id).case_id
    dialog = ChronologyDialog(services, case_id)
    qtbot.addWidget(dialog)
    lines = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert "conference" in lines[0]
    assert any("Appointment offered for 2 December" in line for line in lines)
    assert lines.index(next(x for x in lines if "update" in x)) > 0


def test_search_from_a_workspace(qtbot, services: Services, overdue_case: int) -> None:
    home = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(home)
    home.select_conference(overdue_case)
    ws = home.open_selected()
    assert ws.search_action.shortcut().toString() == "Ctrl+F"
    page = home.stack.currentWidget()
    ws.search_action.trigger()
    # Issue 10, finding 7: search opens beside the meeting; the home window stays as it was.
    assert home.stack.currentWidget() is page
    search = ws.findChild(SearchWindow)
    assert search is not None and search.isVisible()
    home.close()


def test_export_the_tracked_actions(home: MainWindow, tmp_path: Path) -> None:
    import csv

    from openpyxl import load_workbook

    home.tracker_page.show_view("Open actions")
    home.prompter.files += [tmp_path / "open.xlsx", tmp_path / "open.csv", tmp_path / "open.txt"]
    home.tracker_page.export_button.click()
    sheet = load_workbook(tmp_path / "open.xlsx").active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "Late thing" in values and "Soon thing" in values and "Finished thing" not in values
    home.tracker_page.export_button.click()
    with (tmp_path / "open.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert fh.readline().startswith("RESTRICTED")  # issue 12: the marking line first
        rows = list(csv.DictReader(fh))
    assert [r["description"] for r in rows] == ["Late thing", "Soon thing"]
    home.tracker_page.export_button.click()
    assert ".csv, .xlsx or .ics" in home.tracker_page.count_label.text()


def test_a_conferences_actions_in_the_tracker(qtbot, services: Services, overdue_case: int) -> None:
    other = load_demo(services.exchange).conference_id
    home = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(home)
    home.select_conference(overdue_case)
    ws = home.open_selected()
    ws.track_action.trigger()
    assert home.stack.currentWidget() is home.tracker_page
    assert sorted(descriptions(home)) == ["Finished thing", "Late thing", "Soon thing"]
    assert home.tracker_page.conference_button.isVisible()
    home.tracker_page.conference_button.click()
    assert len(descriptions(home)) == 3 + len(services.store.actions(other))
    home.close()


def test_pages_out_of_sight_catch_up_when_shown_and_typing_notes_recomputes_nothing(
    qtbot, services: Services, overdue_case: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(home)
    home.sidebar.setCurrentRow(1)
    home.tracker_page.show_view("Open actions")
    home.sidebar.setCurrentRow(0)
    late = next(x for x in services.store.actions(overdue_case) if x.description == "Late thing")
    services.tracker.set_status(late.id or 0, ActionStatus.DONE, "Done at last.")
    assert "Late thing" in descriptions(home)  # not refreshed while out of sight
    home.sidebar.setCurrentRow(1)
    assert descriptions(home) == ["Soon thing"]

    calls: list[int] = []
    real = services.deadlines.next_deadlines_of
    monkeypatch.setattr(
        services.deadlines,
        "next_deadlines_of",
        lambda ids, today: calls.append(1) or real(ids, today),
    )
    item = services.store.agenda(overdue_case)[0]
    for text in ("a", "ab", "abc"):  # what the notes editor saves as the chair types
        services.conferences.update_agenda_item(item.id or 0, notes=text)
    assert calls == []
    services.conferences.end(overdue_case)  # a conference change may move deadlines
    assert calls == [1]
