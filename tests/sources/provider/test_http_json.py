"""The generic JSON provider adapter and the polling loop, against a real local server."""

import asyncio
import json
import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from kiosk.domain.health import SourceState
from kiosk.sources.provider.base import ProviderError
from kiosk.sources.provider.http_json import HttpJsonAdapter, JsonMapping, lookup, parse_time
from kiosk.sources.provider.poller import ProviderSource
from tests.sources.conftest import RecordingSink
from tests.sources.provider.fake_call_log import NUMBER, FakeCallLog

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


@pytest.fixture
def call_log() -> Iterator[FakeCallLog]:
    log = FakeCallLog()
    yield log
    log.stop()


def adapter(call_log: FakeCallLog, token: str = "s3cret") -> HttpJsonAdapter:
    return HttpJsonAdapter(
        url_template=call_log.url,
        number=NUMBER,
        mapping=JsonMapping(
            items="data.calls", caller="caller.number", dialed="to", time="started", id="sid"
        ),
        headers={"Authorization": f"Bearer {token}"},
    )


async def fetch(call_log: FakeCallLog, since: datetime = T0, **options: Any) -> list:
    async with httpx.AsyncClient(timeout=options.pop("timeout", 2)) as client:
        return await adapter(call_log, **options).fetch(client, since)


async def test_maps_fields_and_fills_the_url(call_log: FakeCallLog) -> None:
    call_log.add("c1", "09812345678", T0 + timedelta(seconds=5))
    [event] = await fetch(call_log)
    assert (event.caller, event.caller_raw, event.dialed) == (
        "+919812345678",
        "09812345678",
        NUMBER,
    )
    assert (event.call_id, event.source, event.at) == ("c1", "http-json", T0 + timedelta(seconds=5))
    assert json.loads(event.raw)["sid"] == "c1"
    assert call_log.requests[0] == {"since": ["2026-11-26T10:00:00Z"], "to": [NUMBER]}


async def test_skips_old_calls_other_numbers_and_unreadable_records(call_log: FakeCallLog) -> None:
    call_log.add("old", "+919812345678", T0 - timedelta(seconds=1))
    call_log.add("other", "+919812345678", T0, to="+918000000002")
    call_log.records.append({"sid": "broken"})
    call_log.add("ok", "anonymous", T0)
    [event] = await fetch(call_log)
    assert event.call_id == "ok"
    assert event.caller is None  # withheld
    assert event.caller_raw == "anonymous"


@pytest.mark.parametrize(
    ("status", "headers", "body", "message", "retry_after"),
    [
        (429, {"Retry-After": "7"}, b"{}", "slow down (HTTP 429)", 7.0),
        (500, {}, b"{}", "having problems (HTTP 500)", None),
        (200, {}, b"not json", "could not be read", None),
        (200, {}, b'{"data": {}}', "without a list of calls", None),
        (404, {}, b"{}", "answered HTTP 404", None),
    ],
)
async def test_bad_answers_become_plain_errors(
    call_log: FakeCallLog,
    status: int,
    headers: dict[str, str],
    body: bytes,
    message: str,
    retry_after: float | None,
) -> None:
    call_log.script.append((status, headers, body))
    with pytest.raises(ProviderError, match=re.escape(message)) as raised:
        await fetch(call_log)
    assert raised.value.retry_after == retry_after


async def test_wrong_credentials_say_so_without_the_token(call_log: FakeCallLog) -> None:
    with pytest.raises(ProviderError, match="refused the credentials") as raised:
        await fetch(call_log, token="wrong-token")
    assert "wrong-token" not in str(raised.value)


async def test_unreachable_provider() -> None:
    lonely = HttpJsonAdapter(url_template="http://127.0.0.1:9/calls", number=NUMBER)
    async with httpx.AsyncClient(timeout=1) as client:
        with pytest.raises(ProviderError, match="Cannot reach HTTP JSON provider"):
            await lonely.fetch(client, T0)


def test_paths_and_times() -> None:
    assert lookup({"a": [{"b": 3}]}, "a.0.b") == 3
    assert lookup([1, 2], "") == [1, 2]
    assert parse_time(1796119200) == datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    assert parse_time("2026-11-26T15:30:00+05:30") == T0
    assert parse_time("Thu, 26 Nov 2026 10:00:00 +0000") == T0
    assert parse_time("2026-11-26 10:00:00") == T0


async def test_polls_only_while_listening_and_reports_each_call_once(
    call_log: FakeCallLog,
) -> None:
    sink = RecordingSink()
    source = ProviderSource(adapter(call_log), interval=0.01, initial_delay=0)
    task = asyncio.create_task(source.run(sink))
    try:
        await sink.wait_status(SourceState.READY)
        assert call_log.requests == []  # idle: no requests at all

        now = datetime.now(UTC)
        sink.listen(now)
        call_log.add("late-1", "+919900011122", now + timedelta(seconds=1))
        async with asyncio.timeout(5):
            await sink.wait_calls(1)
        call_log.add("late-2", "+919812345678", now + timedelta(seconds=2))
        async with asyncio.timeout(5):
            await sink.wait_calls(2)
        assert len(call_log.requests) >= 2
        assert [e.call_id for e in sink.calls] == ["late-1", "late-2"]  # no repeats
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    assert sink.states[-1] is SourceState.STOPPED


async def test_a_failing_provider_is_shown_and_retried(call_log: FakeCallLog) -> None:
    sink = RecordingSink()
    call_log.script.append((500, {}, b"{}"))
    source = ProviderSource(adapter(call_log), interval=0.01, initial_delay=0)
    sink.listen(datetime.now(UTC))
    task = asyncio.create_task(source.run(sink))
    try:
        fault = await sink.wait_status(SourceState.FAULT)
        assert "having problems (HTTP 500)" in str(fault.why)
        call_log.add("after", "+919812345678", datetime.now(UTC))
        async with asyncio.timeout(5):
            await sink.wait_calls(1)
        assert sink.states[-1] is SourceState.READY
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def test_records_without_an_id_are_not_all_the_same_call(call_log: FakeCallLog) -> None:
    call_log.add("x", "+919812345678", T0)
    call_log.add("y", "+919822334455", T0)
    for record in call_log.records:
        record["sid"] = None
    events = await fetch(call_log)
    assert [e.call_id for e in events] == [None, None]
    assert len({e.raw for e in events}) == 2


class FlakySink(RecordingSink):
    """Fails to take the first call (say, the database was locked), then works."""

    def __init__(self) -> None:
        super().__init__()
        self.failures = 1

    async def call_heard(self, event) -> None:
        if self.failures:
            self.failures -= 1
            raise RuntimeError("database is locked")
        await super().call_heard(event)


async def test_a_call_the_kiosk_failed_to_take_is_offered_again(call_log: FakeCallLog) -> None:
    sink = FlakySink()
    source = ProviderSource(adapter(call_log), interval=0.01, initial_delay=0)
    sink.listen(datetime.now(UTC))
    call_log.add("c1", "+919812345678", datetime.now(UTC))
    task = asyncio.create_task(source.run(sink))
    try:
        async with asyncio.timeout(5):
            [event] = await sink.wait_calls(1)
        assert event.call_id == "c1"
        assert sink.failures == 0
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


# -- calls without a readable dialed number (issue 12, item 6) ---------------------------


@pytest.mark.parametrize(
    "dialed",
    [
        pytest.param({"to": ""}, id="empty"),
        pytest.param({"to": None}, id="null"),
        pytest.param({"to": "sip:kiosk@example"}, id="not-a-number"),
        pytest.param({}, id="missing"),
    ],
)
async def test_a_call_without_a_readable_dialed_number_is_ignored_and_logged_once(
    call_log: FakeCallLog, caplog: pytest.LogCaptureFixture, dialed: dict[str, Any]
) -> None:
    # A call to another of the account's numbers, its "to" unreadable: it may not count here.
    record = {"sid": "c9", "caller": {"number": "+919812345678"}, "started": T0.isoformat()}
    call_log.records.append({**record, **dialed})
    call_log.add("ok", "+919822334455", T0)
    with caplog.at_level(logging.WARNING, logger="kiosk.provider.http_json"):
        assert [event.call_id for event in await fetch(call_log)] == ["ok"]
        async with httpx.AsyncClient(timeout=2) as client:
            polling = adapter(call_log)
            await polling.fetch(client, T0)
            await polling.fetch(client, T0)  # the next poll lists it again: said once
    warnings = [r.getMessage() for r in caplog.records if "dialed number" in r.getMessage()]
    assert len(warnings) == 2  # one per adapter
    assert "http_json_dialed" in warnings[0]
    assert "9812345678" not in caplog.text


async def test_an_empty_dialed_path_takes_every_listed_call_as_the_kiosks(
    call_log: FakeCallLog,
) -> None:
    call_log.add("c1", "+919812345678", T0, to="")
    unfiltered = HttpJsonAdapter(
        url_template=call_log.url,
        number=NUMBER,
        mapping=JsonMapping(
            items="data.calls", caller="caller.number", dialed="", time="started", id="sid"
        ),
        headers={"Authorization": "Bearer s3cret"},
    )
    async with httpx.AsyncClient(timeout=2) as client:
        [event] = await unfiltered.fetch(client, T0)
    assert (event.call_id, event.dialed) == ("c1", NUMBER)
