"""Plivo: inbound calls to the kiosk's Plivo number, from the "retrieve all calls" API.

Where each fact comes from (Plivo's public documentation):

- [list] https://www.plivo.com/docs/voice/api/call/retrieve-all-calls/ -- ``GET
  https://api.plivo.com/v1/Account/{auth_id}/Call/`` lists *completed* calls; filters
  ``call_direction`` (``inbound``/``outbound``), ``from_number`` and ``to_number``
  (exact number or prefix), ``end_time`` with ``__gt``/``__gte``/``__lt``/``__lte``
  in the form ``YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`` and "Timestamps need to be UTC
  timestamps" (only ``end_time__gte`` given: a 30-day window from it); ``limit`` at
  most 20 (default 20) and ``offset`` for paging. There is no filter on the start
  time, so ``end_time__gte`` (a call that started at or after ``since`` also ended
  after it) narrows the list and the start time is checked here.
- [object] https://docs.plivo.com/docs/voice/api/call/the-call-object/ -- the
  fields ``call_uuid``, ``call_direction``, ``from_number``, ``to_number``,
  ``initiation_time``, ``answer_time``, ``end_time``, ``hangup_cause_name``...;
  times "yyyy-MM-dd HH:mm:ss" in the account's time zone as set in the Plivo console,
  the example written with an offset ("2022-06-28 19:39:04+05:30"); numbers written
  with the country code but no "+" ("12025551111"), though see the fixture below.
- [list response] the example answers for this endpoint: Plivo's SDK test fixture
  (github.com/plivo/plivo-python, tests/resources/fixtures/callListResponse.json)
  and Plivo's published sample output -- ``{"api_id", "meta": {"limit", "next",
  "offset", "previous", "total_count"}, "objects": [...]}``; ``next`` is a relative
  link ("/v1/Account/MA.../Call/?limit=5&offset=5") or null on the last page (the
  SIP-trunking variant of the endpoint writes true/false). The fixture writes
  ``from_number`` with a "+" ("+14158572518") and ``to_number`` without.
- [paging] https://www.plivo.com/docs/number-masking/api/pagination/ -- offset
  paging, lists returned newest first (written for the number-masking API; taken to
  hold for the call list, which documents ``limit``/``offset`` but no order).

Not confirmed by the documentation, so chosen here:

- Whether ``to_number`` wants the "+": it is sent as Plivo writes numbers (digits
  with the country code, no "+"), which the "exact number or prefix" match fits.
- A time without an offset is read in ``timezone`` (the console's zone; default UTC).
- How a withheld caller is written: anything that is not a phone number (empty,
  "anonymous", a SIP address) becomes ``caller=None`` with the raw text kept.
- Newest-first offset paging shifts when a call lands between two pages; the same
  call can then be on both pages, so records are de-duplicated by ``call_uuid``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from kiosk.domain.events import CallEvent
from kiosk.domain.phone import try_parse_phone
from kiosk.domain.reasons import Why
from kiosk.sources.provider.base import ProviderError, get_json, keep_calls, utc_time
from kiosk.sources.provider.reasons import ProviderReason

PROVIDER = "Plivo"
_FILTER_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # [list] YYYY-MM-DD HH:MM[:ss[.uuuuuu]], UTC
_MAX_PAGES = 50  # never let one poll turn into endless requests


class PlivoAdapter:
    """Lists inbound calls to one Plivo number since a moment, page by page."""

    name = "plivo"

    def __init__(
        self,
        *,
        auth_id: str,
        auth_token: str,
        number: str,
        region: str = "IN",
        base_url: str = "https://api.plivo.com",
        page_size: int = 20,
        timezone: str = "UTC",
    ) -> None:
        """Poll ``auth_id``'s call log for calls to ``number`` (E.164).

        ``page_size`` is capped at 20 [list]; ``timezone`` is only used for a time
        that comes without an offset (the zone set in the Plivo console [object]).
        """
        self.auth_id = auth_id
        self.number = number
        self.region = region
        self.base_url = base_url.rstrip("/")
        self.page_size = max(1, min(page_size, 20))
        self.zone = ZoneInfo(timezone)
        self._auth = httpx.BasicAuth(auth_id, auth_token)

    @property
    def url(self) -> str:
        """The call list endpoint [list]; note the trailing slash."""
        return f"{self.base_url}/v1/Account/{self.auth_id}/Call/"

    async def fetch(self, client: httpx.AsyncClient, since: datetime) -> list[CallEvent]:
        """Inbound calls to our number that started at or after ``since``, oldest first."""
        params = {
            "call_direction": "inbound",  # [list]
            "to_number": self.number.lstrip("+"),  # [object] numbers carry no "+"
            "end_time__gte": since.astimezone(UTC).strftime(_FILTER_TIME_FORMAT),  # [list]
            "limit": str(self.page_size),  # [list]
        }
        events: dict[str, CallEvent] = {}
        offset = 0
        for _ in range(_MAX_PAGES):
            document = await self._get(client, {**params, "offset": str(offset)})
            objects, has_next, total = _page(document)
            keep_calls(events, objects, self._event, since)
            offset += len(objects)
            if not has_next or not objects or (total is not None and offset >= total):
                break
        return sorted(events.values(), key=lambda event: event.at)

    async def _get(self, client: httpx.AsyncClient, params: dict[str, str]) -> Any:
        return await get_json(client, PROVIDER, self.url, params=params, auth=self._auth)

    def _event(self, record: Any) -> CallEvent | None:
        """One call record as an event, or None when it is not an inbound call to us."""
        if not isinstance(record, dict):
            return None
        if str(record.get("call_direction", "")).lower() != "inbound":  # [object]
            return None
        dialed = self._phone(record.get("to_number"))
        if dialed != self.number:
            return None
        at = self._time(record.get("initiation_time"))
        call_uuid = record.get("call_uuid")
        if at is None or not call_uuid:
            return None
        caller_raw = record.get("from_number")
        caller_text = "" if caller_raw is None else str(caller_raw)
        return CallEvent(
            caller_raw=caller_text,
            caller=self._phone(caller_text),
            at=at,
            source=self.name,
            dialed=dialed,
            call_id=str(call_uuid),
            raw=json.dumps(record),
        )

    def _phone(self, value: Any) -> str | None:
        """E.164 from Plivo's "919812345678" [object], or from a national/"+" form."""
        text = "" if value is None else str(value).strip()
        if text.isdigit() and not text.startswith("0"):
            international = try_parse_phone("+" + text, self.region)
            if international is not None:
                return international
        return try_parse_phone(text, self.region)

    def _time(self, value: Any) -> datetime | None:
        """Read "2022-06-28 19:39:04+05:30" (no offset: the console zone) as UTC."""
        return utc_time("" if value is None else str(value), self.zone)


def _page(document: Any) -> tuple[list[Any], bool, int | None]:
    """The calls on one page, whether there is another, and the total [list response]."""
    if not isinstance(document, dict) or not isinstance(document.get("objects"), list):
        raise ProviderError(Why(ProviderReason.UNREADABLE, provider=PROVIDER))
    meta = document.get("meta")
    meta = meta if isinstance(meta, dict) else {}
    total = meta.get("total_count")
    # ``next`` is a link (or null) in the Voice API's example; any true value means more.
    return document["objects"], bool(meta.get("next")), total if isinstance(total, int) else None
