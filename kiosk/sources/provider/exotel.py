"""Exotel: calls to the kiosk's ExoPhone, from the Bulk Call Details API or from Passthru.

The adapter polls the call log; :func:`passthru_call` reads the notification that a
Passthru applet in the ExoPhone's flow sends to the listener
(:mod:`kiosk.sources.provider.inbound`, ``GET /exotel/passthru``). Where each fact
comes from (Exotel's public documentation and code):

- [bulk] https://developer.exotel.com/api/call-details-bulk -- ``GET
  /v1/Accounts/<sid>/Calls`` with the API key and token as HTTP Basic credentials;
  ``.json`` appended for a JSON answer; query parameters must be URL-encoded; the
  list does not include calls that are still going on.
- [v1] https://developer.exotel.com/docs/voice-v1/api-reference/call-details -- the
  filters ``DateCreated`` (``gte:YYYY-MM-DD HH:MM:SS;lte:...``), ``Direction``
  (``inbound``, ``outbound-dial``, ``outbound-api``), ``PhoneNumber`` (the virtual
  number), ``To``/``From`` (E.164), ``PageSize`` (default 50, max 100), ``SortBy``
  (``DateCreated:asc``; default descending), cursor paging with ``Before``/``After``
  taken from ``Metadata.PrevPageUri``/``Metadata.NextPageUri``; the answer
  ``{"Metadata": {...}, "Calls": [...]}`` with ``Sid``, ``DateCreated``,
  ``StartTime``, ``From``, ``To``, ``PhoneNumberSid`` (the ExoPhone) and
  ``Direction``; numbers written nationally ("0XXXXX30240"); 401 and 429 answers.
- [exo-pt] Exotel, "Working with Passthru Applet",
  https://support.exotel.com/support/solutions/articles/48283-working-with-passthru-applet
  (also https://docs.exotel.com/voice-apis/working-with-passthru-applet): a GET with
  the call as URL-encoded query parameters, only some of them at each stage of the
  flow: ``CallSid``, ``CallFrom`` (the caller, for an incoming call), ``CallTo`` (the
  number where the call landed), ``Direction`` (``incoming`` / ``outbound-dial``),
  ``Created``, ``StartTime`` (``YYYY-MM-DD HH:mm:ss``), ``CurrentTime``
  (``yyyy-mm-dd hh:mm:ss``), ``DialWhomNumber`` (the agent dialled, not us); older
  editions name the numbers ``From`` / ``To``. "200 OK" takes the flow's first branch.
  The same names appear in "Working with Connect applet: Dial Whom"
  (support article 3000088074), where ``Created`` is "Timestamp when the call is
  created".
- A request captured in public integration code (a Node.js Exotel connector) shows the
  shapes: ``Created: 'Tue, 16 Feb 2016 15:56:26'``, ``StartTime: '2016-02-16
  15:56:26'``, ``CallFrom: '07799828555'`` (national), ``CallTo: '8039513882'``,
  ``To: '08039513882'``; ERPNext's ``exotel_integration.py`` reads ``CallSid``,
  ``CallFrom`` and ``To`` the same way.

Not found in the documentation, so chosen here and kept configurable:

- The time zone of ``DateCreated``/``StartTime`` (and of the ``DateCreated`` filter,
  and of Passthru's times). The examples carry no offset; integrations in public code
  read them as IST, and the constant ``EndTime`` the Passthru docs give for the Unix
  epoch is "1970-01-01 05:30:00", so the default is ``Asia/Kolkata`` and ``timezone``
  can say otherwise.
- Whether ``PhoneNumber`` wants E.164 or the national form: E.164 is sent, as the
  docs require for ``To``/``From``. Every record is checked here as well (direction,
  number, time), so a filter the API reads differently cannot let wrong calls in.
- How a withheld caller is written: anything that is not a phone number (empty,
  "anonymous", ...) becomes ``caller=None`` with the raw text kept.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urljoin, urlparse
from zoneinfo import ZoneInfo

import httpx

from kiosk.domain.events import CallEvent
from kiosk.domain.phone import mask, try_parse_phone
from kiosk.domain.reasons import Why
from kiosk.sources.provider.base import (
    ProviderError,
    dialed_number,
    get_json,
    keep_calls,
    utc_time,
)
from kiosk.sources.provider.reasons import ProviderReason
from kiosk.sources.provider.webhook import KioskLine, Notification

log = logging.getLogger("kiosk.provider.exotel")

PROVIDER = "Exotel"
_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # [v1] "2019-12-03 10:48:33"
_MAX_PAGES = 50  # a runaway cursor must not turn one poll into endless requests


class ExotelAdapter:
    """Lists inbound calls to one ExoPhone since a moment, page by page."""

    name = "exotel"

    def __init__(
        self,
        *,
        account_sid: str,
        api_key: str,
        api_token: str,
        number: str,
        region: str = "IN",
        base_url: str = "https://api.exotel.com",
        timezone: str = "Asia/Kolkata",
        page_size: int = 50,
    ) -> None:
        """Poll ``account_sid``'s call log for calls to ``number`` (the ExoPhone, E.164).

        ``base_url`` is the account's cluster ([bulk]: ``https://api.exotel.com``
        Singapore, ``https://api.in.exotel.com`` Mumbai); ``timezone`` is the zone
        the account's times are written in; ``page_size`` is capped at 100 [v1].
        """
        self.account_sid = account_sid
        self.number = number
        self.region = region
        self.base_url = base_url.rstrip("/")
        self.zone = ZoneInfo(timezone)
        self.page_size = max(1, min(page_size, 100))
        self._auth = httpx.BasicAuth(api_key, api_token)

    @property
    def url(self) -> str:
        """The Bulk Call Details endpoint, JSON flavour [bulk]."""
        return f"{self.base_url}/v1/Accounts/{self.account_sid}/Calls.json"

    async def fetch(self, client: httpx.AsyncClient, since: datetime) -> list[CallEvent]:
        """Inbound calls to our ExoPhone that started at or after ``since``, oldest first."""
        params = {
            # [v1] gte is inclusive; the account-local time is cut to whole seconds, so
            # the filter may let in a call from the same second -- removed below.
            "DateCreated": f"gte:{since.astimezone(self.zone).strftime(_TIME_FORMAT)}",
            "Direction": "inbound",  # [v1]
            "PhoneNumber": self.number,  # [v1] "Virtual number"; E.164 is our choice
            "SortBy": "DateCreated:asc",  # [v1] default is newest first
            "PageSize": str(self.page_size),  # [v1]
        }
        events: dict[str, CallEvent] = {}
        url: str | None = self.url
        query: dict[str, str] | None = params
        seen_cursors: set[str] = set()
        for _ in range(_MAX_PAGES):
            if url is None:
                break
            document = await self._get(client, url, query)
            calls, next_uri = _page(document)
            keep_calls(events, calls, self._event, since)
            url, query = self._next(next_uri, params, seen_cursors)
        return list(events.values())

    def _next(
        self, next_uri: str | None, params: dict[str, str], seen: set[str]
    ) -> tuple[str | None, dict[str, str] | None]:
        """Where the next page is: our own filters plus the ``After`` cursor [v1]."""
        if not next_uri:
            return None, None
        cursor = parse_qs(urlparse(next_uri).query).get("After", [""])[0]
        if cursor:
            if cursor in seen:
                return None, None
            seen.add(cursor)
            return self.url, {**params, "After": cursor}
        # No cursor to take out: follow the link as given (it is relative [v1]) — but
        # only a path on our own host, so the credentials never go anywhere else.
        if next_uri in seen or not next_uri.startswith("/") or next_uri.startswith("//"):
            return None, None
        seen.add(next_uri)
        return urljoin(self.base_url + "/", next_uri), None

    async def _get(self, client: httpx.AsyncClient, url: str, params: dict[str, str] | None) -> Any:
        return await get_json(client, PROVIDER, url, params=params, auth=self._auth)

    def _event(self, record: Any) -> CallEvent | None:
        """One call record as an event, or None when it is not an inbound call to us."""
        if not isinstance(record, dict):
            return None
        if str(record.get("Direction", "")).lower() != "inbound":  # [v1] values
            return None
        dialed = dialed_number(  # [v1] the ExoPhone: ``PhoneNumberSid``, else ``To``
            self.number,
            self.region,
            *(str(record.get(key) or "") for key in ("PhoneNumberSid", "To")),
        )
        if dialed != self.number:
            return None
        at = self._time(record.get("StartTime") or record.get("DateCreated"))
        sid = record.get("Sid")
        if at is None or not sid:
            return None
        caller_raw = record.get("From")
        caller_text = "" if caller_raw is None else str(caller_raw)
        return CallEvent(
            caller_raw=caller_text,
            caller=try_parse_phone(caller_text, self.region),  # "0XXXXXXXXXX" -> +91...
            at=at,
            source=self.name,
            dialed=dialed,
            call_id=str(sid),
            raw=json.dumps(record),
        )

    def _time(self, value: Any) -> datetime | None:
        """An account-local "YYYY-MM-DD HH:MM:SS" as an aware UTC time."""
        return utc_time("" if value is None else str(value), self.zone)


def _page(document: Any) -> tuple[list[Any], str | None]:
    """The calls on one page and the link to the next one [v1]."""
    if not isinstance(document, dict) or not isinstance(document.get("Calls"), list):
        raise ProviderError(Why(ProviderReason.UNREADABLE, provider=PROVIDER))
    metadata = document.get("Metadata")
    next_uri = metadata.get("NextPageUri") if isinstance(metadata, dict) else None
    return document["Calls"], next_uri if isinstance(next_uri, str) else None


def passthru_call(notification: Notification, line: KioskLine) -> CallEvent | None:
    """[exo-pt] The call a Passthru request reports, or None when it is not for us.

    Raises :class:`~kiosk.sources.provider.webhook.BadNotification` without ``CallSid``.
    """
    fields = notification.fields
    call_sid = notification.required("CallSid")
    direction = fields.get("Direction", "").lower()
    dialed = line.dialed(fields.get("CallTo"), fields.get("To"))
    if direction.startswith("outbound"):
        log.info("Exotel: call %s is %s, not incoming; ignored", call_sid, direction)
        return None
    if dialed != line.number:
        log.info("Exotel: call %s was to %s, not the kiosk's number", call_sid, mask(dialed))
        return None
    caller_raw = fields.get("CallFrom") or fields.get("From") or ""
    start = utc_time(fields.get("StartTime", ""), line.zone)
    return line.call(
        notification,
        source="exotel",
        caller_raw=caller_raw,
        caller=line.phone(caller_raw),
        call_id=call_sid,
        at=start or utc_time(fields.get("Created", ""), line.zone),
    )
