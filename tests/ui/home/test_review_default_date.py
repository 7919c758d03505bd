"""The new-conference dialog dates a review by the profile's review interval (or the review
date booked at the conference it reviews), not tomorrow; a date before it is refused."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime

from mdcc_desktop.services.context import Services
from mdcc_desktop.services.demo import load_demo
from mdcc_desktop.ui.home.new_conference import NewConferenceDialog


def test_a_review_defaults_to_the_booked_review_date(qtbot, services: Services) -> None:
    first = load_demo(services.exchange)
    previous = services.conferences.record(first.conference_id)
    assert previous.conference.next_review == dt.date(2027, 2, 12)
    dialog = NewConferenceDialog(services)
    qtbot.addWidget(dialog)
    dialog.reference.setText(previous.case.reference)
    assert dialog.previous.currentData() == first.conference_id
    assert dialog.when.date() == QDate(2027, 2, 12)

    dialog.when.setDateTime(QDateTime(QDate(2026, 11, 1), QTime(10, 0)))
    dialog.create_conference()
    assert dialog.result_value is None
    assert "before the conference it reviews" in dialog.error_label.text()
    assert len(services.conferences.conference_ids()) == 1
