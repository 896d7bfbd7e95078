"""What a provider adapter does (fetch recent inbound calls) and how it may fail."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

import httpx

from kiosk.domain.events import CallEvent


class ProviderError(Exception):
    """The provider could not be asked or answered badly; the message is for staff.

    ``retry_after`` is the delay the provider asked for (429 / 503 ``Retry-After``).
    """

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        """Keep the plain-words ``message`` and any delay the provider asked for."""
        super().__init__(message)
        self.retry_after = retry_after


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
