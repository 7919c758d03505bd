"""The welcome's own steps (see the package): the language first, the chair's details last."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets.fields import buddy_label
from mdcc_desktop.ui.widgets.sizing import grow_to_contents

# Each language named in itself, so that a chair who reads only one of them finds it.
LANGUAGE_CHOICES = (("en", "English"), ("zh-Hant", "繁體中文（香港）"))


class LanguageDialog(QDialog):
    """The first step: which language MDCC Desktop speaks. ``switch`` is called with the code of
    each language chosen, so that this and the next steps are shown in it at once."""

    def __init__(
        self,
        current: str,
        switch: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.switch = switch
        self.language = QComboBox(self)
        for code, name in LANGUAGE_CHOICES:
            self.language.addItem(name, code)
        index = self.language.findData(current)
        self.language.setCurrentIndex(max(index, 0))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.label = buddy_label("", self.language, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.label, self.language)
        layout = QVBoxLayout(self)
        grow_to_contents(layout, least_width=480)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.language.currentIndexChanged.connect(self._changed)
        self._retranslate()
        self.language.setFocus()

    @property
    def chosen(self) -> str:
        return str(self.language.currentData())

    def _changed(self) -> None:
        if self.switch is not None:
            self.switch(self.chosen)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to MDCC Desktop"))
        self.intro.setText(
            self.tr(
                "Welcome. MDCC Desktop keeps the record of your case conferences on this "
                "computer, encrypted. First choose its language; then a passphrase protects "
                "the data, and a few details about you go on the minutes."
            )
        )
        self.label.setText(self.tr("&Language / 語言:"))
        self.language.setAccessibleName(self.tr("Language"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Next"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Close without setting up"))


class AboutYouDialog(QDialog):
    """The last step: the organisation, the chair's name and e-mail (the sender of the minutes'
    e-mail drafts), the default jurisdiction, and whether to open the demo conference."""

    def __init__(
        self,
        profiles: list[tuple[str, str]],
        settings: Any,
        parent: QWidget | None = None,
        save_chair: Callable[[str, str], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.save_chair = save_chair  # the chair's name and e-mail, checked where they are kept
        self.setWindowTitle(self.tr("About you"))
        intro = QLabel(
            self.tr(
                "These details go on the minutes and letters you issue. All can be changed "
                "later in Settings (Ctrl+,)."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.organisation = QLineEdit(settings.organisation_name, self)
        self.organisation.setMaxLength(200)
        self.organisation.setAccessibleName(self.tr("Organisation name"))
        self.chair_name = QLineEdit(self)
        self.chair_name.setMaxLength(200)
        self.chair_name.setAccessibleName(self.tr("Your name"))
        self.chair_email = QLineEdit(self)
        self.chair_email.setMaxLength(254)
        self.chair_email.setAccessibleName(self.tr("Your e-mail address"))
        self.chair_email.setPlaceholderText(self.tr("name@example.org"))
        self.jurisdiction = QComboBox(self)
        self.jurisdiction.setAccessibleName(self.tr("Default jurisdiction"))
        for code, label in profiles:
            self.jurisdiction.addItem(label, code)
        index = self.jurisdiction.findData(settings.default_jurisdiction)
        self.jurisdiction.setCurrentIndex(max(index, 0))
        self.demo = QCheckBox(self.tr("Open the &demo conference to try things out"), self)
        self.demo.setAccessibleName(self.tr("Open the demo conference"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("What is wrong"))
        self.problem.hide()
        form = QFormLayout()
        form.addRow(
            buddy_label(self.tr("&Organisation:"), self.organisation, self), self.organisation
        )
        form.addRow(buddy_label(self.tr("Your &name:"), self.chair_name, self), self.chair_name)
        form.addRow(buddy_label(self.tr("Your &e-mail:"), self.chair_email, self), self.chair_email)
        form.addRow(
            buddy_label(self.tr("&Jurisdiction:"), self.jurisdiction, self), self.jurisdiction
        )
        buttons = QDialogButtonBox(self)
        self.finish = buttons.addButton(self.tr("&Finish"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip = buttons.addButton(
            self.tr("&Skip for now"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        grow_to_contents(layout, least_width=520)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.demo)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        (self.chair_name if settings.organisation_name else self.organisation).setFocus()

    def accept(self) -> None:
        email = self.chair_email.text().strip()
        if email and ("@" not in email or " " in email or email.startswith("@")):
            self.problem.setText(
                self.tr("The e-mail address looks wrong: it should be like name@example.org.")
            )
            self.problem.show()
            self.chair_email.setFocus()
            return
        if self.save_chair is not None:
            try:
                self.save_chair(self.chair_name.text(), email)
            except MdccError as exc:
                self.problem.setText(message_text(exc))
                self.problem.show()
                return
        super().accept()
