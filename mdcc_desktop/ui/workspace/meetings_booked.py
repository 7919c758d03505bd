"""The meetings the conference books, on its Details tab: the core group meeting and the review
conference (date, time and venue each) and the date comments on the minutes are due by. The
minutes print them (the meetings section and the confidentiality statement).

A meeting is booked once it has both a date and a time: a date picked first waits for its time
(the line below says so) and nothing is stored until the time is given; emptying the date
cancels the booking. Each booking is one undoable edit.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from mdcc_desktop.domain.models import Conference
from mdcc_desktop.ui.widgets.common import line_edit
from mdcc_desktop.ui.widgets.forms import buddy_label, date_edit, pydate, qdate
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.controller import WorkspaceController

NO_TIME = QTime(0, 0)  # the time field's "none" (no meeting is booked for midnight)


class OptionalTimeEdit(QTimeEdit):
    """A time field whose minimum is "none": while it shows "none", Tab and Shift+Tab go on to
    the next or previous field (there is no hour or minute for them to move through), as
    :class:`~mdcc_desktop.ui.widgets.forms.OptionalDateEdit` does for a date."""

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.time() == self.minimumTime() and self.specialValueText():
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)


def time_edit(parent: QWidget, name: str) -> QTimeEdit:
    """A time of day that can be empty: its minimum shows as "none"."""
    edit = OptionalTimeEdit(parent)
    edit.setDisplayFormat("HH:mm")
    edit.setMinimumTime(NO_TIME)
    edit.setSpecialValueText(QCoreApplication.translate("Forms", "none"))
    edit.setTime(NO_TIME)
    edit.setAccessibleName(name)
    return edit


class _Meeting:
    """The date, time and venue fields of one meeting (``core_group`` or ``review``)."""

    def __init__(self, key: str, date: QDateEdit, time: QTimeEdit, venue: QLineEdit) -> None:
        self.key = key
        self.date, self.time, self.venue = date, time, venue

    def value(self) -> dt.datetime | None:
        """The date and time typed, in local time; None without a date."""
        day = pydate(self.date.date())
        if day is None:
            return None
        clock = self.time.time()
        return dt.datetime.combine(day, dt.time(clock.hour(), clock.minute())).astimezone()

    def waiting(self) -> bool:
        """A date is picked and waits for its time."""
        return pydate(self.date.date()) is not None and self.time.time() == NO_TIME

    def show(self, at: dt.datetime | None, venue: str | None) -> None:
        if not (self.date.hasFocus() or self.time.hasFocus()):
            local = at.astimezone() if at is not None else None
            self.date.setDate(qdate(local.date() if local else None))
            self.time.setTime(QTime(local.hour, local.minute) if local else NO_TIME)
        if not self.venue.hasFocus():
            self.venue.setText(venue or "")


class MeetingsBooked(QGroupBox):
    """The core group meeting and review conference as booked, and the comments deadline."""

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Meetings booked"))
        self.controller = controller
        self._loading = False
        self.core_group = _Meeting(
            "core_group",
            date_edit(self, self.tr("Core group meeting date")),
            time_edit(self, self.tr("Core group meeting time")),
            line_edit(self, self.tr("Core group meeting venue"), self.tr("Venue")),
        )
        self.review = _Meeting(
            "review",
            date_edit(self, self.tr("Review conference date")),
            time_edit(self, self.tr("Review conference time")),
            line_edit(self, self.tr("Review conference venue"), self.tr("Venue")),
        )
        self.comments_by = date_edit(self, self.tr("Comments on the minutes due by"))
        self.waiting = QLabel(self)
        self.waiting.setWordWrap(True)
        self.waiting.hide()

        grid = QGridLayout(self)
        for row, (meeting, text) in enumerate(
            ((self.core_group, self.tr("Core gro&up:")), (self.review, self.tr("Review:")))
        ):
            grid.addWidget(buddy_label(text, meeting.date, self), row, 0)
            grid.addWidget(meeting.date, row, 1)
            grid.addWidget(buddy_label(self.tr("at"), meeting.time, self), row, 2)
            grid.addWidget(meeting.time, row, 3)
            grid.addWidget(buddy_label(self.tr("venue"), meeting.venue, self), row, 4)
            grid.addWidget(meeting.venue, row, 5)
            meeting.date.editingFinished.connect(lambda m=meeting: self._book(m))
            meeting.time.editingFinished.connect(lambda m=meeting: self._book(m))
            meeting.venue.editingFinished.connect(lambda m=meeting: self._set_venue(m))
        grid.addWidget(buddy_label(self.tr("Comments due b&y:"), self.comments_by, self), 2, 0)
        grid.addWidget(self.comments_by, 2, 1)
        grid.addWidget(self.waiting, 3, 0, 1, 6)
        grid.setColumnStretch(5, 1)
        self.comments_by.editingFinished.connect(self._set_comments_by)

    def refresh(self, conference: Conference) -> None:
        self._loading = True
        try:
            self.core_group.show(conference.core_group_at, conference.core_group_venue)
            self.review.show(conference.review_at, conference.review_venue)
            if not self.comments_by.hasFocus():
                self.comments_by.setDate(qdate(conference.comments_by))
        finally:
            self._loading = False
        self._show_waiting()

    def _show_waiting(self) -> None:
        waiting = [
            text
            for meeting, text in (
                (self.core_group, self.tr("The core group meeting needs a time to be booked.")),
                (self.review, self.tr("The review conference needs a time to be booked.")),
            )
            if meeting.waiting()
        ]
        self.waiting.setText(" ".join(waiting))
        self.waiting.setVisible(bool(waiting))

    def _book(self, meeting: _Meeting) -> None:
        if self._loading:
            return
        if meeting.waiting():
            self._show_waiting()
            return
        if not ops.book_meetings(self.controller, {f"{meeting.key}_at": meeting.value()}):
            self._again()
        self._show_waiting()

    def _set_venue(self, meeting: _Meeting) -> None:
        if self._loading:
            return
        venue = meeting.venue.text().strip() or None
        if not ops.book_meetings(self.controller, {f"{meeting.key}_venue": venue}):
            self._again()

    def _set_comments_by(self) -> None:
        if self._loading:
            return
        if not ops.book_meetings(self.controller, {"comments_by": pydate(self.comments_by.date())}):
            self._again()

    def _again(self) -> None:
        """Show what is stored (after a refusal, or an edit that changed nothing)."""
        self._loading = True
        try:
            c = self.controller.record.conference
            for meeting, at, venue in (
                (self.core_group, c.core_group_at, c.core_group_venue),
                (self.review, c.review_at, c.review_venue),
            ):
                local = at.astimezone() if at is not None else None
                meeting.date.setDate(qdate(local.date() if local else None))
                meeting.time.setTime(QTime(local.hour, local.minute) if local else NO_TIME)
                meeting.venue.setText(venue or "")
            self.comments_by.setDate(qdate(c.comments_by))
        finally:
            self._loading = False
