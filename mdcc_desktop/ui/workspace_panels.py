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
    Attendance,
    ConferenceRecord,
    CopyKind,
    Decision,
    DecisionMethod,
    Discipline,
    HouseholdMember,
    Language,
    MandatoryReport,
    Role,
    SafetySection,
)
from mdcc_desktop.ui.workspace_models import ATTENDANCE_LABELS, DecisionModel

if TYPE_CHECKING:
    from mdcc_desktop.ui.workspace import WorkspaceWindow

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
        self.text = QLineEdit(self)
        self.text.setAccessibleName(self.tr("Decision text"))
        self.text.setPlaceholderText(self.tr("The decision as it will read in the minutes"))
        self.rationale = QLineEdit(self)
        self.rationale.setAccessibleName(self.tr("Reasons"))
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
        self.dissent_view = QLineEdit(self)
        self.dissent_view.setAccessibleName(self.tr("Their view"))
        self.dissent_view.setPlaceholderText(self.tr("Their view, in full (Enter records it)"))
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
        for a in record.attendees:
            for kind_code in ("key_worker", "core_group"):
                labels[(kind_code, a.ref or str(a.id))] = a.name
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
        elif kind_code in ("key_worker", "core_group") and hasattr(self.ws, "record"):
            for a in self.ws.record.attendees:
                self.value.addItem(a.name, a.ref or str(a.id))
        elif kind_code == "review_date":
            suggested = self.ws.suggested_review_date()
            if suggested is not None:
                self.value.addItem(suggested.isoformat(), suggested.isoformat())
        self.value.setCurrentText(current if self.value.findText(current) >= 0 else "")
        if kind_code == "review_date" and self.value.count():
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
        self.job_title = QLineEdit(self)
        self.job_title.setAccessibleName(self.tr("Job title"))
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
        self.report.clicked.connect(lambda checked: self._set("report_submitted", checked))
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

    def _set(self, field: str, value: Any) -> None:
        if self._loading or self.attendee_id is None:
            return
        attendee = self.ws.record.attendee(self.attendee_id)
        if attendee is None or getattr(attendee, field) == value:
            return
        self.ws.push_update(
            self.tr("change %1").replace("%1", attendee.name),
            self.ws.set_attendee,
            self.attendee_id,
            {field: value},
            {field: getattr(attendee, field)},
        )

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
        self.title = QLineEdit(self)
        self.title.setAccessibleName(self.tr("Conference title"))
        self.venue = QLineEdit(self)
        self.venue.setAccessibleName(self.tr("Venue"))
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
        self.report_to = QLineEdit(self)
        self.report_to.setAccessibleName(self.tr("Report made to"))
        self.reporter = QLineEdit(self)
        self.reporter.setAccessibleName(self.tr("Reporter's identity (restricted)"))
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
        self.household_name = QLineEdit(self)
        self.household_name.setAccessibleName(self.tr("Household member's name"))
        self.household_name.setPlaceholderText(self.tr("Name"))
        self.household_relationship = QLineEdit(self)
        self.household_relationship.setAccessibleName(self.tr("Relationship to the child"))
        self.household_relationship.setPlaceholderText(self.tr("Relationship (Enter adds)"))
        self.household_relationship.returnPressed.connect(self.add_household)
        self.household_add = button(
            self.tr("Add"), self.tr("Add household member"), self.add_household, self
        )
        self.household_remove = button(
            self.tr("Remove"), self.tr("Remove household member"), self.remove_household, self
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
        row.addWidget(self.household_add)
        row.addWidget(self.household_remove)
        household_layout.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
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
            self.household.clear()
            for h in record.household:
                item = QListWidgetItem(
                    f"{h.name} — {h.relationship}" + (f" ({h.notes})" if h.notes else "")
                )
                item.setData(Qt.ItemDataRole.UserRole, h.id)
                self.household.addItem(item)
        finally:
            self._loading = False

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
        self.line = QLineEdit(self)
        self.line.setAccessibleName(self.tr("Mapping line"))
        self.line.setPlaceholderText(self.tr("A line for this column (Enter adds)"))
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
