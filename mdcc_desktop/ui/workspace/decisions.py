"""The Decisions tab: structured decisions from the profile and free ones, their method and
every dissent, each added through the controller's undoable edits."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.models import (
    ConferenceRecord,
    Decision,
    DecisionMethod,
    Role,
)
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.labels import profile_label
from mdcc_desktop.ui.widgets.common import line_edit
from mdcc_desktop.ui.widgets.forms import buddy_label, button
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.models import DecisionModel


class DecisionsPanel(QWidget):
    """Structured decisions from the profile and free ones, their method and every dissent."""

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

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
        header.setSectionResizeMode(DecisionModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_dissent())

        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind of decision"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.value = QComboBox(self)
        self.value.setEditable(True)
        self.value.setAccessibleName(self.tr("Decision value"))
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
        self.dissent_list.setAccessibleName(self.tr("Dissent on the selected decision"))
        self.dissent_list.setMaximumHeight(90)
        self.dissent_who = QComboBox(self)
        self.dissent_who.setAccessibleName(self.tr("Who dissents"))
        self.dissent_view = line_edit(
            self, self.tr("Their view"), self.tr("Their view, in full (Enter records it)")
        )
        self.dissent_view.returnPressed.connect(self.add_dissent)
        self.dissent_button = button(
            self.tr("Record dissent"), self.tr("Record dissent"), self.add_dissent, self
        )

        form = QFormLayout()
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        kind_row.addWidget(self.value, 1)
        form.addRow(buddy_label(self.tr("&Kind:"), self.kind, self), kind_row)
        form.addRow(self.tr("&Decision:"), self.text)
        form.addRow(self.tr("&Reasons:"), self.rationale)
        method_row = QHBoxLayout()
        method_row.addWidget(self.method)
        method_row.addWidget(self.restricted)
        method_row.addStretch(1)
        method_row.addWidget(self.add_button)
        form.addRow(buddy_label(self.tr("&Method:"), self.method, self), method_row)
        dissent_box = QGroupBox(self.tr("Dissent on the selected decision"), self)
        dissent_layout = QVBoxLayout(dissent_box)
        dissent_layout.addWidget(self.dissent_list)
        row = QHBoxLayout()
        row.addWidget(self.dissent_who, 1)
        row.addWidget(self.dissent_view, 3)
        row.addWidget(self.dissent_button)
        dissent_layout.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(dissent_box)
        layout.addLayout(form)
        self._kinds_for: str | None = None

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
        self.text.clear()
        self.rationale.clear()
        self.restricted.setChecked(False)
        row = self.model.row_of(outcome.id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self.text.setFocus()

    def _show_dissent(self) -> None:
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
        view = self.dissent_view.text()
        if ops.add_dissent(self.controller, decision.id, int(attendee_id), view) is None:
            return
        self.dissent_view.clear()
