"""The app's few colours, by meaning, for the light and the dark palette alike.

Warnings and errors are never told by colour alone (the text says it too), but where colour is
used it must be readable: each tone has a light-palette and a dark-palette shade, chosen from the
palette in use (the app follows the system's palette), and every shade meets WCAG 2.2 AA
contrast (4.5:1) against the palette's window and base colours; a test checks both palettes.
No other module writes a colour literal (a test guards that too).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QEnterEvent, QGuiApplication, QPalette, QRegion
from PySide6.QtWidgets import QApplication, QWidget


class Tone(Enum):
    ERROR = "error"  # refused, overdue, over time, quorum not met
    WARNING = "warning"  # soon, check this, not saved yet
    OK = "ok"  # met, stored


# (light palette, dark palette)
_SHADES: dict[Tone, tuple[str, str]] = {
    Tone.ERROR: ("#b3261e", "#ff8a80"),
    Tone.WARNING: ("#8a4b00", "#ffc46b"),
    Tone.OK: ("#1b5e20", "#8fd694"),
}
# A banner: light text on a strong background, the same in both palettes.
BANNER_BACKGROUND = "#a1221b"
BANNER_TEXT = "#ffffff"

AA_CONTRAST = 4.5


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (the application's by default) has light text on a dark window."""
    if palette is None:
        palette = QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return text.lightness() > window.lightness()


def colour(tone: Tone, palette: QPalette | None = None) -> QColor:
    """The shade of ``tone`` readable on ``palette`` (the application's by default)."""
    light, dark = _SHADES[tone]
    return QColor(dark if is_dark(palette) else light)


def style(tone: Tone, bold: bool = False, palette: QPalette | None = None) -> str:
    """A style sheet fragment setting the text colour to ``tone`` (bold if asked)."""
    css = f"color: {colour(tone, palette).name()};"
    return css + " font-weight: bold;" if bold else css


def banner_style() -> str:
    """A style sheet for a banner that must not be missed (the locked conference)."""
    return (
        f"background: {BANNER_BACKGROUND}; color: {BANNER_TEXT}; font-weight: bold; padding: 4px;"
    )


def html_span(text: str, tone: Tone, bold: bool = False) -> str:
    """``text`` (already escaped) in ``tone``, for labels that show rich text."""
    weight = "; font-weight:bold" if bold else ""
    return f"<span style='color:{colour(tone).name()}{weight}'>{text}</span>"


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = _luminance(a), _luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


# --- the focus ring ---------------------------------------------------------------------------
# Styles show focus faintly or not at all (a table, a list, a tab bar, a button in some
# styles). One ring, drawn over the edge of whatever widget has the keyboard focus, in the
# palette's highlight colour made to meet WCAG 2.2's 3:1 for what is not text (1.4.11)
# against the window and the base colour, in light and dark palettes alike.

FOCUS_CONTRAST = 3.0
FOCUS_WIDTH = 2


def focus_colour(palette: QPalette | None = None) -> QColor:
    """The palette's highlight, moved towards its text colour until it stands out 3:1 from
    both the window and the base colour."""
    if palette is None:
        palette = QGuiApplication.palette()
    backgrounds = (palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base))
    start = palette.color(QPalette.ColorRole.Highlight)
    toward = palette.color(QPalette.ColorRole.WindowText)
    for step in range(21):
        share = step / 20
        c = QColor.fromRgbF(
            start.redF() + (toward.redF() - start.redF()) * share,
            start.greenF() + (toward.greenF() - start.greenF()) * share,
            start.blueF() + (toward.blueF() - start.blueF()) * share,
        )
        if all(contrast(c, b) >= FOCUS_CONTRAST for b in backgrounds):
            return c
    return QColor(toward)


class FocusRing(QWidget):
    """A frame over the edge of the focused widget, following it as it moves, resizes, hides
    or goes; it takes no mouse, no focus and nothing a screen reader reads.

    The frame is the widget's own background (filled by Qt, in the ring's colour) cut to a
    2-pixel border by a mask, so that nothing of it is painted in Python and, with the mask,
    the focused widget inside the frame takes the mouse as it did without the ring. It is up
    at every start, before the first window is shown: none of this touches Qt's ``Qt``
    namespace, whose first use builds all its enums (some 15 ms). The frame itself takes no
    mouse either once the mouse first comes over it (``WA_TransparentForMouseEvents``, set
    then, from that namespace)."""

    def __init__(self) -> None:
        super().__init__(None)
        self.setAutoFillBackground(True)
        self.target: QWidget | None = None
        self._colour: QColor | None = None
        self._size = (-1, -1)

    def follow(self, widget: QWidget | None) -> None:
        if self.target is not None and shiboken6.isValid(self.target):
            self.target.removeEventFilter(self)
        self.target = None
        parent = widget.parentWidget() if widget is not None else None
        if widget is None or parent is None or widget.isWindow():
            self.hide()
            return
        self.target = widget
        self.setParent(parent)
        widget.installEventFilter(self)  # a widget that goes takes the focus with it
        self._colour_from(widget)
        self._place()

    def _colour_from(self, target: QWidget) -> None:
        colour = focus_colour(target.palette())
        if self._colour is None or colour != self._colour:  # (a QColor against None: Qt's enums)
            self._colour = colour
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.Window, colour)
            self.setPalette(palette)

    def _place(self) -> None:
        target = self.target
        if target is None or not shiboken6.isValid(target):
            return
        geometry = target.geometry()
        self.setGeometry(geometry)
        size = (geometry.width(), geometry.height())
        if size != self._size:
            self._size = size
            outer = QRegion(0, 0, size[0], size[1])
            inner = QRegion(
                FOCUS_WIDTH, FOCUS_WIDTH, size[0] - 2 * FOCUS_WIDTH, size[1] - 2 * FOCUS_WIDTH
            )
            self.setMask(outer.subtracted(inner))
        self.setVisible(target.isVisible())
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.target:
            kind = event.type()
            if kind in _FOLLOWED:
                self._place()
            elif kind == QEvent.Type.PaletteChange:
                self._colour_from(self.target)
        return False

    def enterEvent(self, event: QEnterEvent) -> None:
        # The mouse is over the frame: from now on it passes through to the widget below.
        from PySide6.QtCore import Qt

        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        super().enterEvent(event)


_FOLLOWED = frozenset(
    {
        QEvent.Type.Move,
        QEvent.Type.Resize,
        QEvent.Type.Show,
        QEvent.Type.Hide,
        QEvent.Type.ZOrderChange,
    }
)


class _FocusFollower(QObject):
    """Moves the ring to each widget that takes the focus (a new ring if a window took the
    last one with it when it closed)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.ring = FocusRing()
        app.focusChanged.connect(self._moved)

    def _moved(self, old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self.ring):
            self.ring = FocusRing()
        self.ring.follow(new)


class _Installed:
    follower: _FocusFollower | None = None


def install_focus_ring(app: Any) -> Any:
    """Show a visible focus ring in every window of ``app`` (once; called at start).

    The follower made is remembered here rather than looked for among the application's
    children (``findChild`` wrapped each of them, the style among them, whose enums alone
    took some 5 ms at every start)."""
    follower = _Installed.follower
    if follower is not None and shiboken6.isValid(follower) and follower.parent() is app:
        return follower
    follower = None
    if isinstance(app, QApplication):
        follower = _FocusFollower(app)
        follower.ring.follow(app.focusWidget())
    _Installed.follower = follower
    return follower


def dark_palette() -> QPalette:
    """The palette of the dark look (Settings → Look → Dark), with the Fusion style: every text
    on its background above the AA contrast (tests/ui/widgets/test_theme.py)."""
    palette = QPalette()
    role = QPalette.ColorRole
    for which, value in (
        (role.Window, "#2b2b2b"),
        (role.WindowText, "#eeeeee"),
        (role.Base, "#1e1e1e"),
        (role.AlternateBase, "#2f2f2f"),
        (role.ToolTipBase, "#3a3a3a"),
        (role.ToolTipText, "#eeeeee"),
        (role.PlaceholderText, "#a0a0a0"),
        (role.Text, "#eeeeee"),
        (role.Button, "#353535"),
        (role.ButtonText, "#eeeeee"),
        (role.BrightText, "#ff6b6b"),
        (role.Highlight, "#3d7cc9"),
        (role.HighlightedText, "#ffffff"),
        (role.Link, "#8ab4f8"),
        (role.Light, "#505050"),
        (role.Midlight, "#404040"),
        (role.Mid, "#303030"),
        (role.Dark, "#1a1a1a"),
        (role.Shadow, "#000000"),
    ):
        palette.setColor(which, QColor(value))
    for which in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, which, QColor("#8a8a8a"))
    return palette
