"""The welcome's steps in the start-up sequence (see the package's docstring)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QDialog

from mdcc_desktop.settings import SettingsFile
from mdcc_desktop.ui.welcome.dialogs import AboutYouDialog, LanguageDialog


@dataclass
class FirstRun:
    """What the welcome's first step chose in this process (the set-up comes next)."""

    language: str | None = None  # set when the language step ran (a new folder)


CHOSEN = FirstRun()


def switch_language(language: str, install: Callable[[str], object] | None) -> None:
    """Show the interface in ``language`` from now on: the catalogue installed at start is
    replaced by the one ``install`` (the app's translator step) installs, so that the windows
    built from now on speak it."""
    from mdcc_desktop.ui import labels
    from mdcc_desktop.ui.widgets import dates

    app = QCoreApplication.instance()
    if app is not None:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
            translator.setParent(None)  # no longer the application's (deleted when let go)
    if install is not None:
        install(language)
    labels.set_interface_language(language)
    dates.set_locale(language)


def ask_language(current: str, install: Callable[[str], object] | None = None) -> str | None:
    """The first step; None when the chair closed it (nothing has been written). ``install``
    installs a language's catalogue (the app's translator step)."""
    start = current if current in ("en", "zh-Hant") else "en"

    def switch(language: str) -> None:
        switch_language(language, install)

    dialog = LanguageDialog(start, switch)
    if start != "en":
        switch(start)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    CHOSEN.language = dialog.chosen
    return dialog.chosen


def after_set_up(settings: SettingsFile) -> str | None:
    """Once the folder is open: keep the language chosen in this first run, and mark the first
    run started. Returns that language (None when this start had no first run)."""
    language = CHOSEN.language
    if language is not None:
        settings.update(language=language, first_run="started")
        CHOSEN.language = None
    return language


def about_you(window: Any) -> QDialog | None:
    """The last step, over the home window ``window``, while the first run is "started":
    returns the dialog shown (None if none was). Its answers are saved when it is accepted."""
    services = window.services
    settings: SettingsFile = services.settings
    if settings.current.first_run != "started":
        return None
    from mdcc_desktop.ui.labels import profile_label

    profiles = [(p.code, profile_label(p)) for p in services.profiles.all()]
    dialog = AboutYouDialog(profiles, settings.current, window, services.chair.set)

    def finished(result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            settings.update(first_run="done")  # skipped: Settings has the same fields
            return
        settings.update(
            organisation_name=dialog.organisation.text().strip(),
            default_jurisdiction=str(dialog.jurisdiction.currentData() or ""),
            first_run="done",
        )
        if dialog.demo.isChecked():
            conference_id = window.load_demo()
            if conference_id is not None:
                window.open_conference(conference_id)

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
