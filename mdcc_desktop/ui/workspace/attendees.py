"""The Attendees tab: who is here, checked in and gone, picked from the directory as typed,
with the selected attendee's details and the quorum."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain import rules
from mdcc_desktop.domain.models import Attendee, ConferenceRecord, Discipline, Role
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets import theme
from mdcc_desktop.ui.widgets.columns import stretch_column
from mdcc_desktop.ui.widgets.forms import announce, buddy_label, button, reselect
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.attendee_details import AttendeeDetails
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.editing import delete_action, empty_entry
from mdcc_desktop.ui.workspace.models import AttendeeModel

AGENCY_WIDTH = 120  # pixels: "Children's Services" in two lines


class AttendeesPanel(QWidget):
    """The attendee table, adding people (from the directory) and checking them in and out."""

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_attendees())

    def refresh(self, record: ConferenceRecord) -> None:
        attendee = self.selected_attendee()
        self.attendee_model.set_rows(record.attendees)
        if attendee is not None:
            reselect(self.attendee_view, self.attendee_model.row_of(attendee.id))
        self._refresh_people()
        self._update_attendance_state()
        current = self.selected_attendee()
        self.attendee_details.show_attendee(current.id if current else None)

    def _build_attendees(self) -> QWidget:
        page = QWidget(self)
        self.attendees_page = page
        self.attendee_model = AttendeeModel(self)
        self.attendee_view = QTableView(page)
        self.attendee_view.setModel(self.attendee_model)
        self.attendee_view.setAccessibleName(self.tr("Attendees"))
        self.attendee_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attendee_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attendee_view.verticalHeader().hide()
        self.attendee_view.setTabKeyNavigation(False)
        header = self.attendee_view.horizontalHeader()
        # The side column is narrow on a laptop: names, attendance and times take what they
        # need, the agency a fixed share the chair can widen, the roles the rest (wrapped).
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AttendeeModel.COL_AGENCY, QHeaderView.ResizeMode.Interactive)
        self.attendee_view.setColumnWidth(AttendeeModel.COL_AGENCY, AGENCY_WIDTH)
        stretch_column(self.attendee_view, header, AttendeeModel.COL_ROLES)
        self.attendee_view.setWordWrap(True)
        self.attendee_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.remove_attendee_action = delete_action(
            self.attendee_view, self.tr("Remove attendee"), self.remove_attendee, "remove_attendee"
        )

        self.new_name = QLineEdit(page)
        self.new_name.setPlaceholderText(self.tr("Name (type to pick from the directory)"))
        self.new_name.setAccessibleName(self.tr("New attendee's name"))
        self.people_model = QStringListModel(self)
        completer = QCompleter(self.people_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.new_name.setCompleter(completer)
        completer.activated.connect(self._person_picked)
        # The directory is asked as the chair types (a query returns a page of people, so a
        # list read once would never offer anyone past the first page).
        self.new_name.textEdited.connect(self._refresh_people)
        self._people: dict[str, Any] = {}
        self.new_agency = QLineEdit(page)
        self.new_agency.setPlaceholderText(self.tr("Agency"))
        self.new_agency.setAccessibleName(self.tr("New attendee's agency"))
        self.new_role = QComboBox(page)
        self.new_role.setAccessibleName(self.tr("New attendee's role"))
        self.new_role.addItem(self.tr("(no role)"), None)
        for role in Role:
            self.new_role.addItem(labels.role(role), role)
        # The quorum counts agencies by agency, else by discipline: the quick row takes one.
        self.new_discipline = QComboBox(page)
        self.new_discipline.setAccessibleName(self.tr("New attendee's discipline"))
        self.new_discipline.addItem(self.tr("(no discipline)"), None)
        for discipline in labels.DISCIPLINES:
            self.new_discipline.addItem(labels.discipline(discipline), discipline.value)
        self.add_attendee_button = button(
            self.tr("Add"), self.tr("Add attendee"), self.add_attendee, page
        )
        self.new_name.returnPressed.connect(self.add_attendee)
        self.new_agency.returnPressed.connect(self.add_attendee)
        form = QGridLayout()
        form.addWidget(buddy_label(self.tr("New attendee:"), self.new_name, page), 0, 0)
        form.addWidget(self.new_name, 0, 1, 1, 3)
        form.addWidget(buddy_label(self.tr("Agency:"), self.new_agency, page), 1, 0)
        form.addWidget(self.new_agency, 1, 1)
        form.addWidget(buddy_label(self.tr("Role:"), self.new_role, page), 1, 2)
        form.addWidget(self.new_role, 1, 3)
        form.addWidget(buddy_label(self.tr("Discipline:"), self.new_discipline, page), 2, 0)
        form.addWidget(self.new_discipline, 2, 1)
        form.addWidget(self.add_attendee_button, 2, 3)
        form.setColumnStretch(1, 1)

        self.check_in_button = button(
            self.tr("Check in"), self.tr("Check in the selected attendee"), self.check_in, page
        )
        self.left_button = button(
            self.tr("Left"), self.tr("Mark the selected attendee as left"), self.mark_left, page
        )
        self.attendance_warnings = QLabel(page)
        self.attendance_warnings.setWordWrap(True)
        self.quorum_label = QLabel(page)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_in_button)
        buttons.addWidget(self.left_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quorum_label)

        self.attendee_details = AttendeeDetails(self.controller, self)
        self.attendee_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.attendee_details.show_attendee(
                self.attendee_model.record(current.row()).id if current.isValid() else None
            )
        )
        # The details scroll on a laptop screen; the table keeps its rows in view.
        details = QScrollArea(page)
        details.setWidget(self.attendee_details)
        details.setWidgetResizable(True)
        details.setFrameShape(QFrame.Shape.NoFrame)
        details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(page)
        layout.addWidget(self.attendee_view, 2)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.attendance_warnings)
        layout.addWidget(details, 3)
        return page

    def _person_picked(self, text: str) -> None:
        person = self._people.get(text)
        if person is not None:
            self.new_name.setText(person.name)
            self.new_agency.setText(person.agency or "")

    def add_attendee(self) -> None:
        name = self.new_name.text().strip()
        picked = self._people.get(name)
        if picked is not None:
            name = picked.name
        data = self.new_role.currentData()  # Qt hands the enum back as its text value
        role = Role(data) if data else None
        attendee = Attendee(
            name=name,
            agency=self.new_agency.text().strip() or None,
            roles=[role] if role is not None else [],
            person_id=picked.id if picked is not None else None,
            discipline=(
                Discipline(self.new_discipline.currentData())
                if self.new_discipline.currentData()
                else (picked.discipline if picked is not None else None)
            ),
        )
        outcome = ops.add_attendee(self.controller, attendee)
        if outcome is None:
            return
        empty_entry(self.new_name)
        empty_entry(self.new_agency)
        self.new_role.setCurrentIndex(0)
        self.new_discipline.setCurrentIndex(0)  # nothing carries over to the next person
        row = self.attendee_model.row_of(outcome.id)
        if row >= 0:
            self.attendee_view.selectRow(row)

    def remove_attendee(self) -> None:
        attendee = self.selected_attendee()
        if attendee is None or attendee.id is None:
            self.controller.show_message(self.tr("Select the attendee to remove."))
            return
        ops.remove_attendee(self.controller, attendee)

    def selected_attendee(self) -> Attendee | None:
        if not hasattr(self, "attendee_view"):
            return None
        index = self.attendee_view.currentIndex()
        return self.attendee_model.record(index.row()) if index.isValid() else None

    def check_in(self) -> None:
        attendee = self.selected_attendee()
        if attendee is None or attendee.id is None:
            self.controller.show_message(self.tr("Select an attendee to check in."))
            return
        ops.check_in(self.controller, attendee)

    def mark_left(self) -> None:
        attendee = self.selected_attendee()
        if attendee is None or attendee.id is None:
            self.controller.show_message(self.tr("Select an attendee who left."))
            return
        ops.mark_left(self.controller, attendee)

    def _refresh_people(self) -> None:
        people = self.controller.conferences.find_people(self.new_name.text().strip())
        self._people = {p.name + (f" — {p.agency}" if p.agency else ""): p for p in people}
        self.people_model.setStringList(sorted(self._people))

    def _update_attendance_state(self) -> None:
        warnings = rules.attendance_warnings(self.controller.record.attendees)
        self.attendance_warnings.setText(" ".join(message_text(w) for w in warnings))
        self.attendance_warnings.setStyleSheet(theme.style(theme.Tone.WARNING) if warnings else "")
        quorum = self.controller.conferences.quorum(self.controller.record)
        agencies, needed = quorum.present, quorum.needed
        if needed:
            ok = agencies >= needed
            self.quorum_label.setText(
                self.tr("Quorum: %1 agencies present, %2 needed")
                .replace("%1", str(agencies))
                .replace("%2", str(needed))
                + (" ✓" if ok else " ✗")
            )
            self.quorum_label.setStyleSheet("" if ok else theme.style(theme.Tone.ERROR))
            announce(
                self.quorum_label,
                self.tr("Quorum met.") if ok else self.tr("Quorum not met: too few agencies."),
            )
