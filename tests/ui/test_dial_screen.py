from dataclasses import replace
from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from kiosk.domain.session import VerificationSession
from kiosk.ui.dial_screen import DialScreen

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
    assert screen.who.text() == ("Asha Verma, please call this number from the phone ending 5678")
    assert "9812345678" not in screen.who.text()
    assert screen.countdown.text() == "1:55 left"
    assert screen.progress.value() == 958
    assert screen.progress.property("warn") is False
    assert "costs nothing" in screen.instructions.text()


def test_turns_red_near_the_end(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, 105)
    screen.show_session(session())
    assert screen.countdown.text() == "0:15 left"
    assert screen.progress.property("warn") is True
    assert screen.countdown.property("warn") is True


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
    right, wrong = [b for b in screen.demo_bar.children() if hasattr(b, "click")]
    right.click()
    wrong.click()
    assert rung[0] == "+919812345678"
    assert rung[1] != "+919812345678"
