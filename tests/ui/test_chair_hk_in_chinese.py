"""Issue 10's acceptance, in Chinese: chair an HK conference held in Chinese from an empty
database through the app's own windows, keyboard only (Chinese text arrives as an input method
commits it), then correct what was typed, and find every corrected value in the database and in
the exported exchange file."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from mdcc_desktop.domain.models import Role
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.home.main_window import MainWindow
from mdcc_desktop.ui.home.new_conference import NewConferenceDialog
from mdcc_desktop.ui.workspace.models import DecisionModel
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter
from tests.ui.test_chair_the_example import choose, type_into

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def commit(qtbot, edit: QLineEdit, text: str, enter: bool = True) -> None:
    """Replace the field's text as a Chinese input method would, then Enter."""
    edit.setFocus()
    edit.selectAll()
    edit.insert(text)
    if enter:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    edit.editingFinished.emit()


def test_chair_an_hk_conference_in_chinese_then_correct_it(qtbot, services: Services) -> None:
    prompter = RecordingPrompter()
    home = MainWindow(services, prompter)
    qtbot.addWidget(home)
    home.show()
    home.table.setFocus()
    qtbot.waitUntil(home.isActiveWindow)

    def fill(dialog: NewConferenceDialog) -> None:
        type_into(qtbot, dialog.reference, "HK-2026-0088")
        dialog.children_edit.setFocus()
        dialog.children_edit.insertPlainText("陳小明; ; 2019-03-02")
        choose(dialog.profile, "HK")
        choose(dialog.type, "initial")
        dialog.when.setDateTime(QDateTime(QDate(2026, 12, 3), QTime(9, 30)))
        dialog.create_conference()
        assert dialog.error_label.text() == ""

    prompter.dialogs.append(fill)
    qtbot.keyClick(home, Qt.Key.Key_N, CTRL)
    ws: WorkspaceWindow = next(iter(home.workspaces.values()))
    qtbot.waitExposed(ws)
    ws.activateWindow()
    qtbot.waitUntil(ws.isActiveWindow)  # shortcuts go to the active window
    conference_id = ws.conference_id

    # Held in Chinese: the profile's Chinese agenda.
    ws.side_tabs.setCurrentWidget(ws.details_panel)
    choose(ws.details_panel.language, "zh-Hant")
    assert ws.agenda_model.record(0).title == "介紹及保密原則"

    # People, typed in Chinese; the key worker and a parent.
    for name, agency, role in (
        ("陳國強", "", Role.PARENT),
        ("李美玲", "社會福利署", Role.KEY_WORKER),
        ("黃志明", "香港警務處", None),
        ("張醫生", "醫院管理局", None),
    ):
        qtbot.keyClick(ws, Qt.Key.Key_A, CTRL | SHIFT)
        assert ws.new_name.hasFocus()
        ws.new_name.insert(name)
        if agency:
            ws.new_agency.insert(agency)
        if role is not None:
            choose(ws.new_role, role)
        qtbot.keyClick(ws.new_name, Qt.Key.Key_Return)
        ws.attendee_view.setCurrentIndex(
            ws.attendee_model.index(ws.attendee_model.rowCount() - 1, 0)
        )
        qtbot.keyClick(ws, Qt.Key.Key_K, CTRL)  # checked in: arrival stamped
    assert ws.attendee_model.rowCount() == 4

    # The meeting: start, the first item, notes in Chinese.
    qtbot.keyClick(ws, Qt.Key.Key_S, CTRL | SHIFT)
    qtbot.keyClick(ws, Qt.Key.Key_BracketRight, CTRL)
    ws.notes_edit.setFocus()
    ws.notes_edit.insertPlainText("主席解釋會議目的及保密原則。")
    assert ws.save_notes(wait=True)

    # A decision and an action, typed in Chinese.
    panel = ws.decisions_panel
    ws.side_tabs.setCurrentWidget(panel)
    commit(qtbot, panel.text, "虐待個案成立：身體虐待。")
    assert panel.model.rowCount() == 1
    qtbot.keyClick(ws, Qt.Key.Key_N, CTRL | SHIFT)
    assert ws.action_description.hasFocus()
    ws.action_owner.setCurrentText("李美玲")
    commit(qtbot, ws.action_description, "安排家訪")
    assert ws.action_model.rowCount() == 1
    qtbot.keyClick(ws, Qt.Key.Key_E, CTRL | SHIFT)

    # Corrections: a name, an arrival time, the decision's text, the action's description.
    ws.side_tabs.setCurrentWidget(ws.attendees_panel)
    ws.attendee_view.setCurrentIndex(ws.attendee_model.index(2, 0))  # 黃志明
    details = ws.attendee_details
    commit(qtbot, details.name, "黃志明督察")
    details.arrived.edit.setFocus()
    details.arrived.edit.selectAll()
    qtbot.keyClicks(details.arrived.edit, "09:35")
    qtbot.keyClick(details.arrived.edit, Qt.Key.Key_Return)

    ws.side_tabs.setCurrentWidget(panel)
    view = panel.view
    view.setFocus()
    view.setCurrentIndex(panel.model.index(0, DecisionModel.COL_TEXT))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    editor.insert("虐待個案成立：身體虐待及疏忽照顧。")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()

    ws.side_tabs.setCurrentWidget(ws.actions_panel)
    ws.action_view.setCurrentIndex(ws.action_model.index(0, 0))
    commit(qtbot, ws.action_details.description, "兩星期內安排家訪")
    assert isinstance(ws.action_details.owner, QComboBox)

    # Everything corrected is in the database ...
    people = {a.name: a for a in services.store.attendees(conference_id)}
    assert set(people) == {"陳國強", "李美玲", "黃志明督察", "張醫生"}
    arrived = people["黃志明督察"].arrived_at
    assert arrived is not None and (arrived.astimezone().hour, arrived.minute) == (9, 35)
    started = services.store.get_conference(conference_id).started_at
    assert started is not None
    assert arrived.astimezone().date() == started.astimezone().date(), "the conference's day"
    assert services.store.decisions(conference_id)[0].text == "虐待個案成立：身體虐待及疏忽照顧。"
    action = services.store.actions(conference_id)[0]
    assert action.description == "兩星期內安排家訪"
    assert action.owner_id == people["李美玲"].id
    notes = services.store.agenda(conference_id)[0].notes
    assert notes == "主席解釋會議目的及保密原則。"

    # ... and in the exchange file.
    doc = services.exchange.export_document(conference_id)
    c = doc["conference"]
    assert c["language"] == "zh-Hant"
    assert c["agenda"][0]["title"] == "介紹及保密原則"
    assert {a["name"] for a in c["attendees"]} == set(people)
    assert c["decisions"][0]["text"] == "虐待個案成立：身體虐待及疏忽照顧。"
    assert c["actions"][0]["description"] == "兩星期內安排家訪"
    assert doc["case"]["children"][0]["name"] == "陳小明"
    ws.close()
