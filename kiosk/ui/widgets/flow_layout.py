"""A row of buttons that wraps onto more lines when the screen is too narrow for it.

Qt has no wrapping layout of its own (its documentation carries one as an example);
this is that layout, so a row of actions on a 480-pixel-wide portrait panel breaks
between buttons instead of squeezing them until their words are cut. Items keep their
size hints; a line's spare room goes where :attr:`FlowLayout.alignment` says.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Lays items out left to right, starting a new line when the next one does not fit."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        spacing: int = 8,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._align = align
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        """Take ``item`` at the end of the flow."""
        self._items.append(item)

    def count(self) -> int:
        """How many items the flow holds."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        """The item at ``index``, or None."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        """Remove and return the item at ``index``."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        """The flow takes the width it is given and grows no further."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        """Its height depends on its width (more lines when narrower)."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        """The height of the flow laid out ``width`` pixels wide."""
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        """Place the items in ``rect``."""
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Every item on one line."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown)
        width += self.spacing() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        """As wide as the widest item (each on its own line)."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in ``rect`` (or only measure); returns the height used."""
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            width = min(item.sizeHint().width(), area.width())
            if lines[-1] and used + self.spacing() + width > area.width():
                lines.append([])
                used = 0
            used += (self.spacing() if lines[-1] else 0) + width
            lines[-1].append(item)
        if not lines[0]:
            return margins.top() + margins.bottom()
        y = area.top()
        for line in lines:
            widths = [min(item.sizeHint().width(), area.width()) for item in line]
            height = max(item.sizeHint().height() for item in line)
            total = sum(widths) + self.spacing() * (len(line) - 1)
            x = area.left() + _offset(self._align, area.width() - total)
            for item, width in zip(line, widths, strict=True):
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
                x += width + self.spacing()
            y += height + self.spacing()
        return y - self.spacing() - area.top() + margins.top() + margins.bottom()


def _offset(align: Qt.AlignmentFlag, spare: int) -> int:
    """Where a line starts, for its spare room and the flow's alignment."""
    if align & Qt.AlignmentFlag.AlignHCenter:
        return max(spare, 0) // 2
    if align & Qt.AlignmentFlag.AlignRight:
        return max(spare, 0)
    return 0
