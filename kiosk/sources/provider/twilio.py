"""Twilio: read the kiosk number's inbound calls from the Programmable Voice call log.

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
  (429: too many concurrent requests, safe to retry after backing off). Error bodies
  carry a ``code`` and a ``message`` (twilio-ruby's ``RestError``); only ``message`` is
  borrowed, for other 4xx answers.
- Withheld callers: besides words such as ``anonymous``, carriers hand Twilio the
  keypad spellings of ANONYMOUS, RESTRICTED, BLOCKED, UNKNOWN and UNAVAILABLE as the
  ``from`` number. This is not in Twilio's reference; it is what Twilio users report
  and handle (e.g. ``+266696687``), so those numbers are read as withheld.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from kiosk.domain.backoff import parse_retry_after
from kiosk.domain.events import CallEvent
from kiosk.domain.phone import DEFAULT_REGION, mask, mask_numbers_in, parse_phone, try_parse_phone
from kiosk.sources.provider.base import ProviderError

log = logging.getLogger("kiosk.provider.twilio")

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

_UNREADABLE = "Twilio sent an answer that could not be read."


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
        self._token = auth_token
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
        since = _as_utc(since)
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
            times = [_record_time(record) for record in records]
            for record, at in zip(records, times, strict=True):
                if at is not None and at < since:
                    continue
                event = self._event(record, at)
                if event is not None:
                    events.setdefault(event.call_id or event.raw, event)
            # Newest first: once a page ends before ``since``, later pages are older still.
            page_ends_before_since = bool(times) and times[-1] is not None and times[-1] < since
            next_page = page.get("next_page_uri")
            if not next_page or not records or page_ends_before_since:
                break
            url, params = self._next_page_url(next_page), None
        else:
            log.warning("Twilio: stopped after %d pages of calls", _MAX_PAGES)
        return sorted(events.values(), key=lambda event: event.at)

    def _event(self, record: dict[str, Any], at: datetime | None) -> CallEvent | None:
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
        if at is None:
            log.debug("Twilio: call %s has no start time yet; ignored", sid)
            return None
        caller_raw = record.get("from")
        caller_raw = caller_raw if isinstance(caller_raw, str) else ""
        return CallEvent(
            caller_raw=caller_raw,
            caller=self._caller(caller_raw),
            at=at,
            source=self.name,
            dialed=self.number,
            call_id=sid,
            raw=json.dumps(record),
        )

    def _caller(self, raw: str) -> str | None:
        """The caller in E.164, or None when withheld (words, keypad spellings, SIP, client)."""
        text = raw.strip()
        if text.lower() in _WITHHELD_WORDS:
            return None
        if text.lstrip("+") in _WITHHELD_KEYPAD_NUMBERS:
            return None
        return try_parse_phone(text, self.region)

    def _next_page_url(self, next_page: object) -> str:
        # Only follow paths on the same server: the credentials go with every request.
        if not isinstance(next_page, str) or not next_page.startswith("/"):
            raise ProviderError(_UNREADABLE)
        return f"{self.base_url}{next_page}"

    async def _get_page(
        self, client: httpx.AsyncClient, url: str, params: dict[str, str] | None
    ) -> dict[str, Any]:
        try:
            response = await client.get(
                url, params=params, auth=self._auth, headers={"Accept": "application/json"}
            )
        except httpx.TimeoutException as exc:
            raise ProviderError("Cannot reach Twilio (no answer in time).") from exc
        except httpx.ConnectError as exc:
            host = httpx.URL(self.base_url).host or self.base_url
            raise ProviderError(f"Cannot reach Twilio (no connection to {host}).") from exc
        except httpx.TransportError as exc:
            raise ProviderError(f"Cannot reach Twilio ({self._reason(exc)}).") from exc
        except httpx.InvalidURL as exc:
            raise ProviderError(
                "Cannot reach Twilio (the API address is not valid). Check the Twilio settings."
            ) from exc
        if response.status_code != 200:
            raise self._error(response)
        try:
            page = response.json()
        except ValueError as exc:
            raise ProviderError(_UNREADABLE) from exc
        if not isinstance(page, dict) or not isinstance(page.get("calls"), list):
            raise ProviderError(_UNREADABLE)
        if not all(isinstance(record, dict) for record in page["calls"]):
            raise ProviderError(_UNREADABLE)
        return page

    def _error(self, response: httpx.Response) -> ProviderError:
        status = response.status_code
        if status in (401, 403):
            return ProviderError(
                "Twilio refused the account SID or auth token. Check the Twilio settings."
            )
        if status == 404:
            return ProviderError(
                f"Twilio has no account {self.account_sid}. "
                "Check the account SID in the Twilio settings."
            )
        if status in (429, 503):
            retry_after = parse_retry_after(response.headers.get("retry-after"), datetime.now(UTC))
            if status == 429:
                return ProviderError(
                    "Twilio asked the kiosk to slow down (HTTP 429); retrying.",
                    retry_after=retry_after,
                )
            return ProviderError(
                "Twilio is unavailable for a moment (HTTP 503); retrying.",
                retry_after=retry_after,
            )
        if status >= 500:
            return ProviderError(f"Twilio is having problems (HTTP {status}); retrying.")
        detail = self._twilio_message(response)
        return ProviderError(
            f"Twilio did not accept the request (HTTP {status}{': ' + detail if detail else ''})."
        )

    def _twilio_message(self, response: httpx.Response) -> str:
        try:
            body = response.json()
        except ValueError:
            return ""
        message = body.get("message") if isinstance(body, dict) else None
        if not isinstance(message, str):
            return ""
        return self._scrub(mask_numbers_in(message.strip()))[:200]

    def _reason(self, exc: Exception) -> str:
        text = self._scrub(str(exc).strip())
        return text or type(exc).__name__

    def _scrub(self, text: str) -> str:
        """Belt and braces: the auth token never reaches a message or a log line."""
        return text.replace(self._token, "•••") if self._token else text


def _record_time(record: dict[str, Any]) -> datetime | None:
    """When the call started (UTC): ``start_time``, or ``date_created`` before dialing."""
    for field in ("start_time", "date_created"):
        value = record.get(field)
        if isinstance(value, str) and value.strip():
            try:
                return _as_utc(parsedate_to_datetime(value))
            except (TypeError, ValueError):
                continue
    return None


def _as_utc(moment: datetime) -> datetime:
    """An aware UTC time; a naive one (or RFC 2822 "-0000") is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
