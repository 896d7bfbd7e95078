from datetime import UTC, datetime, timedelta

import pytest

from kiosk.domain.customer import ControlCharacters, DetailField
from kiosk.domain.events import CallEvent
from kiosk.domain.session import Method, SessionClosed, Status, VerificationSession

T0 = datetime(2026, 11, 26, 10, 0, 0, tzinfo=UTC)
EXPECTED = "+919812345678"


def call(caller: str | None, seconds: float) -> CallEvent:
    return CallEvent(
        caller_raw=caller or "",
        caller=caller,
        at=T0 + timedelta(seconds=seconds),
        source="test",
    )


def new_session(timeout: float = 120) -> VerificationSession:
    return VerificationSession.start(
        expected_number=EXPECTED,
        now=T0,
        timeout=timedelta(seconds=timeout),
        dialed_number="+918000000001",
        reference="ORDER-1",
    )


def test_a_new_session_is_pending_with_a_deadline() -> None:
    session = new_session()
    assert session.status is Status.PENDING
    assert session.expires_at == T0 + timedelta(seconds=120)
    assert session.remaining(T0 + timedelta(seconds=20)) == timedelta(seconds=100)
    assert session.remaining(T0 + timedelta(seconds=500)) == timedelta(0)


def test_default_timeout_is_two_minutes() -> None:
    session = VerificationSession.start(expected_number=EXPECTED, now=T0)
    assert session.expires_at - session.started_at == timedelta(seconds=120)


def test_timeout_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        new_session(timeout=0)


def test_pending_to_verified() -> None:
    session = new_session()
    heard = call(EXPECTED, 30)
    session.verify(heard)
    assert session.status is Status.VERIFIED
    assert session.matched_call == heard
    assert session.completed_at == heard.at


def test_verify_refuses_another_number() -> None:
    session = new_session()
    with pytest.raises(ValueError, match="expected number"):
        session.verify(call("+919800000000", 30))
    assert session.pending


@pytest.mark.parametrize("seconds", [-1, 120.001])
def test_verify_refuses_calls_outside_the_window(seconds: float) -> None:
    session = new_session()
    with pytest.raises(ValueError, match="window"):
        session.verify(call(EXPECTED, seconds))


@pytest.mark.parametrize(
    ("seconds", "inside"), [(0, True), (120, True), (-0.5, False), (121, False)]
)
def test_window_edges(seconds: float, inside: bool) -> None:
    assert new_session().in_window(T0 + timedelta(seconds=seconds)) is inside


def test_pending_to_expired_only_at_the_deadline() -> None:
    session = new_session()
    assert not session.expire_if_due(T0 + timedelta(seconds=119))
    assert session.pending
    assert session.expire_if_due(T0 + timedelta(seconds=120))
    assert session.status is Status.EXPIRED
    assert session.completed_at == T0 + timedelta(seconds=120)
    assert not session.expire_if_due(T0 + timedelta(seconds=200))


def test_pending_to_cancelled() -> None:
    session = new_session()
    session.cancel(T0 + timedelta(seconds=5))
    assert session.status is Status.CANCELLED
    assert session.completed_at == T0 + timedelta(seconds=5)


def test_unmatched_calls_are_counted_and_keep_the_session_open() -> None:
    session = new_session()
    session.note_unmatched(call("+919800000000", 10))
    session.note_unmatched(call(None, 20))
    assert session.pending
    assert session.unmatched_calls == 2
    assert session.last_unmatched_caller is None


def test_extend_moves_the_deadline() -> None:
    session = new_session()
    session.extend(timedelta(seconds=60))
    assert session.expires_at == T0 + timedelta(seconds=180)
    assert not session.expire_if_due(T0 + timedelta(seconds=150))
    with pytest.raises(ValueError, match="positive"):
        session.extend(timedelta(0))


@pytest.mark.parametrize("finish", ["verify", "cancel", "expire"])
def test_final_states_are_final(finish: str) -> None:
    session = new_session()
    if finish == "verify":
        session.verify(call(EXPECTED, 1))
    elif finish == "cancel":
        session.cancel(T0)
    else:
        session.expire_if_due(T0 + timedelta(seconds=120))
    final = session.status
    with pytest.raises(SessionClosed):
        session.cancel(T0)
    with pytest.raises(SessionClosed):
        session.verify(call(EXPECTED, 2))
    with pytest.raises(SessionClosed):
        session.note_unmatched(call("+919800000000", 2))
    with pytest.raises(SessionClosed):
        session.extend(timedelta(seconds=10))
    assert session.status is final


def test_code_sent_keeps_the_session_open_as_long_as_the_code():
    state = VerificationSession.start(
        expected_number="+919812345678", now=T0, timeout=timedelta(seconds=60)
    )
    state.code_sent(T0 + timedelta(minutes=5))
    assert state.expires_at == T0 + timedelta(minutes=5)
    assert state.method is Method.SMS_CODE
    state.verify_by_code(T0 + timedelta(seconds=90))
    assert state.status is Status.VERIFIED
    assert state.method is Method.SMS_CODE
    assert state.matched_call is None


def test_a_call_after_a_code_was_sent_still_verifies_as_a_missed_call():
    state = VerificationSession.start(expected_number="+919812345678", now=T0)
    state.code_sent(T0 + timedelta(minutes=5))
    state.verify(CallEvent("+919812345678", "+919812345678", T0 + timedelta(seconds=200), "modem"))
    assert state.method is Method.MISSED_CALL


@pytest.mark.parametrize(
    ("reference", "name", "field"),
    [
        ("ORDER-1\x1aAT+CFUN=0\r", None, DetailField.REFERENCE),
        ("ORDER-1", "Asha\x1b", DetailField.NAME),
    ],
)
def test_no_session_for_details_with_control_characters(
    reference: str, name: str | None, field: DetailField
) -> None:
    with pytest.raises(ControlCharacters) as refused:
        VerificationSession.start(
            expected_number=EXPECTED, now=T0, reference=reference, customer_name=name
        )
    assert refused.value.field is field
