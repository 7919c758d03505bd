"""What unlocking says reaches the chair in the interface's language (issue 11 point 2): the
key file's and the passphrase's errors (store/keys.py, services/protection.py) and the command
line's (cli_unlock.py) carry message ids, so the GUI shows them translated; English for the
command line and the logs is the sentence it was. Checked with the shipped Chinese catalogue."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from mdcc_desktop import app as gui
from mdcc_desktop import cli_unlock
from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.protection import Protection, WaitBeforeTryingError
from mdcc_desktop.settings import SettingsFile
from mdcc_desktop.store import keys
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.unlock.dialogs import UnlockDialog
from tests.conftest import TEST_PASSPHRASE


def chinese_characters(text: str) -> int:
    return sum("\u4e00" <= c <= "\u9fff" for c in text)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    before = set(qapp.findChildren(QTranslator))
    assert gui.install_translator("zh-Hant") == "zh-Hant"
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.setParent(None)


def raised(act: Any) -> MdccError:
    with pytest.raises(MdccError) as caught:
        act()
    return caught.value


def errors(locked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, MdccError]:
    """One of each kind the chair can meet, raised by the real code."""
    found: dict[str, MdccError] = {}
    found["wrong passphrase"] = raised(lambda: Protection(AppPaths(locked)).unlock("wrong one!"))
    found["short passphrase"] = raised(lambda: keys.create("short"))
    key_path = locked / keys.KEY_FILE_NAME
    good = key_path.read_bytes()
    key_path.write_text("{not json", encoding="utf-8")
    found["damaged key file"] = raised(lambda: Protection(AppPaths(locked)).unlock("whatever!"))
    data = json.loads(good)
    data["version"] = 99
    key_path.write_text(json.dumps(data), encoding="utf-8")
    found["newer key file"] = raised(lambda: Protection(AppPaths(locked)).unlock("whatever!"))
    key_path.write_bytes(good)
    found["wait"] = WaitBeforeTryingError(4)
    monkeypatch.delenv(cli_unlock.ENV_PASSPHRASE, raising=False)
    monkeypatch.setattr(sys, "stdin", None)
    found["no passphrase (command line)"] = raised(lambda: cli_unlock.passphrase(None, new=False))
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    found["empty passphrase file"] = raised(lambda: cli_unlock.read_passphrase_file(empty))
    return found


def test_the_errors_of_unlocking_are_shown_translated(
    chinese: None, locked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for kind, error in errors(locked, tmp_path, monkeypatch).items():
        shown = message_text(error)
        assert chinese_characters(shown) >= 4, (kind, shown)
        assert shown != str(error), kind


def test_the_english_is_the_sentence_it_was(
    locked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = {kind: str(e) for kind, e in errors(locked, tmp_path, monkeypatch).items()}
    assert said["wrong passphrase"] == "That passphrase does not open this data folder."
    assert said["short passphrase"] == "The passphrase must have at least 8 characters."
    assert said["damaged key file"] == "The key file is damaged (not valid JSON)."
    assert said["newer key file"] == (
        "The key file is version 99; this app reads version 1. Install the version of MDCC "
        "Desktop that wrote it."
    )
    assert said["wait"] == "Too many wrong tries: wait 4 second(s) before trying again."
    assert said["no passphrase (command line)"].startswith("The data folder is encrypted: give")
    assert "MDCC_PASSPHRASE" in said["no passphrase (command line)"]
    assert said["empty passphrase file"].endswith("empty.txt is empty.")


def test_the_unlock_screen_says_a_damaged_key_file_in_chinese(
    chinese: None, qtbot: Any, locked: Path
) -> None:
    (locked / keys.KEY_FILE_NAME).write_text("{not json", encoding="utf-8")
    dialog = UnlockDialog(Protection(AppPaths(locked)))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase.setText(TEST_PASSPHRASE)
    dialog.unlock()
    assert dialog.db_key is None
    assert chinese_characters(dialog.status.text()) >= 4, dialog.status.text()
    assert "JSON" in dialog.status.text()


SHOW_CRITICAL = """
import sys
from PySide6.QtWidgets import QMessageBox
def critical(parent, title, text, *args):
    print("CRITICAL " + text, flush=True)
QMessageBox.critical = staticmethod(critical)
from mdcc_desktop.app import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def test_a_missing_key_file_is_said_in_the_interface_s_language(tmp_path: Path) -> None:
    """The start's message box (app.py) shows the translated message, not its English."""
    data = tmp_path / "data"
    made = Protection(AppPaths(data)).set_up(TEST_PASSPHRASE)
    from mdcc_desktop.services.context import Services

    Services.open(AppPaths(data), key=made.db_key).close()
    (data / keys.KEY_FILE_NAME).unlink()
    SettingsFile.load(data).update(language="zh-Hant")
    done = subprocess.run(
        [sys.executable, "-c", SHOW_CRITICAL, str(data)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("CRITICAL "))
    assert "密鑰檔案" in line and "key file" not in line, line
