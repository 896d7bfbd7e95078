"""What a provider's notification parser is given and gives back (shared by the providers).

Providers that push their calls to the kiosk (Twilio, Exotel, SMS Gateway Center)
each read their own notification in their own module; the listener
(:mod:`kiosk.sources.provider.inbound`) does the HTTP around them. Shared here:
reading name/value pairs from a query string, a form or a flat JSON object, the
received record without the shared secret, the :class:`CallEvent` for a call to the
kiosk's number, and the :class:`ReplayGuard` that remembers which notifications were
taken.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Protocol
from urllib.parse import parse_qsl

from kiosk.domain.events import CallEvent
from kiosk.domain.phone import try_parse_phone
from kiosk.sources.provider.base import dialed_number

SECRET_PARAM = "secret"
"""The query parameter that may carry the listener's shared secret; never kept."""

MAX_FIELDS = 200
"""More name/value pairs than this in one notification are refused."""

Pairs = list[tuple[str, str]]


class ReplayGuard(Protocol):
    """Which notifications were taken already (kept in the database, shared by a site)."""

    async def first_time(self, key: str) -> bool:
        """Take ``key``; False when it was taken before: the notification is a replay."""
        ...

    async def give_back(self, key: str) -> None:
        """The notification could not be recorded: taking it again is no replay."""
        ...


class BadNotification(Exception):
    """A notification that cannot be read; the message is the short reason sent back (400)."""


def parse_pairs(data: bytes | str, what: str) -> Pairs:
    """Name/value pairs of a query string or form body (``what`` names it), strictly UTF-8."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        return parse_qsl(
            text,
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=MAX_FIELDS,
        )
    except (UnicodeDecodeError, ValueError):
        raise BadNotification(f"{what} could not be read.") from None


def json_pairs(data: bytes) -> Pairs:
    """Name/value pairs of a flat JSON object (numbers and booleans as text)."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BadNotification("The JSON body could not be read.") from None
    if not isinstance(document, dict) or len(document) > MAX_FIELDS:
        raise BadNotification("The JSON body must be an object of fields.")
    pairs: Pairs = []
    for name, value in document.items():
        if value is None:
            pairs.append((name, ""))
        elif isinstance(value, str | int | float | bool):
            pairs.append((name, value if isinstance(value, str) else json.dumps(value)))
        else:
            raise BadNotification(f"The field {name!r} is not a single value.")
    return pairs


@dataclass(frozen=True)
class Notification:
    """One notification as received: its name/value pairs, in order (secret included)."""

    pairs: Pairs

    @property
    def fields(self) -> dict[str, str]:
        """One value per name, the last one winning (as PHP's ``$_REQUEST`` does)."""
        return {name: value.strip() for name, value in self.pairs if name != SECRET_PARAM}

    def required(self, name: str) -> str:
        """The value of field ``name``; raises :class:`BadNotification` when it is empty."""
        value = self.fields.get(name, "")
        if not value:
            raise BadNotification(f"{name} is missing.")
        return value

    @property
    def raw(self) -> str:
        """The received parameters as JSON, without the shared secret."""
        record: dict[str, str | list[str]] = {}
        for name, value in self.pairs:
            if name == SECRET_PARAM:
                continue
            if name in record:
                previous = record[name]
                record[name] = (
                    [*previous, value] if isinstance(previous, list) else [previous, value]
                )
            else:
                record[name] = value
        return json.dumps(record, ensure_ascii=False)


@dataclass(frozen=True)
class KioskLine:
    """The kiosk's number as notifications are checked against it."""

    number: str
    """The number customers dial, E.164."""
    region: str
    """Where national numbers in notifications are read."""
    zone: tzinfo
    """The zone of times written without an offset (Exotel's)."""
    tolerance: float
    """Seconds the session window is widened for provider clocks and delivery delays."""

    def phone(self, text: str | None) -> str | None:
        """A number from a notification in E.164, or None when it is not one."""
        return try_parse_phone(text, self.region)

    def dialed(self, *candidates: str | None) -> str | None:
        """The kiosk's number if any candidate is it, else the first readable number."""
        return dialed_number(self.number, self.region, *candidates)

    def call(
        self,
        notification: Notification,
        *,
        source: str,
        caller_raw: str,
        caller: str | None,
        call_id: str | None,
        at: datetime | None,
    ) -> CallEvent:
        """The event for a call to the kiosk (``at`` None: it arrived now)."""
        return CallEvent(
            caller_raw=caller_raw,
            caller=caller,
            at=at or datetime.now(UTC),
            source=source,
            dialed=self.number,
            call_id=call_id,
            raw=notification.raw,
            tolerance=self.tolerance,
        )
