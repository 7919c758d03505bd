"""The workspace's state and edits, apart from any widget.

A ``WorkspaceController`` holds the services, the conference being chaired, its record and
profile, the undo stack and the map of ids that undo and redo renumber. The window and every
panel are built with it; none of them imports another, so each panel can be read (and tested)
knowing only the controller. Refusals are not shown here: the controller emits ``message`` and
the window puts it inline.

Changes: an edit made through the controller (``operation``, and so ``run``, ``attempt`` and
``push_update``) publishes its changes with the controller as initiator; they are gathered and
the workspace is told once, when the edit is over, instead of once per change. Notes stored by
the controller's own notes saver are skipped: the editor shows them already. Changes to other
conferences are skipped. ``suspend``/``resume`` (for the auto-lock) stop and restart the
refreshes; ``flush`` stores typing not yet saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.models import ConferenceRecord
from mdcc_desktop.domain.profiles import Profile
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.events import Change
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets.bridge import ChangeBridge
from mdcc_desktop.ui.widgets.commands import IdMap, add_command, remove_command, update_command
from mdcc_desktop.ui.workspace.notes import NotesSaver

T = TypeVar("T")

# The workspace's parts a change can touch. The header (deadlines), the lock, the Safety tab's
# visibility and the timers are refreshed on any change; the parts below only when a change
# touches what they show.
PANELS = frozenset({"attendees", "actions", "meeting", "decisions", "safety", "details"})
PANELS_BY_ENTITY: dict[str, frozenset[str]] = {
    "attendee": frozenset({"attendees", "actions", "decisions", "safety"}),  # names everywhere
    "distribution": frozenset({"attendees"}),
    "agenda_item": frozenset({"meeting", "actions"}),  # actions link to agenda items
    "action": frozenset({"actions"}),
    "decision": frozenset({"decisions", "actions"}),  # actions link to decisions
    "household": frozenset({"details"}),
    "safety": frozenset({"safety"}),
    "child": frozenset({"details"}),
    "case": frozenset({"details"}),
}


def panels_to_refresh(changes: list[Change]) -> frozenset[str]:
    """The panels showing what ``changes`` touched: all of them for a change to the conference
    itself, its minutes, an entity not listed, or no list at all (read everything)."""
    if not changes:
        return PANELS
    panels: set[str] = set()
    for change in changes:
        touched = PANELS_BY_ENTITY.get(change.entity)
        if touched is None:
            return PANELS
        panels |= touched
    return frozenset(panels)


class WorkspaceController(QObject):
    """One open conference: what the workspace shows and the one way each edit is made."""

    message = Signal(str, bool)  # text (empty clears), whether it is an error
    record_loaded = Signal(object)  # the ConferenceRecord just read
    changed = Signal(list)  # the Changes the workspace should show (empty: read everything)
    flushing = Signal()  # hand over typing not yet given to the notes saver (connect directly)
    suspended = Signal(bool)  # True when suspended, False when resumed

    def __init__(self, services: Services, conference_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self.services = services
        self.conferences = services.conferences
        self.conference_id = conference_id
        self.undo_stack = QUndoStack(self)
        self.ids = IdMap()
        self._record: ConferenceRecord | None = None
        self.profile: Profile | None = None
        self.notes_saver = NotesSaver(services, self)
        self._closed = False
        self._suspended = False
        self._operations = 0  # edits under way (nested)
        self._own: list[Change] = []  # their changes, told once the outermost is over
        self.bridge = ChangeBridge(services.events, self)
        self.bridge.changed.connect(self._on_change)

    @property
    def loaded(self) -> bool:
        """Whether the record has been read at least once."""
        return self._record is not None

    @property
    def record(self) -> ConferenceRecord:
        """The conference as last read (``load`` first)."""
        if self._record is None:
            raise RuntimeError("the workspace's record is read before it is used")
        return self._record

    # --- reading -----------------------------------------------------------------------------

    def load(self) -> ConferenceRecord | None:
        """Read the conference again; None (and the reason shown) when it cannot be read."""
        try:
            record = self.conferences.record(self.conference_id)
        except MdccError as exc:
            self.show_message(message_text(exc), error=True)
            return None
        self._record = record
        self.profile = self.services.profiles.find(record.conference.jurisdiction)
        self.record_loaded.emit(record)
        return record

    def meeting_day(self) -> dt.date | None:
        """The day the conference is held (its start, else its scheduled start), in local time:
        a time typed without a date falls on it."""
        if self._record is None:
            return None
        c = self._record.conference
        return (c.started_at or c.scheduled_start).astimezone().date()

    def suggested_review_date(self) -> dt.date | None:
        """The review date the profile's rule gives, from the conference's date."""
        if self.profile is None or self._record is None:
            return None
        c = self.record.conference
        for rule in self.profile.deadlines_for(c.type):
            if rule.key in ("first_review", "next_review") and rule.anchor == "conference":
                try:
                    return rule.due(
                        (c.started_at or c.scheduled_start).date(), self.profile.calendar
                    )
                except ValueError:  # cannot be computed (past the year 9999): no suggestion
                    return None
        return None

    # --- changes -----------------------------------------------------------------------------

    @contextmanager
    def operation(self) -> Iterator[None]:
        """An edit: its changes carry this controller and the workspace is told once, at the end."""
        self._operations += 1
        try:
            with self.services.events.initiated_by(self):
                yield
        finally:
            self._operations -= 1
            if not self._operations and self._own:
                own, self._own = self._own, []
                if not self._closed and not self._suspended:
                    self.changed.emit(own)

    def _on_change(self, change: Change) -> None:
        if self._closed:
            return
        if change.initiator is self.notes_saver:
            return  # our own notes, stored: the editor shows them already
        if change.conference_id != self.conference_id and change.entity not in (
            "child",
            "case",
            "database",  # another process wrote: anything may have changed
        ):
            return
        if change.initiator is self and self._operations:
            self._own.append(change)
            return
        if self._suspended:
            return  # read again on resume
        self.changed.emit([change])

    # --- suspending (auto-lock) --------------------------------------------------------------

    def flush(self, timeout: float = 3.0) -> bool:
        """Store the typing not yet saved, waiting up to ``timeout`` s; True if all stored."""
        self.flushing.emit()
        return self.notes_saver.flush(timeout)

    def suspend(self) -> bool:
        """Store pending typing and stop refreshing (the window is about to be hidden or locked).

        True if everything typed is stored; the saver keeps retrying otherwise.
        """
        stored = self.flush()
        self._suspended = True
        self.suspended.emit(True)
        return stored

    def resume(self) -> None:
        """Refresh again, reading everything: anything may have changed meanwhile."""
        if not self._suspended:
            return
        self._suspended = False
        self.suspended.emit(False)
        self.changed.emit([])

    @property
    def is_suspended(self) -> bool:
        return self._suspended

    def close(self) -> None:
        """Stop listening and let the notes writer finish (flush first)."""
        self._closed = True
        self.notes_saver.close()

    # --- messages ----------------------------------------------------------------------------

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.emit(text, error)

    def run(self, call: Callable[[], T]) -> T | None:
        """The call's result, or None after showing why it was refused."""
        try:
            with self.operation():
                return call()
        except MdccError as exc:
            self.show_message(message_text(exc), error=True)
            return None

    def attempt(self, call: Callable[[], Any]) -> bool:
        """Whether the call went through (its refusal is shown inline)."""
        try:
            with self.operation():
                call()
        except MdccError as exc:
            self.show_message(message_text(exc), error=True)
            return False
        self.show_message("")
        return True

    # --- undoable edits ----------------------------------------------------------------------

    def push_add(self, text: str, add_again: Any, remove: Any, first_id: int) -> None:
        """Put an addition already made on the undo stack."""
        self.undo_stack.push(add_command(text, add_again, remove, self.ids, first_id))

    def push_remove(self, text: str, add_again: Any, remove: Any, first_id: int) -> None:
        """Put a removal already made on the undo stack."""
        self.undo_stack.push(remove_command(text, add_again, remove, self.ids, first_id))

    def push_update(
        self, text: str, apply: Any, record_id: int, new: dict[str, Any], old: dict[str, Any]
    ) -> bool:
        """Apply a change and put it on the undo stack; False (refusal shown) if refused."""
        try:
            with self.operation():
                apply(record_id, new)
        except MdccError as exc:
            self.show_message(message_text(exc), error=True)
            return False
        self.show_message("")
        self.undo_stack.push(update_command(text, apply, self.ids, record_id, new, old))
        return True

    def set_conference(self, conference_id: int, changes: dict[str, Any]) -> None:
        self.conferences.update_conference(conference_id, **changes)

    def set_action(self, action_id: int, changes: dict[str, Any]) -> None:
        self.conferences.update_action(action_id, **changes)

    def set_attendee(self, attendee_id: int, changes: dict[str, Any]) -> None:
        self.conferences.update_attendee(attendee_id, **changes)
