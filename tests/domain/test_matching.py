from datetime import UTC, datetime, timedelta

from kiosk.domain.events import CallEvent
from kiosk.domain.matching import route_call
from kiosk.domain.session import CallOutcome, VerificationSession

T0 = datetime(2026, 11, 26, 10, 0, 0, tzinfo=UTC)
DIAL = "+918000000001"


def session(number: str, started: float = 0, dialed: str | None = DIAL) -> VerificationSession:
    return VerificationSession.start(
        expected_number=number,
        now=T0 + timedelta(seconds=started),
        timeout=timedelta(seconds=120),
        dialed_number=dialed,
    )


def call(caller: str | None, at: float = 30, dialed: str | None = None) -> CallEvent:
    return CallEvent(
        caller_raw=caller or "",
        caller=caller,
        at=T0 + timedelta(seconds=at),
        source="test",
        dialed=dialed,
    )


def test_call_verifies_the_session_expecting_that_number() -> None:
    a, b = session("+919811111111"), session("+919822222222")
    routing = route_call([a, b], call("+919822222222"))
    assert routing.outcome is CallOutcome.MATCHED
    assert routing.verifies is b
    assert routing.hints == []


def test_same_number_twice_verifies_the_oldest() -> None:
    older, newer = session("+919811111111", started=0), session("+919811111111", started=5)
    assert route_call([newer, older], call("+919811111111")).verifies is older


def test_other_number_is_a_hint_for_every_open_session() -> None:
    a, b = session("+919811111111"), session("+919822222222")
    routing = route_call([a, b], call("+919833333333"))
    assert routing.outcome is CallOutcome.UNMATCHED
    assert routing.verifies is None
    assert set(map(id, routing.hints)) == {id(a), id(b)}


def test_withheld_caller_never_verifies() -> None:
    a = session("+919811111111")
    routing = route_call([a], call(None))
    assert routing.outcome is CallOutcome.WITHHELD
    assert routing.verifies is None
    assert routing.hints == [a]


def test_call_before_start_or_after_deadline_is_outside_window() -> None:
    a = session("+919811111111", started=10)
    assert route_call([a], call("+919811111111", at=5)).outcome is CallOutcome.OUTSIDE_WINDOW
    assert route_call([a], call("+919811111111", at=131)).outcome is CallOutcome.OUTSIDE_WINDOW


def test_no_pending_session() -> None:
    done = session("+919811111111")
    done.cancel(T0)
    assert route_call([done], call("+919811111111")).outcome is CallOutcome.NO_SESSION
    assert route_call([], call("+919811111111")).outcome is CallOutcome.NO_SESSION


def test_call_to_another_dialed_number_is_not_for_this_session() -> None:
    a = session("+919811111111", dialed=DIAL)
    routing = route_call([a], call("+919811111111", dialed="+918000000002"))
    assert routing.verifies is None
    assert routing.outcome is CallOutcome.OUTSIDE_WINDOW
    assert route_call([a], call("+919811111111", dialed=DIAL)).verifies is a


def test_a_provider_timestamp_a_little_before_the_start_counts_within_its_tolerance() -> None:
    a = session("+919811111111", started=10)
    early = call("+919811111111", at=9.4)
    assert route_call([a], early).verifies is None
    tolerant = CallEvent(early.caller_raw, early.caller, early.at, "twilio", tolerance=1.0)
    assert route_call([a], tolerant).verifies is a
    a.verify(tolerant)
    assert a.status.value == "verified"
