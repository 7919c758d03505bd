"""The first run of a new data folder (issue 13, deliver 3), driven as a chair would through the
real dialogs on a real folder: the language first, then the passphrase and the recovery code,
then the organisation, the jurisdiction and the demo. It never comes again once done, and
leaving it half-way leaves no half-made folder (or shows the rest at the next start)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog

from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.protection import FolderState, Protection
from mdcc_desktop.settings import SettingsFile
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.home.main_window import MainWindow
from mdcc_desktop.ui.unlock.dialogs import SetUpDialog
from mdcc_desktop.ui.unlock.hook import UnlockCancelledError, make_hook
from mdcc_desktop.ui.welcome import flow
from mdcc_desktop.ui.welcome.dialogs import AboutYouDialog, LanguageDialog
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter
from tests.ui.unlock.test_unlock_screen import set_up_by_keyboard, type_into

PASSPHRASE = "a first run, slowly typed"


def when_shown(kind: type, act: Callable[[Any], None], tries: int = 200) -> None:
    """Do ``act`` on the modal dialog of ``kind`` once it is shown (the code that shows it
    blocks in exec until the dialog closes)."""

    def look(left: int = tries) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        elif left:
            QTimer.singleShot(20, lambda: look(left - 1))

    QTimer.singleShot(0, look)


@pytest.fixture(autouse=True)
def english_again():
    yield
    flow.CHOSEN.language = None
    labels.set_interface_language("en")


def test_a_new_folder_starts_with_the_language_then_the_passphrase(
    qtbot: Any, tmp_path: Path
) -> None:
    paths = AppPaths(tmp_path / "data")
    settings = SettingsFile.load(paths.data_dir)
    switched: list[str] = []

    def choose_chinese(dialog: LanguageDialog) -> None:
        dialog.switch = switched.append  # the real switch installs a catalogue; this one notes
        dialog.language.setCurrentIndex(dialog.language.findData("zh-Hant"))
        qtbot.keyClick(dialog.language, Qt.Key.Key_Return)
        when_shown(SetUpDialog, set_up_and_note_the_code)

    def set_up_and_note_the_code(dialog: SetUpDialog) -> None:
        set_up_by_keyboard(qtbot, dialog, PASSPHRASE)
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1)
        type_into(qtbot, dialog.check, dialog.recovery_code.rsplit("-", 1)[-1])
        dialog.done_button.click()

    when_shown(LanguageDialog, choose_chinese)
    key = make_hook()(paths, settings.current)
    assert key is not None and switched == ["zh-Hant"]
    assert Protection(paths).state() is FolderState.LOCKED
    assert flow.after_set_up(settings) == "zh-Hant"
    assert SettingsFile.load(paths.data_dir).current.language == "zh-Hant"
    assert SettingsFile.load(paths.data_dir).current.first_run == "started"
    assert flow.after_set_up(settings) is None  # said once


def test_closing_the_language_step_leaves_no_half_made_folder(qtbot: Any, tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data")
    when_shown(LanguageDialog, lambda d: d.reject())
    with pytest.raises(UnlockCancelledError, match="Nothing was set up"):
        make_hook()(paths, SettingsFile.load(paths.data_dir).current)
    assert Protection(paths).state() is FolderState.NEW
    made = sorted(p.name for p in paths.data_dir.glob("*")) if paths.data_dir.exists() else []
    assert made in ([], ["logs"])  # no key, no database, no settings


def test_closing_the_passphrase_step_leaves_no_half_made_folder(qtbot: Any, tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data")

    def next_step(dialog: LanguageDialog) -> None:
        when_shown(SetUpDialog, lambda d: d.reject())
        dialog.accept()

    when_shown(LanguageDialog, next_step)
    with pytest.raises(UnlockCancelledError):
        make_hook()(paths, SettingsFile.load(paths.data_dir).current)
    assert Protection(paths).state() is FolderState.NEW
    assert not (paths.data_dir / "settings.json").exists()


def home(qtbot: Any, services: Services) -> MainWindow:
    window = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_last_step_saves_who_the_chair_is_and_opens_the_demo(
    qtbot: Any, services: Services
) -> None:
    services.settings.update(first_run="started")
    window = home(qtbot, services)
    dialog = flow.about_you(window)
    assert isinstance(dialog, AboutYouDialog) and dialog.isVisible()
    type_into(qtbot, dialog.organisation, "Kowloon West FCPSU")
    dialog.chair_name.setText("Winnie Chan 陳慧妍")  # QTest types Latin-1 only
    dialog.jurisdiction.setCurrentIndex(dialog.jurisdiction.findData("HK"))
    type_into(qtbot, dialog.chair_email, "not an address")
    dialog.finish.click()
    assert dialog.isVisible() and "looks wrong" in dialog.problem.text()
    type_into(qtbot, dialog.chair_email, "chair@example.org")
    dialog.demo.setChecked(True)
    dialog.finish.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    current = SettingsFile.load(services.paths.data_dir).current
    assert current.first_run == "done"
    assert services.chair.get().email == "chair@example.org"
    assert services.chair.get().name == "Winnie Chan 陳慧妍"
    # The chair's name is in the encrypted database, not in the plain settings file.
    assert "Winnie" not in (services.paths.data_dir / "settings.json").read_text("utf-8")
    assert current.organisation_name == "Kowloon West FCPSU"
    assert current.default_jurisdiction == "HK"
    assert services.conferences.list_conferences(), "the demo conference was loaded"
    assert any(isinstance(w, WorkspaceWindow) for w in QApplication.topLevelWidgets())
    for w in QApplication.topLevelWidgets():
        if isinstance(w, WorkspaceWindow):
            w.close()
    # Never again.
    assert flow.about_you(window) is None


def test_skipping_the_last_step_ends_the_first_run(qtbot: Any, services: Services) -> None:
    services.settings.update(first_run="started")
    window = home(qtbot, services)
    dialog = flow.about_you(window)
    assert dialog is not None
    dialog.skip.click()
    assert services.settings.current.first_run == "done"
    assert flow.about_you(window) is None


def test_a_first_run_left_before_its_last_step_shows_it_at_the_next_start(
    qtbot: Any, services: Services
) -> None:
    services.settings.update(first_run="started")
    window = home(qtbot, services)
    dialog = flow.about_you(window)
    assert dialog is not None
    window.close()  # the app closed with the step still open: nothing answered
    assert SettingsFile.load(services.paths.data_dir).current.first_run == "started"
    again = home(qtbot, services)
    shown = flow.about_you(again)
    assert isinstance(shown, QDialog)
    shown.reject()


def test_a_folder_from_before_the_welcome_never_sees_it(qtbot: Any, services: Services) -> None:
    assert services.settings.current.first_run == ""
    assert flow.about_you(home(qtbot, services)) is None


def test_choosing_chinese_in_the_first_step_speaks_chinese_from_the_next(qtbot: Any) -> None:
    """The real switch: the catalogue is installed at once, so the set-up screen that follows
    (and this step itself) is in Chinese; choosing English again takes it away."""
    from mdcc_desktop.app import install_translator

    dialog = LanguageDialog("en", lambda lang: flow.switch_language(lang, install_translator))
    qtbot.addWidget(dialog)
    try:
        dialog.language.setCurrentIndex(dialog.language.findData("zh-Hant"))
        assert dialog.windowTitle() == "歡迎使用 MDCC Desktop"
        following = SetUpDialog(Protection(AppPaths(Path("/nonexistent/new"))), existing=False)
        qtbot.addWidget(following)
        assert following.windowTitle() == "保護此資料夾"
        assert labels.interface_is_chinese()
    finally:
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.windowTitle() == "Welcome to MDCC Desktop"
    assert QApplication.instance().findChildren(QTranslator) == []  # none left installed


def test_english_again_after_chinese_shows_english_dates(qtbot: Any) -> None:
    """Chinese chosen in the welcome, then English again: dates go back to English (they
    stayed Chinese, 2026年11月23日, in every window opened after)."""
    from PySide6.QtCore import QLocale

    from mdcc_desktop.ui.widgets import dates

    flow.switch_language("zh-Hant", None)
    assert QLocale().language() == QLocale.Language.Chinese
    flow.switch_language("en", None)
    assert QLocale().language() == QLocale.Language.English
    assert "Nov" in dates.format_date(dt.date(2026, 11, 23))
