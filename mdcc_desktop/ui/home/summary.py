"""The summary of the conference selected on the home screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTextBrowser, QWidget

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.models import ConferenceRecord, Role
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets import dates

# conference id -> its whole record (services.conferences.record)
LoadRecord = Callable[[int], ConferenceRecord]


class ConferenceSummary(QTextBrowser):
    """Case, children, type, status, date, venue, chair and counts of the conference.

    While ``held`` (the first window, until it has been painted), the conference asked for is
    only noted; :meth:`release` shows the last one asked for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Conference summary"))
        self.setOpenLinks(False)
        self.held = False
        self._wanted: tuple[int | None, LoadRecord | None] = (None, None)

    def show_conference(self, conference_id: int | None, load: LoadRecord | None) -> None:
        """The summary of ``conference_id`` (read with ``load``), or none for None."""
        self._wanted = (conference_id, load)
        if self.held:
            return
        if conference_id is None or load is None:
            self.setHtml("")
            return
        try:
            record = load(conference_id)
        except MdccError as exc:
            self.setPlainText(message_text(exc))
            return
        self.show_record(record)

    def release(self) -> None:
        """Stop holding: show the conference last asked for."""
        self.held = False
        self.show_conference(*self._wanted)

    def show_record(self, r: ConferenceRecord) -> None:
        self.setHtml(self.summary_html(r))

    def summary_html(self, r: ConferenceRecord) -> str:
        import html  # with html.entities, some 7 ms: not before the first paint

        e = html.escape
        c = r.conference
        present = sum(1 for a in r.attendees if a.attendance.value == "present")
        chair = next((a.name for a in r.attendees if Role.CHAIR in a.roles), self.tr("none"))
        open_actions = sum(1 for x in r.actions if x.outstanding)
        # Translated outside the f-strings below: lupdate does not look inside those.
        present_text, open_text = self.tr("present"), self.tr("open")
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
            (self.tr("Attendees"), f"{len(r.attendees)} ({present} {e(present_text)})"),
            (self.tr("Agenda items"), str(len(r.agenda))),
            (self.tr("Decisions"), str(len(r.decisions))),
            (self.tr("Actions"), f"{len(r.actions)} ({open_actions} {e(open_text)})"),
            (self.tr("Next review"), e(dates.format_date(c.next_review))),
        ]
        body = "".join(f"<tr><th align='left'>{e(k)}</th><td>{v}</td></tr>" for k, v in rows)
        return f"<h3>{e(c.title or r.case.reference)}</h3><table cellspacing='4'>{body}</table>"
