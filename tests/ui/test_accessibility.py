"""Every window and dialog walked as a screen reader and a keyboard user get it (issue 15).

One table, ``SCREENS``, lists what is walked: the home window's pages, the workspace in each of
its tabs and every dialog. A new dialog is one line. Each screen is walked by the five checks
of ``accessibility_walk`` (names, label relations, the accessible tree, the Tab and Shift+Tab
cycles); a screen known to fail a check says so with a strict xfail naming what fails, so that
the mark has to go once it is fixed (none is left).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QWidget

from mdcc_desktop.services.context import Services
from tests.ui.accessibility_walk import CHECKS
from tests.ui.home.test_main_window import RecordingPrompter


@dataclass
class Env:
    services: Services
    conference_id: int
    prompter: RecordingPrompter = field(default_factory=RecordingPrompter)
    made: list[QWidget] = field(default_factory=list)

    def keep(self, widget: QWidget) -> QWidget:
        self.made.append(widget)
        return widget


def home(page: int) -> Callable[[Env], QWidget]:
    def build(env: Env) -> QWidget:
        from mdcc_desktop.ui.home.main_window import MainWindow

        window = env.keep(MainWindow(env.services, env.prompter))
        assert isinstance(window, MainWindow)
        window.sidebar.setCurrentRow(page)
        if page == 1:  # an action selected: its update fields are enabled
            window.tracker_page.show_view("All actions")
            window.tracker_page.table.selectRow(0)
        return window

    return build


def workspace(tab: int) -> Callable[[Env], QWidget]:
    def build(env: Env) -> QWidget:
        from mdcc_desktop.ui.workspace.window import WorkspaceWindow

        window = env.keep(WorkspaceWindow(env.services, env.conference_id, env.prompter))
        assert isinstance(window, WorkspaceWindow)
        window.side_tabs.setCurrentIndex(tab)
        return window

    return build


def new_conference(env: Env) -> QWidget:
    from mdcc_desktop.ui.home.new_conference import NewConferenceDialog

    return env.keep(NewConferenceDialog(env.services))


def new_review(env: Env) -> QWidget:
    """The same dialog for an existing case: the review's fields are enabled."""
    from mdcc_desktop.ui.home.new_conference import NewConferenceDialog

    dialog = NewConferenceDialog(env.services)
    case = env.services.conferences.conference(env.conference_id).case_id
    reference = next(c.reference for c in env.services.conferences.cases() if c.id == case)
    dialog.reference.setText(reference)
    return env.keep(dialog)


def chronology(env: Env) -> QWidget:
    from mdcc_desktop.ui.followup.chronology import ChronologyDialog

    case = env.services.conferences.conference(env.conference_id).case_id
    return env.keep(ChronologyDialog(env.services, case))


def circulate(env: Env) -> QWidget:
    from mdcc_desktop.ui.minutes.dialogs import CirculateDialog

    return env.keep(CirculateDialog(env.services, env.conference_id))


def amendments(env: Env) -> QWidget:
    from mdcc_desktop.ui.minutes.dialogs import AmendmentsDialog

    return env.keep(AmendmentsDialog(env.services, env.conference_id))


def history(env: Env) -> QWidget:
    from mdcc_desktop.ui.minutes.history import HistoryDialog

    return env.keep(HistoryDialog(env.services, env.conference_id))


def withheld(proceed: str | None) -> Callable[[Env], QWidget]:
    """What the parents' copy leaves out: the list alone, or the step before Issue."""

    def build(env: Env) -> QWidget:
        from mdcc_desktop.ui.minutes.withheld import WithheldDialog

        return env.keep(WithheldDialog(env.services, env.conference_id, proceed=proceed))

    return build


def closure_days(env: Env) -> QWidget:
    from mdcc_desktop.ui.minutes.dialogs import ClosureDaysDialog

    return env.keep(ClosureDaysDialog(env.services))


def read_back(env: Env) -> QWidget:
    from mdcc_desktop.ui.workspace.readback import ReadBackDialog

    window = workspace(0)(env)
    return env.keep(ReadBackDialog(window.controller, window))  # type: ignore[attr-defined]


def room_view(env: Env) -> QWidget:
    from mdcc_desktop.ui.workspace.readback import RoomView

    window = workspace(0)(env)
    return env.keep(RoomView(window.controller))  # type: ignore[attr-defined]


def search_window(env: Env) -> QWidget:
    from mdcc_desktop.ui.followup.search_window import SearchWindow

    return env.keep(SearchWindow(env.services, None, workspace(0)(env)))


def ask_text(env: Env) -> QWidget:
    """Qt's own dialog the prompter asks a line of text with (a reason to reopen the minutes)."""
    from PySide6.QtWidgets import QInputDialog

    dialog = QInputDialog()
    dialog.setWindowTitle("Reopen the minutes")
    dialog.setLabelText("Why are the minutes reopened?")
    return env.keep(dialog)


def message_box(env: Env) -> QWidget:
    """Qt's message box the prompter tells and asks with (the keyboard card, confirmations)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Delete conference",
        "Delete the conference?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    return env.keep(box)


def unlock_screen(env: Env) -> QWidget:
    """The unlock screen of an encrypted folder (ui/unlock)."""
    from mdcc_desktop.services.protection import Protection
    from mdcc_desktop.ui.unlock.dialogs import UnlockDialog

    return env.keep(UnlockDialog(Protection(env.services.paths)))


def set_up_screen(env: Env) -> QWidget:
    """The set-up screen of a new or plain folder (ui/unlock); nothing is set up by showing it."""
    from mdcc_desktop.services.protection import Protection
    from mdcc_desktop.ui.unlock.dialogs import SetUpDialog

    return env.keep(SetUpDialog(Protection(env.services.paths), existing=True))


def unlock_recovery(env: Env) -> QWidget:
    """The unlock screen's recovery page (the recovery code and a new passphrase)."""
    from mdcc_desktop.services.protection import Protection
    from mdcc_desktop.ui.unlock.dialogs import UnlockDialog

    dialog = UnlockDialog(Protection(env.services.paths))
    dialog.show_recovery()
    return env.keep(dialog)


def set_up_code(env: Env) -> QWidget:
    """The set-up screen's page that shows the recovery code once (a made-up code here)."""
    from mdcc_desktop.services.protection import Protection
    from mdcc_desktop.ui.unlock.dialogs import SetUpDialog

    dialog = SetUpDialog(Protection(env.services.paths), existing=True)
    dialog.show_code("0A1B2-C3D4E-5F6G7-H8J9K-MNPQR-STVWX")
    return env.keep(dialog)


def settings(env: Env) -> QWidget:
    from mdcc_desktop.ui.settings.dialog import SettingsDialog

    return env.keep(SettingsDialog(env.services))


def welcome_language(env: Env) -> QWidget:
    from mdcc_desktop.ui.welcome.dialogs import LanguageDialog

    return env.keep(LanguageDialog("en"))


def welcome_about_you(env: Env) -> QWidget:
    from mdcc_desktop.ui.welcome.dialogs import AboutYouDialog

    profiles = [(p.code, p.name) for p in env.services.profiles.all()]
    return env.keep(AboutYouDialog(profiles, env.services.settings.current))


def disclosure_log(env: Env) -> QWidget:
    """The disclosure log, with an entry in it (an export of the example)."""
    from mdcc_desktop.ui.records.log_window import DisclosureLogDialog

    assert env.services.paths.data_dir is not None
    env.services.exchange.export_file(env.conference_id, env.services.paths.data_dir / "x.json")
    return env.keep(DisclosureLogDialog(env.services, env.prompter))


def chair_dialog(env: Env) -> QWidget:
    from mdcc_desktop.ui.records.dialogs import ChairDialog

    return env.keep(ChairDialog(env.services))


def reporter_identity(env: Env) -> QWidget:
    """The choice to include the reporter's identity in an exchange file, ticked."""
    from mdcc_desktop.ui.records.dialogs import ReporterIdentityDialog

    dialog = ReporterIdentityDialog()
    dialog.include.setChecked(True)
    return env.keep(dialog)


def lock_screen(env: Env) -> QWidget:
    """The screen every window hides behind while the app is locked (ui/lock)."""
    from mdcc_desktop.services.protection import Protection
    from mdcc_desktop.ui.lock.screen import LockScreen

    return env.keep(LockScreen(Protection(env.services.paths)))


def crash_dialog(env: Env) -> QWidget:
    """The dialog an unexpected error shows (ui/widgets/crash.py)."""
    from mdcc_desktop.ui.widgets.crash import CrashDialog

    return env.keep(CrashDialog("MDCC Desktop\nError: builtins.ValueError"))


def restore_backup(env: Env) -> QWidget:
    """The list of backups to restore one from (ui/backups)."""
    from mdcc_desktop.ui.backups.dialogs import RestoreDialog

    if not env.services.backups.backups():
        env.services.backups.back_up("manual")
    return env.keep(RestoreDialog(env.services.backups.backups()))


def integrity_screen(env: Env) -> QWidget:
    """The screen a damaged database shows at start-up (ui/backups); nothing is restored."""
    from mdcc_desktop.ui.backups.dialogs import IntegrityScreen

    if not env.services.backups.backups():
        env.services.backups.back_up("manual")
    found = env.services.backups.backups()[0]
    return env.keep(IntegrityScreen("The database file is damaged.", found))


@dataclass(frozen=True)
class Screen:
    name: str
    build: Callable[[Env], QWidget]
    # check name -> what fails today (a strict xfail: it must fail, and passes once fixed)
    fails: dict[str, str] = field(default_factory=dict)


SCREENS = (
    Screen("home: conferences", home(0)),
    Screen("home: actions", home(1)),
    Screen("home: deadlines", home(2)),
    Screen("home: search", home(3)),
    Screen("workspace: attendees", workspace(0)),
    Screen("workspace: actions", workspace(1)),
    Screen("workspace: decisions", workspace(2)),
    Screen("workspace: safety", workspace(3)),
    Screen("workspace: details", workspace(4)),
    Screen("new conference", new_conference),
    Screen("new review", new_review),
    Screen("case chronology", chronology),
    Screen("circulate the minutes", circulate),
    Screen("amendments", amendments),
    Screen("history of the minutes", history),
    Screen("what the parents' copy leaves out", withheld(None)),
    Screen("what the parents' copy leaves out, before issuing", withheld("Issue")),
    Screen("office closure days", closure_days),
    Screen("read-back", read_back),
    Screen("read-back for the room", room_view),
    Screen("search beside a meeting", search_window),
    Screen("a line of text asked (input dialog)", ask_text),
    Screen("a question or message (message box)", message_box),
    Screen("unlock the data folder", unlock_screen),
    Screen("protect a data folder (set-up)", set_up_screen),
    Screen("unlock with the recovery code", unlock_recovery),
    Screen("the recovery code shown once (set-up)", set_up_code),
    Screen("settings", settings),
    Screen("first run: language", welcome_language),
    Screen("first run: about you", welcome_about_you),
    Screen("disclosure log", disclosure_log),
    Screen("your name and e-mail", chair_dialog),
    Screen("the reporter's identity in an export", reporter_identity),
    Screen("the lock screen", lock_screen),
    Screen("unexpected error (crash dialog)", crash_dialog),
    Screen("restore a backup", restore_backup),
    Screen("the database is damaged (integrity screen)", integrity_screen),
)


def cases() -> Iterator[object]:
    for screen in SCREENS:
        for check in CHECKS:
            marks = []
            if check in screen.fails:
                marks.append(pytest.mark.xfail(strict=True, reason=screen.fails[check]))
            yield pytest.param(screen, check, id=f"{screen.name}-{check}", marks=marks)


@contextlib.contextmanager
def on_screen(qtbot, example_services: tuple[Services, int], screen: Screen) -> Iterator[QWidget]:
    """``screen`` built on the example's data and shown; everything it made closed after."""
    services, conference_id = example_services
    env = Env(services, conference_id)
    try:
        window = screen.build(env)
        for made in env.made:
            qtbot.addWidget(made)
        window.show()
        qtbot.waitExposed(window)
        yield window
    finally:
        for made in reversed(env.made):
            made.close()


@pytest.mark.parametrize(("screen", "check"), list(cases()))
def test_screen(qtbot, example_services: tuple[Services, int], screen: Screen, check: str) -> None:
    with on_screen(qtbot, example_services, screen) as window:
        problems = CHECKS[check](window)
    assert problems == [], "\n".join(problems)
