"""The report: verifications per day and kiosk, success rate, median time to verify.

Opened from the history screen. Reads the same store report as ``missedcall-kiosk
report``; the period is picked with large buttons (7 or 30 days). A chart shows each
day's verifications (verified and not, stacked) and success rate, the table the
numbers; "Save as PDF" writes both, with the kiosk id, to the export folder. The
report loads in the background; "Please wait…" shows while it does.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.report import ALL_KIOSKS, DayReport, daily_totals, success_rate
from kiosk.ui.background import BackgroundWork
from kiosk.ui.i18n import Retranslating, format_count, format_date, format_time
from kiosk.ui.screens.report_pdf import ReportDocument, pdf_bytes, write_private
from kiosk.ui.style import named, styled_background
from kiosk.ui.widgets.busy_note import BusyNote
from kiosk.ui.widgets.day_chart import ChartWords, DayChart

PERIODS = (7, 30)


class ReportScreen(Retranslating, QWidget):
    """A chart and a table of days × kiosks; ``await load(days)`` gives the rows."""

    closed = Signal()

    def __init__(
        self,
        load: Callable[[int], Awaitable[list[DayReport]]],
        work: BackgroundWork,
        *,
        kiosk_id: Callable[[], str] = lambda: "",
        export_dir: Path | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        """``work`` runs the loads (its :meth:`~BackgroundWork.finish` waits for them).

        ``kiosk_id`` names this kiosk in the PDF, which is saved in ``export_dir``;
        ``today`` is the last day of a period (local time, as the report counts days).
        """
        super().__init__(parent)
        self.setObjectName("reportScreen")
        styled_background(self)
        self._load = load
        self._work = work
        self._kiosk_id = kiosk_id
        self._export_dir = export_dir or Path.home()
        self._today = today
        self.days = PERIODS[0]
        self._rows: list[DayReport] = []
        self._chart_days: list[DayReport] = []

        self.title = named(QLabel(), "screenTitle")
        self.period_buttons = {days: named(QPushButton(), "secondaryButton") for days in PERIODS}
        for days, button in self.period_buttons.items():
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, d=days: self.show_days(d))
        self.table = named(ScrollingTable(0, 5), "reportTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rate = named(QLabel(), "reportRate")
        self.summary = named(QLabel(wordWrap=True), "reportSummary")
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.chart = DayChart()
        self.message = named(QLabel(wordWrap=True), "historyMessage")
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.back_button = named(QPushButton(), "secondaryButton")
        self.pdf_button = named(QPushButton(), "primaryButton")

        self.busy = BusyNote(*self.period_buttons.values(), self.pdf_button)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.busy)
        for button in self.period_buttons.values():
            header.addWidget(button)
        figures = QHBoxLayout()
        figures.addWidget(self.rate)
        figures.addWidget(self.summary, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addLayout(header)
        layout.addLayout(figures)
        layout.addWidget(self.chart, 3)
        layout.addWidget(self.table, 2)
        layout.addLayout(bottom)
        self.back_button.clicked.connect(self.closed.emit)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.retranslate()

    def show_days(self, days: int) -> None:
        """Load and show the last ``days`` days (in the background)."""
        self.days = days
        for period, button in self.period_buttons.items():
            button.setChecked(period == days)
        self._work.run(self._show(days), busy=self.busy.set_busy)

    async def _show(self, days: int) -> None:
        self._rows = await self._load(days)
        last = self._today()
        self._chart_days = daily_totals(self._rows, last - timedelta(days=days - 1), last)
        self.message.clear()
        self._fill()

    def save_pdf(self) -> Path | None:
        """Save the report shown (chart, table, kiosk id) as a PDF in the export folder."""
        kiosk = re.sub(r"[^A-Za-z0-9_-]+", "-", self._kiosk_id()).strip("-") or "kiosk"
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = self._export_dir / f"report-{kiosk}-{self.days}-days-{stamp}.pdf"
        try:
            self._export_dir.mkdir(parents=True, exist_ok=True)
            path = write_private(path, pdf_bytes(self.document()))
        except OSError as exc:
            self.message.setText(
                self.tr("Could not save the file: {reason}").format(reason=exc.strerror or exc)
            )
            return None
        self.message.setText(self.tr("Saved to {path}").format(path=path))
        return path

    def document(self) -> ReportDocument:
        """The report shown, as the PDF sets it out (in the current language)."""
        now = datetime.now().astimezone()
        first = self._chart_days[0].day if self._chart_days else self._today()
        return ReportDocument(
            title=self.tr("Verification report"),
            lines=[
                self.tr("Kiosk: {kiosk}").format(kiosk=self._kiosk_id()),
                self.tr("Period: {first} – {last} ({days} days)").format(
                    first=_date_text(first), last=_date_text(self._today()), days=self.days
                ),
                f"{self.rate.text()}. {self.summary.text()}",
                self.tr("Saved on {date} at {time}").format(
                    date=format_date(now), time=format_time(now)
                ),
            ],
            chart_days=self._chart_days,
            chart_words=self._chart_words(),
            headers=self._headers(),
            rows=[self._cells(row) for row in self._rows],
        )

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self.title.setText(self.tr("Report"))
        for days, button in self.period_buttons.items():
            button.setText(self.tr("{days} days").format(days=format_count(days)))
        self.table.setHorizontalHeaderLabels(self._headers())
        self.back_button.setText(self.tr("Back"))
        self.pdf_button.setText(self.tr("Save as PDF"))
        self._fill()

    def _headers(self) -> list[str]:
        return [
            self.tr("Day"),
            self.tr("Kiosk"),
            self.tr("Verified"),
            self.tr("Success"),
            self.tr("Median time"),
        ]

    def _cells(self, row: DayReport) -> list[str]:
        return [
            _date_text(row.day),
            self.tr("all kiosks") if row.kiosk_id == ALL_KIOSKS else row.kiosk_id,
            self.tr("{verified} of {total}").format(
                verified=format_count(row.verified), total=format_count(row.total)
            ),
            _percent(row.success_rate),
            _seconds(row.median_seconds_to_verify),
        ]

    def _chart_words(self) -> ChartWords:
        return ChartWords(
            verified=self.tr("Verified"),
            not_verified=self.tr("Not verified"),
            success_rate=self.tr("Success rate"),
            nothing=self.tr("No verifications in this period."),
            day_labels=[
                QLocale().toString(QDate(day.day.year, day.day.month, day.day.day), "d MMM")
                for day in self._chart_days
            ],
        )

    def _fill(self) -> None:
        rows = self._rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, text in enumerate(self._cells(row)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(index, column, item)
        self.chart.show_days(self._chart_days, self._chart_words())
        rate = success_rate(self._chart_days)
        self.rate.setText(
            self.tr("Success rate: {rate}").format(rate=_percent(rate)) if rate is not None else ""
        )
        total = sum(row.total for row in self._chart_days)
        verified = sum(row.verified for row in self._chart_days)
        self.summary.setText(
            self.tr("{verified} of {total} verified in the last {days} days.").format(
                verified=format_count(verified), total=format_count(total), days=self.days
            )
            if total
            else self.tr("No verifications in the last {days} days.").format(days=self.days)
        )


class ScrollingTable(QTableWidget):
    """A table that needs room for its header and one row; the rest scrolls into view."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """The header and one row high (the chart above it comes first on a small panel)."""
        header = self.horizontalHeader().sizeHint().height()
        row = self.verticalHeader().defaultSectionSize()
        return QSize(super().minimumSizeHint().width(), header + row + 2 * self.frameWidth())


def _date_text(day: date) -> str:
    """A calendar day in the current locale's short form."""
    return format_date(datetime(day.year, day.month, day.day, 12, tzinfo=UTC))


def _percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate * 100:.0f} %"


def _seconds(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}" if minutes else f"{rest} s"
