"""The live workspace: the one window a chair types into while chairing a conference.

Every edit is stored at once through the services (nothing to save); structured edits go on an
undo stack (``ops``); notes are saved as typed (within a second of any keystroke, off the GUI
thread, retried until stored: see ``notes``) and before switching items. The current agenda
item is stored, so closing and reopening puts the chair back where they were, timer included
(the timer runs from the item's stored start).

This window only lays out the panels (each built with the ``WorkspaceController``), wires the
menus and shortcuts and closes safely; the panels do the work.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.clock import now
from mdcc_desktop.domain.models import (
    ConferenceRecord,
    ConferenceStatus,
    CopyKind,
)
from mdcc_desktop.domain.profiles import Profile
from mdcc_desktop.resources import apply_icons
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.events import Change
from mdcc_desktop.ui.lock.manager import lock_action
from mdcc_desktop.ui.widgets.common import add_action
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.actions import ActionsPanel
from mdcc_desktop.ui.workspace.attendees import AttendeesPanel
from mdcc_desktop.ui.workspace.controller import PANELS, WorkspaceController, panels_to_refresh
from mdcc_desktop.ui.workspace.decisions import DecisionsPanel
from mdcc_desktop.ui.workspace.details import DetailsPanel
from mdcc_desktop.ui.workspace.editing import pass_undo_to_window
from mdcc_desktop.ui.workspace.header import WorkspaceHeader
from mdcc_desktop.ui.workspace.keyboard import focus_first_field, wire_side_tabs
from mdcc_desktop.ui.workspace.meeting import AgendaAndNotes
from mdcc_desktop.ui.workspace.minutes_menu import MinutesActions
from mdcc_desktop.ui.workspace.safety import SafetyPanel
from mdcc_desktop.ui.workspace.side_tabs import SideTabs

# The share of the width each column takes (agenda, notes, side tabs): the notes, where the
# chair types all meeting, get the widest column, also on a 1366x768 laptop.
COLUMN_SHARES = (4, 9, 7)


class Columns(QSplitter):
    """Columns that take their shares of the width when first shown (later, where the chair
    drags them)."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.property("sized"):
            self.setProperty("sized", True)
            total = sum(COLUMN_SHARES)
            self.setSizes([self.width() * share // total for share in COLUMN_SHARES])


def columns(parent: QWidget, *panels: QWidget) -> QSplitter:
    """The agenda, the notes and the side tabs side by side, the notes widest."""
    splitter = Columns(parent)
    for combo in panels[-1].findChildren(QComboBox):  # a long choice must not widen the column
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(5)
    for index, (panel, share) in enumerate(zip(panels, COLUMN_SHARES, strict=True)):
        splitter.addWidget(panel)
        splitter.setStretchFactor(index, share)
        panel.setMinimumWidth(0)
    splitter.setSizes([share * 100 for share in COLUMN_SHARES])
    return splitter


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
        self._closing = False
        self._close_refused = False

        self.header = WorkspaceHeader(self.controller, self)
        h = self.header
        self.title_label, self.times_label = h.title_label, h.times_label
        self.elapsed_label, self.message_label = h.elapsed_label, h.message_label
        self.start_button, self.end_button = h.start_button, h.end_button
        self.deadlines_label, self.locked_banner = h.deadlines_label, h.locked_banner
        self.meeting = AgendaAndNotes(self.controller, self)
        g = self.meeting
        self.agenda_panel, self.notes_panel = g.agenda_panel, g.notes_panel
        self.agenda_model, self.agenda_view = g.agenda_model, g.agenda_view
        self.new_item, self.new_item_minutes = g.new_item, g.new_item_minutes
        self.item_timer_label, self.total_label = g.item_timer_label, g.total_label
        self.next_button, self.notes_title = g.next_button, g.notes_title
        self.notes_edit, self.notes_state = g.notes_edit, g.notes_state
        self.notes_timer, self.notes_deadline = g.notes_timer, g.notes_deadline
        self.notes_saver = self.controller.notes_saver
        self.next_item, self.select_agenda_item = g.next_item, g.select_agenda_item
        self.save_notes, self.add_agenda_item = g.save_notes, g.add_agenda_item
        self.remove_agenda_item, self.move_agenda_item = g.remove_agenda_item, g.move_agenda_item
        self.toggle_restricted = g.toggle_restricted
        self._selected_agenda_id = g._selected_agenda_id
        self._build_side()
        splitter = columns(self, self.agenda_panel, self.notes_panel, self.side_tabs)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self.undo_passer = pass_undo_to_window(self)  # Ctrl+Z from a field with no history

        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self._tick)
        self.clock.start()

        self.controller.changed.connect(self._on_change)
        self.controller.flushing.connect(lambda: self.meeting.save_notes(wait=False))
        self.resize(1320, 740)
        self.reload()
        self.meeting.restore_current_item()

    # --- building ----------------------------------------------------------------------------

    def _build_side(self) -> None:
        self.side_tabs = SideTabs(self)
        self.side_tabs.setAccessibleName(self.tr("Attendees and actions"))
        self.attendees_panel = AttendeesPanel(self.controller, self)
        self.attendees_page = self.attendees_panel
        self.side_tabs.add_page(self.attendees_panel, self.tr("Attendee&s"), scroll=False)
        self.actions_panel = ActionsPanel(self.controller, self)
        self.side_tabs.add_page(self.actions_panel, self.tr("Acti&ons"))
        # The panels' widgets and edits under the names the menus and callers know.
        a = self.attendees_panel
        self.attendee_model, self.attendee_view = a.attendee_model, a.attendee_view
        self.new_name, self.new_agency, self.new_role = a.new_name, a.new_agency, a.new_role
        self.people_model, self.add_attendee_button = a.people_model, a.add_attendee_button
        self.check_in_button, self.left_button = a.check_in_button, a.left_button
        self.attendance_warnings, self.quorum_label = a.attendance_warnings, a.quorum_label
        self.attendee_details, self.add_attendee = a.attendee_details, a.add_attendee
        self.check_in, self.mark_left = a.check_in, a.mark_left
        self.selected_attendee = a.selected_attendee
        b = self.actions_panel
        self.action_model, self.action_view = b.action_model, b.action_view
        self.action_description, self.action_owner = b.action_description, b.action_owner
        self.action_due, self.due_review = b.action_due, b.due_review
        self.due_plus5, self.due_plus10 = b.due_plus5, b.due_plus10
        self.add_action_button, self.action_details = b.add_action_button, b.action_details
        self.add_action = b.add_action
        self.decisions_panel = DecisionsPanel(self.controller, self)
        self.side_tabs.add_page(self.decisions_panel, self.tr("&Decisions"))
        self.safety_panel = SafetyPanel(self.controller, self)
        self.safety_index = self.side_tabs.add_page(self.safety_panel, self.tr("Sa&fety"))
        self.details_panel = DetailsPanel(self.controller, self)
        self.side_tabs.add_page(self.details_panel, self.tr("Deta&ils"), scroll=False)
        wire_side_tabs(self.side_tabs)

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
        self.previous_action = self._action(
            self.tr("Pre&vious agenda item"), "Ctrl+[", self.meeting.previous_item, "previous_item"
        )
        self.make_current_action = self._action(
            self.tr("Make the selected item &current"),
            "Ctrl+Shift+Return",
            self.meeting.make_selected_current,
            "make_current",
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
            lambda: focus_first_field(self.side_tabs.currentWidget()),
            "focus_side",
        )
        self._action(self.tr("Close"), "Ctrl+W", self.close, "close")
        # Set by the home window: Ctrl+Q quits the app from here too.
        self.quit_requested: Any = None
        self.quit_action = self._action(
            self.tr("&Quit"), "Ctrl+Q", lambda: (self.quit_requested or self.close)(), "quit"
        )
        # Set by the home window: opens a conference's workspace (Ctrl+F's results use it).
        self.open_requested: Any = None
        self.tracker_requested: Any = None
        self.search_action = self._action(
            self.tr("&Search everything"), "Ctrl+F", self._search, "search"
        )
        self.read_back_action = self._action(
            self.tr("&Read back…"), "Ctrl+Shift+R", self.show_read_back, "read_back"
        )
        meeting = self.menuBar().addMenu(self.tr("&Meeting"))
        self.meeting_actions = (
            *(self.start_action, self.end_action, self.next_action),
            *(self.previous_action, self.make_current_action),
        )
        meeting.addActions(list(self.meeting_actions))
        meeting.addSeparator()
        meeting.addAction(self.read_back_action)
        meeting.addSeparator()
        meeting.addAction(lock_action(self))  # Ctrl+L (ui/lock)
        meeting.addAction(self.quit_action)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        people = self.menuBar().addMenu(self.tr("&People"))
        step_out = self.attendee_details.room.step_out_action
        people.addActions(
            [self.add_attendee_action, self.check_in_action, self.left_action, step_out]
        )
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
        m.add_record_actions(minutes)
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
        apply_icons(self)  # each named action's icon, in the palette's text colour

    def show_read_back(self) -> None:
        from mdcc_desktop.ui.workspace.readback import show_read_back

        show_read_back(self)

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
            *self.meeting_actions,
            self.add_attendee_action,
            self.check_in_action,
            self.left_action,
            self.finalise_action,
            self.amendments_action,
        ):
            action.setEnabled(not locked)
        self.reopen_action.setEnabled(locked)

    def _search(self) -> None:
        from mdcc_desktop.ui.followup.search_window import search_beside  # beside the meeting

        search_beside(self, self.services, self.open_requested)

    def show_shortcuts(self) -> None:
        from mdcc_desktop.ui.home.help import workspace_card  # made from this window's actions

        if self.prompter is not None:
            self.prompter.info(self, self.tr("Keyboard shortcuts"), workspace_card(self))

    # --- loading -----------------------------------------------------------------------------

    def reload(self, panels: frozenset[str] = PANELS) -> None:
        """Read the conference again and show it in ``panels`` (all unless a change says which)."""
        record = self.controller.load()
        if record is None:
            return
        c = record.conference
        children = ", ".join(ch.name for ch in record.children)
        self.setWindowTitle(f"{record.case.reference} · {children}")
        self.header.refresh(record)
        for name, panel in (
            ("attendees", self.attendees_panel),
            ("actions", self.actions_panel),
            ("meeting", self.meeting),
            ("decisions", self.decisions_panel),
            ("safety", self.safety_panel),
            ("details", self.details_panel),
        ):
            if name in panels:
                panel.refresh(record)
        self.side_tabs.setTabVisible(
            self.safety_index,
            bool(self.profile and self.profile.signs_of_safety) or c.has_safety_mapping,
        )
        self._update_locked()
        self._tick()

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
        current = now()
        self.header.tick(current)
        self.meeting.tick(current)

    # --- agenda and notes --------------------------------------------------------------------

    def focus_new_attendee(self) -> None:
        self.side_tabs.setCurrentIndex(0)
        self.new_name.setFocus()

    def focus_new_action(self) -> None:
        self.side_tabs.setCurrentIndex(1)
        self.action_description.setFocus()

    # --- changes -----------------------------------------------------------------------------

    @property
    def _notes_item_id(self) -> int | None:
        return self.meeting.notes_item_id

    def _on_change(self, changes: list[Change]) -> None:
        if not self._closing:
            self.reload(panels_to_refresh(changes))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.save_notes(wait=True) and not (
            # Asked again: the chair may keep the unsaved notes in a file of their choice.
            self._close_refused and self.meeting.keep_unsaved_notes_in_file(self.prompter)
        ):
            # Never close on typing not stored: the chair is told, the text stays, retries go on.
            self._close_refused = True
            event.ignore()
            self.show_message(
                self.tr(
                    "The notes are not saved yet, so this window stays open; it keeps trying. "
                    "Close it again once the notes show Saved, or to save them to a file."
                ),
                error=True,
            )
            self.notes_edit.setFocus()
            return
        self._closing = True
        self.controller.close()
        self.clock.stop()
        super().closeEvent(event)
