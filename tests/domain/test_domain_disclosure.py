"""The disclosure log's hash chain: any change to an earlier entry, a removed, inserted or
reordered entry is found, and says where."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

from mdcc_desktop.domain.disclosure import (
    GENESIS,
    Disclosure,
    DisclosureKind,
    chain,
    verify_chain,
)

T0 = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)


def log(n: int = 4) -> list[Disclosure]:
    entries: list[Disclosure] = []
    previous = None
    for i in range(n):
        entry = chain(
            Disclosure(
                at=T0 + dt.timedelta(minutes=i),
                kind=DisclosureKind.MINUTES if i % 2 else DisclosureKind.CIRCULATION,
                by="Ruth Okafor",
                conference_id=1,
                copy="parent",
                recipient=f"Recipient {i} 陳太",
                id=i + 1,
            ),
            previous,
        )
        entries.append(entry)
        previous = entry.hash
    return entries


def test_a_whole_chain_verifies() -> None:
    entries = log()
    assert entries[0].previous == GENESIS
    assert all(b.previous == a.hash for a, b in itertools.pairwise(entries))
    assert verify_chain(entries) is None
    assert verify_chain([]) is None


def test_a_changed_entry_is_found_where_it_was_changed() -> None:
    entries = log()
    entries[1] = replace(entries[1], recipient="Someone else")
    found = verify_chain(entries)
    assert found is not None and found.position == 1 and found.entry_id == 2
    assert "changed" in found.problem


def test_a_changed_entry_rehashed_breaks_the_next_link() -> None:
    entries = log()
    entries[1] = chain(replace(entries[1], reason="tidied"), entries[0].hash)
    found = verify_chain(entries)
    assert found is not None and found.position == 2
    assert "does not follow" in found.problem


def test_removed_inserted_or_reordered_entries_are_found() -> None:
    entries = log()
    assert verify_chain(entries[:1] + entries[2:]) is not None
    assert verify_chain([entries[1], entries[0], *entries[2:]]) is not None
    assert verify_chain(entries[1:]) is not None, "the first entry removed"
    extra = chain(replace(entries[0], recipient="Inserted"), entries[0].hash)
    assert verify_chain([entries[0], extra, *entries[1:]]) is not None


def test_every_field_is_covered_by_the_hash() -> None:
    entry = log(1)[0]
    for change in (
        {"at": T0 + dt.timedelta(seconds=1)},
        {"kind": DisclosureKind.LETTER},
        {"by": "x"},
        {"conference_id": 2},
        {"copy": "full"},
        {"target": "a.docx"},
        {"reason": "court order"},
        {"sha256": "ab" * 32},
        {"with_reporter_identity": True},
    ):
        assert replace(entry, **change).computed_hash() != entry.hash, change


def test_the_same_moment_in_another_time_zone_hashes_the_same() -> None:
    entry = log(1)[0]
    hk = dt.timezone(dt.timedelta(hours=8))
    assert replace(entry, at=entry.at.astimezone(hk)).computed_hash() == entry.hash
