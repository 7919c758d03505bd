"""The deadlines dashboard: every statutory deadline of every case, overdue first."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets import dates, theme


class DeadlinesPage(QWidget):
    """Per case: first conference, outcome letter, minutes, core group and review due dates.

    Built empty: computing every case's deadlines takes a second on 10,000 conferences, so the
    home window fills it (``refresh``) when it is first shown, and again when shown after a
    change (``stale``)."""

    open_conference = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Deadlines by case"))
        self.tree.setHeaderLabels([self.tr("Case / deadline"), self.tr("Due"), self.tr("State")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(self._open)
        self.only_pending = QCheckBox(self.tr("Only deadlines not yet met"), self)
        self.only_pending.setAccessibleName(self.tr("Only deadlines not yet met"))
        self.only_pending.setChecked(True)
        self.only_pending.toggled.connect(lambda *_: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.only_pending)
        layout.addWidget(self.tree, 1)
        self.stale = True  # not filled yet, or out of date: the home window refreshes it

    def refresh(self) -> None:
        self.stale = False
        self.tree.clear()
        today = dt.date.today()
        try:
            cases = self.services.deadlines.case_deadlines()
            names = labels.deadline_names(self.services.profiles.all())
        except MdccError as exc:
            QTreeWidgetItem(self.tree, [message_text(exc)])
            return
        for case in cases:
            deadlines = sorted(
                (d for d in case.deadlines if d.key != "dissent"), key=lambda d: d.sort_key()
            )
            if self.only_pending.isChecked():
                deadlines = [d for d in deadlines if d.done is None]
            if not deadlines:
                continue
            top = QTreeWidgetItem(
                self.tree,
                [
                    f"{case.case_reference} · {labels.conference_type(case.conference_type)} "
                    f"{dates.format_date(case.conference_date)}"
                ],
            )
            top.setData(0, Qt.ItemDataRole.UserRole, case.conference_id)
            for d in deadlines:
                if d.done:
                    state = self.tr("done %1").replace("%1", dates.format_date(d.done))
                elif d.due is None:
                    state = self.tr("cannot be computed: %1").replace("%1", d.unknown_reason or "")
                else:
                    state = self.tr("OVERDUE") if d.overdue(today) else self.tr("due")
                due = dates.format_date(d.due) if d.due is not None else self.tr("unknown")
                item = QTreeWidgetItem(top, [names.get((d.key, d.label), d.label), due, state])
                item.setData(0, Qt.ItemDataRole.UserRole, case.conference_id)
                if d.overdue(today):
                    for column in range(3):
                        item.setForeground(column, QBrush(theme.colour(theme.Tone.ERROR)))
            top.setExpanded(True)
        for column in (1, 2):  # a date in Chinese ("2026年11月23日") is wider than Qt's default
            self.tree.resizeColumnToContents(column)

    def _open(self, item: QTreeWidgetItem, _column: int) -> None:
        conference_id = item.data(0, Qt.ItemDataRole.UserRole)
        if conference_id is not None:
            self.open_conference.emit(int(conference_id))
