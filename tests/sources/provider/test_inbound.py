"""The inbound notification listener, driven over real HTTP on 127.0.0.1.

What every provider's route shares: the shared secret, bad and oversized requests,
a failing sink, scrubbed logs, and opening and closing the port. Each provider's own
notification is tested beside that provider (twilio/test_webhook.py, test_exotel.py,
test_smsgatewaycenter.py).
"""

import asyncio
import logging
import socket
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager

import httpx
import pytest

from kiosk.domain.health import SourceState
from kiosk.sources.provider.inbound import InboundCallListener
from kiosk.sources.provider.twilio.webhook import TWIML_REJECT
from kiosk.sources.provider.webhook import ReplayGuard
from tests.sources.conftest import WAIT, RecordingSink
from tests.sources.provider.notifications import (
    AUTH_TOKEN,
    CALLER,
    SECRET,
    WITH_SECRET,
    listening,
    passthru,
    post_twilio,
    sgc,
    signed,
    twilio_params,
    voice_url,
)


@contextmanager
def taken_port() -> Iterator[socket.socket]:
    blocker = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        yield blocker
    finally:
        blocker.close()


# -- the shared secret ------------------------------------------------------------------


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
    replay_guard: ReplayGuard, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    async with listening(sink, replay_guard, shared_secret=None) as (listener, _):
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


async def test_a_secret_in_the_address_is_refused_unless_allowed(
    server: InboundCallListener,
    sink: RecordingSink,
    replay_guard: ReplayGuard,
    client: httpx.AsyncClient,
) -> None:
    # The attack: the address (with ?secret=) was read from a proxy's access log.
    url = f"{server.url}/smsgatewaycenter/missed-call"
    response = await client.get(url, params={**sgc(), "secret": SECRET})
    assert response.status_code == 403
    assert "X-Kiosk-Secret header" in response.text
    assert "inbound_allow_query_secret" in response.text
    response = await client.get(
        f"{server.url}/exotel/passthru", params={**passthru(), "secret": SECRET}
    )
    assert response.status_code == 403
    assert sink.calls == []
    async with listening(sink, replay_guard, allow_query_secret=True) as (allowed, _):
        url = f"{allowed.url}/smsgatewaycenter/missed-call"
        assert (await client.get(url, params={**sgc(), "secret": SECRET})).status_code == 200
    assert len(sink.calls) == 1


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
    replay_guard: ReplayGuard, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    class BrokenSink(RecordingSink):
        async def call_heard(self, event):  # type: ignore[no-untyped-def]
            raise RuntimeError(f"database gone while saving {event.caller}")

    broken = BrokenSink()
    async with listening(broken, replay_guard) as (listener, _):
        response = await post_twilio(client, listener, twilio_params())
        assert response.text == TWIML_REJECT
        url = f"{listener.url}/exotel/passthru"
        response = await client.get(url, params=passthru(), headers=WITH_SECRET)
        assert response.status_code == 500
        assert "database" not in response.text
        response = await client.get(url, params=passthru(), headers=WITH_SECRET)
        assert response.status_code == 500  # not taken: sent again, it is no replay
        response = await client.get(url, headers=WITH_SECRET)
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
    await client.get(f"{server.url}/exotel/passthru", params=passthru(), headers=WITH_SECRET)
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
    assert str(status.why) == (
        f"Listening for provider notifications on http://127.0.0.1:{server.bound_port}"
    )
    assert server.bound_port
    assert server.bound_port != 0


async def test_port_already_taken_is_a_fault_in_plain_words_then_retried(
    replay_guard: ReplayGuard, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    with taken_port() as blocker:
        port = blocker.getsockname()[1]
        async with listening(sink, replay_guard, port=port, retry_delay=0.05) as (listener, _):
            fault = await sink.wait_status(SourceState.FAULT)
            assert fault.source == "inbound"
            assert f"port {port} is already in use by another program" in str(fault.why)
            assert "Errno" not in str(fault.why)
            assert not listener.ready.is_set()

            blocker.close()
            await sink.wait_status(SourceState.READY)
            await asyncio.wait_for(listener.ready.wait(), WAIT)
            assert listener.bound_port == port
            response = await post_twilio(client, listener, twilio_params())
            assert response.text == TWIML_REJECT


async def test_cancel_closes_the_port_cleanly(
    replay_guard: ReplayGuard, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    async with listening(sink, replay_guard) as (listener, task):
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
