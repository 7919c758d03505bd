"""A transaction carries the name of its use case (for the disclosure log that comes later).

The name is a fixed phrase from the code, available inside the block and logged at debug level;
no child's name or note ever reaches the log through it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from mdcc_desktop.domain.models import Case, CopyKind
from mdcc_desktop.store import Store
from tests.conftest import DEMO, open_services

STORE_LOG = "mdcc_desktop.store.store"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "mdcc.sqlite3")
    yield s
    s.close()


def test_the_name_is_there_inside_and_gone_after(store: Store) -> None:
    assert store.current_transaction_name is None
    with store.transaction("import conference"):
        assert store.current_transaction_name == "import conference"
        store.add_case(Case(reference="CP-1", jurisdiction="ENG"))  # nests an unnamed one
        with store.transaction():
            assert store.current_transaction_name == "import conference"
        with store.transaction("add case"):
            assert store.current_transaction_name == "import conference"  # the use case wins
    assert store.current_transaction_name is None
    assert [c.reference for c in store.list_cases()] == ["CP-1"]


def test_unnamed_transactions_work_as_before(store: Store) -> None:
    with store.transaction():
        assert store.current_transaction_name is None
        store.add_case(Case(reference="CP-1", jurisdiction="ENG"))
        with store.transaction("inner use case"):  # a name given further down still counts
            assert store.current_transaction_name == "inner use case"
        assert store.current_transaction_name is None
    assert len(store.list_cases()) == 1


def test_a_rolled_back_transaction_drops_its_name(store: Store) -> None:
    with pytest.raises(ZeroDivisionError), store.transaction("delete conference"):
        store.add_case(Case(reference="CP-1", jurisdiction="ENG"))
        1 / 0  # noqa: B018
    assert store.current_transaction_name is None
    assert store.list_cases() == []


def test_the_name_is_logged_at_debug_level(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger=STORE_LOG):
        with store.transaction("import conference"):
            store.add_case(Case(reference="CP-SECRET-REF", jurisdiction="ENG"))
        with pytest.raises(ValueError), store.transaction("delete conference"):
            raise ValueError
        with store.transaction():
            pass
    messages = [r.getMessage() for r in caplog.records if r.name == STORE_LOG]
    assert messages == [
        "transaction 'import conference' begins",
        "transaction 'import conference' committed",
        "transaction 'delete conference' begins",
        "transaction 'delete conference' rolled back",
    ]
    assert all(r.levelno == logging.DEBUG for r in caplog.records if r.name == STORE_LOG)
    assert "CP-SECRET-REF" not in caplog.text


def test_the_main_use_cases_name_their_transactions(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    services = open_services(tmp_path / "data")
    try:
        with caplog.at_level(logging.DEBUG, logger=STORE_LOG):
            conference_id = services.exchange.import_file(DEMO).conference_id
            # issue 12: an export is a draft and writes nothing; issuing is the use case
            services.minutes.issue_minutes(conference_id, CopyKind.FULL, None, tmp_path / "m.docx")
            deleted = services.conferences.delete_conference(conference_id)
            services.exchange.restore_document(deleted.document)
    finally:
        services.close()
    committed = [r.getMessage() for r in caplog.records if r.getMessage().endswith("committed")]
    assert committed == [
        "transaction 'import conference' committed",
        "transaction 'issue minutes' committed",
        "transaction 'delete conference' committed",
        "transaction 'restore deleted conference' committed",
    ]
    # Nothing personal reaches the log: no child's or attendee's name from the document.
    demo = json.loads(DEMO.read_text("utf-8"))
    names = [c["name"] for c in demo["case"]["children"]]
    names += [a["name"] for a in demo["conference"]["attendees"]]
    assert len(names) > 2
    for name in names:
        assert name not in caplog.text
