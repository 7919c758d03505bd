"""The Traditional Chinese (Hong Kong) catalogue: complete, faithful to its sources, built
reproducibly, and loaded by the app.

- every string ``pyside6-lupdate`` extracts from the code today has a finished translation (the
  committed ``.ts`` merged with a fresh extraction, as ``tools/update_ts.py`` does);
- every placeholder (``%1``, ``%n``, ``{name}``) and mnemonic (``&F``) of a source is in its
  translation, and the translation adds none;
- the committed ``.ts`` is what the translations table gives, and the committed ``.qm`` what
  ``tools/build_qm.py`` makes of it (twice the same bytes);
- the app's translator step loads it, Qt's own dialog strings too, and "system" follows the
  computer's locale; the main window and a workspace show Chinese.
"""

from __future__ import annotations

import ast
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mdcc_desktop import app as gui
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.widgets import dates

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools"
I18N = ROOT / "resources" / "i18n"
TS_FILE = I18N / "mdcc_zh_HK.ts"
QM_FILE = I18N / "mdcc_zh_HK.qm"
sys.path.insert(0, str(TOOLS))
from build_qm import find_lrelease  # noqa: E402
from translate_ts import lupdate_style, messages  # noqa: E402
from update_ts import find_lupdate  # noqa: E402

PLACEHOLDER = re.compile(r"%(?:L?\d+|n)|\{[A-Za-z_]\w*(?:![rsa])?(?::[^{}]*)?\}")
MNEMONIC = re.compile(r"&([^&\s])")


def translation_of(message: ET.Element) -> tuple[str, bool]:
    """The message's translation and whether it is finished (not "unfinished", not empty)."""
    element = message.find("translation")
    if element is None:
        return "", False
    if message.get("numerus") == "yes":
        forms = [f.text or "" for f in element.findall("numerusform")]
        text = forms[0] if forms else ""
        done = bool(forms) and all(forms)
    else:
        text = element.text or ""
        done = bool(text)
    return text, done and element.get("type") not in ("unfinished", "obsolete", "vanished")


def faults(source: str, translation: str) -> list[str]:
    """What the translation loses or adds of the source's placeholders and mnemonic."""
    found = []
    want, got = Counter(PLACEHOLDER.findall(source)), Counter(PLACEHOLDER.findall(translation))
    if want != got:
        found.append(f"placeholders {sorted(want.elements())} became {sorted(got.elements())}")
    keys = [k.lower() for k in MNEMONIC.findall(source.replace("&&", ""))]
    have = [k.lower() for k in MNEMONIC.findall(translation.replace("&&", ""))]
    if keys != have:
        found.append(f"mnemonic {keys} became {have}")
    return found


def unfinished(ts: Path) -> list[str]:
    return [
        f"[{context}] {message.findtext('source')}"
        for context, message in messages(ET.parse(ts).getroot())
        if not translation_of(message)[1]
    ]


@pytest.mark.skipif(find_lupdate() is None, reason="pyside6-lupdate not installed")
def test_every_string_the_code_has_today_is_translated(tmp_path: Path) -> None:
    # The committed catalogue merged with a fresh extraction of the code: a string added to the
    # code since, or one left unfinished, shows up unfinished here.
    ts = tmp_path / TS_FILE.name
    shutil.copy(TS_FILE, ts)
    subprocess.run(
        [sys.executable, str(TOOLS / "update_ts.py"), "--ts", str(ts), "--no-fill"],
        check=True,
        capture_output=True,
        text=True,
    )
    missing = unfinished(ts)
    assert not missing, (
        f"{len(missing)} strings need a translation: run tools/update_ts.py --add-missing, "
        "fill in resources/i18n/mdcc_zh_HK.tsv, run tools/update_ts.py and tools/build_qm.py "
        "(see resources/i18n/glossary.md)"
    )


def translatable_literals(path: Path) -> list[tuple[str, str, int]]:
    """(context, source, line) of every literal the module hands to ``self.tr`` (in its class's
    context), ``translate`` or ``QT_TRANSLATE_NOOP`` (in the context named)."""

    def literal(node: ast.expr) -> str | None:
        return (
            node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
        )

    found: list[tuple[str, str, int]] = []

    def walk(node: ast.AST, cls: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            cls = node.name
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            name = getattr(func, "attr", None) or getattr(func, "id", None)
            first = literal(node.args[0])
            is_self = isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "self"
            if name == "tr" and is_self and cls and first is not None:
                found.append((cls, first, node.lineno))
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) > 1 and first:
                source = literal(node.args[1])
                if source is not None:
                    found.append((first, source, node.lineno))
        for child in ast.iter_child_nodes(node):
            walk(child, cls)

    walk(ast.parse(path.read_text(encoding="utf-8")), None)
    return found


def test_lupdate_extracts_every_literal_the_code_translates() -> None:
    # lupdate skips some calls without a word: a tr() inside an f-string, a translate() whose
    # count is a call (len(...)). Such a string is never translated, however complete the table.
    catalogue = {
        (context, message.findtext("source"))
        for context, message in messages(ET.parse(TS_FILE).getroot())
    }
    skipped = [
        f"{path.relative_to(ROOT)}:{line} [{context}] {source!r}"
        for path in sorted((ROOT / "mdcc_desktop").rglob("*.py"))
        for context, source, line in translatable_literals(path)
        if (context, source) not in catalogue
    ]
    assert not skipped, "lupdate skips these (or run tools/update_ts.py)"


def test_the_literal_finder_sees_what_lupdate_skips(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "class Box:\n"
        "    def f(self, n):\n"
        "        a = f\"{n} {self.tr('present')}\"\n"
        "        b = QCoreApplication.translate('Other', '%n thing(s)', '', len(n))\n"
        "        c = QT_TRANSLATE_NOOP('Labels', 'key worker')\n",
        encoding="utf-8",
    )
    assert translatable_literals(module) == [
        ("Box", "present", 3),
        ("Other", "%n thing(s)", 4),
        ("Labels", "key worker", 5),
    ]


def test_the_check_finds_an_unfinished_or_empty_translation(tmp_path: Path) -> None:
    ts = tmp_path / "bad.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="zh_HK"><context>'
        "<name>A</name>"
        "<message><source>One</source><translation>一</translation></message>"
        '<message><source>Two</source><translation type="unfinished">二</translation></message>'
        "<message><source>Three</source><translation></translation></message>"
        '<message numerus="yes"><source>%n four</source><translation><numerusform>'
        "</numerusform></translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    assert unfinished(ts) == ["[A] Two", "[A] Three", "[A] %n four"]


def test_every_translation_keeps_the_placeholders_and_mnemonic_of_its_source() -> None:
    wrong = []
    for context, message in messages(ET.parse(TS_FILE).getroot()):
        source = message.findtext("source") or ""
        translation, _done = translation_of(message)
        wrong += [f"[{context}] {source!r}: {f}" for f in faults(source, translation)]
    assert not wrong


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("Imported %1.", "已匯入。"),  # a placeholder lost
        ("%n conference(s)", "個會議"),  # %n lost
        ("%1 could not be written: %2", "無法寫入 %1：%1"),  # %2 became %1
        ("{what} must not be empty", "不可留空"),  # a named placeholder lost
        ("A case with the reference {reference!r} already exists.", "{reference} 已存在。"),
        ("&File", "檔案"),  # the mnemonic lost
        ("&File", "檔案(&D)"),  # another key
        ("Close", "關閉(&C)"),  # a mnemonic the source does not have
    ],
)
def test_the_check_finds_a_lost_placeholder_or_mnemonic(source: str, translation: str) -> None:
    assert faults(source, translation)
    assert not faults(source, source)


def test_the_mnemonics_take_the_hong_kong_form() -> None:
    # "檔案(&F)": the key in brackets after the Chinese, as Windows and Qt write it.
    odd = []
    for _context, message in messages(ET.parse(TS_FILE).getroot()):
        translation, _done = translation_of(message)
        if MNEMONIC.search(translation) and not re.search(r"\(&[^&\s]\)", translation):
            odd.append(translation)
    assert not odd


def test_the_catalogue_is_the_translations_table_applied(tmp_path: Path) -> None:
    # A translation typed into the .ts by hand, not the table, would be lost at the next update.
    import translate_ts

    ts = tmp_path / TS_FILE.name
    shutil.copy(TS_FILE, ts)
    assert translate_ts.fill(ts) == []
    assert ts.read_text(encoding="utf-8") == TS_FILE.read_text(encoding="utf-8")
    # and written as lupdate writes it, so that an update changes only what the code changed
    root = ET.parse(TS_FILE).getroot()
    assert lupdate_style(root) == TS_FILE.read_text(encoding="utf-8")


@pytest.mark.skipif(find_lrelease() is None, reason="pyside6-lrelease not installed")
def test_the_shipped_qm_is_built_reproducibly_from_the_ts(tmp_path: Path) -> None:
    script = str(TOOLS / "build_qm.py")
    builds = []
    for name in ("one.qm", "two.qm"):
        subprocess.run(
            [sys.executable, script, "--qm", str(tmp_path / name)],
            check=True,
            capture_output=True,
            text=True,
        )
        builds.append((tmp_path / name).read_bytes())
    assert builds[0] == builds[1]
    assert QM_FILE.read_bytes() == builds[0], "run tools/build_qm.py after tools/update_ts.py"


def test_build_qm_says_clearly_when_lrelease_is_missing(tmp_path: Path) -> None:
    # Without PySide6 (an empty site) and without lrelease on the PATH: a message, exit code 2.
    env = {**os.environ, "PATH": str(tmp_path), "PYTHONNOUSERSITE": "1"}
    result = subprocess.run(
        [sys.executable, "-S", "-I", str(TOOLS / "build_qm.py"), "--qm", str(tmp_path / "x.qm")],
        check=False,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 2
    assert "pyside6-lrelease is not installed" in result.stderr
    assert not (tmp_path / "x.qm").exists()


def test_the_app_looks_for_the_catalogue_the_script_builds() -> None:
    assert gui.catalogue("zh-Hant") == QM_FILE
    assert gui.catalogue("en") is None


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[str]:
    """The interface in Chinese, as the start-up sequence makes it; English again afterwards."""
    before = set(qapp.findChildren(QTranslator))
    locale = QLocale()
    language = gui.install_translator("zh-Hant")
    labels.set_interface_language(language)
    dates.set_locale(language)
    yield language
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.setParent(None)
    labels.set_interface_language(None)
    QLocale.setDefault(locale)


def test_the_translator_step_loads_ours_and_qts(chinese: str) -> None:
    assert chinese == "zh-Hant"
    assert QCoreApplication.translate("MainWindow", "&File") == "檔案(&F)"
    assert QCoreApplication.translate("Labels", "key worker") == "主責社工"
    # Qt's own strings: a dialog's standard buttons
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    texts = {b.text() for b in box.buttons()}
    box.deleteLater()
    assert "取消" in texts
    assert dates.format_date(dt.date(2026, 11, 13)) == "2026年11月13日"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("zh_HK.UTF-8", "zh-Hant"), ("zh_TW.UTF-8", "zh-Hant"), ("en_GB.UTF-8", "en")],
)
def test_system_follows_the_computers_language(lang: str, expected: str) -> None:
    # QLocale.system() is read once per process: a process of its own for each locale.
    code = (
        "from PySide6.QtCore import QCoreApplication as A\n"
        "app = A([])\n"
        "from mdcc_desktop.app import install_translator\n"
        "print(install_translator('system'), A.translate('MainWindow', '&File'))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env |= {"LANG": lang, "LANGUAGE": "", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    file_menu = "檔案(&F)" if expected == "zh-Hant" else "&File"
    assert result.stdout.split() == [expected, file_menu]


def test_the_main_window_and_a_workspace_show_chinese(
    qtbot, chinese: str, services: Services
) -> None:
    from mdcc_desktop.ui.home.main_window import MainWindow
    from mdcc_desktop.ui.workspace.window import WorkspaceWindow
    from tests.conftest import EXAMPLE_COPY
    from tests.ui.home.test_main_window import RecordingPrompter

    conference_id = services.exchange.import_file(EXAMPLE_COPY).conference_id
    prompter = RecordingPrompter()
    home = MainWindow(services, prompter)
    qtbot.addWidget(home)
    home.show()
    menus = [a.text() for a in home.menuBar().actions()]
    assert menus[:2] == ["檔案(&F)", "編輯(&E)"]
    assert "說明(&H)" in menus
    sections = [home.sidebar.item(i).text() for i in range(home.sidebar.count())]
    assert sections[0] == "會議"
    assert sections[1].startswith("跟進行動")  # and how many are overdue
    model = home.table.model()
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert "個案" in headers

    ws = WorkspaceWindow(services, conference_id, prompter)
    qtbot.addWidget(ws)
    ws.show()
    tabs = [ws.side_tabs.tabText(i) for i in range(ws.side_tabs.count())]
    assert tabs[0] == "與會者(&S)"
    assert "決定(&D)" in tabs
    assert ws.menuBar().actions()[0].text() == "會議(&M)"


def test_in_chinese_the_deadlines_dates_and_the_closure_reason_are_not_cut_off(
    qtbot, chinese: str, services: Services
) -> None:
    # Two fixed widths that cut Chinese text at 1366x768: Qt's default column width for the
    # deadlines' dates, and the closure-days dialog's starting width for its reason field.
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    from mdcc_desktop.ui.followup.deadlines import DeadlinesPage
    from mdcc_desktop.ui.minutes.dialogs import ClosureDaysDialog
    from tests.conftest import EXAMPLE_COPY

    services.exchange.import_file(EXAMPLE_COPY)
    page = DeadlinesPage(services)
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    page.refresh()
    metrics = page.tree.fontMetrics()  # the dates' text; the column needs its margins too
    dues = []
    iterator = QTreeWidgetItemIterator(page.tree)
    while iterator.value() is not None:
        item = iterator.value()
        if item.parent() is not None:
            dues.append(item.text(1))
        iterator += 1
    assert dues and all("年" in d for d in dues)
    widest = max(metrics.horizontalAdvance(d) for d in dues)
    assert page.tree.columnWidth(1) >= page.tree.sizeHintForColumn(1) > widest

    dialog = ClosureDaysDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    reason = dialog.reason
    assert reason.width() > reason.fontMetrics().horizontalAdvance("原因（例如八號風球）")


def test_the_keyboard_card_in_chinese_drops_the_mnemonic_whole(qapp: object) -> None:
    """ "新增會議(&N)…" is "新增會議…" on the card, not "新增會議(N)…"."""
    from PySide6.QtGui import QAction

    from mdcc_desktop.ui.home.help import description

    def action(text: str) -> QAction:
        made = QAction(text)
        made.setShortcut("Ctrl+N")  # the card lists actions with a shortcut
        return made

    assert description(action("新增會議(&N)…")) == "新增會議…"
    assert description(action("&New conference…")) == "New conference…"
    assert description(action("Save && close")) == "Save & close"
