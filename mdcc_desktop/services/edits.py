"""One edit, one transaction: the decorator every edit method of the services wears.

An edit method runs inside one transaction named after its use case (the table in
:mod:`mdcc_desktop.domain.locks`), the conferences it changed get their ``updated_at`` in that
same transaction (one commit, one WAL sync, where there were two), and its change events are
published once it has committed: a listener never hears of a change that was rolled back.
An edit called by another edit (``start`` calls ``update_conference``) is part of the outer
one's transaction, and the outer one is the use case whose lock rule applies.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Protocol, TypeVar, cast

from mdcc_desktop.domain.locks import EDITS, allowed_when_final
from mdcc_desktop.services.events import Change, Entity, EventBus
from mdcc_desktop.store import Store

F = TypeVar("F", bound=Callable[..., Any])


class EditJournal:
    """The edits running on one service, the conferences they touched, the changes to tell."""

    def __init__(self, store: Store, events: EventBus) -> None:
        self.store = store
        self.events = events
        self.stack: list[str] = []
        self.changes: list[Change] = []
        self.touched: dict[int, None] = {}

    @property
    def current(self) -> str | None:
        """The use case running: the outermost edit."""
        return self.stack[0] if self.stack else None

    def allowed_when_final(self) -> bool:
        """Whether the running edit may change a finalised conference (the lock table)."""
        return self.current is not None and allowed_when_final(self.current)

    def changed(self, change: Change, *, touch: bool = True) -> None:
        """Record a change: its conference is touched before the commit and the change is
        published after it (at once when no edit is running)."""
        if touch and change.entity != Entity.CONFERENCE and change.conference_id is not None:
            if not self.stack:
                self.store.touch_conference(change.conference_id)
            else:
                self.touched[change.conference_id] = None
        if not self.stack:
            self.events.publish(change)
        elif change not in self.changes:
            self.changes.append(change)


class _Edits(Protocol):
    journal: EditJournal


def edit(key: str) -> Callable[[F], F]:
    """Run the method as the edit ``key`` of the lock table, in one transaction."""
    use_case = EDITS[key].use_case

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def run(self: _Edits, *args: Any, **kwargs: Any) -> Any:
            journal = self.journal
            outermost = not journal.stack
            journal.stack.append(key)
            try:
                if not outermost:
                    return method(self, *args, **kwargs)
                try:
                    with journal.store.transaction(use_case):
                        result = method(self, *args, **kwargs)
                        for conference_id in journal.touched:
                            journal.store.touch_conference(conference_id)
                    changes = list(journal.changes)
                finally:
                    journal.changes.clear()
                    journal.touched.clear()
            finally:
                journal.stack.pop()
            for change in changes:
                journal.events.publish(change)
            return result

        run.__edit__ = key  # type: ignore[attr-defined]
        return cast("F", run)

    return decorate
