"""Change notifications: a service says what changed, views refresh only that.

Plain callbacks, no Qt (the UI bridges them to a Qt signal). After anki's
``operation_did_execute`` and qutebrowser's ``SqlTable.changed``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    """``entity`` ("conference", "attendee", "agenda_item", ...) with ``entity_id`` changed."""

    entity: str
    entity_id: int | None
    conference_id: int | None = None
    kind: str = "updated"  # "added", "updated", "removed"


Listener = Callable[[Change], None]


class EventBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def publish(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)
