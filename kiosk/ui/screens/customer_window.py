"""The customer-facing window for a second monitor: only the number, QR code, time and words.

Staff keep the main window; this one follows the session on its own and offers no
buttons. Between sessions it shows a short welcome.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.session import VerificationSession
from kiosk.ui.i18n import Retranslating
from kiosk.ui.screens.dial_screen import DialScreen
from kiosk.ui.style import follow_window_size, named, styled_background

log = logging.getLogger("kiosk.ui")


class CustomerWindow(Retranslating, QWidget):
    """A second top-level window mirroring the dial screen for the customer."""

    def __init__(self, *, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("customerWindow")
        self.locked = False  # in kiosk mode only the main window may close it
        styled_background(self)
        self.idle = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "customerIdle")
        self.idle.setWordWrap(True)
        self.dial = DialScreen(region=region, customer_facing=True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.idle)
        self.pages.addWidget(self.dial)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.retranslate()

    def show_session(self, session: VerificationSession) -> None:
        """Show a new or changed pending session."""
        self.dial.show_session(session)
        self.pages.setCurrentWidget(self.dial)

    def show_idle(self) -> None:
        """No session: show the welcome."""
        self.dial.stop()
        self.pages.setCurrentWidget(self.idle)

    def place(self) -> None:
        """Full screen on the second monitor when there is one, else a normal window."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setScreen(screens[1])
            self.setGeometry(screens[1].geometry())
            self.showFullScreen()
        else:
            log.info("Only one monitor: the customer screen opens as a window")
            self.resize(800, 480)
            self.show()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Larger screens get proportionally larger type and touch targets."""
        follow_window_size(self, event.size().width(), event.size().height())
        super().resizeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """A locked customer window stays open (kiosk mode)."""
        if self.locked:
            event.ignore()
            return
        super().closeEvent(event)

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self.setWindowTitle(self.tr("Customer screen"))
        self.idle.setText(self.tr("Welcome. Staff will start your verification."))
