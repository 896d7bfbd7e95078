"""The status strip: call source health, results waiting for the backend, demo badge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk.domain.health import OutboxStatus, SourceState, SourceStatus
from kiosk.ui.style import set_style_state, styled_background


class StatusStrip(QWidget):
    """Always-visible facts staff need: can we hear calls, are results getting out."""

    def __init__(self, *, demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusStrip")
        self._sources: dict[str, SourceStatus] = {}
        styled_background(self)
        self.source = QLabel(self.tr("Starting…"), objectName="sourceStatus", wordWrap=True)
        self.outbox = QLabel(objectName="outboxStatus", wordWrap=True)
        self.demo = QLabel(self.tr("DEMO"), objectName="demoBadge")
        self.demo.setToolTip(self.tr("Demo mode: simulated modem and sample customers."))
        self.demo.setVisible(demo)
        layout = QHBoxLayout(self)
        layout.addWidget(self.demo, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.source, 1)
        layout.addWidget(self.outbox, 1)

    def show_source(self, status: SourceStatus) -> None:
        """Show each call source's state in plain words (a modem and a provider may both run)."""
        self._sources[status.source] = status
        self.source.setText("  ·  ".join(s.message for s in self._sources.values()))
        faulty = any(s.state is SourceState.FAULT for s in self._sources.values())
        set_style_state(self.source, "fault", faulty)

    def show_outbox(self, status: OutboxStatus) -> None:
        """Show how many results wait for the backend, and why."""
        if status.pending == 0:
            text = self.tr("All results sent")
        else:
            text = (
                self.tr("1 result waiting to be sent")
                if status.pending == 1
                else self.tr("{count} results waiting to be sent").format(count=status.pending)
            )
            if status.last_error:
                text += f": {status.last_error}"
        self.outbox.setText(text)
        set_style_state(self.outbox, "fault", status.pending > 0 and bool(status.last_error))
