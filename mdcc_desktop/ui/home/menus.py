"""The home window's menus, built from the actions the window made (``MainWindow``): File,
Edit, Tools and Help. A module of its own so that the window class stays short; the actions'
slots stay on the window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from mdcc_desktop.ui.backups.runner import BackupActions
from mdcc_desktop.ui.lock.manager import lock_action
from mdcc_desktop.ui.settings import dialog as settings_dialog


def build_menus(window: Any) -> None:
    file_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file_menu.addAction(window.new_action)
    file_menu.addAction(window.open_action)
    file_menu.addAction(window.import_action)
    file_menu.addAction(window.export_action)
    file_menu.addSeparator()
    file_menu.addAction(window.demo_action)
    file_menu.addSeparator()
    window.backup_actions = BackupActions(window, window.services, file_menu, window.prompter)
    file_menu.addSeparator()
    file_menu.addAction(lock_action(window))  # Ctrl+L (ui/lock)
    file_menu.addAction(window.quit_action)
    edit_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)
    edit_menu.addSeparator()
    edit_menu.addAction(window.delete_action)
    edit_menu.addSeparator()
    edit_menu.addAction(window.find_action)
    edit_menu.addAction(window.search_action)
    tools_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Tools"))
    window.closures_action = QAction(
        QCoreApplication.translate("MainWindow", "Office &closure days…"), window
    )
    window.closures_action.triggered.connect(window.closure_days)
    tools_menu.addAction(window.closures_action)
    window.settings_action = settings_dialog.install(window, tools_menu)
    from mdcc_desktop.ui.records import add_records_actions

    add_records_actions(window, tools_menu)
    help_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.addAction(window.shortcuts_action)
    help_menu.addAction(window.about_action)
