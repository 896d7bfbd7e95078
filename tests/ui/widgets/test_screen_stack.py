"""The screen stack asks for the room of the screen on show, not of its largest screen."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets.screen_stack import ScreenStack


def test_the_minimum_is_the_current_screens(qtbot: QtBot) -> None:
    stack = ScreenStack()
    qtbot.addWidget(stack)
    small, wide = page_needing(QSize(100, 50)), page_needing(QSize(900, 300))
    stack.addWidget(small)
    stack.addWidget(wide)
    assert stack.minimumSizeHint() == QSize(100, 50)
    stack.setCurrentWidget(wide)
    assert stack.minimumSizeHint() == QSize(900, 300)


def page_needing(size: QSize) -> QWidget:
    """A screen whose content needs ``size``."""
    page = QWidget()
    content = QWidget()
    content.setMinimumSize(size)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(content)
    return page
