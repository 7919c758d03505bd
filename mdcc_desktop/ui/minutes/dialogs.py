"""After the meeting: circulating the minutes and ruling on amendments (dialogs are fine here),
and the progress shown while a Word template is filled in."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.models import CopyKind
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.messages import message_text
from mdcc_desktop.ui.widgets import dates, theme
from mdcc_desktop.ui.widgets.common import line_edit
from mdcc_desktop.ui.widgets.forms import buddy_label


class RenderProgress(QObject):
    """While a document is filled in, a progress dialog with Cancel, and a window that stays
    responsive.

    The template is filled in by a separate process (``export/rendering.py``), never on the GUI
    thread; the GUI thread only waits for it, handling its events about ten times a second, so
    the window repaints and Cancel stops the process. The dialog is window-modal: nothing else
    can be edited meanwhile. Use ``with RenderProgress(window).running(): service call``."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(self.tr("Writing the document"))
        self.dialog.setAccessibleName(self.tr("Writing the document"))
        self.dialog.setLabelText(self.tr("Filling in the template…"))
        self.dialog.setCancelButtonText(self.tr("Cancel"))
        self.dialog.setRange(0, 0)  # how long a template takes is not known in advance
        self.dialog.setMinimumDuration(400)  # a quick render shows no dialog at all
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.reset()
        self.stages: list[str] = []

    def _label(self, stage: str, seconds: float) -> str:
        labels = {
            "starting": self.tr("Starting…"),
            "checking": self.tr("Checking the template…"),
            "filling": self.tr("Filling in the template…"),
            "saving": self.tr("Saving the document…"),
        }
        text = labels.get(stage, self.tr("Filling in the template…"))
        return self.tr("%1 (%2 s)").replace("%1", text).replace("%2", str(int(seconds)))

    def __call__(self, stage: str, seconds: float) -> bool:
        """The render's progress callback: go on unless the user pressed Cancel."""
        self.stages.append(stage)
        if seconds * 1000 >= self.dialog.minimumDuration() and not self.dialog.isVisible():
            self.dialog.show()
        self.dialog.setLabelText(self._label(stage, seconds))
        QCoreApplication.processEvents()
        return not self.dialog.wasCanceled()

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        from mdcc_desktop.export.rendering import watching

        try:
            with watching(self):
                yield
        finally:
            self.dialog.reset()
            self.dialog.close()


class CirculateDialog(QDialog):
    """Pick recipients from the distribution list; writes the copies and e-mail drafts.

    ``confirm_withheld``: asked (over this dialog) before a parents' copy is issued: the chair
    sees what it leaves out; False stops the circulation."""

    def __init__(
        self,
        services: Services,
        conference_id: int,
        parent: QWidget | None = None,
        template: str | None = None,
        confirm_withheld: Callable[[QWidget], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.conference_id = conference_id
        self.confirm_withheld = confirm_withheld
        self.parent_copies: set[int] = set()  # who of the list is given the parents' copy
        self.template = template  # the Word template chosen in the Minutes menu
        self.drafts: list[Path] = []
        self.by_hand: list[str] = []
        self.number: int | None = None
        self.setWindowTitle(self.tr("Circulate the minutes"))
        self.resize(700, 400)
        record = services.conferences.record(conference_id)
        self.recipients = QListWidget(self)
        self.recipients.setAccessibleName(self.tr("Recipients (Space ticks)"))
        for entry in record.distribution:
            attendee = record.attendee(entry.attendee_id)
            if attendee is None:
                continue
            copy = self.tr("full copy") if entry.copy == CopyKind.FULL else self.tr("parents' copy")
            email = attendee.email or self.tr("no e-mail address")
            item = QListWidgetItem(f"{attendee.name} — {copy} — {email}")
            item.setData(Qt.ItemDataRole.UserRole, attendee.id)
            if entry.copy == CopyKind.PARENT and attendee.id is not None:
                self.parent_copies.add(attendee.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.recipients.addItem(item)
        self.folder = QLineEdit(str(services.paths.data_dir / "outbox"), self)
        self.folder.setAccessibleName(self.tr("Folder for the documents and e-mail drafts"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setAccessibleName(self.tr("Choose the folder"))
        browse.clicked.connect(self._browse)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(theme.style(theme.Tone.ERROR))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Circulate"))
        buttons.accepted.connect(self.circulate)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Recipients (from the distribution list):"), self)
        label.setBuddy(self.recipients)
        layout.addWidget(label)
        layout.addWidget(self.recipients)
        row = QHBoxLayout()
        row.addWidget(buddy_label(self.tr("&Folder:"), self.folder, self))
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        if not record.distribution:
            self.error_label.setText(
                self.tr(
                    "The distribution list is empty: give attendees a copy of the minutes first."
                )
            )

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def chosen(self) -> list[int]:
        return [
            int(self.recipients.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.recipients.count())
            if self.recipients.item(i).checkState() == Qt.CheckState.Checked
        ]

    def circulate(self) -> None:
        folder = Path(self.folder.text().strip())
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.error_label.setText(
                self.tr("The folder cannot be made: %1").replace("%1", message_text(exc))
            )
            return
        chosen = self.chosen()
        if (
            self.confirm_withheld is not None
            and self.parent_copies.intersection(chosen)
            and not self.confirm_withheld(self)
        ):
            return  # the chair stopped to look again; nothing was issued
        try:
            with RenderProgress(self).running():
                done = self.services.lifecycle.circulate(
                    self.conference_id, chosen, folder, self.template
                )
        except MdccError as exc:
            self.error_label.setText(message_text(exc))
            return
        self.drafts, self.by_hand, self.number = done.drafts, done.by_hand, done.number
        self.accept()


class AmendmentsDialog(QDialog):
    """Amendment requests (who asked, what) and the chair's ruling on each."""

    def __init__(
        self, services: Services, conference_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.conference_id = conference_id
        self.setWindowTitle(self.tr("Amendments to the minutes"))
        self.resize(640, 420)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Amendment requests"))
        self.who = line_edit(self, self.tr("Who asked"), self.tr("Who asked"))
        self.what = line_edit(
            self,
            self.tr("What they asked to change"),
            self.tr("What they asked to change (Enter records it)"),
        )
        self.what.returnPressed.connect(self.add)
        add = QPushButton(self.tr("&Record request"), self)
        add.setAccessibleName(self.tr("Record request"))
        add.clicked.connect(self.add)
        self.ruling = line_edit(
            self,
            self.tr("The chair's ruling"),
            self.tr("The chair's ruling on the selected request"),
        )
        accept = QPushButton(self.tr("&Accept"), self)
        accept.setAccessibleName(self.tr("Accept the amendment"))
        accept.clicked.connect(lambda: self.rule(True))
        reject = QPushButton(self.tr("Re&fuse"), self)
        reject.setAccessibleName(self.tr("Refuse the amendment"))
        reject.clicked.connect(lambda: self.rule(False))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(theme.style(theme.Tone.ERROR))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        close.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(buddy_label(self.tr("&Who asked:"), self.who, self))
        row.addWidget(self.who, 1)
        row.addWidget(buddy_label(self.tr("W&hat:"), self.what, self))
        row.addWidget(self.what, 2)
        row.addWidget(add)
        layout.addLayout(row)
        row2 = QHBoxLayout()
        row2.addWidget(buddy_label(self.tr("R&uling:"), self.ruling, self))
        row2.addWidget(self.ruling, 1)
        row2.addWidget(accept)
        row2.addWidget(reject)
        layout.addLayout(row2)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for a in self.services.lifecycle.amendments(self.conference_id):
            if a.accepted is None:
                state = self.tr("awaiting ruling")
            else:
                state = (
                    self.tr("accepted") if a.accepted else self.tr("refused")
                ) + f": {a.ruling}"
            item = QListWidgetItem(
                f"{dates.format_date(a.requested_at)} {a.requested_by}: {a.request} — {state}"
            )
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            self.list.addItem(item)

    def add(self) -> None:
        try:
            self.services.lifecycle.request_amendment(
                self.conference_id, self.who.text(), self.what.text()
            )
        except MdccError as exc:
            self.error_label.setText(message_text(exc))
            return
        self.error_label.clear()
        self.who.clear()
        self.what.clear()
        self.refresh()
        self.list.setCurrentRow(self.list.count() - 1)

    def rule(self, accepted: bool) -> None:
        item = self.list.currentItem()
        if item is None:
            self.error_label.setText(self.tr("Select the request to rule on."))
            return
        try:
            self.services.lifecycle.rule_on_amendment(
                int(item.data(Qt.ItemDataRole.UserRole)), accepted, self.ruling.text()
            )
        except MdccError as exc:
            self.error_label.setText(message_text(exc))
            return
        row = self.list.currentRow()
        self.error_label.clear()
        self.ruling.clear()
        self.refresh()
        self.list.setCurrentRow(row)


class ClosureDaysDialog(QDialog):
    """Days the office was closed that no holiday list knows (typhoon signal 8, black rain).

    They count as non-working days in every deadline of their jurisdiction."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtCore import QDate
        from PySide6.QtWidgets import QComboBox, QDateEdit

        self.services = services
        self.setWindowTitle(self.tr("Office closure days"))
        self.resize(720, 380)  # the reason field shares a row with the date and the profile
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Closure days"))
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate.currentDate())
        self.day.setAccessibleName(self.tr("Closure date"))
        self.jurisdiction = QComboBox(self)
        self.jurisdiction.setAccessibleName(self.tr("Applies to"))
        self.jurisdiction.addItem(self.tr("all profiles"), None)
        for code in services.profiles.codes:
            self.jurisdiction.addItem(code, code)
        self.reason = line_edit(
            self, self.tr("Reason"), self.tr("Why (e.g. typhoon signal 8) — Enter adds")
        )
        self.reason.returnPressed.connect(self.add)
        add = QPushButton(self.tr("&Add"), self)
        add.setAccessibleName(self.tr("Add closure day"))
        add.clicked.connect(self.add)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(theme.style(theme.Tone.ERROR))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(buddy_label(self.tr("&Date:"), self.day, self))
        row.addWidget(self.day)
        row.addWidget(buddy_label(self.tr("A&pplies to:"), self.jurisdiction, self))
        row.addWidget(self.jurisdiction)
        row.addWidget(buddy_label(self.tr("R&eason:"), self.reason, self))
        row.addWidget(self.reason, 1)
        row.addWidget(add)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for c in self.services.deadlines.closure_days():
            where = c.jurisdiction or self.tr("all")
            self.list.addItem(f"{dates.format_date(c.day)} ({where}): {c.reason}")

    def add(self) -> None:
        import datetime as dt

        d = self.day.date()
        try:
            self.services.deadlines.add_closure_day(
                dt.date(d.year(), d.month(), d.day()),
                self.reason.text(),
                self.jurisdiction.currentData(),
            )
        except MdccError as exc:
            self.error_label.setText(message_text(exc))
            return
        self.error_label.clear()
        self.reason.clear()
        self.refresh()
