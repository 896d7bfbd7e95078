"""Twilio's call log: the kiosk number's inbound calls, from the Programmable Voice API.

Where each fact about Twilio's API comes from (all public):

- Call resource, https://www.twilio.com/docs/voice/api/call-resource ("Call Properties")
  and its older edition https://www.twilio.com/docs/api/rest/call: the record fields
  ``sid``, ``from``, ``to``, ``direction``, ``status``, ``start_time``,
  ``date_created``; ``from`` / ``to`` are E.164 numbers, SIP addresses or Client
  identifiers (``client:name``); ``direction`` is ``inbound`` for calls to our number
  (``outbound-api`` / ``outbound-dial`` otherwise); ``status`` is one of ``queued``,
  ``ringing``, ``in-progress``, ``canceled``, ``completed``, ``failed``, ``busy``,
  ``no-answer``; ``start_time`` and ``date_created`` are UTC ("GMT") in RFC 2822
  format ("Tue, 31 Aug 2010 20:36:29 +0000"); ``start_time`` is empty while the call
  has not been dialed.
- Listing, Twilio's OpenAPI spec, operation ``ListCall`` (rendered at
  https://bump.sh/paul-gh/hub/twilio/doc/api/operation/operation-listcall and shipped
  as twilio-node's ``CallListInstanceOptions``): ``GET
  /2010-04-01/Accounts/{AccountSid}/Calls.json`` with HTTP Basic auth (account SID,
  auth token); filter ``To``; ``StartTime`` takes a *date* ``YYYY-MM-DD`` in UTC, and
  ``StartTime>=YYYY-MM-DD`` means "started on or after midnight of this date" -- on
  the wire the parameter is named ``StartTime>``; ``PageSize`` defaults to 50, at
  most 1000.
- Paging, https://www.twilio.com/docs/usage/twilios-response ("paginated results") and
  twilio-python's ``twilio/base/page.py`` / twilio-java's ``CallPage``: a 2010 list
  answer is ``{"calls": [...], "page", "page_size", "uri", "first_page_uri",
  "next_page_uri", "previous_page_uri", "start", "end"}``; ``next_page_uri`` is a path
  on the API host (``/2010-04-01/...``), ``null`` on the last page, and is to be
  followed as given rather than rebuilt.
- Order: lists come newest first and cannot be re-sorted (twilio/twilio-oai issue #22);
  the key has been ``StartTime`` or ``DateCreated`` over the years
  (kevinburke/twilio-go issue #59), so paging stops after a page whose last record is
  older than ``since``, and every record is still checked against ``since``.
- Errors: https://www.twilio.com/docs/api/errors/20404 (404: the SID in the path does
  not exist, e.g. a wrong account SID) and https://www.twilio.com/docs/api/errors/20429
  (429: too many concurrent requests, safe to retry after backing off).
- Withheld callers: besides words such as ``anonymous``, carriers hand Twilio the
  keypad spellings of ANONYMOUS, RESTRICTED, BLOCKED, UNKNOWN and UNAVAILABLE as the
  ``from`` number. This is not in Twilio's reference; it is what Twilio users report
  and handle (e.g. ``+266696687``), so those numbers are read as withheld.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

import httpx

from kiosk.domain.events import CallEvent
from kiosk.domain.phone import DEFAULT_REGION, mask, parse_phone, try_parse_phone
from kiosk.domain.reasons import Why
from kiosk.sources.provider.base import ProviderError, get_json, keep_calls, utc_time
from kiosk.sources.provider.reasons import ProviderReason

log = logging.getLogger("kiosk.provider.twilio")

PROVIDER = "Twilio"
API_BASE_URL = "https://api.twilio.com"
MAX_PAGE_SIZE = 1000
"""Twilio's ceiling for ``PageSize`` (the default is 50)."""

_MAX_PAGES = 100
"""A bound on one fetch, in case an answer keeps pointing at another page."""

_CALL_ATTEMPT_STATUSES = frozenset(
    {"queued", "ringing", "in-progress", "canceled", "completed", "failed", "busy", "no-answer"}
)
"""Every Call status: a call the kiosk rejected ends as busy, no-answer or canceled."""

_WITHHELD_WORDS = frozenset(
    {"", "anonymous", "restricted", "blocked", "private", "unknown", "unavailable", "withheld"}
)
_WITHHELD_KEYPAD_NUMBERS = frozenset(
    {
        "266696687",  # ANONYMOUS
        "7378742833",  # RESTRICTED
        "2562533",  # BLOCKED
        "8656696",  # UNKNOWN
        "86282452253",  # UNAVAILABLE
    }
)

_UNREADABLE = Why(ProviderReason.UNREADABLE, provider=PROVIDER)


def caller_number(raw: str, region: str) -> str | None:
    """Twilio's ``From`` in E.164, or None when withheld (words, keypad spellings, SIP, client).

    The call log and the voice webhook write the caller the same way.
    """
    text = raw.strip()
    if text.lower() in _WITHHELD_WORDS or text.lstrip("+") in _WITHHELD_KEYPAD_NUMBERS:
        return None
    return try_parse_phone(text, region)


class TwilioAdapter:
    """Lists inbound calls to the kiosk's Twilio number through the Calls resource."""

    name = "twilio"

    def __init__(
        self,
        *,
        account_sid: str,
        auth_token: str,
        number: str,
        region: str = DEFAULT_REGION,
        base_url: str = API_BASE_URL,
        page_size: int = 50,
    ) -> None:
        """Use the account's credentials to read calls to ``number`` (the kiosk's number).

        ``number`` may be written in any common form; national numbers are read in
        ``region`` (raises :class:`~kiosk.domain.phone.InvalidPhoneNumber`).
        ``base_url`` lets tests point the adapter at a local server.
        """
        if not account_sid.strip():
            raise ValueError("The Twilio account SID is empty.")
        if not auth_token:
            raise ValueError("The Twilio auth token is empty.")
        self.account_sid = account_sid.strip()
        self.region = region
        self.number = parse_phone(number, region)
        self.base_url = base_url.rstrip("/")
        self.page_size = min(max(int(page_size), 1), MAX_PAGE_SIZE)
        self._auth = httpx.BasicAuth(self.account_sid, auth_token)

    def __repr__(self) -> str:
        """Name the account and number, never the auth token."""
        return f"TwilioAdapter(account_sid={self.account_sid!r}, number={mask(self.number)!r})"

    @property
    def calls_url(self) -> str:
        """The Calls list resource of the account."""
        return f"{self.base_url}/2010-04-01/Accounts/{self.account_sid}/Calls.json"

    async def fetch(self, client: httpx.AsyncClient, since: datetime) -> list[CallEvent]:
        """Inbound calls to the kiosk's number that started at or after ``since``, oldest first."""
        since = since.astimezone(UTC)
        url = self.calls_url
        params: dict[str, str] | None = {
            "To": self.number,
            # Twilio filters by whole UTC days only; the exact cut is made below.
            "StartTime>": since.date().isoformat(),
            "PageSize": str(self.page_size),
        }
        events: dict[str, CallEvent] = {}
        for _ in range(_MAX_PAGES):
            page = await self._get_page(client, url, params)
            records = page["calls"]
            keep_calls(events, records, self._event, since)
            # Newest first: once a page ends before ``since``, later pages are older still.
            oldest = _record_time(records[-1]) if records else None
            next_page = page.get("next_page_uri")
            if not next_page or not records or (oldest is not None and oldest < since):
                break
            url, params = self._next_page_url(next_page), None
        else:
            log.warning("Twilio: stopped after %d pages of calls", _MAX_PAGES)
        return sorted(events.values(), key=lambda event: event.at)

    def _event(self, record: dict[str, Any]) -> CallEvent | None:
        """One call record as an event, or None when it is not a call to the kiosk's number."""
        sid = record.get("sid")
        if not isinstance(sid, str) or not sid:
            return None
        if record.get("direction") != "inbound":
            return None
        if record.get("status") not in _CALL_ATTEMPT_STATUSES:
            log.debug("Twilio: call %s has status %r; ignored", sid, record.get("status"))
            return None
        to = record.get("to")
        if not isinstance(to, str) or try_parse_phone(to, self.region) != self.number:
            log.debug("Twilio: call %s was to %s, not the kiosk's number", sid, mask(str(to)))
            return None
        at = _record_time(record)
        if at is None:
            log.debug("Twilio: call %s has no start time yet; ignored", sid)
            return None
        caller_raw = record.get("from")
        caller_raw = caller_raw if isinstance(caller_raw, str) else ""
        return CallEvent(
            caller_raw=caller_raw,
            caller=caller_number(caller_raw, self.region),
            at=at,
            source=self.name,
            dialed=self.number,
            call_id=sid,
            raw=json.dumps(record),
        )

    def _next_page_url(self, next_page: object) -> str:
        # Only follow paths on the same server: the credentials go with every request.
        if not isinstance(next_page, str) or not next_page.startswith("/"):
            raise ProviderError(_UNREADABLE)
        return f"{self.base_url}{next_page}"

    async def _get_page(
        self, client: httpx.AsyncClient, url: str, params: dict[str, str] | None
    ) -> dict[str, Any]:
        page = await get_json(
            client,
            PROVIDER,
            url,
            params=params,
            auth=self._auth,
            refused=ProviderReason.TWILIO_REFUSED,
            not_found=Why(ProviderReason.TWILIO_NO_ACCOUNT, account=self.account_sid),
        )
        if not isinstance(page, dict) or not isinstance(page.get("calls"), list):
            raise ProviderError(_UNREADABLE)
        if not all(isinstance(record, dict) for record in page["calls"]):
            raise ProviderError(_UNREADABLE)
        return page


def _record_time(record: dict[str, Any]) -> datetime | None:
    """When the call started (UTC): ``start_time``, or ``date_created`` before dialing."""
    for field in ("start_time", "date_created"):
        value = record.get(field)
        at = utc_time(value, UTC) if isinstance(value, str) else None
        if at is not None:
            return at
    return None
