"""The main window made ready while the chair types the passphrase.

The unlock screen comes up without the services and the main window's modules (the first
window is fast); they are needed once the passphrase is right. Two things make unlocking take
about the key derivation's time and little more:

- **While the screen waits** (:func:`when_idle`, once it is shown): the GUI thread's idle time
  imports the main window's modules a step at a time (``STEPS``, the deepest first, so that
  no step holds the typing up for long), then makes Qt's classes that PySide has not made yet
  (it makes a class, and its Python enums, on the first look-up of its name: some 600 enums,
  150 ms, which the main window's first paint would otherwise pay in part after the
  derivation), a slice of at most ``SLICE_MS`` at a time. A chair takes a second or more to
  type a passphrase; this takes about a third of one.
- **When Unlock is pressed before that is done** (:func:`start`): the idle work stops, and the
  modules still missing are imported on a worker thread during the key derivation (Argon2id
  does not hold Python's lock: 239 ms of derivation and 136 ms of imports took 274 ms
  together). The GUI thread waits for that thread once the key is derived (:func:`wait`),
  before it touches Qt again, so that no enum is ever made by two threads at once. The enums
  left are made as they are used.
"""

from __future__ import annotations

import functools
import importlib
import logging
import sys
import threading
import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

# What the main window needs, all of it loaded by the last step.
MODULES = (
    "mdcc_desktop.store.store",
    "mdcc_desktop.services.context",
    "mdcc_desktop.ui.home.main_window",
)
# The imports in the order the idle time makes them, the deepest first: each step imports
# what it needs that the steps before it have not (at most about 25 ms here).
STEPS = (
    "cryptography.hazmat.primitives.kdf.argon2",  # the key derivation's own
    "cryptography.hazmat.primitives.ciphers.aead",
    "secrets",
    "sqlcipher3",
    "mdcc_desktop.domain.models",
    "mdcc_desktop.domain.profiles",
    "mdcc_desktop.domain.holiday_table",
    "mdcc_desktop.store.connection",
    "mdcc_desktop.store.migrations",
    "mdcc_desktop.store.store",
    "mdcc_desktop.store.encryption",
    "mdcc_desktop.services.profiles",
    "mdcc_desktop.services.conferences",
    "mdcc_desktop.services.context",
    "mdcc_desktop.services.conference_pages",  # the services the first paint uses
    "mdcc_desktop.services.deadlines",
    "mdcc_desktop.services.tracker",
    "mdcc_desktop.services.disclosure",
    "mdcc_desktop.ui.labels",
    "mdcc_desktop.ui.widgets.common",
    "mdcc_desktop.ui.home.models",
    "mdcc_desktop.ui.home.conference_list",
    "mdcc_desktop.ui.backups.runner",
    "mdcc_desktop.ui.home.menus",
    "mdcc_desktop.ui.home.main_window",
    "mdcc_desktop.ui.welcome.flow",  # what the app asks of a first run once unlocked
    "mdcc_desktop.ui.records",
)
# The Qt modules whose classes (and their enums) the idle time makes.
QT_MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")
IDLE_AFTER_MS = 150  # after the screen is shown: its first paint and the start-up come first
SLICE_MS = 5.0  # the longest the classes hold the GUI thread at a time (one may take more)


class _Preload(QObject):
    """The one preload of the process: idle steps on the GUI thread, or the worker thread."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setSingleShot(False)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._step)
        self.steps = list(STEPS)  # the imports not made yet
        self.classes: Iterator[None] | None = None  # making Qt's classes, one at a time
        self.classes_done = False
        self.hurried = False  # Unlock was pressed: no more idle work
        self.worker: threading.Thread | None = None  # the imports left when it was
        # (QTimer.singleShot's overloads would make Qt's namespace: not before the screen is up)
        self.after_show = QTimer(self)
        self.after_show.setSingleShot(True)
        self.after_show.setInterval(IDLE_AFTER_MS)
        self.after_show.timeout.connect(self._begin)

    # --- idle time, the GUI thread ------------------------------------------------------------

    def when_idle(self) -> None:
        if not self.hurried and not self.done():
            self.after_show.start()

    def _begin(self) -> None:
        if not self.hurried and not self.done():
            self.timer.start()

    def _step(self) -> None:
        if self.hurried:  # Unlock was pressed: the worker has the imports
            self.timer.stop()
            return
        if self.steps:
            _import(self.steps.pop(0))
            return
        if not self.classes_done:
            self._make_classes()
            return
        self.timer.stop()

    def _make_classes(self) -> None:
        if self.classes is None:
            self.classes = _make_qt_classes()
        until = time.perf_counter() + SLICE_MS / 1000
        for _ in self.classes:
            if time.perf_counter() >= until:
                return
        self.classes_done = True

    def done(self) -> bool:
        return not self.steps and self.classes_done

    # --- Unlock pressed: the worker thread ----------------------------------------------------

    def start(self) -> None:
        self.after_show.stop()
        self.timer.stop()
        if self.hurried:
            return
        self.hurried = True
        steps, self.steps = [n for n in self.steps if n not in sys.modules], []
        if steps:
            self.worker = threading.Thread(
                target=_import_all, args=(steps,), name="preload-main-window", daemon=True
            )
            self.worker.start()

    def wait(self) -> None:
        if self.worker is not None:
            self.worker.join()


def _import(name: str) -> bool:
    try:
        importlib.import_module(name)
    except Exception:  # the GUI thread's own import will say what is wrong
        log.exception("preloading %s failed", name)
        return False
    return True


def _import_all(steps: list[str]) -> None:
    for name in steps:
        if name not in sys.modules and not _import(name):
            return


def _make_qt_classes() -> Iterator[None]:
    """Make Qt's classes that PySide has not made yet, one per step: a class is made, its
    enums with it, on the first look-up of its name in its module."""
    for module_name in QT_MODULES:
        module = importlib.import_module(module_name)
        for name in dir(module):
            if name not in vars(module):
                getattr(module, name, None)
                yield


@functools.cache
def _the_preload() -> _Preload:
    return _Preload()


def when_idle() -> None:
    """Get the main window ready in the GUI thread's idle time, from a moment after now (the
    unlock or set-up screen calls it once shown). Stops by itself when done or on
    :func:`start`."""
    _the_preload().when_idle()


def start() -> None:
    """Unlock was pressed: stop the idle work and import what is left on a worker thread
    (once per process; the caller makes Qt's ``Qt`` namespace first, then calls :func:`wait`
    once the key is derived)."""
    _the_preload().start()


def wait() -> None:
    """Wait for the worker thread's imports (if :func:`start` was called)."""
    _the_preload().wait()


def started() -> bool:
    """Whether :func:`start` has been called in this process."""
    return _the_preload().hurried
