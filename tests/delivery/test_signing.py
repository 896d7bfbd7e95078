import base64
from datetime import UTC, datetime

from standardwebhooks import Webhook

from kiosk.delivery.signing import signed_headers

SECRET = "whsec_" + base64.b64encode(b"a kiosk's signing secret").decode()


def test_headers_verify_with_the_official_library() -> None:
    now = datetime.now(UTC)
    body = '{"type":"verification.completed"}'
    headers = signed_headers(SECRET, message_id="msg_1", timestamp=now, body=body)
    assert headers["webhook-id"] == "msg_1"
    assert headers["webhook-timestamp"] == str(int(now.timestamp()))
    assert headers["webhook-signature"].startswith("v1,")
    assert Webhook(SECRET).verify(body, headers) == {"type": "verification.completed"}
