"""The app's few colours, by meaning, for the light and the dark palette alike.

Warnings and errors are never told by colour alone (the text says it too), but where colour is
used it must be readable: each tone has a light-palette and a dark-palette shade, chosen from the
palette in use (the app follows the system's palette), and every shade meets WCAG 2.2 AA
contrast (4.5:1) against the palette's window and base colours; a test checks both palettes.
No other module writes a colour literal (a test guards that too).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QColor, QGuiApplication, QPalette


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
