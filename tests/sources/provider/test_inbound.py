"""The inbound notification listener, driven over real HTTP on 127.0.0.1."""

import asyncio
import base64
import hashlib
import hmac
import json
import logging
import socket
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime

import httpx
import pytest

from kiosk.domain.health import SourceState
from kiosk.sources.provider.inbound import TWIML_REJECT, InboundCallListener, twilio_signature
from tests.sources.conftest import WAIT, RecordingSink

KIOSK_NUMBER = "+918040001234"
CALLER = "+919812345678"
OTHER_NUMBER = "+919900011122"
AUTH_TOKEN = "test-auth-token-0123456789abcdef"
SECRET = "kiosk-shared-secret-42"
CALL_SID = "CA" + "0123456789abcdef" * 2


def signed(token: str, url: str, params: dict[str, str]) -> str:
    """Twilio's documented signature, written out independently of the module.

    https://www.twilio.com/docs/usage/webhooks/webhooks-security: the full URL, then
    each POST parameter sorted by name, name and value appended without delimiters;
    HMAC-SHA1 keyed with the auth token; base64.
    """
    data = url
    for name in sorted(params):
        data += name + params[name]
    mac = hmac.new(token.encode(), data.encode(), hashlib.sha1)
    return base64.b64encode(mac.digest()).decode()


def twilio_params(**changes: str) -> dict[str, str]:
    params = {
        "AccountSid": "AC" + "f" * 32,
        "ApiVersion": "2010-04-01",
        "CallSid": CALL_SID,
        "CallStatus": "ringing",
        "Direction": "inbound",
        "From": CALLER,
        "To": KIOSK_NUMBER,
        "CallerName": "",
    }
    params.update(changes)
    return params


@asynccontextmanager
async def listening(
    sink: RecordingSink, **options: object
) -> AsyncIterator[tuple[InboundCallListener, asyncio.Task[None]]]:
    settings: dict[str, object] = {
        "host": "127.0.0.1",
        "port": 0,
        "number": KIOSK_NUMBER,
        "twilio_auth_token": AUTH_TOKEN,
        "shared_secret": SECRET,
    }
    settings.update(options)
    listener = InboundCallListener(**settings)  # type: ignore[arg-type]
    task = asyncio.create_task(listener.run(sink))
    try:
        if settings["port"] == 0:
            await asyncio.wait_for(listener.ready.wait(), WAIT)
        yield listener, task
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=WAIT) as http:
        yield http


@pytest.fixture
async def server(sink: RecordingSink) -> AsyncIterator[InboundCallListener]:
    async with listening(sink) as (listener, _):
        yield listener


def voice_url(listener: InboundCallListener) -> str:
    return f"{listener.url}/twilio/voice"


async def post_twilio(
    client: httpx.AsyncClient,
    listener: InboundCallListener,
    params: dict[str, str],
    *,
    token: str = AUTH_TOKEN,
    signed_url: str | None = None,
    signature: str | None = None,
) -> httpx.Response:
    url = voice_url(listener)
    if signature is None:
        signature = signed(token, signed_url or url, params)
    return await client.post(url, data=params, headers={"X-Twilio-Signature": signature})


@contextmanager
def taken_port() -> Iterator[socket.socket]:
    blocker = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        yield blocker
    finally:
        blocker.close()


# -- Twilio's signature -----------------------------------------------------------------


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


# -- Twilio's voice webhook ---------------------------------------------------------------


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
    sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    async with listening(sink, twilio_auth_token=None) as (listener, _):
        for token in (AUTH_TOKEN, ""):
            response = await post_twilio(client, listener, twilio_params(), token=token)
            assert response.status_code == 403
    assert sink.calls == []


async def test_twilio_behind_a_relay_is_checked_against_the_public_url(
    sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    public = "https://relay.example.com/kiosk/twilio/voice?site=7"
    async with listening(sink, public_url=public) as (listener, _):
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


# -- Exotel's Passthru ------------------------------------------------------------------------


def passthru(**changes: str) -> dict[str, str]:
    # The shape of a captured Passthru request; numbers written nationally.
    params = {
        "CallSid": "d50e19c31e3911190a7e601f1056d69a",
        "CallFrom": "09812345678",
        "CallTo": "8040001234",
        "CallStatus": "ringing",
        "Direction": "incoming",
        "Created": "Thu, 26 Nov 2026 15:45:02",
        "StartTime": "2026-11-26 15:45:02",
        "EndTime": "0000-00-00 00:00:00",
        "CallType": "call-attempt",
        "DialWhomNumber": "",
        "From": "09812345678",
        "To": "08040001234",
        "CurrentTime": "2026-11-26 15:45:03",
    }
    params.update(changes)
    return params


async def test_exotel_passthru_with_the_secret_in_the_query(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    params = passthru()
    response = await client.get(
        f"{server.url}/exotel/passthru", params={**params, "secret": SECRET}
    )
    assert response.status_code == 200
    assert response.content == b""
    [event] = await sink.wait_calls(1)
    assert event.source == "exotel"
    assert event.caller == CALLER
    assert event.caller_raw == "09812345678"
    assert event.dialed == KIOSK_NUMBER
    assert event.call_id == params["CallSid"]
    assert event.at == datetime(2026, 11, 26, 10, 15, 2, tzinfo=UTC)  # IST -> UTC
    assert json.loads(event.raw) == params  # without the secret
    assert SECRET not in event.raw


async def test_exotel_passthru_with_the_secret_in_the_header_and_only_created(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    params = passthru()
    del params["StartTime"]
    response = await client.get(
        f"{server.url}/exotel/passthru", params=params, headers={"X-Kiosk-Secret": SECRET}
    )
    assert response.status_code == 200
    [event] = await sink.wait_calls(1)
    assert event.at == datetime(2026, 11, 26, 10, 15, 2, tzinfo=UTC)


async def test_exotel_passthru_without_a_time_uses_the_arrival(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    before = datetime.now(UTC)
    params = {"CallSid": "abc", "CallFrom": "09812345678", "CallTo": "08040001234"}
    response = await client.get(
        f"{server.url}/exotel/passthru", params=params, headers={"X-Kiosk-Secret": SECRET}
    )
    assert response.status_code == 200
    [event] = await sink.wait_calls(1)
    assert before <= event.at <= datetime.now(UTC)


@pytest.mark.parametrize(
    ("query", "headers"),
    [
        pytest.param({}, {}, id="no-secret"),
        pytest.param({"secret": "wrong"}, {}, id="wrong-query"),
        pytest.param({}, {"X-Kiosk-Secret": "wrong"}, id="wrong-header"),
        pytest.param({"secret": ""}, {"X-Kiosk-Secret": ""}, id="empty"),
    ],
)
async def test_exotel_passthru_without_the_secret_is_refused(
    server: InboundCallListener,
    sink: RecordingSink,
    client: httpx.AsyncClient,
    query: dict[str, str],
    headers: dict[str, str],
) -> None:
    response = await client.get(
        f"{server.url}/exotel/passthru", params={**passthru(), **query}, headers=headers
    )
    assert response.status_code == 403
    assert sink.calls == []


async def test_exotel_refused_when_no_secret_is_configured(
    sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    async with listening(sink, shared_secret=None) as (listener, _):
        response = await client.get(
            f"{listener.url}/exotel/passthru", params={**passthru(), "secret": SECRET}
        )
        assert response.status_code == 403
        response = await client.get(
            f"{listener.url}/smsgatewaycenter/missed-call",
            params={"mobile": "9812345678", "missCallTo": "08040001234", "secret": ""},
        )
        assert response.status_code == 403
    assert sink.calls == []


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"CallTo": "09900011122", "To": "09900011122"}, id="other-number"),
        pytest.param({"Direction": "outbound-dial"}, id="outbound"),
    ],
)
async def test_exotel_call_not_to_the_kiosk_is_ignored(
    server: InboundCallListener,
    sink: RecordingSink,
    client: httpx.AsyncClient,
    changes: dict[str, str],
) -> None:
    response = await client.get(
        f"{server.url}/exotel/passthru", params={**passthru(**changes), "secret": SECRET}
    )
    assert response.status_code == 200
    assert sink.calls == []


async def test_exotel_withheld_caller(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    params = {**passthru(CallFrom="", From=""), "secret": SECRET}
    assert (await client.get(f"{server.url}/exotel/passthru", params=params)).is_success
    [event] = await sink.wait_calls(1)
    assert event.caller is None


# -- SMS Gateway Center --------------------------------------------------------------------------


def sgc(**changes: str) -> dict[str, str]:
    params = {
        "mobile": "9812345678",
        "missCallTo": "08040001234",
        "createTime": "1795675502",
        "expiryTime": "1795675802",
        "retryAfter": "1795675532",
        "type": "new",
        "method": "generate",
        "status": "success",
        "reason": "",
    }
    params.update(changes)
    return params


async def test_smsgatewaycenter_get_with_national_numbers(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    before = datetime.now(UTC)
    params = sgc()
    response = await client.get(
        f"{server.url}/smsgatewaycenter/missed-call", params={**params, "secret": SECRET}
    )
    assert response.status_code == 200
    [event] = await sink.wait_calls(1)
    assert event.source == "smsgatewaycenter"
    assert event.caller == CALLER
    assert event.caller_raw == "9812345678"
    assert event.dialed == KIOSK_NUMBER
    assert before <= event.at <= datetime.now(UTC)
    assert event.call_id
    assert "9812345678" not in event.call_id
    assert json.loads(event.raw) == params


async def test_smsgatewaycenter_repeated_callback_keeps_its_call_id(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    url = f"{server.url}/smsgatewaycenter/missed-call"
    for _ in range(2):
        response = await client.get(url, params={**sgc(), "secret": SECRET})
        assert response.status_code == 200
    later = {**sgc(createTime="1795679999"), "secret": SECRET}
    assert (await client.get(url, params=later)).status_code == 200
    first, again, other = await sink.wait_calls(3)
    assert first.call_id == again.call_id != other.call_id


async def test_smsgatewaycenter_post_form_and_json(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    url = f"{server.url}/smsgatewaycenter/missed-call"
    headers = {"X-Kiosk-Secret": SECRET}
    form = await client.post(url, data=sgc(mobile="919812345678"), headers=headers)
    as_json = await client.post(url, json={**sgc(), "createTime": 1795675502}, headers=headers)
    assert (form.status_code, as_json.status_code) == (200, 200)
    events = await sink.wait_calls(2)
    assert [event.caller for event in events] == [CALLER, CALLER]


@pytest.mark.parametrize(
    ("changes", "reported"),
    [
        pytest.param({"status": "fail", "reason": "Expired"}, False, id="never-dialled"),
        pytest.param({"missCallTo": "09900011122"}, False, id="other-number"),
        pytest.param({"mobile": ""}, True, id="withheld"),
    ],
)
async def test_smsgatewaycenter_outcomes(
    server: InboundCallListener,
    sink: RecordingSink,
    client: httpx.AsyncClient,
    changes: dict[str, str],
    reported: bool,
) -> None:
    response = await client.get(
        f"{server.url}/smsgatewaycenter/missed-call", params={**sgc(**changes), "secret": SECRET}
    )
    assert response.status_code == 200
    if reported:
        [event] = sink.calls
        assert event.caller is None
    else:
        assert sink.calls == []


async def test_smsgatewaycenter_without_the_secret_is_refused(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    url = f"{server.url}/smsgatewaycenter/missed-call"
    assert (await client.get(url, params=sgc())).status_code == 403
    assert (await client.post(url, data={**sgc(), "secret": SECRET})).status_code == 403
    assert sink.calls == []


# -- bad requests ---------------------------------------------------------------


async def test_malformed_and_oversized_requests_get_4xx_and_the_listener_keeps_working(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    base = server.url
    secret = {"X-Kiosk-Secret": SECRET}
    sgc_url = f"{base}/smsgatewaycenter/missed-call"
    signature = {"X-Twilio-Signature": signed(AUTH_TOKEN, voice_url(server), {})}
    answers = {
        "unknown path": await client.get(f"{base}/nothing/here"),
        "root": await client.post(f"{base}/", data={"a": "b"}),
        "twilio json": await client.post(
            voice_url(server), json=twilio_params(), headers=signature
        ),
        "twilio bad utf-8": await client.post(
            voice_url(server),
            content=b"CallSid=%ff%fe",
            headers={"Content-Type": "application/x-www-form-urlencoded", **signature},
        ),
        "twilio no CallSid": await post_twilio(client, server, {"From": CALLER}),
        "exotel no CallSid": await client.get(
            f"{base}/exotel/passthru", params={"CallFrom": CALLER}, headers=secret
        ),
        "exotel bad query": await client.get(
            f"{base}/exotel/passthru?CallSid=%ff&CallFrom=1", headers=secret
        ),
        "sgc json list": await client.post(sgc_url, json=[1, 2], headers=secret),
        "sgc json nested": await client.post(sgc_url, json={"mobile": [CALLER]}, headers=secret),
        "sgc broken json": await client.post(
            sgc_url, content=b"{", headers={"Content-Type": "application/json", **secret}
        ),
        "sgc xml": await client.post(
            sgc_url, content=b"<a/>", headers={"Content-Type": "text/xml", **secret}
        ),
        "oversized form": await client.post(
            sgc_url, data={"mobile": "9" * (70 * 1024)}, headers=secret
        ),
        "oversized twilio": await client.post(
            voice_url(server), data={"Digits": "1" * (65 * 1024)}, headers=signature
        ),
        "oversized query": await client.get(
            f"{base}/exotel/passthru", params={"CallSid": "x" * 20000}, headers=secret
        ),
        # A known path with the wrong method: 405 tells an installer what to change.
        "twilio by GET": await client.get(voice_url(server)),
        "exotel by POST": await client.post(f"{base}/exotel/passthru", headers=secret),
    }
    statuses = {name: response.status_code for name, response in answers.items()}
    assert statuses == {
        "unknown path": 404,
        "root": 404,
        "twilio json": 415,
        "twilio bad utf-8": 400,
        "twilio no CallSid": 400,
        "exotel no CallSid": 400,
        "exotel bad query": 400,
        "sgc json list": 400,
        "sgc json nested": 400,
        "sgc broken json": 400,
        "sgc xml": 415,
        "oversized form": 413,
        "oversized twilio": 413,
        "oversized query": 400,
        "twilio by GET": 405,
        "exotel by POST": 405,
    }
    assert answers["exotel no CallSid"].text == "CallSid is missing."
    assert sink.calls == []

    response = await post_twilio(client, server, twilio_params())
    assert response.text == TWIML_REJECT
    [event] = await sink.wait_calls(1)
    assert event.caller == CALLER


async def test_chunked_oversized_body_is_refused(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(80):
            yield b"x" * 1024

    response = await client.post(
        f"{server.url}/smsgatewaycenter/missed-call",
        content=chunks(),
        headers={"X-Kiosk-Secret": SECRET, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413
    assert sink.calls == []


async def test_a_failing_sink_still_rejects_twilio_calls_and_keeps_serving(
    sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    class BrokenSink(RecordingSink):
        async def call_heard(self, event):  # type: ignore[no-untyped-def]
            raise RuntimeError(f"database gone while saving {event.caller}")

    broken = BrokenSink()
    async with listening(broken) as (listener, _):
        response = await post_twilio(client, listener, twilio_params())
        assert response.text == TWIML_REJECT
        url = f"{listener.url}/exotel/passthru"
        response = await client.get(url, params={**passthru(), "secret": SECRET})
        assert response.status_code == 500
        assert "database" not in response.text
        response = await client.get(url, params={"secret": SECRET})
        assert response.status_code == 400


async def test_logs_hold_no_secret_no_token_and_no_full_number(
    server: InboundCallListener,
    sink: RecordingSink,
    client: httpx.AsyncClient,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk")
    caplog.set_level(logging.DEBUG, logger="aiohttp")
    await post_twilio(client, server, twilio_params())
    await post_twilio(client, server, twilio_params(), signature="wrong")
    await client.get(f"{server.url}/exotel/passthru", params={**passthru(), "secret": SECRET})
    await client.get(f"{server.url}/exotel/passthru", params={**passthru(), "secret": "guess"})
    await client.get(f"{server.url}/smsgatewaycenter/missed-call", params=sgc(), headers={})
    await client.get(f"{server.url}/9812345678")
    # A request aiohttp itself cannot parse is logged by the server, scrubbed too.
    reader, writer = await asyncio.open_connection("127.0.0.1", server.bound_port)
    writer.write(
        f"GET /x?secret={SECRET}&m=09812345678 HTTP/1.1\r\nBad Header 9812345678\r\n\r\n".encode()
    )
    assert (await asyncio.wait_for(reader.read(), WAIT)).startswith(b"HTTP/1.0 400")
    writer.close()
    await writer.wait_closed()
    await sink.wait_calls(2)
    # Only the kiosk's and the server's records: the test's own HTTP client logs its URLs.
    ours = [r for r in caplog.records if r.name.startswith(("kiosk", "aiohttp"))]
    assert {"kiosk.inbound", "kiosk.inbound.http"} <= {record.name for record in ours}
    text = "\n".join(logging.Formatter().format(record) for record in ours)  # with tracebacks
    for leak in (SECRET, "guess", AUTH_TOKEN, "9812345678", "8040001234", "secret="):
        assert leak not in text
    assert "5678" in text  # masked numbers are still useful to staff


# -- running and stopping ---------------------------------------------------------------


async def test_ready_status_names_the_address(
    server: InboundCallListener, sink: RecordingSink
) -> None:
    status = await sink.wait_status(SourceState.READY)
    assert status.source == "inbound"
    assert status.message == (
        f"Listening for provider notifications on http://127.0.0.1:{server.bound_port}"
    )
    assert server.bound_port
    assert server.bound_port != 0


async def test_port_already_taken_is_a_fault_in_plain_words_then_retried(
    sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    with taken_port() as blocker:
        port = blocker.getsockname()[1]
        async with listening(sink, port=port, retry_delay=0.05) as (listener, _):
            fault = await sink.wait_status(SourceState.FAULT)
            assert fault.source == "inbound"
            assert f"port {port} is already in use by another program" in fault.message
            assert "Errno" not in fault.message
            assert not listener.ready.is_set()

            blocker.close()
            await sink.wait_status(SourceState.READY)
            await asyncio.wait_for(listener.ready.wait(), WAIT)
            assert listener.bound_port == port
            response = await post_twilio(client, listener, twilio_params())
            assert response.text == TWIML_REJECT


async def test_cancel_closes_the_port_cleanly(
    sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    async with listening(sink) as (listener, task):
        port = listener.bound_port
        url = voice_url(listener)
        # A kept-alive connection must not hold the shutdown up.
        assert (await post_twilio(client, listener, twilio_params())).status_code == 200
    assert task.cancelled()
    assert sink.statuses[-1].state == SourceState.STOPPED
    assert not listener.ready.is_set()
    assert listener.bound_port is None
    async with httpx.AsyncClient(timeout=WAIT) as fresh:
        with pytest.raises(httpx.ConnectError):
            await fresh.post(url, data={})
    with socket.socket() as again:  # the port is free again (TIME_WAIT aside)
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", port))
        again.listen()
