"""The status strip: call source health and signal, results waiting, customer list, demo badge.

Always visible at the bottom; tapping it (or Enter when it has focus) asks for the
details panel.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from kiosk.core.notices import CustomersSynced
from kiosk.domain.health import Backend, OutboxStatus, SourceState, SourceStatus
from kiosk.ui.i18n import Retranslating, format_count
from kiosk.ui.reason_words import reason_words
from kiosk.ui.style import named, set_style_state, styled_background
from kiosk.ui.widgets.signal_bars import SignalBars


def signal_bars(status: SourceStatus) -> int | None:
    """The modem's signal strength in bars (0–4), when its health check has said."""
    bars = status.details.get("signal_bars")
    return int(bars) if isinstance(bars, int | float) else None


class StatusStrip(Retranslating, QWidget):
    """Always-visible facts staff need: can we hear calls, are results getting out."""

    details_requested = Signal()

    def __init__(self, *, demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusStrip")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._sources: dict[str, SourceStatus] = {}
        self._outbox: OutboxStatus | None = None
        self._sync: CustomersSynced | None = None
        styled_background(self)
        self.demo = named(QLabel(), "demoBadge")
        self.demo.setVisible(demo)
        self.bars = SignalBars()
        self.bars.hide()
        self.source = named(QLabel(wordWrap=True), "sourceStatus")
        self.outbox = named(QLabel(wordWrap=True), "outboxStatus")
        self.sync = named(QLabel(wordWrap=True), "syncStatus")
        self.sync.hide()
        self.more = named(QLabel(), "statusMore")
        for label in (self.source, self.outbox, self.sync):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.demo, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.bars, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.source, 1)
        layout.addWidget(self.outbox, 1)
        layout.addWidget(self.sync, 1)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumHeight(48)
        self.retranslate()

    @property
    def sources(self) -> list[SourceStatus]:
        """The latest status of every call source."""
        return list(self._sources.values())

    @property
    def outbox_status(self) -> OutboxStatus | None:
        """The latest outbox status, if one arrived."""
        return self._outbox

    @property
    def sync_status(self) -> CustomersSynced | None:
        """How the latest pull of customers from the merchant backend went, if one ran."""
        return self._sync

    def show_source(self, status: SourceStatus) -> None:
        """Show each call source's state in words (a modem and a provider may both run)."""
        self._sources[status.source] = status
        self._show_sources()

    def _show_sources(self) -> None:
        parts = []
        for each in self._sources.values():
            text = reason_words(each.why)
            parts.append(f"⚠ {text}" if each.state is SourceState.FAULT else text)
        self.source.setText("  ·  ".join(parts))
        faulty = any(s.state is SourceState.FAULT for s in self._sources.values())
        set_style_state(self.source, "fault", faulty)
        bars = [b for b in map(signal_bars, self._sources.values()) if b is not None]
        self.bars.setVisible(bool(bars))
        if bars:
            self.bars.set_bars(bars[0])

    def show_outbox(self, status: OutboxStatus) -> None:
        """Show how many results wait for the backend, and why."""
        self._outbox = status
        self.outbox.setText(self.outbox_words(status))
        set_style_state(self.outbox, "fault", status.pending > 0 and bool(status.last_error))

    def outbox_words(self, status: OutboxStatus) -> str:
        """The outbox state in plain words, in the current language.

        "All results sent" only when there is a backend to send them to.
        """
        if status.pending == 0:
            if status.backend is Backend.NONE:
                return self.tr("Results are not sent: no callback URL is set")
            if status.backend is Backend.DEMO:
                return self.tr("All results sent to the demo backend")
            return self.tr("All results sent")
        if status.pending == 1:
            text = self.tr("1 result waiting to be sent")
        else:
            text = self.tr("{count} results waiting to be sent").format(
                count=format_count(status.pending)
            )
        if status.last_error is None:
            return text
        return f"⚠ {text}: {reason_words(status.last_error)}"

    def show_sync(self, synced: CustomersSynced) -> None:
        """Show a failed pull of customers, or one that changed them; hide an uneventful one."""
        self._sync = synced
        words = self.sync_words(synced)
        self.sync.setText(words)
        self.sync.setVisible(bool(words))
        set_style_state(self.sync, "fault", synced.problem is not None)

    def sync_words(self, synced: CustomersSynced) -> str:
        """The strip's short words for a pull ("" when it changed nothing), current language."""
        if synced.problem is not None:
            return "⚠ " + self.tr("Customer list not updated")
        if not (synced.added or synced.updated):
            return ""
        return self.tr("Customer list updated: {added} new, {updated} changed").format(
            added=format_count(synced.added), updated=format_count(synced.updated)
        )

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self.demo.setText(self.tr("DEMO"))
        self.demo.setToolTip(self.tr("Demo mode: simulated modem and sample customers."))
        self.more.setText(self.tr("Details ›"))
        self.setToolTip(self.tr("Tap for details"))
        if not self._sources:
            self.source.setText(self.tr("Starting…"))
        else:
            self._show_sources()
        if self._outbox is not None:
            self.show_outbox(self._outbox)
        if self._sync is not None:
            self.show_sync(self._sync)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        """A tap anywhere on the strip opens the details."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.details_requested.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Enter or Space opens the details, as a button would."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.details_requested.emit()
            return
        super().keyPressEvent(event)
