from datetime import UTC, datetime, timedelta

from kiosk.domain.pin_lock import FREE_TRIES, PinAnswer, PinOutcome, lock_after, still_locked

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def test_the_wait_grows_from_30_seconds_to_an_hour() -> None:
    waits = [lock_after(failures) for failures in range(1, 16)]
    assert waits[: FREE_TRIES - 1] == [None] * (FREE_TRIES - 1)
    assert [w.total_seconds() for w in waits[FREE_TRIES - 1 :] if w] == [
        30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600
    ]  # fmt: skip
    assert lock_after(10_000) == timedelta(hours=1)


def test_a_lock_is_never_longer_than_an_hour_from_now() -> None:
    assert still_locked(None, T0) is None
    assert still_locked(T0 - timedelta(seconds=1), T0) is None
    assert still_locked(T0 + timedelta(minutes=2), T0) == T0 + timedelta(minutes=2)
    # a clock set back a day must not lock the pad for a day
    assert still_locked(T0 + timedelta(days=1), T0) == T0 + timedelta(hours=1)


def test_tries_left_before_the_pad_waits() -> None:
    assert PinAnswer(PinOutcome.WRONG, failures=0).tries_before_lock == FREE_TRIES
    assert PinAnswer(PinOutcome.WRONG, failures=4).tries_before_lock == 1
    assert PinAnswer(PinOutcome.WRONG, failures=9).tries_before_lock == 0
