"""The details behind the status strip: call sources, results waiting, the customer list.

In demo mode also what the built-in merchant backend received: each callback's event,
whether its signature was valid, and its fields (phone numbers masked), newest first.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk.core.notices import CustomersSynced
from kiosk.domain.health import Backend, OutboxStatus, ReceivedCallback, SourceStatus
from kiosk.domain.phone import mask
from kiosk.domain.reasons import Why
from kiosk.ui.i18n import Retranslating, format_count, format_date, format_time
from kiosk.ui.reason_words import reason_words
from kiosk.ui.status_words import source_state, source_title
from kiosk.ui.style import named, styled_background
from kiosk.ui.widgets.status_strip import StatusStrip, signal_bars

# How many of the demo backend's latest callbacks the page lists.
RECEIVED_SHOWN = 5
# Longest value shown for one field of a received callback.
_VALUE_CHARS = 80


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
        self._received: deque[ReceivedCallback] = deque(maxlen=RECEIVED_SHOWN)
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

    def show_strip(self, strip: StatusStrip) -> None:
        """Fill the page with the strip's latest facts, in the strip's words."""
        outbox = strip.outbox_status
        words = strip.outbox_words(outbox) if outbox else ""
        self.show_status(strip.sources, outbox, words, strip.sync_status)

    def add_received(self, received: ReceivedCallback) -> None:
        """Demo mode: the built-in merchant backend received a callback."""
        self._received.appendleft(received)
        self._render()

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self.title.setText(self.tr("Status details"))
        self.back_button.setText(self.tr("Back"))
        self._render()

    def _render(self) -> None:
        """The page; in demo mode what the built-in backend received comes first."""
        demo = self._outbox is not None and self._outbox.backend is Backend.DEMO
        if demo:
            parts = self._results_parts() + self._received_parts() + self._sources_parts()
        else:
            parts = self._sources_parts() + self._results_parts()
        if self._sync is not None:
            parts.append("<h3>" + self.tr("Customer list from the merchant backend") + "</h3>")
            parts.append("<p>" + "<br>".join(self._sync_lines(self._sync)) + "</p>")
        self.body.setText("".join(parts))

    def _sources_parts(self) -> list[str]:
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
        return parts

    def _results_parts(self) -> list[str]:
        parts = ["<h3>" + self.tr("Results for the backend") + "</h3>"]
        if self._outbox is None:
            parts.append("<p>" + self.tr("Not known yet.") + "</p>")
            return parts
        lines = [escape(self._outbox_words)]
        sent = self._outbox.last_delivered_at
        if sent is not None:
            lines.append(
                self.tr("Last result sent: {date} {time}").format(
                    date=format_date(sent), time=format_time(sent)
                )
            )
        parts.append("<p>" + "<br>".join(lines) + "</p>")
        return parts

    def _received_parts(self) -> list[str]:
        parts = [
            "<h3>" + self.tr("The demo's merchant backend") + "</h3>",
            "<p>"
            + self.tr(
                "In demo mode results go to a backend built into this kiosk, which checks "
                "each signature as yours would."
            )
            + "</p>",
        ]
        if not self._received:
            parts.append("<p>" + self.tr("Nothing received yet.") + "</p>")
        for received in self._received:
            when = format_time(received.at)
            if not received.signature_valid:
                parts.append(
                    "<p>⚠ "
                    + self.tr("Refused at {time}: the signature is not valid.").format(time=when)
                    + "</p>"
                )
                continue
            headline = self.tr("Received {event} at {time}: ✓ signature valid").format(
                event="<b>" + escape(received.event_type or "?") + "</b>", time=when
            )
            fields = [
                f'<span style="color:#4b5563">{escape(key)}:</span> '
                + escape(_shown_value(key, value))
                for key, value in received.data.items()
                if value is not None
            ]
            parts.append("<p>" + headline + "<br>" + "  ·  ".join(fields) + "</p>")
        return parts

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


def _shown_value(key: str, value: object) -> str:
    """A field's value as the page shows it: numbers of customers masked, long ones cut."""
    if key.endswith("_number") and key != "dialed_number" and isinstance(value, str):
        return mask(value)
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _VALUE_CHARS else text[: _VALUE_CHARS - 1] + "…"
