"""The look (Settings → Look): follow the computer, or always light or dark.

"Follow the computer" keeps the palette the platform gave the app at start; light and dark use
Qt's Fusion style with a palette of their own, so that they look the same on every platform.
The colours of meaning (``ui/widgets/theme``) read the palette, so they follow at once.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from mdcc_desktop.ui.widgets.theme import dark_palette

LOOKS = ("system", "light", "dark")

_START: dict[str, object] = {}  # the platform's own style name and palette, kept once


def apply_look(look: str, app: object = None) -> None:
    """Show every window in ``look`` ("system", "light" or "dark"), at once."""
    app = app or QApplication.instance()
    if not isinstance(app, QApplication):
        return
    style = app.style()
    if not _START:
        _START["style"] = style.name() if style is not None else ""
        _START["palette"] = QPalette(app.palette())
    if look in ("light", "dark"):
        fusion = QStyleFactory.create("Fusion")
        if fusion is not None:
            app.setStyle(fusion)
            fusion = app.style()
        palette = dark_palette() if look == "dark" else app.style().standardPalette()
        app.setPalette(palette)
        return
    start_style = str(_START.get("style") or "")
    if start_style and style is not None and style.name() != start_style:
        restored = QStyleFactory.create(start_style)
        if restored is not None:
            app.setStyle(restored)
    start_palette = _START.get("palette")
    if isinstance(start_palette, QPalette):
        app.setPalette(start_palette)
