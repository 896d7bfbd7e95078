"""The staff lock: checks a typed PIN against the kiosk's PIN, counts wrong ones, locks.

Wrong PINs in a row and the lock are kept in the database per kiosk
(:mod:`kiosk.store.staff_lock`), so a restart does not reset them; how long the pad
waits is :mod:`kiosk.domain.pin_lock`. Every wrong PIN is logged (never the PIN) and
written to the staff-PIN log that the history screen shows. The hash is checked off
the event loop (scrypt takes a noticeable moment).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from kiosk.config.settings import Settings
from kiosk.domain.clock import Clock
from kiosk.domain.pin import DEMO_PIN, check_pin
from kiosk.domain.pin_lock import PinAnswer, PinOutcome, PinPurpose
from kiosk.store import staff_lock
from kiosk.store.database import Database

log = logging.getLogger("kiosk.staff")


def pin_check(settings: Settings) -> Callable[[str], bool] | None:
    """How a typed PIN is checked: the configured hash, the demo PIN in demo mode, or none."""
    if settings.staff_pin_hash is not None:
        stored = settings.staff_pin_hash.get_secret_value()
        return lambda pin: check_pin(pin, stored)
    if settings.is_demo:
        return lambda pin: pin == DEMO_PIN
    return None


class StaffLock:
    """One kiosk's staff lock on its database."""

    def __init__(
        self,
        database: Database,
        *,
        kiosk_id: str,
        check: Callable[[str], bool] | None,
        clock: Clock,
    ) -> None:
        """``check`` tells a right PIN (None: no PIN is set, nothing ever unlocks)."""
        self._db = database
        self._kiosk_id = kiosk_id
        self._check = check
        self._clock = clock

    @property
    def has_pin(self) -> bool:
        """Whether a PIN is set at all."""
        return self._check is not None

    async def state(self) -> PinAnswer:
        """How the lock stands now: ``LOCKED`` with its end, or free (``WRONG``, count so far)."""
        return await self._db.run(staff_lock.lock_state, self._kiosk_id, self._clock.now())

    async def try_pin(self, pin: str, purpose: PinPurpose) -> PinAnswer:
        """Check ``pin`` unless the pad waits; count, lock and log a wrong one."""
        if self._check is None:
            return PinAnswer(PinOutcome.WRONG)
        state = await self.state()
        if state.outcome is PinOutcome.LOCKED:
            return state
        right = bool(pin) and await asyncio.to_thread(self._check, pin)
        now = self._clock.now()
        if right:
            after = await self._db.run(staff_lock.record_right, self._kiosk_id, now, purpose)
            if after:
                log.info("Right staff PIN for the %s after %d wrong ones", purpose.value, after)
            return PinAnswer(PinOutcome.ACCEPTED)
        answer = await self._db.run(staff_lock.record_wrong, self._kiosk_id, now, purpose)
        log.warning(
            "Wrong staff PIN for the %s on kiosk %s (%d in a row)%s",
            purpose.value,
            self._kiosk_id,
            answer.failures,
            f"; the pad waits until {answer.locked_until:%H:%M:%S} UTC"
            if answer.locked_until
            else "",
        )
        return answer
