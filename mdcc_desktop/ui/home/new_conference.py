"""Before the meeting: a new conference for a new or existing case, a review from the last one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.errors import MdccError, ValidationError
from mdcc_desktop.domain.messages import Message
from mdcc_desktop.domain.models import Case, Child, ConferenceType
from mdcc_desktop.services.conferences import CarryForward, ConferencePlan
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets import dates, theme
from mdcc_desktop.ui.widgets.common import line_edit
from mdcc_desktop.ui.widgets.sizing import grow_to_contents


def parse_children(text: str) -> list[Child]:
    """One child a line: ``name; other-script name; date of birth`` (the last two optional)."""
    children: list[Child] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split(";")]
        name = parts[0]
        alt = parts[1] if len(parts) > 1 and parts[1] else None
        born: dt.date | None = None
        if len(parts) > 2 and parts[2]:
            try:
                born = dt.date.fromisoformat(parts[2])
            except ValueError:
                problems.append(
                    f"Child line {number}: {parts[2]!r} is not a date (write 2021-02-14)."
                )
        if not name:
            problems.append(f"Child line {number}: the name is missing.")
        children.append(Child(name=name, alt_name=alt, date_of_birth=born))
    if problems:
        raise ValidationError(problems)
    return children


@dataclass
class NewConferenceResult:
    conference_id: int
    warnings: list[Message | str]


class NewConferenceDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.result_value: NewConferenceResult | None = None
        self.setWindowTitle(self.tr("New conference"))

        self.reference = line_edit(
            self, self.tr("Case reference"), self.tr("An existing case or a new reference")
        )
        completer = QCompleter([c.reference for c in services.conferences.cases()], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.reference.setCompleter(completer)
        self.reference.textChanged.connect(self._case_changed)
        self.case_note = QLabel(self)
        self.case_note.setWordWrap(True)
        self.children_edit = QPlainTextEdit(self)
        self.children_edit.setAccessibleName(self.tr("Children, one a line"))
        self.children_edit.setPlaceholderText(
            self.tr("One child a line: name; other-script name; 2021-02-14")
        )
        self.children_edit.setTabChangesFocus(True)
        self.children_edit.setFixedHeight(72)
        self.profile = QComboBox(self)
        self.profile.setAccessibleName(self.tr("Jurisdiction profile"))
        for p in services.profiles.all():
            self.profile.addItem(f"{p.code}: {labels.profile_label(p)}", p.code)
        self.type = QComboBox(self)
        self.type.setAccessibleName(self.tr("Conference type"))
        for ctype in labels.CONFERENCE_TYPES:
            self.type.addItem(labels.conference_type(ctype), ctype.value)
        self.type.currentIndexChanged.connect(self._type_changed)
        self.when = QDateTimeEdit(self)
        self.when.setAccessibleName(self.tr("Date and time"))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        tomorrow = QDate.currentDate().addDays(1)
        self.when.setDateTime(QDateTime(tomorrow, QTime(10, 0)))
        self.venue = line_edit(self, self.tr("Venue"))
        self.title_edit = line_edit(self, self.tr("Title"), self.tr("Optional"))
        self.has_referral = QCheckBox(self.tr("Referral / strategy discussion on"), self)
        self.has_referral.setAccessibleName(self.tr("Referral date known"))
        self.referral = QDateEdit(self)
        self.referral.setAccessibleName(self.tr("Referral date"))
        self.referral.setCalendarPopup(True)
        self.referral.setDisplayFormat("yyyy-MM-dd")
        self.referral.setDate(QDate.currentDate())
        self.referral.setEnabled(False)
        self.has_referral.toggled.connect(self.referral.setEnabled)
        self.carry_attendees = QCheckBox(self.tr("Carry forward the attendees"), self)
        self.carry_household = QCheckBox(self.tr("Carry forward the household"), self)
        self.carry_actions = QCheckBox(self.tr("Carry forward every open action"), self)
        for box in (self.carry_attendees, self.carry_household, self.carry_actions):
            box.setChecked(True)
            box.setAccessibleName(box.text())
        self.previous = QComboBox(self)
        self.previous.setAccessibleName(self.tr("Conference to review"))
        self.previous.currentIndexChanged.connect(self._previous_changed)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(theme.style(theme.Tone.ERROR))
        self.error_label.setAccessibleName(self.tr("Problems"))

        form = QFormLayout()
        form.addRow(self.tr("&Case reference:"), self.reference)
        form.addRow("", self.case_note)
        form.addRow(self.tr("C&hildren:"), self.children_edit)
        form.addRow(self.tr("&Profile:"), self.profile)
        form.addRow(self.tr("&Type:"), self.type)
        form.addRow(self.tr("&Date and time:"), self.when)
        form.addRow(self.tr("&Venue:"), self.venue)
        form.addRow(self.tr("T&itle:"), self.title_edit)
        form.addRow(self.has_referral)
        form.addRow(self.tr("Referral dat&e:"), self.referral)
        form.addRow(self.tr("&Reviews:"), self.previous)
        form.addRow("", self.carry_attendees)
        form.addRow("", self.carry_household)
        form.addRow("", self.carry_actions)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.accepted.connect(self.create_conference)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        grow_to_contents(layout, least_width=560)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._case_changed()
        self._type_changed()

    def _existing_case(self) -> Case | None:
        text = self.reference.text().strip()
        return self.services.conferences.case_by_reference(text) if text else None

    def _case_changed(self) -> None:
        case = self._existing_case()
        self.children_edit.setEnabled(case is None)
        self.previous.clear()
        if case is None:
            self.case_note.setText(self.tr("A new case: list its children below."))
        else:
            names = ", ".join(c.name for c in self.services.conferences.children(case.id or 0))
            self.case_note.setText(self.tr("Existing case: %1").replace("%1", names))
            index = self.profile.findData(case.jurisdiction)
            if index >= 0:
                self.profile.setCurrentIndex(index)
            for c in self.services.conferences.previous_conferences(case.id or 0):
                self.previous.addItem(
                    f"{dates.format_date(c.scheduled_start)} {labels.conference_type(c.type)}", c.id
                )
            if self.previous.count():
                self.type.setCurrentIndex(self.type.findData(ConferenceType.REVIEW.value))
        self._type_changed()

    def _type_changed(self) -> None:
        review = (
            self.type.currentData() == ConferenceType.REVIEW.value and self.previous.count() > 0
        )
        for widget in (
            self.previous,
            self.carry_attendees,
            self.carry_household,
            self.carry_actions,
        ):
            widget.setEnabled(review)

    def _previous_changed(self) -> None:
        """A review defaults to the date its profile's review interval (or the date booked at
        the conference it reviews) gives."""
        if self.previous.currentData() is None:
            return
        due = self.services.deadlines.review_default(int(self.previous.currentData()))
        if due is not None:
            self.when.setDateTime(QDateTime(QDate(due.year, due.month, due.day), QTime(10, 0)))

    def create_conference(self) -> None:
        try:
            self.result_value = self._create()
        except MdccError as exc:
            self.error_label.setText(message_text(exc))
            return
        self.accept()

    def _create(self) -> NewConferenceResult:
        qdt = self.when.dateTime()
        local = dt.datetime(
            qdt.date().year(),
            qdt.date().month(),
            qdt.date().day(),
            qdt.time().hour(),
            qdt.time().minute(),
        ).astimezone()
        referral = None
        if self.has_referral.isChecked():
            d = self.referral.date()
            referral = dt.date(d.year(), d.month(), d.day())
        ctype = ConferenceType(self.type.currentData())
        case = self._existing_case()
        carry = None
        if case is not None and ctype == ConferenceType.REVIEW and self.previous.count():
            carry = CarryForward(
                int(self.previous.currentData()),
                attendees=self.carry_attendees.isChecked(),
                household=self.carry_household.isChecked(),
                actions=self.carry_actions.isChecked(),
            )
        children = (
            () if case is not None else tuple(parse_children(self.children_edit.toPlainText()))
        )
        planned = self.services.conferences.plan_conference(
            ConferencePlan(
                reference=self.reference.text(),
                jurisdiction=str(self.profile.currentData()),
                type=ctype,
                scheduled_start=local,
                children=children,
                title=self.title_edit.text().strip() or None,
                venue=self.venue.text().strip() or None,
                referral_received=referral,
                carry=carry,
            )
        )
        return NewConferenceResult(planned.conference_id, list(planned.warnings))
