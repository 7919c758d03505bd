"""The crash dialog (issue 11 point 10): every error logged first without personal data; one
dialog with the versions and a Copy button; a burst of errors, or errors while the dialog is
up or being built, never open a second dialog; errors on worker threads (a threading.Thread,
a QThreadPool's QRunnable) are logged and shown on the GUI thread."""

from __future__ import annotations

import logging
import platform
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRunnable, QThreadPool, QTimer, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from mdcc_desktop import __version__
from mdcc_desktop.ui.widgets import crash
from mdcc_desktop.ui.widgets.crash import CrashDialog, CrashReporter

SECRET = "Max Turner, 12 Brook Lane"


def error() -> tuple[type[BaseException], BaseException, Any]:
    try:
        raise ValueError(SECRET)
    except ValueError:
        exc_type, exc, tb = sys.exc_info()
    assert exc_type is not None and exc is not None
    return exc_type, exc, tb


@pytest.fixture
def reporter(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[CrashReporter]:
    made = CrashReporter()
    monkeypatch.setattr(crash._Installed, "reporter", made)
    yield made
    made.deleteLater()


def while_shown(reporter: CrashReporter, act: Callable[[CrashDialog], None]) -> list[str]:
    """Run ``act`` on the dialog once it is up, then close it; what went wrong in ``act``."""
    problems: list[str] = []
    timer = QTimer()
    timer.setInterval(5)

    def look() -> None:
        dialog = reporter.dialog
        if dialog is None or not dialog.isVisible():
            return
        timer.stop()
        try:
            act(dialog)
        except Exception as exc:  # said to the test after the dialog closed
            problems.append(repr(exc))
        dialog.accept()

    timer.timeout.connect(look)
    timer.start()
    reporter._keep_timer = timer  # type: ignore[attr-defined]
    return problems


def test_the_dialog_shows_the_versions_and_copies_a_report_without_personal_data(
    qtbot: Any, reporter: CrashReporter, caplog: pytest.LogCaptureFixture
) -> None:
    seen: dict[str, str] = {}

    def act(dialog: CrashDialog) -> None:
        seen["versions"] = dialog.versions.text()
        seen["details"] = dialog.details.toPlainText()
        QGuiApplication.clipboard().clear()
        dialog.copy_button.click()
        seen["clipboard"] = QGuiApplication.clipboard().text()

    problems = while_shown(reporter, act)
    exc_type, _exc, tb = error()
    with caplog.at_level(logging.ERROR, logger="mdcc_desktop.crash"):
        reporter.report(exc_type, tb)
    qtbot.waitUntil(lambda: reporter.dialogs_shown == 1 and reporter.dialog is None)
    assert problems == []
    for part in (__version__, platform.python_version(), qVersion()):
        assert part in seen["versions"]
    assert "OS " in seen["versions"]
    assert seen["clipboard"] == seen["details"]
    assert "builtins.ValueError" in seen["clipboard"]
    assert f"Qt {qVersion()}" in seen["clipboard"]
    assert "test_crash.py" in seen["clipboard"]  # where it happened
    assert "Max Turner" not in seen["clipboard"] and "Brook Lane" not in seen["clipboard"]
    # Logged first, without personal data either.
    assert "builtins.ValueError" in caplog.text and "Max Turner" not in caplog.text


def test_a_burst_of_errors_shows_one_dialog_counting_the_others(
    qtbot: Any, reporter: CrashReporter
) -> None:
    counted: list[str] = []

    def act(dialog: CrashDialog) -> None:
        exc_type, _exc, tb = error()
        for _ in range(3):  # more while the dialog is up
            reporter.report(exc_type, tb)
        counted.append(dialog.more.text())

    problems = while_shown(reporter, act)
    exc_type, _exc, tb = error()
    for _ in range(10):  # a burst before the dialog could show
        reporter.report(exc_type, tb)
    qtbot.waitUntil(lambda: reporter.dialogs_shown == 1 and reporter.dialog is None)
    QApplication.processEvents()
    assert problems == []
    assert reporter.dialogs_shown == 1
    assert counted and "12" in counted[0]  # nine from the burst, three while it was up
    # Once it is closed, the next error has a dialog of its own.
    while_shown(reporter, lambda dialog: None)
    reporter.report(exc_type, tb)
    qtbot.waitUntil(lambda: reporter.dialogs_shown == 2 and reporter.dialog is None)


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_while_the_dialog_is_up_opens_no_second_dialog(
    qtbot: Any, reporter: CrashReporter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", crash._hook)

    def act(dialog: CrashDialog) -> None:
        def fails() -> None:
            raise RuntimeError(SECRET)

        QTimer.singleShot(0, fails)  # a slot raising while the dialog's loop runs
        QApplication.processEvents()
        QApplication.processEvents()

    problems = while_shown(reporter, act)
    exc_type, _exc, tb = error()
    reporter.report(exc_type, tb)
    qtbot.waitUntil(lambda: reporter.dialogs_shown == 1 and reporter.dialog is None)
    QApplication.processEvents()
    assert problems == []
    assert reporter.dialogs_shown == 1
    assert reporter.shown_more == 1


def test_an_error_while_the_dialog_is_built_is_logged_and_shows_nothing_more(
    qtbot: Any,
    reporter: CrashReporter,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(self: CrashDialog, report: str, parent: Any = None) -> None:
        raise RuntimeError("the dialog itself fails")

    monkeypatch.setattr(CrashDialog, "__init__", broken)
    exc_type, _exc, tb = error()
    with caplog.at_level(logging.ERROR, logger="mdcc_desktop.crash"):
        reporter.report(exc_type, tb)
        qtbot.waitUntil(lambda: "could not be shown" in caplog.text)
    assert reporter.dialogs_shown == 0 and reporter.dialog is None
    assert caplog.text.count("unexpected error") == 1  # no report about the report
    monkeypatch.undo()
    # Not stuck: the next error is shown.
    reporter_ = reporter
    while_shown(reporter_, lambda dialog: None)
    reporter_.report(exc_type, tb)
    qtbot.waitUntil(lambda: reporter_.dialogs_shown == 1 and reporter_.dialog is None)


def test_an_error_on_a_worker_thread_is_logged_and_shown_on_the_gui_thread(
    qtbot: Any,
    reporter: CrashReporter,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(threading, "excepthook", crash._thread_hook)
    on: list[bool] = []

    def act(dialog: CrashDialog) -> None:
        on.append(threading.current_thread() is threading.main_thread())
        on.append("Thread: mdcc-worker" in dialog.details.toPlainText())

    problems = while_shown(reporter, act)

    def work() -> None:
        raise ValueError(SECRET)

    with caplog.at_level(logging.ERROR, logger="mdcc_desktop.crash"):
        worker = threading.Thread(target=work, name="mdcc-worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: reporter.dialogs_shown == 1 and reporter.dialog is None)
    assert problems == [] and on == [True, True]
    assert "builtins.ValueError" in caplog.text and "Max Turner" not in caplog.text


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_thread_pool_runnable_is_shown_on_the_gui_thread(
    qtbot: Any, reporter: CrashReporter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", crash._hook)
    on: list[bool] = []
    problems = while_shown(
        reporter,
        lambda dialog: on.append(threading.current_thread() is threading.main_thread()),
    )

    class Fails(QRunnable):
        def run(self) -> None:
            raise ValueError(SECRET)

    pool = QThreadPool()
    pool.start(Fails())
    pool.waitForDone()
    qtbot.waitUntil(lambda: reporter.dialogs_shown == 1 and reporter.dialog is None)
    assert problems == [] and on == [True]


def test_install_hooks_sys_and_threading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(crash._Installed, "reporter", None)
    made = crash.install()
    assert sys.excepthook is crash._hook and threading.excepthook is crash._thread_hook
    assert crash.install() is made is crash.reporter()
