"""The unlock screen gets the main window ready while the chair types the passphrase
(``ui/unlock/preload.py``): the main window's modules and Qt's classes, in the GUI thread's
idle time, without a key lost; and when Unlock comes first, the rest on a worker thread that is
waited for before Qt is touched again. Each in a new process: this one has the modules."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mdcc_desktop.ui.unlock import preload
from tests.conftest import TEST_PASSPHRASE

START = """
import sys, threading, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from PySide6 import QtWidgets
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.protection import Protection
from mdcc_desktop.ui.unlock import preload
from mdcc_desktop.ui.unlock.dialogs import UnlockDialog

def workers():
    return [t for t in threading.enumerate() if t.name == "preload-main-window"]

def unmade():
    return [n for n in dir(QtWidgets) if n not in vars(QtWidgets)]

dialog = UnlockDialog(Protection(AppPaths(Path(sys.argv[1]))))
assert not any(m in sys.modules for m in preload.STEPS), "loaded before the screen"
assert unmade(), "control: PySide makes its classes when first looked up"
dialog.show()
"""

WHILE_TYPING = (
    START
    + """
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

dialog.passphrase.setFocus()
typed = ""
until = time.monotonic() + 60
while not preload._the_preload().done() and time.monotonic() < until:
    QTest.keyClicks(dialog.passphrase, "x", Qt.KeyboardModifier.NoModifier, 20)
    typed += "x"
assert preload._the_preload().done(), "not ready after a minute of typing"
assert dialog.passphrase.text() == typed, "a key was lost while the idle work ran"
assert all(m in sys.modules for m in preload.STEPS)
assert unmade() == [], unmade()[:10]
assert not workers(), "the idle work ran on a thread"
dialog.passphrase.setText(sys.argv[2])
dialog.unlock()
assert dialog.db_key is not None
assert not workers(), "nothing was left for the worker thread"
print("typed", len(typed))
"""
)

UNLOCK_AT_ONCE = (
    START
    + """
dialog.passphrase.setText(sys.argv[2])
dialog.unlock()  # before any idle time
assert dialog.db_key is not None
assert preload.started()
assert all(not t.is_alive() for t in workers()), "the worker was not waited for"
assert all(m in sys.modules for m in preload.MODULES)
work = preload._the_preload()
assert not work.timer.isActive() and not work.after_show.isActive()
made_before = len(unmade())
until = time.monotonic() + 0.5
while time.monotonic() < until:
    app.processEvents()
assert len(unmade()) == made_before, "idle work went on after Unlock"
print("ok")
"""
)


def run(code: str, folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, str(folder), TEST_PASSPHRASE],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_while_the_chair_types_the_main_window_gets_ready_and_no_key_is_lost(
    locked: Path,
) -> None:
    done = run(WHILE_TYPING, locked)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "typed" in done.stdout


def test_unlock_before_the_idle_work_leaves_the_rest_to_a_worker_that_is_waited_for(
    locked: Path,
) -> None:
    done = run(UNLOCK_AT_ONCE, locked)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "ok"


def test_the_idle_steps_end_with_everything_the_main_window_needs() -> None:
    assert set(preload.MODULES) <= set(preload.STEPS)
    assert preload.STEPS[-3] == "mdcc_desktop.ui.home.main_window"
    assert len(set(preload.STEPS)) == len(preload.STEPS)
