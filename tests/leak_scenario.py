"""A conference with everything the parents' copy must leave out, each marked by a distinctive
string, and a mandatory reporter whose identity no output may hold (issue 12, point 2).

Built on the shared example (Max Turner): the police item is restricted; a restricted decision
with dissent and an action linked to it; a decision and an action under the restricted item;
the mother asked to leave while an item (timed) was discussed, with a decision and an action
under that item; the police report not shared with the parents.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from tests.conftest import EXAMPLE_COPY, SHARED_EXAMPLE

REPORTER = "Reporter-ZQX-身份"

# Restricted by the chair (the current minutes already leave these out).
RESTRICTED_ITEM_NOTES = "Restricted-notes-KTV-限閱"
RESTRICTED_DECISION = "Restricted-decision-PLQ"
RESTRICTED_RATIONALE = "Restricted-rationale-WUE"
DISSENT = "Dissent-view-HXB-異議"
LINKED_ACTION = "Linked-action-GMD"
UNDER_ITEM_DECISION = "Under-item-decision-YRC"
UNDER_ITEM_ACTION = "Under-item-action-NJF"
# Withheld because the mother was out of the room (the exclusion rule of domain/withheld.py).
EXCLUSION_REASON = "Exclusion-reason-SOV-離場"
EXCLUDED_ITEM_TITLE = "Excluded-item-BQA"
EXCLUDED_ITEM_NOTES = "Excluded-notes-CWI-缺席"
EXCLUDED_DECISION = "Excluded-decision-TZE"
EXCLUDED_ACTION = "Excluded-action-DLU"

RESTRICTED = (
    RESTRICTED_ITEM_NOTES,
    RESTRICTED_DECISION,
    RESTRICTED_RATIONALE,
    DISSENT,
    LINKED_ACTION,
    UNDER_ITEM_DECISION,
    UNDER_ITEM_ACTION,
)
# What was discussed or decided while the mother was out of the room (not the exclusion's own
# record, EXCLUSION_REASON: why she was asked to leave).
BY_EXCLUSION = (
    EXCLUDED_ITEM_TITLE,
    EXCLUDED_ITEM_NOTES,
    EXCLUDED_DECISION,
    EXCLUDED_ACTION,
)
# The unshared report: the police officer's (DC Sam Wright).
UNSHARED_REPORT_AUTHOR = "DC Sam Wright"
MOTHER = "Hannah Turner"
MOTHER_EMAIL = "hannah.turner@example.org"


def _at(hhmm: str) -> str:
    return f"2026-11-20T{hhmm}:00+00:00"


def document() -> dict[str, Any]:
    """The exchange document of the scenario."""
    source = SHARED_EXAMPLE if SHARED_EXAMPLE.is_file() else EXAMPLE_COPY
    doc: dict[str, Any] = copy.deepcopy(json.loads(source.read_text(encoding="utf-8")))
    c = doc["conference"]
    c["mandatory_report"] = {
        "made": True,
        "date": "2026-11-19",
        "made_to": "Police",
        "reporter_identity": REPORTER,
    }
    mum = next(a for a in c["attendees"] if a["id"] == "mum")
    mum["email"] = MOTHER_EMAIL
    mum["exclusions"] = [
        {"left_at": _at("10:56"), "returned_at": _at("11:08"), "reason": EXCLUSION_REASON}
    ]
    agenda = {g["id"]: g for g in c["agenda"]}
    agenda["a4"]["notes"] += " " + RESTRICTED_ITEM_NOTES
    times = {
        "a1": ("10:04", "10:10"),
        "a2": ("10:10", "10:20"),
        "a3": ("10:20", "10:45"),
        "a4": ("10:45", "10:55"),
        "ax": ("10:55", "11:10"),
        "a5": ("11:10", "11:25"),
        "a6": ("11:25", "11:50"),
    }
    excluded = {"id": "ax", "title": EXCLUDED_ITEM_TITLE, "notes": EXCLUDED_ITEM_NOTES}
    c["agenda"].insert(4, excluded)  # after the police item: agenda item 5 of 7
    for g in c["agenda"]:
        g["started_at"], g["ended_at"] = (_at(t) for t in times[g["id"]])
    c["decisions"] += [
        {
            "id": "d5",
            "agenda_item": "a6",
            "kind": "other",
            "text": RESTRICTED_DECISION,
            "rationale": RESTRICTED_RATIONALE,
            "method": "majority",
            "restricted": True,
            "dissent": [{"attendee": "dsl", "view": DISSENT}],
        },
        {"id": "d6", "agenda_item": "a4", "kind": "other", "text": UNDER_ITEM_DECISION},
        {"id": "d7", "agenda_item": "ax", "kind": "other", "text": EXCLUDED_DECISION},
    ]
    c["actions"] += [
        {
            "id": "x7",
            "description": LINKED_ACTION,
            "owner": "sw",
            "due": "2026-12-09",
            "status": "open",
            "decision": "d5",
        },
        {
            "id": "x8",
            "description": UNDER_ITEM_ACTION,
            "owner": "sw",
            "due": "2026-12-10",
            "status": "open",
            "agenda_item": "a4",
        },
        {
            "id": "x9",
            "description": EXCLUDED_ACTION,
            "owner": "sw",
            "due": "2026-12-11",
            "status": "open",
            "decision": "d7",
        },
    ]
    return doc


def write(path: Path) -> Path:
    """The scenario as an exchange file at ``path``."""
    path.write_text(json.dumps(document(), ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def plain_document() -> dict[str, Any]:
    """The scenario with nothing for the parents' copy to leave out: nothing restricted, no
    exclusion, every report shared, none of the added decisions and actions."""
    doc = document()
    c = doc["conference"]
    for g in c["agenda"]:
        g.pop("restricted", None)
    for a in c["attendees"]:
        a.pop("exclusions", None)
        if a.get("report_submitted"):
            a["report_shared_with_parents"] = True
    c["decisions"] = [d for d in c["decisions"] if d["id"] in ("d1", "d2", "d3", "d4")]
    c["actions"] = [x for x in c["actions"] if x["id"] not in ("x7", "x8", "x9")]
    return doc
