from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from kiosk.domain.reasons import Why
from kiosk.domain.sms_code import CodeCheck
from kiosk.sources.modem.reasons import ModemReason
from kiosk.ui.i18n import Languages
from kiosk.ui.screens.code_screen import CodeScreen


def screen(qtbot: QtBot, **options) -> CodeScreen:
    widget = CodeScreen(**options)
    qtbot.addWidget(widget)
    widget.show()
    widget.show_sending("session-1", "+919812345678")
    return widget


def test_the_pad_waits_until_the_code_is_sent(qtbot: QtBot) -> None:
    widget = screen(qtbot)
    assert widget.message.text() == "Sending a code to the phone ending 5678…"
    assert not widget.pad.ok_key.isEnabled()
    assert not widget.resend_button.isVisible()
    widget.show_sent(datetime(2026, 11, 26, 10, 20, tzinfo=UTC))
    assert widget.pad.ok_key.isEnabled()
    assert widget.message.text().startswith("Code sent to the phone ending 5678.")
    assert "Valid until" in widget.message.text()


def test_six_digits_typed_on_the_pad_or_keyboard_are_sent(qtbot: QtBot) -> None:
    widget = screen(qtbot)
    widget.show_sent(None)
    for digit in "12345":
        widget.pad.keys[digit].click()
    with qtbot.assertNotEmitted(widget.code_entered):
        widget.pad.ok_key.click()  # five digits: not a code yet
    widget.pad.back_key.click()
    widget.code.insert("a")  # letters are refused by the field
    assert widget.code.text() == "1234"
    with qtbot.waitSignal(widget.code_entered) as entered:
        qtbot.keyClicks(widget.code, "56")
        qtbot.keyClick(widget.code, "\r")
    assert entered.args == ["session-1", "123456"]


def test_answers_and_a_new_code(qtbot: QtBot) -> None:
    widget = screen(qtbot)
    widget.show_sent(None)
    widget.show_answer(CodeCheck.WRONG, 3)
    assert widget.answer.text() == "Wrong code. Tries left: 3."
    assert not widget.resend_button.isVisible()
    widget.show_answer(CodeCheck.TOO_MANY_TRIES, 0)
    assert widget.answer.text().startswith("Too many wrong codes.")
    assert widget.resend_button.isVisible()
    with qtbot.waitSignal(widget.resend_requested) as resend:
        widget.resend_button.click()
    assert resend.args == ["session-1"]


def test_not_sent_says_why_in_the_current_language(qtbot: QtBot) -> None:
    widget = screen(qtbot)
    no_network = Why(ModemReason.SMS_NO_NETWORK)
    widget.show_not_sent(Why(ModemReason.SMS_NOT_SENT_CODE, cause=no_network, code=331))
    assert widget.message.text() == (
        "The code was not sent. The text message was not sent: there is no mobile network "
        "(error 331)."
    )
    languages = Languages("hi")
    try:
        assert widget.message.text() == (
            "कोड नहीं भेजा गया। SMS नहीं भेजा गया: मोबाइल नेटवर्क नहीं है (त्रुटि 331)।"
        )
    finally:
        languages.switch("en")
    assert widget.message.property("fault") is True
    assert widget.resend_button.isVisible()
    with qtbot.waitSignal(widget.back_requested):
        widget.back_button.click()


def test_demo_shows_what_the_simulated_phone_received(qtbot: QtBot) -> None:
    widget = screen(qtbot, demo_texts=lambda: ["Your verification code is 123456."])
    widget.show_sent(None)
    assert widget.message.text().endswith("Demo: the simulated phone got the code 123456.")
