"""The running of the meeting: the agenda (its timer, the next item, adding, removing, moving
and restricting items) and the notes typed under the selected item, saved as the chair types.

``AgendaAndNotes`` builds two widgets, ``agenda_panel`` and ``notes_panel``, that the window lays
out side by side; they share one selection, so they live together. The notes are handed to the
controller's notes saver after a pause in typing and at the latest NOTES_MAX_WAIT_MS after the
first keystroke not yet saved.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.models import AgendaItem, ConferenceRecord
from mdcc_desktop.services.files import save_export
from mdcc_desktop.store.errors import DatabaseLockedError
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets import dates, theme
from mdcc_desktop.ui.widgets.columns import stretch_column
from mdcc_desktop.ui.widgets.common import line_edit
from mdcc_desktop.ui.widgets.forms import announce, buddy_label, button, reselect
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.controller import WorkspaceController
from mdcc_desktop.ui.workspace.editing import TimeField, empty_entry
from mdcc_desktop.ui.workspace.exclusions import room_warning
from mdcc_desktop.ui.workspace.header import minutes_text
from mdcc_desktop.ui.workspace.models import AgendaModel
from mdcc_desktop.ui.workspace.notes import NOTES_MAX_WAIT_MS, NOTES_SAVE_DELAY_MS, NotesEdit
from mdcc_desktop.ui.workspace.section_picker import SectionPicker

AMBER_AT = 0.8  # the item timer turns amber at this share of the planned time


def behind_plan(record: ConferenceRecord, current: dt.datetime) -> float | None:
    """Seconds the meeting runs behind its agenda's plan (negative: ahead); None before it
    starts or without planned minutes. By now the plan has used the whole time since the start;
    the meeting has got through the planned minutes of the items it finished, and of the
    running item as far as it has run (an item over its time gets the meeting no further)."""
    c = record.conference
    if c.started_at is None or not any(i.planned_minutes for i in record.agenda):
        return None
    until = c.ended_at or current
    done = 0.0
    for item in record.agenda:
        planned = (item.planned_minutes or 0) * 60
        if item.ended_at is not None:
            done += planned
        elif item.started_at is not None and item.id == c.current_agenda_item_id:
            done += min(planned, max(0.0, (until - item.started_at).total_seconds()))
    return (until - c.started_at).total_seconds() - done


class AgendaAndNotes(QObject):
    """The agenda and the notes of its selected item, for one workspace."""

    def __init__(self, controller: WorkspaceController, host: QWidget) -> None:
        super().__init__(host)
        self.controller = controller
        self.host = host
        self.saver = controller.notes_saver
        self.notes_item_id: int | None = None
        self._notes_dirty = False  # typed since the text was last handed to the saver
        self._loading = False
        self._reloading = False
        self._build_agenda()
        self._build_notes()
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
        self.saver.saved.connect(self._notes_saved)
        self.saver.failed.connect(lambda _item, _message: self._show_notes_state())
        self.saver.lost.connect(self._notes_lost)
        self._notes_error = ""

    def refresh(self, record: ConferenceRecord) -> None:
        c = record.conference
        # Resetting the agenda must not touch the notes being typed: the editor stays on its item.
        self._reloading = True
        try:
            self.agenda_model.set_rows(record.agenda)
            self.agenda_model.set_current(c.current_agenda_item_id)
            row = self.agenda_model.row_of(self.notes_item_id)
            reselect(self.agenda_view, row)
        finally:
            self._reloading = False
        if self.notes_item_id is not None and self.agenda_model.row_of(self.notes_item_id) < 0:
            self._agenda_row_changed(self.agenda_view.currentIndex(), None)
        else:
            self._take_stored_notes()
            shown = next((i for i in record.agenda if i.id == self.notes_item_id), None)
            if shown is not None:  # renamed (here or elsewhere): the title above the notes follows
                self.notes_title.setText(html.escape(shown.title))
        self._show_item_times()
        self.section_picker.show_item(self.notes_item_id)

    def tick(self, current: dt.datetime) -> None:
        """The running item's time against its plan, and the meeting's against the agenda's."""
        c = self.controller.record.conference
        item = next(
            (i for i in self.controller.record.agenda if i.id == c.current_agenda_item_id), None
        )
        if item is None or item.started_at is None:
            self.item_timer_label.setText(self.tr("No agenda item running."))
            self.item_timer_label.setStyleSheet("")
            announce(self.item_timer_label, "")
        else:
            spent = ((item.ended_at or current) - item.started_at).total_seconds()
            planned = (item.planned_minutes or 0) * 60
            text = minutes_text(spent) + (f" / {minutes_text(planned)}" if planned else "")
            colour, state = "", ""
            if planned and spent > planned:
                colour = theme.style(theme.Tone.ERROR, bold=True)
                state = self.tr("The current item is over its planned time.")
                text = self.tr("%1, over time").replace("%1", text)
            elif planned and spent >= AMBER_AT * planned:
                colour = theme.style(theme.Tone.WARNING, bold=True)
                state = self.tr("The current item is near its planned time.")
            self.item_timer_label.setText(self.tr("Current item: %1").replace("%1", text))
            self.item_timer_label.setStyleSheet(colour)
            announce(self.item_timer_label, state)
        warning = room_warning(self.controller.record, current)
        self.room_warning.setText(warning)
        self.room_warning.setVisible(bool(warning))
        self._show_schedule(current)

    def _show_schedule(self, current: dt.datetime) -> None:
        """How far ahead or behind the meeting runs against its agenda's plan, in words."""
        record = self.controller.record
        behind = behind_plan(record, current)
        planned = minutes_text(sum(i.planned_minutes or 0 for i in record.agenda) * 60)
        if behind is None:
            text = ""
        elif behind >= 60:
            text = self.tr("Meeting: %1 behind the plan (%2 planned)")
        elif behind <= -60:
            text = self.tr("Meeting: %1 ahead of the plan (%2 planned)")
        else:
            text = self.tr("Meeting: on the plan (%2 planned)")
        shown = text.replace("%1", minutes_text(abs(behind or 0))).replace("%2", planned)
        self.total_label.setText(shown)
        late = behind is not None and behind >= 60
        self.total_label.setStyleSheet(theme.style(theme.Tone.WARNING, bold=True) if late else "")

    def _build_agenda(self) -> None:
        self.agenda_panel = QWidget(self.host)
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
        stretch_column(self.agenda_view, header, AgendaModel.COL_TITLE)
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
        # The selected item's start and end, typed or corrected.
        self.item_started = TimeField(
            self.tr("Selected item started at"),
            self.agenda_panel,
            default_day=self.controller.meeting_day,
            label=self.tr("Item started:"),
        )
        self.item_ended = TimeField(
            self.tr("Selected item ended at"),
            self.agenda_panel,
            default_day=self.controller.meeting_day,
            label=self.tr("Item ended:"),
        )
        self.item_started.edited.connect(
            lambda value: self._set_item_time(self.item_started, "started_at", value)
        )
        self.item_ended.edited.connect(
            lambda value: self._set_item_time(self.item_ended, "ended_at", value)
        )
        # The running item's timer: large, above the notes, where the chair looks.
        self.item_timer_label = QLabel(self.agenda_panel)
        self.item_timer_label.setAccessibleName(self.tr("Agenda item timer"))
        font = self.item_timer_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.item_timer_label.setFont(font)
        self.room_warning = QLabel(self.agenda_panel)
        self.room_warning.setAccessibleName(self.tr("Who is in the room"))
        self.room_warning.setWordWrap(True)
        self.room_warning.setStyleSheet(theme.style(theme.Tone.ERROR, bold=True))
        self.room_warning.hide()
        self.total_label = QLabel(self.agenda_panel)
        self.total_label.setWordWrap(True)
        self.item_timer_label.setWordWrap(True)
        self.next_button = button(
            self.tr("Next item ▶"), self.tr("Next agenda item"), self.next_item, self.agenda_panel
        )
        layout = QVBoxLayout(self.agenda_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("A&genda"), self.agenda_panel)
        label.setBuddy(self.agenda_view)
        layout.addWidget(label)
        layout.addWidget(self.agenda_view, 1)
        new_row = QHBoxLayout()
        new_row.addWidget(buddy_label(self.tr("New item:"), self.new_item, self.agenda_panel))
        new_row.addWidget(self.new_item, 1)
        layout.addLayout(new_row)
        minutes_row = QHBoxLayout()
        minutes_row.addWidget(
            buddy_label(self.tr("Planned:"), self.new_item_minutes, self.agenda_panel)
        )
        minutes_row.addWidget(self.new_item_minutes, 1)
        layout.addLayout(minutes_row)
        # The two times' labels (inside the fields, beside their line edits) line up.
        width = max(f.label.sizeHint().width() for f in (self.item_started, self.item_ended))
        for field in (self.item_started, self.item_ended):
            field.label.setMinimumWidth(width)
            layout.addWidget(field)
        layout.addWidget(self.next_button)

    def _build_notes(self) -> None:
        self.notes_panel = QWidget(self.host)
        self.notes_title = QLabel(self.notes_panel)
        self.notes_title.setWordWrap(True)
        self.section_picker = SectionPicker(self.controller, self.notes_panel)  # Tab: before
        self.notes_edit = NotesEdit(self.notes_panel)
        self.notes_edit.setAccessibleName(self.tr("Notes of the agenda item"))
        self.notes_edit.setPlaceholderText(self.tr("Notes are saved as you type."))
        # Tab moves on to the next field (a chair using the keyboard alone must get out).
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.textChanged.connect(self._notes_changed)
        self.notes_state = QLabel(self.notes_panel)
        layout = QVBoxLayout(self.notes_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        timer = QHBoxLayout()
        timer.addWidget(self.item_timer_label, 1)
        timer.addWidget(self.total_label)
        layout.addLayout(timer)
        layout.addWidget(self.room_warning)
        title = QHBoxLayout()
        title.addWidget(buddy_label(self.tr("Notes on:"), self.notes_edit, self.notes_panel))
        title.addWidget(self.notes_title, 1)
        layout.addLayout(title)
        layout.addWidget(self.section_picker)
        layout.addWidget(self.notes_edit, 1)
        layout.addWidget(self.notes_state)

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
        if item is not None and item.id == self.notes_item_id:
            return
        self.save_notes(wait=True)  # never lose what was typed under the item we leave
        if item is not None:
            # Saving may have reloaded the models: put the selection back on the item chosen.
            self._reloading = True
            try:
                reselect(self.agenda_view, self.agenda_model.row_of(item.id))
            finally:
                self._reloading = False
            item = next((i for i in self.controller.record.agenda if i.id == item.id), item)
        self._loading = True
        self.notes_item_id = item.id if item else None
        self.notes_title.setText(html.escape(item.title) if item else "")
        text = ""
        if item is not None and item.id is not None:
            self.saver.known(item.id, item.notes)
            text = self.saver.text(item.id) or ""
        self.notes_edit.set_notes(text)
        self.notes_edit.setEnabled(item is not None)
        self.section_picker.show_item(self.notes_item_id)
        self._loading = False
        self._show_item_times()
        self._notes_dirty = False
        self._show_notes_state(fresh=True)

    def _take_stored_notes(self) -> None:
        """Show notes changed elsewhere, unless the chair has typing not yet saved."""
        item = next((i for i in self.controller.record.agenda if i.id == self.notes_item_id), None)
        if item is None or item.id is None or self._notes_dirty:
            return
        if item.id in self.saver.pending():
            return  # the chair's text is on its way to the database: it wins
        shown = self.saver.text(item.id)
        stored = item.notes or ""
        self.saver.known(item.id, stored)
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
        item_id = self.notes_item_id
        if item_id is not None and not self._loading and self._notes_dirty:
            self._notes_dirty = False
            item = next((i for i in self.controller.record.agenda if i.id == item_id), None)
            if item is not None and self.saver.text(item_id) is None:
                self.saver.known(item_id, item.notes)
            self.saver.save(item_id, self.notes_edit.notes())
        done = self.saver.flush() if wait else not self.saver.pending()
        self._show_notes_state()
        return done

    def keep_unsaved_notes_in_file(self, prompter: Any) -> bool:
        """The way out when the notes cannot be stored (the database held by another program):
        the chair picks a file, the unsaved texts go there (0600, each under its item's title),
        and the saver stops trying them. True if they were written; False keeps them waiting."""
        pending = self.saver.pending()
        if not pending:
            return True
        conference_id = self.controller.record.conference.id
        path = prompter.save_file(
            self.host,
            self.tr("The notes cannot be saved to the database: save them to a file to close"),
            f"unsaved-notes-conference-{conference_id}.txt",
            self.tr("Text files (*.txt)"),
        )
        if path is None:
            return False
        titles = {item.id: item.title for item in self.controller.record.agenda}
        text = "\n\n".join(
            f"{titles.get(item_id, '')}\n\n{body}" for item_id, body in pending.items()
        )
        try:
            save_export(path, text.encode("utf-8"), "unsaved-notes.txt")
        except MdccError as exc:
            prompter.error(self.host, self.tr("The notes were not written"), message_text(exc))
            return False
        for item_id in pending:
            self.saver.forget(item_id)
        return True

    def _notes_saved(self, item_id: int) -> None:
        item = next((i for i in self.controller.record.agenda if i.id == item_id), None)
        if item is not None:
            item.notes = self.saver.text(item_id)
        self._notes_error = ""
        self._show_notes_state()

    def _notes_lost(self, item_id: int, message: str) -> None:
        self._notes_error = message
        self._show_notes_state()

    def _show_notes_state(self, fresh: bool = False) -> None:
        """What the chair must know about the notes: saved, on the way, or not saved yet."""
        saver = self.saver
        if saver.failing():
            if isinstance(saver.last_error, DatabaseLockedError):
                text = self.tr("Not saved yet: the database is busy; retrying…")
            else:
                text = self.tr("Not saved yet: %1 Retrying…").replace(
                    "%1", message_text(saver.last_error or "")
                )
            style = theme.style(theme.Tone.ERROR, bold=True)
        elif self._notes_error:
            text = self.tr("Not saved: %1").replace("%1", self._notes_error)
            style = theme.style(theme.Tone.ERROR, bold=True)
        elif self._notes_dirty or saver.pending():
            text, style = self.tr("Saving…"), ""
        elif saver.last_saved is not None and not fresh:
            text = self.tr("Saved %1").replace("%1", dates.format_time(saver.last_saved))
            style = ""
        else:
            text, style = "", ""
        if self.notes_state.text() != text:
            self.notes_state.setText(text)
        if self.notes_state.styleSheet() != style:
            self.notes_state.setStyleSheet(style)
        # A save that failed is spoken, not only shown in red.
        announce(self.notes_state, text if style else "")

    def next_item(self) -> None:
        """Close the running item and start the next one (the first unstarted if none runs)."""
        self.save_notes(wait=True)
        agenda = self.controller.record.agenda
        if not agenda:
            return
        current_id = self.controller.record.conference.current_agenda_item_id
        ids = [i.id for i in agenda]
        if current_id in ids:
            position = ids.index(current_id) + 1
            if position >= len(ids):
                self.controller.show_message(self.tr("That was the last agenda item."))
                return
        else:
            # Nothing running: the first item not yet started (the first, at the meeting's start).
            position = next((n for n, i in enumerate(agenda) if i.started_at is None), 0)
        target = agenda[position]
        running = agenda[ids.index(current_id)] if current_id in ids else None
        ops.next_agenda_item(self.controller, running, target)
        self.select_agenda_item(target.id or 0)

    def previous_item(self) -> None:
        """Go back to the item before the running one (it runs again; the one left is closed)."""
        agenda = self.controller.record.agenda
        current_id = self.controller.record.conference.current_agenda_item_id
        ids = [i.id for i in agenda]
        if current_id not in ids:
            self.controller.show_message(self.tr("No agenda item is running."))
            return
        position = ids.index(current_id)
        if position == 0:
            self.controller.show_message(self.tr("That is the first agenda item."))
            return
        self._make_current(agenda[position - 1], self.tr("previous agenda item"))

    def make_selected_current(self) -> None:
        """The agenda item selected becomes the running one (the one running is closed)."""
        selected = self._selected_agenda_id()
        item = next((i for i in self.controller.record.agenda if i.id == selected), None)
        if item is None:
            self.controller.show_message(self.tr("Select the agenda item to make current."))
            return
        if item.id == self.controller.record.conference.current_agenda_item_id:
            return
        self._make_current(item, self.tr("make an agenda item current"))

    def _make_current(self, target: AgendaItem, text: str) -> None:
        self.save_notes(wait=True)
        agenda = self.controller.record.agenda
        current_id = self.controller.record.conference.current_agenda_item_id
        running = next((i for i in agenda if i.id == current_id), None)
        ops.next_agenda_item(self.controller, running, target, text)
        self.select_agenda_item(target.id or 0)

    def _show_item_times(self) -> None:
        selected = self._selected_agenda_id()
        item = next((i for i in self.controller.record.agenda if i.id == selected), None)
        for field, value in (
            (self.item_started, item.started_at if item else None),
            (self.item_ended, item.ended_at if item else None),
        ):
            field.set_value(value)
            field.setEnabled(item is not None)

    def _set_item_time(self, field: TimeField, name: str, value: Any) -> None:
        selected = self._selected_agenda_id()
        if selected is None:
            return
        field.apply(
            self.controller,
            lambda: ops.edit_agenda_item(self.controller, selected, name, value),
        )

    def _edit_agenda_cell(self, item_id: int, field: str, value: Any) -> bool:
        return ops.edit_agenda_item(self.controller, item_id, field, value)

    def add_agenda_item(self) -> None:
        """A new item after the selected one (at the end if none is selected)."""
        title = self.new_item.text()
        minutes = self.new_item_minutes.value() or None
        selected = self._selected_agenda_id()
        ids = [i.id for i in self.controller.record.agenda]
        index = ids.index(selected) + 1 if selected in ids else len(ids)
        if ops.add_agenda_item(self.controller, title, minutes, index) is None:
            return
        empty_entry(self.new_item)
        self.new_item_minutes.setValue(0)

    def remove_agenda_item(self) -> None:
        selected = self._selected_agenda_id()
        item = next((i for i in self.controller.record.agenda if i.id == selected), None)
        if item is None or item.id is None:
            return
        self.save_notes(wait=True)
        position = [i.id for i in self.controller.record.agenda].index(item.id)
        item_id = item.id
        notes = self.saver.text(item_id) or item.notes
        if ops.remove_agenda_item(self.controller, item, position, notes):
            self.saver.forget(item_id)

    def move_agenda_item(self, step: int) -> None:
        selected = self._selected_agenda_id()
        ids = [i.id for i in self.controller.record.agenda]
        if selected not in ids or selected is None:
            return
        self._move_agenda_item_to(selected, ids.index(selected) + step)

    def _move_agenda_item_to(self, item_id: int, new: int) -> None:
        """Move an item to row ``new`` (by keyboard or drag), undoably."""
        ids = [i.id for i in self.controller.record.agenda]
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
        item = next((i for i in self.controller.record.agenda if i.id == selected), None)
        if item is None or item.id is None:
            return
        ops.toggle_restricted(self.controller, item)

    def restore_current_item(self) -> None:
        current = self.controller.record.conference.current_agenda_item_id
        if current is not None:
            self.select_agenda_item(current)
        elif self.agenda_model.rowCount():
            self.agenda_view.selectRow(0)
