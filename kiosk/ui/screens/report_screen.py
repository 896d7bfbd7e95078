"""The report: verifications per day and kiosk, success rate, median time to verify.

Opened from the history screen. Reads the same store report as ``missedcall-kiosk
report``; the period is picked with large buttons (7 or 30 days). The report loads in
the background; "Please wait…" shows while it does.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.report import DayReport
from kiosk.ui.background import BackgroundWork
from kiosk.ui.i18n import Retranslating, format_count, format_date
from kiosk.ui.style import named, styled_background
from kiosk.ui.widgets.busy_note import BusyNote

PERIODS = (7, 30)


class ReportScreen(Retranslating, QWidget):
    """A table of days × kiosks; ``await load(days)`` gives the rows (newest day first)."""

    closed = Signal()

    def __init__(
        self,
        load: Callable[[int], Awaitable[list[DayReport]]],
        work: BackgroundWork,
        parent: QWidget | None = None,
    ) -> None:
        """``work`` runs the loads (its :meth:`~BackgroundWork.finish` waits for them)."""
        super().__init__(parent)
        self.setObjectName("reportScreen")
        styled_background(self)
        self._load = load
        self._work = work
        self.days = PERIODS[0]
        self._rows: list[DayReport] = []

        self.title = named(QLabel(), "screenTitle")
        self.period_buttons = {days: named(QPushButton(), "secondaryButton") for days in PERIODS}
        for days, button in self.period_buttons.items():
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, d=days: self.show_days(d))
        self.table = named(QTableWidget(0, 5), "reportTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.summary = named(QLabel(wordWrap=True), "historyMessage")
        self.back_button = named(QPushButton(), "secondaryButton")

        self.busy = BusyNote(*self.period_buttons.values())
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.busy)
        for button in self.period_buttons.values():
            header.addWidget(button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addLayout(header)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.back_button.clicked.connect(self.closed.emit)
        self.retranslate()

    def show_days(self, days: int) -> None:
        """Load and show the last ``days`` days (in the background)."""
        self.days = days
        for period, button in self.period_buttons.items():
            button.setChecked(period == days)
        self._work.run(self._show(days), busy=self.busy.set_busy)

    async def _show(self, days: int) -> None:
        self._rows = await self._load(days)
        self._fill()

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self.title.setText(self.tr("Report"))
        for days, button in self.period_buttons.items():
            button.setText(self.tr("{days} days").format(days=format_count(days)))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Day"),
                self.tr("Kiosk"),
                self.tr("Verified"),
                self.tr("Success"),
                self.tr("Median time"),
            ]
        )
        self.back_button.setText(self.tr("Back"))
        self._fill()

    def _fill(self) -> None:
        rows = self._rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            day = datetime(row.day.year, row.day.month, row.day.day, 12, tzinfo=UTC)
            cells = (
                format_date(day),
                row.kiosk_id,
                self.tr("{verified} of {total}").format(
                    verified=format_count(row.verified), total=format_count(row.total)
                ),
                _percent(row.success_rate),
                _seconds(row.median_seconds_to_verify),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(index, column, item)
        total = sum(row.total for row in rows)
        verified = sum(row.verified for row in rows)
        self.summary.setText(
            self.tr("{verified} of {total} verified in the last {days} days.").format(
                verified=format_count(verified), total=format_count(total), days=self.days
            )
            if total
            else self.tr("No verifications in the last {days} days.").format(days=self.days)
        )


def _percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate * 100:.0f} %"


def _seconds(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}" if minutes else f"{rest} s"
