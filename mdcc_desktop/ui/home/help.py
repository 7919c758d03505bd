"""The keyboard card (Help → Keyboard shortcuts, F1), made from the windows' own actions.

Each row is a ``QAction`` of the window that has a shortcut: its keys as the action has them and
its text as its menu shows it. No hand-written list, so the card cannot list a key that does
nothing or leave out one that does something.

A module of its own, importing neither window, so that the first window does not import the
workspace to show it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from mdcc_desktop.ui import labels


def key_text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def _is_standard(action: QAction, key: QKeySequence.StandardKey) -> bool:
    bindings = {key_text(k) for k in QKeySequence.keyBindings(key)}
    return bool(bindings) and key_text(action.shortcuts()[0]) in bindings


def description(action: QAction) -> str:
    """What the action does, as the card says it ("" when nothing says it)."""
    if _is_standard(action, QKeySequence.StandardKey.Undo):
        return labels.shortcut(labels.UNDO)
    if _is_standard(action, QKeySequence.StandardKey.Redo):
        return labels.shortcut(labels.REDO)
    # A translation writes its mnemonic after the text, "新增會議(&N)…": the card drops it whole.
    text = re.sub(r"\(&[^&)]\)", "", action.text())
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
    if text:
        return text
    untitled = labels.UNTITLED_ACTIONS.get(action.objectName())
    return labels.shortcut(untitled) if untitled else ""


def shortcut_actions(window: QWidget) -> list[QAction]:
    """The window's actions that have a shortcut, in the order they were made."""
    return [action for action in window.findChildren(QAction) if action.shortcuts()]


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for each of the window's actions with a shortcut; a key that does
    one thing in each of several lists (Del removes the selected line of the list it is in) is
    one row naming each."""
    rows: dict[str, list[str]] = {}
    for action in shortcut_actions(window):
        keys = " / ".join(key_text(k) for k in action.shortcuts())
        what = description(action)
        if what not in rows.setdefault(keys, []):
            rows[keys].append(what)
    return [(keys, "; ".join(whats)) for keys, whats in rows.items()]


def card(sections: Iterable[tuple[str, QWidget]], note: str = "") -> str:
    """The card as HTML: a heading and a table of shortcuts for each (title, window)."""
    parts = []
    for title, window in sections:
        rows = "".join(
            f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(text)}</td></tr>"
            for keys, text in shortcut_rows(window)
        )
        parts.append(f"<h3>{html.escape(title)}</h3><table cellspacing='6'>{rows}</table>")
    if note:
        parts.append(f"<p>{html.escape(note)}</p>")
    return "".join(parts)


def shortcuts_table(home: QWidget, workspaces: Sequence[QWidget] = ()) -> str:
    """The home window's card, with the shortcuts of an open workspace if there is one (read
    from that window; without one, the card says where to find them)."""
    sections = [(QCoreApplication.translate("Help", "Home window"), home)]
    if workspaces:
        sections.append((QCoreApplication.translate("Help", "Conference workspace"), workspaces[0]))
        return card(sections)
    return card(
        sections,
        QCoreApplication.translate(
            "Help",
            "Open a conference's workspace and press F1 there for the workspace's shortcuts.",
        ),
    )


def workspace_card(workspace: QWidget) -> str:
    """A conference workspace's card."""
    return card([(QCoreApplication.translate("Help", "Conference workspace"), workspace)])
