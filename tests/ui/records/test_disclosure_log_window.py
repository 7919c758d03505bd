"""The disclosure log on screen, the chair's name, the reporter's identity in an exported file
and its mask (issue 11 points 4 and 5): real widgets under offscreen, a real encrypted data
folder, the menu reached by keyboard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLineEdit

from mdcc_desktop.domain.disclosure import DisclosureKind
from mdcc_desktop.domain.models import MandatoryReport
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.home.main_window import MainWindow
from mdcc_desktop.ui.records.dialogs import ChairDialog, ReporterIdentityDialog
from mdcc_desktop.ui.records.log_window import DisclosureLogDialog, DisclosureLogModel
from mdcc_desktop.ui.widgets.masked import MASK, MaskedLineEdit
from tests.conftest import DEMO, driver_connect
from tests.ui.home.test_main_window import RecordingPrompter


@pytest.fixture
def prompter() -> RecordingPrompter:
    return RecordingPrompter()


@pytest.fixture
def window(qtbot, services: Services, prompter: RecordingPrompter) -> MainWindow:
    w = MainWindow(services, prompter)
    qtbot.addWidget(w)
    w.show()
    return w


def tools_menu_texts(window: MainWindow) -> list[str]:
    tools = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Tools")
    return [a.text() for a in tools.actions()]


def test_the_log_is_in_the_tools_menu_with_its_own_mnemonics(window: MainWindow) -> None:
    texts = tools_menu_texts(window)
    assert "Disclosure &log…" in texts and "Your na&me and e-mail…" in texts
    mnemonics = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
    assert len(mnemonics) == len(set(mnemonics))


def test_the_log_window_shows_the_entries_and_an_intact_chain(
    tmp_path: Path, window: MainWindow, services: Services, prompter: RecordingPrompter
) -> None:
    services.chair.set("Ruth Okafor", "")
    conference_id = window.load_demo()
    assert conference_id is not None
    services.exchange.export_file(conference_id, tmp_path / "a.json")
    # Issue 12 point 4: the letter is one per recipient; the mother's alone here.
    mother = services.minutes.letter_recipients(conference_id)[-1].attendee_ids[0]
    services.lifecycle.export_letter(conference_id, tmp_path / "l.docx", to=mother)
    seen: list[DisclosureLogDialog] = []
    prompter.dialogs.append(seen.append)
    window.log_action.trigger()
    (dialog,) = seen
    model = dialog.model
    assert model.rowCount() == 2
    assert model.index(0, DisclosureLogModel.COL_WHAT).data() == "Exchange file"
    assert model.index(1, DisclosureLogModel.COL_WHAT).data() == "Outcome letter"
    assert model.index(1, DisclosureLogModel.COL_COPY).data() == "parents' copy"
    assert model.index(1, DisclosureLogModel.COL_BY).data() == "Ruth Okafor"
    assert model.index(1, DisclosureLogModel.COL_WHERE).data() == str(tmp_path / "l.docx")
    assert model.index(0, DisclosureLogModel.COL_CONFERENCE).data().startswith("DEMO-")
    assert dialog.chain_label.property("intact") is True
    assert "intact" in dialog.chain_label.text()
    # A new entry while the window is open shows at once.
    services.lifecycle.export_letter(conference_id, tmp_path / "l2.docx", to=mother)
    assert model.rowCount() == 3
    dialog.close()


def test_a_changed_entry_shows_the_chain_broken_at_it(
    tmp_path: Path, qtbot, services: Services, prompter: RecordingPrompter
) -> None:
    conference_id = services.exchange.import_file(DEMO).conference_id
    for n in range(3):
        services.exchange.export_file(conference_id, tmp_path / f"{n}.json")
    conn = driver_connect(services.paths.database)
    conn.execute("DROP TRIGGER disclosure_log_no_update")
    conn.execute("UPDATE disclosure_log SET reason = 'nothing to see' WHERE id = 2")
    conn.commit()
    conn.close()
    dialog = DisclosureLogDialog(services, prompter)
    qtbot.addWidget(dialog)
    assert dialog.chain_label.property("intact") is False
    assert "broken" in dialog.chain_label.text() and "entry 2" in dialog.chain_label.text()
    assert dialog.chain_label.accessibleName() == dialog.chain_label.text()
    assert not dialog.chair_hint.isHidden()  # no name set: the window says where to set it
    services.chair.set("Ruth Okafor", "")
    dialog.reload()
    assert dialog.chair_hint.isHidden()


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_exporting_the_log_writes_it_and_records_it(
    tmp_path: Path, qtbot, services: Services, prompter: RecordingPrompter, fmt: str
) -> None:
    conference_id = services.exchange.import_file(DEMO).conference_id
    services.exchange.export_file(conference_id, tmp_path / "a.json")
    dialog = DisclosureLogDialog(services, prompter)
    qtbot.addWidget(dialog)
    target = tmp_path / f"log.{fmt}"
    prompter.files.append(target)
    dialog.export_button.click()
    assert target.is_file()
    if fmt == "json":
        assert json.loads(target.read_text(encoding="utf-8"))["entries"][0]["kind"] == "exchange"
    assert dialog.model.rowCount() == 2
    assert dialog.model.record(1).kind == DisclosureKind.LOG_EXPORT
    prompter.files.append(tmp_path / "log.txt")
    dialog.export_button.click()
    assert prompter.errors and "json or csv" in prompter.errors[-1][1]


def test_the_chairs_name_and_e_mail_are_edited_and_kept(
    window: MainWindow, services: Services, prompter: RecordingPrompter
) -> None:
    def fill(dialog: ChairDialog) -> None:
        assert dialog.name.accessibleName() and dialog.email.accessibleName()
        dialog.name.setText("Ruth Okafor")
        dialog.email.setText("not an address")
        dialog.save()
        assert dialog.result() != dialog.DialogCode.Accepted
        assert "not an e-mail address" in dialog.error_label.text()
        dialog.email.setText("ruth.okafor@example.org")
        dialog.save()

    prompter.dialogs.append(fill)
    window.chair_action.trigger()
    assert services.chair.get().name == "Ruth Okafor"
    assert services.chair.get().email == "ruth.okafor@example.org"
    settings = services.paths.data_dir / "settings.json"
    assert not settings.exists() or b"Okafor" not in settings.read_bytes()


def _identity() -> str:
    return json.loads(DEMO.read_text(encoding="utf-8"))["conference"]["mandatory_report"][
        "reporter_identity"
    ]


def test_the_gui_export_leaves_the_identity_out_unless_ticked(
    tmp_path: Path, window: MainWindow, services: Services, prompter: RecordingPrompter
) -> None:
    window.load_demo()
    shown: list[ReporterIdentityDialog] = []

    def as_is(dialog: ReporterIdentityDialog) -> None:
        shown.append(dialog)
        assert not dialog.include.isChecked()
        assert "Cap. 650" in dialog.warning.text()
        dialog.accept()

    prompter.dialogs.append(as_is)
    prompter.files.append(tmp_path / "plain.json")
    assert window.export_action.trigger() is None and (tmp_path / "plain.json").is_file()
    assert shown
    assert _identity().encode() not in (tmp_path / "plain.json").read_bytes()
    (entry,) = services.disclosure.entries()
    assert (entry.kind, entry.with_reporter_identity) == (DisclosureKind.EXCHANGE, False)

    def ticked(dialog: ReporterIdentityDialog) -> None:
        dialog.include.setChecked(True)
        assert not dialog.ok.isEnabled(), "a reason is required"
        dialog.reason.setText("court order 26/0412")
        assert dialog.ok.isEnabled()
        dialog.ok.click()

    prompter.dialogs.append(ticked)
    prompter.files.append(tmp_path / "with.json")
    window.export_action.trigger()
    assert _identity().encode() in (tmp_path / "with.json").read_bytes()
    entry = services.disclosure.entries()[-1]
    assert entry.with_reporter_identity and entry.reason == "court order 26/0412"

    prompter.dialogs.append(lambda dialog: dialog.reject())
    window.export_action.trigger()  # cancelled: no file asked for, nothing written
    assert len(services.disclosure.entries()) == 2


def test_the_mask_shows_no_length(qtbot) -> None:
    short, long = MaskedLineEdit(None, "Short"), MaskedLineEdit(None, "Long")  # type: ignore[arg-type]
    for edit in (short, long):
        qtbot.addWidget(edit)
        edit.resize(300, 30)
        edit.show()
    short.set_value("Al")
    long.set_value("Dr Margaret Wong-Fitzgerald, paediatric registrar on call")
    for edit in (short, long):
        assert edit.text() == "" and edit.displayText() == ""
        assert edit.placeholderText() == MASK
        face = QAccessible.queryAccessibleInterface(edit)
        assert face.text(QAccessible.Text.Value) == ""
    assert short.grab().toImage() == long.grab().toImage()
    assert short.value() == "Al"
    long.set_masked(False)
    assert long.echoMode() == QLineEdit.EchoMode.Normal
    assert long.text().startswith("Dr Margaret")
    long.set_masked(True)
    assert long.text() == "" and long.value().startswith("Dr Margaret")


def test_the_workspace_reporter_field_shows_no_length(qtbot, services: Services) -> None:
    from mdcc_desktop.ui.workspace.window import WorkspaceWindow

    conference_id = services.exchange.import_file(DEMO).conference_id
    services.conferences.set_mandatory_report(
        conference_id, MandatoryReport(made=True, reporter_identity="A" * 57)
    )
    ws = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(ws)
    ws.show()
    field = ws.details_panel.reporter
    assert field.text() == "" and field.placeholderText() == MASK
    ws.details_panel.show_reporter.click()
    assert field.text() == "A" * 57
    ws.details_panel.show_reporter.click()
    assert field.text() == ""
    assert services.conferences.conference(conference_id).mandatory_report.reporter_identity == (
        "A" * 57
    )


def test_the_workspace_and_tracker_exports_are_in_the_log(
    qtbot, tmp_path: Path, services: Services, prompter: RecordingPrompter
) -> None:
    """The GUI's own export sites (the Minutes menu, PDF included, and the tracker) each leave
    their entry: the services record them, whoever calls."""
    from mdcc_desktop.services.minutes import soffice
    from mdcc_desktop.ui.workspace.window import WorkspaceWindow

    conference_id = services.exchange.import_file(DEMO).conference_id
    ws = WorkspaceWindow(services, conference_id, prompter)
    qtbot.addWidget(ws)
    ws.show()
    # Issue 12 point 4: the letter goes into a folder, one per recipient (six in the demo).
    (tmp_path / "letters").mkdir()
    prompter.files += [tmp_path / "full.docx", tmp_path / "parents.docx", tmp_path / "letters"]
    ws.export_full_action.trigger()
    ws.export_parent_action.trigger()
    ws.letter_action.trigger()
    expected = [
        (DisclosureKind.MINUTES, "full"),
        (DisclosureKind.MINUTES, "parent"),
        *[(DisclosureKind.LETTER, "parent")] * 6,
    ]
    if soffice() is not None:
        prompter.files.append(tmp_path / "parents2.pdf")
        ws.export_parent_action.trigger()
        assert (tmp_path / "parents2.pdf").is_file()
        expected += [(DisclosureKind.MINUTES, "parent"), (DisclosureKind.PDF, "parent")]
    home = MainWindow(services, prompter)
    qtbot.addWidget(home)
    home.tracker_page.show_view("All actions")
    prompter.files.append(tmp_path / "actions.ics")
    home.tracker_page.export_button.click()
    expected.append((DisclosureKind.CALENDAR, None))
    assert [(e.kind, e.copy) for e in services.disclosure.entries()] == expected
    assert services.disclosure.entries()[-1].target == str(tmp_path / "actions.ics")
    ws.close()
