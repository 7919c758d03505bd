"""The settings dialog and the look it applies."""
