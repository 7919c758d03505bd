"""Windows as large as their contents need: a dialog given a start size in pixels cut its
buttons and check boxes at twice the text size (the lock screen's Quit button, the new
conference's carry-forward boxes)."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout


def grow_to_contents(layout: QLayout) -> QLayout:
    """The window ``layout`` lays out can never be smaller than what the layout needs."""
    layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
    return layout
