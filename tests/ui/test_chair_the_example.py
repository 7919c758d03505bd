"""Issue 3's acceptance: chair the shared example conference from an empty database through the
app's own windows, then check that everything typed is in the exported exchange file.

The example's times were stamped in its meeting; here Start, check-in, Left and progress notes
stamp the test's own clock, so times are compared by presence, and ids by what they point at.
Text fields are typed with key events; choices are made as a keyboard user makes them (the
combo box's current item, then its ``activated`` signal)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QComboBox

from mdcc_desktop.services.context import Services
from mdcc_desktop.services.exchange import normalise
from mdcc_desktop.ui.home.main_window import MainWindow
from mdcc_desktop.ui.home.new_conference import NewConferenceDialog
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TIME_FIELDS = {"started_at", "ended_at", "arrived_at", "left_at", "at", "completed_at"}


def choose(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def type_into(qtbot, widget, text: str, enter: bool = False) -> None:
    widget.setFocus()
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:  # QTest cannot type non-Latin keys; an input method inserts the text.
        widget.insert(text)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    elif hasattr(widget, "editingFinished"):
        widget.editingFinished.emit()


def canonical(doc: dict[str, Any]) -> dict[str, Any]:
    """The exchange file with ids replaced by what they name and stamped times by "set"."""
    doc = json.loads(json.dumps(normalise(doc)))
    c = doc["conference"]
    people = {a["id"]: a["name"] for a in c["attendees"]}
    items = {a["id"]: a["title"] for a in c["agenda"]}
    decisions = {d["id"]: d["text"] for d in c["decisions"]}

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                if key in TIME_FIELDS:
                    out[key] = "set"
                elif key == "id":
                    continue
                elif key in ("attendee", "owner"):
                    out[key] = people[item]
                elif key == "agenda_item":
                    out[key] = items[item]
                elif key == "decision":
                    out[key] = decisions[item]
                elif key == "agency" and item == "":
                    continue  # an empty agency is no agency
                else:
                    out[key] = walk(item)
            return out
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    for item in c["agenda"]:
        # Walking the agenda live stamps each item's times; the example was not timed.
        item.pop("started_at", None)
        item.pop("ended_at", None)
    for d in c["decisions"]:
        if d["kind"] == "key_worker" and d.get("value") in people:
            d["value"] = people[d["value"]]
    doc = walk(doc)
    doc["conference"].pop("scheduled_start")  # compared as an instant below
    return doc


def test_chair_the_shared_example_from_an_empty_database(
    qtbot, services: Services, shared_example: Path
) -> None:
    example = json.loads(shared_example.read_text(encoding="utf-8"))
    ex_case, ex = example["case"], example["conference"]
    prompter = RecordingPrompter()
    home = MainWindow(services, prompter)
    qtbot.addWidget(home)
    home.show()
    home.table.setFocus()
    qtbot.waitUntil(home.isActiveWindow)  # shortcuts go to the active window

    # Before the meeting: the case, its child and the conference (Ctrl+N).
    def fill(dialog: NewConferenceDialog) -> None:
        type_into(qtbot, dialog.reference, ex_case["reference"])
        child = ex_case["children"][0]
        dialog.children_edit.setFocus()
        qtbot.keyClicks(dialog.children_edit, f"{child['name']}; ; {child['date_of_birth']}")
        choose(dialog.profile, "ENG")
        choose(dialog.type, "initial")
        dialog.when.setDateTime(QDateTime(QDate(2026, 11, 20), QTime(10, 0)))
        type_into(qtbot, dialog.venue, ex["venue"])
        type_into(qtbot, dialog.title_edit, ex["title"])
        dialog.has_referral.setChecked(True)
        dialog.referral.setDate(QDate(2026, 11, 2))
        dialog.create_conference()
        assert dialog.error_label.text() == ""

    prompter.dialogs.append(fill)
    qtbot.keyClick(home, Qt.Key.Key_N, CTRL)
    assert prompter.dialogs == [], "Ctrl+N opened the new-conference dialog"
    assert len(home.workspaces) == 1
    ws: WorkspaceWindow = next(iter(home.workspaces.values()))
    qtbot.waitExposed(ws)
    ws.activateWindow()
    qtbot.waitUntil(ws.isActiveWindow)

    # Details: the child's sex and school, the household, the language.
    details = ws.details_panel
    ws.side_tabs.setCurrentWidget(details)
    details.children_list.setCurrentRow(0)
    choose(details.child_sex, ex_case["children"][0]["sex"])
    type_into(qtbot, details.child_school, ex_case["children"][0]["school"])
    for member in ex_case["household"]:
        type_into(qtbot, details.household_name, member["name"])
        type_into(qtbot, details.household_relationship, member["relationship"])
        type_into(qtbot, details.household_notes, member.get("notes", ""), enter=True)
    choose(details.language, ex["language"])

    # The agenda: the template's items go, the example's come (Del, then Enter on new items).
    ws.agenda_view.setFocus()
    while ws.agenda_model.rowCount():
        ws.agenda_view.setCurrentIndex(ws.agenda_model.index(0, 0))
        qtbot.keyClick(ws.agenda_view, Qt.Key.Key_Delete)
    for item in ex["agenda"]:
        ws.new_item_minutes.setValue(item["planned_minutes"])
        type_into(qtbot, ws.new_item, item["title"], enter=True)
        ws.select_agenda_item(ws.agenda_model.record(ws.agenda_model.rowCount() - 1).id)
        if item.get("restricted"):
            ws.agenda_view.setFocus()  # Alt+1 from anywhere
            qtbot.keyClick(ws.agenda_view, Qt.Key.Key_R, CTRL)

    # People, with their details.
    for a in ex["attendees"]:
        qtbot.keyClick(ws, Qt.Key.Key_A, CTRL | SHIFT)
        type_into(qtbot, ws.new_name, a["name"])
        type_into(qtbot, ws.new_agency, a.get("agency", ""))
        qtbot.keyClick(ws.new_name, Qt.Key.Key_Return)
        row = ws.attendee_model.rowCount() - 1
        ws.attendee_view.setCurrentIndex(ws.attendee_model.index(row, 0))
        d = ws.attendee_details
        choose(d.discipline, a["discipline"])
        if "job_title" in a:
            type_into(qtbot, d.job_title, a["job_title"])
        if "email" in a:
            type_into(qtbot, d.email, a["email"])
        for i in range(d.roles.count()):
            if d.roles.item(i).data(Qt.ItemDataRole.UserRole) in a["roles"]:
                d.roles.item(i).setCheckState(Qt.CheckState.Checked)
        if "arrived_at" in a:
            qtbot.keyClick(ws, Qt.Key.Key_K, CTRL)  # a late arrival: check in stamps the time
            if "left_at" in a:
                qtbot.keyClick(ws, Qt.Key.Key_L, CTRL | SHIFT)
        else:
            choose(d.attendance, a["attendance"])
        if a.get("report_submitted"):
            d.report.click()
        if a.get("report_shared_with_parents"):
            d.shared.click()
        copy = next((e["copy"] for e in ex["distribution"] if e["attendee"] == a["id"]), None)
        if copy:
            choose(d.copy, copy)
    assert ws.attendance_warnings.text() == ""

    # The meeting: start, walk the agenda typing notes.
    qtbot.keyClick(ws, Qt.Key.Key_S, CTRL | SHIFT)
    for item in ex["agenda"]:
        qtbot.keyClick(ws, Qt.Key.Key_BracketRight, CTRL)
        if item.get("notes"):
            ws.notes_edit.setFocus()
            qtbot.keyClicks(ws.notes_edit, item["notes"])

    # Signs of Safety.
    safety = ws.safety_panel
    for section in (
        "worries",
        "working_well",
        "needs_to_happen",
        "danger_statements",
        "safety_goals",
    ):
        for line in ex["safety_mapping"][section]:
            choose(safety.section, section)
            type_into(qtbot, safety.line, line, enter=True)
    names = [a["name"] for a in ex["attendees"]]
    by_id = {a["id"]: a["name"] for a in ex["attendees"]}
    for scale in ex["safety_mapping"]["scaling"]:
        row = names.index(by_id[scale["attendee"]])
        spin = safety.scale_editor(row)
        spin.setValue(scale["score"])
        spin.editingFinished.emit()
        if "note" in scale:
            model = safety.scaling_model
            model.setData(model.index(row, model.COL_NOTE), scale["note"])

    # Decisions, under the current item (the last), with dissent.
    panel = ws.decisions_panel
    for dec in ex["decisions"]:
        choose(panel.kind, dec["kind"])
        value = dec["value"]
        if dec["kind"] == "key_worker":
            value = next(a.ref for a in ws.record.attendees if a.name == by_id[value])
        if panel.value.findData(value) >= 0:
            panel.value.setCurrentIndex(panel.value.findData(value))
        else:
            panel.value.setCurrentText(value)
        type_into(qtbot, panel.text, dec["text"])
        type_into(qtbot, panel.rationale, dec.get("rationale", ""))
        panel.method.setCurrentIndex(panel.method.findData(dec["method"]))
        panel.add_button.click()
        for dissent in dec.get("dissent", []):
            who = next(a.id for a in ws.record.attendees if a.name == by_id[dissent["attendee"]])
            panel.dissent_who.setCurrentIndex(panel.dissent_who.findData(who))
            # A view may run to several lines: Ctrl+Enter records it.
            type_into(qtbot, panel.dissent_view, dissent["view"])
            qtbot.keyClick(panel.dissent_view, Qt.Key.Key_Return, CTRL)
    assert ws.message_label.text() == ""

    # Actions in one line each, then their details.
    decision_ids = {d["id"]: d["text"] for d in ex["decisions"]}
    for x in ex["actions"]:
        qtbot.keyClick(ws, Qt.Key.Key_N, CTRL | SHIFT)
        ws.action_owner.setCurrentText(by_id[x["owner"]])
        y, m, d_ = (int(p) for p in x["due"].split("-"))
        ws.action_due.setDate(QDate(y, m, d_))
        type_into(qtbot, ws.action_description, x["description"], enter=True)
        row = ws.action_model.rowCount() - 1
        ws.action_view.setCurrentIndex(ws.action_model.index(row, 0))
        det = ws.action_details
        if "owner_agency" in x:
            type_into(qtbot, det.agency, x["owner_agency"])
        if "priority" in x:
            choose(det.priority, x["priority"])
        if "decision" in x:
            target = next(
                dd.id for dd in ws.record.decisions if dd.text == decision_ids[x["decision"]]
            )
            choose(det.decision, target)
        if x["status"] != "open":
            choose(det.status, x["status"])
        for update in x.get("updates", []):
            type_into(qtbot, det.update_note, update["note"], enter=True)
    assert ws.message_label.text() == ""

    qtbot.keyClick(ws, Qt.Key.Key_E, CTRL | SHIFT)
    qtbot.keyClick(ws, Qt.Key.Key_W, CTRL)  # close; nothing to save

    conference_id = home.model.summary(0).id
    exported = services.exchange.export_document(conference_id)
    got, want = canonical(exported), canonical(example)
    for key in want["conference"]:
        assert got["conference"].get(key) == want["conference"][key], key
    assert got == want
    assert (
        normalise(exported)["conference"]["scheduled_start"]
        == normalise(example)["conference"]["scheduled_start"]
    )
    home.close()
