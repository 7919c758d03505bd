"""Issue 10, finding 5 / deliver 3 (issue 15, point 5): a visible focus indicator in every
view. Styles showed focus faintly or not at all (a table, a list, a button); one ring now
frames whatever has the keyboard focus, 2 px, in the palette's highlight made to stand out
3:1 from the window and the base colour (WCAG 2.2, 1.4.11) in light and dark palettes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.ui.widgets import theme


def palette(window: str, base: str, text: str, highlight: str) -> QPalette:
    p = QPalette()
    p.setColor(QPalette.ColorRole.Window, QColor(window))
    p.setColor(QPalette.ColorRole.Base, QColor(base))
    p.setColor(QPalette.ColorRole.WindowText, QColor(text))
    p.setColor(QPalette.ColorRole.Text, QColor(text))
    p.setColor(QPalette.ColorRole.Highlight, QColor(highlight))
    return p


PALETTES = {
    "light (Fusion)": palette("#efefef", "#ffffff", "#000000", "#308cc6"),
    "light (pale highlight)": palette("#f5f5f5", "#ffffff", "#000000", "#cce4f7"),
    "dark (Fusion)": palette("#353535", "#2a2a2a", "#ffffff", "#2a82da"),
    "dark (Breeze)": palette("#31363b", "#232629", "#eff0f1", "#3daee9"),
    "dark (deep highlight)": palette("#000000", "#121212", "#e0e0e0", "#0b3d91"),
}


@pytest.mark.parametrize("name", PALETTES)
def test_the_focus_colour_stands_out_3_to_1_in_light_and_dark_palettes(qapp, name: str) -> None:
    p = PALETTES[name]
    ring = theme.focus_colour(p)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        assert theme.contrast(ring, p.color(role)) >= theme.FOCUS_CONTRAST, (name, role)


def test_a_highlight_that_already_stands_out_is_kept(qapp) -> None:
    p = PALETTES["light (Fusion)"]
    assert theme.focus_colour(p) == p.color(QPalette.ColorRole.Highlight)


@pytest.fixture
def ring(qapp) -> Iterator[Any]:
    follower = theme.install_focus_ring(qapp)
    assert theme.install_focus_ring(qapp) is follower  # installed once
    yield follower
    # The application outlives this test: take the ring away again.
    if shiboken6.isValid(follower.ring):
        shiboken6.delete(follower.ring)
    shiboken6.delete(follower)


class Form(QWidget):
    """A line edit that takes the focus first, then one of each kind of widget."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.first = QLineEdit(self)
        self.widgets: dict[type, QWidget] = {
            kind: kind(self) for kind in (QTableView, QListWidget, QPushButton, QLineEdit)
        }
        for widget in (self.first, *self.widgets.values()):
            layout.addWidget(widget)


@pytest.fixture(params=["light (Fusion)", "dark (Fusion)"])
def form(request, qtbot) -> Form:
    window = Form()
    window.setPalette(PALETTES[request.param])
    qtbot.addWidget(window)
    window.resize(400, 500)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _around(widget: QWidget) -> QImage:
    """The widget as its window shows it (the ring is drawn over it, not inside it)."""
    parent = widget.parentWidget()
    assert parent is not None
    return parent.grab(widget.geometry()).toImage()


@pytest.mark.parametrize("kind", [QTableView, QListWidget, QPushButton, QLineEdit])
def test_a_focused_widget_is_framed_on_every_side(qtbot, ring: Any, form: Form, kind) -> None:
    widget = form.widgets[kind]
    form.first.setFocus()
    qtbot.waitUntil(form.first.hasFocus)
    unfocused = _around(widget)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    focused = _around(widget)
    assert focused != unfocused
    colour = theme.focus_colour(widget.palette())
    w, h = focused.width(), focused.height()
    for x, y in ((w // 2, 0), (w // 2, h - 1), (0, h // 2), (w - 1, h // 2)):
        assert focused.pixelColor(x, y) == colour, (kind.__name__, x, y)
    assert unfocused.pixelColor(w // 2, 0) != colour


def test_the_ring_follows_the_focus_and_leaves_with_a_closed_window(
    qtbot, ring: Any, form: Form
) -> None:
    button = form.widgets[QPushButton]
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    assert ring.ring.isVisible()
    assert ring.ring.geometry() == button.geometry()
    form.close()
    form.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(ring.ring) or not ring.ring.isVisible())


def test_the_mouse_reaches_the_focused_widget_through_the_ring(
    qtbot, ring: Any, form: Form
) -> None:
    """The ring is a masked frame: inside it the focused widget takes the mouse at once, and
    once the mouse has come over the frame the frame lets it through too."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QEnterEvent

    button = form.widgets[QPushButton]
    button.setFocus()
    qtbot.waitUntil(lambda: ring.ring.isVisible() and ring.ring.geometry() == button.geometry())
    inside = button.geometry().center()
    edge = button.geometry().topLeft() + QPoint(theme.FOCUS_WIDTH // 2, button.height() // 2)
    assert form.childAt(inside) is button
    assert ring.ring.mask().contains(ring.ring.mapFrom(form, edge))  # the frame is drawn there
    point = QPointF(ring.ring.mapFrom(form, edge))
    QApplication.sendEvent(ring.ring, QEnterEvent(point, point, QPointF(form.mapToGlobal(edge))))
    assert form.childAt(edge) is button
    assert form.childAt(inside) is button
