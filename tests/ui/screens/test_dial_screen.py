from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
import segno
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kiosk.domain.session import VerificationSession
from kiosk.ui.screens.dial_screen import DialScreen
from kiosk.ui.widgets.countdown_ring import CALM

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def session(**changes: object) -> VerificationSession:
    started = VerificationSession.start(
        expected_number="+919812345678",
        now=T0,
        dialed_number="+918000000001",
        customer_name="Asha Verma",
        reference="ORDER-1042",
    )
    return replace(started, **changes)


def make_screen(qtbot: QtBot, seconds_in: float, **options: object) -> DialScreen:
    screen = DialScreen(now=lambda: T0 + timedelta(seconds=seconds_in), **options)
    qtbot.addWidget(screen)
    return screen


def test_shows_number_who_and_time_left(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, 5)
    screen.show_session(session())
    assert screen.number.text() == "080000 00001"
    assert screen.number_international.text() == "+91 80000 00001"
    assert screen.who.text() == "Asha Verma, please dial from the phone ending 5678"
    assert "9812345678" not in screen.who.text()
    assert screen.countdown.text == "1:55"
    assert screen.countdown.caption == "left"
    assert screen.countdown.fraction == pytest.approx(115 / 120)
    assert screen.countdown.colour == CALM
    assert "costs nothing" in screen.instructions.text()


def test_qr_code_dials_the_number(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, 5)
    screen.show_session(session())
    assert screen.qr.text == "tel:+918000000001"
    assert screen.qr.modules() >= 21 + 4  # a full QR code (version 1 or more), never Micro QR
    decoded = segno.make_qr("tel:+918000000001", error="m").matrix
    assert screen.qr.modules() == len(decoded) + 4


def test_number_grouped_for_the_kiosks_country(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, 5, region="GB")
    screen.show_session(session())
    assert screen.number.text() == "00 91 80000 00001"
    screen.set_region("IN")
    assert screen.number.text() == "080000 00001"


@pytest.mark.parametrize(
    ("seconds_in", "colour"), [(5, CALM), (95, "#d97706"), (112, "#dc2626"), (200, "#dc2626")]
)
def test_ring_changes_colour_near_the_end(qtbot: QtBot, seconds_in: float, colour: str) -> None:
    screen = make_screen(qtbot, seconds_in)
    screen.show_session(session())
    assert screen.countdown.colour == colour
    assert 0.0 <= screen.countdown.fraction <= 1.0


def test_turns_red_near_the_end(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, 115)
    screen.show_session(session())
    assert screen.countdown.text == "0:05"
    assert screen.countdown.colour == "#dc2626"


def test_hint_for_a_different_number(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, 5)
    screen.show_session(session(unmatched_calls=1, last_unmatched_caller="+919900011122"))
    assert not screen.hint.isHidden()
    assert screen.hint.text() == (
        "A call came from a different number (+91 ••••••1122). "
        "Please call from the phone ending 5678."
    )


def test_hint_for_a_hidden_number(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, 5)
    screen.show_session(session(unmatched_calls=1, last_unmatched_caller=None))
    assert "hidden number" in screen.hint.text()
    assert "caller ID" in screen.hint.text()


def test_hint_for_a_call_cut_short_is_not_the_hidden_number_one(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, 5)
    unknown = session(unmatched_calls=1, last_unmatched_caller=None, last_unmatched_unknown=True)
    screen.show_session(unknown)
    assert not screen.hint.isHidden()
    assert screen.hint.text() == (
        "A call was cut short before its number came through. "
        "Please call again from the phone ending 5678."
    )
    assert "hidden" not in screen.hint.text()
    assert "caller ID" not in screen.hint.text()


def test_no_hint_and_no_demo_controls_by_default(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, 5)
    screen.show_session(session())
    assert screen.hint.isHidden()
    assert screen.demo_bar is None


def test_buttons_ask_for_cancel_and_more_time(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, 5)
    current = session()
    screen.show_session(current)
    with qtbot.waitSignal(screen.cancel_requested) as cancelled:
        screen.cancel_button.click()
    assert cancelled.args == [current.id]
    with qtbot.waitSignal(screen.extend_requested) as extended:
        screen.extend_button.click()
    assert extended.args == [current.id]


def test_demo_controls_simulate_right_and_wrong_callers(qtbot: QtBot) -> None:
    rung: list[str] = []
    screen = make_screen(qtbot, 5, simulate_call=rung.append)
    screen.show_session(session())
    assert screen.demo_bar is not None
    right, wrong = [b for b in screen.demo_bar.children() if isinstance(b, QPushButton)]
    right.click()
    wrong.click()
    assert rung[0] == "+919812345678"
    assert rung[1] != "+919812345678"


def test_sms_button_is_hidden_until_available_and_asks_for_a_code(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, 5)
    current = session()
    screen.show_session(current)
    assert screen.sms_button.isHidden()
    screen.set_sms_available(True)
    assert not screen.sms_button.isHidden()
    with qtbot.waitSignal(screen.sms_requested) as asked:
        screen.sms_button.click()
    assert asked.args == [current.id]


def test_language_button_offers_the_other_language(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, 5)
    screen.show_session(session())
    assert screen.language_button.text() == "हिन्दी"
    with qtbot.waitSignal(screen.language_requested) as asked:
        screen.language_button.click()
    assert asked.args == ["hi"]
    screen.set_current_language("hi")
    assert screen.language_button.text() == "English"


def test_customer_facing_screen_has_no_staff_buttons(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, 5, customer_facing=True, simulate_call=lambda _n: None)
    screen.show()
    screen.show_session(session())
    assert not screen.action_bar.isVisible()
    assert screen.demo_bar is None
    assert screen.number.isVisible()
    assert screen.qr.isVisible()
    assert screen.countdown.isVisible()
    assert screen.instructions.isVisible()
