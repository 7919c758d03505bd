"""The user's settings: one typed object, the list of settings a settings screen shows, and the
file they live in (``settings.json`` in the data folder).

Nothing personal goes in here: conferences are named by id, never by a child's or a family's
name, so the file can be read (or sent with a bug report) without disclosing anything.

Labels are translatable without importing Qt here: each is marked with
:func:`QT_TRANSLATE_NOOP`, a no-op named as Qt's own marker, which ``pyside6-lupdate`` extracts
by that name with no option (context ``"Settings"``). The UI shows ``spec.label`` through
``QCoreApplication.translate(spec.label_context, spec.label)``.

Loading never fails: a missing file gives the defaults; a file that cannot be read, is not
JSON, is too big or too deep gives the defaults with a logged warning; a value of the wrong
type or out of range falls back to its default alone, with a warning that names the setting,
never the value (it might be anything a hostile file holds). Saving writes the whole file
atomically (a temporary file renamed over it), owner-only (0600).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mdcc_desktop.domain.codes import PROFILE_CODE

log = logging.getLogger(__name__)

SETTINGS_NAME = "settings.json"
# Where the main window kept the session (a QSettings ini file) before this module: read once,
# for the workspaces to reopen, while settings.json does not exist yet.
LEGACY_NAME = "settings.ini"
FORMAT_VERSION = 1
# A settings file is a few hundred bytes; anything far larger is not one.
MAX_SETTINGS_BYTES = 64 * 1024
# Conference ids kept for the workspaces open at quit: more windows than anyone opens.
MAX_OPEN_WORKSPACES = 50
MAX_ID = 2**63 - 1
LANGUAGES = ("system", "en", "zh-Hant")
LOOKS = ("system", "light", "dark")
# The first run (ui/welcome): "" never started (or a folder from before it), "started" once the
# passphrase is set, "done" once the chair has said who they are (or chose to skip it).
FIRST_RUN = ("", "started", "done")
MAX_FOLDER_CHARS = 4096
MAX_ORGANISATION_CHARS = 200
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; returns it unchanged (Qt's macro of the same
    name, which ``pyside6-lupdate`` recognises, without importing Qt)."""
    return text


@dataclass(frozen=True)
class Settings:
    """Every setting, with its default. Frozen: change one with :func:`dataclasses.replace`."""

    language: str = "system"  # "system" follows the computer's language
    lock_after_minutes: int = 5
    default_jurisdiction: str = ""  # a profile code; empty: the first profile
    organisation_name: str = ""  # shown on letters and minutes headers
    backups_to_keep: int = 10
    backup_folder: str = ""  # empty: the data folder's own backups folder
    look: str = "system"  # "system" follows the computer's light or dark palette
    first_run: str = ""  # see FIRST_RUN
    open_workspaces: tuple[int, ...] = ()  # conference ids, in the order they were opened
    # Set while a workspace is being opened, cleared once it is shown: a start after a crash in
    # between does not reopen that workspace by itself.
    opening_conference: int | None = None


# --- checks: each returns the value to keep, or raises ValueError ---------------------------


def _int_in(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"not a whole number from {low} to {high}")
        return value

    return check


def _one_of(choices: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in choices:
            raise ValueError(f"not one of {', '.join(choices)}")
        return str(value)

    return check


def _profile_code(value: Any) -> str:
    if value == "":
        return ""
    if not isinstance(value, str) or not PROFILE_CODE.match(value):
        raise ValueError("not a profile code")
    return value


def _organisation(value: Any) -> str:
    if not isinstance(value, str) or len(value) > MAX_ORGANISATION_CHARS:
        raise ValueError(f"not text of at most {MAX_ORGANISATION_CHARS} characters")
    if _CONTROL.search(value):
        raise ValueError("holds control characters")
    return value.strip()


def _folder(value: Any) -> str:
    if not isinstance(value, str) or len(value) > MAX_FOLDER_CHARS:
        raise ValueError(f"not a folder path of at most {MAX_FOLDER_CHARS} characters")
    if _CONTROL.search(value) or "\x00" in value:
        raise ValueError("holds control characters")
    return value.strip()


def _conference_id(value: Any) -> int:
    return _int_in(1, MAX_ID)(value)


def _optional_id(value: Any) -> int | None:
    return None if value is None else _conference_id(value)


def _ids(value: Any) -> tuple[int, ...]:
    if not isinstance(value, list) or len(value) > MAX_OPEN_WORKSPACES:
        raise ValueError(f"not a list of at most {MAX_OPEN_WORKSPACES} conference ids")
    return tuple(dict.fromkeys(_conference_id(v) for v in value))


@dataclass(frozen=True)
class SettingSpec:
    """One setting as a settings screen shows it (``shown``) and as the file stores it."""

    key: str  # the Settings field and the key in the file
    label: str  # English; translate with label_context
    description: str
    check: Callable[[Any], Any] = field(repr=False)
    shown: bool = True  # False: kept by the app itself (the session), not offered to edit
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    label_context: str = "Settings"


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "language",
        QT_TRANSLATE_NOOP("Settings", "Language"),
        QT_TRANSLATE_NOOP("Settings", "The language of menus, messages and screens."),
        _one_of(LANGUAGES),
        choices=LANGUAGES,
    ),
    SettingSpec(
        "lock_after_minutes",
        QT_TRANSLATE_NOOP("Settings", "Lock after (minutes idle)"),
        QT_TRANSLATE_NOOP(
            "Settings", "Lock MDCC Desktop when it has not been used for this many minutes."
        ),
        _int_in(1, 120),
        minimum=1,
        maximum=120,
    ),
    SettingSpec(
        "default_jurisdiction",
        QT_TRANSLATE_NOOP("Settings", "Default jurisdiction"),
        QT_TRANSLATE_NOOP("Settings", "The jurisdiction profile a new conference starts with."),
        _profile_code,
    ),
    SettingSpec(
        "organisation_name",
        QT_TRANSLATE_NOOP("Settings", "Organisation name"),
        QT_TRANSLATE_NOOP("Settings", "Your organisation's name, as minutes and letters show it."),
        _organisation,
    ),
    SettingSpec(
        "backups_to_keep",
        QT_TRANSLATE_NOOP("Settings", "Backups to keep"),
        QT_TRANSLATE_NOOP(
            "Settings", "How many copies of the database to keep in the backups folder."
        ),
        _int_in(1, 1000),
        minimum=1,
        maximum=1000,
    ),
    SettingSpec(
        "backup_folder",
        QT_TRANSLATE_NOOP("Settings", "Backups folder"),
        QT_TRANSLATE_NOOP(
            "Settings", "Where backups are kept; empty keeps them in the data folder."
        ),
        _folder,
    ),
    SettingSpec(
        "look",
        QT_TRANSLATE_NOOP("Settings", "Look"),
        QT_TRANSLATE_NOOP("Settings", "Follow the computer's look, or always light or dark."),
        _one_of(LOOKS),
        choices=LOOKS,
    ),
    SettingSpec(
        "first_run",
        QT_TRANSLATE_NOOP("Settings", "First run"),
        QT_TRANSLATE_NOOP("Settings", "How far the welcome of a new data folder has gone."),
        _one_of(FIRST_RUN),
        shown=False,
        choices=FIRST_RUN,
    ),
    SettingSpec(
        "open_workspaces",
        QT_TRANSLATE_NOOP("Settings", "Workspaces open at quit"),
        QT_TRANSLATE_NOOP("Settings", "The conferences reopened at the next start."),
        _ids,
        shown=False,
    ),
    SettingSpec(
        "opening_conference",
        QT_TRANSLATE_NOOP("Settings", "Workspace being opened"),
        QT_TRANSLATE_NOOP(
            "Settings", "A workspace whose opening had not finished: not reopened by itself."
        ),
        _optional_id,
        shown=False,
    ),
)

_SPECS = {spec.key: spec for spec in SETTINGS}


def from_mapping(data: Mapping[str, Any]) -> Settings:
    """Settings from a decoded file: each bad value replaced by its default, with a warning
    naming the setting (never the value); unknown keys are ignored."""
    values: dict[str, Any] = {}
    for key, spec in _SPECS.items():
        if key not in data:
            continue
        try:
            values[key] = spec.check(data[key])
        except (ValueError, TypeError, RecursionError) as exc:
            log.warning("settings: %s is %s; using the default", key, exc)
    return Settings(**values)


def to_mapping(settings: Settings) -> dict[str, Any]:
    data: dict[str, Any] = {"version": FORMAT_VERSION}
    for spec in SETTINGS:
        value = getattr(settings, spec.key)
        data[spec.key] = list(value) if isinstance(value, tuple) else value
    return data


def settings_path(data_dir: Path) -> Path:
    """Where the settings of a data folder live: the settings module alone decides."""
    return data_dir / SETTINGS_NAME


class SettingsFile:
    """The settings of one data folder: :attr:`current`, and :meth:`update` to change and save.

    Saving is best effort: a data folder that cannot be written is logged (settings are a
    convenience; the data itself is in the database) and the new values are still used.
    """

    def __init__(self, path: Path, current: Settings | None = None) -> None:
        self.path = path
        self.current = current if current is not None else Settings()

    @classmethod
    def load(cls, data_dir: Path) -> SettingsFile:
        path = settings_path(data_dir)
        if not path.exists() and not path.is_symlink():
            return cls(path, from_mapping(legacy_session(data_dir / LEGACY_NAME)))
        return cls(path, load(path))

    def update(self, **changes: Any) -> Settings:
        """Change the named settings (each checked as a loaded one is) and save."""
        unknown = set(changes) - set(_SPECS)
        if unknown:
            raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
        checked = {
            key: _SPECS[key].check(list(v) if isinstance(v, tuple) else v)
            for key, v in changes.items()
        }
        self.current = dataclasses.replace(self.current, **checked)
        self.save()
        return self.current

    def save(self) -> bool:
        """Write the settings; False (and logged) when the file cannot be written."""
        from mdcc_desktop.domain.errors import MdccError
        from mdcc_desktop.services.files import write_atomically

        text = json.dumps(to_mapping(self.current), indent=2, ensure_ascii=False) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, text.encode("utf-8"))
        except (OSError, MdccError) as exc:
            log.warning("settings: not saved (%s)", type(exc).__name__)
            return False
        return True


def load(path: Path) -> Settings:
    """The settings in ``path``: defaults for a missing file, and for anything bad (logged)."""
    from mdcc_desktop.domain.errors import MdccError
    from mdcc_desktop.services.files import read_input

    try:
        if not path.exists() and not path.is_symlink():
            return Settings()
        raw = read_input(path, MAX_SETTINGS_BYTES, "settings file")
        data = json.loads(raw.decode("utf-8"))
    except (OSError, MdccError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        # The exception's message may quote the file's contents: only its type is logged.
        log.warning("settings: %s cannot be used (%s); using the defaults", path.name, _why(exc))
        return Settings()
    if not isinstance(data, dict):
        log.warning("settings: %s is not a JSON object; using the defaults", path.name)
        return Settings()
    return from_mapping(data)


def legacy_session(path: Path) -> dict[str, Any]:
    """The session the main window kept in ``settings.ini`` (QSettings' ini format) before
    settings.json: the workspaces open at quit and the one being opened. Anything unreadable
    gives nothing; the values are checked afterwards as a settings file's are."""
    if not path.exists():
        return {}
    import configparser

    from mdcc_desktop.domain.errors import MdccError
    from mdcc_desktop.services.files import read_input

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(read_input(path, MAX_SETTINGS_BYTES, "settings file").decode("utf-8"))
        session = parser["session"] if parser.has_section("session") else {}
        open_ids = session.get("open_conferences", "")
        opening = session.get("opening_conference", "").strip()
    except (OSError, MdccError, UnicodeDecodeError, configparser.Error) as exc:
        log.warning("settings: %s cannot be used (%s)", path.name, _why(exc))
        return {}
    data: dict[str, Any] = {}
    if open_ids.strip() != "@Invalid()":  # QSettings' way of writing an empty list
        ids = [part.strip() for part in open_ids.split(",")]
        data["open_workspaces"] = [_as_int(i) for i in ids if i]
    if opening:
        data["opening_conference"] = _as_int(opening)
    return data


def _as_int(text: str) -> int | str:
    """The number ``text`` writes, or the text itself (which the check then refuses)."""
    if text.isascii() and text.isdigit() and len(text) <= 20:
        return int(text)
    return text


def _why(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, json.JSONDecodeError):
        return "not JSON"
    return type(exc).__name__
