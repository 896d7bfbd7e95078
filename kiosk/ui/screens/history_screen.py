"""The history screen: past verifications with a filter, a detail view, CSV export, the PIN log.

Numbers are masked (the history module hands out masked numbers only). Lists and
details load in the background (a shared database may be slow); "Please wait…"
shows while they do.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.history import HistoryEntry, VerificationHistory, export_csv
from kiosk.domain.pin_lock import PinEventKind
from kiosk.domain.session import Status
from kiosk.ui.background import BackgroundWork
from kiosk.ui.i18n import Retranslating, format_count, format_date, format_time
from kiosk.ui.screens.pin_log import PinLog
from kiosk.ui.status_words import headline, symbol
from kiosk.ui.style import named, styled_background
from kiosk.ui.widgets.busy_note import BusyNote
from kiosk.ui.widgets.list_rows import WholeLines

PERIODS = ("today", "week", "all")
# How far back the PIN log goes, and over how many days its button counts wrong PINs.
PIN_LOG_DAYS, PIN_ALERT_DAYS = 30, 7


class HistoryScreen(Retranslating, QWidget):
    """Lists verifications; emits :attr:`closed` when staff go back."""

    closed = Signal()
    report_requested = Signal()

    def __init__(
        self,
        history: VerificationHistory,
        export_dir: Path,
        work: BackgroundWork,
        parent: QWidget | None = None,
    ) -> None:
        """``work`` runs the loads (its :meth:`~BackgroundWork.finish` waits for them)."""
        super().__init__(parent)
        self.setObjectName("historyScreen")
        styled_background(self)
        self._history = history
        self._work = work
        self._export_dir = export_dir
        self._entries: list[HistoryEntry] = []

        self.title = named(QLabel(), "screenTitle")
        self.period = named(QComboBox(), "historyPeriod")
        self.status = named(QComboBox(), "historyStatus")
        self.search = named(QLineEdit(), "historySearch")
        self.search.setClearButtonEnabled(True)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search.setMinimumWidth(100)
        for box, letters in ((self.period, 8), (self.status, 9)):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(letters)
        filters = self._filters = QGridLayout()
        filters.addWidget(self.period, 0, 0)
        filters.addWidget(self.status, 0, 1)
        self.arrange(portrait=False)
        self.list = named(QListWidget(), "historyList")
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setWordWrap(True)
        self.list.setItemDelegate(WholeLines(self.list))
        self.list.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.message = named(QLabel(wordWrap=True), "historyMessage")
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.back_button = named(QPushButton(), "secondaryButton")
        self.export_button = named(QPushButton(), "primaryButton")
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.message, 1)
        bottom.addStretch()  # keeps Back its own size when the message is hidden
        bottom.addWidget(self.export_button)

        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addLayout(filters)
        listing_layout.addWidget(self.list, 1)

        self.detail = named(QLabel(wordWrap=True), "historyDetail")
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_scroll = named(QScrollArea(widgetResizable=True), "detailsScroll")
        self.detail_scroll.setWidget(self.detail)

        self.pin_log = PinLog()
        self.pages = named(QStackedWidget(), "historyPages")
        self.pages.addWidget(listing)
        self.pages.addWidget(self.detail_scroll)
        self.pages.addWidget(self.pin_log)
        self._wrong_pins = 0

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        self.busy = BusyNote(self.list)
        header.addWidget(self.busy)
        self.report_button = named(QPushButton(), "secondaryButton")
        self.report_button.hide()  # shown by offer_report() when a report can be made
        header.addWidget(self.report_button)
        self.pin_log_button = named(QPushButton(), "secondaryButton")
        header.addWidget(self.pin_log_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)

        self.period.currentIndexChanged.connect(self.refresh)
        self.status.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.list.itemActivated.connect(self._open)
        self.list.itemClicked.connect(self._open)
        self.back_button.clicked.connect(self._back)
        self.export_button.clicked.connect(self.export)
        self.report_button.clicked.connect(self.report_requested.emit)
        self.pin_log_button.clicked.connect(self.show_pin_log)
        self.retranslate()

    @property
    def entries(self) -> list[HistoryEntry]:
        """The verifications listed now (after the filter)."""
        return list(self._entries)

    def open(self) -> None:
        """Show today's verifications, newest first."""
        self.pages.setCurrentIndex(0)
        self._show_list_tools(True)
        self.message.clear()
        self.refresh()
        self.list.setFocus()

    def refresh(self) -> None:
        """Run the filter again and list what it finds (in the background)."""
        self._work.run(self._load(), busy=self.busy.set_busy)

    async def _load(self) -> None:
        since = _period_start(PERIODS[max(self.period.currentIndex(), 0)])
        status = self.status.currentData()
        # Loads finish in the order asked (one database thread): the last one stays.
        self._entries = await self._history.entries(
            since=since, status=status, text=self.search.text()
        )
        self.list.clear()
        for entry in self._entries:
            item = QListWidgetItem(self._row_text(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self._row_text(entry))
            self.list.addItem(item)
        if not self._entries:
            self.message.setText(self.tr("No verifications match."))
        else:
            self.message.setText(
                self.tr("{count} shown").format(count=format_count(len(self._entries)))
            )
        now = datetime.now(UTC)
        events = await self._history.staff_pin_events(since=now - timedelta(days=PIN_LOG_DAYS))
        self.pin_log.show_events(events)
        alert_since = now - timedelta(days=PIN_ALERT_DAYS)
        self._wrong_pins = sum(
            1 for e in events if e.kind is PinEventKind.WRONG and e.at >= alert_since
        )
        self._show_pin_log_button()

    def show_pin_log(self) -> None:
        """Open the staff-PIN log (wrong PINs and waits)."""
        self.pages.setCurrentWidget(self.pin_log)
        self._show_list_tools(False)
        self.back_button.setFocus()

    def _show_pin_log_button(self) -> None:
        """Red, with a count, when wrong PINs were typed in the last week."""
        alert = self._wrong_pins > 0
        self.pin_log_button.setObjectName("dangerButton" if alert else "secondaryButton")
        self.pin_log_button.style().unpolish(self.pin_log_button)
        self.pin_log_button.style().polish(self.pin_log_button)
        self.pin_log_button.setText(
            self.tr("⚠ Wrong PINs: {count}").format(count=format_count(self._wrong_pins))
            if alert
            else self.tr("PIN log")
        )

    def export(self) -> Path | None:
        """Write the listed verifications to a CSV file in the export folder."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = self._export_dir / f"verifications-{stamp}.csv"
        try:
            self._export_dir.mkdir(parents=True, exist_ok=True)
            count = export_csv(self._entries, path)
        except OSError as exc:
            self.message.setText(
                self.tr("Could not save the file: {reason}").format(reason=exc.strerror or exc)
            )
            return None
        self.message.setText(
            self.tr("Saved {count} rows to {path}").format(count=format_count(count), path=path)
        )
        return path

    def offer_report(self) -> None:
        """Show the button that opens the per-day report."""
        self.report_button.show()

    def arrange(self, portrait: bool) -> None:
        """The search beside the filters, or under them on a portrait panel (room to read)."""
        self._filters.removeWidget(self.search)
        if portrait:
            self._filters.addWidget(self.search, 1, 0, 1, 2)
            self._filters.setColumnStretch(2, 0)
        else:
            self._filters.addWidget(self.search, 0, 2)
            self._filters.setColumnStretch(2, 1)

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self.title.setText(self.tr("History"))
        self.report_button.setText(self.tr("Report"))
        self._show_pin_log_button()
        self.search.setPlaceholderText(self.tr("Reference, name or last digits"))
        self.back_button.setText(self.tr("Back"))
        self.export_button.setText(self.tr("Export CSV"))
        _refill(
            self.period,
            [
                (self.tr("Today"), "today"),
                (self.tr("Last 7 days"), "week"),
                (self.tr("All"), "all"),
            ],
        )
        _refill(
            self.status,
            [
                (self.tr("Every outcome"), None),
                (headline(Status.VERIFIED), Status.VERIFIED.value),
                (headline(Status.EXPIRED), Status.EXPIRED.value),
                (headline(Status.CANCELLED), Status.CANCELLED.value),
                (headline(Status.PENDING), Status.PENDING.value),
            ],
        )
        for index in range(self.list.count()):
            item = self.list.item(index)
            item.setText(self._row_text(item.data(Qt.ItemDataRole.UserRole)))

    def _row_text(self, entry: HistoryEntry) -> str:
        status = Status(entry.status)
        who = entry.customer_name or self.tr("Not on file")
        when = f"{format_date(entry.started_at)} {format_time(entry.started_at, seconds=False)}"
        details = "  ·  ".join(
            part for part in (when, entry.reference, entry.expected_number) if part
        )
        return f"{symbol(status)} {headline(status)} — {who}\n{details}"

    def _open(self, item: QListWidgetItem) -> None:
        entry: HistoryEntry = item.data(Qt.ItemDataRole.UserRole)
        self._work.run(self._show_detail(entry), busy=self.busy.set_busy)

    async def _show_detail(self, entry: HistoryEntry) -> None:
        calls = await self._history.calls(entry.id)
        status = Status(entry.status)
        lines = [
            f"<h2>{symbol(status)} {escape(headline(status))}</h2>",
            "<p>"
            + "<br>".join(
                escape("  ·  ".join(part for part in parts if part))
                for parts in (
                    (
                        entry.customer_name or self.tr("Not on file"),
                        entry.reference,
                        self.tr("Phone: {number}").format(number=entry.expected_number),
                    ),
                    (
                        self.tr("Started: {date} {time}").format(
                            date=format_date(entry.started_at),
                            time=format_time(entry.started_at),
                        ),
                        self.tr("Kiosk: {kiosk}").format(kiosk=entry.kiosk_id),
                    ),
                )
            )
            + "</p>",
            "<h3>" + escape(self.tr("Calls heard")) + "</h3>",
        ]
        if not calls:
            lines.append("<p>" + escape(self.tr("No call was heard.")) + "</p>")
        outcomes = {
            "matched": self.tr("the right phone"),
            "unmatched": self.tr("a different number"),
            "withheld": self.tr("a hidden number"),
            "unknown_caller": self.tr("call cut short before a number came"),
            "outside_window": self.tr("too late"),
            "no_session": self.tr("no verification waiting"),
        }
        lines += [
            "<p>"
            + escape(
                self.tr("{time}: {caller} via {source} — {outcome}").format(
                    time=format_time(call.at),
                    caller=call.caller or self.tr("no number"),
                    source=call.source,
                    outcome=outcomes.get(call.outcome, call.outcome),
                )
            )
            + "</p>"
            for call in calls
        ]
        self.detail.setText("".join(lines))
        self.pages.setCurrentWidget(self.detail_scroll)
        self._show_list_tools(False)
        self.back_button.setFocus()

    def _show_list_tools(self, shown: bool) -> None:
        """The count and the export belong to the list, not to one verification's page."""
        self.message.setVisible(shown)
        self.export_button.setVisible(shown)

    def _back(self) -> None:
        if self.pages.currentIndex() != 0:
            self.pages.setCurrentIndex(0)
            self._show_list_tools(True)
            self.list.setFocus()
        else:
            self.closed.emit()


def _refill(box: QComboBox, choices: list[tuple[str, object]]) -> None:
    """Replace a combo box's choices, keeping the selected position and staying quiet."""
    index = max(box.currentIndex(), 0)
    box.blockSignals(True)
    box.clear()
    for text, data in choices:
        box.addItem(text, data)
    box.setCurrentIndex(index)
    box.blockSignals(False)


def _period_start(period: str) -> datetime | None:
    """When a period starts: local midnight today, a week ago, or never."""
    if period == "all":
        return None
    midnight = datetime.now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    if period == "week":
        midnight -= timedelta(days=6)
    return midnight.astimezone(UTC)
