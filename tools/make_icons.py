"""Render the application icon's PNG sizes from its SVG: ``python tools/make_icons.py``.

Reads ``resources/icons/mdcc-desktop.svg`` and writes ``resources/icons/app/mdcc-desktop-N.png``
for each size in ``mdcc_desktop.resources.APP_ICON_SIZES`` (the window's icon, the Linux icon
theme's sizes, and the source PyInstaller turns into a Windows ``.ico`` or a macOS ``.icns``).
Qt's own SVG renderer does it (``PySide6.QtSvg`` ships in PySide6-Essentials), so nothing is
added to the project for it. ``--out DIR`` writes elsewhere (the tests check a fresh render);
``--check`` exits 1 when a committed PNG is missing or not of its size.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mdcc_desktop.resources import APP_ICON, APP_ICON_SIZES  # noqa: E402

SOURCE = ROOT / "resources" / "icons" / f"{APP_ICON}.svg"
OUT = ROOT / "resources" / "icons" / "app"


def render(out: Path, sizes: tuple[int, ...] = APP_ICON_SIZES) -> list[Path]:
    """Write one PNG per size into ``out``; the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {SOURCE} is not a valid SVG")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        path = out / f"{APP_ICON}-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"make_icons: could not write {path}")
        written.append(path)
    return written


def check(folder: Path) -> list[str]:
    """What is wrong with the PNGs in ``folder`` (missing, or not of their size)."""
    from PySide6.QtGui import QImage

    problems = []
    for size in APP_ICON_SIZES:
        path = folder / f"{APP_ICON}-{size}.png"
        image = QImage(str(path))
        if image.isNull():
            problems.append(f"{path.name}: missing or unreadable")
        elif (image.width(), image.height()) != (size, size):
            problems.append(f"{path.name}: {image.width()}x{image.height()}, not {size}x{size}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder (default {OUT})")
    parser.add_argument("--check", action="store_true", help="only check the PNGs in --out")
    args = parser.parse_args(argv)
    if args.check:
        problems = check(args.out)
        for problem in problems:
            print(f"make_icons: {problem}", file=sys.stderr)
        return 1 if problems else 0
    for path in render(args.out):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
