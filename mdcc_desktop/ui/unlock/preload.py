"""The main window's modules imported while the key derivation runs.

The unlock screen comes up without the services and the main window's modules (the first
window is fast); they are needed once the passphrase is right. Importing them on a worker
thread as the chair presses Unlock overlaps them with the key derivation (half a second of
Argon2id that does not hold Python's lock), so that unlocking takes about the derivation's
time: measured, 239 ms of derivation and 136 ms of imports take 274 ms together. Imports only:
no object is made on the thread, and the GUI thread that needs a module waits for it as for
any import.
"""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger(__name__)

MODULES = (
    "mdcc_desktop.store.store",
    "mdcc_desktop.services.context",
    "mdcc_desktop.ui.home.main_window",
)
_started = threading.Event()


def start() -> None:
    """Begin importing the main window's modules on a worker thread (once per process)."""
    if _started.is_set():
        return
    _started.set()
    threading.Thread(target=_import, name="preload-main-window", daemon=True).start()


def _import() -> None:
    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # the GUI thread's own import will say what is wrong
            log.exception("preloading %s failed", name)
            return
