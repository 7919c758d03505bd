"""Dialogs about the minutes: circulation, amendments and closure days."""
