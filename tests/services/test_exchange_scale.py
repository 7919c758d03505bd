"""A conference with thousands of actions: imported with a fixed number of statements,
exported whole, checked quickly and exactly the same as before.

Speed itself is measured in tests/benchmarks/bench_scale.py (100,000 actions); these tests
check what makes it fast without timing anything: no statement per action, the compiled
schema check never looser than jsonschema, the value checks equal to the old walks.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdcc_desktop.domain.models import Action, ActionUpdate
from mdcc_desktop.services import exchange_check
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.exchange import normalise, parse_text, record_to_document
from mdcc_desktop.services.exchange_check import (
    _quick_check,
    _validator,
    _value_problems,
    _walk_integers,
    _walk_strings,
)
from mdcc_desktop.services.schema_check import compile_schema
from tests.benchmarks.bench_scale import conference_document
from tests.conftest import DEMO, EXAMPLE_COPY, REPO


def _count_statements(services: Services, doc: dict[str, Any]) -> int:
    """How many statements the store runs one by one for an import (sqlite-utils' execute;
    a batch sent with executemany is a statement per 10,000 rows by design)."""
    db = services.store.db
    calls = {"n": 0}
    real_execute = db.execute

    def execute(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        return real_execute(*args, **kwargs)

    db.execute = execute  # type: ignore[method-assign]
    try:
        services.exchange.import_document(doc)
    finally:
        db.execute = real_execute  # type: ignore[method-assign]
    return calls["n"]


def test_an_import_sends_no_statement_per_action(services: Services) -> None:
    """1,000 actions (and their 750 updates) take the statements of 20, give or take a few:
    before, each action was an insert, a savepoint and its updates' inserts."""
    few = _count_statements(services, conference_document(20, seed=1))
    many = _count_statements(services, conference_document(1_000, seed=2))
    assert many - few < 20, (few, many)


def test_bulk_inserted_actions_are_numbered_stored_and_searchable(services: Services) -> None:
    first = services.exchange.import_document(conference_document(300, seed=3))
    second = services.exchange.import_document(conference_document(300, seed=4))
    store = services.store
    a, b = store.actions(first.conference_id), store.actions(second.conference_id)
    assert [x.ref for x in a] == [f"x{i}" for i in range(300)]
    # Numbered on from the highest id, in file order, as one insert at a time would number them.
    assert [x.id for x in b] == list(range(a[-1].id + 1, a[-1].id + 301))  # type: ignore[operator]
    assert [x.position for x in b] == list(range(300))
    with_updates = [x for x in b if x.updates]
    assert with_updates and all(
        [u.position for u in x.updates] == list(range(len(x.updates))) for x in with_updates
    )
    # The full-text index saw them (its triggers fire on the bulk insert too).
    hits = {row_id for table, row_id in store.search("(item 299)") if table == "actions"}
    assert {a[-1].id, b[-1].id} <= hits
    # A record added afterwards one at a time follows on.
    new_id = store.add_action(Action(description="after", conference_id=second.conference_id))
    assert new_id == b[-1].id + 1  # type: ignore[operator]
    update_id = store.add_action_update(
        ActionUpdate(at=b[0].updates[0].at, note="n", action_id=new_id)
    )
    assert update_id == max(u.id or 0 for x in b for u in x.updates) + 1


def test_thousands_of_actions_go_round_whole(services: Services) -> None:
    doc = conference_document(5_000, seed=5)
    result = services.exchange.import_document(doc)
    exported = services.exchange.export_document(result.conference_id, with_reporter_identity=True)
    assert normalise(exported) == normalise(json.loads(json.dumps(doc)))


def test_refs_that_clash_get_new_ids_that_do_not(services: Services) -> None:
    """Export keeps each record's own id unless another record already has it."""
    result = services.exchange.import_document(conference_document(3, seed=6))
    record = services.store.load_record(result.conference_id)
    one, two, three = record.actions
    one.ref, two.ref, three.ref = f"x{two.id}", None, f"x{two.id}"
    refs = [a["id"] for a in record_to_document(record)["conference"]["actions"]]
    assert refs == [f"x{two.id}", f"x{(two.id or 0) + 1}", f"x{(two.id or 0) + 2}"]


# --- the quick checks are exact ----------------------------------------------------------------


def _files() -> list[dict[str, Any]]:
    paths = [DEMO, EXAMPLE_COPY, *sorted((REPO / "tests" / "data").glob("*.json"))]
    return [parse_text(p.read_bytes()) for p in paths] + [conference_document(50, seed=7)]


def test_the_compiled_schema_passes_every_valid_file() -> None:
    quick = _quick_check()
    assert quick is not None, "the schema uses a keyword schema_check does not compile"
    for doc in _files():
        assert not list(_validator().iter_errors(doc))
        assert quick(doc)


def test_a_schema_with_an_unknown_keyword_is_left_to_jsonschema() -> None:
    checker = _validator().format_checker
    assert compile_schema({"type": "object", "oneOf": [{}]}, checker) is None
    assert compile_schema({"$ref": "https://example.org/other.json"}, checker) is None


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["", "x1", "a b", "x1\n", "2026-11-20", "2026-13-01", "2026-11-20T10:00:00Z",
                       "open", "done", "high", "chair", "full", "\ud800", "中文"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
        ["id", "name", "due", "status", "owner", "at", "note", "extra"]), inner, max_size=3),
    max_leaves=6,
)  # fmt: skip


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            found += _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _paths(v, (*path, i))
    return found


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_quick_checks_agree_with_the_slow_ones(data: st.DataObject) -> None:
    """A valid file changed in one place (a value replaced, a key dropped or added): the
    compiled check never says valid where jsonschema finds a problem, and the one-walk value
    checks say what the old walks said."""
    doc = copy.deepcopy(data.draw(st.sampled_from(_files()[:3])))
    path = data.draw(st.sampled_from(_paths(doc)[1:]))
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    change = data.draw(st.sampled_from(["replace", "drop", "add"]))
    if change == "replace":
        parent[path[-1]] = data.draw(_JSON)
    elif change == "drop" and isinstance(parent, dict):
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[data.draw(st.sampled_from(["extra", "id", "due", "status"]))] = data.draw(_JSON)

    slow = sorted(_validator().iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path])
    quick = _quick_check()
    assert quick is not None
    if quick(doc):
        assert slow == []
    assert [e.message for e in exchange_check._schema_errors(doc)] == [e.message for e in slow]

    old: list[str] = []
    for p, number in _walk_integers(doc, []):
        if not -(2**63) <= number <= 2**63 - 1:
            where, shown = exchange_check.json_path(p), exchange_check._short(number)
            old.append(f"{where}: {shown} is too large a number")
    for p, text in _walk_strings(doc, []):
        bad = next((c for c in text if 0xD800 <= ord(c) <= 0xDFFF), None)
        if bad is not None:
            old.append(
                f"{exchange_check.json_path(p)}: holds an unpaired surrogate (U+{ord(bad):04X}), "
                "which is not a character"
            )
    for p, text in _walk_strings(doc, []):
        key = p[-1] if p else None
        if (
            key in exchange_check._ID_KEYS
            and exchange_check._ID.match(text)
            and not exchange_check._ID.fullmatch(text)
        ):
            old.append(
                f"{exchange_check.json_path(p)}: {exchange_check._short(text)} is not a valid id "
                f"{exchange_check._ID_RULE}"
            )
    assert _value_problems(doc) == old


def test_the_value_checks_walk_any_depth() -> None:
    """One walk without recursion (the old generator walks raised RecursionError)."""
    doc = parse_text(DEMO.read_bytes())
    nested: list[Any] = [2**64]
    for _ in range(5_000):
        nested = [nested]
    doc["conference"]["venue"] = nested
    problems = _value_problems(doc)
    assert problems == [
        "conference.venue" + "[0]" * 5_001 + ": 18446744073709551616 is too large a number"
    ]


class _CountingStr(str):
    """A str that counts how often it is compared for equality."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        _CountingStr.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_export_ids_are_found_without_comparing_each_with_every_other(
    services: Services,
) -> None:
    """_Refs looked each id up among the ids handed out so far, one by one: 100,000 actions
    made five billion comparisons and 126 s. Now a set: a handful per id."""
    result = services.exchange.import_document(conference_document(2_000, seed=8))
    record = services.store.load_record(result.conference_id)
    for action in record.actions:
        action.ref = _CountingStr(action.ref)
    _CountingStr.compared = 0
    actions = record_to_document(record)["conference"]["actions"]
    assert [a["id"] for a in actions] == [f"x{i}" for i in range(2_000)]
    assert _CountingStr.compared < 10 * len(actions), _CountingStr.compared
