"""The unlock screen: what the chair sees before anything opens on an encrypted data folder.

- A new folder, or one from before encryption: :class:`~.dialogs.SetUpDialog` (a passphrase
  twice with a strength hint, then the recovery code shown once, with a check that it was
  written down).
- A locked folder: :class:`~.dialogs.UnlockDialog` (the passphrase; a wrong one is said and the
  chair tries again; while repeated failures are slowed the wait is counted down; the recovery
  code sets a new passphrase).
- A key file missing: the start stops with the message saying what to do.

:func:`make_hook` is the GUI's unlock hook for the start-up sequence (``bootstrap``).
"""
