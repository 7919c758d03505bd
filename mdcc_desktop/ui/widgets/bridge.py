"""The services' plain change events as a Qt signal, delivered on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from mdcc_desktop.services.events import Change, EventBus


class ChangeBridge(QObject):
    changed = Signal(object)  # a services.events.Change

    def __init__(self, events: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events = events
        events.subscribe(self._forward)
        self.destroyed.connect(lambda: events.unsubscribe(self._forward))

    def _forward(self, change: Change) -> None:
        self.changed.emit(change)
