"""The main window: find → dial → result, driven by the service through the bridge."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.health import OutboxStatus
from kiosk.domain.phone import InvalidPhoneNumber
from kiosk.domain.session import VerificationSession
from kiosk.service import CustomerNotFound, VerificationService
from kiosk.ui.bridge import ServiceBridge
from kiosk.ui.dial_screen import EXTEND_SECONDS, DialScreen
from kiosk.ui.find_screen import FindScreen
from kiosk.ui.result_screen import ResultScreen
from kiosk.ui.status_strip import StatusStrip

log = logging.getLogger("kiosk.ui")


class MainWindow(QMainWindow):
    """The kiosk window: three screens over a status strip."""

    def __init__(
        self,
        service: VerificationService,
        *,
        demo: bool,
        result_seconds: float,
        simulate_call: Callable[[str], None] | None = None,
        outbox_status: OutboxStatus | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Missed-call verification"))
        self.service = service
        self.bridge = ServiceBridge(service.notices, self)

        self.find_screen = FindScreen(service.region)
        self.dial_screen = DialScreen(simulate_call=simulate_call if demo else None)
        self.result_screen = ResultScreen(result_seconds)
        self.stack = QStackedWidget(objectName="screens")
        for screen in (self.find_screen, self.dial_screen, self.result_screen):
            self.stack.addWidget(screen)
        self.status_strip = StatusStrip(demo=demo)
        if outbox_status is not None:
            self.status_strip.show_outbox(outbox_status)

        central = QWidget(objectName="central")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status_strip)
        self.setCentralWidget(central)

        self.find_screen.search_requested.connect(self._search)
        self.find_screen.customer_chosen.connect(
            lambda customer: self._start(lambda: service.start_for_customer(customer))
        )
        self.find_screen.phone_chosen.connect(
            lambda phone: self._start(lambda: service.start_for_phone(phone))
        )
        self.dial_screen.cancel_requested.connect(service.cancel)
        self.dial_screen.extend_requested.connect(
            lambda session_id: service.extend(session_id, EXTEND_SECONDS)
        )
        self.result_screen.done.connect(self.show_find)
        self.bridge.session_started.connect(self._on_started)
        self.bridge.session_changed.connect(self._on_changed)
        self.bridge.session_finished.connect(self._on_finished)
        self.bridge.source_status.connect(self.status_strip.show_source)
        self.bridge.outbox_status.connect(self.status_strip.show_outbox)
        self.show_find()

    def show_find(self) -> None:
        """Back to the find screen, ready for the next customer."""
        self.find_screen.reset()
        self.stack.setCurrentWidget(self.find_screen)

    def _search(self, text: str) -> None:
        self.find_screen.show_results(text, self.service.find_customers(text))

    def _start(self, start: Callable[[], VerificationSession]) -> None:
        try:
            start()
        except (CustomerNotFound, InvalidPhoneNumber) as exc:
            self.find_screen.show_error(str(exc))
        except Exception:
            log.exception("Could not start a verification")
            self.find_screen.show_error(
                self.tr("Could not start the verification. Please try again.")
            )

    def _on_started(self, session: VerificationSession) -> None:
        if self.dial_screen.session is None:
            self.dial_screen.show_session(session)
            self.stack.setCurrentWidget(self.dial_screen)

    def _on_changed(self, session: VerificationSession) -> None:
        if self.dial_screen.session and self.dial_screen.session.id == session.id:
            self.dial_screen.show_session(session)

    def _on_finished(self, session: VerificationSession) -> None:
        if self.dial_screen.session and self.dial_screen.session.id == session.id:
            self.dial_screen.stop()
            self.result_screen.show_session(session)
            self.stack.setCurrentWidget(self.result_screen)
