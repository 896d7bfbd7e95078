"""Time as the rest of the code sees it: an injectable source of timezone-aware UTC now."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the current time in UTC."""

    def now(self) -> datetime:
        """Return the current time, timezone-aware, in UTC."""
        ...


class SystemClock:
    """The wall clock."""

    def now(self) -> datetime:
        """Return the current wall-clock time in UTC."""
        return datetime.now(UTC)


def isoformat_utc(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC with a ``Z`` suffix and whole seconds, as the callback contract wants."""
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
