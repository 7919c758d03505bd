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
from mdcc_desktop.services.minutes import convert_to_pdf
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.minutes.dialogs import AmendmentsDialog, CirculateDialog, RenderProgress
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

    def _written(self, path: Path, to_pdf: bool) -> None:
        if to_pdf:
            pdf = self.controller.run(lambda: convert_to_pdf(path))
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
            version = self.controller.run(
                lambda: self.services.minutes.export_minutes(
                    self.conference_id, docx, copy, self.minutes_template
                )
            )
        if version is not None:
            self._written(docx, to_pdf)

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
        if not self.notes_stored():
            return
        target = self._ask_file(
            self.tr("Outcome letter"), f"{self._safe_ref()}-outcome-letter.docx"
        )
        if target is None:
            return
        docx = target.with_suffix(".docx")
        with RenderProgress(self.window).running():
            written = self.controller.attempt(
                lambda: self.services.lifecycle.export_letter(self.conference_id, docx)
            )
        if written:
            self._written(docx, target.suffix.lower() == ".pdf")

    def circulate(self) -> None:
        if self.prompter is None:
            return
        dialog = CirculateDialog(self.services, self.conference_id, self.window)
        if self.prompter.run_dialog(dialog) and dialog.drafts:
            self.controller.show_message(
                self.tr("E-mail drafts ready to send: %1").replace(
                    "%1", ", ".join(str(p) for p in dialog.drafts)
                )
            )
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
        version = self.controller.run(lambda: self.services.lifecycle.finalise(self.conference_id))
        if version is not None:
            # A final record is not undone; reopening is the way back.
            self.controller.undo_stack.clear()
            self.controller.show_message(
                self.tr("Final: minutes version %1. The conference is locked.").replace(
                    "%1", str(version.number)
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
