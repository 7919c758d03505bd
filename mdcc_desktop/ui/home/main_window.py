"""The main window: the conferences in the store, found as you type, imported and exported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QBrush,
    QCloseEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QWidget,
)

from mdcc_desktop import APP_NAME, __version__
from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.models import ConferenceStatus
from mdcc_desktop.resources import apply_icons
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.events import Change
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.home.conference_list import ConferenceListPage
from mdcc_desktop.ui.home.first_paint import AfterFirstPaint
from mdcc_desktop.ui.home.menus import build_menus
from mdcc_desktop.ui.home.models import PAGE_SIZE
from mdcc_desktop.ui.home.pages import DEADLINES, SEARCH, TRACKER, make_page
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets import dates, theme
from mdcc_desktop.ui.widgets.bridge import ChangeBridge
from mdcc_desktop.ui.widgets.columns import fit_list_width
from mdcc_desktop.ui.widgets.common import add_action, filter_text
from mdcc_desktop.ui.widgets.outside_changes import OutsideChangeWatcher
from mdcc_desktop.ui.widgets.page_stack import PageStack
from mdcc_desktop.ui.widgets.prompter import DialogPrompter, Prompter

if TYPE_CHECKING:
    from mdcc_desktop.ui.backups.runner import BackupActions
    from mdcc_desktop.ui.followup.deadlines import DeadlinesPage
    from mdcc_desktop.ui.followup.search import SearchPage
    from mdcc_desktop.ui.followup.tracker import TrackerPage
    from mdcc_desktop.ui.workspace.window import WorkspaceWindow as Workspace

FILTER_DELAY_MS = 150


def WorkspaceWindow(services: Services, conference_id: int, prompter: Prompter) -> Workspace:
    """A conference's workspace. The workspace's modules, as the dialogs' and the demo's, are
    imported when first used, not with the first window."""
    from mdcc_desktop.ui.workspace.window import WorkspaceWindow as Window

    return Window(services, conference_id, prompter)


SIDEBAR_WIDTH = 180  # px; wider when a section's name needs it
# The sidebar counts overdue actions up to this, then says "999+" (the tracker's Overdue view
# has the number): the count at each start and change reads at most this many rows.
OVERDUE_SHOWN_UP_TO = 999


class MainWindow(QMainWindow):
    backup_actions: BackupActions  # File > Back up now, Restore a backup… (ui/home/menus.py)

    def __init__(
        self,
        services: Services,
        prompter: Prompter | None = None,
        open_on_overdue: bool = False,
        summary_after_paint: bool = False,
    ) -> None:
        """``summary_after_paint``: the selected conference's summary is read once the window
        has been painted (``first_paint``), not before (the app's first window)."""
        super().__init__()
        self.first_paint = AfterFirstPaint(self)
        self.services = services
        self.prompter: Prompter = prompter or DialogPrompter()
        self.setWindowTitle(APP_NAME)
        self.setObjectName("MainWindow")
        self.resize(1200, 720)

        self._deadlines: dict[int, Any] | None = None  # conference id -> next deadline
        splitter = ConferenceListPage(self)
        self.model, self.filter_edit, self.section = (
            splitter.model,
            splitter.filter_edit,
            splitter.section,
        )
        self.table, self.summary = splitter.table, splitter.summary
        self.empty_label, self.chronology_button = splitter.empty_label, splitter.chronology_button
        if summary_after_paint:
            self.summary.held = True
            self.first_paint.later(self.summary.release)
        self.section.currentIndexChanged.connect(lambda *_: self.refresh())
        self.chronology_button.clicked.connect(self.show_chronology)

        # Pages: conferences, the action tracker, deadlines, search; a sidebar to move between.
        # The last three are made and filled when first shown (or asked for).
        self.stack = PageStack(
            splitter,
            4,
            lambda row: make_page(row, services, self, self.prompter, self.open_conference),
            self,
        )
        self.sidebar = QListWidget(self)
        self.sidebar.setAccessibleName(self.tr("Sections"))
        for label in labels.HOME_PAGES:
            self.sidebar.addItem(labels.text(label))
        self.sidebar.currentRowChanged.connect(self._show_page)
        self.sidebar.setCurrentRow(0)
        self.sidebar.setSpacing(3)
        fit_list_width(self.sidebar, SIDEBAR_WIDTH)
        outer = QWidget(self)
        outer_layout = QHBoxLayout(outer)
        outer_layout.setContentsMargins(4, 4, 0, 0)
        outer_layout.addWidget(self.sidebar)
        outer_layout.addWidget(self.stack, 1)
        self.setCentralWidget(outer)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.refresh)
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.open_selected())
        self.workspaces: dict[int, Workspace] = {}

        self.undo_stack = QUndoStack(self)
        self.bridge = ChangeBridge(services.events, self)
        self.bridge.changed.connect(self._on_change)
        self.outside_changes = OutsideChangeWatcher(services, self)
        self._build_actions()
        self.statusBar().showMessage(
            self.tr("Data folder: %1").replace("%1", str(services.paths.data_dir))
        )
        self.refresh()
        if self._update_sidebar() and open_on_overdue:
            # Something is overdue: the chair sees it first (filled once, for that view).
            self.tracker_page.show_view("Overdue")
            self.sidebar.setCurrentRow(1)
        # Profile files that could not be used: said in the status bar, never a dialog in the
        # chair's way; the tooltip has each file's problem.
        self.profile_warning = QLabel(self)
        self.profile_warning.setObjectName("profile_warning")
        self.profile_warning.setStyleSheet(theme.style(theme.Tone.ERROR))
        problems = services.profiles.problems
        if problems:
            names = ", ".join(p.path.name for p in problems)
            self.profile_warning.setText(
                self.tr("%n profile file(s) skipped: %1", "", len(problems))
                .replace("%n", str(len(problems)))
                .replace("%1", names)
            )
            self.profile_warning.setToolTip("\n".join(str(p) for p in problems))
            self.profile_warning.setAccessibleName(self.tr("Profiles skipped"))
            self.statusBar().addPermanentWidget(self.profile_warning)
        else:
            self.profile_warning.hide()

    # --- actions and menus -------------------------------------------------------------------

    def _action(self, text: str, shortcut: str, slot: Any, name: str) -> QAction:
        return add_action(self, text, shortcut, slot, name)

    def _build_actions(self) -> None:
        self.new_action = self._action(
            self.tr("&New conference…"), "Ctrl+N", self.new_conference, "new_conference"
        )
        self.open_action = self._action(
            self.tr("&Open workspace"), "Ctrl+O", self.open_selected, "open"
        )
        self.import_action = self._action(
            self.tr("&Import conference…"), "Ctrl+I", self.import_conference, "import"
        )
        self.export_action = self._action(
            self.tr("&Export conference…"), "Ctrl+E", self.export_selected, "export"
        )
        # Del only where the list has the focus: in the find box it deletes text.
        self.delete_action = QAction(self.tr("&Delete conference…"), self.table)
        self.delete_action.setObjectName("delete_conference")
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(lambda: self.delete_selected())
        self.table.addAction(self.delete_action)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.setObjectName("undo")
        self.addAction(self.undo_action)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.setObjectName("redo")
        self.addAction(self.redo_action)
        self.demo_action = self._action(
            self.tr("Load &demo conference"), "Ctrl+Shift+D", self.load_demo, "demo"
        )
        self.find_action = self._action(
            self.tr("&Find a conference"), "Ctrl+Shift+F", self.focus_filter, "find"
        )
        self.search_action = self._action(self.tr("&Search"), "Ctrl+F", self.focus_search, "search")
        for number in range(4):
            self._action(
                self.tr("Section %1").replace("%1", str(number + 1)),
                f"Ctrl+{number + 1}",
                # triggered(bool) hands over its checked flag: it must not land in ``n``.
                lambda _checked=False, n=number: self.sidebar.setCurrentRow(n),
                f"section{number + 1}",
            )
        self.quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", self.close, "quit")
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"), "F1", self.show_shortcuts, "shortcuts"
        )
        self.about_action = QAction(self.tr("&About MDCC Desktop"), self)
        self.about_action.triggered.connect(self.show_about)

        build_menus(self)  # ui/home/menus.py
        apply_icons(self)  # each named action's icon, in the palette's text colour
        self._update_actions()

    def _update_actions(self) -> None:
        self.export_action.setEnabled(self.selected_conference_id() is not None)
        self.open_action.setEnabled(self.selected_conference_id() is not None)
        self.delete_action.setEnabled(self.selected_conference_id() is not None)

    # --- list --------------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected_conference_id()
        try:
            data = self.section.currentData()  # Qt hands enums back as their text values
            statuses = None if data is None else [ConferenceStatus(x) for x in data]
            text = filter_text(self.filter_edit)
            # The first page now, the rest as the list scrolls (the model fetches it).
            pages = self.services.conference_pages
            count = pages.count(text, statuses)
            rows = pages.page(text, statuses, 0, PAGE_SIZE)
        except MdccError as exc:
            self.prompter.error(self, self.tr("Cannot read the conferences"), message_text(exc))
            return
        self.model.deadline_names = labels.deadline_names(self.services.profiles.all())
        self.model.set_rows(
            rows,
            total=count,
            fetch=lambda offset, limit: pages.page(text, statuses, offset, limit),
            deadlines_of=self._next_deadlines,
        )
        self.empty_label.setVisible(
            not rows and not self.filter_edit.text() and self.section.currentIndex() == 0
        )
        self.select_conference(selected if selected is not None else (rows[0].id if rows else None))
        self.statusBar().showMessage(
            self.tr("%n conference(s)", "", count).replace("%n", str(count))
            + " · "
            + str(self.services.paths.data_dir)
        )

    def select_conference(self, conference_id: int | None) -> None:
        row = self.model.fetch_row_of(conference_id)
        if row >= 0:
            self.table.selectRow(row)
            return
        self.table.clearSelection()
        self._show_summary(QModelIndex())

    def selected_conference_id(self) -> int | None:
        if not hasattr(self, "table"):
            return None
        rows = self.table.selectionModel().selectedRows()
        return self.model.summary(rows[0].row()).id if rows else None

    def _update_sidebar(self) -> int:
        try:
            overdue = self.services.tracker.overdue_count(at_most=OVERDUE_SHOWN_UP_TO + 1)
        except MdccError:
            overdue = 0
        label = self.tr("Actions")
        if overdue:
            shown = f"{OVERDUE_SHOWN_UP_TO}+" if overdue > OVERDUE_SHOWN_UP_TO else str(overdue)
            label += " " + self.tr("(%1 overdue)").replace("%1", shown)
        self.sidebar.item(1).setText(label)
        fit_list_width(self.sidebar, SIDEBAR_WIDTH)
        self.sidebar.item(1).setForeground(
            QBrush(theme.colour(theme.Tone.ERROR)) if overdue else QBrush()
        )
        return overdue

    def track_conference(self, conference_id: int) -> None:
        """The tracker with one conference's actions (from its workspace)."""
        summary = next(
            (s for s in self.services.conferences.list_conferences() if s.id == conference_id), None
        )
        label = (
            f"{summary.case_reference} {dates.format_date(summary.scheduled_start)}"
            if summary
            else ""
        )
        self.show()
        self.raise_()
        self.activateWindow()
        self.sidebar.setCurrentRow(1)
        self.tracker_page.show_view("All actions")
        self.tracker_page.show_conference(conference_id, label)

    def focus_search(self) -> None:
        self.sidebar.setCurrentRow(3)
        self.search_page.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_page.query.selectAll()

    def open_conference(self, conference_id: int) -> None:
        """Open a conference's workspace from anywhere (tracker, deadlines, search)."""
        self.filter_edit.clear()
        self.section.setCurrentIndex(0)
        self.refresh()
        self.select_conference(conference_id)
        self.open_selected()

    def show_chronology(self) -> None:
        conference_id = self.selected_conference_id()
        if conference_id is None:
            return
        case_id = self.services.conferences.conference(conference_id).case_id
        from mdcc_desktop.ui.followup.chronology import ChronologyDialog

        self.prompter.run_dialog(ChronologyDialog(self.services, case_id, self))

    def focus_filter(self) -> None:
        self.sidebar.setCurrentRow(0)
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._show_summary(rows[0] if rows else QModelIndex())
        self._update_actions()

    # Changes that move a deadline, and changes that show in the conference list. Anything else
    # (notes saved while typing, a decision, the household) only touches the summary pane.
    DEADLINE_ENTITIES = frozenset({"conference", "minutes", "closure", "database"})
    LIST_ENTITIES = frozenset(
        {"conference", "case", "child", "attendee", "action", "minutes", "closure", "database"}
    )

    def _next_deadlines(self, conference_ids: list[int]) -> dict[int, Any]:
        """The next deadline of each of ``conference_ids`` (a page of the list), computed once
        and kept until a change moves one (None: it has none)."""
        known = self._deadlines if self._deadlines is not None else {}
        missing = [i for i in conference_ids if i not in known]
        if missing:
            found = self.services.deadlines.next_deadlines_of(missing, dt.date.today())
            known.update({i: found.get(i) for i in missing})
            self._deadlines = known
        return {i: known[i] for i in conference_ids if known.get(i) is not None}

    @property
    def tracker_page(self) -> TrackerPage:
        return cast("TrackerPage", self.stack.page(TRACKER))

    @property
    def deadlines_page(self) -> DeadlinesPage:
        return cast("DeadlinesPage", self.stack.page(DEADLINES))

    @property
    def search_page(self) -> SearchPage:
        return cast("SearchPage", self.stack.page(SEARCH))

    def _show_page(self, row: int) -> None:
        self.stack.show_page(row)

    def _on_change(self, change: Change) -> None:
        if change.entity in self.DEADLINE_ENTITIES:
            self._deadlines = None
        if change.entity in self.LIST_ENTITIES:
            self.refresh()
        elif (
            change.conference_id is not None
            and change.conference_id == self.selected_conference_id()
        ):
            self._show_summary(self.table.selectionModel().selectedRows()[0])
        if change.entity in ("action", "conference", "minutes", "closure", "database"):
            self._update_sidebar()
            # Pages out of sight catch up when shown, not on every change.
            self.stack.changed(TRACKER)
            if change.entity in self.DEADLINE_ENTITIES:
                self.stack.changed(DEADLINES)
        if change.kind == "added" and change.entity == "conference":
            self.select_conference(change.conference_id)

    def _show_summary(self, index: QModelIndex) -> None:
        conference_id = self.model.summary(index.row()).id if index.isValid() else None
        self.summary.show_conference(conference_id, self.services.conferences.record)

    # --- import, export, demo ----------------------------------------------------------------

    def import_conference(self, path: Path | None = None) -> int | None:
        from mdcc_desktop.ui.home.conference_files import ask_import

        conference_id = ask_import(self, self.services, self.prompter, path)
        if conference_id is not None:
            self.select_conference(conference_id)
        return conference_id

    def export_selected(self, path: Path | None = None) -> bool:
        conference_id = self.selected_conference_id()
        if conference_id is None:
            return False
        reference = self.model.summary(self.table.selectionModel().selectedRows()[0].row())
        from mdcc_desktop.ui.home.conference_files import ask_export

        return ask_export(
            self, self.services, self.prompter, conference_id, reference.case_reference, path
        )

    def delete_selected(self) -> bool:
        """Delete the selected conference after a confirmation; Ctrl+Z brings it back."""
        conference_id = self.selected_conference_id()
        if conference_id is None:
            return False
        summary = self.model.summary(self.table.selectionModel().selectedRows()[0].row())
        when = dates.format_datetime(summary.scheduled_start)
        question = (
            self.tr(
                "Delete the conference of %1 on %2? Its attendees, agenda, notes, decisions, "
                "actions and minutes history go with it, and the case too if it has no other "
                "conference. Ctrl+Z in this window brings it back."
            )
            .replace("%1", summary.case_reference)
            .replace("%2", when)
        )
        if not self.prompter.confirm(self, self.tr("Delete conference"), question):
            return False
        window = self.workspaces.get(conference_id)
        if window is not None:
            if not window.close():  # its notes are saved as it closes
                self.statusBar().showMessage(
                    self.tr("Close the conference's workspace first, then delete it."), 8000
                )
                return False
            self.workspaces.pop(conference_id, None)
            self._save_session()
        try:
            deleted = self.services.conferences.delete_conference(conference_id)
        except MdccError as exc:
            self.prompter.error(self, self.tr("Conference not deleted"), message_text(exc))
            return False
        from mdcc_desktop.ui.home.delete_command import DeleteConferenceCommand

        self.undo_stack.push(DeleteConferenceCommand(self, deleted))
        self.statusBar().showMessage(
            self.tr("Deleted the conference of %1. Ctrl+Z brings it back.").replace(
                "%1", deleted.case_reference
            ),
            8000,
        )
        return True

    def load_demo(self) -> int | None:
        try:
            from mdcc_desktop.services.demo import load_demo

            result = load_demo(self.services.exchange)
        except MdccError as exc:
            self.prompter.error(self, self.tr("Demo not loaded"), message_text(exc))
            return None
        self.select_conference(result.conference_id)
        return result.conference_id

    def closure_days(self) -> None:
        from mdcc_desktop.ui.minutes.dialogs import ClosureDaysDialog

        self.prompter.run_dialog(ClosureDaysDialog(self.services, self))
        self.refresh()  # deadlines move

    def new_conference(self) -> int | None:
        """Create a conference (for a new or existing case), then open its workspace."""
        from mdcc_desktop.ui.home.new_conference import NewConferenceDialog

        dialog = NewConferenceDialog(self.services, self)
        if not self.prompter.run_dialog(dialog) or dialog.result_value is None:
            return None
        result = dialog.result_value
        self.refresh()
        self.select_conference(result.conference_id)
        window = self.open_selected()
        if window is not None and result.warnings:
            window.show_message(" ".join(message_text(w) for w in result.warnings))
        return result.conference_id

    def open_selected(self) -> Workspace | None:
        """Open (or bring forward) the live workspace of the selected conference."""
        conference_id = self.selected_conference_id()
        if conference_id is None:
            return None
        window = self.workspaces.get(conference_id)
        opening = window is None
        if window is None:
            self._mark_opening(conference_id)
            window = WorkspaceWindow(self.services, conference_id, self.prompter)
            window.open_requested = self.open_conference
            window.tracker_requested = self.track_conference
            window.quit_requested = self.close
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda *_: self.workspaces.pop(conference_id, None))
            self.workspaces[conference_id] = window
            self._save_session()
        window.show()
        window.raise_()
        window.activateWindow()
        if opening:
            # Cleared once the events the showing posted (layout, painting) have run.
            QTimer.singleShot(0, lambda: self._mark_opening(None))
        return window

    # --- help --------------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        from mdcc_desktop.ui.home.help import shortcuts_table

        self.prompter.info(
            self,
            self.tr("Keyboard shortcuts"),
            shortcuts_table(self, list(self.workspaces.values())),
        )

    def show_about(self) -> None:
        self.prompter.info(
            self,
            self.tr("About MDCC Desktop"),
            self.tr(
                "MDCC Desktop %1\nThe chair's record of a child-protection case conference."
            ).replace("%1", __version__),
        )

    def restore_session(self) -> None:
        """Reopen the workspaces that were open when the app last closed (or crashed), except
        one whose opening did not finish last time (the settings keep it while it opens)."""
        session = self.services.settings.current
        unfinished = session.opening_conference
        if unfinished is not None:
            self.services.settings.update(opening_conference=None)
        known = set(self.services.conferences.conference_ids())
        for conference_id in session.open_workspaces:
            if conference_id != unfinished and conference_id in known:
                self.select_conference(conference_id)
                self.open_selected()
        if unfinished is not None and unfinished in known:
            self.select_conference(unfinished)
            self.statusBar().showMessage(
                self.tr(
                    "The conference selected was not reopened: its workspace did not finish "
                    "opening last time. Open it from the list (Enter) when you are ready."
                )
            )
            self._save_session()

    def _mark_opening(self, conference_id: int | None) -> None:
        """Set while a workspace is being opened, cleared once it is shown: if the app dies (or
        is killed, hung) in between, the next start does not open that workspace by itself."""
        self.services.settings.update(opening_conference=conference_id)

    def _save_session(self) -> None:
        self.services.settings.update(open_workspaces=tuple(self.workspaces))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._filter_timer.stop()
        self._save_session()
        for window in list(self.workspaces.values()):
            if not window.close():  # notes not saved yet: it says so and stays open
                event.ignore()
                return
        self._mark_opening(None)  # a clean quit: every opening finished
        super().closeEvent(event)
