from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets.busy_note import BusyNote


def test_shows_while_busy_and_guards_its_controls(qtbot: QtBot) -> None:
    screen = QWidget()
    qtbot.addWidget(screen)
    button = QPushButton("Cancel")
    note = BusyNote(button)
    layout = QVBoxLayout(screen)
    layout.addWidget(note)
    layout.addWidget(button)
    screen.show()
    assert not note.isVisible()
    assert button.isEnabled()
    note.set_busy(True)
    assert note.isVisible()
    assert note.text() == "Please wait…"
    assert not button.isEnabled()
    note.set_busy(False)
    assert not note.isVisible()
    assert button.isEnabled()
