"""The first window computes the next deadlines of the conference list's first page only; the
rest come a page at a time as the list scrolls (the 10,000-conference start, issue 9)."""

from __future__ import annotations

from typing import Any

import pytest

from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.home import main_window, models
from mdcc_desktop.ui.home.main_window import MainWindow
from mdcc_desktop.ui.home.models import ConferenceListModel
from tests.ui.home.test_main_window import RecordingPrompter
from tests.ui.home.test_startup_work import add_conference

PAGE = 4


def test_the_deadlines_are_asked_a_page_at_a_time(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [add_conference(services, f"CS-{n:02d}", n) for n in range(PAGE * 2 + 1)]
    monkeypatch.setattr(models, "PAGE_SIZE", PAGE)
    monkeypatch.setattr(main_window, "PAGE_SIZE", PAGE)
    everything = services.deadlines.next_deadlines_of(ids, main_window.dt.date.today())
    asked: list[list[int]] = []
    real = services.deadlines.next_deadlines_of

    def page_of(conference_ids: Any, today: Any) -> Any:
        asked.append(sorted(conference_ids))
        return real(conference_ids, today)

    monkeypatch.setattr(services.deadlines, "next_deadlines_of", page_of)

    def every(today: Any) -> Any:
        raise AssertionError("the first window computed every conference's deadline")

    monkeypatch.setattr(services.deadlines, "next_deadlines", every)
    window = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(window)
    model = window.model
    assert model.rowCount() == PAGE and len(asked) == 1 and len(asked[0]) == PAGE
    first = [model.summary(r).id for r in range(PAGE)]
    assert asked[0] == sorted(first)
    column = ConferenceListModel.COL_DEADLINE
    assert model.index(0, column).data()  # shown for the first page

    model.fetchMore()  # the list scrolls: the next page, and its deadlines
    assert model.rowCount() == PAGE * 2 and len(asked) == 2
    assert asked[1] == sorted(model.summary(r).id for r in range(PAGE, PAGE * 2))
    assert {model.summary(r).id: model.deadlines[model.summary(r).id] for r in range(8)} == {
        i: everything[i] for i in first + asked[1]
    }
    assert model.index(PAGE, column).data()

    window.refresh()  # nothing changed: the pages known are not computed again
    assert len(asked) == 2
    window.close()
