"""The one-time keys of provider notifications, kept in the database for the inbound listener.

:class:`StoredNotificationKeys` is the listener's
:class:`~kiosk.sources.provider.webhook.ReplayGuard`: whether a notification's key was
taken before (by this kiosk, before a restart, or by another kiosk of the site) is
asked of the database on its thread (:mod:`kiosk.store.notification_keys`).
"""

from __future__ import annotations

from kiosk.domain.clock import Clock
from kiosk.store import notification_keys
from kiosk.store.database import Database


class StoredNotificationKeys:
    """Notifications taken once, remembered in the database."""

    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock

    async def first_time(self, key: str) -> bool:
        """Take ``key``; False when it was taken before (the notification is a replay)."""
        return await self._db.run(notification_keys.take_key, key, self._clock.now())

    async def give_back(self, key: str) -> None:
        """The notification was not recorded after all: taking it again is no replay."""
        await self._db.run(notification_keys.give_key_back, key)
