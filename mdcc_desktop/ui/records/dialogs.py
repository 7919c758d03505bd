"""Two small dialogs of the records: the chair's own name and e-mail (the disclosure log says
who shared what; the settings dialog will reuse ``services.chair``), and the choice to include
the reporter's identity in an exchange file (issue 11 point 5: off unless ticked, with a
warning and a reason the log keeps)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets import theme
from mdcc_desktop.ui.widgets.common import line_edit
from mdcc_desktop.ui.widgets.forms import buddy_label
from mdcc_desktop.ui.widgets.prompter import Prompter


class ChairDialog(QDialog):
    """The chair's name and e-mail, kept in the encrypted database."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Your name and e-mail"))
        self.setObjectName("ChairDialog")
        chair = services.chair.get()
        self.name = line_edit(self, self.tr("Your name"))
        self.name.setText(chair.name)
        self.email = line_edit(self, self.tr("Your e-mail address"), "name@example.org")
        self.email.setText(chair.email)
        intro = QLabel(
            self.tr(
                "The disclosure log names you as the one who shared each document. Your name "
                "and e-mail are kept in the encrypted database, not in a plain settings file."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(theme.style(theme.Tone.ERROR))
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Name:"), self.name, self), self.name)
        form.addRow(buddy_label(self.tr("&E-mail:"), self.email, self), self.email)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            self.services.chair.set(self.name.text(), self.email.text())
        except MdccError as exc:
            self.error_label.setText(message_text(exc))
            self.error_label.setAccessibleName(self.error_label.text())
            self.error_label.show()
            return
        self.accept()


class ReporterIdentityDialog(QDialog):
    """Before an exchange file is written: include the reporter's identity? No unless ticked;
    ticked, a reason is required (and kept in the disclosure log)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export conference"))
        self.setObjectName("ReporterIdentityDialog")
        self.include = QCheckBox(self.tr("&Include the reporter's identity"), self)
        self.include.setAccessibleName(self.tr("Include the reporter's identity"))
        self.include.setChecked(False)
        self.warning = QLabel(
            self.tr(
                "Warning: disclosing the identity of the person who reported abuse can be an "
                "offence (Cap. 650, s.11). Include it only where the law allows, and say why: "
                "the reason is kept in the disclosure log."
            ),
            self,
        )
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(theme.style(theme.Tone.WARNING, bold=True))
        self.reason = line_edit(self, self.tr("Reason for including the reporter's identity"))
        self.reason.setEnabled(False)
        self.include.toggled.connect(self._changed)
        self.reason.textChanged.connect(self._changed)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Reason:"), self.reason, self), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("The reporter's identity is left out of the file unless you include it."),
                self,
            )
        )
        layout.addWidget(self.include)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._changed()

    def _changed(self) -> None:
        on = self.include.isChecked()
        self.reason.setEnabled(on)
        self.ok.setEnabled(not on or bool(self.reason.text().strip()))

    @property
    def with_reporter_identity(self) -> bool:
        return self.include.isChecked()

    @property
    def reason_text(self) -> str | None:
        return self.reason.text().strip() or None if self.include.isChecked() else None


def ask_reporter_identity(
    window: QWidget, services: Services, prompter: Prompter, conference_id: int
) -> dict[str, Any] | None:
    """The exchange export's arguments about the reporter's identity: asked only when the
    conference records one (nothing to leave out otherwise); None when the chair cancels."""
    try:
        report = services.conferences.conference(conference_id).mandatory_report
    except MdccError:
        return {}  # the export itself will say what is wrong
    if not report.reporter_identity:
        return {}
    dialog = ReporterIdentityDialog(window)
    if not prompter.run_dialog(dialog):
        return None
    return {
        "with_reporter_identity": dialog.with_reporter_identity,
        "reason": dialog.reason_text,
    }
