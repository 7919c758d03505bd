"""Drives the real workspace (real services, real database file) in a process of its own.

Used by bench_soak.py, bench_kill.py and tests/ui/test_soak_and_kill.py; run as a script:

    python tests/benchmarks/workspace_driver.py soak DATA_DIR KEYS TICKS KEYS_PER_ITEM
        types KEYS keystrokes into the notes through QTest key events, calls the workspace
        clock's slot TICKS times in between, moves to the next agenda item every KEYS_PER_ITEM
        keystrokes, closes the workspace and prints one JSON line: what was typed, item by
        item (the caller checks the database against it).

    python tests/benchmarks/workspace_driver.py type DATA_DIR INTERVAL_MS LOG_FILE
        types into the notes from a QTimer, one key every INTERVAL_MS, until killed; after each
        key appends "count monotonic_seconds" to LOG_FILE (unbuffered).

    python tests/benchmarks/workspace_driver.py edits DATA_DIR INTERVAL_MS LOG_FILE EDIT_MS
        types as ``type`` does and, from a second timer every EDIT_MS, makes the edits a chair
        makes in the meeting, in turn, through the workspace's own slots: adds an attendee,
        checks them in, adds an action, records a decision. After each edit has returned (the
        service has committed it) it prints an acknowledgement line on stdout, flushed:
        ``ack attendee ID``, ``ack checkin ID``, ``ack action ID TEXT``, ``ack decision ID
        TEXT``, and ``ack notes ITEM LENGTH`` each time the notes writer reports the first
        LENGTH characters typed stored. The first line is ``conference ID ITEM`` (the
        conference made and its running agenda item). Runs until killed (the crash harness,
        bench_crash.py, checks every acknowledged edit after the kill).

The database is encrypted (tests/benchmarks/encrypted.py): the caller opens it with the same key.
Each run makes a case and conference of its own, so runs may follow one another on one folder.
The text typed is ``typed_text(n)``, the same in the caller.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# Words as a chair types them, with a line break now and then.
_PATTERN = (
    "School reported bruising on the left arm; mother says a fall. "
    "Police checked the home.\nHealth visitor has concerns about sleep. "
)


def typed_text(count: int) -> str:
    """The first ``count`` characters the driver types."""
    whole, part = divmod(count, len(_PATTERN))
    return _PATTERN * whole + _PATTERN[:part]


def _build(data_dir: Path, items: int):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from mdcc_desktop.domain.models import AgendaItem, Child, ConferenceType
    from mdcc_desktop.ui.home.main_window import MainWindow
    from tests.benchmarks.encrypted import open_services

    app = QApplication.instance() or QApplication([sys.argv[0]])
    services = open_services(data_dir)
    # A reference of its own: runs may follow one another on one folder (the crash harness).
    reference = f"CS-DRIVE-{len(services.store.conference_ids()) + 1}-{os.getpid()}"
    case = services.conferences.create_case(reference, "ENG", [Child(name="Test Child")])
    assert case.id is not None
    conference_id = services.conferences.create_conference(
        case.id, "ENG", ConferenceType.INITIAL, dt.datetime.now(dt.UTC)
    )
    have = len(services.store.agenda(conference_id))
    for n in range(have, items):
        services.conferences.add_agenda_item(conference_id, AgendaItem(title=f"Item {n + 1}"))
    home = MainWindow(services)
    home.show()
    home.select_conference(conference_id)
    workspace = home.open_selected()
    assert workspace is not None
    app.processEvents()
    workspace.start_meeting()
    workspace.next_item()  # the first item runs; its notes are in the editor
    workspace.notes_edit.setFocus()
    return app, services, home, workspace, conference_id


def _key(edit, char: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    if char == "\n":
        QTest.keyClick(edit, Qt.Key.Key_Return)
    else:
        QTest.keyClick(edit, char)


def soak(data_dir: Path, keys: int, ticks: int, per_item: int) -> int:
    started = time.perf_counter()
    items = keys // per_item + 1
    app, services, home, workspace, conference_id = _build(data_dir, items)
    text = typed_text(keys)
    typed: dict[int, str] = {}
    current: list[str] = []
    done_ticks = 0
    changes = 0
    for n, char in enumerate(text, 1):
        _key(workspace.notes_edit, char)
        current.append(char)
        while done_ticks < ticks * n // keys:  # the clock ticks spread over the meeting
            workspace._tick()
            done_ticks += 1
        if n % 50 == 0:
            app.processEvents()  # the save timers run, as in a live event loop
        if n % per_item == 0 and n < keys:
            item_id = workspace._notes_item_id
            assert item_id is not None
            typed[item_id] = typed.get(item_id, "") + "".join(current)
            current = []
            workspace.next_action.trigger()
            changes += 1
            workspace.notes_edit.setFocus()
            cursor = workspace.notes_edit.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            workspace.notes_edit.setTextCursor(cursor)
    while done_ticks < ticks:
        workspace._tick()
        done_ticks += 1
    item_id = workspace._notes_item_id
    assert item_id is not None
    typed[item_id] = typed.get(item_id, "") + "".join(current)
    closed = workspace.close()
    home.close()
    services.close()
    print(
        json.dumps(
            {
                "conference_id": conference_id,
                "typed": {str(k): v for k, v in typed.items()},
                "keys": keys,
                "ticks": done_ticks,
                "item_changes": changes,
                "closed": bool(closed),
                "seconds": time.perf_counter() - started,
            }
        ),
        flush=True,
    )
    return 0


def type_until_killed(data_dir: Path, interval_ms: int, log_file: Path) -> int:
    from PySide6.QtCore import QTimer

    app, _services, _home, workspace, _conference_id = _build(data_dir, 1)
    log = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    count = 0
    text = typed_text(1_000_000)

    def key() -> None:
        nonlocal count
        _key(workspace.notes_edit, text[count])
        count += 1
        os.write(log, f"{count} {time.monotonic():.4f}\n".encode())

    timer = QTimer()
    timer.setInterval(interval_ms)
    timer.timeout.connect(key)
    timer.start()
    return int(app.exec())


def edits_until_killed(data_dir: Path, interval_ms: int, log_file: Path, edit_ms: int) -> int:
    from PySide6.QtCore import QTimer

    from mdcc_desktop.services.events import ChangeKind

    app, services, _home, workspace, conference_id = _build(data_dir, 1)
    item_id = workspace._notes_item_id
    print(f"conference {conference_id} {item_id}", flush=True)
    log = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    count = 0
    text = typed_text(1_000_000)
    added: dict[str, int] = {}  # the id of the last thing of each kind the services added

    def published(change) -> None:  # type: ignore[no-untyped-def]
        if change.kind is ChangeKind.ADDED and change.entity_id is not None:
            added[str(change.entity)] = change.entity_id

    services.events.subscribe(published)

    def key() -> None:
        nonlocal count
        _key(workspace.notes_edit, text[count])
        count += 1
        os.write(log, f"{count} {time.monotonic():.4f}\n".encode())

    def stored(item: int) -> None:
        notes = workspace.notes_saver._stored.get(item)
        if notes is not None:
            print(f"ack notes {item} {len(notes)}", flush=True)

    workspace.notes_saver.saved.connect(stored)
    turn = 0

    def new(entity: str, edit) -> int | None:  # type: ignore[no-untyped-def]
        added.pop(entity, None)
        edit()
        return added.get(entity)

    def edit() -> None:
        nonlocal turn
        turn += 1
        step = turn % 4
        if step == 1:
            workspace.new_name.setText(f"Attendee {turn}")
            workspace.new_agency.setText(f"Agency {turn % 5}")
            attendee_id = new("attendee", workspace.add_attendee)
            if attendee_id is not None:
                print(f"ack attendee {attendee_id}", flush=True)
        elif step == 2:
            chosen = workspace.selected_attendee()  # the one just added is selected
            if chosen is not None and chosen.id is not None:
                workspace.check_in()  # what Ctrl+K calls
                if services.store.get_attendee(chosen.id).arrived_at is not None:
                    print(f"ack checkin {chosen.id}", flush=True)
        elif step == 3:
            words = f"Action {turn}"
            workspace.action_description.setText(words)
            action_id = new("action", workspace.add_action)
            if action_id is not None:
                print(f"ack action {action_id} {words}", flush=True)
        else:
            words = f"Decision {turn}"
            workspace.decisions_panel.text.setText(words)
            decision_id = new("decision", workspace.decisions_panel.add)
            if decision_id is not None:
                print(f"ack decision {decision_id} {words}", flush=True)

    typing = QTimer()
    typing.setInterval(interval_ms)
    typing.timeout.connect(key)
    typing.start()
    editing = QTimer()
    editing.setInterval(edit_ms)
    editing.timeout.connect(edit)
    editing.start()
    return int(app.exec())


if __name__ == "__main__":
    mode, folder = sys.argv[1], Path(sys.argv[2])
    if mode == "edits":
        sys.exit(edits_until_killed(folder, int(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5])))
    if mode == "soak":
        sys.exit(soak(folder, int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])))
    if mode == "type":
        sys.exit(type_until_killed(folder, int(sys.argv[3]), Path(sys.argv[4])))
    sys.exit(f"unknown mode {mode}")
