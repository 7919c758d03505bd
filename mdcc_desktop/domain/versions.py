"""Issued documents as records: versions, their circulation, and a conference's history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class DocumentCopy(StrEnum):
    """Which document a version is: a copy of the minutes, or the outcome letter."""

    FULL = "full"
    PARENT = "parent"
    LETTER = "letter"


class DocumentStatus(StrEnum):
    """What a document says it is. A draft is never recorded; issued and final versions are."""

    DRAFT = "draft"
    ISSUED = "issued"
    FINAL = "final"


class Delivery(StrEnum):
    EMAIL = "email"
    HAND = "hand"  # no e-mail address: to be handed over, not recorded as sent


@dataclass
class DocumentVersion:
    """One issued document. ``content`` is None for versions recorded before documents were
    kept (their number, time and hash remain)."""

    conference_id: int
    number: int
    copy: DocumentCopy
    status: DocumentStatus
    issued_at: dt.datetime
    sha256: str
    template: str = ""
    size: int | None = None
    kept: bool = True
    id: int | None = None

    @property
    def final(self) -> bool:
        return self.status == DocumentStatus.FINAL


@dataclass
class CirculationEntry:
    """One recipient given one issued version, and how."""

    at: dt.datetime
    attendee_id: int
    recipient: str
    copy: DocumentCopy
    delivery: Delivery
    version_number: int | None


@dataclass
class AmendmentEntry:
    requested_at: dt.datetime
    requested_by: str
    request: str
    accepted: bool | None
    ruling: str | None
    ruled_at: dt.datetime | None


@dataclass
class History:
    """A conference's issued versions, circulation, amendments and log, oldest first."""

    versions: list[DocumentVersion] = field(default_factory=list)
    circulation: list[CirculationEntry] = field(default_factory=list)
    amendments: list[AmendmentEntry] = field(default_factory=list)
    log: list[tuple[dt.datetime, str, str]] = field(default_factory=list)
