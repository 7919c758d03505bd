"""Backups in the GUI: the day's backup, backing up and restoring on request, and the screen a
damaged database shows (``runner``, ``dialogs``)."""
