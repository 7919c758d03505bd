"""Make the user guide's pictures and the keyboard card from the real app.

Each language runs in a process of its own (a catalogue is installed once, at start): it sets up
a data folder in a temporary directory, imports a conference (the shared example in English, the
demo Hong Kong MDCC in Chinese), opens the windows and dialogs a chair uses at 1366x768 under the
offscreen platform (no screen needed) and saves each as a PNG; the keyboard card is the Help
card, made from the windows' own actions, printed to an A4 PDF.

    .venv/bin/python tools/make_docs.py            # both languages, into docs/guide/
    .venv/bin/python tools/make_docs.py --language zh-Hant

Run it again after changing a screen: the guide's pictures then match the app.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SCREEN = (1366, 768)
LANGUAGES = ("en", "zh-Hant")
PASSPHRASE = "pictures for the guide, not a secret"
EXAMPLE = REPO / "tests" / "data" / "eng-initial-max.json"


def folder_name(language: str) -> str:
    return "en" if language == "en" else "zh-HK"


def make(language: str, out: Path) -> list[Path]:
    """Every picture and the card in ``language``; returns the files written."""
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
    from PySide6.QtWidgets import QApplication, QDialog, QWidget

    app = QApplication.instance() or QApplication([sys.argv[0]])
    from mdcc_desktop.app import install_translator
    from mdcc_desktop.domain.versions import DocumentCopy
    from mdcc_desktop.paths import AppPaths
    from mdcc_desktop.services.context import Services
    from mdcc_desktop.services.protection import Protection
    from mdcc_desktop.ui import labels
    from mdcc_desktop.ui.widgets import dates

    install_translator(language)
    labels.set_interface_language(language)
    dates.set_locale(language)
    from mdcc_desktop.ui.home import help as card_help
    from mdcc_desktop.ui.home.main_window import MainWindow
    from mdcc_desktop.ui.settings.dialog import SettingsDialog
    from mdcc_desktop.ui.unlock.dialogs import SetUpDialog, UnlockDialog
    from mdcc_desktop.ui.welcome.dialogs import AboutYouDialog, LanguageDialog
    from mdcc_desktop.ui.workspace.readback import ReadBackDialog
    from mdcc_desktop.ui.workspace.window import WorkspaceWindow

    pictures = out / "img" / folder_name(language)
    pictures.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(widget: QWidget, name: str, size: tuple[int, int] | None = SCREEN) -> None:
        if size is not None:
            widget.resize(*size)
        widget.show()
        for _ in range(5):
            app.processEvents()
        path = pictures / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    with tempfile.TemporaryDirectory(prefix="mdcc-docs-") as tmp:
        fresh = AppPaths(Path(tmp) / "new")
        save(LanguageDialog(language), "01-welcome-language", None)
        save(SetUpDialog(Protection(fresh), existing=False), "02-set-up-passphrase", None)
        paths = AppPaths(Path(tmp) / "data")
        made = Protection(paths).set_up(PASSPHRASE)
        services = Services.open(paths, key=made.db_key)
        try:
            if language == "en":
                conference_id = services.exchange.import_file(EXAMPLE).conference_id
            else:
                from mdcc_desktop.services.demo import load_demo

                conference_id = load_demo(services.exchange).conference_id
            save(UnlockDialog(Protection(paths)), "03-unlock", None)
            profiles = [(p.code, labels.profile_label(p)) for p in services.profiles.all()]
            save(AboutYouDialog(profiles, services.settings.current), "04-about-you", None)
            home = MainWindow(services)
            home.sidebar.setCurrentRow(0)
            home.select_conference(conference_id)
            save(home, "10-home-conferences")
            home.sidebar.setCurrentRow(1)
            save(home, "11-home-actions")
            home.sidebar.setCurrentRow(2)
            save(home, "12-home-deadlines")
            workspace = WorkspaceWindow(services, conference_id, home.prompter)
            for index, name in enumerate(
                ("attendees", "actions", "decisions", "safety", "details")
            ):
                workspace.side_tabs.setCurrentIndex(index)
                save(workspace, f"2{index}-workspace-{name}")
            read_back = ReadBackDialog(workspace.controller, workspace)
            save(read_back, "30-read-back", None)
            read_back.close()
            settings = SettingsDialog(services, home)
            save(settings, "40-settings", None)
            settings.close()
            from mdcc_desktop.ui.backups.dialogs import RestoreDialog
            from mdcc_desktop.ui.lock.screen import LockScreen
            from mdcc_desktop.ui.minutes.history import HistoryDialog
            from mdcc_desktop.ui.records.log_window import DisclosureLogDialog

            services.minutes.issue(conference_id, [DocumentCopy.FULL, DocumentCopy.PARENT])
            save(HistoryDialog(services, conference_id), "31-history", (1100, 520))
            save(DisclosureLogDialog(services, home.prompter), "41-disclosure-log", (1000, 520))
            services.backups.back_up("manual")
            save(RestoreDialog(services.backups.backups()), "42-restore-backup", None)
            save(LockScreen(Protection(paths)), "43-lock-screen", None)
            document = QTextDocument()
            document.setHtml("<h2>MDCC Desktop</h2>" + card_help.shortcuts_table(home, [workspace]))
            card = out / f"keyboard-card.{folder_name(language)}.pdf"
            writer = QPdfWriter(str(card))
            writer.setResolution(96)  # the document's sizes are screen pixels: print them so
            writer.setPageLayout(
                QPageLayout(
                    QPageSize(QPageSize.PageSizeId.A4),
                    QPageLayout.Orientation.Portrait,
                    QMarginsF(15, 15, 15, 15),
                )
            )
            writer.setTitle("MDCC Desktop keyboard shortcuts")
            writer.setCreator("MDCC Desktop tools/make_docs.py")
            document.setPageSize(QSizeF(writer.width(), writer.height()))
            document.print_(writer)
            written.append(card)
            workspace.close()
            home.close()
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QDialog):
                    widget.close()
        finally:
            services.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "guide")
    parser.add_argument("--language", choices=(*LANGUAGES, "all"), default="all")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        for path in make(args.language, args.out):
            print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
        return 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("MDCC_DATA_DIR", None)
    languages = LANGUAGES if args.language == "all" else (args.language,)
    for language in languages:
        done = subprocess.run(
            [sys.executable, __file__, "--one", "--language", language, "--out", str(args.out)],
            env=env,
            check=False,
        )
        if done.returncode != 0:
            return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
