"""``pyside6-lupdate`` over the package extracts every user-visible string under the context the
running app translates it in.

Runs the real tool (through ``tools/update_ts.py``, the script that regenerates
``resources/i18n/mdcc_zh_HK.ts``) into a temporary file and reads the result back. Skips when
lupdate is not installed.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mdcc_desktop.domain.messages import CATALOGUE
from mdcc_desktop.ui import labels

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "update_ts.py"
sys.path.insert(0, str(SCRIPT.parent))
from update_ts import find_lupdate  # noqa: E402

pytestmark = pytest.mark.skipif(find_lupdate() is None, reason="pyside6-lupdate not installed")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    ts = tmp_path_factory.mktemp("i18n") / "mdcc_test.ts"
    subprocess.run(
        [sys.executable, str(SCRIPT), "--ts", str(ts)], check=True, capture_output=True, text=True
    )
    found: dict[str, set[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        found.setdefault(name, set()).update(
            m.findtext("source") or "" for m in context.iter("message")
        )
    return found


# One or more strings of each screen, with the context they are translated in at run time.
SCREENS = {
    "MainWindow": ["Sections", "Keyboard shortcuts", "Import failed", "Delete conference %1"],
    "ConferenceListPage": ["Find conferences"],
    "ConferenceListModel": ["unknown"],
    "NewConferenceDialog": ["New conference"],
    "TrackerPage": ["Which actions", "Export actions"],
    "Tracker": [" (overdue)", "Selected action"],
    "DeadlinesPage": ["OVERDUE"],
    "SearchPage": ["Search results"],
    "ChronologyDialog": ["Case chronology"],
    "WorkspaceWindow": ["Keyboard shortcuts"],
    "WorkspaceHeader": ["Scheduled %1"],
    "AgendaAndNotes": ["Saving…"],
    "AttendeesPanel": ["Quorum: %1 agencies present, %2 needed"],
    "DecisionsPanel": ["Other decision"],
    "SafetyPanel": ["not rated", "Safety scale of %1"],
    "WorkspaceOps": ["start the conference", "change the %1", "Give a scale before a note."],
    "Workspace": [" [RESTRICTED]"],
    "CirculateDialog": [],
    "Settings": ["Language", "Lock after (minutes idle)"],
    "Forms": ["none"],
    "app": ["MDCC Desktop is already open on this data folder; switched to it."],
}


@pytest.mark.parametrize("context", sorted(SCREENS))
def test_each_screen_is_extracted_under_its_context(
    extracted: dict[str, set[str]], context: str
) -> None:
    assert context in extracted
    missing = [text for text in SCREENS[context] if text not in extracted[context]]
    assert not missing


def test_every_label_header_and_shortcut_is_extracted(extracted: dict[str, set[str]]) -> None:
    tables = [
        labels.CONFERENCE_TYPES,
        labels.CONFERENCE_STATUSES,
        labels.SEXES,
        labels.DISCIPLINES,
        labels.ROLES,
        labels.ATTENDANCE,
        labels.DECISION_METHODS,
        labels.ACTION_STATUSES,
        labels.PRIORITIES,
        labels.COPY_KINDS,
        labels.SAFETY_SECTIONS,
        labels.SEARCH_KINDS,
        labels.CHRONOLOGY_KINDS,
        labels.CONFERENCE_FIELDS,
        labels.EXPORT_FILTERS,
    ]
    texts = {text for table in tables for text in table.values()}
    texts |= {*labels.HOME_PAGES, *labels.CONFERENCE_SECTIONS, *labels.TRACKER_VIEWS}
    assert texts - extracted["Labels"] == set()
    headers = {
        *labels.CONFERENCE_LIST_HEADERS,
        *labels.TRACKER_HEADERS,
        *labels.ATTENDEE_HEADERS,
        *labels.AGENDA_HEADERS,
        *labels.ACTION_HEADERS,
        *labels.DECISION_HEADERS,
        *labels.SCALING_HEADERS,
    }
    assert headers - extracted["Headers"] == set()
    # The card is made from the actions' own texts; only untitled actions need a table.
    shortcuts = {*labels.UNTITLED_ACTIONS.values(), labels.UNDO, labels.REDO}
    assert shortcuts - extracted["Shortcuts"] == set()


def test_every_message_template_is_extracted(extracted: dict[str, set[str]]) -> None:
    assert set(CATALOGUE.values()) - extracted["Messages"] == set()


def test_no_string_is_filed_under_a_context_the_app_never_uses(
    extracted: dict[str, set[str]],
) -> None:
    # A module-level tr() gives an empty context, window.tr() one named "window": the running
    # app looks those strings up elsewhere, so a translation there would never show.
    odd = {name for name in extracted if not name or not name[0].isupper()} - {"app"}
    assert odd == set()
