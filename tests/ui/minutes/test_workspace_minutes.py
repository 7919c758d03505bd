"""The workspace's Minutes menu: exports, the outcome letter, circulation, amendments,
finalising (visibly locked) and reopening with a reason; deadlines in the header."""

from __future__ import annotations

from pathlib import Path

import pytest

from mdcc_desktop.domain.models import ConferenceStatus
from mdcc_desktop.export.minutes import document_text
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.minutes.dialogs import AmendmentsDialog, CirculateDialog
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter


def go_on(dialog) -> None:
    """The chair reads what the parents' copy leaves out, and goes on (issue 12)."""
    dialog.accept()


@pytest.fixture
def prompter() -> RecordingPrompter:
    return RecordingPrompter()


@pytest.fixture
def ws(
    qtbot, services: Services, shared_example: Path, prompter: RecordingPrompter
) -> WorkspaceWindow:
    conference_id = services.exchange.import_file(shared_example).conference_id
    window = WorkspaceWindow(services, conference_id, prompter)
    qtbot.addWidget(window)
    window.show()
    return window


def test_exports_from_the_minutes_menu(
    ws: WorkspaceWindow, prompter: RecordingPrompter, tmp_path: Path
) -> None:
    letters = tmp_path / "letters"
    letters.mkdir()
    prompter.files += [tmp_path / "full.docx", tmp_path / "parents.docx"]
    ws.export_full_action.trigger()
    ws.export_parent_action.trigger()
    assert "Two domestic incidents" in document_text((tmp_path / "full.docx").read_bytes())
    assert "Two domestic incidents" not in document_text((tmp_path / "parents.docx").read_bytes())
    assert "Written:" in ws.message_label.text()
    # Issue 12 point 4: the letter goes into a folder the chair picks, one per recipient.
    prompter.files.append(letters)
    ws.letter_action.trigger()
    written = sorted(letters.iterdir())
    assert len(written) == 6
    mother = next(p for p in written if "Hannah_Turner" in p.name)
    text = document_text(mother.read_bytes())
    assert "Dear Hannah Turner," in text
    assert "Outcome of the initial child protection conference" in text
    message = ws.message_label.text()
    assert "one for each of 6 recipients" in message and "Hannah Turner (" in message
    assert str(letters) in message
    # Issue 12: the copies exported are drafts, recorded nowhere; the letters are issued.
    versions = ws.services.minutes.versions(ws.conference_id)
    assert [(v.number, v.copy) for v in versions] == [(n, "letter") for n in range(1, 7)]
    assert "✓" in ws.deadlines_label.text()  # the outcome letter is done


def test_export_into_a_missing_folder_is_an_inline_message(
    ws: WorkspaceWindow, prompter: RecordingPrompter, tmp_path: Path
) -> None:
    prompter.files.append(tmp_path / "nowhere" / "m.docx")
    ws.export_full_action.trigger()
    assert "does not exist" in ws.message_label.text()


def test_deadlines_show_in_the_header(ws: WorkspaceWindow) -> None:
    text = ws.deadlines_label.text()
    assert "Outcome letter to everyone invited: 23 Nov 2026" in text
    assert "Minutes circulated: 11 Dec 2026" in text


def test_circulate_amend_finalise_and_reopen(
    qtbot, ws: WorkspaceWindow, prompter: RecordingPrompter, tmp_path: Path, services: Services
) -> None:
    def circulate(dialog: CirculateDialog) -> None:
        assert dialog.recipients.count() == 7
        dialog.folder.setText(str(tmp_path / "outbox"))
        dialog.circulate()

    prompter.dialogs += [circulate, go_on]
    ws.circulate_action.trigger()
    # Issue 12: one draft per recipient with an address (Priya Nair alone); the rest by hand.
    assert len(prompter.opened) == 1 and all(p.suffix == ".eml" for p in prompter.opened)
    assert "to be handed a copy" in ws.message_label.text()
    assert len(services.store.circulations(ws.conference_id)) == 7

    def amend(dialog: AmendmentsDialog) -> None:
        dialog.who.setText("Mark Ellis")
        dialog.what.setText("Attendance is 93%.")
        dialog.add()
        dialog.ruling.setText("Accepted: the register says 93%.")
        dialog.rule(True)
        assert "accepted" in dialog.list.item(0).text()
        dialog.accept()

    prompter.dialogs.append(amend)
    ws.amendments_action.trigger()

    prompter.dialogs.append(go_on)
    ws.finalise_action.trigger()
    assert services.store.get_conference(ws.conference_id).status == ConferenceStatus.FINALISED
    assert ws.locked_banner.isVisible()
    assert not ws.notes_panel.isEnabled() and not ws.decisions_panel.isEnabled()
    assert not ws.check_in_action.isEnabled() and ws.reopen_action.isEnabled()

    prompter.texts.append("   ")
    ws.reopen_action.trigger()
    assert "needs a reason" in ws.message_label.text()
    prompter.texts.append("Correction of dates asked by the police.")
    ws.reopen_action.trigger()
    assert not ws.locked_banner.isVisible()
    assert ws.notes_panel.isEnabled()


def test_closure_days_move_deadlines_from_the_home_screen(
    qtbot, services: Services, shared_example: Path
) -> None:
    import datetime as dt

    from PySide6.QtCore import QDate

    from mdcc_desktop.ui.home.main_window import MainWindow
    from mdcc_desktop.ui.minutes.dialogs import ClosureDaysDialog

    conference_id = services.exchange.import_file(shared_example).conference_id
    prompter = RecordingPrompter()
    home = MainWindow(services, prompter)
    qtbot.addWidget(home)

    def add(dialog: ClosureDaysDialog) -> None:
        dialog.day.setDate(QDate(2026, 11, 23))
        dialog.jurisdiction.setCurrentIndex(dialog.jurisdiction.findData("ENG"))
        dialog.reason.setText("")
        dialog.add()
        assert "Say why" in dialog.error_label.text()
        dialog.reason.setText("Office flooded")
        dialog.add()
        assert dialog.list.count() == 1 and "Office flooded" in dialog.list.item(0).text()

    prompter.dialogs.append(add)
    home.closures_action.trigger()
    due = {d.key: d.due for d in services.deadlines.for_conference(conference_id)}
    assert due["outcome_letter"] == dt.date(2026, 11, 24)


def test_a_users_own_template_is_chosen_from_the_minutes_menu(
    ws: WorkspaceWindow, prompter: RecordingPrompter, tmp_path: Path, services: Services
) -> None:
    from docx import Document

    from tests.conftest import REPO

    folder = services.paths.templates
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document(str(REPO / "templates" / "minutes" / "eng-cpc.docx"))
    doc.add_paragraph("Issued by the Borough Safeguarding Partnership")
    doc.save(folder / "borough.docx")
    ws.template_menu.aboutToShow.emit()
    labels = [a.text() for a in ws.template_menu.actions()]
    assert "borough (yours)" in labels and "eng-cpc (profile's)" in labels
    assert not any(label.startswith("letter") for label in labels)
    next(a for a in ws.template_menu.actions() if a.text() == "borough (yours)").trigger()
    prompter.files.append(tmp_path / "mine.docx")
    ws.export_full_action.trigger()
    assert "Borough Safeguarding Partnership" in document_text(
        (tmp_path / "mine.docx").read_bytes()
    )


def test_finding_2_issue_from_the_minutes_menu_records_both_copies(
    ws: WorkspaceWindow, services: Services, prompter: RecordingPrompter
) -> None:
    """Issue 12: exporting is a draft; Issue is the deliberate act that records a version."""
    prompter.dialogs.append(go_on)
    ws.minutes_actions.issue_action.trigger()
    versions = services.minutes.versions(ws.conference_id)
    assert [(v.number, v.copy) for v in versions] == [(1, "full"), (1, "parent")]
    assert "Issued version 1" in ws.message_label.text()


def test_finding_11_the_guis_circulate_uses_the_chosen_template(
    ws: WorkspaceWindow, prompter: RecordingPrompter, tmp_path: Path, services: Services
) -> None:
    ws.template_menu.aboutToShow.emit()
    next(a for a in ws.template_menu.actions() if a.text().startswith("hk-mdcc")).trigger()

    def circulate(dialog: CirculateDialog) -> None:
        dialog.folder.setText(str(tmp_path))
        dialog.circulate()

    prompter.dialogs += [circulate, go_on]
    ws.circulate_action.trigger()
    versions = services.minutes.versions(ws.conference_id)
    assert versions and {v.template for v in versions} == {"hk-mdcc"}


def test_finding_13_the_workspace_shows_the_history_and_saves_a_version_again(
    qtbot, ws: WorkspaceWindow, prompter: RecordingPrompter, tmp_path: Path, services: Services
) -> None:
    import hashlib

    from PySide6.QtCore import Qt

    from mdcc_desktop.ui.minutes.history import HistoryDialog

    record = services.conferences.record(ws.conference_id)
    services.lifecycle.circulate(
        ws.conference_id, [e.attendee_id for e in record.distribution], tmp_path
    )
    services.lifecycle.request_amendment(ws.conference_id, "Mark Ellis", "Attendance is 93%.")
    assert ws.minutes_actions.history_action.shortcut().toString() == "Ctrl+Shift+H"
    prompter.files.append(tmp_path / "again.docx")
    seen: dict[str, object] = {}

    def look(dialog: HistoryDialog) -> None:
        seen["versions"] = dialog.versions.rowCount()
        seen["circulation"] = dialog.circulation.rowCount()
        seen["amendments"] = dialog.amendments.rowCount()
        seen["names"] = [
            dialog.versions.accessibleName(),
            dialog.circulation.accessibleName(),
            dialog.amendments.accessibleName(),
            dialog.save_button.accessibleName(),
        ]
        seen["hand"] = [
            dialog.circulation.item(r, 4).text() for r in range(dialog.circulation.rowCount())
        ]
        dialog.show()
        dialog.activateWindow()
        dialog.versions.selectRow(1)  # version 1, parents' copy
        from tests.ui.keyboard import mnemonic_clashes

        seen["clashes"] = mnemonic_clashes(dialog)
        dialog.save_button.setFocus()  # the keyboard's way: Tab to the button, Space
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        seen["saved"] = list(dialog.saved)
        dialog.reject()

    prompter.dialogs.append(look)
    ws.minutes_actions.history_action.trigger()
    assert seen["versions"] == 2
    assert seen["circulation"] == len(record.distribution)
    assert seen["amendments"] == 1
    assert all(seen["names"])
    assert "by hand" in seen["hand"] and "e-mail" in seen["hand"]
    assert seen["saved"] == [tmp_path / "again.docx"]
    assert seen["clashes"] == []
    parent = next(v for v in services.minutes.versions(ws.conference_id) if v.copy == "parent")
    saved = (tmp_path / "again.docx").read_bytes()
    assert hashlib.sha256(saved).hexdigest() == parent.sha256
    assert saved == (tmp_path / "CS-2026-0412-minutes-parents-v1.docx").read_bytes()
