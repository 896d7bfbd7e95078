"""The one adapter between the service and Qt: service notices re-emitted as Qt signals.

Screens connect to these signals and never subscribe to the service directly.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.core.notices import (
    CustomersSynced,
    NoticeBus,
    SessionChanged,
    SessionFinished,
    SessionStarted,
)
from kiosk.domain.health import OutboxStatus, ReceivedCallback, SourceStatus


class ServiceBridge(QObject):
    """Qt signals for everything the service publishes."""

    session_started = Signal(object)
    session_changed = Signal(object)
    session_finished = Signal(object)
    source_status = Signal(object)
    outbox_status = Signal(object)
    customers_synced = Signal(object)
    callback_received = Signal(object)  # by demo mode's built-in merchant backend

    def __init__(self, notices: NoticeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = notices.subscribe(self._relay)
        self.destroyed.connect(self._unsubscribe)

    def _relay(self, notice: object) -> None:
        match notice:
            case SessionStarted(session=session):
                self.session_started.emit(session)
            case SessionChanged(session=session):
                self.session_changed.emit(session)
            case SessionFinished(session=session):
                self.session_finished.emit(session)
            case SourceStatus():
                self.source_status.emit(notice)
            case OutboxStatus():
                self.outbox_status.emit(notice)
            case CustomersSynced():
                self.customers_synced.emit(notice)
            case ReceivedCallback():
                self.callback_received.emit(notice)
