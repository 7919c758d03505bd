"""The conference list a page at a time, for the home window that fetches rows as it scrolls,
or whole (``mdcc list``): reading only, without the conference edits' modules.

``ConferenceService.list_conferences`` reads every conference (a third of a second for 10,000);
the first window needs its first screenful and the count.
"""

from __future__ import annotations

from collections.abc import Iterable

from mdcc_desktop.domain.models import ConferenceStatus, ConferenceSummary
from mdcc_desktop.store import Store


class ConferencePages:
    """Pages of the list ``ConferenceService.list_conferences`` gives, in its order."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def count(self, text: str = "", statuses: Iterable[ConferenceStatus] | None = None) -> int:
        return self.store.count_conferences(text, statuses)

    def page(
        self,
        text: str,
        statuses: Iterable[ConferenceStatus] | None,
        offset: int,
        limit: int,
    ) -> list[ConferenceSummary]:
        return self.store.list_conferences(text, statuses, limit=limit, offset=offset)

    def everything(
        self, text: str = "", statuses: Iterable[ConferenceStatus] | None = None
    ) -> list[ConferenceSummary]:
        """The whole list (``ConferenceService.list_conferences``'s)."""
        return self.store.list_conferences(text, statuses)
