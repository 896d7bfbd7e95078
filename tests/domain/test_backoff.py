from datetime import UTC, datetime, timedelta

import pytest

from kiosk.domain.backoff import Backoff, parse_retry_after

NOW = datetime(2026, 11, 26, 10, 0, 0, tzinfo=UTC)


def test_delays_grow_but_stay_under_the_cap() -> None:
    backoff = Backoff(initial=1, maximum=30)
    ceilings = [1 * 2**n for n in range(1, 10)]
    for attempts, ceiling in enumerate(ceilings, start=1):
        delay = backoff.delay(attempts).total_seconds()
        assert 0 <= delay <= min(ceiling, 30)


def test_delays_are_jittered() -> None:
    backoff = Backoff(initial=1, maximum=1000)
    assert len({backoff.delay(8) for _ in range(20)}) > 1


def test_retry_after_wins_but_is_capped() -> None:
    backoff = Backoff(initial=1, maximum=60)
    assert backoff.delay(1, retry_after=42) == timedelta(seconds=42)
    assert backoff.delay(1, retry_after=3600) == timedelta(seconds=60)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 5 ", 5.0),
        ("Thu, 26 Nov 2026 10:00:30 GMT", 30.0),
        ("Thu, 26 Nov 2026 09:00:00 GMT", 0.0),
        (None, None),
        ("", None),
        ("soon", None),
    ],
)
def test_retry_after_forms(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header, NOW) == seconds
