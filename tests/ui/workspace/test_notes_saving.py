"""Typing is safe: notes are stored while the chair types, retried when the database is busy,
never dropped on closing, and a megabyte of notes stays editable."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor

from mdcc_desktop.domain.models import Child, ConferenceType
from mdcc_desktop.services.context import Services
from mdcc_desktop.store import driver
from mdcc_desktop.ui.widgets import theme
from mdcc_desktop.ui.workspace.notes import SOFT_BREAK_OVER, SOFT_MARK, NotesEdit
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.conftest import driver_connect
from tests.ui.home.test_main_window import RecordingPrompter

MEGABYTE_LINE = ("the child said she was afraid to go home " * 25_000)[:1_000_000]


@pytest.fixture
def conference_id(services: Services) -> int:
    case = services.conferences.create_case("CS-TYPE-1", "ENG", [Child(name="Amy Test")])
    assert case.id is not None
    return services.conferences.create_conference(
        case.id, "ENG", ConferenceType.INITIAL, dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
    )


@pytest.fixture
def workspace(qtbot, services: Services, conference_id: int) -> Iterator[WorkspaceWindow]:
    window = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.agenda_view.selectRow(1)
    window.notes_edit.setFocus()
    yield window
    window.notes_saver.flush(1.0)


@pytest.fixture
def locker(services: Services) -> Iterator[driver.Connection]:
    """Another program holding a write transaction on the same database file."""
    conn = driver_connect(services.paths.database, timeout=0, isolation_level=None)
    yield conn
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    conn.close()


def stored_notes(services: Services, conference_id: int, row: int = 1) -> str:
    return services.store.agenda(conference_id)[row].notes or ""


def test_continuous_typing_is_saved_while_the_chair_keeps_typing(
    qtbot, workspace: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    """Typing that never pauses is still saved: the first unsaved keystroke starts a deadline
    that later keystrokes do not put off. Driven by the timers themselves, not the wall clock
    (typing one key every 100 ms failed on a loaded machine)."""
    edit, pause, deadline = workspace.notes_edit, workspace.notes_timer, workspace.notes_deadline
    qtbot.keyClicks(edit, "School noticed")
    assert deadline.isActive() and pause.isActive()
    first = deadline.remainingTime()
    for word in (" bruising", " on her", " arm."):
        qtbot.keyClicks(edit, word)  # each keystroke puts the pause off ...
        assert pause.isActive()
        assert deadline.isActive() and deadline.remainingTime() <= first  # ... not the deadline
        pause.stop()  # the chair keeps typing: the pause never comes
    assert stored_notes(services, conference_id) == ""
    with qtbot.waitSignal(deadline.timeout, timeout=10_000):
        pass  # the deadline passes while the chair is still typing
    qtbot.waitUntil(
        lambda: stored_notes(services, conference_id) == "School noticed bruising on her arm.",
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: workspace.notes_state.text().startswith("Saved "), timeout=10_000)


def test_a_save_refused_by_a_busy_database_is_retried_until_stored(
    qtbot,
    workspace: WorkspaceWindow,
    services: Services,
    conference_id: int,
    locker: sqlite3.Connection,
) -> None:
    locker.execute("BEGIN IMMEDIATE")
    words = "fifteen words typed while another program writes to the database file now"
    qtbot.keyClicks(workspace.notes_edit, words)
    # The chair sees at once, plainly, that the text is not stored; the GUI is not held up.
    qtbot.waitUntil(lambda: "Not saved yet" in workspace.notes_state.text(), timeout=3000)
    assert theme.colour(theme.Tone.ERROR).name() in workspace.notes_state.styleSheet()
    assert "busy" in workspace.notes_state.text()
    assert stored_notes(services, conference_id) == ""
    qtbot.keyClicks(workspace.notes_edit, " and more")
    qtbot.waitUntil(lambda: workspace.notes_saver.failing(), timeout=3000)
    assert workspace.notes_edit.toPlainText() == words + " and more"
    locker.execute("ROLLBACK")  # the other program is done
    qtbot.waitUntil(
        lambda: stored_notes(services, conference_id) == words + " and more", timeout=10_000
    )
    qtbot.waitUntil(lambda: workspace.notes_state.text().startswith("Saved "), timeout=2000)
    assert theme.colour(theme.Tone.ERROR).name() not in workspace.notes_state.styleSheet()


def test_switching_items_while_the_database_is_busy_keeps_each_items_text(
    qtbot,
    workspace: WorkspaceWindow,
    services: Services,
    conference_id: int,
    locker: sqlite3.Connection,
) -> None:
    locker.execute("BEGIN IMMEDIATE")
    qtbot.keyClicks(workspace.notes_edit, "first item's words")
    workspace.agenda_view.selectRow(2)
    qtbot.keyClicks(workspace.notes_edit, "second item's words")
    workspace.agenda_view.selectRow(1)  # back: the text not yet stored is shown, not the old one
    assert workspace.notes_edit.toPlainText() == "first item's words"
    locker.execute("ROLLBACK")
    qtbot.waitUntil(
        lambda: (
            (stored_notes(services, conference_id, 1), stored_notes(services, conference_id, 2))
            == ("first item's words", "second item's words")
        ),
        timeout=10_000,
    )


def test_closing_with_notes_not_saved_keeps_the_window_and_the_text(
    qtbot,
    workspace: WorkspaceWindow,
    services: Services,
    conference_id: int,
    locker: sqlite3.Connection,
) -> None:
    locker.execute("BEGIN IMMEDIATE")
    qtbot.keyClicks(workspace.notes_edit, "the last words before closing")
    assert not workspace.close(), "the window closed on notes not saved"
    assert workspace.isVisible()
    assert "not saved yet" in workspace.message_label.text()
    assert workspace.notes_edit.toPlainText() == "the last words before closing"
    locker.execute("ROLLBACK")
    assert workspace.close()
    assert stored_notes(services, conference_id) == "the last words before closing"


def test_notes_that_cannot_be_stored_can_be_kept_in_a_file_so_the_window_closes(  # noqa: PLR0917
    qtbot,
    workspace: WorkspaceWindow,
    services: Services,
    conference_id: int,
    locker: sqlite3.Connection,
    tmp_path: Path,
) -> None:
    """With the database held for good, the window could never close: asked again, the chair
    may keep the unsaved notes in a file (a cancelled choice keeps the window and the text)."""
    locker.execute("BEGIN IMMEDIATE")
    qtbot.keyClicks(workspace.notes_edit, "Mr Chan said the school will call")
    assert not workspace.close()
    assert "save them to a file" in workspace.message_label.text()

    workspace.prompter.files.append(None)  # the chair cancels the file dialog
    assert not workspace.close()
    assert workspace.isVisible()

    target = tmp_path / "kept.txt"
    workspace.prompter.files.append(target)
    assert workspace.close(), "the notes are in a file: the window may close"
    kept = target.read_text(encoding="utf-8")
    assert "Mr Chan said the school will call" in kept
    title = services.store.agenda(conference_id)[1].title  # the item the fixture selected
    assert kept.startswith(title)
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    locker.execute("ROLLBACK")


def test_closing_saves_what_was_just_typed(
    qtbot, workspace: WorkspaceWindow, services: Services, conference_id: int
) -> None:
    qtbot.keyClicks(workspace.notes_edit, "typed a moment ago")
    assert workspace.close()
    assert stored_notes(services, conference_id) == "typed a moment ago"


def test_a_megabyte_single_line_note_can_be_typed_into_and_saved(
    qtbot, services: Services, conference_id: int
) -> None:
    item = services.store.agenda(conference_id)[1]
    assert item.id is not None
    services.conferences.update_agenda_item(item.id, notes=MEGABYTE_LINE)
    window = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    window.agenda_view.selectRow(1)
    edit = window.notes_edit
    assert edit.notes() == MEGABYTE_LINE
    assert edit.document().blockCount() > 100, "a giant line must be shown in pieces"
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, " END")
    cursor.setPosition(0)
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, "START ")
    expected = "START " + MEGABYTE_LINE + " END"
    assert edit.notes() == expected
    assert window.close()
    assert stored_notes(services, conference_id) == expected


# --- the editor's soft breaks -----------------------------------------------------------------


@pytest.fixture
def editor(qtbot) -> NotesEdit:
    edit = NotesEdit()
    qtbot.addWidget(edit)
    edit.show()
    return edit


def block_starting_soft(edit: NotesEdit) -> QTextCursor:
    """A cursor just after the mark of the first piece that continues a line."""
    block = edit.document().begin().next()
    while block.isValid() and not block.text().startswith(SOFT_MARK):
        block = block.next()
    assert block.isValid()
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + 1)
    return cursor


def test_very_long_lines_are_shown_in_pieces_and_read_back_whole(editor: NotesEdit) -> None:
    long_words = "word " * 5000  # 25,000 characters
    no_spaces = "x" * 30_000
    text = f"short first line\n{long_words}\n\n{no_spaces}\n最後一行 with emoji 🙂 and\u00a0nbsp\n"
    editor.set_notes(text)
    assert editor.document().blockCount() > 20
    assert editor.notes() == text
    assert editor.toPlainText() != text  # the pieces really are paragraphs in the editor
    editor.set_notes("short")
    assert editor.notes() == "short"


def test_keys_beside_a_soft_break_act_on_the_text(qtbot, editor: NotesEdit) -> None:
    line = "abcde " * 4000
    editor.set_notes(line)
    editor.setFocus()
    cursor = block_starting_soft(editor)
    # Enter at a soft break makes a real line break; the text is otherwise unchanged.
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    offset = len(editor.notes().split("\n")[0])
    assert editor.notes() == line[:offset] + "\n" + line[offset:]
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # removes that line break again
    assert editor.notes() == line
    # Backspace at the start of a piece deletes the character before it, Delete at the end of
    # the piece before deletes the character after.
    cursor = block_starting_soft(editor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.notes() == line[: offset - 1] + line[offset:]
    qtbot.keyClick(editor, Qt.Key.Key_Left)  # onto the piece before, not into the mark
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.keyClick(editor, Qt.Key.Key_X)
    assert editor.notes() == line[: offset - 1] + "x" + line[offset:]
    # Typing at the start of a piece (Home) stays on the same line of the text.
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClick(editor, Qt.Key.Key_Y)
    assert "\n" not in editor.notes()
    # Enter inside a piece splits the line there, in the text too.
    editor.set_notes(line)
    cursor = block_starting_soft(editor)
    cursor.movePosition(QTextCursor.MoveOperation.Right, n=3)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.notes().count("\n") == 1
    assert editor.notes().replace("\n", "") == line


def test_deleting_across_a_soft_break_and_undoing_restores_the_text(editor: NotesEdit) -> None:
    line = "abcde " * 4000
    editor.set_notes(line)
    cursor = block_starting_soft(editor)
    start = cursor.position()
    cursor.setPosition(start - 4)
    cursor.setPosition(start + 3, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    assert len(editor.notes()) == len(line) - 5  # two before the break, three after
    editor.document().undo()
    assert editor.notes() == line
    editor.document().redo()
    assert len(editor.notes()) == len(line) - 5  # two before the break, three after
    # A whole piece removed, from its start: the rest of the line stays on the line.
    editor.set_notes(line)
    cursor = block_starting_soft(editor)
    block = cursor.block()
    cursor.setPosition(block.position())
    cursor.setPosition(block.next().position(), QTextCursor.MoveMode.KeepAnchor)
    removed = len(block.text()) - 1
    cursor.removeSelectedText()
    assert "\n" not in editor.notes() and len(editor.notes()) == len(line) - removed


def test_copy_and_paste_of_a_long_line_keep_it_one_line(editor: NotesEdit) -> None:
    line = "z" * (SOFT_BREAK_OVER * 2)
    editor.set_notes("before\nafter")
    cursor = editor.textCursor()
    cursor.setPosition(len("before"))
    editor.setTextCursor(cursor)
    data = QMimeData()
    data.setText(line)
    editor.insertFromMimeData(data)
    assert editor.notes() == "before" + line + "\nafter"
    assert editor.document().blockCount() > 10
    editor.selectAll()
    assert editor.createMimeDataFromSelection().text() == "before" + line + "\nafter"


def test_quitting_with_notes_not_saved_keeps_the_app_open(
    qtbot, services: Services, conference_id: int, locker: sqlite3.Connection
) -> None:
    from mdcc_desktop.ui.home.main_window import MainWindow

    home = MainWindow(services, RecordingPrompter())
    qtbot.addWidget(home)
    home.show()
    home.select_conference(conference_id)
    window = home.open_selected()
    assert window is not None
    window.agenda_view.selectRow(1)
    window.notes_edit.setFocus()
    locker.execute("BEGIN IMMEDIATE")
    qtbot.keyClicks(window.notes_edit, "typed just before quitting")
    assert not home.close()
    assert home.isVisible() and window.isVisible()
    locker.execute("ROLLBACK")
    assert home.close()
    assert stored_notes(services, conference_id) == "typed just before quitting"


def test_minutes_are_not_finalised_on_notes_not_yet_saved(
    qtbot,
    workspace: WorkspaceWindow,
    services: Services,
    conference_id: int,
    locker: sqlite3.Connection,
) -> None:
    locker.execute("BEGIN IMMEDIATE")
    qtbot.keyClicks(workspace.notes_edit, "the decision's reasons")
    workspace.finalise()
    assert "not saved yet" in workspace.message_label.text()
    locker.execute("ROLLBACK")
    assert services.conferences.conference(conference_id).status.value != "finalised"
