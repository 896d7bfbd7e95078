"""The staff PIN's lock: how long the pad waits after wrong PINs, and what a try answers.

The first :data:`FREE_TRIES` - 1 wrong PINs in a row cost nothing; the next locks the pad
for 30 s, and every further one doubles the wait (1 min, 2 min, 4 min …) up to an hour.
A right PIN starts the count again. At an hour a try, guessing a six-digit PIN takes
longer than the kiosk will live. Pure: the store keeps the count, the core applies it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

FREE_TRIES = 5
FIRST_LOCK = timedelta(seconds=30)
LONGEST_LOCK = timedelta(hours=1)
_MOST_DOUBLINGS = 16  # far past the hour; keeps the number small


class PinPurpose(Enum):
    """What the PIN was asked for."""

    SETTINGS = "settings"
    HISTORY = "history"


class PinEventKind(Enum):
    """What the staff-PIN log records."""

    WRONG = "wrong_pin"
    LOCKED = "locked"
    RIGHT_AFTER_WRONG = "right_after_wrong"


class PinOutcome(Enum):
    """What a try came to."""

    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"  # not even checked: the pad is waiting


@dataclass(frozen=True, slots=True)
class PinAnswer:
    """The answer to a try (or to "how is the lock?"): outcome, wrong PINs in a row, lock."""

    outcome: PinOutcome
    failures: int = 0
    locked_until: datetime | None = None
    wait: timedelta | None = None  # from the moment of the answer until the lock ends

    @property
    def tries_before_lock(self) -> int:
        """Wrong PINs still free before the pad waits."""
        return max(FREE_TRIES - self.failures, 0)


@dataclass(frozen=True, slots=True)
class PinEvent:
    """One line of the staff-PIN log."""

    at: datetime
    kind: PinEventKind
    purpose: PinPurpose
    kiosk_id: str
    failures: int
    lock: timedelta | None


def lock_after(failures: int) -> timedelta | None:
    """How long the pad waits after the ``failures``-th wrong PIN in a row (None: not at all)."""
    if failures < FREE_TRIES:
        return None
    doublings = min(failures - FREE_TRIES, _MOST_DOUBLINGS)
    lock: timedelta = FIRST_LOCK * (1 << doublings)
    return min(lock, LONGEST_LOCK)


def still_locked(locked_until: datetime | None, now: datetime) -> datetime | None:
    """Until when the pad waits, seen at ``now``; never more than an hour from now.

    A clock set back (or a lock written by a kiosk with a wrong clock) cannot lock the
    pad for longer than the longest lock.
    """
    if locked_until is None or locked_until <= now:
        return None
    return min(locked_until, now + LONGEST_LOCK)
