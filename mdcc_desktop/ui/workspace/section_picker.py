"""The minutes section the selected agenda item's notes go under, picked beside its notes: one
of the profile's text sections (the purpose, the child's views, the parents' views, the chair's
analysis...), titled in the interface's language, or the discussion (no section)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from mdcc_desktop.domain.models import AgendaItem
from mdcc_desktop.ui.labels import profile_label
from mdcc_desktop.ui.widgets.forms import buddy_label
from mdcc_desktop.ui.workspace import ops
from mdcc_desktop.ui.workspace.controller import WorkspaceController


class SectionPicker(QWidget):
    """A label and a combo: the selected item's minutes section, changed undoably."""

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.item_id: int | None = None
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("Minutes section of the agenda item"))
        self.combo.setToolTip(
            self.tr("Where the minutes print this item's notes: a section, or the discussion.")
        )
        self.label = buddy_label(self.tr("Minutes section:"), self.combo, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo, 1)
        self.combo.activated.connect(lambda *_: self._picked())
        self.setEnabled(False)

    def show_item(self, item_id: int | None) -> None:
        """Show the section of the agenda item ``item_id`` (None: no item selected)."""
        self.item_id = item_id
        item = self._item()
        self.combo.clear()
        self.combo.addItem(self.tr("Discussion (no section)"), None)
        profile = self.controller.profile
        keys = []
        for section in profile.text_sections if profile is not None else ():
            self.combo.addItem(profile_label(section), section.key)
            keys.append(section.key)
        if item is not None and item.section is not None and item.section not in keys:
            # A key the profile no longer lists: shown as it is, never silently dropped.
            self.combo.addItem(item.section, item.section)
        self.combo.setCurrentIndex(max(0, self.combo.findData(item.section if item else None)))
        self.setEnabled(item is not None)

    def _item(self) -> AgendaItem | None:
        return next((i for i in self.controller.record.agenda if i.id == self.item_id), None)

    def _picked(self) -> None:
        item = self._item()
        if item is None:
            return
        if not ops.set_agenda_section(self.controller, item, self.combo.currentData()):
            self.show_item(self.item_id)  # refused: show what is stored again
