"""A provider adapter for any JSON call-log API, configured by a URL template and paths.

The URL template may contain ``{since}`` (ISO 8601 UTC), ``{since_epoch}`` (Unix
seconds) and ``{number}`` (the kiosk's number, E.164). Where each field lives is given
as dotted paths (``data.calls``, ``caller.number``, ``0.id``); the list path may be
empty when the answer itself is the list. Times may be ISO 8601, RFC 2822 or Unix
seconds; times without a zone are read as UTC.

A call counts only when its dialed number is readable and is the kiosk's: a record
without one (the field missing, empty, or not a number) could be a call to any of the
provider account's numbers, so it is ignored and the log says so, once per call. An
empty ``dialed`` path says the API has no such field and lists only the kiosk's calls
(its URL asks for ``{number}``).
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote

import httpx

from kiosk.domain.events import CallEvent
from kiosk.domain.phone import try_parse_phone
from kiosk.domain.reasons import Why
from kiosk.sources.provider.base import ProviderError, get_json
from kiosk.sources.provider.reasons import ProviderReason


@dataclass(frozen=True, slots=True)
class JsonMapping:
    """Dotted paths to the parts of the provider's answer."""

    items: str = ""
    caller: str = "from"
    dialed: str = "to"
    time: str = "start_time"
    id: str = "id"


PROVIDER = Why(ProviderReason.HTTP_JSON)
log = logging.getLogger("kiosk.provider.http_json")
#: Calls remembered as ignored, so each is logged once (the same calls come every poll).
_IGNORED_REMEMBERED = 1000


class HttpJsonAdapter:
    """Polls a configured JSON endpoint for calls to the kiosk's number."""

    name = "http-json"

    def __init__(
        self,
        *,
        url_template: str,
        number: str,
        mapping: JsonMapping = JsonMapping(),
        headers: Mapping[str, str] | None = None,
        region: str = "IN",
    ) -> None:
        """Ask ``url_template`` (filled in per poll) with ``headers`` (e.g. Authorization)."""
        self.url_template = url_template
        self.number = number
        self.mapping = mapping
        self.headers = dict(headers or {})
        self.region = region
        self._ignored: OrderedDict[str, None] = OrderedDict()

    async def fetch(self, client: httpx.AsyncClient, since: datetime) -> list[CallEvent]:
        """Calls to our number at or after ``since``, from one request."""
        url = self.url_template.format(
            since=since.astimezone(UTC).isoformat().replace("+00:00", "Z"),
            since_epoch=int(since.timestamp()),
            number=quote(self.number),
        )
        document = await get_json(client, PROVIDER, url, headers=self.headers)
        try:
            records = lookup(document, self.mapping.items)
        except (LookupError, TypeError, ValueError):
            records = None
        if not isinstance(records, list):
            raise ProviderError(Why(ProviderReason.NO_CALL_LIST, provider=PROVIDER))
        events = []
        for record in records:
            event = self._event(record)
            if event is not None and event.at >= since:
                events.append(event)
        return events

    def _event(self, record: Any) -> CallEvent | None:
        try:
            dialed = self._dialed(record)
            if dialed is None:
                self._ignore(record)
                return None
            if dialed != self.number:
                return None
            caller_raw = lookup(record, self.mapping.caller)
            at = parse_time(lookup(record, self.mapping.time))
            found_id = lookup(record, self.mapping.id)
            call_id = str(found_id) if found_id not in (None, "") else None
        except (LookupError, TypeError, ValueError, OverflowError, OSError):
            return None  # a record we cannot read is skipped, not fatal
        caller_text = "" if caller_raw is None else str(caller_raw)
        return CallEvent(
            caller_raw=caller_text,
            caller=try_parse_phone(caller_text, self.region),
            at=at,
            source=self.name,
            dialed=dialed,
            call_id=call_id,
            raw=json.dumps(record, separators=(",", ":")),
        )

    def _dialed(self, record: Any) -> str | None:
        """The number the call went to (E.164), or None when the record has no readable one."""
        if not self.mapping.dialed:
            return self.number  # the API lists only the kiosk's calls
        try:
            dialed_raw = lookup(record, self.mapping.dialed)
        except (LookupError, TypeError, ValueError):
            return None
        return try_parse_phone(str(dialed_raw), self.region) if dialed_raw else None

    def _ignore(self, record: Any) -> None:
        """Log, once per call, that a call without a readable dialed number is not counted."""
        try:
            key = str(lookup(record, self.mapping.id))
        except (LookupError, TypeError, ValueError):
            key = json.dumps(record, sort_keys=True, default=str)
        if key in self._ignored:
            return
        self._ignored[key] = None
        while len(self._ignored) > _IGNORED_REMEMBERED:
            self._ignored.popitem(last=False)
        log.warning(
            "HTTP JSON provider: a call without a readable dialed number at %r was ignored "
            "(it may have been to another number); set http_json_dialed to the field that "
            "holds it",
            self.mapping.dialed,
        )


def lookup(document: Any, path: str) -> Any:
    """The value at a dotted ``path`` (list indexes as numbers); "" is the document."""
    value = document
    for part in filter(None, path.split(".")):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def parse_time(value: Any) -> datetime:
    """An aware UTC time from ISO 8601, RFC 2822 or Unix seconds."""
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value, UTC)
    text = str(value).strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        moment = parsedate_to_datetime(text)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
