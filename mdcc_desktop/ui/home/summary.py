"""The summary of the conference selected on the home screen."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from mdcc_desktop.domain.models import ConferenceRecord, Role
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.widgets import dates


class ConferenceSummary(QTextBrowser):
    """Case, children, type, status, date, venue, chair and counts of the conference."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Conference summary"))
        self.setOpenLinks(False)

    def show_record(self, r: ConferenceRecord) -> None:
        self.setHtml(self.summary_html(r))

    def summary_html(self, r: ConferenceRecord) -> str:
        e = html.escape
        c = r.conference
        present = sum(1 for a in r.attendees if a.attendance.value == "present")
        chair = next((a.name for a in r.attendees if Role.CHAIR in a.roles), self.tr("none"))
        open_actions = sum(1 for x in r.actions if x.outstanding)
        children = ", ".join(
            e(ch.name) + (f" ({e(ch.alt_name)})" if ch.alt_name else "") for ch in r.children
        )
        rows = [
            (self.tr("Case"), e(r.case.reference)),
            (self.tr("Children"), children),
            (self.tr("Type"), e(labels.conference_type(c.type))),
            (self.tr("Status"), e(labels.conference_status(c.status))),
            (
                self.tr("Scheduled"),
                e(dates.format_datetime(c.scheduled_start, dates.LONG)),
            ),
            (self.tr("Venue"), e(c.venue or "")),
            (self.tr("Chair"), e(chair)),
            (self.tr("Attendees"), f"{len(r.attendees)} ({present} {e(self.tr('present'))})"),
            (self.tr("Agenda items"), str(len(r.agenda))),
            (self.tr("Decisions"), str(len(r.decisions))),
            (self.tr("Actions"), f"{len(r.actions)} ({open_actions} {e(self.tr('open'))})"),
            (self.tr("Next review"), e(dates.format_date(c.next_review))),
        ]
        body = "".join(f"<tr><th align='left'>{e(k)}</th><td>{v}</td></tr>" for k, v in rows)
        return f"<h3>{e(c.title or r.case.reference)}</h3><table cellspacing='4'>{body}</table>"
