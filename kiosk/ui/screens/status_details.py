"""The details behind the status strip: call sources, results waiting, the customer list."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk.core.notices import CustomersSynced
from kiosk.domain.health import OutboxStatus, SourceStatus
from kiosk.domain.reasons import Why
from kiosk.ui.i18n import Retranslating, format_count, format_date, format_time
from kiosk.ui.reason_words import reason_words
from kiosk.ui.status_words import source_state, source_title
from kiosk.ui.style import named, styled_background
from kiosk.ui.widgets.status_strip import signal_bars


class StatusDetails(Retranslating, QWidget):
    """A read-only page; emits :attr:`closed` when staff go back."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusDetails")
        styled_background(self)
        self._sources: Sequence[SourceStatus] = ()
        self._outbox: OutboxStatus | None = None
        self._outbox_words = ""
        self._sync: CustomersSynced | None = None
        self.title = named(QLabel(), "screenTitle")
        self.body = named(QLabel(wordWrap=True), "detailsBody")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = named(QScrollArea(widgetResizable=True), "detailsScroll")
        scroll.setWidget(self.body)
        self.back_button = named(QPushButton(), "primaryButton")
        self.back_button.clicked.connect(self.closed.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignRight)
        self.retranslate()

    def show_status(
        self,
        sources: Sequence[SourceStatus],
        outbox: OutboxStatus | None,
        outbox_words: str,
        sync: CustomersSynced | None = None,
    ) -> None:
        """Fill the page with the latest facts (``sync``: the latest pull of customers)."""
        self._sources = sources
        self._outbox = outbox
        self._outbox_words = outbox_words
        self._sync = sync
        self._render()

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self.title.setText(self.tr("Status details"))
        self.back_button.setText(self.tr("Back"))
        self._render()

    def _render(self) -> None:
        parts = ["<h3>" + self.tr("Where calls are heard") + "</h3>"]
        if not self._sources:
            parts.append("<p>" + self.tr("No call source has reported yet.") + "</p>")
        for status in self._sources:
            lines = [f"<b>{escape(source_title(status))}</b>: {source_state(status.state)}"]
            lines.append(escape(reason_words(status.why)))
            for key, words in (
                ("operator", self.tr("Operator: {value}")),
                ("network", self.tr("Network: {value}")),
            ):
                value = status.details.get(key)
                if value:
                    shown = reason_words(value) if isinstance(value, Why) else str(value)
                    lines.append(words.format(value=escape(shown)))
            bars = signal_bars(status)
            if bars is not None:
                lines.append(self.tr("Signal: {bars} of 4 bars").format(bars=bars))
            if status.details.get("port"):
                lines.append(
                    self.tr("Port: {port}").format(port=escape(str(status.details["port"])))
                )
            parts.append("<p>" + "<br>".join(lines) + "</p>")
        parts.append("<h3>" + self.tr("Results for the backend") + "</h3>")
        if self._outbox is None:
            parts.append("<p>" + self.tr("Not known yet.") + "</p>")
        else:
            lines = [escape(self._outbox_words)]
            sent = self._outbox.last_delivered_at
            if sent is not None:
                lines.append(
                    self.tr("Last result sent: {date} {time}").format(
                        date=format_date(sent), time=format_time(sent)
                    )
                )
            parts.append("<p>" + "<br>".join(lines) + "</p>")
        if self._sync is not None:
            parts.append("<h3>" + self.tr("Customer list from the merchant backend") + "</h3>")
            parts.append("<p>" + "<br>".join(self._sync_lines(self._sync)) + "</p>")
        self.body.setText("".join(parts))

    def _sync_lines(self, synced: CustomersSynced) -> list[str]:
        when = {"date": format_date(synced.at), "time": format_time(synced.at)}
        if synced.problem is not None:
            return [
                self.tr("Not updated at {date} {time}: {problem}").format(
                    problem=escape(reason_words(synced.problem)), **when
                ),
                self.tr("The customers already on this kiosk are used; it tries again by itself."),
            ]
        if synced.added or synced.updated:
            return [
                self.tr("Updated at {date} {time}: {added} new, {updated} changed.").format(
                    added=format_count(synced.added), updated=format_count(synced.updated), **when
                )
            ]
        return [self.tr("Checked at {date} {time}: no changes.").format(**when)]
