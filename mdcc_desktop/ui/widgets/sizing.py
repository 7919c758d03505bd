"""Windows as large as their contents need: a dialog given a start size in pixels cut its
buttons and check boxes at twice the text size (the lock screen's Quit button, the new
conference's carry-forward boxes)."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QSizePolicy, QSpacerItem


def grow_to_contents(layout: QLayout, least_width: int = 0) -> QLayout:
    """The window ``layout`` lays out can never be smaller than what the layout needs, nor
    narrower than ``least_width`` (its designed width: the window's own minimum would be
    replaced by the layout's)."""
    layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
    if least_width:
        layout.addItem(
            QSpacerItem(least_width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        )
    return layout
