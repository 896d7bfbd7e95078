"""The result screen: an unmistakable outcome, who it was for, how, a sound and a timed return."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.phone import mask
from kiosk.domain.session import Method, Status, VerificationSession
from kiosk.ui.i18n import Retranslating, format_count, format_time
from kiosk.ui.sound import OutcomeSound
from kiosk.ui.status_words import headline, symbol
from kiosk.ui.style import named, set_style_state, styled_background


class ResultScreen(Retranslating, QWidget):
    """Shows a finished session; emits :attr:`done` when staff tap Done or time runs out."""

    done = Signal()

    def __init__(
        self,
        return_after_seconds: float,
        *,
        sound: OutcomeSound | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resultScreen")
        styled_background(self)
        self._return_after = return_after_seconds
        self._left = 0
        self._session: VerificationSession | None = None
        self.sound = sound or OutcomeSound(enabled=False)

        self.symbol = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "resultSymbol")
        self.headline = named(
            QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True), "resultHeadline"
        )
        self.who = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True), "resultWho")
        self.how = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True), "resultHow")
        for label in (self.headline, self.who, self.how):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.done_button = named(QPushButton(), "primaryButton")
        self.done_button.clicked.connect(self._finish)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addStretch(1)
        layout.addWidget(self.symbol)
        layout.addWidget(self.headline)
        layout.addWidget(self.who)
        layout.addWidget(self.how)
        layout.addStretch(1)
        layout.addWidget(self.done_button)

        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._tick)
        self.retranslate()

    def set_return_after(self, seconds: float) -> None:
        """Change the automatic return delay (from the next result on)."""
        self._return_after = seconds

    def show_session(self, session: VerificationSession) -> None:
        """Show the outcome of ``session``, play its sound and start the automatic return."""
        self._session = session
        verified = session.status is Status.VERIFIED
        set_style_state(self, "outcome", session.status.value)
        self._show_texts()
        self.sound.play(verified)
        self._left = int(self._return_after)
        self._update_button()
        self.done_button.setFocus()
        if self._return_after > 0:
            self._countdown.start()

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self._show_texts()
        self._update_button()

    def _show_texts(self) -> None:
        session = self._session
        if session is None:
            return
        self.symbol.setText(symbol(session.status))
        self.headline.setText(headline(session.status))
        who = session.customer_name or mask(session.expected_number)
        self.who.setText(f"{who}  ·  {session.reference}" if session.reference else who)
        self.how.setText(self._how(session))

    def _how(self, session: VerificationSession) -> str:
        if session.status is Status.VERIFIED and session.method is Method.SMS_CODE:
            done = session.completed_at
            return self.tr("Code sent by SMS, typed in at {time}").format(
                time=format_time(done) if done else ""
            )
        call = session.matched_call
        if call is not None:
            return self.tr("Missed call from {number} at {time}").format(
                number=mask(call.caller), time=format_time(call.at)
            )
        if session.unmatched_calls == 1:
            return self.tr("1 call came from a different number.")
        if session.unmatched_calls:
            return self.tr("{count} calls came from a different number.").format(
                count=format_count(session.unmatched_calls)
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
        if self._return_after > 0 and self._session is not None:
            text = self.tr("Done ({seconds})").format(seconds=format_count(max(self._left, 0)))
        self.done_button.setText(text)

    def _finish(self) -> None:
        self._countdown.stop()
        self.done.emit()
