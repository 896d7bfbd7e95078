"""When to try again after a failure: exponential backoff with jitter, or ``Retry-After``.

Used by the callback outbox, provider polling and modem reconnection.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from tenacity import RetryCallState, wait_random_exponential


class Backoff:
    """Delays for the outbox: full-jitter exponential, capped, overridden by ``Retry-After``.

    The attempt count lives in the database, so the schedule survives restarts; the
    formula itself is tenacity's ``wait_random_exponential``.
    """

    def __init__(self, initial: float, maximum: float) -> None:
        self.maximum = maximum
        self._wait = wait_random_exponential(multiplier=initial, max=maximum)

    def delay(self, attempts: int, retry_after: float | None = None) -> timedelta:
        """The wait before the next try, after ``attempts`` failed tries."""
        if retry_after is not None:
            return timedelta(seconds=min(max(retry_after, 0.0), self.maximum))
        state = RetryCallState(retry_object=None, fn=None, args=(), kwargs={})  # type: ignore[arg-type]
        state.attempt_number = max(attempts, 1)
        return timedelta(seconds=self._wait(state))


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds asked for by a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max((moment - now).total_seconds(), 0.0)
