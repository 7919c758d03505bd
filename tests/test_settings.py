"""The settings module: defaults, the declared list, the file in the data folder, and what a
damaged or hostile settings file does (defaults for the bad values, a warning without them)."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from mdcc_desktop import bootstrap
from mdcc_desktop.settings import (
    MAX_OPEN_WORKSPACES,
    SETTINGS,
    SETTINGS_NAME,
    Settings,
    SettingsFile,
    load,
    settings_path,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _propagate(monkeypatch: pytest.MonkeyPatch) -> None:
    """caplog listens at the root logger; a start-up in this process may have cut ours off."""
    monkeypatch.setattr(logging.getLogger("mdcc_desktop"), "propagate", True)


def write(data_dir: Path, content: str | bytes) -> Path:
    path = data_dir / SETTINGS_NAME
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_the_defaults() -> None:
    s = Settings()
    assert s.language == "system"
    assert s.lock_after_minutes == 5
    assert s.default_jurisdiction == ""
    assert s.organisation_name == ""
    assert s.backups_to_keep == 10
    assert s.open_workspaces == ()
    assert s.opening_conference is None


def test_every_setting_is_declared_with_a_label() -> None:
    fields = set(Settings.__dataclass_fields__)
    assert {spec.key for spec in SETTINGS} == fields
    for spec in SETTINGS:
        assert spec.label and spec.description and spec.label_context == "Settings"
        spec.check(getattr(Settings(), spec.key) if spec.key != "open_workspaces" else [])


def test_a_missing_file_gives_the_defaults_and_writes_nothing(tmp_path: Path) -> None:
    assert load(settings_path(tmp_path)) == Settings()
    assert not (tmp_path / SETTINGS_NAME).exists()


def test_settings_round_trip_through_the_data_folder(tmp_path: Path) -> None:
    file = SettingsFile.load(tmp_path)
    file.update(
        language="zh-Hant",
        lock_after_minutes=15,
        default_jurisdiction="HK",
        organisation_name="  Social Welfare Department  ",
        backups_to_keep=3,
        open_workspaces=(7, 3, 7),
        opening_conference=3,
    )
    again = SettingsFile.load(tmp_path).current
    assert again == Settings(
        language="zh-Hant",
        lock_after_minutes=15,
        default_jurisdiction="HK",
        organisation_name="Social Welfare Department",
        backups_to_keep=3,
        open_workspaces=(7, 3),
        opening_conference=3,
    )
    doc = json.loads((tmp_path / SETTINGS_NAME).read_text(encoding="utf-8"))
    assert doc["version"] == 1 and doc["open_workspaces"] == [7, 3]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_file_is_owner_only(tmp_path: Path) -> None:
    SettingsFile.load(tmp_path).update(lock_after_minutes=10)
    mode = stat.S_IMODE((tmp_path / SETTINGS_NAME).stat().st_mode)
    assert mode == 0o600


def test_saving_leaves_no_temporary_file(tmp_path: Path) -> None:
    file = SettingsFile.load(tmp_path)
    for minutes in (1, 2, 3):
        file.update(lock_after_minutes=minutes)
    assert sorted(p.name for p in tmp_path.iterdir()) == [SETTINGS_NAME]


def test_an_update_is_checked_as_a_loaded_value_is(tmp_path: Path) -> None:
    file = SettingsFile.load(tmp_path)
    with pytest.raises(ValueError):
        file.update(lock_after_minutes=0)
    with pytest.raises(TypeError):
        file.update(child_name="x")
    assert file.current == Settings()


BAD_VALUES = {
    "language": "klingon",
    "lock_after_minutes": "5",
    "default_jurisdiction": "../../etc",
    "organisation_name": "x" * 5000,
    "backups_to_keep": -1,
    "open_workspaces": [1, "two"],
    "opening_conference": 2**70,
}


@pytest.mark.parametrize(("key", "value"), list(BAD_VALUES.items()), ids=list(BAD_VALUES))
def test_a_bad_value_falls_back_to_its_default_alone_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, key: str, value: object
) -> None:
    good = {"lock_after_minutes": 30, "backups_to_keep": 4}
    if key in good:
        good = {k: v for k, v in good.items() if k != key} | {"language": "en"}
    write(tmp_path, json.dumps({**good, key: value}))
    with caplog.at_level(logging.WARNING, logger="mdcc_desktop"):
        loaded = load(settings_path(tmp_path))
    assert getattr(loaded, key) == getattr(Settings(), key)
    for k, v in good.items():
        assert getattr(loaded, k) == v  # the good values are kept
    messages = [r.getMessage() for r in caplog.records]
    assert any(key in m and "default" in m for m in messages)
    assert not any(str(value)[:20] in m for m in messages if key != "backups_to_keep")


HOSTILE = {
    "not json": b"{language: en",
    "not utf-8": b'{"language": "\xff\xfe"}',
    "a list": b"[1, 2, 3]",
    "deeply nested": b"[" * 100_000 + b"]" * 100_000,
    "too big": b'{"organisation_name": "' + b"a" * 100_000 + b'"}',
    "a huge number": b'{"lock_after_minutes": ' + b"9" * 10_000 + b"}",
    "empty": b"",
    "a NaN": b'{"lock_after_minutes": NaN}',
}


@pytest.mark.parametrize("content", list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_damaged_or_hostile_file_gives_the_defaults(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes
) -> None:
    write(tmp_path, content)
    with caplog.at_level(logging.WARNING, logger="mdcc_desktop"):
        assert load(settings_path(tmp_path)) == Settings()
    assert caplog.records, "no warning logged"
    assert all(len(r.getMessage()) < 300 for r in caplog.records)


def test_a_folder_in_place_of_the_file_gives_the_defaults(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_NAME).mkdir()
    assert load(settings_path(tmp_path)) == Settings()


def test_saving_into_a_folder_that_cannot_be_written_is_not_fatal(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_NAME).mkdir()  # the rename over it fails
    file = SettingsFile.load(tmp_path)
    file.update(lock_after_minutes=9)
    assert file.current.lock_after_minutes == 9  # used for this session all the same


def test_the_start_up_sequence_hands_the_settings_to_the_services(tmp_path: Path) -> None:
    SettingsFile.load(tmp_path).update(default_jurisdiction="HK", lock_after_minutes=12)
    languages: list[str] = []
    boot = bootstrap.start(tmp_path, translator=languages.append)
    try:
        assert boot.services is not None
        assert boot.services.settings is boot.settings
        assert boot.services.settings.current.default_jurisdiction == "HK"
        assert languages == ["system"]  # the GUI's hook makes it the computer's language
    finally:
        if boot.services is not None:
            boot.services.close()


def test_the_unlock_step_runs_between_settings_and_services(tmp_path: Path) -> None:
    seen: list[object] = []

    def unlock(paths: object, settings: Settings) -> None:
        seen.append(settings)
        assert not (tmp_path / "mdcc.sqlite3").exists()  # before the database is opened

    boot = bootstrap.start(tmp_path, unlock_hook=unlock)
    assert boot.services is not None
    boot.services.close()
    assert seen == [Settings()]


def test_the_settings_module_imports_no_qt() -> None:
    code = (
        "import sys, mdcc_desktop.settings, mdcc_desktop.bootstrap; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out.strip() == "[]"


def test_the_open_workspaces_are_bounded(tmp_path: Path) -> None:
    write(tmp_path, json.dumps({"open_workspaces": list(range(1, MAX_OPEN_WORKSPACES + 2))}))
    assert load(settings_path(tmp_path)).open_workspaces == ()


LEGACY = {
    "none open": ([], None, (), None),
    "one open": (["3"], None, (3,), None),
    "two open, one opening": (["3", "5"], "5", (3, 5), 5),
}


@pytest.mark.parametrize(("ids", "opening", "expected", "expected_opening"), LEGACY.values())
def test_the_session_kept_by_the_old_qsettings_file_is_read_once(
    tmp_path: Path,
    ids: list[str],
    opening: str | None,
    expected: tuple[int, ...],
    expected_opening: int | None,
) -> None:
    """settings.ini, as the main window's QSettings wrote it, gives the workspaces to reopen
    until settings.json exists; then settings.json alone counts."""
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QSettings

    legacy = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    legacy.setValue("session/open_conferences", ids)
    if opening is not None:
        legacy.setValue("session/opening_conference", opening)
    legacy.sync()
    file = SettingsFile.load(tmp_path)
    assert file.current.open_workspaces == expected
    assert file.current.opening_conference == expected_opening
    file.update(open_workspaces=(9,), opening_conference=None)
    again = SettingsFile.load(tmp_path).current
    assert again.open_workspaces == (9,) and again.opening_conference is None


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe not text",
        b"no section header\nopen_conferences=1",
        b"[session]\nopen_conferences=1\n[session]\n",
        b"[session]\nopen_conferences=" + b"9" * 50_000 + b"\n",
        b"[session]\nopen_conferences=\xc2\xb2, -4, 7\nopening_conference=abc\n",
    ],
    ids=["not utf-8", "no section", "duplicate section", "a huge number", "odd digits"],
)
def test_a_damaged_old_qsettings_file_gives_the_defaults(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "settings.ini").write_bytes(content)
    assert SettingsFile.load(tmp_path).current == Settings()


TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context><name>Settings</name>
<message><source>Language</source><translation>語言</translation></message>
</context>
</TS>
"""


def test_the_gui_translator_step_installs_a_catalogue_only_when_there_is_one(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from mdcc_desktop import app

    def installed() -> list[QTranslator]:
        return QCoreApplication.instance().findChildren(QTranslator)  # type: ignore[union-attr]

    before = installed()

    ts = tmp_path / "mdcc_zh-Hant.ts"
    ts.write_text(TS, encoding="utf-8")
    qm = tmp_path / "mdcc_zh-Hant.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed beside this Python")
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    monkeypatch.setattr(app, "catalogue", lambda language: tmp_path / f"mdcc_{language}.qm")
    app.install_translator("en")  # English is the source text: no catalogue looked for
    assert installed() == before
    app.install_translator("zh-Hant")
    try:
        assert QCoreApplication.translate("Settings", "Language") == "語言"
    finally:
        for translator in set(installed()) - set(before):
            QCoreApplication.removeTranslator(translator)
            translator.deleteLater()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_or_a_device_in_place_of_the_file_gives_the_defaults_without_hanging(
    tmp_path: Path,
) -> None:
    os.mkfifo(tmp_path / SETTINGS_NAME)  # opening it to read would wait for a writer forever
    assert SettingsFile.load(tmp_path).current == Settings()
    other = tmp_path / "other"
    other.mkdir()
    (other / SETTINGS_NAME).symlink_to("/dev/zero")  # reading it would never end
    assert SettingsFile.load(other).current == Settings()
