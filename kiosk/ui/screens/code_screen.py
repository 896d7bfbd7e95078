"""The SMS-code screen: a code goes to the customer's phone, staff type what they read out.

Shown when staff tap "Send a code by SMS instead" on the dial screen. It says whether
the code went out (or why not, in plain words), takes the six digits on a touch pad
or a keyboard, and answers each try ("Wrong code. Tries left: 4."). In demo mode it also
shows the code the simulated phone received, so it can be typed in. The missed call
still counts meanwhile: "Back to the call" returns to the dial screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.phone import last_digits
from kiosk.domain.reasons import Why
from kiosk.domain.sms_code import CODE_DIGITS, CodeCheck
from kiosk.ui.i18n import Retranslating, format_count, format_time
from kiosk.ui.reason_words import reason_words
from kiosk.ui.style import named, set_style_state, stack_when_portrait, styled_background
from kiosk.ui.widgets.busy_note import BusyNote
from kiosk.ui.widgets.digit_pad import DigitPad


class CodeScreen(Retranslating, QWidget):
    """Sending a one-time code and checking the one typed in, for one session."""

    code_entered = Signal(str, str)  # session id, code
    back_requested = Signal()
    resend_requested = Signal(str)  # session id

    def __init__(
        self,
        *,
        demo_texts: Callable[[], list[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``demo_texts`` gives the messages the simulated phone received (demo mode)."""
        super().__init__(parent)
        self.setObjectName("codeScreen")
        styled_background(self)
        self.session_id: str | None = None
        self._phone_digits = ""
        self._valid_until: datetime | None = None
        self._state = "sending"
        self._answer: tuple[CodeCheck, int] | None = None
        self._error: Why | None = None
        self._demo_texts = demo_texts

        self.title = named(QLabel(wordWrap=True), "screenTitle")
        self.message = named(QLabel(wordWrap=True), "codeMessage")
        self.code = named(QLineEdit(alignment=Qt.AlignmentFlag.AlignCenter), "pinField")
        self.code.setMaxLength(CODE_DIGITS)
        self.code.setValidator(QRegularExpressionValidator(rf"\d{{0,{CODE_DIGITS}}}", self.code))
        self.code.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.answer = named(QLabel(wordWrap=True), "pinMessage")
        self.pad = DigitPad(self.code)
        self.back_button = named(QPushButton(), "secondaryButton")
        self.resend_button = named(QPushButton(), "secondaryButton")

        for label in (self.message, self.answer):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.title)
        left.addWidget(self.message)
        left.addWidget(self.code)
        left.addWidget(self.answer)
        self.busy = BusyNote(self.pad)  # while a typed code is checked
        left.addWidget(self.busy)
        left.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.resend_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        self._columns = QHBoxLayout(self)
        self._columns.setContentsMargins(24, 12, 24, 12)
        self._columns.setSpacing(24)
        self._columns.addLayout(left, 1)
        self._columns.addWidget(self.pad, 1)

        self.pad.submitted.connect(self._submit)
        self.back_button.clicked.connect(self.back_requested.emit)
        self.resend_button.clicked.connect(self._resend)
        self.retranslate()

    def show_sending(self, session_id: str, expected_number: str) -> None:
        """The code is on its way to the phone ending …; the pad waits."""
        self.session_id = session_id
        self._phone_digits = last_digits(expected_number)
        self._show("sending")

    def show_sent(self, valid_until: datetime | None) -> None:
        """The code went out: ask for it."""
        self._valid_until = valid_until
        self._show("sent")
        self.code.setFocus()

    def show_not_sent(self, why: Why) -> None:
        """The code did not go out; ``why`` says why (in words of the current language)."""
        self._error = why
        self._show("failed")

    def show_answer(self, result: CodeCheck, tries_left: int) -> None:
        """What the typed code meant (any answer but "accepted": that ends the session)."""
        self._answer = (result, tries_left)
        self.code.clear()
        self._render()
        self.code.setFocus()

    def arrange(self, portrait: bool) -> None:
        """The keypad beside the words on a landscape panel, below them on a portrait one."""
        stack_when_portrait(self._columns, portrait)

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self.title.setText(self.tr("Verify with a code by SMS"))
        self.code.setPlaceholderText(self.tr("6-digit code"))
        self.pad.ok_key.setText(self.tr("Check"))
        self.pad.back_key.setToolTip(self.tr("Delete the last digit"))
        self.back_button.setText(self.tr("Back to the call"))
        self.resend_button.setText(self.tr("Send a new code"))
        self._render()

    def _show(self, state: str) -> None:
        self._state = state
        self._answer = None
        self.code.clear()
        self._render()

    def _render(self) -> None:
        state, digits = self._state, self._phone_digits
        if state == "sending":
            text = self.tr("Sending a code to the phone ending {digits}…").format(digits=digits)
        elif state == "failed":
            reason = reason_words(self._error) if self._error is not None else ""
            text = self.tr("The code was not sent. {reason}").format(reason=reason)
        else:
            text = self.tr(
                "Code sent to the phone ending {digits}. Type the code the customer reads out."
            ).format(digits=digits)
            if self._valid_until is not None:
                text += " " + self.tr("Valid until {time}.").format(
                    time=format_time(self._valid_until, seconds=False)
                )
            if self._demo_texts is not None and (code := _last_code(self._demo_texts())):
                text += "\n" + self.tr("Demo: the simulated phone got the code {code}.").format(
                    code=code
                )
        self.message.setText(text)
        self.pad.set_enabled(state == "sent")
        self.resend_button.setVisible(state == "failed" or self._needs_new_code())
        self.answer.setText(self._answer_words())
        set_style_state(self.message, "fault", state == "failed")

    def _needs_new_code(self) -> bool:
        return self._answer is not None and self._answer[0] in (
            CodeCheck.EXPIRED,
            CodeCheck.TOO_MANY_TRIES,
            CodeCheck.NO_CODE,
        )

    def _answer_words(self) -> str:
        if self._answer is None:
            return ""
        result, left = self._answer
        if result is CodeCheck.WRONG:
            return self.tr("Wrong code. Tries left: {count}.").format(count=format_count(left))
        if result is CodeCheck.EXPIRED:
            return self.tr("The code has expired. Send a new one, or ask the customer to call.")
        if result is CodeCheck.TOO_MANY_TRIES:
            return self.tr("Too many wrong codes. Send a new one, or ask the customer to call.")
        if result is CodeCheck.NO_CODE:
            return self.tr("No code is waiting. Send a new one.")
        return ""

    def _submit(self) -> None:
        code = self.code.text()
        if self.session_id is None or self._state != "sent" or len(code) != CODE_DIGITS:
            return
        self.code_entered.emit(self.session_id, code)

    def _resend(self) -> None:
        if self.session_id is not None:
            self.resend_requested.emit(self.session_id)


def _last_code(texts: list[str]) -> str | None:
    """The code in the last message the simulated phone received (demo mode)."""
    found = re.findall(rf"\b\d{{{CODE_DIGITS}}}\b", texts[-1]) if texts else []
    return found[0] if found else None
