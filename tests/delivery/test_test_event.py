from kiosk.delivery.test_event import TEST_EVENT, send_test_callback
from tests.merchant_backend import SECRET, MerchantBackend


async def test_test_callback_is_signed_and_reported(backend: MerchantBackend) -> None:
    result = await send_test_callback(backend.url, SECRET, kiosk_id="k1")
    assert result.ok
    assert "accepted" in str(result.why)
    [delivery] = backend.received
    assert delivery.signature_ok
    assert delivery.payload["type"] == TEST_EVENT
    assert delivery.payload["data"]["kiosk_id"] == "k1"
    assert "no customer" in delivery.payload["data"]["message"]
    backend.answer(503)
    result = await send_test_callback(backend.url, SECRET, kiosk_id="k1")
    assert not result.ok
    assert str(result.why) == "The backend answered 503 Service Unavailable."
    wrong = await send_test_callback(backend.url, "whsec_" + "QUJD" * 8, kiosk_id="k1")
    assert str(wrong.why) == "The backend answered 401 Unauthorized."


async def test_test_callback_needs_url_and_secret_and_a_reachable_backend() -> None:
    assert str((await send_test_callback(None, SECRET, kiosk_id="k")).why) == (
        "Enter the callback URL first."
    )
    assert str((await send_test_callback("http://x", None, kiosk_id="k")).why) == (
        "Enter the callback secret first."
    )
    down = await send_test_callback("http://127.0.0.1:9/hook", SECRET, kiosk_id="k", wait=2)
    assert not down.ok
    assert str(down.why).startswith("Cannot reach the backend")
