"""The services of one open data dir, built once by the GUI or the command line."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.conferences import ConferenceService
from mdcc_desktop.services.events import EventBus
from mdcc_desktop.services.exchange import ExchangeService
from mdcc_desktop.services.minutes import MinutesLifecycle, MinutesService
from mdcc_desktop.services.profiles import ProfileRegistry
from mdcc_desktop.services.tracker import TrackerService
from mdcc_desktop.store import Store
from mdcc_desktop.store.connection import BUSY_TIMEOUT_MS

log = logging.getLogger(__name__)


class DataDirError(MdccError):
    """The data dir cannot be created or written."""


@dataclass
class Services:
    paths: AppPaths
    store: Store
    events: EventBus
    profiles: ProfileRegistry
    conferences: ConferenceService
    exchange: ExchangeService
    minutes: MinutesService
    lifecycle: MinutesLifecycle
    tracker: TrackerService

    @classmethod
    def open(cls, paths: AppPaths, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Services:
        """Open the data folder's database and build the services on it.

        A damaged or empty database raises DatabaseCorruptError (a StoreError, so an MdccError)
        before anything is written to it; ``busy_timeout_ms`` is how long a write waits for
        another process's write to finish.
        """
        try:
            paths.ensure()
        except OSError as exc:
            raise DataDirError(
                f"The data folder {paths.data_dir} cannot be created or written: "
                f"{exc.strerror or exc}. Choose another with --data-dir or MDCC_DATA_DIR."
            ) from exc
        store = Store.open(paths.database, paths.backups, busy_timeout_ms=busy_timeout_ms)
        events = EventBus()
        profiles = ProfileRegistry.load(paths.profiles)
        minutes = MinutesService(store, profiles, events, paths.templates)
        lifecycle = MinutesLifecycle(minutes)
        return cls(
            paths=paths,
            store=store,
            events=events,
            profiles=profiles,
            conferences=ConferenceService(store, profiles, events),
            exchange=ExchangeService(store, profiles, events),
            minutes=minutes,
            lifecycle=lifecycle,
            tracker=TrackerService(store, events, lifecycle),
        )

    def close(self) -> None:
        self.store.close()
