"""Long action plans: their rows are stamped out after rendering, and the document is the
same as the one docxtpl renders row by row.

The speed (100,000 actions) is measured in tests/benchmarks/bench_scale.py; here the two
ways of writing the same minutes are compared part by part, in canonical XML.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from mdcc_desktop.domain.models import Action, ConferenceRecord, CopyKind
from mdcc_desktop.export import minutes
from mdcc_desktop.export.minutes import document_text, minutes_context, render
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.demo import load_demo
from tests.benchmarks.bench_scale import conference_document

TRICKY = [
    "plain words",
    "a tab\there",
    "two\nlines",
    "a carriage\rreturn",
    "windows\r\nline",
    "{_{ braces docxtpl rewrites }_} {_% %_}",
    "<&>\"' all escaped",
    "安排家長小組，並跟進出席情況",
    "",
    "  leading spaces",
    "ends in a brace {",
    "emoji 😀 and \ufffd",
]


def canonical_parts(data: bytes) -> dict[str, bytes]:
    """Each part of a .docx, XML in canonical form (so equal documents compare equal)."""
    parts = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            raw = z.read(name)
            if name.endswith((".xml", ".rels")):
                raw = etree.tostring(etree.fromstring(raw), method="c14n")
            parts[name] = raw
    return parts


@pytest.fixture
def record(services: Services) -> ConferenceRecord:
    """The demo conference with 40 more actions whose text is everything awkward."""
    conference_id = load_demo(services.exchange).conference_id
    attendees = services.store.attendees(conference_id)
    for i in range(40):
        services.store.add_action(
            Action(
                description=f"{TRICKY[i % len(TRICKY)]} {i}",
                conference_id=conference_id,
                owner_id=attendees[i % len(attendees)].id if i % 3 else None,
                owner_agency=TRICKY[(i + 5) % len(TRICKY)] if i % 4 == 0 else None,
            )
        )
    return services.store.load_record(conference_id)


@pytest.fixture
def stamped(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Whether each render stamped its rows (True) or fell back to docxtpl (False)."""
    calls: list[bool] = []
    real = minutes.stamp_rows

    def spy(*args: Any, **kwargs: Any) -> bytes | None:
        result = real(*args, **kwargs)
        calls.append(result is not None)
        return result

    monkeypatch.setattr(minutes, "stamp_rows", spy)
    yield calls


@pytest.mark.parametrize(
    ("template", "copy", "east_asian"),
    list(
        itertools.product(["hk-mdcc", "eng-cpc"], [CopyKind.FULL, CopyKind.PARENT], [True, False])
    ),
)
def test_stamped_rows_make_the_same_document(
    services: Services,
    record: ConferenceRecord,
    stamped: list[bool],
    *,
    template: str,
    copy: CopyKind,
    east_asian: bool,
) -> None:
    profile = services.profiles.find(record.conference.jurisdiction)
    context = minutes_context(record, profile, copy, {})
    path = services.minutes.template(template).path
    usual = render(path, context, east_asian)
    assert stamped == []  # 44 actions: below the threshold, rendered as always
    fast = render(path, context, east_asian, stamp_from=0)
    assert stamped == [True]
    assert canonical_parts(fast) == canonical_parts(usual)
    text = document_text(fast)
    assert text == document_text(usual)
    assert "安排家長小組" in text and "<&>\"' all escaped 6" in text


def _custom_template(services: Services, folder: Path, owner_cell: str) -> Path:
    """The shipped England template with the owner's cell of the action row changed."""
    source = services.minutes.template("eng-cpc").path
    with zipfile.ZipFile(source) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert xml.count("{{ x.owner }}") == 1
    parts["word/document.xml"] = xml.replace("{{ x.owner }}", owner_cell).encode("utf-8")
    custom = folder / "custom.docx"
    with zipfile.ZipFile(custom, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return custom


@pytest.mark.parametrize(
    ("owner_cell", "stamps", "shows"),
    [
        # A row that decides something (an if) is rendered the usual way, however long.
        ("{% if x.owner %}{{ x.owner }}{% else %}nobody{% endif %}", [], "nobody"),
        # A field printed twice is stamped twice.
        ("{{ x.owner }} / {{ x.agency }} / {{ x.owner }}", [True], "Lam Chi-keung / "),
    ],
)
def test_a_users_row_is_stamped_only_when_it_only_prints(
    services: Services,
    record: ConferenceRecord,
    stamped: list[bool],
    tmp_path: Path,
    *,
    owner_cell: str,
    stamps: list[bool],
    shows: str,
) -> None:
    custom = _custom_template(services, tmp_path, owner_cell)
    context = minutes_context(record, None, CopyKind.FULL, {})
    fast = render(custom, context, stamp_from=0)
    assert stamped == stamps
    assert canonical_parts(fast) == canonical_parts(render(custom, context))
    assert shows in document_text(fast)


def test_thousands_of_actions_are_all_in_both_copies(services: Services) -> None:
    """Every action is in the full copy; the parents' copy has every one but those
    ``domain.withheld`` leaves out (linked to a restricted decision or agenda item, issue 12
    finding 1, or to one discussed while a parent was out of the room), in the same order, and
    in place of each of those its number and "[not included in this copy]" (issue 12: the two
    copies keep the same numbering, so the parents' plan has as many rows as the full one)."""
    from mdcc_desktop.domain.withheld import withheld as withheld_parts

    result = services.exchange.import_document(conference_document(3_000, seed=9))
    record = services.conferences.record(result.conference_id)
    gone = withheld_parts(record).actions
    withheld = {
        int(m.group(1))
        for x in record.actions
        if x.id in gone and (m := re.search(r"\(item (\d+)\)", x.description))
    }
    assert 0 < len(withheld) < 3_000, "some actions follow restricted parts, most do not"
    for copy in (CopyKind.FULL, CopyKind.PARENT):
        data = services.minutes.render_minutes(result.conference_id, copy)
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        found = [int(n) for n in re.findall(r"\(item (\d+)\)", xml)]
        expected = [n for n in range(3_000) if copy == CopyKind.FULL or n not in withheld]
        assert found == expected
        document = Document(io.BytesIO(data))  # python-docx reads it back
        plan = max(document.tables, key=lambda t: len(t.rows))
        assert len(plan.rows) == 3_000 + 1  # the header and one row per action, in both copies
        placeholders = [r for r in plan.rows if "not included in this copy" in r.cells[2].text]
        assert len(placeholders) == (len(withheld) if copy == CopyKind.PARENT else 0)


def test_the_template_engine_renders_one_action_row_not_thousands(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docxtpl rendered every action row through Jinja (five lookups a row) and the rest of
    its pipeline: 100,000 actions took 158 s and 2.9 GB. Now Jinja renders one row."""
    result = services.exchange.import_document(conference_document(3_000, seed=10))
    lookups = {"plan": 0}
    real = SandboxedEnvironment.getattr

    def counting(self: SandboxedEnvironment, obj: Any, attribute: str) -> Any:
        if isinstance(obj, dict) and "description" in obj:  # an action row
            lookups["plan"] += 1
        return real(self, obj, attribute)

    monkeypatch.setattr(SandboxedEnvironment, "getattr", counting)
    data = services.minutes.render_minutes(result.conference_id, CopyKind.FULL)
    assert "(item 2999)" in document_text(data)
    assert lookups["plan"] <= 10, lookups
