"""The selected action: status, priority, owner's agency, due date, links and its history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QWidget,
)

from mdcc_desktop.domain.clock import today
from mdcc_desktop.domain.models import (
    Action,
    ActionStatus,
    ConferenceStatus,
    Priority,
)
from mdcc_desktop.domain.rules import completion_stamp
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.widgets import dates
from mdcc_desktop.ui.widgets.columns import wrap_rows
from mdcc_desktop.ui.widgets.common import line_edit
from mdcc_desktop.ui.widgets.forms import NO_DATE, buddy_label, date_edit, pydate, qdate
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.editing import empty_entry


class ActionDetails(QGroupBox):
    """The selected action: status, priority, owner's agency, due date, links and its history."""

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Selected action"))
        self.controller = controller
        self.action_id: int | None = None
        self._loading = False
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Action status"))
        for status in labels.ACTION_STATUSES:
            self.status.addItem(labels.action_status(status), status.value)
        self.priority = QComboBox(self)
        self.priority.setAccessibleName(self.tr("Priority"))
        self.priority.addItem("", None)
        for priority in labels.PRIORITIES:
            self.priority.addItem(labels.priority(priority), priority.value)
        self.agency = line_edit(self, self.tr("Owner's agency"), self.tr("Owner's agency"))
        self.due = date_edit(self, self.tr("Due date"))
        self.decision = QComboBox(self)
        self.decision.setAccessibleName(self.tr("Decision it serves"))
        self.agenda_item = QComboBox(self)
        self.agenda_item.setAccessibleName(self.tr("Agenda item it belongs to"))
        self.history = QListWidget(self)
        wrap_rows(self.history)
        self.history.setAccessibleName(self.tr("Action history"))
        self.history.setMaximumHeight(70)
        self.update_note = line_edit(
            self, self.tr("Progress note"), self.tr("Dated progress note (Enter records it)")
        )
        self.update_note.returnPressed.connect(self.add_update)
        # The note's own date and the status the chair sets with it.
        self.update_date = date_edit(self, self.tr("Date of the progress note"))
        self.update_status = QComboBox(self)
        self.update_status.setAccessibleName(self.tr("Status set with the note"))
        self._note_for: int | None = None  # the action the note's date and status are for
        self._note_status_set = False  # whether the chair picked the note's status
        self.update_status.activated.connect(lambda *_: setattr(self, "_note_status_set", True))
        for status in labels.ACTION_STATUSES:
            self.update_status.addItem(labels.action_status(status), status.value)
        self.description = line_edit(self, self.tr("Action's description"))
        # The plan's columns beyond the action: what it is for, and what happens if it fails.
        self.outcome = line_edit(
            self, self.tr("Action's outcome"), self.tr("What the action is meant to achieve")
        )
        self.contingency = line_edit(
            self, self.tr("Action's contingency"), self.tr("What happens if it is not achieved")
        )
        self.owner = QComboBox(self)
        self.owner.setAccessibleName(self.tr("Action's owner"))

        layout = QFormLayout(self)
        layout.addRow(
            buddy_label(self.tr("Action te&xt:"), self.description, self), self.description
        )
        layout.addRow(buddy_label(self.tr("Outcome:"), self.outcome, self), self.outcome)
        layout.addRow(
            buddy_label(self.tr("Contingenc&y:"), self.contingency, self), self.contingency
        )
        layout.addRow(buddy_label(self.tr("Owned &by:"), self.owner, self), self.owner)
        row = QHBoxLayout()
        row.addWidget(self.status)
        row.addWidget(buddy_label(self.tr("Priority:"), self.priority, self))
        row.addWidget(self.priority)
        row.addWidget(buddy_label(self.tr("Due:"), self.due, self))
        row.addWidget(self.due)
        layout.addRow(buddy_label(self.tr("Sta&tus:"), self.status, self), row)
        layout.addRow(buddy_label(self.tr("Agency:"), self.agency, self), self.agency)
        links = QHBoxLayout()
        links.addWidget(self.decision, 1)
        links.addWidget(buddy_label(self.tr("Item:"), self.agenda_item, self))
        links.addWidget(self.agenda_item, 1)
        layout.addRow(buddy_label(self.tr("&Links:"), self.decision, self), links)
        layout.addRow(buddy_label(self.tr("History:"), self.history, self), self.history)
        note_row = QHBoxLayout()
        note_row.addWidget(self.update_note, 1)
        note_row.addWidget(buddy_label(self.tr("dated"), self.update_date, self))
        note_row.addWidget(self.update_date)
        note_row.addWidget(buddy_label(self.tr("status"), self.update_status, self))
        note_row.addWidget(self.update_status)
        layout.addRow(buddy_label(self.tr("&Comment:"), self.update_note, self), note_row)

        self.description.editingFinished.connect(
            lambda: self._set("description", self.description.text().strip())
        )
        for field, edit in (("outcome", self.outcome), ("contingency", self.contingency)):
            edit.editingFinished.connect(lambda f=field, e=edit: self._set_plan(f, e))
        self.owner.activated.connect(lambda *_: self._set("owner_id", self.owner.currentData()))
        self.status.activated.connect(lambda *_: self._status_changed())
        self.priority.activated.connect(
            lambda *_: self._set(
                "priority",
                Priority(self.priority.currentData()) if self.priority.currentData() else None,
            )
        )
        self.agency.editingFinished.connect(
            lambda: self._set("owner_agency", self.agency.text().strip() or None)
        )
        self.due.editingFinished.connect(lambda: self._set("due", pydate(self.due.date())))
        self.decision.activated.connect(
            lambda *_: self._set("decision_id", self.decision.currentData())
        )
        self.agenda_item.activated.connect(
            lambda *_: self._set("agenda_item_id", self.agenda_item.currentData())
        )
        self.setEnabled(False)

    def show_action(self, action_id: int | None) -> None:
        self.action_id = action_id
        record = self.controller.record
        action = next((x for x in record.actions if x.id == action_id), None)
        self.setEnabled(action is not None)
        if action is None:
            self.history.clear()
            return
        self._loading = True
        try:
            self.status.setCurrentIndex(self.status.findData(action.status.value))
            self.priority.setCurrentIndex(
                self.priority.findData(action.priority.value if action.priority else None)
            )
            if not self.agency.hasFocus():
                self.agency.setText(action.owner_agency or "")
            if not self.description.hasFocus():
                self.description.setText(action.description)
            # What the conference agreed is locked with it; the follow-up below is not.
            final = record.conference.status == ConferenceStatus.FINALISED
            plan = ((self.outcome, action.outcome), (self.contingency, action.contingency))
            for edit, value in plan:
                edit.setReadOnly(final)
                if not edit.hasFocus():
                    edit.setText(value or "")
            self.owner.clear()
            self.owner.addItem(self.tr("(no owner)"), None)
            for a in record.attendees:
                self.owner.addItem(a.name + (f" ({a.agency})" if a.agency else ""), a.id)
            self.owner.setCurrentIndex(max(0, self.owner.findData(action.owner_id)))
            # The note's date and status start afresh for each action (today, its status); the
            # status follows the action's until the chair sets one for the note.
            if action_id != self._note_for or self.update_date.date() == NO_DATE:
                self._note_for = action_id
                self._note_status_set = False
                self.update_date.setDate(qdate(today()))
            if not self._note_status_set:
                self.update_status.setCurrentIndex(self.update_status.findData(action.status.value))
            self.due.setDate(qdate(action.due))
            self.decision.clear()
            self.decision.addItem(self.tr("(no decision)"), None)
            for d in record.decisions:
                self.decision.addItem(d.text[:80], d.id)
            self.decision.setCurrentIndex(max(0, self.decision.findData(action.decision_id)))
            self.agenda_item.clear()
            self.agenda_item.addItem(self.tr("(no agenda item)"), None)
            for item in record.agenda:
                self.agenda_item.addItem(item.title[:60], item.id)
            self.agenda_item.setCurrentIndex(
                max(0, self.agenda_item.findData(action.agenda_item_id))
            )
            self.history.clear()
            for u in action.updates:
                status = f" [{labels.action_status(u.status)}]" if u.status else ""
                self.history.addItem(f"{dates.format_datetime(u.at)}{status} {u.note}")
            if action.carried_from:
                self.history.addItem(
                    self.tr("Continues action %1 of the previous conference").replace(
                        "%1", action.carried_from
                    )
                )
        finally:
            self._loading = False

    def _current(self) -> Action | None:
        return next((x for x in self.controller.record.actions if x.id == self.action_id), None)

    def _set(self, field: str, value: Any, extra_new: dict[str, Any] | None = None) -> None:
        action = self._current()
        if self._loading or action is None or action.id is None or getattr(action, field) == value:
            return
        done = ops.set_action(self.controller, action, {field: value, **(extra_new or {})})
        if not done and field == "description":  # refused (empty): show what is stored again
            self.description.setText(action.description)

    def _set_plan(self, field: str, edit: QLineEdit) -> None:
        action = self._current()
        value = edit.text().strip() or None
        if self._loading or action is None or getattr(action, field) == value:
            return
        if not ops.set_action_plan(self.controller, action, field, value):
            edit.setText(getattr(action, field) or "")  # refused: show what is stored again

    def _status_changed(self) -> None:
        status = ActionStatus(self.status.currentData())
        action = self._current()
        if action is None:
            return
        # The stamp is made here, not by the service, so that undo and redo restore it.
        self._set("status", status, completion_stamp(action.status, action.completed_at, status))

    def add_update(self) -> None:
        action = self._current()
        if action is None or action.id is None:
            return
        note = self.update_note.text().strip()
        # The note takes its own date (a call made yesterday is dated yesterday) and the status
        # the chair sets with it, which becomes the action's.
        day = pydate(self.update_date.date())
        at = None
        if day is not None and day != today():
            at = dt.datetime.combine(day, dt.time(12, 0)).astimezone()
        status = ActionStatus(self.update_status.currentData())
        if ops.add_action_update(self.controller, action, note, status, at) is None:
            return
        empty_entry(self.update_note)
        self._note_for = None  # the next note starts from today and the status as it is now
        self.show_action(self.action_id)
