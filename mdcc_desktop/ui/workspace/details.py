"""The Details tab: the conference's own facts, its children and their household."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
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
from mdcc_desktop.ui.widgets.columns import wrap_rows
from mdcc_desktop.ui.widgets.common import line_edit
from mdcc_desktop.ui.widgets.forms import buddy_label, button, date_edit, pydate, qdate
from mdcc_desktop.ui.widgets.masked import MaskedLineEdit
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.editing import TimeField, delete_action, empty_entry
from mdcc_desktop.ui.workspace.meetings_booked import MeetingsBooked


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
        self.meetings = MeetingsBooked(controller, self)  # beside the review's due date

        self.report_made = QCheckBox(self.tr("A mandatory report was made"), self)
        self.report_made.setAccessibleName(self.tr("Mandatory report made"))
        self.report_date = date_edit(self, self.tr("Date of the report"))
        self.report_to = line_edit(self, self.tr("Report made to"))
        self.reporter = MaskedLineEdit(self, self.tr("Reporter's identity (restricted)"))
        self.reporter.setToolTip(self.tr("Restricted: never printed in any minutes or export."))
        self.show_reporter = QCheckBox(self.tr("Show"), self)
        self.show_reporter.setAccessibleName(self.tr("Show the reporter's identity"))
        self.show_reporter.toggled.connect(lambda on: self.reporter.set_masked(not on))

        self.household = QListWidget(self)

        wrap_rows(self.household)
        self.household.setAccessibleName(self.tr("Household"))
        self.household.setMaximumHeight(110)
        self.household.currentRowChanged.connect(lambda *_: self._member_picked())
        self.household_name = line_edit(self, self.tr("Household member's name"), self.tr("Name"))
        self.household_alt = line_edit(
            self, self.tr("Household member's Chinese name"), self.tr("Chinese name 中文姓名")
        )
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
        self.household_change = button(
            self.tr("Save the change"),
            self.tr("Save the change to the selected household member"),
            self.change_household,
            self,
        )
        delete_action(
            self.household,
            self.tr("Remove household member"),
            self.remove_household,
            "remove_member",
        )
        self.household_change.setEnabled(False)
        self.started = TimeField(
            self.tr("Conference began at"),
            self,
            default_day=self.controller.meeting_day,
            label=self.tr("&Began:"),
        )
        self.ended = TimeField(
            self.tr("Conference ended at"),
            self,
            default_day=self.controller.meeting_day,
            label=self.tr("Ended:"),
        )
        self.started.edited.connect(lambda value: self._set_time(self.started, "started_at", value))
        self.ended.edited.connect(lambda value: self._set_time(self.ended, "ended_at", value))

        self.children_list = QListWidget(self)

        wrap_rows(self.children_list)
        self.children_list.setAccessibleName(self.tr("Children"))
        self.children_list.setMaximumHeight(70)
        self.children_list.currentRowChanged.connect(lambda *_: self._show_child())
        delete_action(
            self.children_list, self.tr("Remove child"), self.remove_child, "remove_child"
        )
        self.child_name = line_edit(self, self.tr("Child's name"), self.tr("Name"))
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

        self.child_name.editingFinished.connect(
            child("name", lambda: self.child_name.text().strip())
        )
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
        form.addRow(buddy_label(self.tr("Tit&le:"), self.title, self), self.title)
        form.addRow(buddy_label(self.tr("&Venue:"), self.venue, self), self.venue)
        times = QHBoxLayout()
        times.addWidget(self.started, 1)
        times.addWidget(self.ended, 1)
        form.addRow(times)
        dates = QHBoxLayout()
        dates.addWidget(buddy_label(self.tr("Referral:"), self.referral, self))
        dates.addWidget(self.referral)
        dates.addWidget(buddy_label(self.tr("Next review:"), self.next_review, self))
        dates.addWidget(self.next_review)
        form.addRow("", dates)
        form.addRow(buddy_label(self.tr("Language:"), self.language, self), self.language)
        report = QGroupBox(self.tr("Mandatory report"), self)
        report_form = QFormLayout(report)
        made_row = QHBoxLayout()
        made_row.addWidget(self.report_made)
        made_row.addWidget(buddy_label(self.tr("On:"), self.report_date, self))
        made_row.addWidget(self.report_date)
        report_form.addRow("", made_row)
        report_form.addRow(buddy_label(self.tr("Made &to:"), self.report_to, self), self.report_to)
        who = QHBoxLayout()
        who.addWidget(self.reporter, 1)
        who.addWidget(self.show_reporter)
        report_form.addRow(buddy_label(self.tr("Repo&rter:"), self.reporter, self), who)
        household = QGroupBox(self.tr("Household"), self)
        household_layout = QVBoxLayout(household)
        household_layout.addWidget(self.household)
        row = QHBoxLayout()
        row.addWidget(buddy_label(self.tr("&Who:"), self.household_name, self))
        row.addWidget(self.household_name, 2)
        row.addWidget(buddy_label(self.tr("Chinese name:"), self.household_alt, self))
        row.addWidget(self.household_alt, 2)
        household_layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(buddy_label(self.tr("Relationship:"), self.household_relationship, self))
        row.addWidget(self.household_relationship, 2)
        row.addWidget(buddy_label(self.tr("Notes:"), self.household_notes, self))
        row.addWidget(self.household_notes, 2)
        household_layout.addLayout(row)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.household_add)
        row.addWidget(self.household_change)
        row.addWidget(self.household_remove)
        household_layout.addLayout(row)
        children = QGroupBox(self.tr("Children"), self)
        children_layout = QVBoxLayout(children)
        children_layout.addWidget(self.children_list)
        child_row = QHBoxLayout()
        child_row.addWidget(buddy_label(self.tr("&Child:"), self.child_name, self))
        child_row.addWidget(self.child_name, 2)
        child_row.addWidget(buddy_label(self.tr("Other script:"), self.child_alt, self))
        child_row.addWidget(self.child_alt, 2)
        children_layout.addLayout(child_row)
        child_row = QHBoxLayout()
        child_row.addWidget(buddy_label(self.tr("Born:"), self.child_born, self))
        child_row.addWidget(self.child_born)
        child_row.addWidget(buddy_label(self.tr("Sex:"), self.child_sex, self))
        child_row.addWidget(self.child_sex)
        child_row.addWidget(buddy_label(self.tr("School:"), self.child_school, self))
        child_row.addWidget(self.child_school, 2)
        children_layout.addLayout(child_row)
        new_child = QHBoxLayout()
        new_child.addWidget(buddy_label(self.tr("New child:"), self.new_child, self))
        new_child.addWidget(self.new_child, 1)
        children_layout.addLayout(new_child)
        # The page scrolls on a laptop screen rather than squeezing its fields.
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.addLayout(form)
        layout.addWidget(self.meetings)
        layout.addWidget(children)
        layout.addWidget(household)
        layout.addWidget(report)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Sideways only when the fields cannot fit (twice the text size): never cut off.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

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
            self.meetings.refresh(c)
            report = c.mandatory_report
            self.report_made.setChecked(bool(report.made))
            self.report_date.setDate(qdate(report.date))
            if not self.report_to.hasFocus():
                self.report_to.setText(report.made_to or "")
            if not self.reporter.hasFocus():
                self.reporter.set_value(report.reporter_identity or "")
            row = self.children_list.currentRow()
            self.children_list.clear()
            for ch in record.children:
                self.children_list.addItem(ch.name + (f" ({ch.alt_name})" if ch.alt_name else ""))
            self.children_list.setCurrentRow(min(max(row, 0), len(record.children) - 1))
            member_row = self.household.currentRow()
            self.household.clear()
            for h in record.household:
                name = h.name + (f" {h.alt_name}" if h.alt_name else "")
                item = QListWidgetItem(
                    f"{name} — {h.relationship}" + (f" ({h.notes})" if h.notes else "")
                )
                item.setData(Qt.ItemDataRole.UserRole, h.id)
                self.household.addItem(item)
            if 0 <= member_row < self.household.count():
                self.household.setCurrentRow(member_row)
            self.started.set_value(c.started_at)
            self.ended.set_value(c.ended_at)
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
            self.child_name.setText(child.name if child else "")
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
        if not ops.set_child(self.controller, child, field, value) and field == "name":
            self.child_name.setText(child.name)  # refused (empty): show what is stored again

    def add_child(self) -> None:
        name = self.new_child.text().strip()
        if ops.add_child(self.controller, name) is None:
            return
        empty_entry(self.new_child)

    def remove_child(self) -> None:
        child = self._child()
        if child is None or child.id is None:
            self.controller.show_message(self.tr("Select the child to remove."))
            return
        ops.remove_child(self.controller, child)

    def _set_time(self, field: TimeField, name: str, value: Any) -> None:
        if self._loading:
            return
        field.apply(self.controller, lambda: ops.set_conference_time(self.controller, name, value))

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
            reporter_identity=self.reporter.value().strip() or None,
        )
        ops.set_mandatory_report(self.controller, new)

    def _member_fields(self) -> dict[str, Any]:
        return {
            "name": self.household_name.text().strip(),
            "alt_name": self.household_alt.text().strip() or None,
            "relationship": self.household_relationship.text().strip(),
            "notes": self.household_notes.text().strip() or None,
        }

    def _empty_member_fields(self) -> None:
        for edit in (
            self.household_name,
            self.household_alt,
            self.household_relationship,
            self.household_notes,
        ):
            empty_entry(edit)

    def add_household(self) -> None:
        member = HouseholdMember(**self._member_fields())
        if ops.add_household_member(self.controller, member) is None:
            return
        self._empty_member_fields()
        self.household_name.setFocus()

    def _member(self) -> HouseholdMember | None:
        item = self.household.currentItem()
        if item is None:
            return None
        member_id = int(item.data(Qt.ItemDataRole.UserRole))
        return next((h for h in self.controller.record.household if h.id == member_id), None)

    def _member_picked(self) -> None:
        """The member selected is shown in the fields below, to be corrected there."""
        member = self._member()
        self.household_change.setEnabled(member is not None)
        if member is None or self._loading:
            return
        self.household_name.setText(member.name)
        self.household_alt.setText(member.alt_name or "")
        self.household_relationship.setText(member.relationship)
        self.household_notes.setText(member.notes or "")

    def change_household(self) -> None:
        member = self._member()
        if member is None:
            self.controller.show_message(
                self.tr("Select the household member to change."), error=True
            )
            return
        if ops.set_household_member(self.controller, member, self._member_fields()):
            self._empty_member_fields()

    def remove_household(self) -> None:
        item = self.household.currentItem()
        if item is None:
            return
        member_id = int(item.data(Qt.ItemDataRole.UserRole))
        member = next((h for h in self.controller.record.household if h.id == member_id), None)
        if member is None:
            return
        ops.remove_household_member(self.controller, member)
