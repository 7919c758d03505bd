"""What a notes save costs the database, counted with the connections' trace callbacks.

A notes save is one write: one transaction (``BEGIN IMMEDIATE`` … ``COMMIT``) on the notes
writer's connection whose only changes are the UPDATE of the agenda item's notes and, in the
same transaction, the UPDATE of its conference's ``updated_at`` (the bookkeeping every change
to a conference does; the full-text index's own statements, run by its triggers inside that
UPDATE, are not separate writes). The writer reads only the item and its conference (to check
that it may be changed and to say whose it was). The GUI, whose controller skips the change its
own notes saver made, reads nothing of the record again: no whole-record reload.

The statements are counted, not timed (tests/benchmarks/bench_edits.py times the edits).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from mdcc_desktop.domain.models import Attendee, Child, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.store import Store
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter

WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
TABLES_READ = re.compile(r"\b(?:FROM|JOIN)\s+[\[\"']?(\w+)", re.IGNORECASE)


def top_level(statements: list[str]) -> list[str]:
    """The statements the code ran, once each.

    SQLite reports the statements a trigger runs as ``-- …``, and reports the statement that
    fired the trigger again as each trigger program starts (the full-text index's triggers on
    an UPDATE of the notes): those repeats, which follow the statement at once, are one
    statement.
    """
    ran: list[str] = []
    for statement in statements:
        text = statement.strip()
        if text.startswith("--") or (ran and ran[-1] == text):
            continue
        ran.append(text)
    return ran


def writes(statements: list[str]) -> list[str]:
    return [s for s in top_level(statements) if WRITES.match(s)]


def tables_read(statements: list[str]) -> set[str]:
    return {
        table
        for s in top_level(statements)
        if s.upper().startswith("SELECT") or " SELECT " in s.upper()
        for table in TABLES_READ.findall(s)
    } - {"sqlite_master", "pragma_table_info"}


class Traced:
    """The statements run on the GUI's connection and on the notes writer's."""

    def __init__(self) -> None:
        self.gui: list[str] = []
        self.writer: list[str] = []

    def clear(self) -> None:
        self.gui.clear()
        self.writer.clear()


@pytest.fixture
def traced(monkeypatch: pytest.MonkeyPatch) -> Traced:
    """Trace the notes writer's connection: it opens its own Store on its own thread."""
    trace = Traced()

    real_attach = Store.attach

    def attach(*args: Any, **kwargs: Any) -> Store:
        store = real_attach(*args, **kwargs)
        store.db.conn.set_trace_callback(trace.writer.append)
        return store

    monkeypatch.setattr(Store, "attach", staticmethod(attach))
    return trace


@pytest.fixture
def workspace(qtbot, services: Services, traced: Traced) -> Iterator[WorkspaceWindow]:
    case = services.conferences.create_case("CS-COUNT-1", "ENG", [Child(name="Amy Test")])
    assert case.id is not None
    conference_id = services.conferences.create_conference(
        case.id, "ENG", ConferenceType.INITIAL, dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
    )
    for n in range(3):  # something in the other tables, so that a reload would read them
        services.conferences.add_attendee(conference_id, Attendee(name=f"Person {n}"))
    window = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.agenda_view.selectRow(1)
    services.store.db.conn.set_trace_callback(traced.gui.append)
    yield window
    services.store.db.conn.set_trace_callback(None)
    window.notes_saver.flush(1.0)


def save_typed(qtbot, window: WorkspaceWindow, text: str) -> None:
    """Type ``text`` at the end of the notes and save them as the typing timer does; wait
    until the writer reports them stored and the GUI has handled what that posted."""
    window.notes_edit.moveCursor(QTextCursor.MoveOperation.End)
    window.notes_edit.insertPlainText(text)
    with qtbot.waitSignal(window.notes_saver.saved, timeout=5000):
        window.meeting.save_notes()  # what the typing timers call
    for _ in range(3):
        QApplication.processEvents()


def test_a_notes_save_is_one_write_and_the_gui_reads_nothing_again(
    qtbot, workspace: WorkspaceWindow, services: Services, traced: Traced
) -> None:
    save_typed(qtbot, workspace, "First words.")  # opens the writer's connection
    traced.clear()

    save_typed(qtbot, workspace, " The school reported bruising.")
    gui = list(traced.gui)  # before this test reads on the GUI's connection itself

    item_id = workspace.meeting.notes_item_id
    assert item_id is not None
    stored = services.store.get_agenda_item(item_id).notes
    assert stored == "First words. The school reported bruising."
    writer = top_level(traced.writer)
    assert writer.count("BEGIN IMMEDIATE") == 1 and writer.count("COMMIT") == 1, writer
    changed = writes(traced.writer)
    # The notes, the conference's touch, and the write generation every write transaction
    # raises (so that other windows tell this process's writes from another's).
    assert len(changed) == 3, changed
    assert changed[2] == (
        "UPDATE write_generation SET value = value + 1 WHERE id = 1 RETURNING value"
    )
    assert changed[0].startswith("UPDATE [agenda_items] SET [notes] =")
    assert changed[0].endswith(f"WHERE id = {item_id}")
    assert re.match(r"UPDATE \[conferences\] SET \[updated_at\] = .* WHERE id = \d+$", changed[1])
    begin, commit = writer.index("BEGIN IMMEDIATE"), writer.index("COMMIT")
    assert all(begin < writer.index(s) < commit for s in changed), "written outside the one write"
    assert tables_read(traced.writer) <= {"agenda_items", "conferences"}, traced.writer
    # The GUI: its own notes, stored, are not read back, nor anything else of the record.
    assert writes(gui) == []
    assert tables_read(gui) == set(), gui


def test_the_counters_see_a_whole_record_reload(
    qtbot, workspace: WorkspaceWindow, services: Services, traced: Traced
) -> None:
    """The check above can fail: an edit that the workspace refreshes after (a change made
    elsewhere, here) shows up on the GUI's connection as reads of the record's tables."""
    item_id = workspace.meeting.notes_item_id
    assert item_id is not None
    services.conferences.update_agenda_item(item_id, title="Renamed elsewhere")
    QApplication.processEvents()
    assert {"attendees", "actions", "decisions"} <= tables_read(traced.gui)
