"""The Details tab: the conference's own facts, its children and their household."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.models import (
    Child,
    ConferenceRecord,
    HouseholdMember,
    Language,
    MandatoryReport,
    Sex,
)
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.widgets.common import line_edit
from mdcc_desktop.ui.widgets.forms import buddy_label, button, date_edit, pydate, qdate
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.controller import WorkspaceController


class DetailsPanel(QWidget):
    """The conference's particulars, household and mandatory report (reporter masked)."""

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._loading = False
        self.title = line_edit(self, self.tr("Conference title"))
        self.venue = line_edit(self, self.tr("Venue"))
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language of the minutes"))
        self.language.addItem("", None)
        self.language.addItem("English", Language.EN.value)
        self.language.addItem("繁體中文", Language.ZH_HANT.value)
        self.referral = date_edit(self, self.tr("Referral received"))
        self.next_review = date_edit(self, self.tr("Next review"))

        self.report_made = QCheckBox(self.tr("A mandatory report was made"), self)
        self.report_made.setAccessibleName(self.tr("Mandatory report made"))
        self.report_date = date_edit(self, self.tr("Date of the report"))
        self.report_to = line_edit(self, self.tr("Report made to"))
        self.reporter = line_edit(self, self.tr("Reporter's identity (restricted)"))
        self.reporter.setEchoMode(QLineEdit.EchoMode.Password)
        self.reporter.setToolTip(self.tr("Restricted: never printed in any minutes or export."))
        self.show_reporter = QCheckBox(self.tr("Show"), self)
        self.show_reporter.setAccessibleName(self.tr("Show the reporter's identity"))
        self.show_reporter.toggled.connect(
            lambda on: self.reporter.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )

        self.household = QListWidget(self)
        self.household.setAccessibleName(self.tr("Household"))
        self.household.setMaximumHeight(110)
        self.household_name = line_edit(self, self.tr("Household member's name"), self.tr("Name"))
        self.household_relationship = line_edit(
            self, self.tr("Relationship to the child"), self.tr("Relationship")
        )
        self.household_notes = line_edit(
            self, self.tr("Household member notes"), self.tr("Notes (Enter adds)")
        )
        for edit in (self.household_relationship, self.household_notes):
            edit.returnPressed.connect(self.add_household)
        self.household_add = button(
            self.tr("Add"), self.tr("Add household member"), self.add_household, self
        )
        self.household_remove = button(
            self.tr("Remove"), self.tr("Remove household member"), self.remove_household, self
        )

        self.children_list = QListWidget(self)
        self.children_list.setAccessibleName(self.tr("Children"))
        self.children_list.setMaximumHeight(70)
        self.children_list.currentRowChanged.connect(lambda *_: self._show_child())
        self.child_alt = line_edit(
            self, self.tr("Child's name in another script"), self.tr("Name in another script")
        )
        self.child_born = date_edit(self, self.tr("Date of birth"))
        self.child_sex = QComboBox(self)
        self.child_sex.setAccessibleName(self.tr("Sex"))
        self.child_sex.addItem("", None)
        for sex in Sex:
            self.child_sex.addItem(labels.sex(sex), sex.value)
        self.child_school = line_edit(self, self.tr("School"), self.tr("School"))
        self.new_child = line_edit(
            self, self.tr("Add a child"), self.tr("Add a child: name (Enter adds)")
        )
        self.new_child.returnPressed.connect(self.add_child)

        def child(field: str, getter: Any) -> Any:
            return lambda *_: self._set_child(field, getter())

        self.child_alt.editingFinished.connect(
            child("alt_name", lambda: self.child_alt.text().strip() or None)
        )
        self.child_born.editingFinished.connect(
            child("date_of_birth", lambda: pydate(self.child_born.date()))
        )
        self.child_sex.activated.connect(
            child(
                "sex",
                lambda: Sex(self.child_sex.currentData()) if self.child_sex.currentData() else None,
            )
        )
        self.child_school.editingFinished.connect(
            child("school", lambda: self.child_school.text().strip() or None)
        )

        form = QFormLayout()
        form.addRow(self.tr("T&itle:"), self.title)
        form.addRow(self.tr("&Venue:"), self.venue)
        dates = QHBoxLayout()
        dates.addWidget(QLabel(self.tr("Referral:"), self))
        dates.addWidget(self.referral)
        dates.addWidget(QLabel(self.tr("Next review:"), self))
        dates.addWidget(self.next_review)
        dates.addWidget(QLabel(self.tr("Language:"), self))
        dates.addWidget(self.language)
        form.addRow("", dates)
        report = QGroupBox(self.tr("Mandatory report"), self)
        report_form = QFormLayout(report)
        made_row = QHBoxLayout()
        made_row.addWidget(self.report_made)
        made_row.addWidget(self.report_date)
        report_form.addRow("", made_row)
        report_form.addRow(self.tr("Made &to:"), self.report_to)
        who = QHBoxLayout()
        who.addWidget(self.reporter, 1)
        who.addWidget(self.show_reporter)
        report_form.addRow(buddy_label(self.tr("Re&porter:"), self.reporter, self), who)
        household = QGroupBox(self.tr("Household"), self)
        household_layout = QVBoxLayout(household)
        household_layout.addWidget(self.household)
        row = QHBoxLayout()
        row.addWidget(self.household_name, 2)
        row.addWidget(self.household_relationship, 2)
        row.addWidget(self.household_notes, 2)
        row.addWidget(self.household_add)
        row.addWidget(self.household_remove)
        household_layout.addLayout(row)
        children = QGroupBox(self.tr("Children"), self)
        children_layout = QVBoxLayout(children)
        children_layout.addWidget(self.children_list)
        child_row = QHBoxLayout()
        child_row.addWidget(self.child_alt, 2)
        child_row.addWidget(self.child_born)
        child_row.addWidget(self.child_sex)
        child_row.addWidget(self.child_school, 2)
        children_layout.addLayout(child_row)
        children_layout.addWidget(self.new_child)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(children)
        layout.addWidget(household)
        layout.addWidget(report)
        layout.addStretch(1)

        def conf(field: str, getter: Any) -> Any:
            return lambda *_: self._set(field, getter())

        self.title.editingFinished.connect(conf("title", lambda: self.title.text().strip() or None))
        self.venue.editingFinished.connect(conf("venue", lambda: self.venue.text().strip() or None))
        self.language.activated.connect(
            conf(
                "language",
                lambda: (
                    Language(self.language.currentData()) if self.language.currentData() else None
                ),
            )
        )
        self.referral.editingFinished.connect(
            conf("referral_received", lambda: pydate(self.referral.date()))
        )
        self.next_review.editingFinished.connect(
            conf("next_review", lambda: pydate(self.next_review.date()))
        )
        self.report_made.clicked.connect(lambda *_: self._set_report())
        self.report_date.editingFinished.connect(self._set_report)
        self.report_to.editingFinished.connect(self._set_report)
        self.reporter.editingFinished.connect(self._set_report)

    def refresh(self, record: ConferenceRecord) -> None:
        c = record.conference
        self._loading = True
        try:
            for edit, value in ((self.title, c.title), (self.venue, c.venue)):
                if not edit.hasFocus():
                    edit.setText(value or "")
            self.language.setCurrentIndex(
                self.language.findData(c.language.value if c.language else None)
            )
            self.referral.setDate(qdate(c.referral_received))
            self.next_review.setDate(qdate(c.next_review))
            report = c.mandatory_report
            self.report_made.setChecked(bool(report.made))
            self.report_date.setDate(qdate(report.date))
            if not self.report_to.hasFocus():
                self.report_to.setText(report.made_to or "")
            if not self.reporter.hasFocus():
                self.reporter.setText(report.reporter_identity or "")
            row = self.children_list.currentRow()
            self.children_list.clear()
            for ch in record.children:
                self.children_list.addItem(ch.name + (f" ({ch.alt_name})" if ch.alt_name else ""))
            self.children_list.setCurrentRow(min(max(row, 0), len(record.children) - 1))
            self.household.clear()
            for h in record.household:
                item = QListWidgetItem(
                    f"{h.name} — {h.relationship}" + (f" ({h.notes})" if h.notes else "")
                )
                item.setData(Qt.ItemDataRole.UserRole, h.id)
                self.household.addItem(item)
        finally:
            self._loading = False

    def _child(self) -> Child | None:
        row = self.children_list.currentRow()
        children = self.controller.record.children
        return children[row] if 0 <= row < len(children) else None

    def _show_child(self) -> None:
        child = self._child()
        loading, self._loading = self._loading, True
        try:
            self.child_alt.setText(child.alt_name or "" if child else "")
            self.child_born.setDate(qdate(child.date_of_birth if child else None))
            self.child_sex.setCurrentIndex(
                self.child_sex.findData(child.sex.value if child and child.sex else None)
            )
            self.child_school.setText(child.school or "" if child else "")
        finally:
            self._loading = loading

    def _set_child(self, field: str, value: Any) -> None:
        child = self._child()
        if self._loading or child is None or child.id is None or getattr(child, field) == value:
            return
        ops.set_child(self.controller, child, field, value)

    def add_child(self) -> None:
        name = self.new_child.text().strip()
        if ops.add_child(self.controller, name) is None:
            return
        self.new_child.clear()

    def _set(self, field: str, value: Any) -> None:
        if self._loading:
            return
        ops.set_conference_field(self.controller, field, value)

    def _set_report(self) -> None:
        if self._loading:
            return
        old = self.controller.record.conference.mandatory_report
        checked = self.report_made.isChecked()
        new = MandatoryReport(
            made=True if checked else (False if old.made is not None else None),
            date=pydate(self.report_date.date()),
            made_to=self.report_to.text().strip() or None,
            reporter_identity=self.reporter.text().strip() or None,
        )
        ops.set_mandatory_report(self.controller, new)

    def add_household(self) -> None:
        member = HouseholdMember(
            name=self.household_name.text().strip(),
            relationship=self.household_relationship.text().strip(),
            notes=self.household_notes.text().strip() or None,
        )
        if ops.add_household_member(self.controller, member) is None:
            return
        self.household_name.clear()
        self.household_relationship.clear()
        self.household_notes.clear()
        self.household_name.setFocus()

    def remove_household(self) -> None:
        item = self.household.currentItem()
        if item is None:
            return
        member_id = int(item.data(Qt.ItemDataRole.UserRole))
        member = next((h for h in self.controller.record.household if h.id == member_id), None)
        if member is None:
            return
        ops.remove_household_member(self.controller, member)
