"""The Minutes menu: export the copies, the outcome letter, circulate, amendments, finalise and
reopen, and which Word template the minutes use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QWidget

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.models import CopyKind
from mdcc_desktop.domain.versions import DocumentCopy
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.minutes.dialogs import AmendmentsDialog, CirculateDialog, RenderProgress
from mdcc_desktop.ui.minutes.history import HistoryDialog
from mdcc_desktop.ui.minutes.withheld import WithheldDialog
from mdcc_desktop.ui.widgets.common import add_action
from mdcc_desktop.ui.workspace.controller import WorkspaceController


class MinutesActions(QObject):
    """What the Minutes menu does for one workspace; ``notes_stored`` stores the notes typed
    first (the minutes and the letter hold what was typed up to now)."""

    def __init__(
        self,
        controller: WorkspaceController,
        window: QWidget,
        prompter: Any,
        notes_stored: Callable[[], bool],
    ) -> None:
        super().__init__(window)
        self.controller = controller
        self.services = controller.services
        self.conference_id = controller.conference_id
        self.window = window
        self.prompter = prompter
        self.notes_stored = notes_stored
        self.template_menu: QMenu | None = None
        # Which Word template the minutes use: the profile's, or one the user added.
        self.minutes_template: str | None = None

    def _ask_file(self, title: str, suggested: str) -> Path | None:
        if self.prompter is None:
            return None
        filters = self.tr("Word documents (*.docx);;PDF through LibreOffice (*.pdf)")
        chosen: Path | None = self.prompter.save_file(self.window, title, suggested, filters)
        return chosen

    def _safe_ref(self) -> str:
        return "".join(
            ch if ch.isalnum() or ch in "-_" else "_"
            for ch in self.controller.record.case.reference
        )

    def _written(self, path: Path, to_pdf: bool, copy: CopyKind) -> None:
        if to_pdf:
            pdf = self.controller.run(
                lambda: self.services.minutes.export_pdf(self.conference_id, path, copy)
            )
            if pdf is None:
                return
            path = pdf
        self.controller.show_message(self.tr("Written: %1").replace("%1", str(path)))

    def export_minutes(self, copy: CopyKind) -> None:
        if not self.notes_stored():  # the minutes hold what was typed up to now
            return
        suffix = "full" if copy == CopyKind.FULL else "parents"
        target = self._ask_file(
            self.tr("Export the minutes"), f"{self._safe_ref()}-minutes-{suffix}.docx"
        )
        if target is None:
            return
        to_pdf = target.suffix.lower() == ".pdf"
        docx = target.with_suffix(".docx")
        with RenderProgress(self.window).running():  # rendered in a process of its own
            written = self.controller.run(  # a draft for a look: issuing is Issue or Circulate
                lambda: self.services.minutes.export_minutes(
                    self.conference_id, docx, copy, self.minutes_template
                )
            )
        if written is not None:
            self._written(docx, to_pdf, copy)

    def fill_template_menu(self) -> None:
        """List the minutes templates in the menu given, the one in use checked."""
        if self.template_menu is None:
            return
        self.template_menu.clear()
        try:
            templates = self.services.minutes.templates()
        except MdccError as exc:
            self.controller.show_message(message_text(exc), error=True)
            return
        default = self.controller.profile.minutes_template if self.controller.profile else None
        for name, template in sorted(templates.items()):
            if name.startswith("letter"):
                continue  # outcome letters, not minutes
            label = name + (self.tr(" (yours)") if template.user else "")
            if name == default:
                label += self.tr(" (profile's)")
            action = self.template_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(name == (self.minutes_template or default))
            action.triggered.connect(lambda _checked=False, n=name: self._choose_template(n))

    def _choose_template(self, name: str) -> None:
        self.minutes_template = name
        self.controller.show_message(
            self.tr("The minutes will use the template %1.").replace("%1", name)
        )

    def export_letter(self) -> None:
        """Issue the outcome letter, one per recipient (or household), into a folder the chair
        picks; each is recorded as issued to its recipients, and the letter counts as sent."""
        if not self.notes_stored() or self.prompter is None:
            return
        folder = self.prompter.choose_folder(
            self.window, self.tr("Outcome letters: choose the folder to save them in")
        )
        if folder is None:
            return
        with RenderProgress(self.window).running():  # each letter rendered in its own process
            issued = self.controller.run(
                lambda: self.services.lifecycle.export_letter(self.conference_id, folder)
            )
        if issued:
            self.controller.show_message(
                self.tr("Outcome letter issued, one for each of %1 recipients: %2. Saved in %3.")
                .replace("%1", str(len(issued)))
                .replace(
                    "%2",
                    "; ".join(f"{x.recipient} ({x.path.name if x.path else ''})" for x in issued),
                )
                .replace("%3", str(folder))
            )

    def circulate(self) -> None:
        if self.prompter is None:
            return
        dialog = CirculateDialog(
            self.services,
            self.conference_id,
            self.window,
            self.minutes_template,
            confirm_withheld=lambda over: self.confirm_withheld(self.tr("Circulate"), over),
        )
        if not self.prompter.run_dialog(dialog):
            return
        text = self.tr("Version %1 issued.").replace("%1", str(dialog.number))
        if dialog.drafts:
            text += " " + self.tr("E-mail drafts ready to send: %1").replace(
                "%1", ", ".join(str(p) for p in dialog.drafts)
            )
        if dialog.by_hand:
            text += " " + self.tr("No e-mail address, to be handed a copy: %1").replace(
                "%1", ", ".join(dialog.by_hand)
            )
        self.controller.show_message(text)
        for draft in dialog.drafts:
            self.prompter.open_path(draft)

    def amendments(self) -> None:
        if self.prompter is not None:
            self.prompter.run_dialog(
                AmendmentsDialog(self.services, self.conference_id, self.window)
            )

    def finalise(self) -> None:
        if not self.notes_stored():
            return
        if not self.confirm_withheld(self.tr("Finalise")):
            return
        with RenderProgress(self.window).running():  # both copies rendered, off the GUI
            versions = self.controller.run(
                lambda: self.services.lifecycle.finalise(self.conference_id, self.minutes_template)
            )
        if versions:
            # A final record is not undone; reopening is the way back.
            self.controller.undo_stack.clear()
            self.controller.show_message(
                self.tr(
                    "Final: minutes version %1, both copies. The conference is locked."
                ).replace("%1", str(versions[0].number))
            )

    def add_record_actions(self, menu: QMenu) -> None:
        """What the parents' copy leaves out, Issue and History, in the Minutes menu after
        Amendments."""
        self.withheld_action = add_action(
            self.window,
            self.tr("&What the parents' copy leaves out…"),
            "",
            self.show_withheld,
            "withheld",
        )
        menu.addAction(self.withheld_action)
        self.issue_action = add_action(
            self.window, self.tr("&Issue the minutes"), "", self.issue, "issue"
        )
        self.history_action = add_action(
            self.window, self.tr("&History…"), "Ctrl+Shift+H", self.history, "history"
        )
        menu.addAction(self.issue_action)
        menu.addAction(self.history_action)

    def issue(self) -> None:
        """Issue both copies as the next version (kept in the database; History saves them)."""
        if not self.notes_stored():
            return
        if not self.confirm_withheld(self.tr("Issue")):
            return
        with RenderProgress(self.window).running():
            issued = self.controller.run(
                lambda: self.services.minutes.issue(
                    self.conference_id,
                    [DocumentCopy.FULL, DocumentCopy.PARENT],
                    self.minutes_template,
                    name="issue minutes",
                )
            )
        if issued:
            self.controller.show_message(
                self.tr(
                    "Issued version %1 of both copies. Minutes ▸ History saves a copy."
                ).replace("%1", str(issued[0][0].number))
            )

    def show_withheld(self) -> None:
        """The list of what the parents' copy leaves out, and why."""
        dialog = self._withheld_dialog(None, None)
        if dialog is not None and self.prompter is not None:
            self.prompter.run_dialog(dialog)

    def confirm_withheld(self, proceed: str, over: QWidget | None = None) -> bool:
        """Before the parents' copy is issued (Issue, Circulate, Finalise): what it leaves out,
        with ``proceed`` to go on and Cancel (Escape) to stop, over the window or the dialog
        ``over``. True: go on."""
        if self.prompter is None:
            return True
        dialog = self._withheld_dialog(proceed, over)
        return dialog is not None and bool(self.prompter.run_dialog(dialog))

    def _withheld_dialog(self, proceed: str | None, over: QWidget | None) -> WithheldDialog | None:
        try:
            return WithheldDialog(self.services, self.conference_id, over or self.window, proceed)
        except MdccError as exc:
            self.controller.show_message(message_text(exc), error=True)
            return None

    def history(self) -> None:
        if self.prompter is None:
            return
        filters = self.tr("Word documents (*.docx)")
        self.prompter.run_dialog(
            HistoryDialog(
                self.services,
                self.conference_id,
                lambda suggested: self.prompter.save_file(
                    self.window, self.tr("Save the issued version"), suggested, filters
                ),
                self.window,
            )
        )

    def reopen(self) -> None:
        if self.prompter is None:
            return
        reason = self.prompter.ask_text(
            self.window,
            self.tr("Reopen the conference"),
            self.tr("Why are the final minutes being reopened?"),
        )
        if reason is None:
            return
        if self.controller.attempt(
            lambda: self.services.lifecycle.reopen(self.conference_id, reason)
        ):
            self.controller.show_message(self.tr("Reopened; the reason is recorded."))
