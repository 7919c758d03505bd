"""Last line of defence: an unexpected error is logged, the data stays, the user is told.

After vorta's exception dialog and picard's crash handler. The report a user may copy holds the
versions (the app's, Python's, Qt's, the system's), the error's type and its code locations,
never the error's message or any value (they may hold a child's name): personal data stays out
of crash reports.

- Every error is logged first (``logs.crash_report``), whatever happens next.
- Errors on any thread reach the dialog on the GUI thread: ``sys.excepthook`` (the GUI thread's
  errors, and those PySide6 reports from a ``QThread`` or a ``QThreadPool`` worker) and
  ``threading.excepthook`` (a ``threading.Thread``'s) hand the report over through a queued
  signal.
- One dialog at a time: errors that come while it is shown (or waiting to be shown: a burst)
  are counted in it, not shown in dialogs of their own; an error while the dialog itself is
  built or shown is logged and shows nothing more.

The ``Qt`` namespace is imported where it is used, not with this module: its first use builds
every one of its enums (some 15 ms), and the reporter is installed before the first window,
which does without them.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.logs import crash_report, version_details

log = logging.getLogger("mdcc_desktop.crash")


class CrashDialog(QDialog):
    """What the chair sees: the error happened, their typing is saved, the versions, the report
    (read-only, without personal data) and a button that copies it."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Unexpected error"))
        text = QLabel(
            self.tr(
                "MDCC Desktop met an unexpected error. Everything you typed before it is "
                "saved. The report below holds no personal data; copy it into a bug report."
            ),
            self,
        )
        text.setWordWrap(True)
        self.versions = QLabel(" · ".join(version_details(qVersion())), self)
        self.versions.setAccessibleName(self.tr("Versions"))
        self.versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.more = QLabel(self)
        self.more.setAccessibleName(self.tr("Errors since"))
        self.more.setWordWrap(True)
        self.more.hide()
        self.details = QPlainTextEdit(report, self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Error report"))
        self.copy_button = QPushButton(self.tr("&Copy the report"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the report"))
        self.copy_button.clicked.connect(self.copy)
        close = QPushButton(self.tr("C&lose"), self)
        close.setAccessibleName(self.tr("Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.versions)
        layout.addWidget(self.more)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        self.resize(560, 360)
        close.setFocus()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report)

    def count_more(self, errors: int) -> None:
        """Say that ``errors`` more errors came while this dialog was up (they are logged)."""
        self.more.setText(
            self.tr("%n more error(s) happened since; each is in the log.", "", errors)
        )
        self.more.show()


class CrashReporter(QObject):
    """Logs each error and shows one dialog at a time on the GUI thread (see the module)."""

    reported = Signal(str)  # a report, from any thread; shown on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self.dialogs_shown = 0
        self.more = 0  # errors counted while a dialog was waiting or shown
        self.shown_more = 0  # of them, for the last dialog
        self._pending = False
        self._showing = False
        self._lock = threading.Lock()
        # Emitted on another thread, the signal is queued to this object's, the GUI thread
        # (``report`` queues the GUI thread's own reports itself).
        self.reported.connect(self._show)

    # --- any thread ----------------------------------------------------------------------------

    def report(
        self, exc_type: type[BaseException], tb: TracebackType | None, thread: str | None = None
    ) -> None:
        """Log the error and have it shown (or counted, when a dialog is up or on its way)."""
        text = crash_report(exc_type, tb, qVersion(), thread=thread)
        log.error("unexpected error\n%s", text)
        with self._lock:
            if self._pending or self._showing:
                self.more += 1
                busy = True
            else:
                self._pending = True
                busy = False
        on_gui_thread = threading.current_thread() is threading.main_thread()
        if busy:
            if self.dialog is not None and on_gui_thread:
                self.dialog.count_more(self.more)
            return
        if on_gui_thread:
            # In the event loop's next turn, as the queued signal is for other threads: never
            # a dialog opened inside the hook that reported the error.
            QTimer.singleShot(0, self, lambda: self._show(text))
        else:
            self.reported.emit(text)

    # --- the GUI thread ------------------------------------------------------------------------

    def _show(self, text: str) -> None:
        with self._lock:
            self._pending = False
            self._showing = True
        try:
            self.dialog = CrashDialog(text, QApplication.activeWindow())
            self.dialogs_shown += 1
            if self.more:
                self.dialog.count_more(self.more)
            self.dialog.exec()
        except Exception:  # the dialog itself failed: logged, never a dialog about the dialog
            log.exception("the crash dialog could not be shown")
        finally:
            if self.dialog is not None:
                self.dialog.deleteLater()
            self.dialog = None
            with self._lock:
                self._showing = False
                self.shown_more, self.more = self.more, 0


class _Installed:
    reporter: CrashReporter | None = None


def reporter() -> CrashReporter | None:
    """The reporter :func:`install` made (None before)."""
    return _Installed.reporter


def _hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    thread = threading.current_thread()
    worker = None if thread is threading.main_thread() else thread.name
    installed = _Installed.reporter
    if installed is None:
        log.error("unexpected error\n%s", crash_report(exc_type, tb, qVersion(), thread=worker))
        return
    installed.report(exc_type, tb, worker)


def _thread_hook(args: Any) -> None:
    if args.exc_type is SystemExit:
        return
    thread = args.thread.name if args.thread is not None else "worker"
    installed = _Installed.reporter
    if installed is None:
        log.error("unexpected error\n%s", crash_report(args.exc_type, args.exc_traceback))
        return
    installed.report(args.exc_type, args.exc_traceback, thread)


def install() -> CrashReporter:
    """Hook the handlers in (once a QApplication exists: the reporter lives on its thread)."""
    if _Installed.reporter is None:
        _Installed.reporter = CrashReporter(QApplication.instance())
    sys.excepthook = _hook
    threading.excepthook = _thread_hook
    return _Installed.reporter
