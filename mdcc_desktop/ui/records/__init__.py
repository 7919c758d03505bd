"""The records a chair keeps about the data itself: the disclosure log (and the chair's own
name it records), reached from the home window's Tools menu. The dialogs are imported when
first opened, not with the window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu


def add_records_actions(window: QMainWindow, menu: QMenu) -> None:
    """Tools → Disclosure log… and Your name and e-mail… (``window`` has ``services`` and
    ``prompter``); the actions are kept on the window as ``log_action`` and ``chair_action``."""
    w: Any = window
    log_action = QAction(QCoreApplication.translate("MainWindow", "Disclosure &log…"), window)
    log_action.setObjectName("disclosure_log")
    log_action.triggered.connect(lambda: show_log(w))
    chair_action = QAction(
        QCoreApplication.translate("MainWindow", "Your na&me and e-mail…"), window
    )
    chair_action.setObjectName("chair")
    chair_action.triggered.connect(lambda: edit_chair(w))
    menu.addAction(log_action)
    menu.addAction(chair_action)
    w.log_action, w.chair_action = log_action, chair_action


def show_log(window: Any) -> None:
    from mdcc_desktop.ui.records.log_window import DisclosureLogDialog

    window.prompter.run_dialog(DisclosureLogDialog(window.services, window.prompter, window))


def edit_chair(window: Any) -> None:
    from mdcc_desktop.ui.records.dialogs import ChairDialog

    window.prompter.run_dialog(ChairDialog(window.services, window))
