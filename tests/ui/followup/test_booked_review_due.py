"""The deadlines page shows the review date the conference booked as the review's due date,
not the profile's statutory limit (issue 10 finding 4)."""

from __future__ import annotations

from mdcc_desktop.services.context import Services
from mdcc_desktop.services.demo import load_demo
from mdcc_desktop.ui.followup.deadlines import DeadlinesPage
from mdcc_desktop.ui.widgets.dates import format_date


def test_the_deadlines_page_shows_the_booked_review_date(qtbot, services: Services) -> None:
    demo = load_demo(services.exchange)
    record = services.conferences.record(demo.conference_id)
    booked = record.conference.next_review
    assert booked is not None
    page = DeadlinesPage(services)
    qtbot.addWidget(page)
    page.refresh()
    top = page.tree.topLevelItem(0)
    rows = {top.child(i).text(0): top.child(i).text(1) for i in range(top.childCount())}
    # 2027-02-12, not 2027-02-13; shown in the locale's form, as every date on screen
    assert rows["Review conference"] == format_date(booked)
