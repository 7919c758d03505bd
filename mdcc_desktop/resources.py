"""One way to find the files shipped beside the code: installed, editable or frozen.

An installed wheel (and the PyInstaller build) carries ``templates/`` and ``resources/`` inside
the package as ``mdcc_desktop/_data/``; a source checkout has them at the repository root.

It also makes the icons (``resources/icons``): the application's icon, and the menus' icons,
drawn in ``currentColor`` and painted when shown in the palette's text colour, so that they read
on a light and on a dark palette alike, and follow a change from one to the other. Qt is imported
only inside those functions, so the command line (which imports this module for the templates)
starts without it.
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
    """The SVG of icon ``name`` with ``currentColor`` replaced by ``colour`` (as
    ``QColor.name()`` writes it: a hash and six hexadecimal digits)."""
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        raise ValueError(f"not a colour: {colour!r}")
    return _CURRENT_COLOR.sub(colour, icon_file(name).read_text(encoding="utf-8")).encode()


_icons: dict[str, QIcon] = {}


def icon(name: str) -> QIcon:
    """The menu icon ``name``: painted when shown, at the size asked, in the text colour of the
    application's palette at that moment (its disabled text colour for a disabled action), so
    that it follows a change of palette; nothing is drawn until a menu or a button shows it."""
    if name not in _icons:
        from PySide6.QtGui import QIcon

        icon_file(name)  # an unknown name fails here, not when a menu is first opened
        _icons[name] = QIcon(_engine_class()(name))
    return _icons[name]


_engine: list[Any] = []  # the engine class, made once (Qt is imported only when it is)
# Each engine's Python object, kept while Qt holds the engine: Qt owns it and calls its Python
# methods, so its Python half must not be collected first (that crashes). Wrappers whose engine
# Qt has deleted are dropped as new engines are made.
_live_engines: list[Any] = []


def _engine_class() -> Any:
    if _engine:
        return _engine[0]
    import shiboken6
    from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
    from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap

    class PaletteIconEngine(QIconEngine):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name
            self._pixmaps: dict[tuple[int, int, str], QPixmap] = {}
            if len(_live_engines) > 256:
                _live_engines[:] = [e for e in _live_engines if shiboken6.isValid(e)]
            _live_engines.append(self)

        def clone(self) -> QIconEngine:
            return PaletteIconEngine(self.name)

        def key(self) -> str:
            return "mdcc-palette-svg"

        def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
            return self.scaledPixmap(size, mode, state, 1.0)

        def scaledPixmap(
            self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
        ) -> QPixmap:
            palette = QGuiApplication.palette()
            group = (
                QPalette.ColorGroup.Disabled
                if mode == QIcon.Mode.Disabled
                else QPalette.ColorGroup.Active
            )
            colour = palette.color(group, QPalette.ColorRole.WindowText).name()
            width = max(1, round(size.width() * scale))
            height = max(1, round(size.height() * scale))
            cached = (width, height, colour)
            if cached not in self._pixmaps:
                from PySide6.QtSvg import QSvgRenderer  # at the first icon shown, not at start

                pixmap = QPixmap(width, height)
                pixmap.fill(Qt.GlobalColor.transparent)
                painter = QPainter(pixmap)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                renderer = QSvgRenderer(QByteArray(recoloured_svg(self.name, colour)))
                renderer.render(painter, QRectF(0, 0, width, height))
                painter.end()
                pixmap.setDevicePixelRatio(scale)
                self._pixmaps[cached] = pixmap
            return self._pixmaps[cached]

        def paint(
            self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State
        ) -> None:
            scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
            painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    _engine.append(PaletteIconEngine)
    return PaletteIconEngine


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
    """Give ``action`` (a QAction or a button) the icon ``name``."""
    action.setIcon(icon(name))


def apply_icons(window: QObject) -> None:
    """Give each action of ``window`` whose object name is in ``ACTION_ICONS`` its icon (an
    action that has an icon already keeps it). The icons follow a change of palette by
    themselves: they are painted in the palette's colour whenever they are shown."""
    from PySide6.QtGui import QAction

    for action in window.findChildren(QAction):
        name = ACTION_ICONS.get(action.objectName())
        if name and action.icon().isNull():
            set_icon(action, name)
