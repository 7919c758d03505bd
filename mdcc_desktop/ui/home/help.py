"""The home window's keyboard shortcuts, which F1 lists with the workspace's.

A module of its own so that the first window does not import the workspace to show them.
"""

from __future__ import annotations

import html
from collections.abc import Callable

SHORTCUTS = (
    ("Ctrl+N", "New conference"),
    ("Ctrl+F", "Search cases, notes, decisions and actions"),
    ("Ctrl+L", "Find a conference by case reference or child name"),
    ("Ctrl+1 … Ctrl+4", "Conferences / actions / deadlines / search"),
    ("Enter / Ctrl+O", "Open the selected conference's workspace"),
    ("Ctrl+I", "Import a conference exchange file"),
    ("Ctrl+E", "Export the selected conference"),
    ("Del", "Delete the selected conference (Ctrl+Z brings it back)"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo a deletion"),
    ("Ctrl+Shift+D", "Load the demo conference"),
    ("F1", "Keyboard shortcuts"),
    ("Ctrl+Q", "Quit"),
)


def shortcuts_table(tr: Callable[[str], str]) -> str:
    """The home window's shortcuts and the workspace's as an HTML table, each description
    translated by ``tr`` (the home window's, so that they keep their translation context)."""
    from mdcc_desktop.ui.workspace.window import WORKSPACE_SHORTCUTS

    rows = "".join(
        f"<tr><td><b>{html.escape(key)}</b></td><td>{html.escape(tr(text))}</td></tr>"
        for key, text in (*SHORTCUTS, *WORKSPACE_SHORTCUTS)
    )
    return f"<table cellspacing='6'>{rows}</table>"
