"""The GUI's unlock hook (``bootstrap.UnlockHook``): the unlock screen before anything opens."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog

from mdcc_desktop.bootstrap import UnlockHook
from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.protection import FolderState, Protection
from mdcc_desktop.settings import Settings
from mdcc_desktop.ui.unlock.dialogs import SetUpDialog, UnlockDialog

ENV_PASSPHRASE = "MDCC_PASSPHRASE"


class UnlockCancelledError(MdccError):
    """The chair closed the unlock screen: nothing was opened."""


def make_hook(
    *,
    smoke: bool = False,
    started: float | None = None,
    install_translator: Callable[[str], object] | None = None,
) -> UnlockHook:
    """The unlock hook; ``smoke``: show the unlock screen, print the time from ``started`` to it
    (milliseconds, flushed: what ``--smoke`` measures once the folder is encrypted), then go on
    with ``MDCC_PASSPHRASE`` when it is set (benchmarks and tests), else stop there (exit 0)."""

    def unlock(paths: AppPaths, settings: Settings) -> bytes | None:
        protection = Protection(paths)
        state = protection.state()
        if state is FolderState.DAMAGED:
            return None  # opening it says the file is damaged, as for any damaged file
        if state is FolderState.KEY_MISSING:
            protection.require_key_file()  # raises, saying what to do
        if state is FolderState.NEW and not smoke:  # a first run: the welcome's language first
            from mdcc_desktop.ui.welcome.flow import ask_language

            if ask_language(settings.language, install_translator) is None:
                raise UnlockCancelledError(
                    QCoreApplication.translate(
                        "UnlockDialog", "Nothing was set up: the data folder is as it was."
                    )
                )
        dialog = dialog_for(protection, state)
        if smoke:
            return _smoke(dialog, lambda: _unattended(paths, settings), started)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.db_key is None:
            raise UnlockCancelledError(
                QCoreApplication.translate(
                    "UnlockDialog", "The data folder stays locked: nothing was opened."
                )
            )
        return dialog.db_key

    return unlock


def dialog_for(protection: Protection, state: FolderState) -> SetUpDialog | UnlockDialog:
    if state in (FolderState.NEW, FolderState.PLAIN):
        return SetUpDialog(protection, existing=state is FolderState.PLAIN)
    return UnlockDialog(protection)


def _unattended(paths: AppPaths, settings: Settings) -> bytes | None:
    """The command line's way (the passphrase from the environment) for a smoke run."""
    from mdcc_desktop.cli_unlock import make_hook as cli_hook

    return cli_hook(None)(paths, settings)


class SmokeTiming:
    """Whether a smoke run has printed its time already (at the unlock screen): the main
    window's first paint then prints nothing more, so the run prints one time."""

    printed = False


def _smoke(
    dialog: QDialog, go_on: Callable[[], bytes | None], started: float | None
) -> bytes | None:
    dialog.show()
    QApplication.processEvents()
    elapsed_ms = (time.perf_counter() - (started or time.perf_counter())) * 1000
    print(f"{elapsed_ms:.0f}", flush=True)
    SmokeTiming.printed = True
    dialog.close()
    if not os.environ.get(ENV_PASSPHRASE):
        raise SystemExit(0)  # the smoke ends at the unlock screen: nothing to unlock it with
    return go_on()


__all__ = ["SmokeTiming", "UnlockCancelledError", "dialog_for", "make_hook"]
