"""Locking and unlocking the app (see the package's docstring).

Idle means no keyboard or mouse input to the app: an application event filter notes the time
of each input (a cheap assignment; the filter sees every event); a single-shot timer looks at
that time when the idle minutes may be up and either locks or waits for the rest. The minute's
length and the clock are injectable, so a test locks after a few milliseconds, or by turning a
clock it holds, instead of waiting minutes.

Locking, in this order: open menus and tooltips close; dialogs are closed (a modal one's ``exec``
returns "rejected", as if the chair had cancelled it); every window is hidden and its title
becomes "locked" (a workspace's names its child); each workspace stores its pending typing,
stops refreshing and lets its notes writer close its connection; the database is closed, which
drops the key (``Services.lock``); then the lock screen shows. Unlocking opens the database again
with the key the passphrase unwraps (a wrong one is refused and repeated failures slowed, as at
the start), the workspaces read everything again, and the windows come back with their titles,
window states, selections, the active window and the focus: the widgets were hidden, never
rebuilt. Meeting clocks are computed from stored times, so they are right at once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QToolTip, QWidget

from mdcc_desktop import APP_NAME
from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.protection import FolderState, Protection
from mdcc_desktop.ui.lock.screen import LockScreen
from mdcc_desktop.ui.messages import message_text

log = logging.getLogger(__name__)

MINUTE_MS = 60_000
LOCK_SHORTCUT = "Ctrl+L"
# Input that says the chair is using the app (moving the pointer over it included).
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
# How often the idle watch looks again while the setting says "never" (0 minutes).
NEVER_LOOK_AGAIN_MS = MINUTE_MS


@dataclass
class _Hidden:
    """A window hidden by the lock, and what to give it back."""

    window: QWidget
    title: str
    state: Qt.WindowState


class LockManager(QObject):
    """The app's lock: one per app (``LockManager.current``), made once the data is open."""

    locked_changed = Signal(bool)

    current: ClassVar[LockManager | None] = None

    def __init__(
        self,
        services: Services,
        *,
        minute_ms: int = MINUTE_MS,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.protection = Protection(services.paths)
        self.minute_ms = minute_ms
        self.clock = clock
        self.screen: LockScreen | None = None
        self._hidden: list[_Hidden] = []
        self._active: QWidget | None = None
        self._focus: QWidget | None = None
        self._last_input = clock()
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.check_idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        LockManager.current = self
        self._schedule(self.idle_ms())

    # --- the idle watch ------------------------------------------------------------------------

    def idle_ms(self) -> int:
        """How long without input locks the app (0: never), from the setting."""
        minutes = self.services.settings.current.lock_after_minutes
        return max(0, int(minutes)) * self.minute_ms

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self.screen is None:
            self._last_input = self.clock()
        return False

    def note_input(self) -> None:
        """Count now as the last input (a fresh start)."""
        self._last_input = self.clock()

    def check_idle(self) -> None:
        """Lock if the idle minutes are up; else look again when they may be."""
        if self.locked:
            return
        limit = self.idle_ms()
        if limit <= 0:
            self._schedule(NEVER_LOOK_AGAIN_MS)
            return
        idle = int((self.clock() - self._last_input) * 1000)
        if idle >= limit:
            self.lock()
        else:  # at least once a minute, so that a shorter setting applies soon
            self._schedule(min(limit - idle, self.minute_ms))

    def _schedule(self, ms: int) -> None:
        self.idle_timer.start(max(1, ms if ms > 0 else NEVER_LOOK_AGAIN_MS))

    # --- locking -------------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def can_lock(self) -> bool:
        """Only a folder with a passphrase can be locked (something must open it again)."""
        return self.protection.state() is FolderState.LOCKED and not self.services.locked

    def lock(self) -> bool:
        """Lock now (see the module's docstring); False if already locked or it cannot be."""
        if self.locked or not self.can_lock():
            return False
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._active = QApplication.activeWindow()
        self._focus = QApplication.focusWidget()
        self._close_popups()
        self._close_dialogs(app)
        self._hide_windows(app)
        for controller in self._controllers():
            if not controller.suspend():
                log.warning("typing not stored at lock: it stays in memory and is retried")
            if not controller.notes_saver.release():
                log.warning("a notes writer did not close its connection at lock")
        self.services.lock()
        self.idle_timer.stop()
        screen = LockScreen(self.protection)
        screen.unlocked.connect(self._unlock)
        screen.quit_requested.connect(self.quit)
        self.screen = screen
        screen.show()
        screen.raise_()
        screen.activateWindow()
        if screen.dialog is not None:
            screen.dialog.passphrase.setFocus()
        self.locked_changed.emit(True)
        log.info("locked")
        return True

    def _close_popups(self) -> None:
        QToolTip.hideText()
        for _ in range(20):  # menus opened from menus
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()

    def _close_dialogs(self, app: QApplication) -> None:
        """Close every dialog: a modal one's ``exec`` returns Rejected."""
        for _ in range(5):  # a dialog's rejection may open another (a question): closed too
            dialogs = [w for w in app.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
            if not dialogs:
                return
            for dialog in dialogs:
                dialog.done(QDialog.DialogCode.Rejected)

    def _hide_windows(self, app: QApplication) -> None:
        title = self.tr("%1 (locked)").replace("%1", APP_NAME)
        for window in app.topLevelWidgets():
            if window.isVisible() and window is not self.screen:
                self._hidden.append(_Hidden(window, window.windowTitle(), window.windowState()))
                window.hide()
        for hidden in self._hidden:
            hidden.window.setWindowTitle(title)

    def _controllers(self) -> list[Any]:
        from mdcc_desktop.ui.workspace.controller import WorkspaceController

        found: list[Any] = []
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        for window in app.topLevelWidgets():
            found += window.findChildren(WorkspaceController)
        return found

    # --- unlocking -----------------------------------------------------------------------------

    def _unlock(self, key: bytes) -> None:
        screen = self.screen
        if screen is None:
            return
        try:
            self.services.unlock(key)
        except MdccError as exc:
            screen.say(message_text(exc))
            return
        finally:
            del key
        hidden, self._hidden = self._hidden, []
        for entry in hidden:
            entry.window.setWindowTitle(entry.title)
        for controller in self._controllers():
            controller.resume()  # reads everything again (a workspace's title too)
        for entry in hidden:
            entry.window.show()
            entry.window.setWindowState(entry.state)
        self.screen = None
        screen.hide()
        screen.deleteLater()
        if self._active is not None and self._active.isVisible():
            self._active.raise_()
            self._active.activateWindow()
        if self._focus is not None and self._focus.isVisible():
            self._focus.setFocus()
        self._active = self._focus = None
        self.note_input()
        self._schedule(self.idle_ms())
        self.locked_changed.emit(False)
        log.info("unlocked")

    def stop(self) -> None:
        """Stop watching (the app is closing, or a test is over)."""
        self.idle_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if LockManager.current is self:
            LockManager.current = None

    def quit(self) -> None:
        """Quit from the lock screen: everything typed was stored when it locked."""
        app = QApplication.instance()
        if app is not None:
            app.exit(0)


def lock_action(window: QWidget) -> QAction:
    """The window's "Lock" menu item with Ctrl+L: locks the app through its lock manager."""

    def lock() -> None:
        manager = LockManager.current
        if manager is None:
            log.info("no lock manager: the app was started without one")
            return
        manager.lock()

    action = QAction(QCoreApplication.translate("LockManager", "Loc&k now"), window)
    action.setShortcut(QKeySequence(LOCK_SHORTCUT))
    action.setObjectName("lock")
    action.triggered.connect(lock)
    window.addAction(action)
    return action
