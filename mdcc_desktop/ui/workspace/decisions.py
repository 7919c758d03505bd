"""The Decisions tab: structured decisions from the profile and free ones, their method and
every dissent, each added through the controller's undoable edits."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.models import (
    ConferenceRecord,
    Decision,
    DecisionMethod,
    Dissent,
    Role,
)
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.labels import profile_label
from mdcc_desktop.ui.widgets.columns import stretch_column, wrap_rows
from mdcc_desktop.ui.widgets.common import line_edit
from mdcc_desktop.ui.widgets.forms import buddy_label, button, name_combo_text
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.editing import (
    ChoiceDelegate,
    MultiLineEntry,
    delete_action,
    empty_entry,
    view_action,
)
from mdcc_desktop.ui.workspace.models import DecisionModel


class DecisionsPanel(QWidget):
    """Structured decisions from the profile and free ones, their method and every dissent."""

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.model = DecisionModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Decisions"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        self.view.setTabKeyNavigation(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        stretch_column(self.view, header, DecisionModel.COL_TEXT)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_dissent())
        # Corrections in place: F2 (or the context menu) edits the text, the method is picked.
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.model.on_edit = lambda decision, field, value: ops.set_decision(
            self.controller, decision, {field: value}
        )
        self.view.setItemDelegateForColumn(
            DecisionModel.COL_METHOD,
            ChoiceDelegate(
                lambda: [(labels.decision_method(m), m.value) for m in labels.DECISION_METHODS],
                self.tr("How the decision was reached"),
                self.view,
            ),
        )
        view_action(
            self.view,
            self.tr("Edit the decision's text"),
            None,
            lambda: self._edit_cell(DecisionModel.COL_TEXT),
            "edit_decision_text",
        )
        view_action(
            self.view,
            self.tr("Change how it was reached"),
            None,
            lambda: self._edit_cell(DecisionModel.COL_METHOD),
            "edit_decision_method",
        )
        self.remove_decision_action = delete_action(
            self.view, self.tr("Remove decision"), self.remove_decision, "remove_decision"
        )

        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind of decision"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.value = QComboBox(self)
        self.value.setEditable(True)
        self.value.setAccessibleName(self.tr("Decision value"))
        name_combo_text(self.value)
        self.text = line_edit(
            self, self.tr("Decision text"), self.tr("The decision as it will read in the minutes")
        )
        self.rationale = line_edit(self, self.tr("Reasons"))
        self.method = QComboBox(self)
        self.method.setAccessibleName(self.tr("How the decision was reached"))
        for m in labels.DECISION_METHODS:
            self.method.addItem(labels.decision_method(m), m.value)
        self.restricted = QCheckBox(self.tr("Restricted (not in the parents' copy)"), self)
        self.restricted.setAccessibleName(self.tr("Restricted decision"))
        self.add_button = button(
            self.tr("Record decision"), self.tr("Record decision"), self.add, self
        )
        self.text.returnPressed.connect(self.add)
        self.rationale.returnPressed.connect(self.add)

        self.dissent_list = QListWidget(self)

        wrap_rows(self.dissent_list)
        self.dissent_list.setAccessibleName(self.tr("Dissent on the selected decision"))
        self.dissent_list.setMaximumHeight(90)
        self.dissent_list.setWordWrap(True)
        self.dissent_list.currentRowChanged.connect(lambda *_: self._dissent_picked())
        self.remove_dissent_action = delete_action(
            self.dissent_list, self.tr("Remove dissent"), self.remove_dissent, "remove_dissent"
        )
        self.dissent_who = QComboBox(self)
        self.dissent_who.setAccessibleName(self.tr("Who dissents"))
        # A view in full may run to several lines: Tab leaves, Ctrl+Enter records it.
        self.dissent_view = MultiLineEntry(self)
        self.dissent_view.setAccessibleName(self.tr("Their view"))
        self.dissent_view.setPlaceholderText(self.tr("Their view, in full (Ctrl+Enter records it)"))
        self.dissent_view.setMaximumHeight(70)
        self.dissent_view.submitted.connect(self.add_dissent)
        self.dissent_button = button(
            self.tr("Record dissent"), self.tr("Record dissent"), self.add_dissent, self
        )
        self.dissent_change_button = button(
            self.tr("Save the change"),
            self.tr("Save the change to the selected dissent"),
            self.change_dissent,
            self,
        )

        form = QFormLayout()
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        kind_row.addWidget(buddy_label(self.tr("Value:"), self.value, self))
        kind_row.addWidget(self.value, 1)
        form.addRow(buddy_label(self.tr("&Kind:"), self.kind, self), kind_row)
        form.addRow(buddy_label(self.tr("&Text:"), self.text, self), self.text)
        form.addRow(buddy_label(self.tr("&Reasons:"), self.rationale, self), self.rationale)
        method_row = QHBoxLayout()
        method_row.addWidget(self.method)
        method_row.addStretch(1)
        form.addRow(buddy_label(self.tr("Reached &by:"), self.method, self), method_row)
        add_row = QHBoxLayout()
        add_row.addWidget(self.restricted)
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        form.addRow("", add_row)
        dissent_box = QGroupBox(self.tr("Dissent on the selected decision"), self)
        dissent_layout = QVBoxLayout(dissent_box)
        dissent_layout.addWidget(self.dissent_list)
        row = QHBoxLayout()
        who = QVBoxLayout()
        who.addWidget(buddy_label(self.tr("&Who dissents:"), self.dissent_who, self))
        who.addWidget(self.dissent_who)
        who.addStretch(1)
        row.addLayout(who, 1)
        view = QVBoxLayout()
        view.addWidget(buddy_label(self.tr("Their &view:"), self.dissent_view, self))
        view.addWidget(self.dissent_view)
        row.addLayout(view, 3)
        buttons = QVBoxLayout()
        buttons.addWidget(self.dissent_button)
        buttons.addWidget(self.dissent_change_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        dissent_layout.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(dissent_box)
        layout.addLayout(form)
        self._kinds_for: str | None = None
        self._showing = False
        self.dissent_change_button.setEnabled(False)

    def refresh(self, record: ConferenceRecord) -> None:
        selected = self.selected()
        profile = self.controller.profile
        self.model.attendee_names = {a.id or 0: a.name for a in record.attendees}
        labels: dict[tuple[str, str], str] = {}
        for kind in profile.decision_kinds if profile else ():
            for choice in kind.choices:
                labels[(kind.kind, choice.value)] = profile_label(choice)
        refs = {a.ref or str(a.id): a.name for a in record.attendees}
        for ref, name in refs.items():
            labels[("key_worker", ref)] = name
        for d in record.decisions:
            if d.kind == "core_group" and d.value:
                parts = [p.strip() for p in d.value.split(",")]
                labels[("core_group", d.value)] = ", ".join(refs.get(p, p) for p in parts)
        self.model.value_labels = labels
        self.model.kind_labels = (
            {k.kind: profile_label(k) for k in profile.decision_kinds} if profile else {}
        )
        self.model.set_rows(record.decisions)
        row = self.model.row_of(selected.id) if selected is not None else 0
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, 0))
        code = profile.code if profile else ""
        if self._kinds_for != code:
            self._kinds_for = code
            self._default_method()
            self.kind.clear()
            for kind in profile.decision_kinds if profile else ():
                self.kind.addItem(profile_label(kind), kind.kind)
            if self.kind.findData("other") < 0:
                self.kind.addItem(self.tr("Other decision"), "other")
        who = self.dissent_who.currentData()
        self.dissent_who.clear()
        for a in record.attendees:
            self.dissent_who.addItem(a.name + (f" ({a.agency})" if a.agency else ""), a.id)
        if who is not None:
            self.dissent_who.setCurrentIndex(max(0, self.dissent_who.findData(who)))
        self._kind_changed()
        self._show_dissent()

    def _kind_changed(self) -> None:
        profile = self.controller.profile
        kind_code = self.kind.currentData()
        kind = profile.decision_kind(kind_code) if profile and kind_code else None
        current = self.value.currentText()
        self.value.clear()
        if kind is not None and kind.choices:
            for choice in kind.choices:
                self.value.addItem(profile_label(choice), choice.value)
        elif kind_code == "core_group" and self.controller.loaded:
            # The core group is everyone given the core group role, as one value of their ids.
            members = [a for a in self.controller.record.attendees if Role.CORE_GROUP in a.roles]
            if members:
                self.value.addItem(
                    ", ".join(a.name for a in members),
                    ",".join(a.ref or str(a.id) for a in members),
                )
        elif kind_code == "key_worker" and self.controller.loaded:
            for a in self.controller.record.attendees:
                self.value.addItem(a.name, a.ref or str(a.id))
        elif kind_code == "review_date":
            suggested = self.controller.suggested_review_date()
            if suggested is not None:
                self.value.addItem(suggested.isoformat(), suggested.isoformat())
        self.value.setCurrentText(current if self.value.findText(current) >= 0 else "")
        if kind_code in ("review_date", "core_group") and self.value.count():
            self.value.setCurrentIndex(0)

    def selected(self) -> Decision | None:
        index = self.view.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _value(self) -> str | None:
        text = self.value.currentText().strip()
        if not text:
            return None
        index = self.value.findText(text)
        data = self.value.itemData(index) if index >= 0 else None
        return str(data) if data is not None else text

    def add(self) -> None:
        value = self._value()
        text = self.text.text().strip()
        if not text and value:
            text = f"{self.kind.currentText()}: {self.value.currentText().strip()}"
        decision = Decision(
            kind=str(self.kind.currentData() or "other"),
            text=text,
            value=value,
            rationale=self.rationale.text().strip() or None,
            method=DecisionMethod(self.method.currentData()),
            restricted=True if self.restricted.isChecked() else None,
            agenda_item_id=self.controller.record.conference.current_agenda_item_id,
        )
        if decision.kind == "review_date" and value:
            try:
                review = dt.date.fromisoformat(value)
            except ValueError:
                self.controller.show_message(
                    self.tr("The review date must be a date such as 2027-02-19."), error=True
                )
                return
        else:
            review = None
        outcome = ops.add_decision(self.controller, decision)
        if outcome is None:
            return
        if review is not None:
            ops.set_next_review(self.controller, review)
        empty_entry(self.text)
        empty_entry(self.rationale)
        self.restricted.setChecked(False)
        self._default_method()
        row = self.model.row_of(outcome.id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self.text.setFocus()

    def _show_dissent(self) -> None:
        selected = self._selected_dissent()
        self._showing = True
        try:
            self.dissent_list.clear()
            decision = self.selected()
            self.dissent_button.setEnabled(decision is not None)
            if decision is None:
                return
            for d in decision.dissent:
                who = self.model.attendee_names.get(d.attendee_id, "?")
                item = QListWidgetItem(f"{who}: {d.view}")
                item.setData(Qt.ItemDataRole.UserRole, d.id)
                self.dissent_list.addItem(item)
                if selected is not None and d.id == selected.id:
                    self.dissent_list.setCurrentItem(item)
        finally:
            self._showing = False
            self.dissent_change_button.setEnabled(self._selected_dissent() is not None)

    def add_dissent(self) -> None:
        decision = self.selected()
        if decision is None or decision.id is None:
            self.controller.show_message(
                self.tr("Select the decision the dissent is about."), error=True
            )
            return
        attendee_id = self.dissent_who.currentData()
        if attendee_id is None:
            self.controller.show_message(self.tr("Add the dissenting attendee first."), error=True)
            return
        view = self.dissent_view.toPlainText()
        if ops.add_dissent(self.controller, decision.id, int(attendee_id), view) is None:
            return
        self.dissent_view.empty()  # no undo history of its own: Ctrl+Z undoes the add

    def _selected_dissent(self) -> Dissent | None:
        decision = self.selected()
        item = self.dissent_list.currentItem()
        if decision is None or item is None:
            return None
        dissent_id = item.data(Qt.ItemDataRole.UserRole)
        return next((d for d in decision.dissent if d.id == dissent_id), None)

    def _dissent_picked(self) -> None:
        """The dissent selected is shown in the fields below, to be corrected there."""
        dissent = self._selected_dissent()
        self.dissent_change_button.setEnabled(dissent is not None)
        if dissent is None or self._showing:
            return
        self.dissent_who.setCurrentIndex(max(0, self.dissent_who.findData(dissent.attendee_id)))
        self.dissent_view.setPlainText(dissent.view)

    def change_dissent(self) -> None:
        dissent = self._selected_dissent()
        if dissent is None:
            self.controller.show_message(self.tr("Select the dissent to change."), error=True)
            return
        if ops.set_dissent(self.controller, dissent, self.dissent_view.toPlainText()):
            self.dissent_view.empty()

    def remove_dissent(self) -> None:
        dissent = self._selected_dissent()
        if dissent is None:
            self.controller.show_message(self.tr("Select the dissent to remove."))
            return
        ops.remove_dissent(self.controller, dissent)

    def remove_decision(self) -> None:
        decision = self.selected()
        if decision is None or decision.id is None:
            self.controller.show_message(self.tr("Select the decision to remove."))
            return
        ops.remove_decision(self.controller, decision)

    def _edit_cell(self, column: int) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(self.model.index(index.row(), column))

    def _default_method(self) -> None:
        """Each new decision starts from the profile's method, never the last one's."""
        profile = self.controller.profile
        method = profile.decision_method if profile else DecisionMethod.CONSENSUS
        self.method.setCurrentIndex(max(0, self.method.findData(method.value)))
