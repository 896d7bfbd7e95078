from datetime import UTC, datetime

from standardwebhooks import Webhook

from kiosk.delivery.signing import generate_secret, signed_headers


def test_headers_verify_with_the_official_library() -> None:
    secret = generate_secret()
    now = datetime.now(UTC)
    body = '{"type":"verification.completed"}'
    headers = signed_headers(secret, message_id="msg_1", timestamp=now, body=body)
    assert headers["webhook-id"] == "msg_1"
    assert headers["webhook-timestamp"] == str(int(now.timestamp()))
    assert headers["webhook-signature"].startswith("v1,")
    assert Webhook(secret).verify(body, headers) == {"type": "verification.completed"}


def test_generated_secrets_have_the_standard_prefix_and_differ() -> None:
    first, second = generate_secret(), generate_secret()
    assert first.startswith("whsec_")
    assert first != second
