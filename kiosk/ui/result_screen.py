"""The result screen: an unmistakable outcome, who it was for, and a timed return."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.phone import mask
from kiosk.domain.session import Status, VerificationSession
from kiosk.ui.style import set_style_state, styled_background


class ResultScreen(QWidget):
    """Shows a finished session; emits :attr:`done` when staff tap Done or time runs out."""

    done = Signal()

    def __init__(self, return_after_seconds: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultScreen")
        styled_background(self)
        self._return_after = return_after_seconds
        self._left = 0

        self.symbol = QLabel(objectName="resultSymbol", alignment=Qt.AlignmentFlag.AlignCenter)
        self.headline = QLabel(objectName="resultHeadline", alignment=Qt.AlignmentFlag.AlignCenter)
        self.who = QLabel(
            objectName="resultWho", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True
        )
        self.how = QLabel(
            objectName="resultHow", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True
        )
        self.done_button = QPushButton(self.tr("Done"), objectName="primaryButton")
        self.done_button.clicked.connect(self._finish)

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.symbol)
        layout.addWidget(self.headline)
        layout.addWidget(self.who)
        layout.addWidget(self.how)
        layout.addStretch(1)
        layout.addWidget(self.done_button)

        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._tick)

    def show_session(self, session: VerificationSession) -> None:
        """Show the outcome of ``session`` and start the automatic return."""
        verified = session.status is Status.VERIFIED
        set_style_state(self, "outcome", session.status.value)
        self.symbol.setText("✔" if verified else "✖")
        self.headline.setText(self._headline(session.status))
        who = session.customer_name or mask(session.expected_number)
        self.who.setText(f"{who}  ·  {session.reference}" if session.reference else who)
        self.how.setText(self._how(session))
        self._left = int(self._return_after)
        self._update_button()
        if self._return_after > 0:
            self._countdown.start()

    def _headline(self, status: Status) -> str:
        return {
            Status.VERIFIED: self.tr("Verified"),
            Status.EXPIRED: self.tr("Not verified: time ran out"),
            Status.CANCELLED: self.tr("Not verified: cancelled"),
        }.get(status, status.value)

    def _how(self, session: VerificationSession) -> str:
        call = session.matched_call
        if call is not None:
            at = call.at.astimezone().strftime("%H:%M:%S")
            return self.tr("Missed call from {number} at {time}").format(
                number=mask(call.caller), time=at
            )
        if session.unmatched_calls:
            return self.tr("{count} call(s) came from a different number.").format(
                count=session.unmatched_calls
            )
        return self.tr("No call came from the phone on record.")

    def _tick(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self._finish()
        else:
            self._update_button()

    def _update_button(self) -> None:
        text = self.tr("Done")
        if self._return_after > 0:
            text = self.tr("Done ({seconds})").format(seconds=max(self._left, 0))
        self.done_button.setText(text)

    def _finish(self) -> None:
        self._countdown.stop()
        self.done.emit()
