"""The live workspace: the one window a chair types into while chairing a conference.

Every edit is stored at once through the services (nothing to save); structured edits go on an
undo stack; notes are saved as typed (within a second of any keystroke, off the GUI thread, retried
until stored: see ``ui/notes.py``) and before switching items. The current agenda
item is stored, so closing and reopening puts the chair back where they were, timer included
(the timer runs from the item's stored start).
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.models import (
    ConferenceRecord,
    ConferenceStatus,
    CopyKind,
)
from mdcc_desktop.domain.profiles import Profile
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.events import Change
from mdcc_desktop.store.errors import DatabaseLockedError
from mdcc_desktop.store.store import now
from mdcc_desktop.ui.widgets.common import add_action, line_edit
from mdcc_desktop.ui.widgets.forms import reselect
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.actions import ActionsPanel
from mdcc_desktop.ui.workspace.attendees import AttendeesPanel
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.decisions import DecisionsPanel
from mdcc_desktop.ui.workspace.details import DetailsPanel
from mdcc_desktop.ui.workspace.header import WorkspaceHeader, minutes_text
from mdcc_desktop.ui.workspace.minutes_menu import MinutesActions
from mdcc_desktop.ui.workspace.models import AgendaModel
from mdcc_desktop.ui.workspace.notes import (
    NOTES_MAX_WAIT_MS,
    NOTES_SAVE_DELAY_MS,
    NotesEdit,
)
from mdcc_desktop.ui.workspace.safety import SafetyPanel

AMBER_AT = 0.8

WORKSPACE_SHORTCUTS = (
    ("Ctrl+Shift+S", "Start the conference (stamps the time)"),
    ("Ctrl+Shift+E", "End the conference (stamps the time)"),
    ("Ctrl+]", "Next agenda item (the timer moves with it)"),
    ("F2", "Rename the selected agenda item (or change its minutes)"),
    ("Del", "Remove the selected agenda item"),
    ("Ctrl+Up / Ctrl+Down", "Move the selected agenda item"),
    ("Ctrl+R", "Restrict the agenda item (left out of the parents' copy)"),
    ("Ctrl+Shift+A", "Add an attendee"),
    ("Ctrl+K", "Check in the selected attendee (stamps arrival)"),
    ("Ctrl+Shift+L", "Mark the selected attendee as left"),
    ("Ctrl+Shift+N", "New action"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"),
    ("Ctrl+F", "Search cases, notes, decisions and actions"),
    ("Alt+1 / Alt+2 / Alt+3", "Agenda / notes / attendees and actions"),
)


class WorkspaceWindow(QMainWindow):
    def __init__(self, services: Services, conference_id: int, prompter: Any) -> None:
        super().__init__()
        self.services = services
        self.conferences = services.conferences
        self.conference_id = conference_id
        self.prompter = prompter
        self.setObjectName("WorkspaceWindow")
        self.controller = WorkspaceController(services, conference_id, self)
        self.controller.message.connect(self.show_message)
        self.undo_stack = self.controller.undo_stack
        self.ids = self.controller.ids
        self._notes_item_id: int | None = None
        self._notes_dirty = False  # typed since the text was last handed to the saver
        self._closing = False
        self._loading = False
        self._reloading = False

        self.header = WorkspaceHeader(self.controller, self)
        h = self.header
        self.title_label, self.times_label = h.title_label, h.times_label
        self.elapsed_label, self.message_label = h.elapsed_label, h.message_label
        self.start_button, self.end_button = h.start_button, h.end_button
        self.deadlines_label, self.locked_banner = h.deadlines_label, h.locked_banner
        self._build_agenda()
        self._build_notes()
        self._build_side()
        splitter = QSplitter(self)
        splitter.addWidget(self.agenda_panel)
        splitter.addWidget(self.notes_panel)
        splitter.addWidget(self.side_tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._build_actions()

        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self._tick)
        self.clock.start()
        # Notes: saved after a pause in typing, and at the latest NOTES_MAX_WAIT_MS after the
        # first keystroke not yet saved (a chair who never pauses is saved too).
        self.notes_timer = QTimer(self)
        self.notes_timer.setSingleShot(True)
        self.notes_timer.setInterval(NOTES_SAVE_DELAY_MS)
        self.notes_timer.timeout.connect(self.save_notes)
        self.notes_deadline = QTimer(self)
        self.notes_deadline.setSingleShot(True)
        self.notes_deadline.setTimerType(Qt.TimerType.PreciseTimer)
        self.notes_deadline.setInterval(NOTES_MAX_WAIT_MS)
        self.notes_deadline.timeout.connect(self.save_notes)
        self.notes_saver = self.controller.notes_saver
        self.notes_saver.saved.connect(self._notes_saved)
        self.notes_saver.failed.connect(lambda _item, _message: self._show_notes_state())
        self.notes_saver.lost.connect(self._notes_lost)
        self._notes_error = ""

        self.controller.changed.connect(self._on_change)
        self.controller.flushing.connect(lambda: self.save_notes(wait=False))
        self.resize(1320, 740)
        self.reload()
        self._restore_current_item()

    # --- building ----------------------------------------------------------------------------

    def _button(self, text: str, name: str, slot: Any, parent: QWidget) -> QPushButton:
        button = QPushButton(text, parent)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    def _build_agenda(self) -> None:
        self.agenda_panel = QWidget(self)
        self.agenda_model = AgendaModel(self)
        self.agenda_view = QTableView(self.agenda_panel)
        self.agenda_view.setModel(self.agenda_model)
        self.agenda_view.setAccessibleName(self.tr("Agenda"))
        self.agenda_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda_view.verticalHeader().hide()
        self.agenda_view.setWordWrap(True)
        self.agenda_view.setTabKeyNavigation(False)
        header = self.agenda_view.horizontalHeader()
        header.setSectionResizeMode(AgendaModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            AgendaModel.COL_PLANNED, QHeaderView.ResizeMode.ResizeToContents
        )
        self.agenda_view.selectionModel().currentRowChanged.connect(self._agenda_row_changed)
        self.agenda_view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.agenda_model.on_edit = self._edit_agenda_cell
        self.agenda_model.on_move = self._move_agenda_item_to
        self.agenda_view.setDragEnabled(True)
        self.agenda_view.setAcceptDrops(True)
        self.agenda_view.setDropIndicatorShown(True)
        self.agenda_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.agenda_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.new_item = line_edit(
            self.agenda_panel,
            self.tr("New agenda item"),
            self.tr("New item (Enter adds it after the selected)"),
        )
        self.new_item_minutes = QSpinBox(self.agenda_panel)
        self.new_item_minutes.setAccessibleName(self.tr("New agenda item's planned minutes"))
        self.new_item_minutes.setRange(0, 600)
        self.new_item_minutes.setSuffix(self.tr(" min"))
        self.new_item.returnPressed.connect(self.add_agenda_item)
        for key, slot, name in (
            ("Del", self.remove_agenda_item, "remove_item"),
            ("Ctrl+Up", lambda: self.move_agenda_item(-1), "item_up"),
            ("Ctrl+Down", lambda: self.move_agenda_item(1), "item_down"),
            ("Ctrl+R", self.toggle_restricted, "restricted"),
        ):
            action = QAction(self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.agenda_view.addAction(action)
        self.item_timer_label = QLabel(self.agenda_panel)
        self.item_timer_label.setAccessibleName(self.tr("Agenda item timer"))
        self.total_label = QLabel(self.agenda_panel)
        self.next_button = self._button(
            self.tr("Next item ▶"), self.tr("Next agenda item"), self.next_item, self.agenda_panel
        )
        layout = QVBoxLayout(self.agenda_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("A&genda"), self.agenda_panel)
        label.setBuddy(self.agenda_view)
        layout.addWidget(label)
        layout.addWidget(self.agenda_view, 1)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_item, 1)
        new_row.addWidget(self.new_item_minutes)
        layout.addLayout(new_row)
        layout.addWidget(self.item_timer_label)
        layout.addWidget(self.total_label)
        layout.addWidget(self.next_button)

    def _build_notes(self) -> None:
        self.notes_panel = QWidget(self)
        self.notes_title = QLabel(self.notes_panel)
        self.notes_title.setWordWrap(True)
        self.notes_edit = NotesEdit(self.notes_panel)
        self.notes_edit.setAccessibleName(self.tr("Notes of the agenda item"))
        self.notes_edit.setPlaceholderText(self.tr("Notes are saved as you type."))
        self.notes_edit.textChanged.connect(self._notes_changed)
        self.notes_state = QLabel(self.notes_panel)
        layout = QVBoxLayout(self.notes_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notes_title)
        layout.addWidget(self.notes_edit, 1)
        layout.addWidget(self.notes_state)

    def _build_side(self) -> None:
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setAccessibleName(self.tr("Attendees and actions"))
        self.attendees_panel = AttendeesPanel(self.controller, self)
        self.attendees_page = self.attendees_panel
        self.side_tabs.addTab(self.attendees_panel, self.tr("Atte&ndees"))
        self.actions_panel = ActionsPanel(self.controller, self)
        self.side_tabs.addTab(self.actions_panel, self.tr("Acti&ons"))
        # The panels' widgets and edits under the names the menus and callers know.
        a = self.attendees_panel
        self.attendee_model = a.attendee_model
        self.attendee_view = a.attendee_view
        self.new_name = a.new_name
        self.new_agency = a.new_agency
        self.new_role = a.new_role
        self.people_model = a.people_model
        self.add_attendee_button = a.add_attendee_button
        self.check_in_button = a.check_in_button
        self.left_button = a.left_button
        self.attendance_warnings = a.attendance_warnings
        self.quorum_label = a.quorum_label
        self.attendee_details = a.attendee_details
        self.add_attendee = a.add_attendee
        self.check_in = a.check_in
        self.mark_left = a.mark_left
        self.selected_attendee = a.selected_attendee
        b = self.actions_panel
        self.action_model = b.action_model
        self.action_view = b.action_view
        self.action_description = b.action_description
        self.action_owner = b.action_owner
        self.action_due = b.action_due
        self.due_plus5 = b.due_plus5
        self.due_plus10 = b.due_plus10
        self.due_review = b.due_review
        self.add_action_button = b.add_action_button
        self.action_details = b.action_details
        self.add_action = b.add_action
        self.decisions_panel = DecisionsPanel(self.controller, self)
        self.side_tabs.addTab(self.decisions_panel, self.tr("&Decisions"))
        self.safety_panel = SafetyPanel(self.controller, self)
        self.safety_index = self.side_tabs.addTab(self.safety_panel, self.tr("Sa&fety"))
        self.details_panel = DetailsPanel(self.controller, self)
        self.side_tabs.addTab(self.details_panel, self.tr("Deta&ils"))

    def _action(self, text: str, shortcut: str, slot: Any, name: str) -> QAction:
        return add_action(self, text, shortcut, slot, name)

    def _build_actions(self) -> None:
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.start_action = self._action(
            self.tr("&Start conference"), "Ctrl+Shift+S", self.start_meeting, "start"
        )
        self.end_action = self._action(
            self.tr("&End conference"), "Ctrl+Shift+E", self.end_meeting, "end"
        )
        self.next_action = self._action(
            self.tr("&Next agenda item"), "Ctrl+]", self.next_item, "next_item"
        )
        self.add_attendee_action = self._action(
            self.tr("Add &attendee"), "Ctrl+Shift+A", self.focus_new_attendee, "add_attendee"
        )
        self.check_in_action = self._action(
            self.tr("&Check in"), "Ctrl+K", self.check_in, "check_in"
        )
        self.left_action = self._action(
            self.tr("Mark &left"), "Ctrl+Shift+L", self.mark_left, "left"
        )
        self.new_action_action = self._action(
            self.tr("New a&ction"), "Ctrl+Shift+N", self.focus_new_action, "new_action"
        )
        self._action(
            self.tr("Agenda"), "Alt+1", lambda: self.agenda_view.setFocus(), "focus_agenda"
        )
        self._action(self.tr("Notes"), "Alt+2", lambda: self.notes_edit.setFocus(), "focus_notes")
        self._action(
            self.tr("Attendees and actions"),
            "Alt+3",
            lambda: self.side_tabs.currentWidget().setFocus(),
            "focus_side",
        )
        self._action(self.tr("Close"), "Ctrl+W", self.close, "close")
        # Set by the home window: Ctrl+F searches everything, from anywhere.
        self.search_requested: Any = None
        self.tracker_requested: Any = None
        self.search_action = self._action(
            self.tr("&Search everything"), "Ctrl+F", self._search, "search"
        )
        meeting = self.menuBar().addMenu(self.tr("&Meeting"))
        for action in (self.start_action, self.end_action, self.next_action):
            meeting.addAction(action)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        people = self.menuBar().addMenu(self.tr("&People"))
        for action in (self.add_attendee_action, self.check_in_action, self.left_action):
            people.addAction(action)
        actions = self.menuBar().addMenu(self.tr("&Actions"))
        actions.addAction(self.new_action_action)
        self.track_action = self._action(
            self.tr("Follow up in the &tracker"),
            "",
            lambda: self.tracker_requested(self.conference_id) if self.tracker_requested else None,
            "track",
        )
        actions.addAction(self.track_action)
        minutes = self.menuBar().addMenu(self.tr("Mi&nutes"))
        self.minutes_actions = MinutesActions(
            self.controller, self, self.prompter, self._notes_stored
        )
        m = self.minutes_actions
        self.export_minutes = m.export_minutes
        self.export_letter = m.export_letter
        self.circulate = m.circulate
        self.amendments = m.amendments
        self.finalise = m.finalise
        self.reopen = m.reopen
        self.export_full_action = self._action(
            self.tr("Export the &full copy…"),
            "Ctrl+Shift+M",
            lambda: self.export_minutes(CopyKind.FULL),
            "export_full",
        )
        self.export_parent_action = self._action(
            self.tr("Export the &parents' copy…"),
            "",
            lambda: self.export_minutes(CopyKind.PARENT),
            "export_parent",
        )
        self.letter_action = self._action(
            self.tr("Outcome &letter…"), "", self.export_letter, "letter"
        )
        self.circulate_action = self._action(
            self.tr("&Circulate…"), "", self.circulate, "circulate"
        )
        self.amendments_action = self._action(
            self.tr("&Amendments…"), "", self.amendments, "amendments"
        )
        self.finalise_action = self._action(
            self.tr("&Finalise (lock)"), "", self.finalise, "finalise"
        )
        self.reopen_action = self._action(self.tr("&Reopen…"), "", self.reopen, "reopen")
        for action in (
            self.export_full_action,
            self.export_parent_action,
            self.letter_action,
            self.circulate_action,
            self.amendments_action,
        ):
            minutes.addAction(action)
        self.template_menu = minutes.addMenu(self.tr("&Template"))
        self.minutes_actions.template_menu = self.template_menu
        self.template_menu.aboutToShow.connect(self.minutes_actions.fill_template_menu)
        self.minutes_actions.fill_template_menu()
        minutes.addSeparator()
        minutes.addAction(self.finalise_action)
        minutes.addAction(self.reopen_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"), "F1", self.show_shortcuts, "shortcuts"
        )
        help_menu.addAction(self.shortcuts_action)

    # --- after the meeting ---------------------------------------------------------------------

    def _notes_stored(self) -> bool:
        """Store the notes now; if they cannot be, say so (for what must include them)."""
        if self.save_notes(wait=True):
            return True
        self.show_message(
            self.tr("Not done: the notes are not saved yet. Try again in a moment."), error=True
        )
        return False

    def _update_locked(self) -> None:
        locked = self.record.conference.status == ConferenceStatus.FINALISED
        for widget in (
            self.notes_panel,
            self.agenda_panel,
            self.decisions_panel,
            self.safety_panel,
            self.details_panel,
            self.attendees_page,
        ):
            widget.setEnabled(not locked)
        self.notes_edit.setReadOnly(locked)
        for action in (
            self.start_action,
            self.end_action,
            self.next_action,
            self.add_attendee_action,
            self.check_in_action,
            self.left_action,
            self.finalise_action,
            self.amendments_action,
        ):
            action.setEnabled(not locked)
        self.reopen_action.setEnabled(locked)

    def _search(self) -> None:
        if self.search_requested is not None:
            self.search_requested()

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td><b>{html.escape(key)}</b></td><td>{html.escape(self.tr(text))}</td></tr>"
            for key, text in WORKSPACE_SHORTCUTS
        )
        if self.prompter is not None:
            self.prompter.info(self, self.tr("Keyboard shortcuts"), f"<table>{rows}</table>")

    # --- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the conference again from the services (after any change, ours or another's)."""
        record = self.controller.load()
        if record is None:
            return
        c = record.conference
        children = ", ".join(ch.name for ch in record.children)
        self.setWindowTitle(f"{record.case.reference} · {children}")
        self.header.refresh(record)
        self.attendees_panel.refresh(record)
        self.actions_panel.refresh(record)
        # Resetting the agenda must not touch the notes being typed: the editor stays on its item.
        self._reloading = True
        try:
            self.agenda_model.set_rows(record.agenda)
            self.agenda_model.set_current(c.current_agenda_item_id)
            row = self.agenda_model.row_of(self._notes_item_id)
            reselect(self.agenda_view, row)
        finally:
            self._reloading = False
        if self._notes_item_id is not None and self.agenda_model.row_of(self._notes_item_id) < 0:
            self._agenda_row_changed(self.agenda_view.currentIndex(), None)
        else:
            self._take_stored_notes()
        self.decisions_panel.refresh(record)
        self.safety_panel.refresh(record)
        self.details_panel.refresh(record)
        self.side_tabs.setTabVisible(
            self.safety_index,
            bool(self.profile and self.profile.signs_of_safety) or c.has_safety_mapping,
        )
        self._update_locked()
        self._tick()

    def _restore_current_item(self) -> None:
        current = self.record.conference.current_agenda_item_id
        if current is not None:
            self.select_agenda_item(current)
        elif self.agenda_model.rowCount():
            self.agenda_view.selectRow(0)

    # --- messages ----------------------------------------------------------------------------

    def show_message(self, text: str, error: bool = False) -> None:
        self.header.show_message(text, error)

    @property
    def record(self) -> ConferenceRecord:
        return self.controller.record

    @property
    def profile(self) -> Profile | None:
        return self.controller.profile

    def suggested_review_date(self) -> dt.date | None:
        return self.controller.suggested_review_date()

    # --- the meeting -------------------------------------------------------------------------

    def start_meeting(self) -> None:
        ops.start_meeting(self.controller)

    def end_meeting(self) -> None:
        ops.end_meeting(self.controller)

    def _tick(self) -> None:
        if not self.controller.loaded:
            return
        c = self.record.conference
        current = now()
        self.header.tick(current)
        item = next((i for i in self.record.agenda if i.id == c.current_agenda_item_id), None)
        if item is None or item.started_at is None:
            self.item_timer_label.setText(self.tr("No agenda item running."))
            self.item_timer_label.setStyleSheet("")
        else:
            spent = ((item.ended_at or current) - item.started_at).total_seconds()
            planned = (item.planned_minutes or 0) * 60
            text = minutes_text(spent) + (f" / {minutes_text(planned)}" if planned else "")
            self.item_timer_label.setText(self.tr("Current item: %1").replace("%1", text))
            colour = ""
            if planned and spent > planned:
                colour = "color: #d32f2f; font-weight: bold;"
            elif planned and spent >= AMBER_AT * planned:
                colour = "color: #b26a00; font-weight: bold;"
            self.item_timer_label.setStyleSheet(colour)
        planned_total = sum(i.planned_minutes or 0 for i in self.record.agenda) * 60
        if c.started_at and planned_total:
            run = ((c.ended_at or current) - c.started_at).total_seconds() - planned_total
            word = self.tr("over") if run > 0 else self.tr("under")
            self.total_label.setText(
                self.tr("Meeting: %1 %2 the planned %3")
                .replace("%1", minutes_text(abs(run)))
                .replace("%2", word)
                .replace("%3", minutes_text(planned_total))
            )
        else:
            self.total_label.setText("")

    # --- agenda and notes --------------------------------------------------------------------

    def _selected_agenda_id(self) -> int | None:
        if not hasattr(self, "agenda_view"):
            return None
        index = self.agenda_view.currentIndex()
        return self.agenda_model.record(index.row()).id if index.isValid() else None

    def select_agenda_item(self, item_id: int) -> None:
        row = self.agenda_model.row_of(item_id)
        if row >= 0:
            self.agenda_view.selectRow(row)
            self.agenda_view.setCurrentIndex(self.agenda_model.index(row, 0))

    def _agenda_row_changed(self, current: Any, previous: Any) -> None:
        if self._reloading:
            return
        item = self.agenda_model.record(current.row()) if current.isValid() else None
        if item is not None and item.id == self._notes_item_id:
            return
        self.save_notes(wait=True)  # never lose what was typed under the item we leave
        if item is not None:
            # Saving may have reloaded the models: put the selection back on the item chosen.
            self._reloading = True
            try:
                reselect(self.agenda_view, self.agenda_model.row_of(item.id))
            finally:
                self._reloading = False
            item = next((i for i in self.record.agenda if i.id == item.id), item)
        self._loading = True
        self._notes_item_id = item.id if item else None
        self.notes_title.setText(html.escape(item.title) if item else "")
        text = ""
        if item is not None and item.id is not None:
            self.notes_saver.known(item.id, item.notes)
            text = self.notes_saver.text(item.id) or ""
        self.notes_edit.set_notes(text)
        self.notes_edit.setEnabled(item is not None)
        self._loading = False
        self._notes_dirty = False
        self._show_notes_state(fresh=True)

    def _take_stored_notes(self) -> None:
        """Show notes changed elsewhere, unless the chair has typing not yet saved."""
        item = next((i for i in self.record.agenda if i.id == self._notes_item_id), None)
        if item is None or item.id is None or self._notes_dirty:
            return
        if item.id in self.notes_saver.pending():
            return  # the chair's text is on its way to the database: it wins
        shown = self.notes_saver.text(item.id)
        stored = item.notes or ""
        self.notes_saver.known(item.id, stored)
        if shown != stored:
            cursor = self.notes_edit.textCursor().position()
            self._loading = True
            self.notes_edit.set_notes(stored)
            self._loading = False
            text_cursor = self.notes_edit.textCursor()
            text_cursor.setPosition(min(cursor, self.notes_edit.document().characterCount() - 1))
            self.notes_edit.setTextCursor(text_cursor)

    def _notes_changed(self) -> None:
        if self._loading:
            return
        if not self.notes_deadline.isActive():
            self.notes_deadline.start()
        self.notes_timer.start()
        if not self._notes_dirty:
            self._notes_dirty = True
            self._show_notes_state()

    def save_notes(self, wait: bool = False) -> bool:
        """Hand the notes typed to the saver (the timers call this); True if nothing is unsaved.

        With ``wait`` it waits (briefly) until they are stored: before the item changes, an
        export, finalising or closing.
        """
        self.notes_timer.stop()
        self.notes_deadline.stop()
        item_id = self._notes_item_id
        if item_id is not None and not self._loading and self._notes_dirty:
            self._notes_dirty = False
            item = next((i for i in self.record.agenda if i.id == item_id), None)
            if item is not None and self.notes_saver.text(item_id) is None:
                self.notes_saver.known(item_id, item.notes)
            self.notes_saver.save(item_id, self.notes_edit.notes())
        done = self.notes_saver.flush() if wait else not self.notes_saver.pending()
        self._show_notes_state()
        return done

    def _notes_saved(self, item_id: int) -> None:
        item = next((i for i in self.record.agenda if i.id == item_id), None)
        if item is not None:
            item.notes = self.notes_saver.text(item_id)
        self._notes_error = ""
        self._show_notes_state()

    def _notes_lost(self, item_id: int, message: str) -> None:
        self._notes_error = message
        self._show_notes_state()

    def _show_notes_state(self, fresh: bool = False) -> None:
        """What the chair must know about the notes: saved, on the way, or not saved yet."""
        saver = self.notes_saver
        if saver.failing():
            if isinstance(saver.last_error, DatabaseLockedError):
                text = self.tr("Not saved yet: the database is busy; retrying…")
            else:
                text = self.tr("Not saved yet: %1 Retrying…").replace("%1", str(saver.last_error))
            style = "color: #d32f2f; font-weight: bold;"
        elif self._notes_error:
            text = self.tr("Not saved: %1").replace("%1", self._notes_error)
            style = "color: #d32f2f; font-weight: bold;"
        elif self._notes_dirty or saver.pending():
            text, style = self.tr("Saving…"), ""
        elif saver.last_saved is not None and not fresh:
            text = self.tr("Saved %1").replace("%1", saver.last_saved.strftime("%H:%M:%S"))
            style = ""
        else:
            text, style = "", ""
        if self.notes_state.text() != text:
            self.notes_state.setText(text)
        if self.notes_state.styleSheet() != style:
            self.notes_state.setStyleSheet(style)

    def next_item(self) -> None:
        """Close the running item and start the next one (the first unstarted if none runs)."""
        self.save_notes(wait=True)
        agenda = self.record.agenda
        if not agenda:
            return
        current_id = self.record.conference.current_agenda_item_id
        ids = [i.id for i in agenda]
        if current_id in ids:
            position = ids.index(current_id) + 1
            if position >= len(ids):
                self.show_message(self.tr("That was the last agenda item."))
                return
        else:
            # Nothing running: the first item not yet started (the first, at the meeting's start).
            position = next((n for n, i in enumerate(agenda) if i.started_at is None), 0)
        target = agenda[position]
        running = agenda[ids.index(current_id)] if current_id in ids else None
        ops.next_agenda_item(self.controller, running, target)
        self.select_agenda_item(target.id or 0)

    def _edit_agenda_cell(self, item_id: int, field: str, value: Any) -> bool:
        return ops.edit_agenda_item(self.controller, item_id, field, value)

    def add_agenda_item(self) -> None:
        """A new item after the selected one (at the end if none is selected)."""
        title = self.new_item.text()
        minutes = self.new_item_minutes.value() or None
        selected = self._selected_agenda_id()
        ids = [i.id for i in self.record.agenda]
        index = ids.index(selected) + 1 if selected in ids else len(ids)
        if ops.add_agenda_item(self.controller, title, minutes, index) is None:
            return
        self.new_item.clear()
        self.new_item_minutes.setValue(0)

    def remove_agenda_item(self) -> None:
        selected = self._selected_agenda_id()
        item = next((i for i in self.record.agenda if i.id == selected), None)
        if item is None or item.id is None:
            return
        self.save_notes(wait=True)
        position = [i.id for i in self.record.agenda].index(item.id)
        item_id = item.id
        notes = self.notes_saver.text(item_id) or item.notes
        if ops.remove_agenda_item(self.controller, item, position, notes):
            self.notes_saver.forget(item_id)

    def move_agenda_item(self, step: int) -> None:
        selected = self._selected_agenda_id()
        ids = [i.id for i in self.record.agenda]
        if selected not in ids or selected is None:
            return
        self._move_agenda_item_to(selected, ids.index(selected) + step)

    def _move_agenda_item_to(self, item_id: int, new: int) -> None:
        """Move an item to row ``new`` (by keyboard or drag), undoably."""
        ids = [i.id for i in self.record.agenda]
        if item_id not in ids or not 0 <= new < len(ids):
            return
        old = ids.index(item_id)
        if old == new:
            return
        if not ops.move_agenda_item(self.controller, item_id, old, new):
            return
        self.select_agenda_item(item_id)

    def toggle_restricted(self) -> None:
        selected = self._selected_agenda_id()
        item = next((i for i in self.record.agenda if i.id == selected), None)
        if item is None or item.id is None:
            return
        ops.toggle_restricted(self.controller, item)

    def focus_new_attendee(self) -> None:
        self.side_tabs.setCurrentIndex(0)
        self.new_name.setFocus()

    def focus_new_action(self) -> None:
        self.side_tabs.setCurrentIndex(1)
        self.action_description.setFocus()

    # --- changes -----------------------------------------------------------------------------

    def _on_change(self, _changes: list[Change]) -> None:
        if not self._closing:
            self.reload()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.save_notes(wait=True):
            # Never close on typing not stored: the chair is told, the text stays, retries go on.
            event.ignore()
            self.show_message(
                self.tr(
                    "The notes are not saved yet, so this window stays open; it keeps trying. "
                    "Close it again once the notes show Saved."
                ),
                error=True,
            )
            self.notes_edit.setFocus()
            return
        self._closing = True
        self.controller.close()
        self.clock.stop()
        super().closeEvent(event)
