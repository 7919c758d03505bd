"""The icons (issue 13, deliver 4): one set, found through ``mdcc_desktop.resources``, painted in
the palette's text colour so that they read on light and dark palettes, on the windows' menus,
and the application's own icon on every window."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette
from PySide6.QtSvg import QSvgRenderer

from mdcc_desktop import resources
from mdcc_desktop.services.context import Services
from tests.conftest import REPO

LIGHT_TEXT = "#f0f0f0"
DARK_TEXT = "#101010"


def palette(window: str, text: str) -> QPalette:
    p = QPalette()
    p.setColor(QPalette.ColorRole.Window, QColor(window))
    p.setColor(QPalette.ColorRole.WindowText, QColor(text))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#808080"))
    return p


@pytest.fixture
def dark(qapp: Any) -> Any:
    """The application under a dark palette for the test, its own palette back after."""
    before = QGuiApplication.palette()
    qapp.setPalette(palette("#202020", LIGHT_TEXT))
    yield qapp
    qapp.setPalette(before)


def ink(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> set[str]:
    """The colours of the icon's fully opaque pixels at 24 px."""
    image = icon.pixmap(24, 24, mode).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    found = set()
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if c.alpha() == 255:
                found.add(c.name())
    return found


def test_every_icon_an_action_names_is_shipped_and_drawn_in_current_color() -> None:
    shipped = set(resources.icon_names())
    assert set(resources.ACTION_ICONS.values()) <= shipped
    for name in shipped:
        svg = resources.icon_file(name).read_text(encoding="utf-8")
        assert "currentColor" in svg, name
        # one colour, the palette's: no colour of its own that a dark palette would hide
        assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgb\(", svg), name
        assert QSvgRenderer(QByteArray(svg.encode())).isValid(), name


def test_an_icon_is_painted_in_the_palettes_text_colour(dark: Any) -> None:
    assert ink(resources.icon("lock")) == {LIGHT_TEXT}
    assert ink(resources.icon("lock"), QIcon.Mode.Disabled) == {"#808080"}
    dark.setPalette(palette("#ffffff", DARK_TEXT))
    assert ink(resources.icon("lock")) == {DARK_TEXT}


def test_an_unknown_icon_or_colour_is_refused() -> None:
    with pytest.raises(FileNotFoundError):
        resources.icon_file("no-such-icon")
    with pytest.raises(ValueError):
        resources.recoloured_svg("lock", "red; onload=x")


def test_the_home_windows_menus_have_icons_that_follow_a_change_of_palette(
    qtbot: Any, services: Services, dark: Any
) -> None:
    from mdcc_desktop.ui.home.main_window import MainWindow

    window = MainWindow(services, open_on_overdue=False)
    qtbot.addWidget(window)
    for action in (window.new_action, window.open_action, window.export_action, window.quit_action):
        assert not action.icon().isNull(), action.objectName()
    assert ink(window.new_action.icon()) == {LIGHT_TEXT}
    dark.setPalette(palette("#ffffff", DARK_TEXT))  # the look changed to light while it is open
    dark.processEvents()  # Qt posts the change to the windows
    assert ink(window.new_action.icon()) == {DARK_TEXT}


def test_the_workspace_menus_have_icons(qtbot: Any, services: Services) -> None:
    from mdcc_desktop.services.demo import load_demo
    from mdcc_desktop.ui.workspace.window import WorkspaceWindow
    from tests.ui.home.test_main_window import RecordingPrompter

    conference_id = load_demo(services.exchange).conference_id
    window = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(window)
    for action in (
        window.circulate_action,
        window.finalise_action,
        window.track_action,
        window.read_back_action,
        window.export_full_action,
    ):
        assert not action.icon().isNull(), action.objectName()


def test_the_application_icon_has_every_size_and_the_app_sets_it(tmp_path: Path) -> None:
    for size in resources.APP_ICON_SIZES:
        image = QImage(str(resources.app_icon_file(size)))
        assert (image.width(), image.height()) == (size, size)
    assert not resources.app_icon().isNull()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MDCC_PASSPHRASE": "a long passphrase 1"}
    code = (
        "import sys; from mdcc_desktop import app;"
        f"rc = app.main(['--smoke', '--data-dir', {str(tmp_path / 'data')!r}]);"
        "from PySide6.QtWidgets import QApplication;"
        "print('icon', QApplication.instance().windowIcon().isNull(), rc)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.stdout.splitlines()[-1] == "icon False 0", out.stderr


def test_the_icon_script_renders_every_size(tmp_path: Path) -> None:
    script = REPO / "tools" / "make_icons.py"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def run(*args: str) -> int:
        done = subprocess.run(
            [sys.executable, str(script), *args], check=False, env=env, capture_output=True
        )
        return done.returncode

    assert run("--out", str(tmp_path)) == 0
    assert run("--check", "--out", str(tmp_path)) == 0
    assert run("--check", "--out", str(resources.app_icon_file(16).parent)) == 0  # committed
    (tmp_path / f"{resources.APP_ICON}-32.png").unlink()
    assert run("--check", "--out", str(tmp_path)) == 1


def test_icons_survive_the_garbage_collector_and_copies(tmp_path: Path) -> None:
    """Qt owns each icon's engine and calls back into its Python half: collected first, the next
    paint crashed the app. Run apart, so that a crash fails this test, not the whole run."""
    code = """
import gc
from PySide6.QtGui import QAction, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMenu
from mdcc_desktop import resources
app = QApplication([])
menu = QMenu()
for name in resources.icon_names():
    menu.addAction(QAction(resources.icon(name), name, menu))
resources._icons.clear()
gc.collect()
for action in menu.actions():
    copy = QIcon(action.icon())
    copy.addPixmap(QPixmap(4, 4))  # a change to a shared icon clones its engine
    action.setIcon(copy)
gc.collect()
menu.show()
app.processEvents()
print(sum(not a.icon().pixmap(16, 16).isNull() for a in menu.actions()), len(menu.actions()))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-500:]
    shown, made = done.stdout.split()
    assert shown == made != "0"
