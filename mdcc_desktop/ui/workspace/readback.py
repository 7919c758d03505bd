"""The read-back before everyone leaves: one list of every decision and open action, marking
what is missing, each line a key away from the place to fix it; and the room's copy, in large
type on a second screen, without restricted lines while a parent or carer is in the room."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.domain.clock import now
from mdcc_desktop.domain.models import DecisionMethod
from mdcc_desktop.domain.readback import LineKind, Missing, ReadBack, ReadBackLine, read_back
from mdcc_desktop.ui.widgets.sizing import grow_to_contents
from mdcc_desktop.ui.workspace.controller import WorkspaceController

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def fill(text: str, *values: str) -> str:
    """``text`` with %1, %2, ... replaced in one pass (a value holding "%2" stays as typed)."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1], text)


class ReadBackList(QListWidget):
    """The lines of a read-back; Enter or a double click asks to go where a line is fixed."""

    jump = Signal(str, int)  # LineKind value, record id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setAccessibleName(self.tr("Decisions and actions to read back"))
        self.itemActivated.connect(self._activated)

    def _activated(self, item: QListWidgetItem) -> None:
        kind = item.data(KIND_ROLE)
        record_id = item.data(ID_ROLE)
        if kind:
            self.jump.emit(str(kind), int(record_id) if record_id is not None else 0)

    def show_read_back(self, rb: ReadBack, room: bool = False) -> None:
        row = self.currentRow()
        self.clear()
        for line in rb.lines:
            item = QListWidgetItem(self.line_text(line, room))
            item.setData(KIND_ROLE, line.kind.value)
            item.setData(ID_ROLE, line.target_id)
            item.setToolTip(self.missing_text(line.missing))
            self.addItem(item)
        if self.count():
            self.setCurrentRow(min(max(row, 0), self.count() - 1))

    def missing_text(self, missing: tuple[Missing, ...]) -> str:
        names = {
            Missing.OWNER: self.tr("no owner"),
            Missing.DUE: self.tr("no due date"),
            Missing.METHOD: self.tr("no method"),
            Missing.KEY_WORKER: self.tr("no key worker"),
            Missing.REVIEW_DATE: self.tr("no review date"),
        }
        return ", ".join(names[m] for m in missing)

    def method_text(self, method: DecisionMethod | None) -> str:
        if method is None:
            return self.tr("method not recorded")
        return {
            DecisionMethod.CONSENSUS: self.tr("by consensus"),
            DecisionMethod.MAJORITY: self.tr("by majority"),
            DecisionMethod.CHAIR: self.tr("the chair's decision"),
        }[method]

    def line_text(self, line: ReadBackLine, room: bool = False) -> str:
        parts: list[str] = []
        if line.kind is LineKind.DECISION:
            parts.append(
                fill(self.tr("Decision: %1 (%2)"), line.text, self.method_text(line.method))
            )
            for who, view in line.dissent:
                parts.append(fill(self.tr("    Dissent, %1: %2"), who, view))
        else:
            owner = line.owner or self.tr("no owner")
            due = line.due.isoformat() if line.due else self.tr("no due date")
            parts.append(fill(self.tr("Action: %1 (%2, by %3)"), line.text, owner, due))
        if line.restricted and not room:
            parts.append(self.tr("    Restricted: not read to a parent or carer"))
        if line.missing and not room:
            parts.insert(0, fill(self.tr("MISSING: %1"), self.missing_text(line.missing)))
        return "\n".join(parts)

    def summary_text(self, rb: ReadBack, room: bool) -> str:
        """The lines above the list: key worker, review date, what is missing overall."""
        lines = [
            fill(self.tr("Key worker: %1"), rb.key_worker or self.tr("MISSING: no key worker")),
            fill(
                self.tr("Review conference: %1"),
                rb.review_date.isoformat()
                if rb.review_date
                else self.tr("MISSING: no review date"),
            ),
        ]
        if not room:
            lines.append(
                self.tr("Reporter's identity: recorded (never shown)")
                if rb.reporter_identity_recorded
                else self.tr("Reporter's identity: not recorded")
            )
            count = rb.problems
            lines.append(
                self.tr("Nothing missing.")
                if count == 0
                else self.tr("%n thing(s) missing.", "", count)
            )
        elif rb.left_out:
            lines.append(
                self.tr(
                    "%n restricted line(s) not shown while a parent or carer is present.",
                    "",
                    rb.left_out,
                )
            )
        return "\n".join(lines)


class RoomView(QWidget):
    """The read-back for the room: large type, full screen on a second screen when there is
    one, restricted lines left out while a parent or carer is present. Esc closes it."""

    def __init__(self, controller: WorkspaceController) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.controller = controller
        self.setObjectName("ReadBackRoomView")
        self.setWindowTitle(self.tr("Read-back for the room"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 2.2)
        self.setFont(font)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.list = ReadBackList(self)
        self.list.setFont(font)
        # The summary scrolls when it is longer than the window (large type, a small screen).
        summary_area = QScrollArea(self)
        summary_area.setWidgetResizable(True)
        summary_area.setFrameShape(QFrame.Shape.NoFrame)
        summary_area.setWidget(self.summary)
        layout = QVBoxLayout(self)
        grow_to_contents(layout)
        layout.addWidget(summary_area)
        layout.addWidget(self.list, 1)
        controller.record_loaded.connect(lambda *_: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        if not self.controller.loaded:
            return
        rb = read_back(self.controller.record, now(), for_room=True)
        self.last = rb
        self.summary.setText(self.list.summary_text(rb, room=True))
        self.list.show_read_back(rb, room=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def show_on_room_screen(self) -> None:
        """Full screen on a screen other than the chair's, else maximised beside the chair's."""
        screens = QGuiApplication.screens()
        chair = self.controller.parent()
        chair_screen = chair.screen() if isinstance(chair, QWidget) else None
        others = [s for s in screens if s is not chair_screen]
        if others:
            self.setScreen(others[0])
            self.setGeometry(others[0].geometry())
            self.showFullScreen()
        else:
            self.showMaximized()
        self.raise_()


class ReadBackDialog(QDialog):
    """The chair's read-back: everything, marked; Enter on a line goes to where it is fixed."""

    jump = Signal(str, int)

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("ReadBackDialog")
        self.setWindowTitle(self.tr("Read-back"))
        self.setModal(False)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.list = ReadBackList(self)
        self.list.jump.connect(self.jump)
        heading = QLabel(self.tr("&Decisions and open actions (Enter goes to the line):"), self)
        heading.setBuddy(self.list)
        self.room_button = QPushButton(self.tr("Show to the &room"), self)
        self.room_button.setAccessibleName(self.tr("Show the read-back to the room"))
        self.room_button.clicked.connect(self.show_room)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.room_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        grow_to_contents(layout)
        layout.addWidget(self.summary)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.room: RoomView | None = None
        controller.record_loaded.connect(lambda *_: self.refresh())
        self.resize(720, 520)
        self.refresh()

    def refresh(self) -> None:
        if not self.controller.loaded:
            return
        rb = read_back(self.controller.record, now())
        self.last = rb
        self.summary.setText(self.list.summary_text(rb, room=False))
        self.list.show_read_back(rb)

    def show_room(self) -> None:
        if self.room is None:
            self.room = RoomView(self.controller)
        self.room.refresh()
        self.room.show_on_room_screen()

    def done(self, result: int) -> None:
        if self.room is not None:
            self.room.close()
        super().done(result)


def show_read_back(window: Any) -> ReadBackDialog:
    """Show ``window``'s read-back (one per workspace window, kept up to date while open); a
    line activated there selects its decision or action in the window, with focus on it."""
    dialog: ReadBackDialog | None = getattr(window, "read_back", None)
    if dialog is None:
        dialog = ReadBackDialog(window.controller, window)
        dialog.jump.connect(lambda kind, record_id: go_to(window, kind, record_id))
        window.read_back = dialog
    dialog.refresh()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def go_to(window: Any, kind: str, record_id: int) -> None:
    """Select decision or action ``record_id`` in the workspace ``window`` and focus it."""
    if kind == LineKind.DECISION:
        panel = window.decisions_panel
        view, model = panel.view, panel.model
    elif kind == LineKind.ACTION:
        panel, view, model = window.actions_panel, window.action_view, window.action_model
    else:
        return
    window.side_tabs.setCurrentWidget(panel)
    row = model.row_of(record_id)
    if row >= 0:
        view.selectRow(row)
        view.scrollTo(model.index(row, 0))
    window.activateWindow()
    view.setFocus()
