"""Undoable workspace edits: each command calls a service, never the database (after anki).

A change is made by the service *before* its command is pushed, so that a refused change (a
validation message) never reaches the undo stack; the command's first ``redo`` is then a no-op.
Records re-created by a redo get new database ids: ``IdMap`` lets later commands on the stack
find them under the id they first knew.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand


class IdMap:
    """Original id -> current id of records that an undo removed and a redo re-created."""

    def __init__(self) -> None:
        self._current: dict[int, int] = {}

    def __call__(self, original: int) -> int:
        return self._current.get(original, original)

    def moved(self, original: int, current: int) -> None:
        self._current[original] = current


class DoneCommand(QUndoCommand):
    """A change already made: ``undo`` reverses it, later ``redo`` calls make it again."""

    def __init__(self, text: str, redo: Callable[[], None], undo: Callable[[], None]) -> None:
        super().__init__(text)
        self._redo = redo
        self._undo = undo
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._redo()

    def undo(self) -> None:
        self._undo()


def update_command(  # noqa: PLR0917 - each argument is a distinct part of the change
    text: str,
    apply: Callable[[int, dict[str, Any]], Any],
    ids: IdMap,
    record_id: int,
    new: dict[str, Any],
    old: dict[str, Any],
) -> DoneCommand:
    """Setting fields of one record: redo applies ``new``, undo puts back ``old``."""
    return DoneCommand(
        text,
        redo=lambda: apply(ids(record_id), new),
        undo=lambda: apply(ids(record_id), old),
    )


def add_command(
    text: str,
    add: Callable[[], int],
    remove: Callable[[int], None],
    ids: IdMap,
    first_id: int,
) -> DoneCommand:
    """Adding a record: undo removes it, redo adds it again (under a new id, mapped)."""

    def redo() -> None:
        ids.moved(first_id, add())

    return DoneCommand(text, redo=redo, undo=lambda: remove(ids(first_id)))


def remove_command(
    text: str,
    add: Callable[[], int],
    remove: Callable[[int], None],
    ids: IdMap,
    first_id: int,
) -> DoneCommand:
    """Removing a record: undo adds it back (under a new id, mapped), redo removes it again."""

    def undo() -> None:
        ids.moved(first_id, add())

    return DoneCommand(text, redo=lambda: remove(ids(first_id)), undo=undo)
