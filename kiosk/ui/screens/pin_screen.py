"""The staff lock: a PIN pad that guards settings and leaving kiosk mode.

The PIN is checked against ``staff_pin_hash`` (a salted hash, never the PIN). After
five wrong tries the pad waits half a minute before it accepts another.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.i18n import Retranslating
from kiosk.ui.style import named, styled_background
from kiosk.ui.widgets.digit_pad import DigitPad

MAX_TRIES = 5
LOCKOUT_MS = 30_000


class PinScreen(Retranslating, QWidget):
    """Asks for the staff PIN; emits :attr:`unlocked` or :attr:`cancelled`.

    Without a ``check`` (no PIN configured) the pad stays off and says how to set one.
    """

    unlocked = Signal()
    cancelled = Signal()

    def __init__(
        self,
        check: Callable[[str], bool] | None,
        *,
        lockout_ms: int = LOCKOUT_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinScreen")
        styled_background(self)
        self._check = check
        self._failures = 0

        self.title = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "screenTitle")
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
        left.addWidget(self.pin)
        left.addWidget(self.message)
        left.addStretch(1)
        left.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(24)
        layout.addLayout(left, 1)
        layout.addWidget(self.pad, 1)

        self._lockout = QTimer(self, singleShot=True, interval=lockout_ms)
        self._lockout.timeout.connect(self._end_lockout)
        self.pad.submitted.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.retranslate()

    def reset(self) -> None:
        """Empty the field and focus it, ready for a PIN."""
        self.pin.clear()
        if self._check is None:
            self._set_locked(True)
            self.cancel_button.setFocus()
            return
        if not self._lockout.isActive():
            self.message.clear()
        self.pin.setFocus()

    def submit(self) -> None:
        """Check the PIN typed so far."""
        if self._lockout.isActive() or self._check is None:
            return
        pin = self.pin.text()
        self.pin.clear()
        if pin and self._check(pin):
            self._failures = 0
            self.message.clear()
            self.unlocked.emit()
            return
        self._failures += 1
        if self._failures >= MAX_TRIES:
            self._set_locked(True)
            self._lockout.start()
        else:
            self.message.setText(self.tr("Wrong PIN. Please try again."))

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self.title.setText(self.tr("Staff PIN"))
        self.pin.setPlaceholderText(self.tr("Enter the staff PIN"))
        self.ok_key.setText(self.tr("OK"))
        self.back_key.setToolTip(self.tr("Delete the last digit"))
        self.cancel_button.setText(self.tr("Back"))
        if self._lockout.isActive() or self._check is None:
            self.message.setText(self._locked_words())

    def _locked_words(self) -> str:
        if self._check is None:
            return self.tr(
                "No staff PIN is set. On this computer run “missedcall-kiosk staff-pin” "
                "and put the line it prints into the config file."
            )
        return self.tr("Too many wrong tries. Wait 30 seconds.")

    def _set_locked(self, locked: bool) -> None:
        self.pad.set_enabled(not locked)
        self.message.setText(self._locked_words() if locked else "")

    def _end_lockout(self) -> None:
        self._failures = 0
        self._set_locked(False)
        self.pin.setFocus()
