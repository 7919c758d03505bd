"""Change notifications: a service says what changed, views refresh only that.

Plain callbacks, no Qt (the UI bridges them to a Qt signal). After anki's
``operation_did_execute`` and qutebrowser's ``SqlTable.changed``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    """``entity`` ("conference", "attendee", "agenda_item", ...) with ``entity_id`` changed.

    ``initiator`` is who asked for the change (a workspace, say), as anki's
    ``operation_did_execute(changes, initiator)``: the one who made it may skip refreshing what
    it already shows. None when nobody said (the command line, an undo). It takes no part in
    comparing changes.
    """

    entity: str
    entity_id: int | None
    conference_id: int | None = None
    kind: str = "updated"  # "added", "updated", "removed"
    initiator: object | None = field(default=None, compare=False)


Listener = Callable[[Change], None]


class EventBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._local = threading.local()  # the initiator of the changes published on a thread

    @contextmanager
    def initiated_by(self, initiator: object) -> Iterator[None]:
        """Changes published (on this thread) inside the block carry ``initiator``."""
        previous = getattr(self._local, "initiator", None)
        self._local.initiator = initiator
        try:
            yield
        finally:
            self._local.initiator = previous

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def publish(self, change: Change) -> None:
        initiator = getattr(self._local, "initiator", None)
        if change.initiator is None and initiator is not None:
            change = replace(change, initiator=initiator)
        for listener in list(self._listeners):
            listener(change)
