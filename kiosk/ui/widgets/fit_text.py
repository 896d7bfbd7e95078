"""A one-line text that grows to fill its space and shrinks to fit: the number to dial.

The font scales with the height it is given (large screens get a huge number) and
never wider than the widget, so the number is never clipped on a small panel.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

_HEIGHT_SHARE = 0.72  # of the widget's height used by the glyphs
_SMALLEST_PX = 18
_WIDTH_SHARE = 0.96  # bold glyphs overhang their advance a little


class FitText(QWidget):
    """Paints :attr:`text` in the widget's (stylesheet) font, scaled to fit."""

    def __init__(self, parent: QWidget | None = None, *, object_name: str = "") -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def text(self) -> str:
        """The text shown."""
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - same name as QLabel's
        """Show ``text``."""
        self._text = text
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()

    def fitted_font(self) -> QFont:
        """The font the text is painted in at the current size."""
        font = QFont(self.font())
        size = int(max(self.height() * _HEIGHT_SHARE, _SMALLEST_PX))
        font.setPixelSize(size)
        room = self.width() * _WIDTH_SHARE
        width = QFontMetricsF(font).horizontalAdvance(self._text) if self._text else 0
        if width > room > 0:  # scale down, then step down while hinting still overflows
            size = max(int(size * room / width), _SMALLEST_PX)
            font.setPixelSize(size)
            while size > _SMALLEST_PX and QFontMetricsF(font).horizontalAdvance(self._text) > room:
                size -= 1
                font.setPixelSize(size)
        return font

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """The text at the stylesheet's font size."""
        metrics = QFontMetricsF(self.font())
        return QSize(int(metrics.horizontalAdvance(self._text)) + 4, int(metrics.height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Small enough to fit any panel: the text shrinks to fit."""
        font = QFont(self.font())
        font.setPixelSize(_SMALLEST_PX)
        metrics = QFontMetricsF(font)
        return QSize(int(metrics.horizontalAdvance(self._text)) + 4, int(metrics.height()))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Draw the text centred in the stylesheet's colour."""
        painter = QPainter(self)
        painter.setFont(self.fitted_font())
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._text)
        painter.end()
