"""The report as a PDF: heading, kiosk, period, summary, the chart and the table.

Drawn with ``QPainter`` on ``QPdfWriter`` (both in PySide6-Essentials): the chart is
the screen's own :func:`~kiosk.ui.widgets.day_chart.paint_day_chart`, so paper and
screen agree, and the bundled fonts are embedded, so Hindi is set as on screen. The
table runs onto more pages when a long period needs them, its header repeated.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from kiosk.domain.report import DayReport
from kiosk.ui.widgets.day_chart import ChartWords, paint_day_chart

#: Dots per inch of the page's coordinates (text and lines are vectors whatever it is).
RESOLUTION = 300
_MARGIN_MM = 15.0


@dataclass(frozen=True, slots=True)
class ReportDocument:
    """Everything the PDF shows, already in words (the staff's language)."""

    title: str
    lines: Sequence[str]
    chart_days: Sequence[DayReport]
    chart_words: ChartWords
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]


def pdf_bytes(document: ReportDocument) -> bytes:
    """The PDF file's contents for ``document`` (A4, portrait)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(document.title)
    writer.setCreator("missedcall-kiosk")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(writer)
    try:
        _paint(painter, writer, document)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def write_private(path: Path, content: bytes) -> Path:
    """Write a new file readable by this user only; returns where it went.

    An existing file is never overwritten: the name gets "-2", "-3", … instead.
    """
    candidate = path
    for number in range(2, 100):
        try:
            descriptor = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            candidate = path.with_stem(f"{path.stem}-{number}")
            continue
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        return candidate
    raise FileExistsError(f"Too many files named like {path.name}")


def _font(points: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _paint(painter: QPainter, writer: QPdfWriter, document: ReportDocument) -> None:
    width = float(writer.width())
    height = float(writer.height())
    painter.setFont(_font(18, bold=True))
    y = _text_line(painter, document.title, 0.0, width)
    painter.setFont(_font(11))
    for text in document.lines:
        y = _text_line(painter, text, y, width)
    y += QFontMetricsF(painter.font()).height()
    painter.setFont(_font(10))
    chart = QRectF(0, y, width, width * 0.45)
    paint_day_chart(painter, chart, document.chart_days, document.chart_words)
    y = chart.bottom() + QFontMetricsF(painter.font()).height() * 1.5
    _paint_table(painter, writer, document, y, width, height)


def _text_line(painter: QPainter, text: str, y: float, width: float) -> float:
    """Draw ``text`` (wrapped) at ``y``; returns the y below it."""
    box = painter.boundingRect(QRectF(0, y, width, 0), Qt.TextFlag.TextWordWrap, text)
    painter.setPen(QColor("#111827"))
    painter.drawText(box, Qt.TextFlag.TextWordWrap, text)
    return box.bottom() + QFontMetricsF(painter.font()).height() * 0.25


def _paint_table(
    painter: QPainter,
    writer: QPdfWriter,
    document: ReportDocument,
    y: float,
    width: float,
    height: float,
) -> None:
    painter.setFont(_font(10))
    row_height = QFontMetricsF(painter.font()).height() * 1.6
    column = width / max(len(document.headers), 1)

    def paint_row(cells: Sequence[str], top: float, *, header: bool) -> None:
        painter.setFont(_font(10, bold=header))
        if header:
            painter.fillRect(QRectF(0, top, width, row_height), QColor("#f3f4f6"))
        painter.setPen(QColor("#111827"))
        for index, text in enumerate(cells):
            box = QRectF(column * index, top, column, row_height)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(QPen(QColor("#d1d5db"), RESOLUTION / 144))
        painter.drawLine(0, round(top + row_height), round(width), round(top + row_height))

    paint_row(document.headers, y, header=True)
    y += row_height
    for row in document.rows:
        if y + row_height > height:
            writer.newPage()
            y = 0.0
            paint_row(document.headers, y, header=True)
            y += row_height
        paint_row(row, y, header=False)
        y += row_height
