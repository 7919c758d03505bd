"""Backups in the GUI: the day's backup on a worker thread (at the first start of a day, and when
the app stays open past midnight), File > Back up now and File > Restore a backup…, and the
restart that opens the window again on restored data.

Restoring needs every connection to the database closed. So a restore is asked for here
(:class:`Restart`), the main window closes (its workspaces save their notes first), the services
close, and ``app.py`` then carries it out and opens everything again, with the key it had: the
chair is not asked for the passphrase a second time.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox, QWidget

from mdcc_desktop import APP_NAME
from mdcc_desktop.bootstrap import Boot
from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services import backups
from mdcc_desktop.services.context import Services
from mdcc_desktop.settings import Settings
from mdcc_desktop.store.errors import StoreClosedError
from mdcc_desktop.ui.backups.dialogs import IntegrityScreen, RestoreDialog, made_text
from mdcc_desktop.ui.backups.restart import RESTART, Restart
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets.prompter import Prompter

log = logging.getLogger(__name__)

# How often the open app looks whether the day's backup is due (a new day past midnight).
DAILY_CHECK_MS = 10 * 60 * 1000

Key = bytes | str


def carry_out(paths: AppPaths, settings: Settings) -> int:
    """Restore the backup asked for (every connection is closed now); RESTART either way: a
    restore that failed changed nothing, and the window opens again on the data as it was."""
    backup, key = Restart.backup, Restart.key
    Restart.backup = None
    if backup is None:
        return RESTART
    try:
        done = backups.restore(paths, settings, backup, key)
    except MdccError as exc:
        QMessageBox.critical(None, APP_NAME, message_text(exc))
    else:
        log.info("restored a backup; the data as it was is kept aside (damaged: %s)", done.damaged)
    Restart.key = key if isinstance(key, bytes) else None
    return RESTART


def damage_text(problem: MdccError) -> str:
    """What the damage is, without the advice to restore by hand that the message ends with:
    the integrity screen offers the backup itself."""
    from mdcc_desktop.domain.messages import Message

    parts = [
        Message(m.id, {**m.params, "advice": ""})
        if isinstance(m, Message) and "advice" in m.params
        else m
        for m in problem.messages
    ]
    if not parts:
        return message_text(problem)
    return "\n".join(message_text(m).strip() for m in parts)


def offer_restore(boot: Boot, problem: MdccError, parent: QWidget | None = None) -> bool:
    """The integrity screen for a damaged database: True once the latest good backup has been
    restored (open the data again); False when there is none or the chair quits."""
    key = Restart.unlocked_with
    folder = backups.backup_folder(boot.paths, boot.settings.current)
    good = backups.latest_good_backup(folder, key)
    if good is None:
        return False
    screen = IntegrityScreen(damage_text(problem), good, parent)
    if screen.exec() != IntegrityScreen.DialogCode.Accepted:
        return False
    Restart.request(good.path, key)
    carry_out(boot.paths, boot.settings.current)
    return True


class BackupJob(QObject):
    """One backup on a worker thread; :attr:`finished` (the file made or None, the error or
    None) is delivered on the GUI thread."""

    finished = Signal(object, object)

    def __init__(self, work: Callable[[], Path | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._thread = threading.Thread(target=self._run, name="backup", daemon=True)

    def start(self) -> BackupJob:
        self._thread.start()
        return self

    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def _run(self) -> None:
        try:
            made = self._work()
        except MdccError as exc:
            self.finished.emit(None, exc)
        except Exception as exc:  # a bug: logged without personal data, said as such
            log.exception("a backup failed")
            self.finished.emit(None, exc)
        else:
            self.finished.emit(made, None)


class BackupActions(QObject):
    """File > Back up now and File > Restore a backup…, and the day's backup, for the main
    window."""

    def __init__(
        self, window: QMainWindow, services: Services, menu: QMenu, prompter: Prompter
    ) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.prompter = prompter
        self.job: BackupJob | None = None
        self.back_up_action = QAction(self.tr("&Back up now"), window)
        self.back_up_action.setObjectName("back_up")
        self.back_up_action.triggered.connect(lambda: self.back_up_now())
        self.restore_action = QAction(self.tr("Restore a backu&p…"), window)
        self.restore_action.setObjectName("restore_backup")
        self.restore_action.triggered.connect(lambda: self.restore())
        menu.addAction(self.back_up_action)
        menu.addAction(self.restore_action)
        self.timer = QTimer(self)
        self.timer.setInterval(DAILY_CHECK_MS)
        self.timer.timeout.connect(self.daily)
        self.timer.start()

    # --- making backups ------------------------------------------------------------------------

    def _start(self, work: Callable[[], Path | None], done: Callable[[Any, Any], None]) -> bool:
        if self.job is not None and self.job.running():
            return False
        self.job = BackupJob(work, self)
        self.job.finished.connect(done)
        self.job.start()
        return True

    def daily(self) -> bool:
        """Start the day's backup on a worker thread if it is due; whether one started."""
        if not self.services.backups.available:  # locked: the next check makes it
            return False
        try:
            due = self.services.backups.daily_due()
        except OSError:
            due = True
        return due and self._start(self.services.backups.daily, self._daily_done)

    def _daily_done(self, made: Path | None, error: BaseException | None) -> None:
        if isinstance(error, StoreClosedError):
            return  # locked meanwhile: the next check makes it
        if error is not None:
            log.warning("the day's backup was not made (%s)", type(error).__name__)
            self.window.statusBar().showMessage(
                self.tr("The day's backup was not made: %1").replace("%1", message_text(error))
            )
        elif made is not None:
            self.window.statusBar().showMessage(self.tr("The day's backup was made."), 5000)

    def back_up_now(self) -> bool:
        started = self._start(lambda: self.services.backups.back_up("manual"), self._now_done)
        if started:
            self.window.statusBar().showMessage(self.tr("Backing up…"))
        return started

    def _now_done(self, made: Path | None, error: BaseException | None) -> None:
        self.window.statusBar().clearMessage()
        if error is not None:
            self.prompter.error(self.window, self.tr("Back up"), message_text(error))
        elif made is not None:
            self.window.statusBar().showMessage(
                self.tr("Backed up to %1.").replace("%1", str(made)), 8000
            )

    # --- restoring -----------------------------------------------------------------------------

    def restore(self) -> bool:
        """Choose a backup, confirm, check it, then close the window to restore it (``app``
        opens the window again on the restored data); whether the restore was asked for."""
        dialog = RestoreDialog(self.services.backups.backups(), self.window)
        if not self.prompter.run_dialog(dialog) or dialog.chosen is None:
            return False
        chosen = dialog.chosen
        key = self.services.backups.key
        try:
            backups.check(chosen.path, key)
        except MdccError as exc:
            self.prompter.error(self.window, self.tr("Restore a backup"), message_text(exc))
            return False
        if not self.prompter.confirm(
            self.window,
            self.tr("Restore a backup"),
            self.tr(
                "Put the backup made on %1 in place of the current data? Every window closes "
                "and opens again on the restored data; the current data is kept aside first."
            ).replace("%1", made_text(chosen)),
        ):
            return False
        if self.job is not None:
            self.job.wait(60)
        Restart.request(chosen.path, key)
        if not self.window.close():  # a workspace could not save its notes: it said so
            Restart.cancel()
            return False
        app = QApplication.instance()
        if app is not None:
            QTimer.singleShot(0, app.quit)
        return True


def offer_after_window(
    app: Any, window: QWidget, problem: MdccError, folder: Path | None, key: Key | None
) -> bool:
    """The integrity screen for damage the check found after the window opened; False when
    there is no good backup to offer. Restoring closes the window and leaves the event loop
    (``app`` restores and opens again); quitting leaves it with code 2, nothing changed."""
    good = backups.latest_good_backup(folder, key) if folder is not None else None
    if good is None:
        return False
    screen = IntegrityScreen(damage_text(problem), good, window)
    if screen.exec() != IntegrityScreen.DialogCode.Accepted:
        app.exit(2)
        return True
    Restart.request(good.path, key)
    window.close()
    app.exit(0)
    return True
