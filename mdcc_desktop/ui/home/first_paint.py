"""Work that waits until the chair sees the window: run once it has been painted the first time.

The first window shows what is needed to start (the conference list); what can come a moment
later (the summary of the conference selected, the database's integrity check on its worker
thread) is handed to :meth:`AfterFirstPaint.later` and runs right after the first paint, in the
event loop's next turn. ``painted`` is emitted first, then the work in the order it was given.

A window that is shown but never painted (minimised at once, say) does not hold the work back
for long: it runs after ``FALLBACK_MS`` all the same.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

# How long after the window is shown the work runs if no paint came.
FALLBACK_MS = 1000


class AfterFirstPaint(QObject):
    """Watches ``window`` for its first paint; the work handed in runs just after it."""

    painted = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._tasks: list[Callable[[], object]] = []
        self._scheduled = False
        self.done = False
        window.installEventFilter(self)

    def later(self, task: Callable[[], object]) -> None:
        """Run ``task`` after the first paint (at once if that has passed)."""
        if self.done:
            task()
        else:
            self._tasks.append(task)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and not self._scheduled:
            QTimer.singleShot(FALLBACK_MS, self, self._run)
        elif kind == QEvent.Type.Paint and not self._scheduled:
            self._scheduled = True
            self._window.removeEventFilter(self)
            # The paint is under way: the next turn of the event loop comes after it.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        self._scheduled = True
        self._window.removeEventFilter(self)
        self.painted.emit()
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task()
