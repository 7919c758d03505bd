"""Last line of defence: an unexpected error is logged, the data stays, the user is told.

After vorta's exception dialog and picard's crash handler. The report a user may copy holds the
version, the platform and the code locations of the error, never the error's message or any
value (they may hold a child's name): personal data stays out of crash reports.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from mdcc_desktop.logs import crash_report

log = logging.getLogger("mdcc_desktop.crash")


def _hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("unexpected error\n%s", crash_report(exc_type, tb))
    app = QApplication.instance()
    if app is None:
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Crash", "Unexpected error"),
        QCoreApplication.translate(
            "Crash",
            "MDCC Desktop met an unexpected error. Everything you typed before it is "
            "saved. The details below hold no personal data; copy them into a report.",
        ),
    )
    box.setDetailedText(crash_report(exc_type, tb))
    box.exec()


def install() -> None:
    sys.excepthook = _hook
