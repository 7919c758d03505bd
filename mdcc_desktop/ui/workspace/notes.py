"""The notes editor and the saver behind it: typing stays fast and nothing typed is lost.

:class:`NotesEdit` is a plain-text editor that stays quick with a megabyte of notes. Qt lays out
a whole paragraph again on every keystroke, so one line of a million characters costs most of a
second per key (and a long line without spaces far more). A line longer than
:data:`SOFT_BREAK_OVER` is therefore shown in pieces of about :data:`SOFT_PIECE` characters, one
paragraph each, broken after a space where there is one. Those breaks are soft: each piece that
continues a line starts with an invisible mark, and a break followed by its mark is not part of
the text (:meth:`NotesEdit.notes` and copying leave it out; Backspace and Delete beside one remove
a character of the text).

:class:`NotesSaver` stores the text of each agenda item at most a second after a keystroke, off
the GUI thread (:class:`~mdcc_desktop.services.notes.NotesWriter`), retries a save that failed
(the database busy, the disk full) on a timer with a growing delay until it succeeds, and says
what is not saved yet, so that the window can show it and refuse to close on unsaved text.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.events import Change, Entity
from mdcc_desktop.services.notes import NotesSaveResult
from mdcc_desktop.store.errors import StoreError
from mdcc_desktop.ui.messages import message_text

log = logging.getLogger(__name__)

# Lines longer than this are shown in pieces (a 10,000-character paragraph still lays out in a
# few milliseconds; a million-character one takes most of a second).
SOFT_BREAK_OVER = 10_000
SOFT_PIECE = 1_000
# A piece that continues a line starts with this invisible character (WORD JOINER): a paragraph
# break followed by it is a soft break, not part of the text. Being characters, soft breaks stay
# right through every edit, undo and redo; the editor keeps the cursor off their inside.
SOFT_MARK = "\u2060"
_PARAGRAPH = "\u2029"  # how Qt's raw text separates paragraphs

# Debounce: save 400 ms after the last keystroke, and at the latest 750 ms after the first one not
# yet saved, so that the write (a few ms; more for a megabyte) is stored within a second of any
# keystroke even while the chair types without a pause.
NOTES_SAVE_DELAY_MS = 400
NOTES_MAX_WAIT_MS = 750
# A failed save is tried again after these delays (the last one repeats until it succeeds).
RETRY_DELAYS_MS = (250, 500, 1000, 2000, 4000)


def has_long_line(text: str) -> bool:
    return len(text) > SOFT_BREAK_OVER and any(
        len(line) > SOFT_BREAK_OVER for line in text.split("\n")
    )


def soft_pieces(text: str) -> str:
    """``text`` as the editor holds it: lines over SOFT_BREAK_OVER in marked pieces."""
    if not has_long_line(text):
        return text
    pieces: list[str] = []
    for line in text.split("\n"):
        if len(line) <= SOFT_BREAK_OVER:
            pieces.append(line)
            continue
        start = 0
        while start < len(line):
            end = min(start + SOFT_PIECE, len(line))
            if end < len(line):
                space = line.rfind(" ", start + SOFT_PIECE * 4 // 5, end)
                if space >= 0:
                    end = space + 1  # the space stays at the end of the piece it ends
            pieces.append((SOFT_MARK if start else "") + line[start:end])
            start = end
    return "\n".join(pieces)


def plain_text(raw: str, soft: bool = True) -> str:
    """The text of the editor's raw text ``raw`` (paragraph separators, soft breaks)."""
    if soft:
        raw = raw.replace(_PARAGRAPH + SOFT_MARK, "").replace(SOFT_MARK, "")
    return raw.replace(_PARAGRAPH, "\n").replace("\u2028", "\n")


class NotesEdit(QPlainTextEdit):
    """A plain-text editor whose very long lines are shown in pieces (see the module's doc)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._soft = False  # may the document hold soft breaks? (False: the fast way)
        self._last_position = 0
        self.cursorPositionChanged.connect(self._keep_off_marks)

    def set_notes(self, text: str) -> None:
        self._soft = has_long_line(text)
        self.setPlainText(soft_pieces(text) if self._soft else text)
        self._last_position = 0

    def notes(self) -> str:
        """The text, without the soft breaks."""
        return plain_text(self.document().toRawText(), self._soft)

    def _mark_at(self, position: int) -> bool:
        """Is there a soft-break mark at the start of a paragraph at ``position``?"""
        block = self.document().findBlock(position)
        return block.position() == position and block.text().startswith(SOFT_MARK)

    def _keep_off_marks(self) -> None:
        """Never leave the cursor between a soft break and its mark (typing there would make
        the break hard): step over the mark the way the cursor was going."""
        cursor = self.textCursor()
        position = cursor.position()
        if self._soft and not cursor.hasSelection() and self._mark_at(position):
            if self._last_position == position + 1 and position > 0:
                cursor.setPosition(position - 1)  # going left: to the end of the piece before
            else:
                cursor.setPosition(position + 1)
            self._last_position = cursor.position()
            self.setTextCursor(cursor)
            return
        self._last_position = position

    def createMimeDataFromSelection(self) -> QMimeData:
        if not self._soft:
            return super().createMimeDataFromSelection()
        data = QMimeData()
        data.setText(plain_text(self.textCursor().selectedText()))
        return data

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = source.text().replace("\r\n", "\n").replace("\r", "\n")
        self._trim_selection()
        if self.isReadOnly() or not source.hasText() or not has_long_line(text):
            super().insertFromMimeData(source)
            return
        self._soft = True
        cursor = self.textCursor()
        cursor.insertText(soft_pieces(text))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def _trim_selection(self) -> None:
        """A selection starting just before a mark starts after it (the break stays soft)."""
        cursor = self.textCursor()
        if not (self._soft and cursor.hasSelection()):
            return
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        if self._mark_at(start) and end > start + 1:
            forward = cursor.anchor() == start
            cursor.setPosition(end if not forward else start + 1)
            cursor.setPosition(start + 1 if not forward else end, QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._soft and not self.isReadOnly():
            self._trim_selection()
            if self._soft_key(event):
                event.accept()
                self.ensureCursorVisible()
                return
        super().keyPressEvent(event)

    def _soft_key(self, event: QKeyEvent) -> bool:
        """Backspace and Delete beside a soft break remove a character of the text; True if
        handled."""
        cursor = self.textCursor()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        )
        if not plain or cursor.hasSelection():
            return False
        position = cursor.position()
        block = cursor.block()
        if (
            event.key() == Qt.Key.Key_Backspace
            and position == block.position() + 1
            and self._mark_at(block.position())
            and block.position() > 0
        ):
            cursor.setPosition(block.position() - 1)
            cursor.deletePreviousChar()
            self.setTextCursor(cursor)
            return True
        following = block.next()
        if (
            event.key() == Qt.Key.Key_Delete
            and cursor.atBlockEnd()
            and following.isValid()
            and self._mark_at(following.position())
        ):
            cursor.setPosition(following.position() + 1)
            cursor.deleteChar()
            cursor.setPosition(position)
            self.setTextCursor(cursor)
            return True
        return False


class _Relay(QObject):
    """Carries the writer's "a result is ready" from its thread to the GUI thread."""

    ready = Signal()


class NotesSaver(QObject):
    """Saves notes texts of one workspace through a background writer, retrying until stored.

    ``saved(item_id)`` says a text is stored (and nothing newer is waiting for that item);
    ``failed(item_id, message)`` says it is not yet, and why (a retry is scheduled);
    ``lost(item_id, message)`` says it cannot be stored at all (the item was removed, or the
    conference finalised meanwhile).
    """

    saved = Signal(int)
    failed = Signal(int, str)
    lost = Signal(int, str)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._relay = _Relay(self)
        self._relay.ready.connect(self.collect, Qt.ConnectionType.QueuedConnection)
        self._writer = services.notes_writer(notify=self._relay.ready.emit)
        self._seq = 0
        self._pending: dict[int, tuple[int, str]] = {}  # item -> newest text not yet stored
        self._stored: dict[int, str] = {}  # item -> text known stored
        self._failures = 0
        self.last_saved: dt.datetime | None = None
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.timeout.connect(self.retry)
        self._closed = False
        self.publishing: int | None = None
        self.last_error: StoreError | None = None  # why the text waiting was not stored

    # --- asking -------------------------------------------------------------------------------

    def known(self, item_id: int, stored: str | None) -> None:
        """The text ``stored`` for ``item_id`` was read from the database."""
        if item_id not in self._pending:
            self._stored[item_id] = stored or ""

    def text(self, item_id: int) -> str | None:
        """The newest text of ``item_id``: waiting to be stored, else known stored, else None."""
        if item_id in self._pending:
            return self._pending[item_id][1]
        return self._stored.get(item_id)

    def save(self, item_id: int, text: str) -> bool:
        """Store ``text`` as ``item_id``'s notes (soon, off this thread); False if unchanged."""
        if self.text(item_id) == text:
            return False
        self._seq += 1
        self._pending[item_id] = (self._seq, text)
        if not self.retry_timer.isActive():  # while failing, the retry timer sends it
            self._writer.save(item_id, self._seq, text)
        return True

    def failing(self) -> bool:
        """Is a text waiting for a retry after a failed save?"""
        return bool(self._pending) and self._failures > 0

    def pending(self) -> dict[int, str]:
        """Texts not yet stored, by item."""
        return {item: text for item, (_seq, text) in self._pending.items()}

    def forget(self, item_id: int) -> None:
        """Stop trying to store ``item_id``'s text (the chair removed the item)."""
        self._pending.pop(item_id, None)
        self._stored.pop(item_id, None)

    def retry(self) -> None:
        for item_id, (seq, text) in self._pending.items():
            self._writer.save(item_id, seq, text)

    def flush(self, timeout: float = 3.0) -> bool:
        """Wait (up to ``timeout`` s) for what is asked, one retry included; True if all stored."""
        if self._pending and self.retry_timer.isActive():
            self.retry_timer.stop()
            self.retry()
        self._writer.wait_idle(timeout)
        self.collect()
        return not self._pending

    def release(self) -> bool:
        """Let the writer close its connection, which holds the database key (the lock; the
        owner flushed first); the next save opens a new one. True once closed."""
        return self._writer.release()

    def close(self) -> None:
        """Stop the writer once what it holds is tried (the owner flushed first)."""
        if not self._closed:
            self._closed = True
            self.retry_timer.stop()
            self._writer.close()

    # --- outcomes -----------------------------------------------------------------------------

    def collect(self) -> None:
        for result in self._writer.results():
            self._outcome(result)

    def _outcome(self, result: NotesSaveResult) -> None:
        item_id = result.item_id
        newest = self._pending.get(item_id)
        if result.error is None:
            self._failures = 0
            self.last_error = None
            if newest is not None and newest[0] == result.seq:
                del self._pending[item_id]
                self._stored[item_id] = newest[1]
                self.last_saved = dt.datetime.now()
                if result.conference_id is not None:
                    self.publishing = item_id  # the owner knows already: it may skip this one
                    try:
                        self.services.events.publish(
                            Change(
                                Entity.AGENDA_ITEM, item_id, result.conference_id, initiator=self
                            )
                        )
                    finally:
                        self.publishing = None
                self.saved.emit(item_id)
            return
        error = result.error
        superseded = newest is None or newest[0] != result.seq
        if superseded and not isinstance(error, StoreError):
            return  # the newer text meets its own fate
        if isinstance(error, StoreError):
            delay = RETRY_DELAYS_MS[min(self._failures, len(RETRY_DELAYS_MS) - 1)]
            self._failures += 1
            self.last_error = error
            if not self._closed:
                self.retry_timer.start(delay)
            self.failed.emit(item_id, message_text(error))
        elif isinstance(error, MdccError):
            self._pending.pop(item_id, None)
            self.lost.emit(item_id, message_text(error))
        else:
            raise error  # a bug: the crash handler reports it; the text stays pending
