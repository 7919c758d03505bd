"""The conference workspace: its window, the panels, their models and the notes editor."""
