"""The workspace's side panels: decisions with dissent, attendee details, conference details and
the Signs of Safety mapping. Each panel reads the workspace's current record in ``refresh`` and
changes things only through the workspace's undoable helpers, which call the services."""

from __future__ import annotations

import copy
import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.models import (
    Action,
    ActionStatus,
    Attendance,
    Child,
    ConferenceRecord,
    CopyKind,
    Decision,
    DecisionMethod,
    Discipline,
    HouseholdMember,
    Language,
    MandatoryReport,
    Priority,
    Role,
    SafetySection,
    Sex,
)
from mdcc_desktop.ui.widgets.commands import DoneCommand
from mdcc_desktop.ui.widgets.common import line_edit
from mdcc_desktop.ui.workspace.models import ATTENDANCE_LABELS, DecisionModel

if TYPE_CHECKING:
    from mdcc_desktop.ui.workspace.window import WorkspaceWindow

NO_DATE = QDate(2000, 1, 1)


def qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def pydate(value: QDate) -> dt.date | None:
    return None if value == NO_DATE else dt.date(value.year(), value.month(), value.day())


def date_edit(parent: QWidget, name: str) -> QDateEdit:
    """A date field that can be empty: its minimum shows as "none"."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(edit.tr("none"))
    edit.setDate(NO_DATE)
    edit.setAccessibleName(name)
    return edit


def buddy_label(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    """A form label whose Alt+letter moves to ``buddy`` (a row of several fields has none)."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def button(text: str, name: str, slot: Any, parent: QWidget) -> QPushButton:
    b = QPushButton(text, parent)
    b.setAccessibleName(name)
    b.clicked.connect(slot)
    return b


class DecisionsPanel(QWidget):
    """Structured decisions from the profile and free ones, their method and every dissent."""

    def __init__(self, ws: WorkspaceWindow) -> None:
        super().__init__(ws)
        self.ws = ws
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
        for m, label in (
            (DecisionMethod.CONSENSUS, "Consensus"),
            (DecisionMethod.MAJORITY, "Majority"),
            (DecisionMethod.CHAIR, "Chair's decision"),
        ):
            self.method.addItem(self.tr(label), m.value)
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
        profile = self.ws.profile
        self.model.attendee_names = {a.id or 0: a.name for a in record.attendees}
        labels: dict[tuple[str, str], str] = {}
        for kind in profile.decision_kinds if profile else ():
            for choice in kind.choices:
                labels[(kind.kind, choice.value)] = self.tr(choice.label)
        refs = {a.ref or str(a.id): a.name for a in record.attendees}
        for ref, name in refs.items():
            labels[("key_worker", ref)] = name
        for d in record.decisions:
            if d.kind == "core_group" and d.value:
                parts = [p.strip() for p in d.value.split(",")]
                labels[("core_group", d.value)] = ", ".join(refs.get(p, p) for p in parts)
        self.model.value_labels = labels
        self.model.set_rows(record.decisions)
        row = self.model.row_of(selected.id) if selected is not None else 0
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, 0))
        code = profile.code if profile else ""
        if self._kinds_for != code:
            self._kinds_for = code
            self.kind.clear()
            for kind in profile.decision_kinds if profile else ():
                self.kind.addItem(self.tr(kind.label), kind.kind)
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
        profile = self.ws.profile
        kind_code = self.kind.currentData()
        kind = profile.decision_kind(kind_code) if profile and kind_code else None
        current = self.value.currentText()
        self.value.clear()
        if kind is not None and kind.choices:
            for choice in kind.choices:
                self.value.addItem(self.tr(choice.label), choice.value)
        elif kind_code == "core_group" and hasattr(self.ws, "record"):
            # The core group is everyone given the core group role, as one value of their ids.
            members = [a for a in self.ws.record.attendees if Role.CORE_GROUP in a.roles]
            if members:
                self.value.addItem(
                    ", ".join(a.name for a in members),
                    ",".join(a.ref or str(a.id) for a in members),
                )
        elif kind_code == "key_worker" and hasattr(self.ws, "record"):
            for a in self.ws.record.attendees:
                self.value.addItem(a.name, a.ref or str(a.id))
        elif kind_code == "review_date":
            suggested = self.ws.suggested_review_date()
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
            agenda_item_id=self.ws.record.conference.current_agenda_item_id,
        )
        if decision.kind == "review_date" and value:
            try:
                review = dt.date.fromisoformat(value)
            except ValueError:
                self.ws.show_message(
                    self.tr("The review date must be a date such as 2027-02-19."), error=True
                )
                return
        else:
            review = None
        template = copy.deepcopy(decision)
        conferences = self.ws.conferences
        outcome = self.ws.run(lambda: conferences.add_decision(self.ws.conference_id, decision))
        if outcome is None:
            return
        self.ws.show_message("")
        self.ws.push_add(
            self.tr("record decision"),
            lambda: int(
                conferences.add_decision(self.ws.conference_id, copy.deepcopy(template)).id
            ),
            conferences.remove_decision,
            outcome.id,
        )
        if review is not None:
            old = self.ws.record.conference.next_review
            self.ws.push_update(
                self.tr("next review date"),
                self.ws.set_conference,
                self.ws.conference_id,
                {"next_review": review},
                {"next_review": old},
            )
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
            self.ws.show_message(self.tr("Select the decision the dissent is about."), error=True)
            return
        attendee_id = self.dissent_who.currentData()
        if attendee_id is None:
            self.ws.show_message(self.tr("Add the dissenting attendee first."), error=True)
            return
        view = self.dissent_view.text()
        conferences = self.ws.conferences
        decision_id = decision.id
        outcome = self.ws.run(lambda: conferences.add_dissent(decision_id, int(attendee_id), view))
        if outcome is None:
            return
        self.ws.show_message("")
        self.ws.push_add(
            self.tr("record dissent"),
            lambda: int(
                conferences.add_dissent(self.ws.ids(decision_id), int(attendee_id), view).id
            ),
            conferences.remove_dissent,
            outcome.id,
        )
        self.dissent_view.clear()


class AttendeeDetails(QGroupBox):
    """The selected attendee's discipline, roles, attendance, report and copy of the minutes."""

    def __init__(self, ws: WorkspaceWindow) -> None:
        super().__init__(ws.tr("Selected attendee"), ws)
        self.ws = ws
        self.attendee_id: int | None = None
        self._loading = False
        self.attendance = QComboBox(self)
        self.attendance.setAccessibleName(self.tr("Attendance"))
        for value, label in ATTENDANCE_LABELS.items():
            self.attendance.addItem(self.tr(label), value.value)
        self.discipline = QComboBox(self)
        self.discipline.setAccessibleName(self.tr("Discipline"))
        self.discipline.addItem("", None)
        for d in Discipline:
            self.discipline.addItem(self.tr(d.value.replace("_", " ")), d.value)
        self.job_title = line_edit(self, self.tr("Job title"), self.tr("Job title"))
        self.email = line_edit(self, self.tr("E-mail"), self.tr("E-mail"))
        self.phone = line_edit(self, self.tr("Phone"), self.tr("Phone"))
        self.roles = QListWidget(self)
        self.roles.setAccessibleName(self.tr("Roles (Space ticks)"))
        self.roles.setMaximumHeight(80)
        self.roles.setFlow(QListWidget.Flow.LeftToRight)
        self.roles.setWrapping(True)
        for role in Role:
            item = QListWidgetItem(self.tr(role.value.replace("_", " ")))
            item.setData(Qt.ItemDataRole.UserRole, role.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.roles.addItem(item)
        self.report = QCheckBox(self.tr("Report received"), self)
        self.report.setAccessibleName(self.tr("Report received"))
        self.shared = QCheckBox(self.tr("Shared with parents"), self)
        self.shared.setAccessibleName(self.tr("Report shared with parents"))
        self.copy = QComboBox(self)
        self.copy.setAccessibleName(self.tr("Copy of the minutes"))
        self.copy.addItem(self.tr("no copy"), None)
        self.copy.addItem(self.tr("full copy"), CopyKind.FULL.value)
        self.copy.addItem(self.tr("parents' copy"), CopyKind.PARENT.value)

        layout = QFormLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.attendance)
        row.addWidget(self.discipline)
        row.addWidget(self.job_title, 1)
        layout.addRow(buddy_label(self.tr("A&ttendance:"), self.attendance, self), row)
        contact = QHBoxLayout()
        contact.addWidget(self.email, 1)
        contact.addWidget(self.phone)
        layout.addRow(buddy_label(self.tr("Con&tact:"), self.email, self), contact)
        layout.addRow(self.tr("Ro&les:"), self.roles)
        row2 = QHBoxLayout()
        row2.addWidget(self.report)
        row2.addWidget(self.shared)
        row2.addStretch(1)
        row2.addWidget(QLabel(self.tr("Minutes:"), self))
        row2.addWidget(self.copy)
        layout.addRow("", row2)

        self.attendance.activated.connect(
            lambda *_: self._set("attendance", Attendance(self.attendance.currentData()))
        )
        self.discipline.activated.connect(
            lambda *_: self._set(
                "discipline",
                Discipline(self.discipline.currentData())
                if self.discipline.currentData()
                else None,
            )
        )
        self.job_title.editingFinished.connect(
            lambda: self._set("job_title", self.job_title.text().strip() or None)
        )
        self.email.editingFinished.connect(
            lambda: self._set("email", self.email.text().strip() or None)
        )
        self.phone.editingFinished.connect(
            lambda: self._set("phone", self.phone.text().strip() or None)
        )
        self.report.clicked.connect(self._report_changed)
        self.shared.clicked.connect(
            lambda checked: self._set("report_shared_with_parents", checked)
        )
        self.roles.itemChanged.connect(lambda *_: self._roles_changed())
        self.copy.activated.connect(lambda *_: self._copy_changed())
        self.setEnabled(False)

    def show_attendee(self, attendee_id: int | None) -> None:
        self.attendee_id = attendee_id
        record = self.ws.record
        attendee = record.attendee(attendee_id)
        self.setEnabled(attendee is not None)
        if attendee is None:
            return
        self._loading = True
        try:
            self.attendance.setCurrentIndex(self.attendance.findData(attendee.attendance.value))
            self.discipline.setCurrentIndex(
                self.discipline.findData(attendee.discipline.value if attendee.discipline else None)
            )
            self.job_title.setText(attendee.job_title or "")
            self.email.setText(attendee.email or "")
            self.phone.setText(attendee.phone or "")
            for i in range(self.roles.count()):
                item = self.roles.item(i)
                role = Role(item.data(Qt.ItemDataRole.UserRole))
                item.setCheckState(
                    Qt.CheckState.Checked if role in attendee.roles else Qt.CheckState.Unchecked
                )
            self.report.setChecked(bool(attendee.report_submitted))
            self.shared.setChecked(bool(attendee.report_shared_with_parents))
            entry = next((e for e in record.distribution if e.attendee_id == attendee_id), None)
            self.copy.setCurrentIndex(self.copy.findData(entry.copy.value if entry else None))
        finally:
            self._loading = False

    def _set(self, field: str, value: Any, also: dict[str, Any] | None = None) -> None:
        if self._loading or self.attendee_id is None:
            return
        attendee = self.ws.record.attendee(self.attendee_id)
        if attendee is None or getattr(attendee, field) == value:
            return
        new = {field: value, **(also or {})}
        self.ws.push_update(
            self.tr("change %1").replace("%1", attendee.name),
            self.ws.set_attendee,
            self.attendee_id,
            new,
            {key: getattr(attendee, key) for key in new},
        )

    def _report_changed(self, checked: bool) -> None:
        """A report received is either shared with the parents or not: never "unknown"."""
        attendee = self.ws.record.attendee(self.attendee_id)
        also = {}
        if checked and attendee is not None and attendee.report_shared_with_parents is None:
            also["report_shared_with_parents"] = False
        self._set("report_submitted", checked, also)

    def _roles_changed(self) -> None:
        if self._loading:
            return
        roles = [
            Role(self.roles.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.roles.count())
            if self.roles.item(i).checkState() == Qt.CheckState.Checked
        ]
        self._set("roles", roles)

    def _copy_changed(self) -> None:
        if self._loading or self.attendee_id is None:
            return
        data = self.copy.currentData()
        new = CopyKind(data) if data else None
        entry = next(
            (e for e in self.ws.record.distribution if e.attendee_id == self.attendee_id), None
        )
        old = entry.copy if entry else None
        if new == old:
            return
        conferences = self.ws.conferences
        conference_id = self.ws.conference_id
        attendee_id = self.attendee_id
        self.ws.push_update(
            self.tr("copy of the minutes"),
            lambda aid, change: conferences.set_distribution(conference_id, aid, change["copy"]),
            attendee_id,
            {"copy": new},
            {"copy": old},
        )


class DetailsPanel(QWidget):
    """The conference's particulars, household and mandatory report (reporter masked)."""

    def __init__(self, ws: WorkspaceWindow) -> None:
        super().__init__(ws)
        self.ws = ws
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
            self.child_sex.addItem(self.tr(sex.value), sex.value)
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
        children = self.ws.record.children
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
        conferences = self.ws.conferences
        self.ws.push_update(
            self.tr("change a child's details"),
            lambda cid, change: conferences.update_child(cid, **change),
            child.id,
            {field: value},
            {field: getattr(child, field)},
        )

    def add_child(self) -> None:
        name = self.new_child.text().strip()
        conferences = self.ws.conferences
        case_id = self.ws.record.case.id or 0
        outcome = self.ws.run(lambda: conferences.add_child(case_id, Child(name=name)))
        if outcome is None:
            return
        self.ws.push_add(
            self.tr("add a child"),
            lambda: int(conferences.add_child(case_id, Child(name=name)).id),
            conferences.remove_child,
            outcome.id,
        )
        self.new_child.clear()

    def _set(self, field: str, value: Any) -> None:
        if self._loading:
            return
        old = getattr(self.ws.record.conference, field)
        if old == value:
            return
        self.ws.push_update(
            self.tr("change %1").replace("%1", field.replace("_", " ")),
            self.ws.set_conference,
            self.ws.conference_id,
            {field: value},
            {field: old},
        )

    def _set_report(self) -> None:
        if self._loading:
            return
        old = self.ws.record.conference.mandatory_report
        checked = self.report_made.isChecked()
        new = MandatoryReport(
            made=True if checked else (False if old.made is not None else None),
            date=pydate(self.report_date.date()),
            made_to=self.report_to.text().strip() or None,
            reporter_identity=self.reporter.text().strip() or None,
        )
        if new == old:
            return
        conferences = self.ws.conferences
        self.ws.push_update(
            self.tr("mandatory report"),
            lambda cid, change: conferences.set_mandatory_report(cid, change["report"]),
            self.ws.conference_id,
            {"report": new},
            {"report": old},
        )

    def add_household(self) -> None:
        member = HouseholdMember(
            name=self.household_name.text().strip(),
            relationship=self.household_relationship.text().strip(),
            notes=self.household_notes.text().strip() or None,
        )
        template = copy.deepcopy(member)
        conferences = self.ws.conferences
        cid = self.ws.conference_id
        outcome = self.ws.run(lambda: conferences.add_household_member(cid, member))
        if outcome is None:
            return
        self.ws.push_add(
            self.tr("add to household"),
            lambda: int(conferences.add_household_member(cid, copy.deepcopy(template)).id),
            conferences.remove_household_member,
            outcome.id,
        )
        self.household_name.clear()
        self.household_relationship.clear()
        self.household_notes.clear()
        self.household_name.setFocus()

    def remove_household(self) -> None:
        item = self.household.currentItem()
        if item is None:
            return
        member_id = int(item.data(Qt.ItemDataRole.UserRole))
        member = next((h for h in self.ws.record.household if h.id == member_id), None)
        if member is None:
            return
        template = copy.deepcopy(member)
        template.id = None
        conferences = self.ws.conferences
        cid = self.ws.conference_id
        if not self.ws.attempt(lambda: conferences.remove_household_member(member_id)):
            return
        self.ws.push_remove(
            self.tr("remove from household"),
            lambda: int(conferences.add_household_member(cid, copy.deepcopy(template)).id),
            conferences.remove_household_member,
            member_id,
        )


class SafetyPanel(QWidget):
    """Signs of Safety: the mapping's five columns and each participant's 0-10 scale."""

    SECTIONS = (
        (SafetySection.WORRIES, "What are we worried about?"),
        (SafetySection.DANGER_STATEMENTS, "Danger statements"),
        (SafetySection.WORKING_WELL, "What is working well?"),
        (SafetySection.NEEDS_TO_HAPPEN, "What needs to happen?"),
        (SafetySection.SAFETY_GOALS, "Safety goals"),
    )

    def __init__(self, ws: WorkspaceWindow) -> None:
        super().__init__(ws)
        self.ws = ws
        self.section = QComboBox(self)
        self.section.setAccessibleName(self.tr("Mapping column"))
        for section, label in self.SECTIONS:
            self.section.addItem(self.tr(label), section.value)
        self.line = line_edit(
            self, self.tr("Mapping line"), self.tr("A line for this column (Enter adds)")
        )
        self.line.returnPressed.connect(self.add_line)
        self.lines = QListWidget(self)
        self.lines.setAccessibleName(self.tr("Mapping"))
        self.remove_button = button(
            self.tr("Remove line"), self.tr("Remove mapping line"), self.remove_line, self
        )
        self.scaling = QTableWidget(0, 3, self)
        self.scaling.setAccessibleName(self.tr("Safety scale by participant"))
        self.scaling.setHorizontalHeaderLabels(
            [self.tr("Participant"), self.tr("Scale 0-10"), self.tr("Note")]
        )
        self.scaling.verticalHeader().hide()
        self.scaling.horizontalHeader().setStretchLastSection(True)
        row = QHBoxLayout()
        row.addWidget(self.section)
        row.addWidget(self.line, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lines, 2)
        layout.addLayout(row)
        layout.addWidget(
            QLabel(
                self.tr("Scaling: 10 = safe enough to close, 0 = the child cannot live at home"),
                self,
            )
        )
        layout.addWidget(self.scaling, 1)
        self._loading = False
        self.scaling.itemChanged.connect(self._note_changed)

    def refresh(self, record: ConferenceRecord) -> None:
        self._loading = True
        try:
            self.lines.clear()
            labels = dict(self.SECTIONS)
            for section, _label in self.SECTIONS:
                for line in (x for x in record.safety_lines if x.section == section):
                    item = QListWidgetItem(f"{self.tr(labels[section])} — {line.text}")
                    item.setData(Qt.ItemDataRole.UserRole, line.id)
                    self.lines.addItem(item)
            scores = {s.attendee_id: s for s in record.scaling}
            self.scaling.setRowCount(len(record.attendees))
            for row, a in enumerate(record.attendees):
                name = QTableWidgetItem(a.name)
                name.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.scaling.setItem(row, 0, name)
                spin = QSpinBox(self.scaling)
                spin.setRange(-1, 10)
                spin.setSpecialValueText(self.tr("not rated"))
                spin.setAccessibleName(self.tr("Safety scale of %1").replace("%1", a.name))
                score = scores.get(a.id or 0)
                spin.setValue(score.score if score else -1)
                attendee_id = a.id or 0
                spin.editingFinished.connect(
                    lambda aid=attendee_id, s=spin: self._scale(aid, s.value())
                )
                self.scaling.setCellWidget(row, 1, spin)
                note = QTableWidgetItem(score.note or "" if score else "")
                self.scaling.setItem(row, 2, note)
        finally:
            self._loading = False

    def _note_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 2:
            return
        attendees = self.ws.record.attendees
        if not 0 <= item.row() < len(attendees):
            return
        attendee_id = attendees[item.row()].id or 0
        current = next((s for s in self.ws.record.scaling if s.attendee_id == attendee_id), None)
        note = item.text().strip() or None
        if current is None:
            if note:
                self.ws.show_message(self.tr("Give a scale before a note."), error=True)
            return
        if note == current.note:
            return
        conferences = self.ws.conferences
        cid = self.ws.conference_id
        score = current.score
        self.ws.push_update(
            self.tr("safety scale note"),
            lambda aid, change: conferences.set_scaling(cid, aid, score, change["note"]),
            attendee_id,
            {"note": note},
            {"note": current.note},
        )

    def _scale(self, attendee_id: int, value: int) -> None:
        if self._loading:
            return
        current = next((s for s in self.ws.record.scaling if s.attendee_id == attendee_id), None)
        new = None if value < 0 else value
        old = current.score if current else None
        if new == old:
            return
        conferences = self.ws.conferences
        cid = self.ws.conference_id
        note = current.note if current else None
        self.ws.push_update(
            self.tr("safety scale"),
            lambda aid, change: conferences.set_scaling(cid, aid, change["score"], note),
            attendee_id,
            {"score": new},
            {"score": old},
        )

    def add_line(self) -> None:
        section = SafetySection(self.section.currentData())
        text = self.line.text().strip()
        conferences = self.ws.conferences
        cid = self.ws.conference_id
        outcome = self.ws.run(lambda: conferences.add_safety_line(cid, section, text))
        if outcome is None:
            return
        self.ws.push_add(
            self.tr("add to the mapping"),
            lambda: int(conferences.add_safety_line(cid, section, text).id),
            conferences.remove_safety_line,
            outcome.id,
        )
        self.line.clear()

    def remove_line(self) -> None:
        item = self.lines.currentItem()
        if item is None:
            return
        line_id = int(item.data(Qt.ItemDataRole.UserRole))
        line = next((x for x in self.ws.record.safety_lines if x.id == line_id), None)
        if line is None:
            return
        conferences = self.ws.conferences
        cid = self.ws.conference_id
        section, text = line.section, line.text
        if not self.ws.attempt(lambda: conferences.remove_safety_line(line_id)):
            return
        self.ws.push_remove(
            self.tr("remove from the mapping"),
            lambda: int(conferences.add_safety_line(cid, section, text).id),
            conferences.remove_safety_line,
            line_id,
        )


STATUS_LABELS = {
    ActionStatus.OPEN: "Open",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.DONE: "Done",
    ActionStatus.CANCELLED: "Cancelled",
}


class ActionDetails(QGroupBox):
    """The selected action: status, priority, owner's agency, due date, links and its history."""

    def __init__(self, ws: WorkspaceWindow) -> None:
        super().__init__(ws.tr("Selected action"), ws)
        self.ws = ws
        self.action_id: int | None = None
        self._loading = False
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Action status"))
        for status, label in STATUS_LABELS.items():
            self.status.addItem(self.tr(label), status.value)
        self.priority = QComboBox(self)
        self.priority.setAccessibleName(self.tr("Priority"))
        self.priority.addItem("", None)
        self.priority.addItem(self.tr("normal"), Priority.NORMAL.value)
        self.priority.addItem(self.tr("high"), Priority.HIGH.value)
        self.agency = line_edit(self, self.tr("Owner's agency"), self.tr("Owner's agency"))
        self.due = date_edit(self, self.tr("Due date"))
        self.decision = QComboBox(self)
        self.decision.setAccessibleName(self.tr("Decision it serves"))
        self.agenda_item = QComboBox(self)
        self.agenda_item.setAccessibleName(self.tr("Agenda item it belongs to"))
        self.history = QListWidget(self)
        self.history.setAccessibleName(self.tr("Action history"))
        self.history.setMaximumHeight(70)
        self.update_note = line_edit(
            self, self.tr("Progress note"), self.tr("Dated progress note (Enter records it)")
        )
        self.update_note.returnPressed.connect(self.add_update)

        layout = QFormLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.status)
        row.addWidget(self.priority)
        row.addWidget(self.due)
        row.addWidget(self.agency, 1)
        layout.addRow(buddy_label(self.tr("Stat&us:"), self.status, self), row)
        links = QHBoxLayout()
        links.addWidget(self.decision, 1)
        links.addWidget(self.agenda_item, 1)
        layout.addRow(buddy_label(self.tr("L&inks:"), self.decision, self), links)
        layout.addRow(self.tr("History:"), self.history)
        layout.addRow(self.tr("No&te:"), self.update_note)

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
        record = self.ws.record
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
                status = f" [{self.tr(STATUS_LABELS[u.status])}]" if u.status else ""
                self.history.addItem(f"{u.at:%Y-%m-%d %H:%M}{status} {u.note}")
            if action.carried_from:
                self.history.addItem(
                    self.tr("Continues action %1 of the previous conference").replace(
                        "%1", action.carried_from
                    )
                )
        finally:
            self._loading = False

    def _current(self) -> Action | None:
        return next((x for x in self.ws.record.actions if x.id == self.action_id), None)

    def _set(self, field: str, value: Any, extra_new: dict[str, Any] | None = None) -> None:
        action = self._current()
        if self._loading or action is None or action.id is None or getattr(action, field) == value:
            return
        new = {field: value, **(extra_new or {})}
        old = {key: getattr(action, key) for key in new}
        self.ws.push_update(self.tr("change an action"), self.ws.set_action, action.id, new, old)

    def _status_changed(self) -> None:
        status = ActionStatus(self.status.currentData())
        action = self._current()
        if action is None:
            return
        done = status == ActionStatus.DONE
        completed = dt.datetime.now(dt.UTC).astimezone().replace(microsecond=0) if done else None
        self._set("status", status, {"completed_at": completed})

    def add_update(self) -> None:
        action = self._current()
        if action is None or action.id is None:
            return
        note = self.update_note.text().strip()
        conferences = self.ws.conferences
        action_id = action.id
        old_status = action.status
        # Each note records the status the action had when it was written.
        outcome = self.ws.run(lambda: conferences.add_action_update(action_id, note, old_status))
        if outcome is None:
            return
        self.ws.show_message("")
        first = outcome.id
        ids = self.ws.ids

        def redo() -> None:
            ids.moved(
                first, int(conferences.add_action_update(ids(action_id), note, old_status).id)
            )

        def undo() -> None:
            conferences.remove_action_update(ids(first))
            conferences.update_action(ids(action_id), status=old_status)

        self.ws.undo_stack.push(DoneCommand(self.tr("progress note"), redo=redo, undo=undo))
        self.update_note.clear()
