"""Qt only: windows, views, Qt models over the services, undo commands."""
