"""The polling loop with each provider adapter against its fake on 127.0.0.1.

The same four promises per provider: a call listed late is reported once, a call
listed on every poll is reported once, an idle kiosk makes no requests, and a
failing provider is shown in plain words and retried.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from kiosk.domain.health import SourceState
from kiosk.sources.provider.poller import ProviderSource
from tests.sources.conftest import RecordingSink
from tests.sources.provider import test_exotel, test_plivo
from tests.sources.provider.fake_exotel import FakeExotel
from tests.sources.provider.fake_plivo import FakePlivo
from tests.sources.provider.fake_twilio import KIOSK_NUMBER, FakeTwilio, call_record
from tests.sources.provider.twilio import test_call_log as test_twilio

CALLER = "+919812345678"


@dataclass(frozen=True)
class Provider:
    """How to run one provider's fake, adapter and calls in these tests."""

    name: str
    fake: Callable[[], AbstractContextManager[Any]]
    adapter: Callable[..., Any]
    add_call: Callable[[Any, str, datetime], None]
    failure: tuple[int, str | None]  # status and Retry-After the fake answers with once
    fault: str  # how the strip words it


PROVIDERS = [
    Provider(
        "exotel",
        FakeExotel,
        test_exotel.make_adapter,
        lambda fake, sid, at: fake.add_call(
            sid, caller="09812345678", at=at, exophone=test_exotel.EXOPHONE
        ),
        (500, None),
        "Exotel: Exotel is having problems (HTTP 500); retrying.",
    ),
    Provider(
        "plivo",
        FakePlivo,
        test_plivo.make_adapter,
        lambda fake, uuid, at: fake.add_call(
            uuid, caller="919812345678", at=at, to=test_plivo.WRITTEN
        ),
        (429, "0"),
        "Plivo: Plivo asks us to slow down (HTTP 429)",
    ),
    Provider(
        "twilio",
        FakeTwilio,
        test_twilio.make_adapter,
        lambda fake, sid, at: fake.add(call_record(sid, CALLER, KIOSK_NUMBER, at)),
        (503, "0"),
        "Twilio: Twilio is having problems (HTTP 503); retrying.",
    ),
]


@pytest.fixture(params=PROVIDERS, ids=[p.name for p in PROVIDERS])
def provider(request: pytest.FixtureRequest) -> Provider:
    return request.param


@pytest.fixture
def fake(provider: Provider) -> Iterator[Any]:
    with provider.fake() as running:
        yield running


def poller(adapter: Any) -> ProviderSource:
    return ProviderSource(adapter, interval=0.01, initial_delay=0, requests_per_minute=100_000)


async def stop(task: asyncio.Task) -> None:
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def test_a_late_call_is_reported_once(provider: Provider, fake: Any) -> None:
    sink = RecordingSink()
    task = asyncio.create_task(poller(provider.adapter(fake, page_size=2)).run(sink))
    try:
        now = datetime.now(UTC)
        sink.listen(now)
        await fake.wait_requests(3)  # polled, nothing there yet
        provider.add_call(fake, "late", now + timedelta(seconds=1))
        [event] = await sink.wait_calls(1)
        await fake.wait_requests(fake.request_count + 3)  # it is still listed: more polls
        assert [e.call_id for e in sink.calls] == ["late"]
        assert (event.caller, event.source) == (CALLER, provider.name)
    finally:
        await stop(task)


async def test_calls_seen_on_every_poll_are_reported_once(provider: Provider, fake: Any) -> None:
    now = datetime.now(UTC)
    for i in range(3):
        provider.add_call(fake, f"call-{i}", now + timedelta(seconds=i))
    sink = RecordingSink()
    task = asyncio.create_task(poller(provider.adapter(fake, page_size=2)).run(sink))
    try:
        sink.listen(now)
        await sink.wait_calls(3)
        await fake.wait_requests(fake.request_count + 6)  # three more two-page polls
        assert [e.call_id for e in sink.calls] == ["call-0", "call-1", "call-2"]
    finally:
        await stop(task)


async def test_an_idle_kiosk_makes_no_requests(provider: Provider) -> None:
    with provider.fake() as idle_fake, provider.fake() as busy_fake:
        idle_sink, busy_sink = RecordingSink(), RecordingSink()
        idle = poller(provider.adapter(idle_fake))
        tasks = [
            asyncio.create_task(idle.run(idle_sink)),
            asyncio.create_task(poller(provider.adapter(busy_fake)).run(busy_sink)),
        ]
        try:
            busy_sink.listen(datetime.now(UTC))
            await idle_sink.wait_status(SourceState.READY)
            await busy_fake.wait_requests(5)  # the busy one has polled five times meanwhile
            assert idle_fake.request_count == 0

            busy_sink.listen(None)  # its session ends: at most the poll under way finishes
            stopped_at = busy_fake.request_count
            idle_sink.listen(datetime.now(UTC))
            await idle_fake.wait_requests(5)
            assert busy_fake.request_count <= stopped_at + 1
        finally:
            for task in tasks:
                await stop(task)


async def test_a_failing_provider_is_shown_and_retried(provider: Provider, fake: Any) -> None:
    sink = RecordingSink()
    status, retry_after = provider.failure
    fake.fail_next(status, retry_after=retry_after)
    now = datetime.now(UTC)
    provider.add_call(fake, "c1", now)
    task = asyncio.create_task(poller(provider.adapter(fake)).run(sink))
    try:
        sink.listen(now)
        fault = await sink.wait_status(SourceState.FAULT)
        assert str(fault.why).startswith(provider.fault)
        await sink.wait_calls(1)
        assert sink.states[-1] is SourceState.READY
    finally:
        await stop(task)


async def test_every_request_waits_for_the_budget_pages_included(
    provider: Provider, fake: Any
) -> None:
    now = datetime.now(UTC)
    for i in range(3):
        provider.add_call(fake, f"call-{i}", now + timedelta(seconds=i))
    budget = ProviderSource(
        provider.adapter(fake, page_size=1), interval=0.01, initial_delay=0, requests_per_minute=600
    )
    sink = RecordingSink()
    sink.listen(now)
    loop = asyncio.get_running_loop()
    started = loop.time()
    task = asyncio.create_task(budget.run(sink))
    try:
        await fake.wait_requests(6)  # two polls of three one-call pages
        assert loop.time() - started >= 5 * 0.1  # 600 a minute: one every 0.1 s
    finally:
        await stop(task)
