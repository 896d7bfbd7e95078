"""Polling a provider while sessions are pending: interval, request budget, backoff.

An idle kiosk makes no requests. While at least one session is pending the source
asks the provider for calls since the oldest session started (less a clock-skew
tolerance), reports each call once (de-duplicated by the provider's call id across
polls), honours ``Retry-After`` and backs off with jitter on errors.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from datetime import timedelta

import httpx
from aiolimiter import AsyncLimiter

from kiosk.domain.backoff import Backoff
from kiosk.domain.health import SourceState, SourceStatus
from kiosk.domain.reasons import Why
from kiosk.sources.base import CallSink
from kiosk.sources.provider.base import ProviderAdapter, ProviderError
from kiosk.sources.provider.reasons import ProviderReason

log = logging.getLogger("kiosk.provider")

_SEEN_KEPT = 2048


class ProviderSource:
    """A :class:`~kiosk.sources.base.CallSource` that polls a provider's call log."""

    def __init__(
        self,
        adapter: ProviderAdapter,
        *,
        interval: float = 1.0,
        initial_delay: float = 0.5,
        late_interval: float = 5.0,
        requests_per_minute: float = 60.0,
        timeout: float = 10.0,
        skew_tolerance: float = 30.0,
        max_backoff: float = 60.0,
        label: str | None = None,
    ) -> None:
        """Poll through ``adapter`` every ``interval`` s, never above the request budget.

        Once no session is pending, calls listed late are looked for every
        ``late_interval`` s for as long as the sink still listens.
        """
        self.adapter = adapter
        self.name = adapter.name
        self.label = label or adapter.name.capitalize()
        self.interval = interval
        self.initial_delay = initial_delay
        self.late_interval = max(late_interval, interval)
        self.timeout = timeout
        self.skew_tolerance = timedelta(seconds=skew_tolerance)
        self._tolerance = skew_tolerance
        self._limiter = AsyncLimiter(1, 60 / requests_per_minute)  # evenly spaced, no burst
        self._backoff_policy = Backoff(interval, max_backoff)
        self._seen: dict[str, None] = {}
        self._sink: CallSink | None = None
        self._last: tuple[SourceState, Why] | None = None

    async def run(self, sink: CallSink) -> None:
        """Poll while sessions are pending, until cancelled."""
        self._sink = sink
        self._report(SourceState.READY, Why(ProviderReason.WAITING, provider=self.label))
        try:
            hooks = {"request": [self._spend_budget]}
            async with httpx.AsyncClient(timeout=self.timeout, event_hooks=hooks) as client:
                while True:
                    await sink.wait_until_listening()
                    await asyncio.sleep(self.initial_delay)
                    await self._poll_while_listening(client, sink)
        finally:
            self._report(SourceState.STOPPED, Why(ProviderReason.NOT_USED, provider=self.label))

    async def _poll_while_listening(self, client: httpx.AsyncClient, sink: CallSink) -> None:
        failures = 0
        loop = asyncio.get_running_loop()
        last_poll = float("-inf")
        while (since := sink.listening_since()) is not None:
            if not sink.sessions_pending() and loop.time() - last_poll < self.late_interval:
                await asyncio.sleep(self.interval)  # only late records: ask now and then
                continue
            last_poll = loop.time()
            try:
                events = await self.adapter.fetch(client, since - self.skew_tolerance)
            except ProviderError as exc:
                failures += 1
                delay = self._backoff(failures, exc.retry_after)
                log.warning("%s: %s (next try in %.1f s)", self.label, exc, delay)
                why = Why(ProviderReason.POLL_FAILED, provider=self.label, problem=exc.why)
                self._report(SourceState.FAULT, why)
                await asyncio.sleep(delay)
                continue
            except Exception:
                failures += 1
                log.exception("%s: unexpected problem while polling", self.label)
                self._report(SourceState.FAULT, Why(ProviderReason.UNEXPECTED, provider=self.label))
                await asyncio.sleep(self._backoff(failures, None))
                continue
            failures = 0
            self._report(SourceState.READY, Why(ProviderReason.REACHABLE, provider=self.label))
            for event in events:
                key = event.call_id or event.raw
                if key in self._seen:
                    continue
                try:
                    await sink.call_heard(replace(event, tolerance=self._tolerance))
                except Exception:
                    log.exception("%s: could not take a call; it is asked for again", self.label)
                    continue
                self._remember(key)
            await asyncio.sleep(self.interval)

    async def _spend_budget(self, request: httpx.Request) -> None:
        """Every HTTP request (pages included) waits for room in the per-minute budget."""
        await self._limiter.acquire()

    def _backoff(self, failures: int, retry_after: float | None) -> float:
        delay = self._backoff_policy.delay(failures, retry_after).total_seconds()
        return max(delay, self.interval)

    def _remember(self, key: str) -> None:
        self._seen[key] = None
        if len(self._seen) > _SEEN_KEPT:
            del self._seen[next(iter(self._seen))]

    def _report(self, state: SourceState, why: Why) -> None:
        if self._sink is None or self._last == (state, why):
            return
        self._last = (state, why)
        self._sink.source_status(SourceStatus(self.name, state, why, {}))
