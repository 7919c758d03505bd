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
from enum import StrEnum

log = logging.getLogger(__name__)


class Entity(StrEnum):
    """What a change touched. A ``StrEnum``: a member equals its text ("action"), so a listener
    comparing with the text, or keying a table by it, works unchanged."""

    CASE = "case"
    CHILD = "child"
    CONFERENCE = "conference"
    ATTENDEE = "attendee"
    AGENDA_ITEM = "agenda_item"
    DECISION = "decision"
    ACTION = "action"
    HOUSEHOLD = "household"
    DISTRIBUTION = "distribution"
    SAFETY = "safety"
    MINUTES = "minutes"
    AMENDMENT = "amendment"
    CLOSURE = "closure"
    DATABASE = "database"  # anything may have changed (another process wrote): read it all


class ChangeKind(StrEnum):
    """How it changed."""

    ADDED = "added"
    UPDATED = "updated"
    REMOVED = "removed"


@dataclass(frozen=True)
class Change:
    """``entity`` with ``entity_id`` changed (``kind``: added, updated or removed).

    ``initiator`` is who asked for the change (a workspace, say), as anki's
    ``operation_did_execute(changes, initiator)``: the one who made it may skip refreshing what
    it already shows. None when nobody said (the command line, an undo). It takes no part in
    comparing changes.

    Given as text ("action", "added"), ``entity`` and ``kind`` become their enum members. A kind
    that names none raises ValueError. An entity that names none is kept as its text: a
    listener treats an entity it does not know as "anything may have changed" (the services
    publish members, so mypy catches a misspelt one there).
    """

    entity: Entity
    entity_id: int | None
    conference_id: int | None = None
    kind: ChangeKind = ChangeKind.UPDATED
    initiator: object | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.entity in Entity.__members__.values():
            object.__setattr__(self, "entity", Entity(self.entity))
        object.__setattr__(self, "kind", ChangeKind(self.kind))


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
