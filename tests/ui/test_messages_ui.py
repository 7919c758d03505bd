"""A service's refusal reaches the screen in the interface's language.

A small real catalogue (a .ts compiled by the wheel's lrelease, loaded by a QTranslator) stands in
for the Chinese one a later issue brings: with it installed, the message a service raised, a
label and a header come out translated, the parameters filled in; without it, English.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.messages import CATALOGUE, msg
from mdcc_desktop.domain.models import Action, Child, ConferenceType, Role
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.messages import message_text

LRELEASE = Path(PySide6.__file__).parent / "lrelease"

TRANSLATIONS = {
    "Messages": {
        CATALOGUE["empty"]: "{what}不可留空",
        CATALOGUE["field_action_description"]: "跟進行動的內容",
        CATALOGUE["case_exists"]: "個案編號 {reference!r} 已存在。",
        CATALOGUE["due_in_past"]: "限期 {due} 已過。",
    },
    "Labels": {"minute taker": "會議記錄員"},
    "Headers": {"Open actions": "未完成的跟進行動"},
}


@pytest.fixture
def chinese(qapp, tmp_path: Path) -> Iterator[None]:
    if not LRELEASE.is_file():
        pytest.skip("lrelease is not installed")
    body = "".join(
        f"<context><name>{context}</name>"
        + "".join(
            f"<message><source>{escape(s)}</source><translation>{escape(t)}</translation></message>"
            for s, t in texts.items()
        )
        + "</context>"
        for context, texts in TRANSLATIONS.items()
    )
    ts = tmp_path / "test_zh.ts"
    ts.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_HK">'
        f"{body}</TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "test_zh.qm"
    subprocess.run([str(LRELEASE), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_a_refusal_is_translated_with_its_parameters(chinese: None, services: Services) -> None:
    case = services.conferences.create_case("HK-MSG", "HK", [Child(name="Chan")])
    with pytest.raises(ValidationError) as refused:
        services.conferences.create_case("HK-MSG", "HK", [Child(name="Chan")])
    assert message_text(refused.value) == "個案編號 'HK-MSG' 已存在。"
    # The field's name inside the message is translated too.
    cid = services.conferences.create_conference(
        case.id or 0, "HK", ConferenceType.INITIAL, dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
    )
    with pytest.raises(ValidationError) as refused:
        services.conferences.add_action(cid, Action(description="  "))
    assert message_text(refused.value) == "跟進行動的內容不可留空"
    # str() stays English: the command line and the logs read it.
    assert str(refused.value) == "The action's description must not be empty"


def test_labels_and_headers_are_translated(chinese: None) -> None:
    assert labels.role(Role.MINUTE_TAKER) == "會議記錄員"
    assert labels.header("Open actions") == "未完成的跟進行動"
    assert labels.role(Role.CHAIR) == "chair"  # not in this catalogue: the English


def test_without_a_catalogue_the_english(qapp) -> None:
    assert message_text(msg("due_in_past", due="2026-01-01")) == (
        "The due date 2026-01-01 is in the past."
    )
    assert message_text(ValueError("a bug's own text")) == "a bug's own text"
    assert message_text("plain") == "plain"
