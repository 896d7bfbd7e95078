"""List rows of several lines that Qt draws whole, whatever fonts their lines mix.

Qt's item views elide a row's text at a line when the line after it would not fit, but
reckon that next line as tall as the current one. A first line drawn partly in a taller
font (Devanagari, or a symbol such as ✔ from Noto Sans Symbols2) above a plain Latin
line then loses the second line, although the row is as tall as both lines.
:class:`WholeLines` gives such rows the room that reckoning asks for.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

_UNBOUNDED = 1e6  # lay out each line at its natural width


def _shortfall(text: str, font: QFont) -> float:
    """How much taller than its lines Qt wants the text before it draws the last one."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    heights = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(_UNBOUNDED)
        heights.append(line.height())
    layout.endLayout()
    top = 0.0
    wanted = total = sum(heights)
    for height in heights[:-1]:
        wanted = max(wanted, top + 2 * height)
        top += height
    return wanted - total


class WholeLines(QStyledItemDelegate):
    """An item delegate whose rows are tall enough for Qt to draw every line of them."""

    def sizeHint(  # noqa: N802 - Qt API
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Qt's size for the row, with the room its eliding reckons on."""
        size = super().sizeHint(option, index)
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        return QSize(size.width(), size.height() + math.ceil(_shortfall(shown.text, shown.font)))
