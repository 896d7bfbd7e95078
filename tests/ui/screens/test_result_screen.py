from dataclasses import replace
from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from kiosk.domain.events import CallEvent
from kiosk.domain.session import Status, VerificationSession
from kiosk.ui.screens.result_screen import ResultScreen
from kiosk.ui.sound import OutcomeSound, sound_file

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
CALL = CallEvent("+919812345678", "+919812345678", T0, "modem")


def finished(status: Status, **changes: object) -> VerificationSession:
    session = VerificationSession.start(
        expected_number="+919812345678",
        now=T0,
        customer_name="Asha Verma",
        reference="ORDER-1042",
    )
    return replace(session, status=status, **changes)


def test_verified_says_so_in_words_and_colour(qtbot: QtBot) -> None:
    screen = ResultScreen(return_after_seconds=8)
    qtbot.addWidget(screen)
    screen.show_session(finished(Status.VERIFIED, matched_call=CALL))
    assert screen.headline.text() == "Verified"
    assert screen.symbol.text() == "✔"
    assert screen.property("outcome") == "verified"
    assert screen.who.text() == "Asha Verma  ·  ORDER-1042"
    assert screen.how.text().startswith("Missed call from +91 ••••••5678 at ")
    assert screen.done_button.text() == "Done (8)"


def test_expired_and_cancelled_are_not_verified(qtbot: QtBot) -> None:
    screen = ResultScreen(return_after_seconds=0)
    qtbot.addWidget(screen)
    screen.show_session(finished(Status.EXPIRED, unmatched_calls=2))
    assert screen.headline.text() == "Not verified: time ran out"
    assert screen.symbol.text() == "✖"
    assert screen.how.text() == "2 calls came from a different number."
    assert screen.done_button.text() == "Done"
    screen.show_session(finished(Status.CANCELLED))
    assert screen.headline.text() == "Not verified: cancelled"
    assert screen.property("outcome") == "cancelled"


def test_returns_by_itself_after_the_configured_time(qtbot: QtBot) -> None:
    screen = ResultScreen(return_after_seconds=1)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.done, timeout=5000):
        screen.show_session(finished(Status.VERIFIED, matched_call=CALL))


def test_each_outcome_plays_its_sound(qtbot: QtBot) -> None:
    sound = OutcomeSound(enabled=False)
    screen = ResultScreen(return_after_seconds=0, sound=sound)
    qtbot.addWidget(screen)
    screen.show_session(finished(Status.VERIFIED, matched_call=CALL))
    screen.show_session(finished(Status.EXPIRED))
    assert list(sound.played) == [True, False]
    assert sound_file(True).name == "verified.wav"
    assert sound_file(True).stat().st_size > 1000
    assert sound_file(False).stat().st_size > 1000


def test_return_delay_can_change_while_running(qtbot: QtBot) -> None:
    screen = ResultScreen(return_after_seconds=0)
    qtbot.addWidget(screen)
    screen.set_return_after(5)
    screen.show_session(finished(Status.CANCELLED))
    assert screen.done_button.text() == "Done (5)"


def test_verified_by_sms_code_says_so(qtbot: QtBot) -> None:
    screen = ResultScreen(return_after_seconds=0)
    qtbot.addWidget(screen)
    session = finished(Status.PENDING)
    session.verify_by_code(T0)
    screen.show_session(session)
    assert screen.headline.text() == "Verified"
    assert screen.how.text().startswith("Code sent by SMS, typed in at ")
