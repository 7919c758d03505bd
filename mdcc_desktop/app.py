"""The GUI entry point: ``mdcc-desktop`` and ``python -m mdcc_desktop``.

``--smoke`` starts everything a user would see, prints the start-up time in milliseconds once the
main window has been painted the first time (from ``main``; flushed at once, so a benchmark can
time the whole process up to it), then runs what waited for that paint (the summary of the
conference selected, the integrity check), processes the events and exits 0: benchmarks and the
packaged build use it.

One app per data folder (``ui/single_instance.py``): a start on a folder another app holds
raises that app's window, says so and exits with code 2 (``--smoke`` included).

The database's integrity check (SQLite's quick check, a third of a second on a large file) runs
on a worker thread once the window has been painted; damage it finds is reported then and the
app exits with code 2 (``--smoke`` waits for it and says so on stderr). After an unclean
shutdown (the last app's lock file left behind), or when the schema is to be migrated, the file
is checked before it is opened, as the command line always does.

The start-up sequence is ``mdcc_desktop.bootstrap``'s, as the command line's: this module adds
the Qt parts around it (the application object first, the translator hook, one app per data
folder before the data is opened, the window last).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mdcc_desktop import APP_ID, APP_NAME, __version__, bootstrap, resources
from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.paths import ENV_DATA_DIR, data_dir_argument
from mdcc_desktop.resources import data_dir

ALREADY_OPEN = "MDCC Desktop is already open on this data folder; switched to it."
# How often the GUI looks whether the integrity check on its worker thread has finished.
CHECK_POLL_MS = 50
# How long after the start the app begins to listen for other starts (single_instance).
LISTEN_AFTER_MS = 200

log = logging.getLogger(__name__)


class IntegrityCheck:
    """The database's integrity check on a worker thread (its own connection; it only reads),
    so that the first window does not wait for it."""

    def __init__(self, path: Path, backup_dir: Path | None, key: bytes | str | None = None) -> None:
        self.path = path
        self.backup_dir = backup_dir
        self.key = key  # an encrypted database's
        self.error: MdccError | None = None
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)

    def start(self) -> IntegrityCheck:
        if self._thread.ident is None:  # once
            self._thread.start()
        return self

    def _run(self) -> None:
        from mdcc_desktop.store import Store

        try:
            Store.check_file(self.path, self.backup_dir, key=self.key)
        except MdccError as exc:
            self.error = exc
        except Exception:  # a bug, not damage: logged (no personal data in it), not fatal
            log.exception("the integrity check failed")
        finally:
            if self.error is None:  # the key stays with the open database alone (the lock
                self.key = None  # drops it); damage keeps it to check the backups on offer

    @property
    def done(self) -> bool:
        """Whether the check has run (False until it has started, then while it runs)."""
        return self._thread.ident is not None and not self._thread.is_alive()

    def wait(self) -> MdccError | None:
        """Wait for the check (started now if it was not yet); the damage it found, or None."""
        if self._thread.ident is None:
            self._thread.start()
        self._thread.join()
        return self.error


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The GUI's arguments: ``--data-dir DIR``, ``--smoke``, ``--version`` and ``--help``
    (anything else, Qt's own options among them, is left to Qt). A start with only the first
    two, as every start from a menu or a desktop file is, is read without building the parser
    (some 3 ms before the first window); anything else goes to argparse, which says what is
    wrong."""
    known = _known_args(list(sys.argv[1:] if argv is None else argv))
    if known is not None:
        return known
    return _parser().parse_known_args(argv)[0]


def _known_args(argv: list[str]) -> argparse.Namespace | None:
    """``argv`` read when it holds only ``--smoke`` and well-formed ``--data-dir`` options
    (what argparse would make of them); None for anything else."""
    args = argparse.Namespace(data_dir=None, smoke=False)
    rest = iter(argv)
    for word in rest:
        if word == "--smoke":
            args.smoke = True
            continue
        if word == "--data-dir":
            value = next(rest, None)
        elif word.startswith("--data-dir="):
            value = word.removeprefix("--data-dir=")
        else:
            return None
        if value is None or value.startswith("-"):
            return None
        try:
            args.data_dir = data_dir_argument(value)
        except argparse.ArgumentTypeError:
            return None
    return args


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mdcc-desktop", description=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=data_dir_argument,
        help=f"data folder (default: ${ENV_DATA_DIR}, else the user data folder)",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start, show the window, print the start-up time in ms, exit",
    )
    parser.add_argument("--version", action="version", version=f"mdcc-desktop {__version__}")
    return parser


# The settings' interface languages and the locale each one's catalogue is made for: the one
# Chinese catalogue is Hong Kong's, ``resources/i18n/mdcc_zh_HK.qm`` (built from the ``.ts`` of the
# same name by tools/build_qm.py). English is the source text and has none.
CATALOGUES = {"zh-Hant": "zh_HK"}
# Qt's own strings (the buttons of its dialogs) from PySide6's translations folder: Qt ships
# Traditional Chinese as Taiwan's (qtbase_zh_TW), which Hong Kong reads the same; none for zh_HK.
QT_CATALOGUES = {"zh-Hant": "qtbase_zh_TW"}


def system_language() -> str:
    """The interface language "system" stands for: Traditional Chinese on a computer set to it
    (Hong Kong, Taiwan, Macao, or the Traditional script), else English."""
    from PySide6.QtCore import QLocale

    locale = QLocale.system()
    if locale.language() != QLocale.Language.Chinese:
        return "en"
    traditional = locale.script() == QLocale.Script.TraditionalChineseScript
    places = (QLocale.Country.HongKong, QLocale.Country.Taiwan, QLocale.Country.Macao)
    return "zh-Hant" if traditional or locale.territory() in places else "en"


def catalogue(language: str) -> Path | None:
    """The interface's compiled catalogue for ``language`` ("zh-Hant"); None for English."""
    name = CATALOGUES.get(language)
    return None if name is None else data_dir("resources") / "i18n" / f"mdcc_{name}.qm"


def install_translator(language: str) -> str:
    """The start-up sequence's translator step for the GUI: "system" becomes the computer's
    language, then the catalogue of that language and Qt's own are installed. Returns the
    language the interface shows ("en" when a catalogue cannot be loaded), which dates and
    profile labels follow."""
    if language == "system":
        language = system_language()
    path = catalogue(language) if language in CATALOGUES else None
    if path is None:
        return "en"
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    app = QCoreApplication.instance()
    if app is None:
        return "en"
    ours = QTranslator()
    if not ours.load(str(path)):
        log.warning("the interface catalogue %s could not be loaded; English instead", path.name)
        return "en"
    qt = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QT_CATALOGUES[language], folder):
        qt.setParent(app)  # the application keeps its translators
        app.installTranslator(qt)
    else:
        log.info("Qt's own catalogue %s is not installed", QT_CATALOGUES[language])
    ours.setParent(app)
    app.installTranslator(ours)
    return language


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse_args(sys.argv[1:] if argv is None else argv)

    # The services' modules are imported once the data folder is unlocked (bootstrap), so that
    # the unlock screen, the first window a user sees, comes up without them.
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from mdcc_desktop.ui.single_instance import SingleInstance
    from mdcc_desktop.ui.widgets import crash, theme

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_ID)
    if isinstance(app, QApplication):
        app.setApplicationDisplayName(APP_NAME)
        app.setWindowIcon(resources.app_icon())  # every window's, the task bar's and the dock's
        app.setDesktopFileName(resources.DESKTOP_ID)
    app.setApplicationVersion(__version__)
    boot = bootstrap.prepare(args.data_dir, console_log=True, translator=install_translator)
    if boot.settings.current.look != "system":  # Settings → Look: light or dark always
        from mdcc_desktop.ui.settings.look import apply_look

        apply_look(boot.settings.current.look, app)
    paths = boot.paths
    crash.install()
    theme.install_focus_ring(app)  # a visible focus ring in every window
    with contextlib.suppress(OSError):  # if it fails, opening the services says why
        paths.data_dir.mkdir(parents=True, exist_ok=True)
    instance = SingleInstance(paths.data_dir)
    if not instance.acquire():
        instance.ask_first_to_raise()
        message = QCoreApplication.translate(
            "app", "MDCC Desktop is already open on this data folder; switched to it."
        )
        print(f"mdcc-desktop: {message}", file=sys.stderr)
        if not args.smoke:
            QMessageBox.information(None, APP_NAME, message)
        return 2
    # Other starts are heard once the first window (the unlock screen) is up: its event loop
    # runs this, and the start-up does not wait for the network module.
    QTimer.singleShot(LISTEN_AFTER_MS, instance.listen)
    from mdcc_desktop.ui.backups.restart import RESTART, Restart

    try:
        while (code := _run(app, args, boot, instance, started)) == RESTART:
            pass  # a backup was restored: open the data folder again
        return code
    finally:
        Restart.forget()
        instance.release()


def _run(
    app: Any, args: argparse.Namespace, boot: bootstrap.Boot, instance: Any, started: float
) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from mdcc_desktop.ui.backups.restart import RESTART, Restart, remembering
    from mdcc_desktop.ui.single_instance import bring_to_front

    # After an unclean shutdown the file is checked before anything else touches it; otherwise
    # the check runs on a worker thread once the window is up (see the module's docstring).
    check_now = bool(getattr(instance, "unclean_shutdown", True))
    try:
        services = bootstrap.open_services(
            boot, integrity_check=check_now, unlock_hook=remembering(unlock(args, started))
        )
    except MdccError as exc:
        # A damaged file: the integrity screen offers the latest good backup (or quitting).
        from mdcc_desktop.store.errors import DatabaseCorruptError

        if not args.smoke and isinstance(exc, DatabaseCorruptError):
            from mdcc_desktop.ui.backups.runner import offer_restore

            if offer_restore(boot, exc):
                return RESTART
        if args.smoke:
            print(f"mdcc-desktop: {exc}", file=sys.stderr)
        else:
            from mdcc_desktop.ui.messages import message_text

            QMessageBox.critical(None, APP_NAME, message_text(exc))  # in the interface's language
        return 2
    # Imported once unlocked: the unlock screen comes up without the main window's modules.
    # Dates follow the interface language's locale, profile labels its Chinese texts.
    from mdcc_desktop.ui import labels
    from mdcc_desktop.ui.home.main_window import MainWindow
    from mdcc_desktop.ui.welcome import flow as welcome
    from mdcc_desktop.ui.widgets import dates

    language = welcome.after_set_up(boot.settings) or boot.language  # a first run's choice
    labels.set_interface_language(language)
    dates.set_locale(language)

    window = MainWindow(services, open_on_overdue=not args.smoke, summary_after_paint=True)
    # A delete's merge of the search index (up to a second on a large file) runs off the GUI,
    # on a thread started once the window is painted (before, it competed with the paint).
    window.first_paint.later(services.store.purge_search_in_background)
    instance.raise_requested.connect(lambda: bring_to_front(front_window(window)))
    check = (
        None
        if check_now
        else IntegrityCheck(services.paths.database, services.backups.folder, services.store.key)
    )
    if check is not None:  # its thread would compete with the first paint for the CPU
        window.first_paint.later(check.start)
    window.first_paint.later(lambda: install_lock(services))
    if not args.smoke:  # the day's backup, on a worker thread once the window is painted
        window.first_paint.later(window.backup_actions.daily)
    if args.smoke:

        def painted() -> None:
            from mdcc_desktop.ui.unlock.hook import SmokeTiming

            if not SmokeTiming.printed:  # the unlock screen, when there was one, came first
                elapsed_ms = (time.perf_counter() - started) * 1000
                # Said at once (flushed): a benchmark may time this process up to this line.
                print(f"{elapsed_ms:.0f}", flush=True)
            QTimer.singleShot(0, app.quit)  # after the work that waited for the paint

        window.first_paint.painted.connect(painted)
    window.show()
    if not args.smoke:
        window.restore_session()
        welcome.about_you(window)  # the first run's last step, until it is done
    if args.smoke:
        app.exec()
        app.processEvents()
        damage = check.wait() if check is not None else None
        window.close()
        services.close()
        if damage is not None:
            print(f"mdcc-desktop: {damage}", file=sys.stderr)
            return 2
        return 0
    if check is not None:
        watch_integrity(app, window, check)
    code = int(app.exec())
    if window.backup_actions.job is not None:
        window.backup_actions.job.wait(60)  # a backup under way finishes first
    services.close()
    if Restart.pending():  # every connection is closed: restore, then open again
        from mdcc_desktop.ui.backups.runner import carry_out

        return carry_out(boot.paths, boot.settings.current)
    return code


def unlock(args: argparse.Namespace, started: float) -> bootstrap.UnlockHook:
    """The unlock screen (``ui/unlock``): before anything opens; ``--smoke`` times up to it."""
    from mdcc_desktop.ui.unlock.hook import make_hook

    return make_hook(smoke=args.smoke, started=started, install_translator=install_translator)


def front_window(window: Any) -> Any:
    """The window a second start brings to the front: the lock screen while locked (showing
    ``window`` would show what the lock hides)."""
    from mdcc_desktop.ui.lock.manager import LockManager

    manager = LockManager.current
    if manager is not None and manager.screen is not None:
        return manager.screen
    return window


def install_lock(services: Any) -> Any:
    """The lock (``ui/lock``): after the idle minutes of the settings, or Ctrl+L."""
    from PySide6.QtWidgets import QApplication

    from mdcc_desktop.ui.lock.manager import LockManager

    return LockManager(services, parent=QApplication.instance())


def watch_integrity(app: Any, window: Any, check: IntegrityCheck) -> Any:
    """Report what ``check`` finds once it is done: damage is said in a message box and the
    app exits with code 2, as a start on a damaged file does. Returns the polling timer."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    timer = QTimer(window)
    timer.setInterval(CHECK_POLL_MS)

    def poll() -> None:
        if not check.done:
            return
        timer.stop()
        if check.error is not None:
            # The integrity screen when there is a good backup to offer, else the message.
            from mdcc_desktop.ui.backups.runner import offer_after_window

            if not offer_after_window(app, window, check.error, check.backup_dir, check.key):
                from mdcc_desktop.ui.messages import message_text

                QMessageBox.critical(window, APP_NAME, message_text(check.error))
                app.exit(2)

    timer.timeout.connect(poll)
    timer.start()
    return timer
