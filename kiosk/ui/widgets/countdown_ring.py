"""The countdown ring: time left as a shrinking arc with the minutes and seconds inside.

Blue while there is time, amber near the end, red in the last seconds; the words
inside say the same, so colour is never the only signal.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.square_widget import SquareWidget

#: (seconds left at or below which, colour) — checked in order.
STAGES = ((10.0, "#dc2626"), (30.0, "#d97706"))
CALM = "#1d4ed8"
_TRACK = "#e5e7eb"


def colour_for(seconds_left: float) -> str:
    """The ring's colour with ``seconds_left`` to go."""
    for limit, colour in STAGES:
        if seconds_left <= limit:
            return colour
    return CALM


class CountdownRing(SquareWidget):
    """A ring that empties as time runs out; ``set_time`` repaints it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(180, parent)
        self.setObjectName("countdownRing")
        self.fraction = 1.0
        self.seconds_left = 0.0
        self.text = ""
        self.caption = ""

    @property
    def colour(self) -> str:
        """The colour the ring is painted in now."""
        return colour_for(self.seconds_left)

    def set_time(self, *, fraction: float, seconds_left: float, text: str, caption: str) -> None:
        """Show ``fraction`` (1 = all time left) and the words for it."""
        self.fraction = min(max(fraction, 0.0), 1.0)
        self.seconds_left = seconds_left
        self.text = text
        self.caption = caption
        self.setAccessibleName(f"{text} {caption}")
        self.update()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Small enough for an 800×480 panel, large enough to read the time."""
        return QSize(110, 110)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Draw the track, the remaining arc, the time and its caption."""
        side = min(self.width(), self.height())
        thickness = max(side / 11, 6.0)
        box = QRectF(
            (self.width() - side) / 2 + thickness / 2,
            (self.height() - side) / 2 + thickness / 2,
            side - thickness,
            side - thickness,
        )
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(_TRACK), thickness))
        painter.drawEllipse(box)
        colour = QColor(self.colour)
        pen = QPen(colour, thickness)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(box, 90 * 16, int(-360 * 16 * self.fraction))

        font = QFont(self.font())
        font.setPixelSize(max(int(side * 0.22), 12))
        font.setBold(True)
        painter.setFont(font)
        upper = QRectF(box.left(), box.top(), box.width(), box.height() * 0.62)
        painter.drawText(
            upper, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self.text
        )
        font.setPixelSize(max(int(side * 0.1), 10))
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(QColor("#374151"))
        lower = QRectF(box.left(), box.top() + box.height() * 0.62, box.width(), box.height() * 0.3)
        painter.drawText(
            lower, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.caption
        )
        painter.end()
