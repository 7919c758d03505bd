"""The one start-up sequence of the GUI (``app.py``) and the command line (``cli.py``):

    paths → logging → settings → translator → unlock → services

:func:`prepare` runs the steps up to the translator, :func:`open_services` the rest, and
:func:`start` both in a row (the command line). The GUI calls them apart, because it does its Qt
work in between (the application object, one app per data folder).

No Qt here: the GUI hands its Qt parts in as hooks (the translator). Nothing heavy is imported at
module level either: the services, and with them the database, are imported when opened, so a
command that only parses its arguments (``--version``, ``--help``) never pays for them.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mdcc_desktop.logs import setup_logging
from mdcc_desktop.paths import AppPaths, resolve
from mdcc_desktop.settings import Settings, SettingsFile

if TYPE_CHECKING:
    from mdcc_desktop.services.context import Services

log = logging.getLogger(__name__)

# Installs the interface's translation for the settings' language ("system", "en", "zh-Hant"): the
# GUI's hook loads the QTranslators of its catalogue and returns the language the interface shows
# ("system" made the computer's). The command line has none (its output is English).
TranslatorHook = Callable[[str], "str | None"]
# Unlocks the data folder before the database is opened: the protection issue (an encrypted
# database) adds one; returns the key to open the database with, None for no key.
UnlockHook = Callable[[AppPaths, Settings], "bytes | None"]


@dataclass
class Boot:
    """What the start-up sequence has made so far."""

    paths: AppPaths
    settings: SettingsFile
    language: str
    services: Services | None = None


def prepare(
    data_dir: str | os.PathLike[str] | None,
    *,
    console_log: bool,
    translator: TranslatorHook | None = None,
) -> Boot:
    """Paths, logging, settings and the translator: everything before the data is opened."""
    paths = resolve(data_dir)
    setup_logging(paths.logs, console=console_log)
    settings = SettingsFile.load(paths.data_dir)
    language = install_translator(interface_language(settings.current), translator)
    return Boot(paths, settings, language)


def interface_language(settings: Settings) -> str:
    """The language the settings ask for: "en", "zh-Hant", or "system" (the computer's, which
    only the GUI's translator hook can tell)."""
    return settings.language


def install_translator(language: str, hook: TranslatorHook | None) -> str:
    """The translator step: hands the language to the GUI's hook; the language the interface
    shows, as the hook resolved it (the settings' own without a hook)."""
    if hook is None:
        return language
    return hook(language) or language


def unlock(boot: Boot, hook: UnlockHook | None) -> bytes | None:
    """The unlock step: the hook (the command line's or the GUI's) asks for the passphrase and
    returns the database key; without a hook the database is opened without a key."""
    if hook is None:
        return None
    return hook(boot.paths, boot.settings.current)


def open_services(
    boot: Boot,
    *,
    busy_timeout_ms: int | None = None,
    unlock_hook: UnlockHook | None = None,
    integrity_check: bool = True,
) -> Services:
    """Unlock, then open the database and build the services (imported only now).

    ``integrity_check=False``: the caller runs the database's integrity check itself, later
    (the GUI, on a worker thread once its window is up; see ``Store.open``)."""
    key = unlock(boot, unlock_hook)  # first: the unlock screen is the first window a user sees
    from mdcc_desktop.services.context import Services
    from mdcc_desktop.store.connection import BUSY_TIMEOUT_MS
    from mdcc_desktop.store.errors import WrongKeyError

    try:
        boot.services = Services.open(
            boot.paths,
            busy_timeout_ms=BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms,
            settings=boot.settings,
            integrity_check=integrity_check,
            key=key,
        )
    except WrongKeyError as exc:
        if key is None:
            raise
        # The passphrase opened the key file, so the key file is not this database's: another
        # folder's put here, or the database replaced. "Check the password" would mislead.
        from mdcc_desktop.domain.messages import msg
        from mdcc_desktop.store.keys import KEY_FILE_NAME

        raise WrongKeyError(
            msg("key_file_not_this_database", folder=str(boot.paths.data_dir), name=KEY_FILE_NAME)
        ) from exc
    return boot.services


def start(
    data_dir: str | os.PathLike[str] | None,
    *,
    console_log: bool = False,
    busy_timeout_ms: int | None = None,
    translator: TranslatorHook | None = None,
    unlock_hook: UnlockHook | None = None,
) -> Boot:
    """The whole sequence in a row; ``boot.services`` is open (close it when done)."""
    boot = prepare(data_dir, console_log=console_log, translator=translator)
    open_services(boot, busy_timeout_ms=busy_timeout_ms, unlock_hook=unlock_hook)
    return boot
