"""The lock: after some idle minutes (the ``lock_after_minutes`` setting) or on demand (Ctrl+L,
the menu item of each window), pending typing is stored, the database is closed and its key
dropped, and every window is hidden behind one unlock screen; unlocking shows them again as
they were.

- :mod:`.manager`: :class:`~.manager.LockManager` (the idle watch, locking, unlocking) and
  :func:`~.manager.lock_action` (the menu item and Ctrl+L a window adds).
- :mod:`.screen`: the unlock screen (the start's unlock dialog, inside one window).
"""
