"""The disclosure log's entries and their hash chain.

Information sharing rules ask the chair to record what was shared, with whom and why. Every
export, issue, circulation, finalisation and reopening becomes an entry: what, which copy, to
whom, when, why and by whom. Each entry's hash covers its content and the hash of the entry
before it, so that changing, removing or reordering an earlier entry breaks every hash after
it, which ``verify_chain`` finds. (A chain proves the log was not changed after the fact by
someone without the app; it is not a signature.)

No Qt and no SQL: the store keeps the entries, the services make them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, replace
from enum import StrEnum

GENESIS = "0" * 64  # the "previous hash" of the first entry


class DisclosureKind(StrEnum):
    """What was done with a conference's record."""

    MINUTES = "minutes"  # the Word minutes issued (full or parents' copy)
    LETTER = "letter"  # the outcome letter issued
    EXCHANGE = "exchange"  # the conference exchange file written
    CSV = "csv"
    EXCEL = "excel"
    CALENDAR = "calendar"
    PDF = "pdf"
    EMAIL = "email"  # an e-mail draft written
    CIRCULATION = "circulation"  # minutes given to a recipient
    FINALISED = "finalised"
    REOPENED = "reopened"
    NOTES_FILE = "notes_file"  # unsaved notes kept in a text file when the database refused them
    LOG_EXPORT = "log_export"  # this log itself exported


@dataclass(frozen=True)
class Disclosure:
    """One entry of the log. ``hash`` and ``previous`` are filled in by ``chain``."""

    at: dt.datetime
    kind: DisclosureKind
    by: str  # the chair's name from the settings ("" when not set)
    conference_id: int | None = None
    copy: str | None = None  # "full", "parent"
    recipient: str | None = None  # to whom (a name, "file", an address)
    target: str | None = None  # where it went (a file name), if anywhere
    reason: str | None = None  # why (required for the reporter's identity)
    sha256: str | None = None  # of what was disclosed, when it is a file
    with_reporter_identity: bool = False
    previous: str = GENESIS
    hash: str = ""
    id: int | None = None

    def canonical(self) -> bytes:
        """The bytes the hash covers: every field but ``hash`` and ``id``, in a fixed form."""
        fields = {
            "at": self.at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            "kind": self.kind.value,
            "by": self.by,
            "conference_id": self.conference_id,
            "copy": self.copy,
            "recipient": self.recipient,
            "target": self.target,
            "reason": self.reason,
            "sha256": self.sha256,
            "with_reporter_identity": self.with_reporter_identity,
            "previous": self.previous,
        }
        return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
            "utf-8"
        )

    def computed_hash(self) -> str:
        return hashlib.sha256(self.canonical()).hexdigest()


def chain(entry: Disclosure, previous_hash: str | None) -> Disclosure:
    """``entry`` linked after the entry whose hash is ``previous_hash`` (None: the first)."""
    linked = replace(entry, previous=previous_hash or GENESIS, hash="")
    return replace(linked, hash=linked.computed_hash())


@dataclass(frozen=True)
class ChainBreak:
    """Where the chain is broken: the position (0 = first entry) and what is wrong."""

    position: int
    entry_id: int | None
    problem: str


def verify_chain(entries: list[Disclosure]) -> ChainBreak | None:
    """The first break in ``entries`` (in the order they were written), or None if whole."""
    previous = GENESIS
    for position, entry in enumerate(entries):
        if entry.previous != previous:
            return ChainBreak(
                position,
                entry.id,
                "does not follow the entry before it (an entry was removed, added or moved)",
            )
        if entry.computed_hash() != entry.hash:
            return ChainBreak(position, entry.id, "was changed after it was written")
        previous = entry.hash
    return None
