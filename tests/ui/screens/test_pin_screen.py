from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.domain.pin import check_pin, hash_pin
from kiosk.ui.screens.pin_screen import MAX_TRIES, PinScreen

STORED = hash_pin("2468")


def make(qtbot: QtBot, **options: object) -> PinScreen:
    screen = PinScreen(lambda pin: check_pin(pin, STORED), **options)
    qtbot.addWidget(screen)
    screen.show()
    screen.reset()
    return screen


def test_the_right_pin_typed_on_the_pad_unlocks(qtbot: QtBot) -> None:
    screen = make(qtbot)
    for digit in "2468":
        screen.keys[digit].click()
    assert screen.pin.echoMode() == screen.pin.EchoMode.Password
    with qtbot.waitSignal(screen.unlocked):
        screen.ok_key.click()
    assert screen.pin.text() == ""


def test_keyboard_only_entry_and_backspace(qtbot: QtBot) -> None:
    screen = make(qtbot)
    qtbot.keyClicks(screen.pin, "24689")
    screen.back_key.click()
    with qtbot.waitSignal(screen.unlocked):
        qtbot.keyClick(screen.pin, Qt.Key.Key_Return)


def test_a_wrong_pin_says_so_and_stays_locked(qtbot: QtBot) -> None:
    screen = make(qtbot)
    unlocked: list[bool] = []
    screen.unlocked.connect(lambda: unlocked.append(True))
    qtbot.keyClicks(screen.pin, "1111")
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    assert unlocked == []
    assert screen.message.text() == "Wrong PIN. Please try again."
    assert screen.pin.text() == ""


def test_too_many_wrong_tries_lock_the_pad_for_a_while(qtbot: QtBot) -> None:
    screen = make(qtbot, lockout_ms=200)
    for _ in range(MAX_TRIES):
        screen.pin.setText("0000")
        screen.submit()
    assert screen.message.text() == "Too many wrong tries. Wait 30 seconds."
    assert not screen.ok_key.isEnabled()
    assert not screen.keys["2"].isEnabled()
    screen.pin.setText("2468")
    unlocked: list[bool] = []
    screen.unlocked.connect(lambda: unlocked.append(True))
    screen.submit()  # even the right PIN waits
    assert unlocked == []
    qtbot.waitUntil(screen.ok_key.isEnabled, timeout=3000)
    screen.pin.setText("2468")
    screen.submit()
    assert unlocked == [True]


def test_back_leaves_without_unlocking(qtbot: QtBot) -> None:
    screen = make(qtbot)
    with qtbot.waitSignal(screen.cancelled):
        screen.cancel_button.click()


def test_without_a_configured_pin_the_pad_explains_how_to_set_one(qtbot: QtBot) -> None:
    screen = PinScreen(None)
    qtbot.addWidget(screen)
    screen.show()
    screen.reset()
    assert not screen.ok_key.isEnabled()
    assert not screen.pin.isEnabled()
    assert "missedcall-kiosk staff-pin" in screen.message.text()
    unlocked: list[bool] = []
    screen.unlocked.connect(lambda: unlocked.append(True))
    screen.submit()
    assert unlocked == []
    with qtbot.waitSignal(screen.cancelled):
        screen.cancel_button.click()
