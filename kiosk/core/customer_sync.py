"""Pulling customer records from the merchant backend (optional), on a schedule and on demand.

A configured JSON endpoint answers with a list of customers (where the list and each
field are is configured as dotted paths). Every pull, scheduled or asked for, is published as a
:class:`~kiosk.core.notices.CustomersSynced` notice. The pull is incremental: the last ETag is
sent as ``If-None-Match`` (304: nothing new), and when the answer carries a cursor it
is sent back as ``since`` (or into ``{since}`` in the URL) next time; pages are
followed while the cursor moves. Each page is written with its cursor in one
transaction, so an interrupted pull carries on where it stopped. When the backend is
down the kiosk keeps working with the customers it has and tries again with backoff.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx
from sqlalchemy.orm import Session

from kiosk.config.settings import Settings
from kiosk.core.notices import CustomersSynced, NoticeBus
from kiosk.core.reasons import CoreReason
from kiosk.domain.backoff import Backoff
from kiosk.domain.clock import Clock
from kiosk.domain.customer import control_characters
from kiosk.domain.phone import mask, try_parse_phone
from kiosk.domain.reasons import Why
from kiosk.domain.search import reference_key
from kiosk.sources.provider.base import ProviderError, check_status, get, read_json
from kiosk.sources.provider.http_json import lookup
from kiosk.store import sync_state
from kiosk.store.customers import NewCustomer, upsert_customers
from kiosk.store.database import Database

log = logging.getLogger("kiosk.sync")

BACKEND = Why(CoreReason.MERCHANT_BACKEND)
MAX_PAGES = 1000


class SyncFailed(RuntimeError):
    """The pull did not complete; ``why`` says why, for staff. Pages already taken are kept."""

    def __init__(self, why: Why) -> None:
        """Keep the reason; ``str()`` gives its English words."""
        super().__init__(str(why))
        self.why = why


@dataclass(frozen=True, slots=True)
class SyncMapping:
    """Dotted paths into the backend's answer ("" for the list: the answer is the list)."""

    items: str = ""
    reference: str = "reference"
    name: str = "name"
    phone: str = "phone"
    cursor: str = ""


@dataclass
class SyncResult:
    """What one pull did."""

    pages: int = 0
    received: int = 0
    added: int = 0
    updated: int = 0
    skipped: int = 0
    unchanged: bool = False


class CustomerSync:
    """Pulls customers from ``url`` into the database."""

    def __init__(
        self,
        database: Database,
        *,
        url: str,
        clock: Clock,
        region: str,
        mapping: SyncMapping = SyncMapping(),
        headers: Mapping[str, str] | None = None,
        interval: float = 900.0,
        backoff: Backoff | None = None,
        timeout: float = 30.0,
        notices: NoticeBus | None = None,
    ) -> None:
        """Pull every ``interval`` seconds (0: once, then only on demand).

        Each pull's outcome is published on ``notices``.
        """
        self._db = database
        self._url = url
        self._clock = clock
        self._region = region
        self._mapping = mapping
        self._headers = dict(headers or {})
        self._interval = interval
        self._backoff = backoff or Backoff(5.0, 900.0)
        self._timeout = timeout
        self._notices = notices

    async def sync_once(self, client: httpx.AsyncClient) -> SyncResult:
        """One pull, following pages; raises :class:`SyncFailed` saying why it failed."""
        result = SyncResult()
        try:
            await self._pull(client, result)
        except ProviderError as exc:
            now = self._clock.now()
            await self._db.run(sync_state.save_error, now, str(exc))
            self._publish(CustomersSynced(now, result.added, result.updated, problem=exc.why))
            raise SyncFailed(exc.why) from None
        self._publish(CustomersSynced(self._clock.now(), result.added, result.updated))
        return result

    async def run(self) -> None:
        """Pull on schedule until cancelled; a failed pull is retried with backoff."""
        failures = 0
        async with httpx.AsyncClient(timeout=self._timeout) as client:
            while True:
                try:
                    result = await self.sync_once(client)
                except SyncFailed as exc:
                    failures += 1
                    wait = self._backoff.delay(failures).total_seconds()
                    log.warning("Customer sync failed (%s); next try in %.0f s", exc, wait)
                    await asyncio.sleep(wait)
                    continue
                failures = 0
                log.info(
                    "Customer sync: %d received, %d added, %d updated, %d skipped",
                    result.received,
                    result.added,
                    result.updated,
                    result.skipped,
                )
                if not self._interval:
                    return  # no schedule: further pulls only on demand (``customers sync``)
                await asyncio.sleep(self._interval)

    def _publish(self, notice: CustomersSynced) -> None:
        if self._notices is not None:
            self._notices.publish(notice)

    async def _pull(self, client: httpx.AsyncClient, result: SyncResult) -> None:
        state = await self._db.run(sync_state.load_state)
        cursor, etag = (state.cursor, state.etag) if state else (None, None)
        for _page in range(MAX_PAGES):
            response = await self._get(client, cursor, etag)
            if response.status_code == 304:
                result.unchanged = True
                now = self._clock.now()
                await self._db.run(sync_state.save_progress, now, cursor=cursor, etag=etag)
                return
            check_status(
                response,
                BACKEND,
                refused=CoreReason.BACKEND_REFUSED,
                unexpected=CoreReason.BACKEND_HTTP_STATUS,
            )
            document = read_json(response, BACKEND)
            records = _records(document, self._mapping.items)
            next_cursor = self._next_cursor(document) or cursor
            etag = response.headers.get("etag")
            customers, skipped = self._customers(records)
            added, updated = await self._db.run(
                _save_page, customers, now=self._clock.now(), cursor=next_cursor, etag=etag
            )
            result.pages += 1
            result.received += len(records)
            result.added += added
            result.updated += updated
            result.skipped += skipped
            if not records or not self._mapping.cursor or next_cursor == cursor:
                return
            cursor, etag = next_cursor, None

    async def _get(
        self, client: httpx.AsyncClient, cursor: str | None, etag: str | None
    ) -> httpx.Response:
        headers = dict(self._headers)
        if etag:
            headers["If-None-Match"] = etag
        params: dict[str, str] = {}
        if "{since}" in self._url:
            url = self._url.replace("{since}", quote(cursor or "", safe=""))
        else:
            url = self._url
            if cursor:
                params["since"] = cursor
        return await get(client, BACKEND, url, params=params, headers=headers)

    def _next_cursor(self, document: Any) -> str | None:
        if not self._mapping.cursor:
            return None
        try:
            value = lookup(document, self._mapping.cursor)
        except (LookupError, TypeError, ValueError):
            return None
        return None if value in (None, "") else str(value)

    def _customers(self, records: list[Any]) -> tuple[list[NewCustomer], int]:
        by_reference: dict[str, NewCustomer] = {}
        skipped = 0
        for record in records:
            try:
                reference = str(lookup(record, self._mapping.reference) or "").strip()
                name = str(lookup(record, self._mapping.name) or "").strip()
                phone_text = str(lookup(record, self._mapping.phone) or "")
            except (LookupError, TypeError, ValueError):
                skipped += 1
                continue
            phone = try_parse_phone(phone_text, self._region)
            if not reference or len(reference) > 64 or phone is None:
                log.info("Customer sync skipped a record (phone %s)", mask(phone_text))
                skipped += 1
                continue
            if control_characters(reference) or control_characters(name):
                log.warning(
                    "Customer sync skipped the record %r: its reference or name holds a "
                    "control character",
                    reference,
                )
                skipped += 1
                continue
            by_reference[reference_key(reference)] = NewCustomer(reference, name[:200], phone)
        return list(by_reference.values()), skipped


def customer_sync(
    database: Database, settings: Settings, clock: Clock, notices: NoticeBus | None = None
) -> CustomerSync | None:
    """The pull configured by ``sync_*`` settings; None when no ``sync_url`` is set."""
    if not settings.sync_url:
        return None
    auth = settings.sync_auth_header
    return CustomerSync(
        database,
        url=settings.sync_url,
        clock=clock,
        region=settings.region,
        mapping=SyncMapping(
            items=settings.sync_items,
            reference=settings.sync_reference,
            name=settings.sync_name,
            phone=settings.sync_phone,
            cursor=settings.sync_cursor,
        ),
        headers={"Authorization": auth.get_secret_value()} if auth else None,
        interval=settings.sync_interval,
        notices=notices,
    )


def _save_page(
    session: Session,
    customers: list[NewCustomer],
    *,
    now: datetime,
    cursor: str | None,
    etag: str | None,
) -> tuple[int, int]:
    """A page of customers and where to carry on, in one transaction; returns (added, updated)."""
    counts = upsert_customers(session, customers, now=now)
    sync_state.save_progress(session, now, cursor=cursor, etag=etag)
    return counts


def _records(document: Any, path: str) -> list[Any]:
    try:
        records = lookup(document, path)
    except (LookupError, TypeError, ValueError):
        records = None
    if not isinstance(records, list):
        raise ProviderError(Why(CoreReason.NO_CUSTOMER_LIST))
    return records
