"""Settings in one dialog (issue 13, deliver 2): reached with Ctrl+, from the home window, every
field labelled from the settings module, saved to settings.json on OK (nothing on Cancel), the
look applied at once, the language said to wait for the next start, a bad folder refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from mdcc_desktop.services.context import Services
from mdcc_desktop.settings import SETTINGS, SettingsFile
from mdcc_desktop.ui.home.main_window import MainWindow
from mdcc_desktop.ui.settings.dialog import SettingsDialog
from mdcc_desktop.ui.settings.look import apply_look
from mdcc_desktop.ui.widgets import theme
from tests.ui.home.test_main_window import RecordingPrompter


@pytest.fixture
def dialog(qtbot, services: Services) -> SettingsDialog:
    d = SettingsDialog(services)
    qtbot.addWidget(d)
    d.show()
    return d


@pytest.fixture
def system_look():
    yield
    apply_look("system")


def saved(services: Services) -> dict:
    return json.loads((services.paths.data_dir / "settings.json").read_text(encoding="utf-8"))


def test_ctrl_comma_opens_the_settings_from_the_home_window(qtbot, services: Services) -> None:
    prompter = RecordingPrompter()
    seen: list[SettingsDialog] = []
    prompter.dialogs.append(lambda d: (seen.append(d), d.reject()))
    window = MainWindow(services, prompter)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1 and isinstance(seen[0], SettingsDialog)
    assert window.settings_action.shortcut().toString() == "Ctrl+,"


def test_every_field_a_chair_may_change_is_there_labelled_by_the_settings_module(
    dialog: SettingsDialog,
) -> None:
    shown = {spec.label for spec in SETTINGS if spec.shown}
    names = {
        w.accessibleName()
        for w in (
            dialog.language,
            dialog.look,
            dialog.lock_minutes,
            dialog.jurisdiction,
            dialog.organisation,
            dialog.backups,
            dialog.backup_folder,
        )
    }
    assert names == shown
    assert dialog.chair_name.accessibleName() and dialog.chair_email.accessibleName()
    assert dialog.lock_minutes.accessibleDescription()  # what the setting does, read out


def test_ok_saves_the_changes_and_cancel_saves_nothing(
    qtbot, services: Services, dialog: SettingsDialog
) -> None:
    dialog.lock_minutes.setValue(12)
    dialog.organisation.setText("  Kowloon West FCPSU 九龍西 ")
    dialog.backups.setValue(3)
    dialog.jurisdiction.setCurrentIndex(dialog.jurisdiction.findData("HK"))
    applied: list = []
    dialog.applied.connect(applied.append)
    dialog.accept()
    data = saved(services)
    assert data["lock_after_minutes"] == 12
    assert data["organisation_name"] == "Kowloon West FCPSU 九龍西"
    assert data["backups_to_keep"] == 3
    assert data["default_jurisdiction"] == "HK"
    assert applied and applied[0].lock_after_minutes == 12
    # Another start reads the same.
    assert SettingsFile.load(services.paths.data_dir).current.lock_after_minutes == 12

    again = SettingsDialog(services)
    qtbot.addWidget(again)
    assert again.lock_minutes.value() == 12
    again.lock_minutes.setValue(30)
    again.reject()
    assert saved(services)["lock_after_minutes"] == 12


def test_the_language_waits_for_the_next_start_and_says_so(
    services: Services, dialog: SettingsDialog
) -> None:
    assert not dialog.language_note.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("zh-Hant"))
    assert dialog.language_note.isVisible()
    assert "starts again" in dialog.language_note.text()
    dialog.accept()
    assert saved(services)["language"] == "zh-Hant"


def test_the_look_applies_at_once(services: Services, dialog: SettingsDialog, system_look) -> None:
    before = QApplication.palette().color(QPalette.ColorRole.Window)
    dialog.look.setCurrentIndex(dialog.look.findData("dark"))
    dialog.accept()
    assert theme.is_dark(QApplication.palette())
    assert saved(services)["look"] == "dark"
    apply_look("light")
    assert not theme.is_dark(QApplication.palette())
    apply_look("system")  # the computer's own palette, as at start
    assert QApplication.palette().color(QPalette.ColorRole.Window) == before


def test_a_backups_folder_that_is_a_file_or_relative_is_refused_with_a_reason(
    tmp_path: Path, services: Services, dialog: SettingsDialog
) -> None:
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x", encoding="utf-8")
    dialog.backup_folder.setText(str(a_file))
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert "is a file" in dialog.problem.text()
    dialog.backup_folder.setText("Backups")
    dialog.accept()
    assert "full path" in dialog.problem.text()
    assert not (services.paths.data_dir / "settings.json").exists()
    dialog.backup_folder.setText(str(tmp_path / "backups"))
    dialog.accept()
    assert saved(services)["backup_folder"] == str(tmp_path / "backups")


def test_the_chairs_name_and_e_mail_are_kept_in_the_encrypted_database(
    services: Services, dialog: SettingsDialog
) -> None:
    dialog.chair_name.setText("Ruth  Okafor")
    dialog.chair_email.setText("not-an-address")
    dialog.accept()
    assert dialog.isVisible() and dialog.problem.text()  # said, nothing saved
    assert services.chair.get().name == ""
    dialog.chair_email.setText("ruth.okafor@example.org")
    dialog.accept()
    assert services.chair.get().name == "Ruth Okafor"
    assert services.chair.get().email == "ruth.okafor@example.org"
    settings_file = services.paths.data_dir / "settings.json"
    assert not settings_file.exists() or "Okafor" not in settings_file.read_text("utf-8")


def test_a_logo_chosen_in_settings_heads_the_minutes_after_ok(
    tmp_path: Path, services: Services, dialog: SettingsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QFileDialog

    picture = tmp_path / "logo.jpg"
    image = QImage(900, 450, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 16, 32))
    assert image.save(str(picture))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(picture), ""))
    dialog._choose_logo()
    assert not dialog.logo_preview.pixmap().isNull()
    assert services.letterhead.current().logo is None  # kept on OK, not before
    dialog.accept()
    kept = QImage(str(services.letterhead.logo_path))
    assert not kept.isNull() and kept.height() == 300  # scaled down for a letterhead
    assert services.letterhead.logo_path.read_bytes().startswith(b"\x89PNG")

    again = SettingsDialog(services)
    again._remove_logo()
    again.accept()
    assert services.letterhead.current().logo is None


def test_a_file_that_is_not_a_picture_is_refused_with_a_reason(
    tmp_path: Path, services: Services, dialog: SettingsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    text = tmp_path / "minutes.txt"
    text.write_text("not a picture", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(text), ""))
    dialog._choose_logo()
    assert "not a picture" in dialog.problem.text()
    assert dialog.logo_png is None
