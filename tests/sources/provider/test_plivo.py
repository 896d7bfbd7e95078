"""The Plivo adapter against a fake Plivo on 127.0.0.1 (the poller's promises: test_poller.py)."""

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
from kiosk.sources.provider.plivo import PlivoAdapter
from tests.sources.provider.fake_plivo import FakePlivo

NUMBER = "+918030752400"
WRITTEN = "918030752400"  # how Plivo writes our number
CALLER = "+919812345678"
T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)  # 15:30 in India


@pytest.fixture
def plivo() -> Iterator[FakePlivo]:
    with FakePlivo() as fake:
        yield fake


def make_adapter(fake: FakePlivo, **overrides: Any) -> PlivoAdapter:
    options: dict[str, Any] = {
        "auth_id": fake.auth_id,
        "auth_token": fake.auth_token,
        "number": NUMBER,
        "base_url": fake.base_url,
    }
    options.update(overrides)
    return PlivoAdapter(**options)


async def fetch(
    adapter: PlivoAdapter, since: datetime = T0, *, client_timeout: float = 2.0
) -> list:
    async with httpx.AsyncClient(timeout=client_timeout) as client:
        return await adapter.fetch(client, since)


# -- asking and reading ------------------------------------------------------------


async def test_asks_with_the_documented_filters_and_basic_auth(plivo: FakePlivo) -> None:
    await fetch(make_adapter(plivo), T0 + timedelta(microseconds=250))
    [request] = plivo.requests
    assert request.path == "/v1/Account/MAKIOSK0000000000001/Call/"
    assert request.authorized
    assert request.query == {
        "call_direction": "inbound",
        "to_number": WRITTEN,
        "end_time__gte": "2026-11-26 10:00:00",  # UTC, as the filter wants
        "limit": "20",
        "offset": "0",
    }


async def test_pages_by_offset_and_returns_oldest_first(plivo: FakePlivo) -> None:
    for i in range(7):
        plivo.add_call(f"uuid-{i}", caller="919812345678", at=T0 + timedelta(seconds=i), to=WRITTEN)
    events = await fetch(make_adapter(plivo, page_size=3))
    assert [e.call_id for e in events] == [f"uuid-{i}" for i in range(7)]
    assert [r.query["offset"] for r in plivo.requests] == ["0", "3", "6"]
    assert {r.query["limit"] for r in plivo.requests} == {"3"}


async def test_page_size_is_capped_at_twenty(plivo: FakePlivo) -> None:
    plivo.add_call("u1", caller="919812345678", at=T0, to=WRITTEN)
    [event] = await fetch(make_adapter(plivo, page_size=100))
    assert event.call_id == "u1"
    assert plivo.requests[0].query["limit"] == "20"


async def test_a_call_landing_between_pages_does_not_repeat_one(plivo: FakePlivo) -> None:
    for i in range(4):
        plivo.add_call(f"uuid-{i}", caller="919812345678", at=T0 + timedelta(seconds=i), to=WRITTEN)

    def newer_call_arrives(request_number: int) -> None:
        if request_number == 2:  # newest first: everything shifts one place down
            plivo.add_call(
                "uuid-new", caller="919812345678", at=T0 + timedelta(seconds=9), to=WRITTEN
            )

    plivo.before_answer.append(newer_call_arrives)
    events = await fetch(make_adapter(plivo, page_size=2))
    assert [e.call_id for e in events] == ["uuid-0", "uuid-1", "uuid-2", "uuid-3"]
    assert plivo.request_count == 3  # the new one is left for the next poll


@pytest.mark.parametrize(
    ("offsets", "written"),
    [(True, "2026-11-26 15:30:07+05:30"), (False, "2026-11-26 15:30:07")],
    ids=["with-offset", "console-zone"],
)
async def test_local_times_become_utc(offsets: bool, written: str) -> None:
    with FakePlivo(offsets=offsets) as fake:
        record = fake.add_call(
            "u1", caller="919812345678", at=T0 + timedelta(seconds=7), to=WRITTEN
        )
        [event] = await fetch(make_adapter(fake, timezone="Asia/Kolkata"))
    assert record["initiation_time"] == written
    assert event.at == T0 + timedelta(seconds=7)
    assert event.at.tzinfo is UTC


@pytest.mark.parametrize(
    ("written", "e164"),
    [("919812345678", CALLER), ("+919812345678", CALLER), ("14158572518", "+14158572518")],
)
async def test_numbers_become_e164(plivo: FakePlivo, written: str, e164: str) -> None:
    record = plivo.add_call("u1", caller=written, at=T0, to=WRITTEN)
    [event] = await fetch(make_adapter(plivo))
    assert (event.caller_raw, event.caller, event.dialed) == (written, e164, NUMBER)
    assert (event.call_id, event.source) == ("u1", "plivo")
    assert json.loads(event.raw) == record


@pytest.mark.parametrize("honour_filters", [True, False], ids=["filtered", "unfiltered"])
async def test_keeps_only_inbound_calls_to_our_number_since_the_moment(
    honour_filters: bool,
) -> None:
    with FakePlivo(honour_filters=honour_filters) as fake:
        fake.add_call("long-ago", caller="919812345678", at=T0 - timedelta(hours=1), to=WRITTEN)
        # rang before ``since`` but ended after it: the end-time filter lets it in
        fake.add_call(
            "started-before", caller="919812345678", at=T0 - timedelta(seconds=2), to=WRITTEN
        )
        fake.add_call(
            "other-number", caller="919812345678", at=T0 + timedelta(seconds=1), to="918030752401"
        )
        fake.add_call(
            "outbound",
            caller=WRITTEN,
            at=T0 + timedelta(seconds=1),
            to="919812345678",
            direction="outbound",
        )
        fake.add_call("ok", caller="919812345678", at=T0 + timedelta(seconds=2), to=WRITTEN)
        events = await fetch(make_adapter(fake))
    assert [e.call_id for e in events] == ["ok"]


@pytest.mark.parametrize("written", ["", None, "anonymous", "sip:unknown@phone.plivo.com"])
async def test_withheld_caller(plivo: FakePlivo, written: str | None) -> None:
    plivo.add_call("u1", caller=written, at=T0, to=WRITTEN)
    [event] = await fetch(make_adapter(plivo))
    assert event.caller is None
    assert event.withheld
    assert event.caller_raw == (written or "")


# -- failures ---------------------------------------------------------------------


async def test_wrong_credentials_say_so_without_the_token(
    plivo: FakePlivo, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ProviderError) as raised:
        await fetch(make_adapter(plivo, auth_token="wrong-t0ken-XYZ"))
    assert str(raised.value) == "Plivo refused the credentials. Check the Plivo settings."
    assert raised.value.retry_after is None
    assert not plivo.requests[0].authorized
    assert "wrong-t0ken-XYZ" not in str(raised.value)
    assert "wrong-t0ken-XYZ" not in caplog.text


async def test_forbidden_is_a_credentials_problem(plivo: FakePlivo) -> None:
    plivo.fail_next(403)
    with pytest.raises(ProviderError, match=r"^Plivo refused the credentials\."):
        await fetch(make_adapter(plivo))


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("12", 12.0), ("Thu, 01 Jan 2099 00:00:00 GMT", None), (None, None)],
    ids=["seconds", "date", "none"],
)
async def test_rate_limited(plivo: FakePlivo, header: str | None, seconds: float | None) -> None:
    plivo.fail_next(429, retry_after=header)
    with pytest.raises(ProviderError, match=r"HTTP 429") as raised:
        await fetch(make_adapter(plivo))
    if header and not seconds:  # an HTTP date: the wait until then
        assert raised.value.retry_after is not None
        assert raised.value.retry_after > 3600
    else:
        assert raised.value.retry_after == seconds


@pytest.mark.parametrize("status", [500, 502, 503])
async def test_server_trouble(plivo: FakePlivo, status: int) -> None:
    plivo.fail_next(status)
    with pytest.raises(ProviderError) as raised:
        await fetch(make_adapter(plivo))
    assert str(raised.value) == f"Plivo is having problems (HTTP {status}); retrying."


async def test_other_client_errors_point_at_the_settings(plivo: FakePlivo) -> None:
    plivo.fail_next(400)
    with pytest.raises(ProviderError, match=r"^Plivo answered HTTP 400\. Check the Plivo"):
        await fetch(make_adapter(plivo))


async def test_no_answer_in_time(plivo: FakePlivo) -> None:
    plivo.hold_next(30)
    with pytest.raises(ProviderError) as raised:
        await fetch(make_adapter(plivo), client_timeout=0.2)
    assert str(raised.value) == "Cannot reach Plivo (no answer in time)."


async def test_nobody_listening() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    adapter = PlivoAdapter(
        auth_id="MA1", auth_token="t", number=NUMBER, base_url=f"http://127.0.0.1:{port}"
    )
    with pytest.raises(ProviderError) as raised:
        await fetch(adapter)
    assert str(raised.value) == "Cannot reach Plivo (no connection to 127.0.0.1)."


@pytest.mark.parametrize("body", [b"<html>oops</html>", b'{"meta": {}}', b"[]", b'{"objects": {}}'])
async def test_an_answer_that_cannot_be_read(plivo: FakePlivo, body: bytes) -> None:
    plivo.garble_next(body)
    with pytest.raises(ProviderError) as raised:
        await fetch(make_adapter(plivo))
    assert str(raised.value) == "Plivo sent an answer that could not be read."


async def test_a_failing_later_page_fails_the_fetch(plivo: FakePlivo) -> None:
    for i in range(3):
        plivo.add_call(f"uuid-{i}", caller="919812345678", at=T0 + timedelta(seconds=i), to=WRITTEN)
    plivo.answer_next(200, 500)
    with pytest.raises(ProviderError, match=r"HTTP 500"):
        await fetch(make_adapter(plivo, page_size=2))
    assert plivo.request_count == 2
