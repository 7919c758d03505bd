"""Warnings a chair can read in a light and a dark palette: every tone meets WCAG AA contrast
against the palette's window and base colours, and no module but the theme writes a colour."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette

from mdcc_desktop.ui.widgets import theme
from mdcc_desktop.ui.widgets.theme import Tone

PACKAGE = Path(theme.__file__).resolve().parents[2]


def palette(window: str, base: str, text: str) -> QPalette:
    p = QPalette()
    p.setColor(QPalette.ColorRole.Window, QColor(window))
    p.setColor(QPalette.ColorRole.Base, QColor(base))
    p.setColor(QPalette.ColorRole.WindowText, QColor(text))
    p.setColor(QPalette.ColorRole.Text, QColor(text))
    return p


PALETTES = {
    "light (Fusion)": palette("#efefef", "#ffffff", "#000000"),
    "light (alternate rows)": palette("#f5f5f5", "#f7f7f7", "#000000"),
    "dark (Fusion)": palette("#353535", "#2a2a2a", "#ffffff"),
    "dark (Breeze)": palette("#31363b", "#232629", "#eff0f1"),
    "dark (black)": palette("#000000", "#121212", "#e0e0e0"),
}


@pytest.mark.parametrize("name", PALETTES)
@pytest.mark.parametrize("tone", list(Tone))
def test_every_tone_meets_aa_contrast_in_light_and_dark_palettes(
    qapp, name: str, tone: Tone
) -> None:
    p = PALETTES[name]
    shade = theme.colour(tone, p)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        ratio = theme.contrast(shade, p.color(role))
        assert ratio >= theme.AA_CONTRAST, f"{tone} on {name} {role.name}: {ratio:.2f}"


def test_the_old_warning_colours_fail_on_a_dark_palette(qapp) -> None:
    """What users found: the red and amber of the light palette were kept on dark ones."""
    dark = PALETTES["dark (Fusion)"].color(QPalette.ColorRole.Base)
    assert theme.contrast(QColor("#d32f2f"), dark) < theme.AA_CONTRAST
    assert theme.contrast(QColor("#b26a00"), QColor("#ffffff")) < theme.AA_CONTRAST


def test_banner_text_is_readable_on_its_background() -> None:
    ratio = theme.contrast(QColor(theme.BANNER_TEXT), QColor(theme.BANNER_BACKGROUND))
    assert ratio >= theme.AA_CONTRAST


def test_dark_palette_is_recognised(qapp) -> None:
    assert theme.is_dark(PALETTES["dark (Breeze)"])
    assert not theme.is_dark(PALETTES["light (Fusion)"])
    assert theme.style(Tone.ERROR, bold=True, palette=PALETTES["dark (Fusion)"]) == (
        "color: #ff8a80; font-weight: bold;"
    )


def test_no_module_but_the_theme_writes_a_colour() -> None:
    literal = re.compile(r"#[0-9a-fA-F]{6}\b|QColor\(\s*Qt\.|\bQt\.GlobalColor\.(red|green)")
    offenders = [
        f"{path.relative_to(PACKAGE)}:{n}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "theme.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line)
    ]
    assert offenders == []
