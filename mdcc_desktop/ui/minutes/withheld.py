"""What the parents' copy leaves out: each withheld part, numbered as the full copy prints it,
with the reason in words. Shown from the Minutes menu, and before Issue, Circulate and
Finalise when the parents' copy is involved, as a step the chair can cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.withheld import PartKind, Reason
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.withheld_parts import WithheldPart
from mdcc_desktop.ui.widgets.sizing import grow_to_contents


class WithheldDialog(QDialog):
    """The parts of the full copy the parents' copy (and the outcome letter) leaves out.

    ``proceed``: the text of the button that goes on with the act being confirmed ("Issue");
    None shows the list alone, with Close. Escape, Cancel and Close reject the dialog."""

    def __init__(
        self,
        services: Services,
        conference_id: int,
        parent: QWidget | None = None,
        proceed: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What the parents' copy leaves out"))
        self.resize(840, 440)
        self.parts = services.minutes.withheld_parts(conference_id)
        if not self.parts:
            intro = (
                ""
                if proceed is None
                else self.tr(
                    "The parents' copy will hold everything the full copy holds. Go on, or "
                    "cancel to restrict a part first."
                )
            )
        elif proceed is None:
            intro = self.tr(
                "The parents' copy and the outcome letter leave out these parts of the full "
                "copy (numbered as the full copy numbers them)."
            )
        else:
            intro = self.tr(
                "Before the parents' copy is issued: it leaves out these parts of the full copy "
                "(numbered as the full copy numbers them). Go on, or cancel to change the record "
                "first."
            )
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.intro.setVisible(bool(intro))
        self.empty_label = QLabel(self.tr("Nothing is left out of the parents' copy."), self)
        self.empty_label.setWordWrap(True)
        self.table = QTableWidget(len(self.parts), 3, self)
        self.table.setAccessibleName(self.tr("Parts left out of the parents' copy"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Part"), self.tr("What"), self.tr("Why it is left out")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        for row, part in enumerate(self.parts):
            for column, text in enumerate((self.part_label(part), part.title, self.why(part))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        # What and why share the rest, their long lines wrapped (at any text size).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Rows as tall as their wrapped text, at whatever width the window has.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if self.parts:
            self.table.selectRow(0)
        self.table.setVisible(bool(self.parts))
        self.empty_label.setVisible(not self.parts)
        if proceed is None:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        else:
            self.buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
            )
            ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
            ok.setText(proceed)
            ok.setDefault(True)  # Enter goes on, Escape cancels
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        grow_to_contents(layout)
        layout.addWidget(self.empty_label)  # shown alone when nothing is left out
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        if not self.parts:
            layout.addStretch(1)
            self.resize(520, 160)
        layout.addWidget(self.buttons)
        (self.table if self.parts else self.buttons).setFocus()

    def part_label(self, part: WithheldPart) -> str:
        """The part as the full copy names it: "Agenda item 4", "Decision 2", "Report"."""
        number = str(part.number) if part.number is not None else ""
        if part.kind == PartKind.AGENDA_ITEM:
            return self.tr("Agenda item %1").replace("%1", number)
        if part.kind == PartKind.DECISION:
            return self.tr("Decision %1").replace("%1", number)
        if part.kind == PartKind.ACTION:
            return self.tr("Action %1").replace("%1", number)
        if part.kind == PartKind.REPORT:
            return self.tr("Report")
        return self.tr("Exclusion")

    def why(self, part: WithheldPart) -> str:
        """The reason in words."""
        follows = str(part.follows) if part.follows is not None else "?"
        if part.reason == Reason.RESTRICTED:
            return self.tr("Restricted by the chair")
        if part.reason == Reason.EXCLUDED:
            return self.tr("Discussed while a parent or carer was out of the room")
        if part.reason == Reason.UNDER_WITHHELD_ITEM:
            return self.tr("Under agenda item %1, which is left out").replace("%1", follows)
        if part.reason == Reason.LINKED_TO_WITHHELD_DECISION:
            return self.tr("Linked to decision %1, which is left out").replace("%1", follows)
        if part.reason == Reason.NOT_SHARED:
            return self.tr("Its author did not share it with the parents")
        return self.tr("When and why someone was asked to leave the meeting")

    def rows(self) -> list[tuple[str, str, str]]:
        """What the table shows, row by row (part, what, why)."""

        def cell(r: int, c: int) -> str:
            item = self.table.item(r, c)
            return item.text() if item is not None else ""

        return [(cell(r, 0), cell(r, 1), cell(r, 2)) for r in range(self.table.rowCount())]
