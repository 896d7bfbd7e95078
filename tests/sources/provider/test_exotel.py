"""Exotel: the adapter against a fake Exotel on 127.0.0.1, and Passthru through the listener."""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from kiosk.sources.provider.base import ProviderError
from kiosk.sources.provider.exotel import ExotelAdapter
from kiosk.sources.provider.inbound import InboundCallListener
from kiosk.sources.provider.webhook import ReplayGuard
from tests.sources.conftest import RecordingSink
from tests.sources.provider.fake_exotel import FakeExotel
from tests.sources.provider.fake_server import Answer
from tests.sources.provider.notifications import (
    KIOSK_NUMBER,
    SECRET,
    WITH_SECRET,
    listening,
    passthru,
)

EXOPHONE = "+918030752400"
OTHER_EXOPHONE = "+918030752401"
CALLER = "+919812345678"
T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)  # 15:30 in India


@pytest.fixture
def exotel() -> Iterator[FakeExotel]:
    with FakeExotel() as fake:
        yield fake


def make_adapter(fake: FakeExotel, **overrides: Any) -> ExotelAdapter:
    options: dict[str, Any] = {
        "account_sid": fake.account_sid,
        "api_key": fake.api_key,
        "api_token": fake.api_token,
        "number": EXOPHONE,
        "base_url": fake.base_url,
    }
    options.update(overrides)
    return ExotelAdapter(**options)


async def fetch(
    adapter: ExotelAdapter, since: datetime = T0, *, client_timeout: float = 2.0
) -> list:
    async with httpx.AsyncClient(timeout=client_timeout) as client:
        return await adapter.fetch(client, since)


# -- asking and reading ------------------------------------------------------------


async def test_asks_with_the_documented_filters_and_basic_auth(exotel: FakeExotel) -> None:
    await fetch(make_adapter(exotel))
    [request] = exotel.requests
    assert request.path == "/v1/Accounts/kioskdemo1/Calls.json"
    assert request.authorized
    assert request.query == {
        "DateCreated": "gte:2026-11-26 15:30:00",  # account-local (IST)
        "Direction": "inbound",
        "PhoneNumber": EXOPHONE,
        "SortBy": "DateCreated:asc",
        "PageSize": "50",
    }


async def test_follows_the_after_cursor_across_pages(exotel: FakeExotel) -> None:
    for i in range(7):
        exotel.add_call(f"sid{i}", caller=CALLER, at=T0 + timedelta(seconds=i), exophone=EXOPHONE)
    events = await fetch(make_adapter(exotel, page_size=3))
    assert [e.call_id for e in events] == [f"sid{i}" for i in range(7)]
    assert exotel.request_count == 3
    first, second, third = exotel.requests
    assert "After" not in first.query
    assert (second.query["After"], third.query["After"]) == ("sid2", "sid5")
    # the filters go with every page, not only the first
    assert {k: v for k, v in second.query.items() if k != "After"} == first.query


@pytest.mark.parametrize(
    ("timezone", "written"),
    [
        ("Asia/Kolkata", "2026-11-26 15:30:07"),
        ("Asia/Singapore", "2026-11-26 18:00:07"),
        ("UTC", "2026-11-26 10:00:07"),
    ],
)
async def test_account_local_times_become_utc(timezone: str, written: str) -> None:
    with FakeExotel(timezone=timezone) as fake:
        record = fake.add_call("s1", caller=CALLER, at=T0 + timedelta(seconds=7), exophone=EXOPHONE)
        [event] = await fetch(make_adapter(fake, timezone=timezone))
        assert fake.requests[0].query["DateCreated"] == f"gte:{fake.local(T0)}"
    assert record["DateCreated"] == written
    assert event.at == T0 + timedelta(seconds=7)
    assert event.at.tzinfo is UTC


async def test_national_numbers_become_e164(exotel: FakeExotel) -> None:
    record = exotel.add_call("s1", caller="09812345678", at=T0, exophone=EXOPHONE)
    [event] = await fetch(make_adapter(exotel))
    assert (event.caller_raw, event.caller, event.dialed) == ("09812345678", CALLER, EXOPHONE)
    assert (event.call_id, event.source) == ("s1", "exotel")
    assert record["PhoneNumberSid"] == "08030752400"
    assert json.loads(event.raw) == record


@pytest.mark.parametrize("honour_filters", [True, False], ids=["filtered", "unfiltered"])
async def test_keeps_only_inbound_calls_to_our_number_since_the_moment(
    honour_filters: bool,
) -> None:
    since = T0 + timedelta(milliseconds=500)
    with FakeExotel(honour_filters=honour_filters) as fake:
        fake.add_call("long-ago", caller=CALLER, at=T0 - timedelta(hours=1), exophone=EXOPHONE)
        # same second as ``since`` but before it: the server's gte (whole seconds) lets it in
        fake.add_call("just-before", caller=CALLER, at=T0, exophone=EXOPHONE)
        fake.add_call(
            "other-number", caller=CALLER, at=T0 + timedelta(seconds=1), exophone=OTHER_EXOPHONE
        )
        fake.add_call(
            "outbound",
            caller="08030752400",
            at=T0 + timedelta(seconds=1),
            exophone=EXOPHONE,
            direction="outbound-api",
        )
        fake.add_call("ok", caller=CALLER, at=T0 + timedelta(seconds=2), exophone=EXOPHONE)
        events = await fetch(make_adapter(fake), since)
    assert [e.call_id for e in events] == ["ok"]


@pytest.mark.parametrize("written", ["", None, "anonymous", "Unknown"])
async def test_withheld_caller(exotel: FakeExotel, written: str | None) -> None:
    exotel.add_call("s1", caller=written, at=T0, exophone=EXOPHONE)
    [event] = await fetch(make_adapter(exotel))
    assert event.caller is None
    assert event.withheld
    assert event.caller_raw == (written or "")


# -- failures ---------------------------------------------------------------------


async def test_wrong_credentials_say_so_without_the_token(
    exotel: FakeExotel, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ProviderError) as raised:
        await fetch(make_adapter(exotel, api_token="wrong-t0ken-XYZ"))
    assert str(raised.value) == "Exotel refused the credentials. Check the Exotel settings."
    assert raised.value.retry_after is None
    assert not exotel.requests[0].authorized
    assert "wrong-t0ken-XYZ" not in str(raised.value)
    assert "wrong-t0ken-XYZ" not in caplog.text


async def test_forbidden_is_a_credentials_problem(exotel: FakeExotel) -> None:
    exotel.fail_next(403)
    with pytest.raises(ProviderError, match=r"^Exotel refused the credentials\."):
        await fetch(make_adapter(exotel))


@pytest.mark.parametrize(("header", "seconds"), [("7", 7.0), (None, None)])
async def test_rate_limited(exotel: FakeExotel, header: str | None, seconds: float | None) -> None:
    exotel.fail_next(429, retry_after=header)
    with pytest.raises(ProviderError, match=r"HTTP 429") as raised:
        await fetch(make_adapter(exotel))
    assert raised.value.retry_after == seconds


@pytest.mark.parametrize("status", [500, 502, 503])
async def test_server_trouble(exotel: FakeExotel, status: int) -> None:
    exotel.fail_next(status)
    with pytest.raises(ProviderError) as raised:
        await fetch(make_adapter(exotel))
    assert str(raised.value) == f"Exotel is having problems (HTTP {status}); retrying."


async def test_other_client_errors_point_at_the_settings(exotel: FakeExotel) -> None:
    with pytest.raises(ProviderError, match=r"^Exotel answered HTTP 404\. Check the Exotel"):
        await fetch(make_adapter(exotel, account_sid="nosuchaccount"))


async def test_no_answer_in_time(exotel: FakeExotel) -> None:
    exotel.hold_next(30)
    with pytest.raises(ProviderError) as raised:
        await fetch(make_adapter(exotel), client_timeout=0.2)
    assert str(raised.value) == "Cannot reach Exotel (no answer in time)."


async def test_nobody_listening() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    adapter = ExotelAdapter(
        account_sid="a",
        api_key="k",
        api_token="t",
        number=EXOPHONE,
        base_url=f"http://127.0.0.1:{port}",
    )
    with pytest.raises(ProviderError) as raised:
        await fetch(adapter)
    assert str(raised.value) == "Cannot reach Exotel (no connection to 127.0.0.1)."


@pytest.mark.parametrize(
    "body", [b"<html>oops</html>", b'{"Metadata": {}}', b"[]", b'{"Calls": 3}']
)
async def test_an_answer_that_cannot_be_read(exotel: FakeExotel, body: bytes) -> None:
    exotel.garble_next(body)
    with pytest.raises(ProviderError) as raised:
        await fetch(make_adapter(exotel))
    assert str(raised.value) == "Exotel sent an answer that could not be read."


async def test_a_failing_later_page_fails_the_fetch(exotel: FakeExotel) -> None:
    for i in range(3):
        exotel.add_call(f"sid{i}", caller=CALLER, at=T0 + timedelta(seconds=i), exophone=EXOPHONE)
    exotel.answer_next(200, 500)
    with pytest.raises(ProviderError, match=r"HTTP 500"):
        await fetch(make_adapter(exotel, page_size=2))
    assert exotel.request_count == 2


@pytest.mark.parametrize("link", ["//evil.example/v1/Calls.json", "https://evil.example/v1/x"])
async def test_a_next_page_link_to_another_host_is_not_followed(
    exotel: FakeExotel, link: str
) -> None:
    record = exotel.add_call("sid1", caller=CALLER, at=T0, exophone=EXOPHONE)
    body = {"Metadata": {"NextPageUri": link}, "Calls": [record]}
    exotel.answer_next(Answer(200, {"Content-Type": "application/json"}, json.dumps(body).encode()))
    events = await fetch(make_adapter(exotel))
    assert [e.call_id for e in events] == ["sid1"]
    assert exotel.request_count == 1  # the credentials went nowhere else


# -- Passthru: the call pushed to the listener -------------------------------------------


async def test_exotel_passthru_with_the_secret_in_the_query_when_allowed(
    sink: RecordingSink, replay_guard: ReplayGuard, client: httpx.AsyncClient
) -> None:
    # Exotel's Passthru cannot send a header: without a relay, the secret rides in the address.
    params = passthru()
    async with listening(sink, replay_guard, allow_query_secret=True) as (server, _):
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
    response = await client.get(f"{server.url}/exotel/passthru", params=params, headers=WITH_SECRET)
    assert response.status_code == 200
    [event] = await sink.wait_calls(1)
    assert event.at == datetime(2026, 11, 26, 10, 15, 2, tzinfo=UTC)


async def test_exotel_passthru_without_a_time_uses_the_arrival(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    before = datetime.now(UTC)
    params = {"CallSid": "abc", "CallFrom": "09812345678", "CallTo": "08040001234"}
    response = await client.get(f"{server.url}/exotel/passthru", params=params, headers=WITH_SECRET)
    assert response.status_code == 200
    [event] = await sink.wait_calls(1)
    assert before <= event.at <= datetime.now(UTC)


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
        f"{server.url}/exotel/passthru", params=passthru(**changes), headers=WITH_SECRET
    )
    assert response.status_code == 200
    assert sink.calls == []


async def test_exotel_withheld_caller(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    params = passthru(CallFrom="", From="")
    url = f"{server.url}/exotel/passthru"
    assert (await client.get(url, params=params, headers=WITH_SECRET)).is_success
    [event] = await sink.wait_calls(1)
    assert event.caller is None
