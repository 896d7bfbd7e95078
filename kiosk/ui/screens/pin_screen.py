"""The staff lock: a PIN pad that guards the settings, leaving kiosk mode and the history.

The PIN is checked by the core's :class:`~kiosk.core.staff_lock.StaffLock` (a salted
hash, never the PIN). After five wrong tries in a row the pad waits 30 s, then twice as
long after each further wrong one, up to an hour; the wait is kept in the database, so
it is still there after a restart, and the pad counts it down on screen.
"""

from __future__ import annotations

import time
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.staff_lock import StaffLock
from kiosk.domain.pin_lock import PinAnswer, PinOutcome, PinPurpose
from kiosk.ui.background import BackgroundWork
from kiosk.ui.i18n import Retranslating, format_count
from kiosk.ui.style import named, stack_when_portrait, styled_background
from kiosk.ui.widgets.digit_pad import DigitPad


class PinScreen(Retranslating, QWidget):
    """Asks for the staff PIN; emits :attr:`unlocked` (with the purpose) or :attr:`cancelled`.

    Without a lock that has a PIN, the pad stays off and says how to set one.
    """

    unlocked = Signal(object)  # the PinPurpose asked for
    cancelled = Signal()

    def __init__(
        self, lock: StaffLock | None, work: BackgroundWork, parent: QWidget | None = None
    ) -> None:
        """``work`` runs the checks (its :meth:`~BackgroundWork.finish` waits for them)."""
        super().__init__(parent)
        self.setObjectName("pinScreen")
        styled_background(self)
        self._lock = lock if lock is not None and lock.has_pin else None
        self._work = work
        self.purpose = PinPurpose.SETTINGS
        self._answer: PinAnswer | None = None  # the last word, for retranslate()
        self._after_try = False
        self._deadline = 0.0  # time.monotonic() when the wait ends

        self.title = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "screenTitle")
        self.why = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True), "pinWhy")
        self.pin = named(QLineEdit(alignment=Qt.AlignmentFlag.AlignCenter), "pinField")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.message = named(
            QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True), "pinMessage"
        )
        self.pad = DigitPad(self.pin)
        self.keys = self.pad.keys
        self.ok_key, self.back_key = self.pad.ok_key, self.pad.back_key
        self.cancel_button = named(QPushButton(), "secondaryButton")

        left = QVBoxLayout()
        left.addStretch(1)
        left.addWidget(self.title)
        left.addWidget(self.why)
        left.addWidget(self.pin)
        left.addWidget(self.message)
        left.addStretch(1)
        left.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._columns = QHBoxLayout(self)
        self._columns.setContentsMargins(24, 12, 24, 12)
        self._columns.setSpacing(24)
        self._columns.addLayout(left, 1)
        self._columns.addWidget(self.pad, 1)

        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._tick)
        self.pad.submitted.connect(self.submit)
        self.cancel_button.clicked.connect(self._cancel)
        self.retranslate()

    def ask(self, purpose: PinPurpose) -> None:
        """Ask for the PIN to open ``purpose`` (once the screen is shown)."""
        self.purpose = purpose
        self.retranslate()
        self.reset()

    def reset(self) -> None:
        """Empty the field, focus it, and show whether the pad waits (read from the database)."""
        self.pin.clear()
        if self._lock is None:
            self.pad.set_enabled(False)
            self.message.setText(self._words())
            self.cancel_button.setFocus()
            return
        self._answer, self._after_try = None, False
        self.message.clear()
        self.pin.setFocus()
        self._work.run(self._show_state(self._lock))

    def submit(self) -> None:
        """Check the PIN typed so far (in the background; the pad is off meanwhile)."""
        pin = self.pin.text()
        self.pin.clear()
        if self._lock is None or self._countdown.isActive() or not pin:
            return
        self.pad.set_enabled(False)
        self._work.run(self._try(self._lock, pin))

    @property
    def waiting(self) -> bool:
        """Whether the pad waits after too many wrong tries."""
        return self._countdown.isActive()

    def arrange(self, portrait: bool) -> None:
        """The keypad beside the words on a landscape panel, below them on a portrait one."""
        stack_when_portrait(self._columns, portrait)

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self.title.setText(self.tr("Staff PIN"))
        self.why.setText(
            self.tr("Enter the staff PIN to open the history.")
            if self.purpose is PinPurpose.HISTORY
            else self.tr("Enter the staff PIN to open the settings.")
        )
        self.pin.setPlaceholderText(self.tr("Enter the staff PIN"))
        self.ok_key.setText(self.tr("OK"))
        self.back_key.setToolTip(self.tr("Delete the last digit"))
        self.cancel_button.setText(self.tr("Back"))
        if self._lock is None or self._answer is not None:
            self.message.setText(self._words())

    async def _show_state(self, lock: StaffLock) -> None:
        self._show(await lock.state(), after_try=False)

    async def _try(self, lock: StaffLock, pin: str) -> None:
        answer = await lock.try_pin(pin, self.purpose)
        self._show(answer, after_try=True)
        if answer.outcome is PinOutcome.ACCEPTED:
            self.unlocked.emit(self.purpose)

    def _show(self, answer: PinAnswer, *, after_try: bool) -> None:
        self._answer, self._after_try = answer, after_try
        if answer.wait is not None and answer.wait > timedelta(0):
            self._deadline = time.monotonic() + answer.wait.total_seconds()
            self._countdown.start()
        else:
            self._countdown.stop()  # the database says the pad is free
        self.pad.set_enabled(not self._countdown.isActive())
        self.message.setText(self._words())
        if not self._countdown.isActive():
            self.pin.setFocus()

    def _tick(self) -> None:
        if time.monotonic() < self._deadline:
            self.message.setText(self._words())
            return
        self._countdown.stop()
        self._answer, self._after_try = None, False
        self.pad.set_enabled(True)
        self.message.setText(self.tr("You can try again."))
        self.pin.setFocus()

    def _cancel(self) -> None:
        self.pin.clear()
        self.cancelled.emit()

    def _words(self) -> str:
        """The message under the field, for the last answer."""
        if self._lock is None:
            return self.tr(
                "No staff PIN is set. On this computer run “missedcall-kiosk staff-pin” "
                "and put the line it prints into the config file."
            )
        answer = self._answer
        if answer is None or answer.outcome is PinOutcome.ACCEPTED:
            return ""
        if self._countdown.isActive():
            left = max(int(self._deadline - time.monotonic() + 0.999), 0)
            wait = self.tr("Too many wrong tries. Try again in {time}.").format(
                time=f"{left // 60}:{left % 60:02d}"
            )
            return self.tr("Wrong PIN.") + " " + wait if self._after_try else wait
        if not self._after_try:
            return ""
        return self.tr("Wrong PIN. Tries left before the pad waits: {count}.").format(
            count=format_count(answer.tries_before_lock)
        )
