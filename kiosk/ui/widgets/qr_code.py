"""A QR code widget: the matrix comes from segno, QPainter draws it crisp at any size."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.square_widget import SquareWidget

_QUIET_ZONE = 2  # modules of white around the code (phones scan 2 fine on a white page)


class QrCode(SquareWidget):
    """Draws the QR code of a text (such as a ``tel:`` link), square and centred."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(200, parent)
        self.setObjectName("qrCode")
        self._text = ""
        self._matrix: list[bytearray] = []

    @property
    def text(self) -> str:
        """What the code says."""
        return self._text

    def set_text(self, text: str) -> None:
        """Encode ``text`` (a regular QR code, never a Micro QR, which phones do not read)."""
        self._text = text
        self._matrix = [bytearray(row) for row in segno.make_qr(text, error="m").matrix]
        self.update()

    def modules(self) -> int:
        """Width of the code in modules, quiet zone included (0 when empty)."""
        return len(self._matrix) + 2 * _QUIET_ZONE if self._matrix else 0

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Below about 3 px a module, phone cameras struggle."""
        return QSize(100, 100)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Paint the modules as whole pixels so edges stay sharp."""
        count = self.modules()
        if not count:
            return
        side = min(self.width(), self.height())
        module = max(side // count, 1)
        drawn = module * count
        left = (self.width() - drawn) // 2
        top = (self.height() - drawn) // 2
        painter = QPainter(self)
        painter.fillRect(QRectF(left, top, drawn, drawn), QColor("#ffffff"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#000000"))
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(
                        left + (x + _QUIET_ZONE) * module,
                        top + (y + _QUIET_ZONE) * module,
                        module,
                        module,
                    )
        painter.end()
