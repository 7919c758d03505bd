"""The GUI's integrity check on a worker thread: damage it finds is reported in a message box
and the app exits with code 2; a sound file says nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox

from mdcc_desktop import app as gui
from mdcc_desktop.domain.models import Case, Child
from mdcc_desktop.store import Store
from tests.store.test_store_damage import overwrite_page, root_page


def _database(tmp_path: Path) -> Path:
    path = tmp_path / "mdcc.sqlite3"
    store = Store.open(path)
    case_id = store.add_case(Case(reference="CP-CHECK", jurisdiction="ENG"))
    for i in range(200):
        store.add_child(Child(case_id=case_id, name=f"Child {i:04d} " + "x" * 200))
    store.close()
    return path


class FakeApp:
    def __init__(self) -> None:
        self.codes: list[int] = []

    def exit(self, code: int) -> None:
        self.codes.append(code)


@pytest.mark.parametrize("damaged", [True, False], ids=["damaged", "sound"])
def test_the_check_after_the_window_reports_damage(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damaged: bool
) -> None:
    path = _database(tmp_path)
    if damaged:
        overwrite_page(path, root_page(path, "children"))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: said.append(text))
    window = QMainWindow()
    qtbot.addWidget(window)
    app = FakeApp()
    check = gui.IntegrityCheck(path, tmp_path / "backups").start()
    timer = gui.watch_integrity(app, window, check)
    qtbot.waitUntil(lambda: not timer.isActive(), timeout=10_000)
    if damaged:
        assert app.codes == [2]
        assert len(said) == 1 and "damaged" in said[0]
    else:
        assert app.codes == [] and said == []
