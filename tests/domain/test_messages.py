"""Messages raised below the interface: an id in one catalogue, parameters, English by str().

The catalogue (domain/messages.py) is the only copy of the English templates; lupdate extracts it
(tests/ui/test_lupdate.py) and the GUI translates it (tests/ui/test_messages_ui.py). Here: every
id used in the package exists, every call gives exactly the template's placeholders, and the
English a user, the command line and the logs read is the sentence they read before.
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

import mdcc_desktop
from mdcc_desktop.domain import rules
from mdcc_desktop.domain.errors import ConferenceLockedError, MdccError, ValidationError
from mdcc_desktop.domain.messages import CATALOGUE, Message, msg, placeholders, render

PACKAGE = Path(mdcc_desktop.__file__).parent


# Calls that add placeholders to the message they are given: store.errors.damaged adds the
# advice on restoring from a backup.
ADDS = {"damaged": {"advice"}}


def _msg_calls() -> list[tuple[str, int, ast.Call, set[str]]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        added: dict[int, set[str]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                for arg in node.args[:1]:
                    added[id(arg)] = ADDS.get(node.func.id, set())
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "msg"
            ):
                where = path.relative_to(PACKAGE).as_posix()
                found.append((where, node.lineno, node, added.get(id(node), set())))
    return found


def test_every_message_call_names_a_catalogue_id_with_its_placeholders() -> None:
    calls = _msg_calls()
    assert len(calls) > 40  # the scan sees the package's raise sites
    problems = []
    for where, line, call, added in calls:
        first = call.args[0] if call.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            problems.append(f"{where}:{line}: the id is not a literal")
            continue
        if first.value not in CATALOGUE:
            problems.append(f"{where}:{line}: no message {first.value!r}")
            continue
        given = {k.arg for k in call.keywords} | added
        wanted = placeholders(CATALOGUE[first.value])
        if given != wanted:
            problems.append(f"{where}:{line}: {first.value} takes {wanted}, given {given}")
    assert not problems, "\n".join(problems)


def test_the_catalogue_is_marked_for_lupdate_under_messages() -> None:
    # Each template is a QT_TRANSLATE_NOOP("Messages", <literal>) in the catalogue's source, so
    # lupdate extracts exactly the text the GUI translates.
    tree = ast.parse((PACKAGE / "domain" / "messages.py").read_text(encoding="utf-8"))
    table = next(
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.AnnAssign)
        and isinstance(n.target, ast.Name)
        and n.target.id == "CATALOGUE"
    )
    assert isinstance(table, ast.Dict)
    for key, value in zip(table.keys, table.values, strict=True):
        assert isinstance(key, ast.Constant)
        assert isinstance(value, ast.Call) and ast.unparse(value.func) == "QT_TRANSLATE_NOOP"
        context, text = value.args
        assert isinstance(context, ast.Constant) and context.value == "Messages", key.value
        assert isinstance(text, ast.Constant) and text.value == CATALOGUE[key.value]


def test_str_is_the_english_sentence() -> None:
    assert str(msg("case_exists", reference="HK-1")) == (
        "A case with the reference 'HK-1' already exists."
    )
    assert str(ValidationError([msg("case_needs_child"), "plain text"])) == (
        "A case needs at least one child.\nplain text"
    )
    error = ConferenceLockedError(msg("locked_change"))
    assert str(error).startswith("This conference is finalised and locked")
    assert error.messages == [msg("locked_change")]


def test_a_field_name_is_a_message_of_its_own() -> None:
    (problem,) = rules.check_date(dt.date(1800, 1, 1), msg("field_due"))
    assert str(problem) == "The due date: the year 1800 is outside 1900–2199"
    assert problem.params["what"] == msg("field_due")
    # Translated, both the template and the field's name are translated.
    marked = render(problem, lambda template: "«" + template + "»")
    assert marked == "««The due date»: the year 1800 is outside 1900–2199»"


def test_a_message_equals_its_english_text() -> None:
    assert msg("no_chair") == "No one has the chair role."
    assert rules.attendance_warnings([]) == [
        "No one has the chair role.",
        "No one is taking the minutes.",
    ]
    assert len({msg("no_chair"), msg("no_chair")}) == 1


def test_an_unknown_id_is_a_bug_caught_at_once() -> None:
    with pytest.raises(KeyError):
        Message("no_such_message")


def test_a_broken_translation_never_fails() -> None:
    message = msg("due_in_past", due="2026-01-01")
    assert render(message, lambda t: "{missing} {due}") == "{missing} 2026-01-01"
    for broken in ("{due", "{0}", "{due.year}"):
        assert render(message, lambda t, b=broken: b) == str(message)


def test_errors_without_a_message_keep_their_text() -> None:
    assert MdccError("plain").messages == ["plain"]
    assert MdccError().messages == []
    assert str(MdccError(msg("disk_full"))).startswith("The disk is full")
