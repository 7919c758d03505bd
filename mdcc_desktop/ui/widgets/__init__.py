"""Helpers every screen shares: table models, actions, the change bridge, undo, the crash dialog."""
