"""Settings in one dialog (Tools → Settings…, Ctrl+,), over the settings module.

Each field is one of ``settings.SETTINGS`` (its label and description are the module's, so the
dialog and the file cannot drift apart). OK saves every change at once; the look and the lock's
minutes apply at once, the language at the next start (the dialog says so beside the field).
The office closure days have their own dialog, reached from here too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.services.context import Services
from mdcc_desktop.settings import SETTINGS, Settings, SettingSpec
from mdcc_desktop.ui.labels import profile_label
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.settings.look import apply_look
from mdcc_desktop.ui.widgets.fields import buddy_label
from mdcc_desktop.ui.widgets.sizing import grow_to_contents

LOGO_PREVIEW_PX = 32  # the logo's height in the dialog
LOGO_STORED_PX = 300  # the most kept: printed 14 mm high, it is sharp at 500 dpi


def _spec(key: str) -> SettingSpec:
    return next(s for s in SETTINGS if s.key == key)


def _translate(text: str) -> str:
    """A label or description of settings.SETTINGS (marked there with QT_TRANSLATE_NOOP)."""
    return QCoreApplication.translate("Settings", text)


def _label(spec: SettingSpec) -> str:
    return _translate(spec.label)


def _description(spec: SettingSpec) -> str:
    return _translate(spec.description)


class SettingsDialog(QDialog):
    """The settings a chair may change. ``applied`` carries the saved settings after OK."""

    applied = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Settings"))
        current = services.settings.current
        self.started_with = current
        form = QFormLayout()

        self.language = QComboBox(self)
        for code, text in (
            ("system", self.tr("The computer's language")),
            ("en", self.tr("English")),
            ("zh-Hant", self.tr("Traditional Chinese (Hong Kong)")),
        ):
            self.language.addItem(text, code)
        self._select(self.language, current.language)
        self.language_note = QLabel(self)
        self.language_note.setWordWrap(True)
        self.language.currentIndexChanged.connect(self._language_changed)
        self._row(form, self.tr("&Language:"), "language", self.language)
        form.addRow("", self.language_note)

        self.look = QComboBox(self)
        for code, text in (
            ("system", self.tr("Follow the computer")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.look.addItem(text, code)
        self._select(self.look, current.look)
        self._row(form, self.tr("Loo&k:"), "look", self.look)

        self.lock_minutes = self._spin("lock_after_minutes", current.lock_after_minutes)
        self.lock_minutes.setSuffix(self.tr(" min"))
        self._row(form, self.tr("Lock &after:"), "lock_after_minutes", self.lock_minutes)

        self.jurisdiction = QComboBox(self)
        self.jurisdiction.addItem(self.tr("The first in the list"), "")
        for profile in services.profiles.all():
            self.jurisdiction.addItem(profile_label(profile), profile.code)
        self._select(self.jurisdiction, current.default_jurisdiction)
        self._row(form, self.tr("&Jurisdiction:"), "default_jurisdiction", self.jurisdiction)

        self.organisation = QLineEdit(current.organisation_name, self)
        self.organisation.setMaxLength(200)
        self._row(form, self.tr("&Organisation:"), "organisation_name", self.organisation)

        # The logo beside the organisation's name on minutes and letters (a PNG in the data
        # folder): chosen here, kept on OK.
        self.logo_png: bytes | None = None  # a new logo chosen, not yet kept
        self.logo_removed = False
        self.logo_preview = QLabel(self)
        self.logo_preview.setAccessibleName(self.tr("The organisation's logo"))
        choose_logo = QPushButton(self.tr("Choose a lo&go…"), self)
        choose_logo.setAccessibleName(self.tr("Choose the organisation's logo"))
        choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo_button = QPushButton(self.tr("Remo&ve the logo"), self)
        self.remove_logo_button.setAccessibleName(self.tr("Remove the organisation's logo"))
        self.remove_logo_button.clicked.connect(self._remove_logo)
        logo_row = QWidget(self)
        logo_layout = QHBoxLayout(logo_row)
        logo_layout.setContentsMargins(0, 0, 0, 0)
        logo_layout.addWidget(self.logo_preview, 1)
        logo_layout.addWidget(choose_logo)
        logo_layout.addWidget(self.remove_logo_button)
        form.addRow(buddy_label(self.tr("Logo:"), choose_logo, self), logo_row)
        self._show_logo()

        # The chair's own name and e-mail live in the encrypted database, not settings.json.
        chair = services.chair.get()
        self.chair_name = QLineEdit(chair.name, self)
        self.chair_name.setMaxLength(200)
        self.chair_name.setAccessibleName(self.tr("Your name"))
        self.chair_name.setAccessibleDescription(
            self.tr("Who the disclosure log says shared each document.")
        )
        form.addRow(buddy_label(self.tr("Your &name:"), self.chair_name, self), self.chair_name)
        self.chair_email = QLineEdit(chair.email, self)
        self.chair_email.setMaxLength(254)
        self.chair_email.setAccessibleName(self.tr("Your e-mail address"))
        self.chair_email.setAccessibleDescription(
            self.tr("The sender of the minutes' e-mail drafts.")
        )
        form.addRow(buddy_label(self.tr("Your &e-mail:"), self.chair_email, self), self.chair_email)

        self.backups = self._spin("backups_to_keep", current.backups_to_keep)
        self._row(form, self.tr("&Backups to keep:"), "backups_to_keep", self.backups)

        self.backup_folder = QLineEdit(current.backup_folder, self)
        self.backup_folder.setPlaceholderText(self.tr("The data folder's backups folder"))
        browse = QPushButton(self.tr("C&hoose…"), self)
        browse.setAccessibleName(self.tr("Choose the backups folder"))
        browse.clicked.connect(self._choose_folder)
        folder_row = QWidget(self)
        folder_layout = QHBoxLayout(folder_row)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        folder_layout.addWidget(self.backup_folder, 1)
        folder_layout.addWidget(browse)
        self._row(
            form, self.tr("Backups &folder:"), "backup_folder", self.backup_folder, folder_row
        )

        closures = QPushButton(self.tr("Office &closure days…"), self)
        closures.setAccessibleName(self.tr("Office closure days"))
        closures.clicked.connect(self._closure_days)

        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("What is wrong"))
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        grow_to_contents(layout, least_width=560)
        layout.addLayout(form)
        layout.addWidget(closures)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._language_changed()

    # --- building -------------------------------------------------------------------------------

    def _row(
        self, form: QFormLayout, text: str, key: str, field: QWidget, shown: QWidget | None = None
    ) -> None:
        spec = _spec(key)
        field.setAccessibleName(_label(spec))
        field.setAccessibleDescription(_description(spec))
        field.setToolTip(_description(spec))
        form.addRow(buddy_label(text, field, self), shown or field)

    def _spin(self, key: str, value: int) -> QSpinBox:
        spec = _spec(key)
        spin = QSpinBox(self)
        spin.setRange(spec.minimum or 0, spec.maximum or 10_000)
        spin.setValue(value)
        return spin

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    # --- behaviour ------------------------------------------------------------------------------

    def _language_changed(self) -> None:
        changed = self.language.currentData() != self.started_with.language
        self.language_note.setText(
            self.tr("The new language is used when MDCC Desktop starts again.") if changed else ""
        )
        self.language_note.setVisible(changed)
        self.adjustSize()  # the note's lines, whole

    def _choose_folder(self) -> None:
        start = self.backup_folder.text().strip() or str(self.services.paths.backups)
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Backups folder"), start)
        if chosen:
            self.backup_folder.setText(chosen)

    def _show_logo(self) -> None:
        from PySide6.QtGui import QPixmap

        pixmap = QPixmap()
        if self.logo_png is not None:
            pixmap.loadFromData(self.logo_png, "PNG")
        elif not self.logo_removed and self.services.letterhead.current().logo is not None:
            pixmap.load(str(self.services.letterhead.logo_path))
        if pixmap.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("No logo"))
        else:
            self.logo_preview.setPixmap(pixmap.scaledToHeight(LOGO_PREVIEW_PX))
        self.remove_logo_button.setEnabled(not pixmap.isNull())

    def _choose_logo(self) -> None:
        from PySide6.QtCore import QBuffer, QIODevice
        from PySide6.QtGui import QImage

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The organisation's logo"), "", self.tr("Pictures (*.png *.jpg *.jpeg)")
        )
        if not path:
            return
        image = QImage(path)
        if image.isNull():
            self.problem.setText(self.tr("That file is not a picture: choose a PNG or JPEG."))
            self.problem.show()
            return
        if image.height() > LOGO_STORED_PX:  # a letterhead, not a poster
            image = image.scaledToHeight(LOGO_STORED_PX)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # A PNG made afresh: the original's metadata stays behind. (The stub wants bytes; the
        # binding takes the format as text.)
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        self.logo_png, self.logo_removed = bytes(buffer.data().data()), False
        self.problem.hide()
        self._show_logo()

    def _remove_logo(self) -> None:
        self.logo_png, self.logo_removed = None, True
        self._show_logo()

    def _closure_days(self) -> None:
        from mdcc_desktop.ui.minutes.dialogs import ClosureDaysDialog

        ClosureDaysDialog(self.services, self).exec()

    def changes(self) -> dict[str, Any]:
        """The settings the fields change (only those that differ from the current ones)."""
        wanted: dict[str, Any] = {
            "language": self.language.currentData(),
            "look": self.look.currentData(),
            "lock_after_minutes": self.lock_minutes.value(),
            "default_jurisdiction": self.jurisdiction.currentData(),
            "organisation_name": self.organisation.text().strip(),
            "backups_to_keep": self.backups.value(),
            "backup_folder": self.backup_folder.text().strip(),
        }
        current = self.services.settings.current
        return {k: v for k, v in wanted.items() if getattr(current, k) != v}

    def _folder_problem(self, folder: str) -> str:
        if not folder:
            return ""
        path = Path(folder).expanduser()
        if not path.is_absolute():
            return self.tr("The backups folder must be a full path, such as /home/me/Backups.")
        if path.exists() and not path.is_dir():
            return self.tr("The backups folder is a file, not a folder.")
        return ""

    def accept(self) -> None:
        changes = self.changes()
        problem = self._folder_problem(changes.get("backup_folder", ""))
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            self.backup_folder.setFocus()
            return
        chair = self.services.chair.get()
        name, email = self.chair_name.text(), self.chair_email.text()
        try:
            if (" ".join(name.split()), email.strip()) != (chair.name, chair.email):
                self.services.chair.set(name, email)
            if self.logo_png is not None:
                self.services.letterhead.set_logo(self.logo_png)
            elif self.logo_removed:
                self.services.letterhead.remove_logo()
            saved: Settings = self.services.settings.update(**changes)
        except MdccError as exc:  # the chair's e-mail, say: the message says what is wrong
            self.problem.setText(message_text(exc))
            self.problem.show()
            self.chair_email.setFocus()
            return
        except ValueError as exc:  # a value the settings module refuses (the fields bound it)
            self.problem.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
            self.problem.show()
            return
        if "look" in changes:
            apply_look(saved.look)
        self.applied.emit(saved)
        super().accept()


def install(window: Any, menu: Any) -> Any:
    """Add Settings… (Ctrl+,) to ``menu`` of ``window`` (the home window): returns the action."""
    from PySide6.QtGui import QAction, QKeySequence

    action = QAction(QCoreApplication.translate("SettingsDialog", "&Settings…"), window)
    action.setObjectName("settings")
    action.setShortcut(QKeySequence("Ctrl+,"))
    action.setMenuRole(QAction.MenuRole.PreferencesRole)

    def show() -> None:
        dialog = SettingsDialog(window.services, window)
        window.prompter.run_dialog(dialog)

    action.triggered.connect(show)
    window.addAction(action)
    menu.addAction(action)
    return action
