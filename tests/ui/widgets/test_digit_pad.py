from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets.digit_pad import DigitPad


def test_keys_type_delete_and_submit(qtbot: QtBot) -> None:
    field = QLineEdit()
    pad = DigitPad(field)
    qtbot.addWidget(pad)
    for digit in "9081":
        pad.keys[digit].click()
    pad.back_key.click()
    assert field.text() == "908"
    with qtbot.waitSignal(pad.submitted):
        pad.ok_key.click()
    pad.set_enabled(False)
    assert not any(key.isEnabled() for key in pad.keys.values())
    assert not field.isEnabled()
