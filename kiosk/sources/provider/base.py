"""What a provider adapter does (fetch recent inbound calls) and how it may fail."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, tzinfo
from email.utils import parsedate_to_datetime
from typing import Any, Protocol

import httpx

from kiosk.domain.backoff import parse_retry_after
from kiosk.domain.events import CallEvent
from kiosk.domain.phone import try_parse_phone
from kiosk.domain.reasons import Reason, Why
from kiosk.sources.provider.reasons import ProviderReason


class ProviderError(Exception):
    """The provider could not be asked or answered badly; ``why`` says what, for staff.

    ``str()`` gives its English words. ``retry_after`` is the delay the provider asked
    for (429 / 503 ``Retry-After``).
    """

    def __init__(self, why: Why, *, retry_after: float | None = None) -> None:
        """Keep the reason and any delay the provider asked for."""
        super().__init__(str(why))
        self.why = why
        self.retry_after = retry_after


Provider = str | Why
"""Who was asked: a provider's brand ("Twilio"), or a reason ("the merchant backend")."""


class ProviderAdapter(Protocol):
    """One provider's API: list the inbound calls to our number since a moment."""

    name: str
    """The ``source`` of the events ("twilio", "exotel", ...)."""

    async def fetch(self, client: httpx.AsyncClient, since: datetime) -> list[CallEvent]:
        """Inbound calls to the kiosk's number that started at or after ``since``.

        Each event carries the provider's call id (``call_id``), the caller and dialed
        numbers, the provider's own start time (UTC) and the raw record (JSON text).
        Raises :class:`ProviderError` for anything that is not a usable answer.
        """
        ...


async def get_json(
    client: httpx.AsyncClient,
    provider: Provider,
    url: str,
    *,
    params: dict[str, str] | None = None,
    auth: httpx.Auth | None = None,
    headers: dict[str, str] | None = None,
    refused: Reason = ProviderReason.REFUSED,
    not_found: Why | None = None,
) -> Any:
    """GET ``url`` and return its JSON; every failure is a ProviderError saying why.

    ``refused`` and ``not_found`` are passed on to :func:`check_status`.
    """
    response = await get(client, provider, url, params=params, headers=headers or {}, auth=auth)
    check_status(response, provider, refused=refused, not_found=not_found)
    return read_json(response, provider)


async def get(
    client: httpx.AsyncClient,
    provider: Provider,
    url: str,
    *,
    params: dict[str, str] | None = None,
    headers: dict[str, str],
    auth: httpx.Auth | None = None,
) -> httpx.Response:
    """GET ``url`` asking for JSON; a ProviderError when ``provider`` cannot be reached."""
    try:
        return await client.get(
            url, params=params, auth=auth, headers={"Accept": "application/json", **headers}
        )
    except httpx.TimeoutException:
        raise ProviderError(Why(ProviderReason.NO_ANSWER, provider=provider)) from None
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        cause = transport_reason(exc)
        raise ProviderError(
            Why(ProviderReason.UNREACHABLE, provider=provider, cause=cause)
        ) from None


def read_json(response: httpx.Response, provider: Provider) -> Any:
    """The JSON of ``response``; a ProviderError when it is not JSON."""
    try:
        return response.json()
    except ValueError:
        raise ProviderError(Why(ProviderReason.UNREADABLE, provider=provider)) from None


def check_status(
    response: httpx.Response,
    provider: Provider,
    *,
    refused: Reason = ProviderReason.REFUSED,
    unexpected: Reason = ProviderReason.HTTP_STATUS,
    not_found: Why | None = None,
) -> None:
    """Turn anything but a 2xx into a ProviderError staff can act on.

    ``refused`` is the reason for a 401/403 (Twilio names the account SID or token);
    ``unexpected`` the reason for any other status staff should look into;
    ``not_found`` the reason for a 404, when the provider's 404 means something staff
    can fix (an account that does not exist). All are given ``provider`` and ``status``.
    """
    if response.is_success:
        return
    code = response.status_code
    retry_after = parse_retry_after(response.headers.get("retry-after"), datetime.now(UTC))
    if code in (401, 403):
        raise ProviderError(Why(refused, provider=provider, status=code))
    if code == 404 and not_found:
        raise ProviderError(not_found)
    if code == 429:
        raise ProviderError(
            Why(ProviderReason.SLOW_DOWN, provider=provider), retry_after=retry_after
        )
    if code >= 500:
        why = Why(ProviderReason.TROUBLE, provider=provider, status=code)
        raise ProviderError(why, retry_after=retry_after)
    raise ProviderError(Why(unexpected, provider=provider, status=code))


def transport_reason(exc: Exception) -> Why | str:
    """A short cause without the URL or anything else from the request."""
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return Why(ProviderReason.INVALID_ADDRESS)
    if isinstance(exc, httpx.ConnectError):
        try:
            host = exc.request.url.host
        except RuntimeError:  # raised without a request
            host = ""
        if host:
            return Why(ProviderReason.NO_CONNECTION_TO, host=host)
        return Why(ProviderReason.NO_CONNECTION)
    if isinstance(exc, httpx.NetworkError | httpx.RemoteProtocolError):
        return Why(ProviderReason.CONNECTION_LOST)
    return type(exc).__name__


def utc_time(text: str, zone: tzinfo) -> datetime | None:
    """A provider's "2016-02-16 15:56:26[+05:30]" or RFC 2822 time as aware UTC.

    A time without an offset is read in ``zone``; empty, zero ("0000-00-00 ...") and
    unreadable times give None.
    """
    text = text.strip()
    if not text or text.startswith("0000"):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)


def keep_calls(
    events: dict[str, CallEvent],
    records: Iterable[Any],
    read: Callable[[Any], CallEvent | None],
    since: datetime,
) -> None:
    """Add each record read as a call at or after ``since`` to ``events``, once per call."""
    for record in records:
        event = read(record)
        if event is not None and event.at >= since:
            events.setdefault(event.call_id or event.raw, event)


def dialed_number(number: str, region: str, *candidates: str | None) -> str | None:
    """``number`` (the kiosk's, E.164) if any candidate is it, else the first readable one.

    Providers write the number that was dialed in more than one field and form; the
    first readable number is kept so a log line can say where the call went instead.
    """
    found = None
    for text in candidates:
        parsed = try_parse_phone(text, region)
        if parsed == number:
            return parsed
        found = found or parsed
    return found
