"""The keyboard card (F1) is the windows' actions, and every page shortcut goes to its page
(issue 15, deliverable 6 and finding 5)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.home.main_window import MainWindow
from tests.ui.home.test_main_window import RecordingPrompter


def card_rows(text: str) -> dict[str, str]:
    """Each key of the card shown, with what the card says it does."""
    rows = {}
    for keys, what in re.findall(r"<tr><td><b>(.*?)</b></td><td>(.*?)</td></tr>", text):
        for key in html.unescape(keys).split(" / "):
            rows[key] = html.unescape(what)
    return rows


def action_keys(window: QWidget) -> dict[str, QAction]:
    """Every key an action of the window answers to, found without the card's code."""
    keys = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            keys[sequence.toString(QKeySequence.SequenceFormat.PortableText)] = action
    return keys


def shown_card(window: QWidget, prompter: RecordingPrompter) -> dict[str, str]:
    window.findChild(QAction, "shortcuts").trigger()
    title, text = prompter.infos[-1]
    assert title == "Keyboard shortcuts"
    return card_rows(text)


@pytest.fixture
def home(qtbot, services: Services, shared_example: Path) -> tuple[MainWindow, RecordingPrompter]:
    prompter = RecordingPrompter()
    window = MainWindow(services, prompter)
    qtbot.addWidget(window)
    window.import_conference(shared_example)
    window.show()
    qtbot.waitExposed(window)
    return window, prompter


def check_card(window: QWidget, card: dict[str, str]) -> None:
    keys = action_keys(window)
    assert sorted(set(keys) - set(card)) == [], "actions' shortcuts missing from the card"
    assert sorted(set(card) - set(keys)) == [], "the card lists keys no action has"
    assert [key for key, what in card.items() if not what.strip()] == [], "keys with no text"
    # No shortcut outside an action, where the card would not see it.
    assert window.findChildren(QShortcut) == []


def test_the_home_card_is_the_home_windows_actions(home) -> None:
    window, prompter = home
    card = shown_card(window, prompter)
    check_card(window, card)
    assert card["Ctrl+N"] == "New conference…"
    assert card["Del"] == "Delete conference…"
    assert card["Ctrl+Z"] == "Undo"
    assert "Open a conference's workspace and press F1" in html.unescape(prompter.infos[-1][1])


def test_the_workspace_card_is_the_workspaces_actions(qtbot, home) -> None:
    """The hand-written list it replaces said F2 (no action has it) and left out Ctrl+W,
    Ctrl+Y and Ctrl+Shift+M."""
    window, prompter = home
    workspace = window.open_selected()
    assert workspace is not None
    card = shown_card(workspace, prompter)
    check_card(workspace, card)
    # Del removes the selected line of whichever list has focus: one row names each.
    assert card["Del"].startswith("Remove the selected agenda item; ")
    assert "Remove attendee" in card["Del"]
    assert card["Ctrl+Shift+Z"] == card["Ctrl+Y"] == "Redo"
    assert "F2" not in card
    # From the home window, with a workspace open, the card has both.
    both = shown_card(window, prompter)
    assert set(both) == set(action_keys(window)) | set(action_keys(workspace))
    workspace.close()


def test_a_new_action_is_on_the_card_and_one_removed_is_not(home) -> None:
    window, prompter = home
    extra = QAction("Print the list", window)
    extra.setShortcut(QKeySequence("Ctrl+P"))
    window.addAction(extra)
    assert shown_card(window, prompter)["Ctrl+P"] == "Print the list"
    extra.setParent(None)
    window.removeAction(extra)
    assert "Ctrl+P" not in shown_card(window, prompter)


def test_an_untitled_action_without_a_description_is_caught(home) -> None:
    window, prompter = home
    mute = QAction(window)
    mute.setShortcut(QKeySequence("Ctrl+Shift+P"))
    window.addAction(mute)
    with pytest.raises(AssertionError, match="keys with no text"):
        check_card(window, shown_card(window, prompter))


@pytest.mark.parametrize("page", [1, 2, 3, 4])
def test_ctrl_and_a_number_shows_that_page(qtbot, home, page: int) -> None:
    """Ctrl+2, Ctrl+3 and Ctrl+4 all showed the conferences: the slot got the action's
    ``checked`` flag (False, row 0) instead of the page number."""
    window, _prompter = home
    window.sidebar.setCurrentRow(3 if page == 1 else 0)
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{page}"), Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.currentRow() == page - 1
    assert window.stack.currentIndex() == page - 1


@pytest.mark.parametrize("key", [1, 2, 3])
def test_alt_and_a_number_lands_on_a_named_field(qtbot, home, key: int) -> None:
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QApplication

    from tests.ui.accessibility_walk import INTERACTIVE

    window, _prompter = home
    workspace = window.open_selected()
    assert workspace is not None
    qtbot.waitExposed(workspace)
    window.hide()  # the workspace alone, as the active window
    workspace.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is workspace)
    qtbot.keyClick(workspace, getattr(Qt.Key, f"Key_{key}"), Qt.KeyboardModifier.AltModifier)
    focused = QApplication.focusWidget()
    target = {1: workspace.agenda_view, 2: workspace.notes_edit}.get(key)
    page = workspace.side_tabs.currentWidget()
    workspace.close()
    assert focused is not None
    if target is not None:
        assert focused is target
    else:  # in the side tab shown, on a field
        assert focused is page or page.isAncestorOf(focused)
    assert isinstance(focused, INTERACTIVE), (
        f"{type(focused).__name__} {focused.accessibleName()!r}"
    )
    iface = QAccessible.queryAccessibleInterface(focused)
    assert iface.text(QAccessible.Text.Name) or iface.relations(QAccessible.RelationFlag.Label)
