"""Saving an agenda item's notes off the typing thread, on a connection of its own.

The chair types into the notes during the meeting; a save must never hold up a keystroke. A
megabyte of notes takes a noticeable time to write (the full-text index is rebuilt for the row),
and a database another program holds for writing makes a save wait. So notes are written by one
background thread with its own connection (a connection belongs to the thread that made it), one
save at a time, in the order asked: a newer text for an item replaces an older one still waiting,
and a text is never written after a newer one for the same item.

A save waits only briefly for another writer (:data:`NOTES_BUSY_TIMEOUT_MS`): the caller learns
soon that the text is not saved yet, tells the chair, and asks again later (the UI retries on a
timer with a growing delay). The outcome of each save comes back through :meth:`results`; the
``notify`` callback (called on the background thread) says when there is one to collect.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.services.conferences import ConferenceService
from mdcc_desktop.services.events import EventBus
from mdcc_desktop.services.profiles import ProfileRegistry
from mdcc_desktop.store import Store

log = logging.getLogger(__name__)

# How long one save waits for another program's write before it reports "not saved yet".
NOTES_BUSY_TIMEOUT_MS = 250


@dataclass(frozen=True)
class NotesSaveResult:
    """The outcome of saving text number ``seq`` of agenda item ``item_id``.

    ``error`` is None when the text is stored; a :class:`MdccError` (locked, disk full, the item
    removed, the conference finalised...) when it is not; any other exception is a bug.
    """

    item_id: int
    seq: int
    conference_id: int | None
    error: BaseException | None = None


class NotesWriter:
    """One background thread that stores notes texts, newest last, one at a time."""

    def __init__(
        self,
        database: Path | Store,
        profiles: ProfileRegistry,
        notify: Callable[[], None] | None = None,
        busy_timeout_ms: int = NOTES_BUSY_TIMEOUT_MS,
    ) -> None:
        self._database = database
        self._profiles = profiles
        self._notify = notify
        self._busy_timeout_ms = busy_timeout_ms
        self._cond = threading.Condition()
        self._waiting: dict[int, tuple[int, str]] = {}  # item id -> (seq, text), in asked order
        self._results: list[NotesSaveResult] = []
        self._busy = False
        self._stopping = False
        self._releasing = False  # the thread is asked to close its connection (the lock)
        self._thread: threading.Thread | None = None

    # --- called by the owner's thread --------------------------------------------------------

    def save(self, item_id: int, seq: int, text: str) -> None:
        """Ask for ``text`` (the owner's ``seq``-th, increasing) to be stored as the notes."""
        with self._cond:
            if self._stopping:
                raise RuntimeError("the notes writer is closed")
            queued = self._waiting.get(item_id)
            if queued is not None and queued[0] >= seq:
                return
            self._waiting.pop(item_id, None)
            self._waiting[item_id] = (seq, text)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="mdcc-notes-writer", daemon=True
                )
                self._thread.start()
            self._cond.notify_all()

    def results(self) -> list[NotesSaveResult]:
        """The outcomes not yet collected, oldest first."""
        with self._cond:
            done, self._results = self._results, []
        return done

    def idle(self) -> bool:
        with self._cond:
            return not self._waiting and not self._busy

    def wait_idle(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds until every text asked for has been tried."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._waiting and not self._busy, timeout)

    def release(self, timeout: float = 5.0) -> bool:
        """Have the thread close its connection (and so drop the database key it holds) once
        what is asked is tried; the next save opens a new one. For the lock: True once closed."""
        with self._cond:
            if self._thread is None or not self._thread.is_alive():
                return True
            self._releasing = True
            self._cond.notify_all()
            return self._cond.wait_for(lambda: not self._releasing, timeout)

    def close(self, timeout: float = 5.0) -> bool:
        """Finish what is asked (up to ``timeout`` s), stop the thread; False if it is stuck."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
            thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    # --- the background thread ---------------------------------------------------------------

    def _run(self) -> None:
        store: Store | None = None
        conferences: ConferenceService | None = None
        try:
            while True:
                with self._cond:
                    self._cond.wait_for(lambda: self._waiting or self._stopping or self._releasing)
                    if not self._waiting and self._releasing:
                        if store is not None:
                            store.close()
                        store, conferences = None, None
                        self._releasing = False
                        self._cond.notify_all()
                        continue
                    if not self._waiting:
                        return  # stopping, and nothing left to write
                    item_id = next(iter(self._waiting))
                    seq, text = self._waiting.pop(item_id)
                    self._busy = True
                conference_id: int | None = None
                error: BaseException | None = None
                try:
                    if store is None or conferences is None:
                        # The app opened (checked, migrated) it already.
                        store = (
                            Store.attach(self._database)
                            if isinstance(self._database, Path)
                            else self._database.sibling()
                        )
                        conferences = ConferenceService(store, self._profiles, EventBus())
                    with store.busy_timeout(self._busy_timeout_ms), store.transaction():
                        conferences.update_agenda_item(item_id, notes=text)
                    conference_id = store.get_agenda_item(item_id).conference_id
                except MdccError as exc:
                    error = exc
                except Exception as exc:
                    log.exception("saving the notes of agenda item %s failed", item_id)
                    error = exc
                with self._cond:
                    self._results.append(NotesSaveResult(item_id, seq, conference_id, error))
                    self._busy = False
                    self._cond.notify_all()
                if self._notify is not None:
                    try:
                        self._notify()
                    except RuntimeError:  # the owner is gone (its window closed)
                        log.debug("nobody to tell that notes were saved")
        finally:
            if store is not None:
                store.close()
