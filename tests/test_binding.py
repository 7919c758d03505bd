"""The Qt binding must not leak references to None.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on each ``QTimer.start()``,
``QTimer.stop()``, ``QLabel.setText()`` and ``processEvents()``. The workspace makes those calls
every second (the meeting clock) and on every keystroke (the notes' save timer), so within a two-
hour meeting the count reaches zero and the interpreter aborts with the chair's typing unsaved.
The UI tests never made enough calls to notice. This one makes thousands of each and checks the
count, so any binding release with the same fault fails here before it reaches a chair.

Python 3.12 made ``None`` immortal (PEP 683): its count no longer moves, and the fault cannot
abort there, so the check only means something on 3.11.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit

# Enough calls to tell a leak (one per call) from noise, few enough that a faulty binding fails
# here cleanly instead of aborting the test run when None's count reaches zero.
CALLS = 500

pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on (PEP 683)"
)


class _Emitter(QObject):
    changed = Signal(str)


def _calls(qapp: QApplication) -> dict[str, Callable[[], object]]:
    timer = QTimer()
    single = QTimer()
    single.setSingleShot(True)
    label = QLabel()
    line = QLineEdit()
    text = QPlainTextEdit()
    emitter = _Emitter()
    emitter.changed.connect(lambda _value: None)
    keep = (timer, single, label, line, text, emitter)
    return {
        "QTimer.start()": lambda: (keep, timer.start())[1],
        "QTimer.start(ms)": lambda: single.start(400),
        "QTimer.stop()": timer.stop,
        "QTimer.isActive()": timer.isActive,
        "QLabel.setText()": lambda: label.setText("12:34"),
        "QLabel.setStyleSheet()": lambda: label.setStyleSheet(""),
        "QLineEdit.setText()": lambda: line.setText("x"),
        "QPlainTextEdit.toPlainText()": text.toPlainText,
        "processEvents()": QCoreApplication.processEvents,
        "Signal.emit()": lambda: emitter.changed.emit("x"),
    }


def test_common_qt_calls_do_not_leak_references_to_none(qapp: QApplication) -> None:
    leaks: dict[str, int] = {}
    for name, call in _calls(qapp).items():
        call()  # warm up: first calls may cache
        before = sys.getrefcount(None)
        for _ in range(CALLS):
            call()
        lost = before - sys.getrefcount(None)
        # Unrelated code may take or drop a handful of references meanwhile; a faulty binding
        # loses one per call.
        if lost > CALLS // 2:
            leaks[name] = lost
            break  # one is enough, and more calls could bring the count to zero
    assert not leaks, (
        f"this Qt binding drops references to None ({leaks} over {CALLS} calls): "
        "a long meeting would abort the app; exclude this release in pyproject.toml"
    )
