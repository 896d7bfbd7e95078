"""The outbox dispatcher: sends queued callbacks until the backend acknowledges them.

Messages live in the database, so nothing is lost when the backend is down or the
kiosk restarts. Each message keeps its ``webhook-id`` and body across retries; each
attempt is signed afresh with the current timestamp. Every query runs on the
database thread, so a slow database never holds up the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx
from sqlalchemy.orm import Session

from kiosk.delivery.reasons import DeliveryReason
from kiosk.delivery.signing import signed_headers
from kiosk.domain.backoff import Backoff, parse_retry_after
from kiosk.domain.clock import Clock, isoformat_utc
from kiosk.domain.health import Backend, OutboxStatus
from kiosk.domain.reasons import Why
from kiosk.store import outbox
from kiosk.store.database import Database
from kiosk.store.models import OutboxMessage

log = logging.getLogger("kiosk.delivery")

#: Messages one kiosk claims (leases) at a time.
_CLAIM_BATCH = 20


@dataclass(frozen=True, slots=True)
class PendingCallback:
    """A waiting message as the ``outbox`` command and the status screen list it."""

    webhook_id: str
    status: str | None
    reference: str | None
    created_at: str | None
    attempts: int
    next_attempt_at: str | None
    last_error: str | None

    @classmethod
    def of(cls, message: OutboxMessage) -> PendingCallback:
        """Summarise a stored message."""
        data = json.loads(message.payload).get("data", {})
        return cls(
            webhook_id=message.id,
            status=data.get("status"),
            reference=data.get("reference"),
            created_at=isoformat_utc(message.created_at),
            attempts=message.attempts,
            next_attempt_at=isoformat_utc(message.next_attempt_at),
            last_error=message.last_error,
        )


@dataclass(frozen=True, slots=True)
class AttemptResult:
    """One delivery attempt: acknowledged, or why not and when the backend asked us to retry."""

    ok: bool
    error: Why | None = None
    retry_after: float | None = None
    backend_down: bool = False


class OutboxDispatcher:
    """Delivers due outbox messages to ``url``, signed with ``secret``, with backoff."""

    def __init__(
        self,
        database: Database,
        *,
        url: str | None,
        secret: str | None,
        clock: Clock,
        backoff: Backoff,
        timeout: float = 10.0,
        on_status: Callable[[OutboxStatus], None] | None = None,
    ) -> None:
        self._db = database
        self._url = url
        self._secret = secret
        self._demo = False
        self._clock = clock
        self._backoff = backoff
        self._timeout = timeout
        self.on_status = on_status
        self._wake = asyncio.Event()
        self._changed = asyncio.Event()
        self._hold_until: datetime | None = None
        self._last_error: Why | None = None
        self._last_delivered_at: datetime | None = None
        self._owner = f"{socket.gethostname()}/{os.getpid()}/{uuid.uuid4().hex[:8]}"

    def reconfigure(self, *, url: str | None, secret: str | None, demo: bool = False) -> None:
        """Use a new callback URL and secret from now on (staff changed the settings).

        ``demo``: they are demo mode's built-in backend's.
        """
        self._url = url
        self._secret = secret
        self._demo = demo
        self._hold_until = None
        self._wake.set()

    def wake(self) -> None:
        """A message was queued: send it as soon as the backend may be asked again."""
        self._wake.set()

    async def retry_now(self) -> int:
        """Staff asked to retry: every waiting message is due now; returns how many."""
        count = await self._db.run(outbox.make_due_now, self._clock.now())
        self._hold_until = None
        self._wake.set()
        return count

    async def pending(self) -> list[PendingCallback]:
        """Every message still waiting for the backend, oldest first."""
        return await self._db.run(_pending)

    async def wait_delivered(self, message_id: str) -> None:
        """Return once the backend has acknowledged ``message_id`` (bound with a timeout)."""
        while True:
            self._changed.clear()
            if await self._db.run(outbox.is_delivered, message_id):
                return
            await self._changed.wait()

    async def status(self) -> OutboxStatus:
        """The current count of waiting messages and the last problem, if any."""
        pending = await self._db.run(outbox.pending_count)
        backend = (
            Backend.NONE if not self._url else Backend.DEMO if self._demo else Backend.CONFIGURED
        )
        return OutboxStatus(pending, self._last_error, self._last_delivered_at, backend)

    async def run(self) -> None:
        """Deliver messages as they fall due, until cancelled; survives its own faults."""
        failures = 0
        async with httpx.AsyncClient(timeout=self._timeout) as client:
            while True:
                self._wake.clear()
                try:
                    await self.deliver_due(client)
                    await self._sleep_until_next()
                    failures = 0
                except Exception as exc:
                    failures += 1
                    log.exception("The outbox dispatcher hit a problem; carrying on")
                    await self._publish(error=Why(DeliveryReason.FAULT, error=type(exc).__name__))
                    await asyncio.sleep(self._backoff.delay(failures).total_seconds())

    async def deliver_due(self, client: httpx.AsyncClient) -> int:
        """Try every due message once; returns how many were acknowledged."""
        if not (self._url and self._secret):
            await self._publish(error=self.configuration_problem())
            return 0
        delivered = 0
        now = self._clock.now()
        if self._hold_until and now < self._hold_until:
            return 0
        due = await self._db.run(  # leased: kiosks sharing a database never double-send
            outbox.claim_due_messages, now, owner=self._owner, until=now + self._lease(_CLAIM_BATCH)
        )
        untried = {message.id for message in due}
        try:
            for message in due:
                result = await self._attempt(client, message, self._url, self._secret)
                now = self._clock.now()
                retry_at: datetime | None = None
                if result.ok:
                    await self._db.run(outbox.mark_delivered, message.id, now)
                else:
                    retry_at = now + self._backoff.delay(message.attempts + 1, result.retry_after)
                    # stored in English: ``outbox list``, the doctor and other kiosks read it
                    error = str(result.error or "unknown error")
                    await self._db.run(
                        outbox.mark_failed, message.id, error=error, retry_at=retry_at
                    )
                untried.discard(message.id)
                if retry_at is None:
                    delivered += 1
                    self._last_delivered_at = now
                    await self._publish(error=None)
                    continue
                log.warning("Callback %s not delivered: %s", message.id, result.error)
                await self._publish(error=result.error)
                if result.backend_down or result.retry_after is not None:
                    self._hold_until = retry_at
                    break
        finally:  # stopped or held back: other kiosks (or the next run) may send the rest
            if untried:
                await self._db.run(outbox.release_claims, untried, owner=self._owner)
        return delivered

    def _lease(self, count: int) -> timedelta:
        """How long a claim on ``count`` messages lasts: enough to try each of them once."""
        return timedelta(seconds=count * (self._timeout + 5) + 30)

    async def _attempt(
        self, client: httpx.AsyncClient, message: OutboxMessage, url: str, secret: str
    ) -> AttemptResult:
        now = self._clock.now()
        headers = signed_headers(secret, message_id=message.id, timestamp=now, body=message.payload)
        try:
            response = await client.post(url, content=message.payload.encode(), headers=headers)
        except httpx.TimeoutException:
            why = Why(DeliveryReason.NO_ANSWER, seconds=self._timeout)
            return AttemptResult(False, why, backend_down=True)
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            why = Why(DeliveryReason.UNREACHABLE, error=type(exc).__name__)
            return AttemptResult(False, why, backend_down=True)
        if response.is_success:
            return AttemptResult(True)
        retry_after = parse_retry_after(response.headers.get("retry-after"), now)
        phrase = response.reason_phrase or "error"
        return AttemptResult(
            False,
            Why(DeliveryReason.HTTP_STATUS, status=response.status_code, phrase=phrase),
            retry_after=retry_after,
            backend_down=response.status_code >= 500,
        )

    def configuration_problem(self) -> Why | None:
        """Why nothing can be sent (no URL or no secret); None if all is set."""
        if not self._url:
            return Why(DeliveryReason.NO_URL)
        if not self._secret:
            return Why(DeliveryReason.NO_SECRET)
        return None

    async def _sleep_until_next(self) -> None:
        next_due = await self._db.run(outbox.next_due_at)
        if self._hold_until and (next_due is None or next_due < self._hold_until):
            next_due = self._hold_until
        timeout = None
        if next_due is not None and not self.configuration_problem():
            timeout = max((next_due - self._clock.now()).total_seconds(), 0.0)
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self._wake.wait()

    async def _publish(self, *, error: Why | None) -> None:
        self._last_error = error
        self._changed.set()
        if self.on_status:
            self.on_status(await self.status())


def _pending(session: Session) -> list[PendingCallback]:
    return [PendingCallback.of(message) for message in outbox.pending_messages(session)]
