"""Search results with the words found marked: bold and underlined (not by colour alone).

The item's own text stays plain (a screen reader reads it as it is); only the painting marks
each place the search text occurs, in any case and in both scripts.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``text``, case ignored, as (start, end) in ``text``.

    Folded a character at a time so a character whose fold is longer (ß → ss, ﬁ → fi) still
    maps back to the right place in the original text."""
    wanted = needle.casefold()
    if not wanted:
        return []
    folded: list[str] = []
    origin: list[int] = []  # the text index of each folded character
    for i, char in enumerate(text):
        for f in char.casefold():
            folded.append(f)
            origin.append(i)
    haystack = "".join(folded)
    spans: list[tuple[int, int]] = []
    start = 0
    while (at := haystack.find(wanted, start)) >= 0:
        end = at + len(wanted)
        spans.append((origin[at], origin[end - 1] + 1))
        start = end
    return spans


def marked_html(text: str, needle: str) -> str:
    """``text`` as HTML with every occurrence of ``needle`` (case ignored) bold and underlined."""
    parts: list[str] = []
    done = 0
    for start, end in _spans(text, needle.strip()):
        if start < done:  # a fold that straddles two matches: marked once
            continue
        parts.append(html.escape(text[done:start]))
        parts.append(f"<b><u>{html.escape(text[start:end])}</u></b>")
        done = end
    parts.append(html.escape(text[done:]))
    return "".join(parts)


class HighlightDelegate(QStyledItemDelegate):
    """Paints an item's text with ``needle`` marked, wrapping to the view's width."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.needle = ""

    def _text_rect(self, opt: QStyleOptionViewItem) -> QRectF:
        style = opt.widget.style() if opt.widget else None
        if style is None:
            return QRectF(opt.rect)
        return QRectF(style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget))

    def _document(self, opt: QStyleOptionViewItem, width: float) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(opt.font)
        doc.setHtml(marked_html(opt.text, self.needle))
        if width > 0:
            doc.setTextWidth(width)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect = self._text_rect(opt)
        doc = self._document(opt, rect.width())
        opt.text = ""  # the background, selection and focus as the style draws them; no text
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        # A list asks before it has laid the item out: wrap to the width the view shows.
        view = opt.widget
        if isinstance(view, QAbstractItemView) and opt.rect.width() <= 0:
            opt.rect.setWidth(view.viewport().width())
        text_width = self._text_rect(opt).width()
        slack = opt.rect.width() - text_width
        doc = self._document(opt, text_width)
        width = min(doc.idealWidth(), max(text_width, 1.0)) + slack
        return QSize(int(width), int(doc.size().height()) + 4)
