"""One way to find the files shipped beside the code: installed, editable or frozen.

An installed wheel (and the PyInstaller build) carries ``templates/`` and ``resources/`` inside
the package as ``mdcc_desktop/_data/``; a source checkout has them at the repository root.

It also makes the icons (``resources/icons``): the application's icon, and the menus' icons,
drawn in ``currentColor`` and painted at load in the palette's text colour, so that they read on
a light and on a dark palette alike. Qt is imported only inside those functions, so the command
line (which imports this module for the templates) starts without it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the GUI's types only: Qt is never imported for the command line
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QIcon

_PACKAGE = Path(__file__).resolve().parent

# The sizes a menu, a toolbar and a high-density screen ask for.
ICON_SIZES = (16, 20, 24, 32, 48, 64)
# The application icon's PNG sizes (tools/make_icons.py renders them from its SVG).
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
APP_ICON = "mdcc-desktop"
# The Linux desktop entry's and AppStream's id (resources/linux/): Wayland matches the windows
# to the menu entry, and so to its icon, by it.
DESKTOP_ID = "org.mdcc_desktop.MdccDesktop"
# Which icon an action gets, by the action's object name (windows name their actions).
ACTION_ICONS: dict[str, str] = {
    "new_conference": "new-conference",
    "open": "open",
    "import": "import",
    "export": "export",
    "demo": "demo",
    "quit": "quit",
    "undo": "undo",
    "redo": "redo",
    "delete_conference": "delete",
    "search": "search",
    "find": "search",
    "shortcuts": "shortcuts",
    "about": "about",
    "help": "help",
    "settings": "settings",
    "lock": "lock",
    "closures": "closures",
    "deadlines": "deadlines",
    "start": "start",
    "end": "end",
    "next_item": "next-item",
    "previous_item": "previous-item",
    "add_attendee": "add-attendee",
    "new_action": "new-action",
    "read_back": "read-back",
    "track": "tracker",
    "tracker": "tracker",
    "export_full": "minutes",
    "export_parent": "minutes",
    "letter": "minutes",
    "circulate": "circulate",
    "amendments": "amendments",
    "finalise": "finalise",
    "reopen": "reopen",
}
_ICON_PROPERTY = "mdccIcon"  # the icon name an action was given, to repaint it
_CURRENT_COLOR = re.compile(r"currentColor", re.IGNORECASE)


def data_dir(name: str) -> Path:
    """The shipped folder ``name`` ("templates" or "resources")."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the shipped folder {name!r} is missing from this installation")


def package_file(*parts: str) -> Path:
    """A file inside the package itself (schemas, demo data)."""
    return _PACKAGE.joinpath(*parts)


# --- icons ------------------------------------------------------------------------------------


def icon_file(name: str) -> Path:
    """The SVG of the menu icon ``name`` (``resources/icons/actions/NAME.svg``)."""
    path = data_dir("resources") / "icons" / "actions" / f"{name}.svg"
    if not path.is_file():
        raise FileNotFoundError(f"no icon named {name!r} in this installation")
    return path


def icon_names() -> list[str]:
    """Every menu icon shipped."""
    return sorted(p.stem for p in (data_dir("resources") / "icons" / "actions").glob("*.svg"))


def app_icon_file(size: int | None = None) -> Path:
    """The application icon: its SVG, or its PNG of ``size`` pixels."""
    folder = data_dir("resources") / "icons"
    if size is None:
        return folder / f"{APP_ICON}.svg"
    return folder / "app" / f"{APP_ICON}-{size}.png"


def recoloured_svg(name: str, colour: str) -> bytes:
    """The SVG of icon ``name`` with ``currentColor`` replaced by ``colour`` (e.g. ``#1a1a1a``)."""
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        raise ValueError(f"not a colour: {colour!r}")
    return _CURRENT_COLOR.sub(colour, icon_file(name).read_text(encoding="utf-8")).encode()


_cache: dict[tuple[str, str, str], QIcon] = {}


def icon(name: str) -> QIcon:
    """The menu icon ``name`` in the application palette's text colour (its disabled text
    colour when the action is disabled), rendered at the usual sizes; cached per colour."""
    from PySide6.QtCore import QByteArray, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
    from PySide6.QtSvg import QSvgRenderer

    palette = QGuiApplication.palette()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    key = (name, normal, disabled)
    if key in _cache:
        return _cache[key]
    made = QIcon()
    for mode, colour in ((QIcon.Mode.Normal, normal), (QIcon.Mode.Disabled, disabled)):
        renderer = QSvgRenderer(QByteArray(recoloured_svg(name, colour)))
        for size in ICON_SIZES:
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF(0, 0, size, size))
            painter.end()
            made.addPixmap(pixmap, mode)
    _cache[key] = made
    return made


def app_icon() -> QIcon:
    """The application's icon (window, task bar, dock), from its PNG sizes, else its SVG."""
    from PySide6.QtGui import QIcon

    made = QIcon()
    for size in APP_ICON_SIZES:
        path = app_icon_file(size)
        if path.is_file():
            made.addFile(str(path))
    if made.isNull():
        made.addFile(str(app_icon_file()))
    return made


def set_icon(action: Any, name: str) -> None:
    """Give ``action`` (a QAction or a button) the icon ``name``, repainted when the palette
    changes (``apply_icons``)."""
    action.setIcon(icon(name))
    action.setProperty(_ICON_PROPERTY, name)


def apply_icons(window: QObject) -> None:
    """Give each action of ``window`` whose object name is in ``ACTION_ICONS`` its icon, and
    paint them again in the new text colour whenever the palette changes (light to dark)."""
    from PySide6.QtGui import QAction

    for action in window.findChildren(QAction):
        name = action.property(_ICON_PROPERTY) or ACTION_ICONS.get(action.objectName())
        if name:
            set_icon(action, str(name))
    if not window.property("mdccIconsWatched"):
        window.setProperty("mdccIconsWatched", True)
        window.installEventFilter(_palette_watcher())


_watcher: list[Any] = []


def _palette_watcher() -> QObject:
    """One object, made once, that repaints a window's icons when its palette changes."""
    if _watcher:
        return _watcher[0]  # type: ignore[no-any-return]
    from PySide6.QtCore import QEvent, QObject

    class PaletteWatcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
                apply_icons(watched)
            return False

    _watcher.append(PaletteWatcher())
    return _watcher[0]  # type: ignore[no-any-return]
