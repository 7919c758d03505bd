"""Issue 12, point 2: the chair's preview of what the parents' copy leaves out, as a typed read
model: each part numbered as the full copy prints it (under its section), its title and the reason
from domain/withheld.py, with the part it follows from. A real encrypted database."""

from __future__ import annotations

from mdcc_desktop.domain.models import CopyKind
from mdcc_desktop.domain.withheld import PartKind, Reason
from mdcc_desktop.export.minutes import document_text
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.withheld_parts import WithheldPart, reason_words
from tests import leak_scenario as s

K, R = PartKind, Reason


def test_every_withheld_part_is_named_as_the_full_copy_numbers_it(services: Services) -> None:
    cid = services.exchange.import_document(s.document()).conference_id
    parts = services.minutes.withheld_parts(cid)
    assert [(p.kind, p.number, p.title, p.reason, p.follows) for p in parts] == [
        (K.AGENDA_ITEM, "4.3", "Police information (not shared with parents)", R.RESTRICTED, None),
        (K.AGENDA_ITEM, "4.4", s.EXCLUDED_ITEM_TITLE, R.EXCLUDED, None),
        (K.DECISION, "6.5", s.RESTRICTED_DECISION, R.RESTRICTED, None),
        (K.DECISION, "6.6", s.UNDER_ITEM_DECISION, R.UNDER_WITHHELD_ITEM, "4.3"),
        (K.DECISION, "6.7", s.EXCLUDED_DECISION, R.UNDER_WITHHELD_ITEM, "4.4"),
        (K.ACTION, "7.7", s.LINKED_ACTION, R.LINKED_TO_WITHHELD_DECISION, "6.5"),
        (K.ACTION, "7.8", s.UNDER_ITEM_ACTION, R.UNDER_WITHHELD_ITEM, "4.3"),
        (K.ACTION, "7.9", s.EXCLUDED_ACTION, R.LINKED_TO_WITHHELD_DECISION, "6.7"),
        (K.REPORT, None, "DC Sam Wright (Police Public Protection Unit)", R.NOT_SHARED, None),
        (K.EXCLUSION, None, s.MOTHER, R.EXCLUSION_RECORD, None),
    ]
    assert all(isinstance(p, WithheldPart) for p in parts)
    assert reason_words(parts[3]) == "under agenda item 4.3, which is left out"
    # Numbered as the full copy prints them: items and decisions under their sections.
    text = document_text(services.minutes.render_minutes(cid, CopyKind.FULL))
    assert "4.3 Police information (not shared with parents)" in text
    assert f"4.4 {s.EXCLUDED_ITEM_TITLE}" in text
    assert "6.5 Other decision" in text
    # The reporter is not a part: no copy holds the identity, so nothing names it here either.
    assert not any(s.REPORTER in p.title for p in parts)


def test_numbers_follow_the_record_not_the_parents_copy(services: Services) -> None:
    """The parents' copy keeps the full copy's numbers: a part after a withheld one keeps its
    number (agenda item 4.4 is 4.4 although item 4.3 is left out)."""
    doc = s.document()
    conference = doc["conference"]
    conference["agenda"][4]["restricted"] = True  # the excluded item, restricted as well
    cid = services.exchange.import_document(doc).conference_id
    numbers = {(p.kind, p.number): p.reason for p in services.minutes.withheld_parts(cid)}
    assert numbers[(K.AGENDA_ITEM, "4.4")] == R.RESTRICTED  # restricted wins over excluded


def test_a_conference_with_nothing_withheld_has_an_empty_list(services: Services) -> None:
    doc = s.plain_document()
    cid = services.exchange.import_document(doc).conference_id
    assert services.minutes.withheld_parts(cid) == []
