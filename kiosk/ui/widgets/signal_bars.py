"""Mobile signal strength as the familiar four rising bars (0–4 filled)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.i18n import Retranslating

MAX_BARS = 4


class SignalBars(Retranslating, QWidget):
    """Four bars, ``bars`` of them filled; the tooltip says it in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signalBars")
        self.bars = 0

    def set_bars(self, bars: int) -> None:
        """Show ``bars`` filled bars (clamped to 0–4)."""
        self.bars = min(max(int(bars), 0), MAX_BARS)
        self.retranslate()
        self.update()

    def retranslate(self) -> None:
        """Say the strength in words, in the current language."""
        self.setToolTip(self.tr("Signal: {bars} of 4 bars").format(bars=self.bars))
        self.setAccessibleName(self.toolTip())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """The height of a line of status text (it grows with the type)."""
        height = self.fontMetrics().height()
        return QSize(int(height * 1.25), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Never smaller than its hint: bars must stay readable."""
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Filled bars in white, empty ones as dim outlines (the strip is dark)."""
        painter = QPainter(self)
        width = self.width() / (MAX_BARS * 1.5)
        for index in range(MAX_BARS):
            height = self.height() * (index + 1) / MAX_BARS
            rect = QRectF(index * width * 1.5, self.height() - height, width, height)
            filled = index < self.bars
            painter.fillRect(rect, QColor("#f9fafb" if filled else "#4b5563"))
        painter.end()
