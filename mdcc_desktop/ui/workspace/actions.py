"""The Actions tab: the conference's actions, adding one with its owner and due date, and the
selected action's details."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
from mdcc_desktop.ui.widgets.columns import stretch_column
from mdcc_desktop.ui.widgets.forms import (
    NO_DATE,
    buddy_label,
    button,
    date_edit,
    name_combo_text,
    pydate,
    qdate,
    reselect,
)
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.action_details import ActionDetails
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.editing import delete_action, empty_entry
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
        stretch_column(self.action_view, header, ActionModel.COL_DESCRIPTION)
        self.remove_action_action = delete_action(
            self.action_view, self.tr("Remove action"), self.remove_action, "remove_action"
        )

        self.action_description = QLineEdit(page)
        self.action_description.setPlaceholderText(self.tr("What must be done (Enter adds it)"))
        self.action_description.setAccessibleName(self.tr("New action's description"))
        self.action_owner = QComboBox(page)
        self.action_owner.setEditable(True)
        self.action_owner.setAccessibleName(self.tr("New action's owner"))
        name_combo_text(self.action_owner)
        self.action_owner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        owner_completer = self.action_owner.completer()
        if owner_completer is not None:
            owner_completer.setFilterMode(Qt.MatchFlag.MatchContains)
            owner_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # No due date until one is given: an action is never silently due today.
        self.action_due = date_edit(page, self.tr("New action's due date"))
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
        row1.addRow(
            buddy_label(self.tr("Ne&w action:"), self.action_description, page),
            self.action_description,
        )
        row1.addRow(buddy_label(self.tr("Owne&r:"), self.action_owner, page), self.action_owner)
        due_row = QHBoxLayout()
        due_row.addWidget(self.action_due)
        due_row.addWidget(self.due_plus5)
        due_row.addWidget(self.due_plus10)
        due_row.addWidget(self.due_review)
        due_row.addStretch(1)
        row1.addRow(buddy_label(self.tr("D&ue:"), self.action_due, page), due_row)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_action_button)
        row1.addRow("", add_row)
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
        self.action_due.setDate(qdate(due))

    def _due_at_review(self) -> None:
        due = (
            self.controller.record.conference.next_review or self.controller.suggested_review_date()
        )
        if due is None:
            self.controller.show_message(
                self.tr("No review date yet: record it as a decision first.")
            )
            return
        self.action_due.setDate(qdate(due))

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
        action = Action(
            description=self.action_description.text(),
            owner_id=owner_id,
            due=pydate(self.action_due.date()),
        )
        outcome = ops.add_action(self.controller, action)
        if outcome is None:
            return
        # Nothing carries over into the next action: its owner and due date start empty.
        empty_entry(self.action_description)
        self.action_owner.setCurrentIndex(0)
        self.action_owner.setEditText("")
        self.action_due.setDate(NO_DATE)
        missing = []
        if owner_id is None:
            missing.append(self.tr("no owner"))
        if action.due is None:
            missing.append(self.tr("no due date"))
        if missing:
            warning = self.tr("Action added with %1: give it in Selected action.").replace(
                "%1", self.tr(" and ").join(missing)
            )
            shown = [message_text(w) for w in outcome.warnings]
            self.controller.show_message(" ".join([*shown, warning]).strip())
        row = self.action_model.row_of(outcome.id)
        if row >= 0:
            reselect(self.action_view, row)
        self.action_description.setFocus()

    def selected_action(self) -> Action | None:
        index = self.action_view.currentIndex()
        return self.action_model.record(index.row()) if index.isValid() else None

    def remove_action(self) -> None:
        action = self.selected_action()
        if action is None or action.id is None:
            self.controller.show_message(self.tr("Select the action to remove."))
            return
        ops.remove_action(self.controller, action)

    def _refresh_owner_choices(self) -> None:
        text = self.action_owner.currentText()
        self.action_owner.clear()
        self.action_owner.addItem("", None)
        for a in self.controller.record.attendees:
            label = a.name + (f" ({a.agency})" if a.agency else "")
            self.action_owner.addItem(label, a.id)
        self.action_owner.setCurrentText(text)
