"""The services of one open data dir, built once by the GUI or the command line.

Opening builds only what every use needs (the store and the event bus); the profiles, the
conference edits, exchange, minutes, deadlines and tracker services are read or built, and
their modules imported, the first time they are asked for, so a command such as ``mdcc list``
does not pay for them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from mdcc_desktop.domain.messages import msg
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.data_dir import DataDirError, check_data_dir, disk_nearly_full
from mdcc_desktop.services.events import Change, ChangeKind, Entity, EventBus
from mdcc_desktop.settings import SettingsFile
from mdcc_desktop.store import Store
from mdcc_desktop.store.connection import BUSY_TIMEOUT_MS
from mdcc_desktop.store.errors import DiskIOError

if TYPE_CHECKING:
    from mdcc_desktop.services.backups import BackupService
    from mdcc_desktop.services.conference_pages import ConferencePages
    from mdcc_desktop.services.conferences import ConferenceService
    from mdcc_desktop.services.deadlines import DeadlinesService
    from mdcc_desktop.services.disclosure import ChairService, DisclosureService
    from mdcc_desktop.services.exchange import ExchangeService
    from mdcc_desktop.services.letterhead import LetterheadService
    from mdcc_desktop.services.minutes import MinutesService
    from mdcc_desktop.services.minutes_lifecycle import MinutesLifecycle
    from mdcc_desktop.services.notes import NotesWriter
    from mdcc_desktop.services.profiles import ProfileRegistry
    from mdcc_desktop.services.tracker import TrackerService

log = logging.getLogger(__name__)


@dataclass
class Services:
    paths: AppPaths
    store: Store
    events: EventBus
    settings: SettingsFile  # the user's settings, for the UI (``bootstrap`` loads them first)

    @cached_property
    def profiles(self) -> ProfileRegistry:
        """The jurisdiction profiles (the shipped ones and the data folder's), read when first
        asked for: listing conferences, say, needs none."""
        from mdcc_desktop.services.profiles import ProfileRegistry

        return ProfileRegistry.load(self.paths.profiles)

    @cached_property
    def conferences(self) -> ConferenceService:
        from mdcc_desktop.services.conferences import ConferenceService

        return ConferenceService(self.store, self.profiles, self.events)

    @cached_property
    def conference_pages(self) -> ConferencePages:
        from mdcc_desktop.services.conference_pages import ConferencePages

        return ConferencePages(self.store)

    @cached_property
    def backups(self) -> BackupService:
        from mdcc_desktop.services.backups import BackupService

        return BackupService(self.paths, self.store, self.settings)

    @cached_property
    def exchange(self) -> ExchangeService:
        from mdcc_desktop.services.exchange import ExchangeService

        return ExchangeService(self.store, self.profiles, self.events)

    @cached_property
    def disclosure(self) -> DisclosureService:
        from mdcc_desktop.services.disclosure import DisclosureService

        return DisclosureService(self.store)

    @cached_property
    def chair(self) -> ChairService:
        from mdcc_desktop.services.disclosure import ChairService

        return ChairService(self.store)

    @cached_property
    def minutes(self) -> MinutesService:
        from mdcc_desktop.services.minutes import MinutesService

        return MinutesService(
            self.store,
            self.profiles,
            self.events,
            self.paths.templates,
            self.letterhead.current,
        )

    @cached_property
    def letterhead(self) -> LetterheadService:
        """The organisation's name and logo on minutes and letters."""
        from mdcc_desktop.services.letterhead import LetterheadService

        return LetterheadService(self.paths, self.settings)

    @cached_property
    def lifecycle(self) -> MinutesLifecycle:
        from mdcc_desktop.services.minutes_lifecycle import MinutesLifecycle

        return MinutesLifecycle(self.minutes)

    @cached_property
    def deadlines(self) -> DeadlinesService:
        from mdcc_desktop.services.deadlines import DeadlinesService

        return DeadlinesService(self.store, self.profiles, self.events)

    @cached_property
    def tracker(self) -> TrackerService:
        from mdcc_desktop.services.tracker import TrackerService

        return TrackerService(self.store, self.events, self.deadlines, self.paths.data_dir)

    @classmethod
    def open(
        cls,
        paths: AppPaths,
        *,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        settings: SettingsFile | None = None,
        key: bytes | None = None,
        integrity_check: bool = True,
    ) -> Services:
        """Open the data folder's database and build the services on it.

        A damaged or empty database raises DatabaseCorruptError (a StoreError, so an MdccError)
        before anything is written to it; ``busy_timeout_ms`` is how long a write waits for
        another process's write to finish. ``settings`` are the ones the start-up sequence
        loaded (``mdcc_desktop.bootstrap``); without them they are read from the data folder.
        ``integrity_check=False``: the caller checks the file later (see ``Store.open``).
        """
        from mdcc_desktop.services.backups import backup_folder

        check_data_dir(paths)
        settings = settings if settings is not None else SettingsFile.load(paths.data_dir)
        try:
            store = Store.open(
                paths.database,
                backup_folder(paths, settings.current),  # the copy before a migration goes there
                busy_timeout_ms=busy_timeout_ms,
                check_integrity=integrity_check,
                key=key,
            )
        except DiskIOError as exc:
            # SQLite says "I/O error" when a full disk stops it making the WAL at the open.
            if disk_nearly_full(paths.data_dir):
                raise DataDirError(msg("data_dir_full", folder=str(paths.data_dir))) from exc
            raise
        return cls(
            paths=paths,
            store=store,
            events=EventBus(),
            settings=settings,
        )

    def notes_writer(self, notify: Callable[[], None] | None = None) -> NotesWriter:
        """A writer that stores notes off the calling thread, on its own connection to this
        database (with its key)."""
        from mdcc_desktop.services.notes import NotesWriter

        return NotesWriter(self.store, self.profiles, notify=notify)

    def notice_outside_changes(self) -> bool:
        """Tell every listener when another process (the command line, say) has changed the
        data since the last call: one change of ``Entity.DATABASE`` meaning "read everything
        again". Cheap (one pragma) when nothing changed; True when something did."""
        if self.store.closed or not self.store.changed_elsewhere():
            return False
        self.events.publish(Change(Entity.DATABASE, None, None, ChangeKind.UPDATED))
        return True

    # --- the lock ------------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        """Whether the database is closed by :meth:`lock` (or by :meth:`close`)."""
        return self.store.closed

    def lock(self) -> None:
        """Close the database and drop its key from memory (the GUI's lock): until
        :meth:`unlock`, every use of the data raises StoreClosedError. The caller stores pending
        typing first and lets worker connections go (they hold the key too)."""
        self.store.close()

    def unlock(self, key: bytes | None) -> None:
        """Open the database again with ``key`` (from ``Protection.unlock``) after :meth:`lock`,
        through the same checks as a start; then tell every listener to read everything again
        (another process may have changed the data meanwhile)."""
        self.store.reopen(key)
        self.events.publish(Change(Entity.DATABASE, None, None, ChangeKind.UPDATED))

    def close(self) -> None:
        self.store.close()
