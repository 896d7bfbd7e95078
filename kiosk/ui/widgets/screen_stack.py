"""The main window's stack of screens, as large as the screen on show needs, no more.

A plain ``QStackedWidget`` asks for the room its largest page needs, shown or not, so
one wide screen would hold every other one back on a small panel. The stack also tells
every screen, shown or not, whether the panel is portrait.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.ui.style import Arranged


class ScreenStack(QStackedWidget):
    """A stack of screens whose size hints are those of the current screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """What the current screen would like."""
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """What the current screen needs."""
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else super().minimumSizeHint()

    def arrange(self, portrait: bool) -> None:
        """Tell every screen that lays itself out for the panel's shape which shape it is."""
        for index in range(self.count()):
            screen = self.widget(index)
            if isinstance(screen, Arranged):
                screen.arrange(portrait)
