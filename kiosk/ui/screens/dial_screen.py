"""The dial screen: the number to call, a QR code to dial it, whose phone must call, time left.

The same widget, with ``customer_facing=True``, is the customer's window on a second
monitor: number, QR code, countdown and instructions, without staff buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.phone import format_for_region, format_international, last_digits, mask
from kiosk.domain.session import VerificationSession
from kiosk.ui.i18n import LANGUAGE_NAMES, Retranslating
from kiosk.ui.style import named, styled_background
from kiosk.ui.widgets.busy_note import BusyNote
from kiosk.ui.widgets.countdown_ring import CountdownRing
from kiosk.ui.widgets.fit_text import FitText
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.qr_code import QrCode

_TICK_MS = 100
EXTEND_SECONDS = 60
_SQUARE_SHARE = 0.38  # of the screen's height, for the QR code and the ring
_SQUARE_MIN, _SQUARE_MAX = 110, 420
OTHER_DEMO_CALLER = "+919900011122"


class DialScreen(Retranslating, QWidget):
    """Shows one pending session and asks staff or customer what to do next.

    Emits :attr:`cancel_requested`, :attr:`extend_requested` and
    :attr:`sms_requested` with the session id, and :attr:`language_requested` with
    a language code when the customer taps the language button.
    """

    cancel_requested = Signal(str)
    extend_requested = Signal(str)
    sms_requested = Signal(str)
    language_requested = Signal(str)

    def __init__(
        self,
        *,
        region: str = "IN",
        simulate_call: Callable[[str], object] | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        customer_facing: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerScreen" if customer_facing else "dialScreen")
        styled_background(self)
        self._now = now
        self._region = region
        self._session: VerificationSession | None = None
        self._simulate_call = simulate_call
        self._other_language = "hi"

        self.who = named(QLabel(wordWrap=True), "dialWho")
        self.number_caption = named(QLabel(), "dialCaption")
        self.number = FitText(object_name="dialNumber")
        self.number_international = named(QLabel(), "dialNumberInternational")
        self.instructions = named(QLabel(wordWrap=True), "dialInstructions")
        self.qr = QrCode()
        self.qr_caption = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "qrCaption")
        self.countdown = CountdownRing()
        self.hint = named(QLabel(wordWrap=True), "dialHint")
        self.hint.hide()

        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.number_caption)
        text.addWidget(self.number, 1)
        text.addWidget(self.number_international)
        text.addSpacing(8)
        text.addWidget(self.instructions)
        for label in (self.instructions, self.who):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        qr_column = QVBoxLayout()
        qr_column.setSpacing(2)
        qr_column.addStretch(1)
        qr_column.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        qr_column.addWidget(self.qr_caption)
        qr_column.addStretch(1)
        self._text, self._qr_column = text, qr_column
        body = self._body = QGridLayout()
        body.setHorizontalSpacing(16)
        body.setVerticalSpacing(8)
        self._portrait: bool | None = None
        self.arrange(portrait=False)

        self.cancel_button = named(QPushButton(), "secondaryButton")
        self.extend_button = named(QPushButton(), "secondaryButton")
        self.language_button = named(QPushButton(), "languageButton")
        self.sms_button = named(QPushButton(), "secondaryButton")
        self.sms_button.hide()  # shown by set_sms_available() when the modem can send SMS
        self.action_bar = named(QWidget(), "dialActions")
        actions = FlowLayout(self.action_bar)  # wraps on a narrow panel; words never cut
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.language_button)
        actions.addWidget(self.sms_button)
        actions.addWidget(self.extend_button)
        self.busy = BusyNote(self.cancel_button, self.extend_button)
        top = QHBoxLayout()
        top.addWidget(self.who, 1)
        top.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.action_bar)

        self.demo_bar = self._build_demo_bar() if simulate_call and not customer_facing else None
        if self.demo_bar:
            layout.addWidget(self.demo_bar)
        if customer_facing:
            self.action_bar.hide()

        self._ticker = QTimer(self, interval=_TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self.cancel_button.clicked.connect(lambda: self._emit_for_session(self.cancel_requested))
        self.extend_button.clicked.connect(lambda: self._emit_for_session(self.extend_requested))
        self.sms_button.clicked.connect(lambda: self._emit_for_session(self.sms_requested))
        self.language_button.clicked.connect(
            lambda: self.language_requested.emit(self._other_language)
        )
        self.retranslate()

    @property
    def session(self) -> VerificationSession | None:
        """The session on screen, if any."""
        return self._session

    def set_region(self, region: str) -> None:
        """Group numbers the way people in ``region`` read them."""
        self._region = region
        self._show_texts()

    def set_sms_available(self, available: bool) -> None:
        """Offer "Send a code by SMS instead" (only when the modem can send SMS)."""
        self.sms_button.setVisible(available)

    def set_current_language(self, language: str) -> None:
        """The language on screen now; the button offers the other one."""
        self._other_language = "hi" if language == "en" else "en"
        self.language_button.setText(LANGUAGE_NAMES[self._other_language])

    def show_session(self, session: VerificationSession) -> None:
        """Put a new or updated pending session on screen and run the countdown."""
        self._session = session
        self._show_texts()
        self._tick()
        self._ticker.start()

    def stop(self) -> None:
        """Stop the countdown (the session ended)."""
        self._ticker.stop()
        self._session = None

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self.number_caption.setText(self.tr("Call this number"))
        self.instructions.setText(
            self.tr("The call is cut automatically before it is answered. It costs nothing.")
        )
        self.qr_caption.setText(self.tr("Scan to call"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.extend_button.setText(self.tr("+{seconds} s").format(seconds=EXTEND_SECONDS))
        self.sms_button.setText(self.tr("Send a code by SMS instead"))
        self.language_button.setText(LANGUAGE_NAMES[self._other_language])
        self.language_button.setToolTip(self.tr("Change the language"))
        if self.demo_bar is not None:
            self._demo_label.setText(self.tr("Demo:"))
            self._demo_right.setText(self.tr("Simulate call from this phone"))
            self._demo_wrong.setText(self.tr("Simulate call from another phone"))
        self._show_texts()
        self._tick()

    def arrange(self, portrait: bool) -> None:
        """The number beside the QR code and the ring, or above them on a portrait panel."""
        if portrait == self._portrait:
            return
        self._portrait = portrait
        body = self._body
        body.removeItem(self._text)
        body.removeItem(self._qr_column)
        body.removeWidget(self.countdown)
        for column in range(3):
            body.setColumnStretch(column, 0)
        if portrait:
            body.addLayout(self._text, 0, 0, 1, 2)
            body.addLayout(self._qr_column, 1, 0)
            body.addWidget(self.countdown, 1, 1)
            body.setColumnStretch(0, 1)
            body.setColumnStretch(1, 1)
        else:
            body.addLayout(self._text, 0, 0)
            body.addLayout(self._qr_column, 0, 1)
            body.addWidget(self.countdown, 0, 2)
            body.setColumnStretch(0, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Size the QR code and the ring to the screen (as a wish, not a minimum)."""
        width, height = event.size().width(), event.size().height()
        self.arrange(portrait=height > width)
        share = (
            min(height * _SQUARE_SHARE, width * 0.42) if height > width else height * _SQUARE_SHARE
        )
        side = int(min(max(share, _SQUARE_MIN), _SQUARE_MAX))
        self.qr.set_preferred_side(side)
        self.countdown.set_preferred_side(side)
        super().resizeEvent(event)

    def _show_texts(self) -> None:
        session = self._session
        if session is None:
            return
        dial = session.dialed_number
        self.number.setText(
            format_for_region(dial, self._region) if dial else self.tr("the kiosk's number")
        )
        self.number_international.setText(format_international(dial) if dial else "")
        self.qr.set_text(f"tel:{dial}" if dial else "")
        self.qr.setVisible(bool(dial))
        self.qr_caption.setVisible(bool(dial))
        digits = last_digits(session.expected_number)
        if session.customer_name:
            self.who.setText(
                self.tr("{name}, please dial from the phone ending {digits}").format(
                    name=session.customer_name, digits=digits
                )
            )
        else:
            self.who.setText(
                self.tr("Please dial from the phone ending {digits}").format(digits=digits)
            )
        if session.unmatched_calls:
            self.hint.setText(self._hint(session))
            self.hint.show()
        else:
            self.hint.hide()

    def _hint(self, session: VerificationSession) -> str:
        digits = last_digits(session.expected_number)
        if session.last_unmatched_unknown:  # not hidden: the number never came through
            return self.tr(
                "A call was cut short before its number came through. Please call again "
                "from the phone ending {digits}."
            ).format(digits=digits)
        if session.last_unmatched_caller is None:
            return self.tr(
                "A call came from a hidden number. Please call from the phone ending "
                "{digits} with caller ID switched on."
            ).format(digits=digits)
        return self.tr(
            "A call came from a different number ({number}). "
            "Please call from the phone ending {digits}."
        ).format(number=mask(session.last_unmatched_caller), digits=digits)

    def _tick(self) -> None:
        session = self._session
        if session is None:
            return
        total = (session.expires_at - session.started_at).total_seconds()
        left = max(session.remaining(self._now()).total_seconds(), 0.0)
        minutes, seconds = divmod(int(left + 0.999), 60)
        self.countdown.set_time(
            fraction=left / total if total else 0.0,
            seconds_left=left,
            text=f"{minutes}:{seconds:02d}",
            caption=self.tr("left"),
        )

    def _emit_for_session(self, signal: SignalInstance) -> None:
        if self._session:
            signal.emit(self._session.id)

    def _build_demo_bar(self) -> QWidget:
        bar = named(QWidget(), "demoBar")
        row = FlowLayout(bar)
        self._demo_label = named(QLabel(), "demoLabel")
        self._demo_right = named(QPushButton(), "demoButton")
        self._demo_wrong = named(QPushButton(), "demoButton")
        self._demo_right.clicked.connect(self._simulate_right)
        self._demo_wrong.clicked.connect(self._simulate_wrong)
        row.addWidget(self._demo_label)
        row.addWidget(self._demo_right)
        row.addWidget(self._demo_wrong)
        return bar

    def _simulate_right(self) -> None:
        if self._session and self._simulate_call:
            self._simulate_call(self._session.expected_number)

    def _simulate_wrong(self) -> None:
        if self._session and self._simulate_call:
            self._simulate_call(OTHER_DEMO_CALLER)
