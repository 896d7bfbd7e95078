"""The dial screen: the number to call, whose phone must call, and a live countdown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.phone import format_international, format_national, last_digits, mask
from kiosk.domain.session import VerificationSession
from kiosk.ui.style import set_style_state

_TICK_MS = 100
_WARN_SECONDS = 20
EXTEND_SECONDS = 60
OTHER_DEMO_CALLER = "+919900011122"


class DialScreen(QWidget):
    """Shows one pending session; emits :attr:`cancel_requested` and :attr:`extend_requested`."""

    cancel_requested = Signal(str)
    extend_requested = Signal(str)

    def __init__(
        self,
        *,
        simulate_call: Callable[[str], None] | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dialScreen")
        self._now = now
        self._session: VerificationSession | None = None
        self._simulate_call = simulate_call

        self.who = QLabel(objectName="dialWho", wordWrap=True)
        self.number = QLabel(objectName="dialNumber", alignment=Qt.AlignmentFlag.AlignCenter)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.number_international = QLabel(
            objectName="dialNumberInternational", alignment=Qt.AlignmentFlag.AlignCenter
        )
        self.instructions = QLabel(
            self.tr("The call is cut automatically before it is answered. It costs nothing."),
            objectName="dialInstructions",
            wordWrap=True,
            alignment=Qt.AlignmentFlag.AlignCenter,
        )
        self.countdown = QLabel(objectName="countdown", alignment=Qt.AlignmentFlag.AlignCenter)
        self.progress = QProgressBar(objectName="countdownBar", textVisible=False)
        self.progress.setRange(0, 1000)
        self.hint = QLabel(objectName="dialHint", wordWrap=True)
        self.hint.hide()

        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="secondaryButton")
        self.extend_button = QPushButton(
            self.tr("+{seconds} s").format(seconds=EXTEND_SECONDS), objectName="secondaryButton"
        )
        controls = QHBoxLayout()
        controls.addWidget(self.cancel_button)
        controls.addWidget(self.countdown, 1)
        controls.addWidget(self.extend_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addStretch(1)
        layout.addWidget(self.number)
        layout.addWidget(self.number_international)
        layout.addWidget(self.instructions)
        layout.addStretch(1)
        layout.addWidget(self.hint)
        layout.addWidget(self.progress)
        layout.addLayout(controls)

        self.demo_bar = self._build_demo_bar() if simulate_call else None
        if self.demo_bar:
            layout.addWidget(self.demo_bar)

        self._ticker = QTimer(self, interval=_TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self.cancel_button.clicked.connect(self._cancel)
        self.extend_button.clicked.connect(self._extend)

    @property
    def session(self) -> VerificationSession | None:
        """The session on screen, if any."""
        return self._session

    def show_session(self, session: VerificationSession) -> None:
        """Put a new or updated pending session on screen and run the countdown."""
        self._session = session
        dial = session.dialed_number
        self.number.setText(format_national(dial) if dial else self.tr("the kiosk's number"))
        self.number_international.setText(format_international(dial) if dial else "")
        name = session.customer_name or self.tr("Customer")
        self.who.setText(
            self.tr("{name}, please call this number from the phone ending {digits}").format(
                name=name, digits=last_digits(session.expected_number)
            )
        )
        if session.unmatched_calls:
            self.hint.setText(self._hint(session))
            self.hint.show()
        else:
            self.hint.hide()
        self._tick()
        self._ticker.start()

    def _hint(self, session: VerificationSession) -> str:
        digits = last_digits(session.expected_number)
        if session.last_unmatched_caller is None:
            return self.tr(
                "A call came from a hidden number. Please call from the phone ending "
                "{digits} with caller ID switched on."
            ).format(digits=digits)
        return self.tr(
            "A call came from a different number ({number}). "
            "Please call from the phone ending {digits}."
        ).format(number=mask(session.last_unmatched_caller), digits=digits)

    def stop(self) -> None:
        """Stop the countdown (the session ended)."""
        self._ticker.stop()
        self._session = None

    def _tick(self) -> None:
        session = self._session
        if session is None:
            return
        total = (session.expires_at - session.started_at).total_seconds()
        left = session.remaining(self._now()).total_seconds()
        minutes, seconds = divmod(int(left + 0.999), 60)
        self.countdown.setText(
            self.tr("{minutes}:{seconds:02d} left").format(minutes=minutes, seconds=seconds)
        )
        self.progress.setValue(int(1000 * left / total) if total else 0)
        warn = left <= _WARN_SECONDS
        set_style_state(self.progress, "warn", warn)
        set_style_state(self.countdown, "warn", warn)

    def _cancel(self) -> None:
        if self._session:
            self.cancel_requested.emit(self._session.id)

    def _extend(self) -> None:
        if self._session:
            self.extend_requested.emit(self._session.id)

    def _build_demo_bar(self) -> QWidget:
        bar = QWidget(objectName="demoBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Demo:"), objectName="demoLabel"))
        right = QPushButton(self.tr("Simulate call from this phone"), objectName="demoButton")
        wrong = QPushButton(self.tr("Simulate call from another phone"), objectName="demoButton")
        right.clicked.connect(self._simulate_right)
        wrong.clicked.connect(self._simulate_wrong)
        row.addWidget(right)
        row.addWidget(wrong)
        row.addStretch(1)
        return bar

    def _simulate_right(self) -> None:
        if self._session and self._simulate_call:
            self._simulate_call(self._session.expected_number)

    def _simulate_wrong(self) -> None:
        if self._session and self._simulate_call:
            self._simulate_call(OTHER_DEMO_CALLER)
