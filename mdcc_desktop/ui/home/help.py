"""The home window's keyboard shortcuts, which F1 lists with the workspace's.

A module of its own so that the first window does not import the workspace to show them.
"""

from __future__ import annotations

import html

from mdcc_desktop.ui import labels

SHORTCUTS = labels.HOME_SHORTCUTS


def shortcuts_table() -> str:
    """The home window's shortcuts and the workspace's as an HTML table, each description
    translated (ui/labels.py holds them, so the home window needs no workspace import)."""
    rows = "".join(
        f"<tr><td><b>{html.escape(key)}</b></td><td>{html.escape(labels.shortcut(text))}</td></tr>"
        for key, text in (*labels.HOME_SHORTCUTS, *labels.WORKSPACE_SHORTCUTS)
    )
    return f"<table cellspacing='6'>{rows}</table>"
