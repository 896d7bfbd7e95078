import json
from datetime import UTC, datetime, timedelta

from kiosk.delivery.payload import EVENT_TYPE, completion_message, verification_data
from kiosk.domain.events import CallEvent
from kiosk.domain.session import VerificationSession

T0 = datetime(2026, 11, 26, 10, 14, 31, 250000, tzinfo=UTC)
CONTRACT_KEYS = {
    "verification_id", "status", "reference", "customer_id", "expected_number",
    "caller_number", "dialed_number", "source", "started_at", "expires_at",
    "completed_at", "call_at", "unmatched_calls", "kiosk_id", "method",
}  # fmt: skip


def session() -> VerificationSession:
    return VerificationSession.start(
        expected_number="+919812345678",
        now=T0,
        dialed_number="+918000000001",
        reference="ORDER-1042",
        customer_id="cust-1",
    )


def test_verified_body_follows_the_contract() -> None:
    state = session()
    state.verify(CallEvent("+919812345678", "+919812345678", T0 + timedelta(seconds=31), "modem"))
    data = verification_data(state, kiosk_id="counter-1")
    assert set(data) == CONTRACT_KEYS
    assert data == {
        "verification_id": state.id,
        "status": "verified",
        "method": "missed_call",
        "reference": "ORDER-1042",
        "customer_id": "cust-1",
        "expected_number": "+919812345678",
        "caller_number": "+919812345678",
        "dialed_number": "+918000000001",
        "source": "modem",
        "started_at": "2026-11-26T10:14:31Z",
        "expires_at": "2026-11-26T10:16:31Z",
        "completed_at": "2026-11-26T10:15:02Z",
        "call_at": "2026-11-26T10:15:02Z",
        "unmatched_calls": 0,
        "kiosk_id": "counter-1",
    }


def test_expired_body_has_no_caller() -> None:
    state = session()
    state.expire_if_due(T0 + timedelta(seconds=120))
    data = verification_data(state, kiosk_id="counter-1")
    assert data["status"] == "expired"
    assert data["caller_number"] is None
    assert data["call_at"] is None
    assert data["source"] is None
    assert data["method"] == "missed_call"


def test_verified_by_sms_code_says_so() -> None:
    state = session()
    state.code_sent(T0 + timedelta(minutes=5))
    state.verify_by_code(T0 + timedelta(seconds=75))
    data = verification_data(state, kiosk_id="counter-1", default_source="modem")
    assert data["status"] == "verified"
    assert data["method"] == "sms_code"
    assert data["caller_number"] is None
    assert data["call_at"] is None
    assert data["completed_at"] == "2026-11-26T10:15:46Z"
    assert data["expires_at"] == "2026-11-26T10:19:31Z"  # kept open as long as the code


def test_message_wraps_the_data_in_the_standard_envelope() -> None:
    state = session()
    state.cancel(T0)
    message = completion_message(state, kiosk_id="counter-1", now=T0)
    body = json.loads(message.payload)
    assert body["type"] == EVENT_TYPE == "verification.completed"
    assert body["timestamp"] == "2026-11-26T10:14:31Z"
    assert body["data"]["status"] == "cancelled"
    assert message.id.startswith("msg_")
    assert message.next_attempt_at == T0
    assert message.attempts == 0
