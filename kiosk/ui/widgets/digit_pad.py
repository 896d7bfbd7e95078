"""A touch digit pad (0-9, delete, OK) that types into a line edit: PIN and SMS code."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QWidget

from kiosk.ui.style import named


class DigitPad(QWidget):
    """Twelve large keys for ``field``; :attr:`submitted` fires on OK (and on Enter)."""

    submitted = Signal()

    def __init__(self, field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        pad = QGridLayout(self)
        pad.setContentsMargins(0, 0, 0, 0)
        pad.setSpacing(6)
        self.keys: dict[str, QPushButton] = {}
        for index, digit in enumerate("1234567890"):
            button = named(QPushButton(digit), "pinKey")
            button.clicked.connect(lambda _=False, d=digit: self.field.insert(d))
            self.keys[digit] = button
            if digit != "0":
                pad.addWidget(button, index // 3, index % 3)
        self.back_key = named(QPushButton("⌫"), "pinKey")
        self.ok_key = named(QPushButton(), "primaryButton")
        pad.addWidget(self.back_key, 3, 0)
        pad.addWidget(self.keys["0"], 3, 1)
        pad.addWidget(self.ok_key, 3, 2)
        self.back_key.clicked.connect(self.field.backspace)
        self.ok_key.clicked.connect(self.submitted.emit)
        field.returnPressed.connect(self.submitted.emit)

    def set_enabled(self, enabled: bool) -> None:
        """Switch every key and the field on or off (a lockout)."""
        for widget in (*self.keys.values(), self.ok_key, self.back_key, self.field):
            widget.setEnabled(enabled)
