"""A base for square painted widgets (QR code, countdown ring) sized by their screen."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QSizePolicy, QWidget


class SquareWidget(QWidget):
    """Asks the layout for a square of :attr:`preferred_side`; paints centred in what it gets."""

    def __init__(self, side: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preferred_side = side
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_preferred_side(self, side: int) -> None:
        """Ask the layout for a square this big (it may still get less)."""
        if side != self.preferred_side:
            self.preferred_side = side
            self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """The preferred square."""
        return QSize(self.preferred_side, self.preferred_side)
