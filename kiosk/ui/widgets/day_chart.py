"""The report's chart: verifications per day (verified and not, stacked) and the success rate.

:func:`paint_day_chart` draws on any ``QPainter``, so the report screen and the saved
PDF show the same picture. Bars count verifications (left axis); the line is each day's
success rate (right axis, 0–100 %). Colour is never the only signal: a legend names
each part, and the screen's table and summary give the numbers.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.domain.report import DayReport

VERIFIED = "#15803d"
NOT_VERIFIED = "#fca5a5"
NOT_VERIFIED_EDGE = "#b91c1c"
RATE = "#1d4ed8"
_GRID = "#d1d5db"
_TEXT = "#374151"


@dataclass(frozen=True, slots=True)
class ChartWords:
    """The chart's words in the current language, and each day's short label."""

    verified: str
    not_verified: str
    success_rate: str
    nothing: str
    day_labels: Sequence[str]


def nice_ceiling(value: int) -> int:
    """The smallest 1, 2 or 5 × 10ⁿ at or above ``value`` (at least 1): the left axis's top."""
    if value <= 1:
        return 1
    power: int = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def paint_day_chart(
    painter: QPainter, area: QRectF, days: Sequence[DayReport], words: ChartWords
) -> None:
    """Draw the chart for ``days`` (oldest first) into ``area`` with the painter's font."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    metrics = QFontMetricsF(painter.font())
    line = metrics.height()
    if not any(day.total for day in days):
        painter.setPen(QColor(_TEXT))
        painter.drawText(
            area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, words.nothing
        )
        painter.restore()
        return
    top = max(day.total for day in days)
    ceiling = nice_ceiling(top)
    left_axis = metrics.horizontalAdvance(str(ceiling)) + line * 0.5
    right_axis = metrics.horizontalAdvance("100 %") + line * 0.5
    legend = _paint_legend(painter, area, words, line)
    plot = QRectF(
        area.left() + left_axis,
        legend.bottom() + line * 0.6,
        area.width() - left_axis - right_axis,
        area.height() - legend.height() - line * 2.2,
    )
    _paint_axes(painter, plot, ceiling, line)
    slot = plot.width() / len(days)
    bar = min(slot * 0.6, line * 2.5)
    rate_points: list[QPointF | None] = []
    for index, day in enumerate(days):
        centre = plot.left() + slot * (index + 0.5)
        verified_h = plot.height() * day.verified / ceiling
        total_h = plot.height() * day.total / ceiling
        if day.verified:
            painter.fillRect(
                QRectF(centre - bar / 2, plot.bottom() - verified_h, bar, verified_h),
                QColor(VERIFIED),
            )
        if day.total > day.verified:
            rest = QRectF(centre - bar / 2, plot.bottom() - total_h, bar, total_h - verified_h)
            painter.fillRect(rest, QColor(NOT_VERIFIED))
            painter.setPen(QPen(QColor(NOT_VERIFIED_EDGE), max(line / 16, 1)))
            painter.drawRect(rest)
        rate = day.success_rate
        if rate is None:
            rate_points.append(None)
        else:
            height = plot.height() * min(max(rate, 0.0), 1.0)
            rate_points.append(QPointF(centre, plot.bottom() - height))
    _paint_rate(painter, rate_points, line)
    _paint_day_labels(painter, plot, words.day_labels, slot, line, metrics)
    painter.restore()


def _paint_legend(painter: QPainter, area: QRectF, words: ChartWords, line: float) -> QRectF:
    """The legend across the top; returns the space it took."""
    x = area.left()
    swatch = line * 0.7
    entries = (
        (QColor(VERIFIED), words.verified),
        (QColor(NOT_VERIFIED), words.not_verified),
        (QColor(RATE), words.success_rate),
    )
    metrics = QFontMetricsF(painter.font())
    for index, (colour, text) in enumerate(entries):
        box = QRectF(x, area.top() + (line - swatch) / 2, swatch, swatch)
        if index == 2:  # the rate is a line with dots
            painter.setPen(QPen(colour, max(line / 8, 1.5)))
            middle = box.center().y()
            painter.drawLine(QPointF(box.left(), middle), QPointF(box.right(), middle))
        else:
            painter.fillRect(box, colour)
        painter.setPen(QColor(_TEXT))
        text_box = QRectF(box.right() + line * 0.3, area.top(), area.width(), line)
        painter.drawText(text_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        x = text_box.left() + metrics.horizontalAdvance(text) + line
    return QRectF(area.left(), area.top(), area.width(), line)


def _paint_axes(painter: QPainter, plot: QRectF, ceiling: int, line: float) -> None:
    """Grid lines with counts on the left and percentages on the right."""
    steps = 4 if ceiling % 4 == 0 or ceiling >= 8 else min(ceiling, 2)
    for step in range(steps + 1):
        y = plot.bottom() - plot.height() * step / steps
        painter.setPen(QPen(QColor(_GRID), max(line / 20, 1)))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QColor(_TEXT))
        count = ceiling * step / steps
        label = f"{count:g}"
        left = QRectF(plot.left() - line * 4.5, y - line / 2, line * 4.2, line)
        painter.drawText(left, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        percent = f"{100 * step / steps:.0f} %"
        right = QRectF(plot.right() + line * 0.3, y - line / 2, line * 4.5, line)
        painter.setPen(QColor(RATE))
        painter.drawText(right, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, percent)


def _paint_rate(painter: QPainter, points: Sequence[QPointF | None], line: float) -> None:
    """Each day's success rate: dots, joined where consecutive days both had verifications."""
    pen = QPen(QColor(RATE), max(line / 8, 1.5))
    painter.setPen(pen)
    for before, after in itertools.pairwise(points):
        if before is not None and after is not None:
            painter.drawLine(before, after)
    painter.setBrush(QColor(RATE))
    radius = max(line / 6, 2.0)
    for point in points:
        if point is not None:
            painter.drawEllipse(point, radius, radius)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _paint_day_labels(
    painter: QPainter,
    plot: QRectF,
    labels: Sequence[str],
    slot: float,
    line: float,
    metrics: QFontMetricsF,
) -> None:
    """Dates under the bars; on a crowded axis every n-th one, newest always shown."""
    widest = max((metrics.horizontalAdvance(label) for label in labels), default=0.0) + line
    every = max(1, math.ceil(widest / slot))
    painter.setPen(QColor(_TEXT))
    last = len(labels) - 1
    for index, label in enumerate(labels):
        if (last - index) % every:
            continue
        centre = plot.left() + slot * (index + 0.5)
        box = QRectF(centre - widest / 2, plot.bottom() + line * 0.2, widest, line)
        if box.right() > plot.right() + line * 4:
            box.moveRight(plot.right() + line * 4)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)


class DayChart(QWidget):
    """The chart on the report screen; :meth:`show_days` gives it the period's days."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.days: list[DayReport] = []
        self.words = ChartWords("", "", "", "", ())

    def show_days(self, days: Sequence[DayReport], words: ChartWords) -> None:
        """Draw ``days`` (oldest first) with ``words``."""
        self.days = list(days)
        self.words = words
        self.update()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Room for the legend, a few bars and their dates."""
        line = round(QFontMetricsF(self.font()).height())
        return QSize(line * 12, line * 5)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Draw the chart in the widget's font."""
        painter = QPainter(self)
        font = QFont(self.font())
        painter.setFont(font)
        paint_day_chart(painter, QRectF(self.rect()), self.days, self.words)
        painter.end()
