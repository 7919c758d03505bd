"""The Actions tab: the conference's actions, adding one with its owner and due date, and the
selected action's details."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.models import Action, ConferenceRecord
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets.forms import buddy_label, button, reselect
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.action_details import ActionDetails
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.models import ActionModel


class ActionsPanel(QWidget):
    """The action table and the form that adds one (due in working days or at the review)."""

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_actions_tab())

    def refresh(self, record: ConferenceRecord) -> None:
        self.action_model.owner_names = {a.id or 0: a.name for a in record.attendees}
        action_row = self.action_view.currentIndex().row()
        action_id = self.action_model.record(action_row).id if action_row >= 0 else None
        self.action_model.set_rows(record.actions)
        reselect(self.action_view, self.action_model.row_of(action_id))
        self._refresh_owner_choices()
        index = self.action_view.currentIndex()
        self.action_details.show_action(
            self.action_model.record(index.row()).id if index.isValid() else None
        )

    def _build_actions_tab(self) -> QWidget:
        page = QWidget(self)
        self.action_model = ActionModel(self)
        self.action_view = QTableView(page)
        self.action_view.setModel(self.action_model)
        self.action_view.setAccessibleName(self.tr("Actions"))
        self.action_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.action_view.verticalHeader().hide()
        self.action_view.setWordWrap(True)
        self.action_view.setTabKeyNavigation(False)
        header = self.action_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ActionModel.COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch)

        self.action_description = QLineEdit(page)
        self.action_description.setPlaceholderText(self.tr("What must be done (Enter adds it)"))
        self.action_description.setAccessibleName(self.tr("New action's description"))
        self.action_owner = QComboBox(page)
        self.action_owner.setEditable(True)
        self.action_owner.setAccessibleName(self.tr("New action's owner"))
        self.action_owner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        owner_completer = self.action_owner.completer()
        if owner_completer is not None:
            owner_completer.setFilterMode(Qt.MatchFlag.MatchContains)
            owner_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.action_due = QDateEdit(page)
        self.action_due.setCalendarPopup(True)
        self.action_due.setDisplayFormat("yyyy-MM-dd")
        self.action_due.setAccessibleName(self.tr("New action's due date"))
        self.action_due.setDate(QDate.currentDate())
        self.due_plus5 = button(
            self.tr("+5 wd"), self.tr("Due in 5 working days"), lambda: self._due_in(5), page
        )
        self.due_plus10 = button(
            self.tr("+10 wd"), self.tr("Due in 10 working days"), lambda: self._due_in(10), page
        )
        self.due_review = button(
            self.tr("Review"), self.tr("Due at the review date"), self._due_at_review, page
        )
        self.add_action_button = button(
            self.tr("Add action"), self.tr("Add action"), self.add_action, page
        )
        self.action_description.returnPressed.connect(self.add_action)
        row1 = QFormLayout()
        row1.addRow(self.tr("&Action:"), self.action_description)
        row1.addRow(self.tr("&Owner:"), self.action_owner)
        due_row = QHBoxLayout()
        due_row.addWidget(self.action_due)
        due_row.addWidget(self.due_plus5)
        due_row.addWidget(self.due_plus10)
        due_row.addWidget(self.due_review)
        due_row.addStretch(1)
        due_row.addWidget(self.add_action_button)
        row1.addRow(buddy_label(self.tr("D&ue:"), self.action_due, page), due_row)
        self.action_details = ActionDetails(self.controller, self)
        self.action_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.action_details.show_action(
                self.action_model.record(current.row()).id if current.isValid() else None
            )
        )
        layout = QVBoxLayout(page)
        layout.addWidget(self.action_view, 1)
        layout.addWidget(self.action_details)
        layout.addLayout(row1)
        return page

    def _due_in(self, working_days: int) -> None:
        if self.controller.profile is None:
            return
        try:
            due = self.controller.profile.calendar.add_working_days(dt.date.today(), working_days)
        except ValueError as exc:  # a calendar without working days
            self.controller.show_message(message_text(exc))
            return
        self.action_due.setDate(QDate(due.year, due.month, due.day))

    def _due_at_review(self) -> None:
        due = (
            self.controller.record.conference.next_review or self.controller.suggested_review_date()
        )
        if due is None:
            self.controller.show_message(
                self.tr("No review date yet: record it as a decision first.")
            )
            return
        self.action_due.setDate(QDate(due.year, due.month, due.day))

    def _owner_id(self) -> int | None:
        text = self.action_owner.currentText().strip()
        if not text:
            return None
        index = self.action_owner.findText(text)
        if index < 0:
            # A typed name that matches one attendee is that attendee.
            matches = [
                a for a in self.controller.record.attendees if a.name.casefold() == text.casefold()
            ]
            return matches[0].id if len(matches) == 1 else -1
        data = self.action_owner.itemData(index)
        return int(data) if data is not None else None

    def add_action(self) -> None:
        owner_id = self._owner_id()
        if owner_id == -1:
            self.controller.show_message(
                self.tr("%1 is not an attendee: add them first.").replace(
                    "%1", self.action_owner.currentText()
                ),
                error=True,
            )
            return
        qdate = self.action_due.date()
        action = Action(
            description=self.action_description.text(),
            owner_id=owner_id,
            due=dt.date(qdate.year(), qdate.month(), qdate.day()),
        )
        if ops.add_action(self.controller, action) is None:
            return
        self.action_description.clear()
        self.action_description.setFocus()

    def _refresh_owner_choices(self) -> None:
        text = self.action_owner.currentText()
        self.action_owner.clear()
        self.action_owner.addItem("", None)
        for a in self.controller.record.attendees:
            label = a.name + (f" ({a.agency})" if a.agency else "")
            self.action_owner.addItem(label, a.id)
        self.action_owner.setCurrentText(text)
