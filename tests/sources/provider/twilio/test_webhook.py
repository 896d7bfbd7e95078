"""Twilio's voice webhook through the listener, over real HTTP on 127.0.0.1."""

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime

import httpx
import pytest

from kiosk.sources.provider.inbound import InboundCallListener
from kiosk.sources.provider.twilio.webhook import TWIML_REJECT, twilio_signature
from kiosk.sources.provider.webhook import ReplayGuard
from tests.sources.conftest import RecordingSink
from tests.sources.provider.notifications import (
    AUTH_TOKEN,
    CALL_SID,
    CALLER,
    KIOSK_NUMBER,
    OTHER_NUMBER,
    listening,
    post_twilio,
    signed,
    twilio_params,
    voice_url,
)

# -- the signature ----------------------------------------------------------------------


def test_signature_matches_twilio_documented_example() -> None:
    # The example of Twilio's security docs and twilio-python's RequestValidator test.
    url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    params = {
        "CallSid": "CA1234567890ABCDE",
        "Caller": "+14158675309",
        "Digits": "1234",
        "From": "+14158675309",
        "To": "+18005551212",
    }
    assert signed("12345", url, params) == "RSOYDt4T1cUTdK1PDd93/VVr8B8="
    assert twilio_signature("12345", url, params.items()) == "RSOYDt4T1cUTdK1PDd93/VVr8B8="


def test_signature_sorts_case_sensitively_and_repeated_names_by_value() -> None:
    params = [("b", "2"), ("B", "1"), ("a", "y"), ("a", "x")]
    data = "https://k.example/v" + "B1" + "ax" + "ay" + "b2"
    expected = base64.b64encode(hmac.new(b"t", data.encode(), hashlib.sha1).digest()).decode()
    assert twilio_signature("t", "https://k.example/v", params) == expected


# -- the call ---------------------------------------------------------------------------


async def test_signed_twilio_call_is_reported_and_rejected(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    before = datetime.now(UTC)
    params = twilio_params(From="+91 98123-45678")
    response = await post_twilio(client, server, params)
    after = datetime.now(UTC)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/xml")
    assert response.text == TWIML_REJECT
    [event] = await sink.wait_calls(1)
    assert event.source == "twilio"
    assert event.caller == CALLER
    assert event.caller_raw == "+91 98123-45678"
    assert event.dialed == KIOSK_NUMBER
    assert event.call_id == CALL_SID
    assert before <= event.at <= after
    assert json.loads(event.raw) == params


async def test_twilio_timestamp_is_the_call_time(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    params = twilio_params(Timestamp="Thu, 26 Nov 2026 10:15:02 +0000")
    assert (await post_twilio(client, server, params)).status_code == 200
    [event] = await sink.wait_calls(1)
    assert event.at == datetime(2026, 11, 26, 10, 15, 2, tzinfo=UTC)


@pytest.mark.parametrize(
    "signature",
    [
        pytest.param("", id="missing"),
        pytest.param("AAAAAAAAAAAAAAAAAAAAAAAAAAA=", id="garbage"),
        pytest.param(None, id="other-token"),
    ],
)
async def test_twilio_without_a_valid_signature_is_refused(
    server: InboundCallListener,
    sink: RecordingSink,
    client: httpx.AsyncClient,
    signature: str | None,
) -> None:
    params = twilio_params()
    if signature is None:
        response = await post_twilio(client, server, params, token="not-the-token")
    elif signature:
        response = await post_twilio(client, server, params, signature=signature)
    else:
        response = await client.post(voice_url(server), data=params)
    assert response.status_code == 403
    assert "Reject" not in response.text
    assert sink.calls == []


async def test_twilio_signature_over_other_params_is_refused(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    signature = signed(AUTH_TOKEN, voice_url(server), twilio_params())
    tampered = twilio_params(From=OTHER_NUMBER)
    response = await post_twilio(client, server, tampered, signature=signature)
    assert response.status_code == 403
    assert sink.calls == []


async def test_twilio_without_a_configured_token_is_always_refused(
    replay_guard: ReplayGuard, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    async with listening(sink, replay_guard, twilio_auth_token=None) as (listener, _):
        for token in (AUTH_TOKEN, ""):
            response = await post_twilio(client, listener, twilio_params(), token=token)
            assert response.status_code == 403
    assert sink.calls == []


async def test_twilio_behind_a_relay_is_checked_against_the_public_url(
    replay_guard: ReplayGuard, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    public = "https://relay.example.com/kiosk/twilio/voice?site=7"
    async with listening(sink, replay_guard, public_url=public) as (listener, _):
        local = await post_twilio(client, listener, twilio_params())
        assert local.status_code == 403
        relayed = await post_twilio(client, listener, twilio_params(), signed_url=public)
        assert relayed.status_code == 200
        # twilio-python also accepts the URL with the scheme's default port.
        with_port = "https://relay.example.com:443/kiosk/twilio/voice?site=7"
        params = twilio_params(CallSid="CA" + "1" * 32)
        assert (await post_twilio(client, listener, params, signed_url=with_port)).is_success
    assert [event.caller for event in sink.calls] == [CALLER, CALLER]


@pytest.mark.parametrize("withheld", ["anonymous", "+266696687", "", "client:alice"])
async def test_twilio_withheld_caller(
    server: InboundCallListener,
    sink: RecordingSink,
    client: httpx.AsyncClient,
    withheld: str,
) -> None:
    response = await post_twilio(client, server, twilio_params(From=withheld))
    assert response.text == TWIML_REJECT
    [event] = await sink.wait_calls(1)
    assert event.caller is None
    assert event.withheld
    assert event.caller_raw == withheld


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"To": OTHER_NUMBER}, id="other-number"),
        pytest.param({"To": ""}, id="no-number"),
        pytest.param({"Direction": "outbound-api"}, id="outbound"),
    ],
)
async def test_twilio_call_not_to_the_kiosk_is_answered_but_ignored(
    server: InboundCallListener,
    sink: RecordingSink,
    client: httpx.AsyncClient,
    changes: dict[str, str],
) -> None:
    response = await post_twilio(client, server, twilio_params(**changes))
    assert response.status_code == 200
    assert response.text == TWIML_REJECT
    assert sink.calls == []
