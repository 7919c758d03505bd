"""Notice what another process changed: the command line adding a conference while the app
runs, say. The data is checked (one cheap pragma) whenever the app becomes active and on a slow
timer; a change made elsewhere reaches every window as one "read everything" change."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.services.context import Services

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 5000


class OutsideChangeWatcher(QObject):
    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
        self.check()  # takes note of where things stand

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()

    def check(self) -> bool:
        """Look now; True if another process had changed the data (windows are told)."""
        try:
            return self.services.notice_outside_changes()
        except MdccError as exc:  # busy or unreadable for a moment: the next look tries again
            log.info("could not check for changes made elsewhere: %s", type(exc).__name__)
            return False
