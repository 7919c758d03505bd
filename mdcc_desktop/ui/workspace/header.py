"""The workspace's header: the case, the times, the deadlines, inline messages, the elapsed
time, Start and End, and the banner of a locked conference."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.models import ConferenceRecord, ConferenceStatus
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.widgets import dates, theme
from mdcc_desktop.ui.widgets.forms import button
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.controller import WorkspaceController


def minutes_text(seconds: float) -> str:
    """mm:ss, or h:mm:ss from an hour on."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    if hours:
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return f"{rest // 60:02d}:{rest % 60:02d}"


class WorkspaceHeader(QFrame):
    """What the chair glances at: whose conference, how long it runs, what is due."""

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self.times_label = QLabel(self)
        self.elapsed_label = QLabel(self)
        self.elapsed_label.setAccessibleName(self.tr("Elapsed time"))
        font = self.elapsed_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.elapsed_label.setFont(font)
        self.start_button = button(
            self.tr("Start"),
            self.tr("Start the conference"),
            lambda: ops.start_meeting(self.controller),
            self,
        )
        self.end_button = button(
            self.tr("End"),
            self.tr("End the conference"),
            lambda: ops.end_meeting(self.controller),
            self,
        )
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Messages"))
        self.deadlines_label = QLabel(self)
        self.deadlines_label.setTextFormat(Qt.TextFormat.RichText)
        self.deadlines_label.setWordWrap(True)
        self.deadlines_label.setAccessibleName(self.tr("Deadlines"))
        self.locked_banner = QLabel(
            self.tr("Final minutes: this conference is locked. Minutes ▸ Reopen… to change it."),
            self,
        )
        self.locked_banner.setStyleSheet(theme.banner_style())
        self.locked_banner.setAccessibleName(self.tr("Locked"))
        self.locked_banner.hide()
        # Long lines wrap rather than widen the window past a laptop screen at large text.
        for label in (self.title_label, self.times_label, self.locked_banner):
            label.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.locked_banner)
        left.addWidget(self.title_label)
        left.addWidget(self.times_label)
        left.addWidget(self.deadlines_label)
        left.addWidget(self.message_label)
        row = QHBoxLayout(self)
        row.addLayout(left, 1)
        row.addWidget(self.elapsed_label)
        row.addWidget(self.start_button)
        row.addWidget(self.end_button)

    def _start(self) -> None:
        ops.start_meeting(self.controller)

    def _end(self) -> None:
        ops.end_meeting(self.controller)

    def show_message(self, text: str, error: bool = False) -> None:
        """Inline, never a modal dialog in the chair's way during the meeting."""
        self.message_label.setText(text)
        self.message_label.setStyleSheet(
            theme.style(theme.Tone.ERROR if error else theme.Tone.WARNING)
        )

    def refresh(self, record: ConferenceRecord) -> None:
        c = record.conference
        children = ", ".join(ch.name for ch in record.children)
        self.title_label.setText(
            f"<b>{html.escape(record.case.reference)}</b> · {html.escape(children)} · "
            f"{html.escape(labels.conference_type(c.type))}"
        )
        self._update_times()
        self._update_deadlines()
        locked = c.status == ConferenceStatus.FINALISED
        self.locked_banner.setVisible(locked)
        if locked:
            self.start_button.setEnabled(False)
            self.end_button.setEnabled(False)

    def tick(self, current: dt.datetime) -> None:
        c = self.controller.record.conference
        if c.started_at:
            end = c.ended_at or current
            self.elapsed_label.setText(minutes_text((end - c.started_at).total_seconds()))
        else:
            self.elapsed_label.setText("--:--")

    def _update_deadlines(self) -> None:
        try:
            deadlines = self.controller.services.deadlines.for_conference(
                self.controller.conference_id
            )
        except MdccError:
            deadlines = []
        today = dt.date.today()
        profile = self.controller.profile
        names = {r.key: labels.profile_label(r) for r in profile.deadlines} if profile else {}
        parts = []
        for d in deadlines:
            if d.key not in (
                "outcome_letter",
                "minutes",
                "core_group",
                "first_review",
                "next_review",
            ):
                continue
            if d.due is None:  # cannot be computed (e.g. past the year 9999): say so, and why
                reason = html.escape(d.unknown_reason or "")
                unknown = self.tr("unknown")  # outside the f-string: lupdate skips those
                text = f"{html.escape(names.get(d.key, d.label))}: {unknown} ({reason})"
                parts.append(text)
                continue
            text = f"{html.escape(names.get(d.key, d.label))}: {dates.format_date(d.due)}"
            if d.done:
                text += " ✓"
            elif d.overdue(today):
                overdue = self.tr("overdue")
                text = theme.html_span(f"{text} ({overdue})", theme.Tone.ERROR, bold=True)
            parts.append(text)
        self.deadlines_label.setText(" · ".join(parts))

    def _update_times(self) -> None:
        c = self.controller.record.conference
        parts = [self.tr("Scheduled %1").replace("%1", dates.format_datetime(c.scheduled_start))]
        if c.started_at:
            parts.append(self.tr("started %1").replace("%1", dates.format_time(c.started_at)))
        if c.ended_at:
            parts.append(self.tr("ended %1").replace("%1", dates.format_time(c.ended_at)))
        if c.venue:
            parts.append(html.escape(c.venue))
        self.times_label.setText(" · ".join(parts))
        self.start_button.setEnabled(c.started_at is None)
        self.end_button.setEnabled(c.started_at is not None and c.ended_at is None)
