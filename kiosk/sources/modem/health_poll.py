"""Watching a ready modem: signal, network and operator, read again every few seconds.

:func:`poll_health` asks :func:`~kiosk.sources.modem.health.read_health` every
``interval`` seconds while the modem is idle (never while a call is handled, so a
hang-up is never delayed) and hands each reading on. A modem that leaves
:data:`SILENT_POLLS` polls in a row unanswered is given up on, so the source reopens it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from kiosk.sources.modem.errors import ModemError
from kiosk.sources.modem.health import Commander, ModemHealth, read_health

log = logging.getLogger("kiosk.modem")

#: Seconds between health polls (signal, network, operator) while the modem is idle.
HEALTH_INTERVAL = 30.0
#: Health polls in a row the modem may leave unanswered before it is reopened.
SILENT_POLLS = 2


async def poll_health(
    modem: Commander,
    *,
    interval: float,
    idle: Callable[[], bool],
    publish: Callable[[ModemHealth], None],
    silent: Callable[[], None],
) -> None:
    """Read the health every ``interval`` seconds while ``idle()``; give up when it is silent.

    Each reading goes to ``publish``; after :data:`SILENT_POLLS` unanswered polls in a
    row ``silent`` is called and polling ends.
    """
    unanswered = 0
    while True:
        await asyncio.sleep(interval)
        if not idle():
            continue  # never delay a hang-up; a set-up is running
        try:
            health = await read_health(modem)
        except ModemError:
            unanswered += 1
            log.warning("The modem did not answer a health check (%d in a row)", unanswered)
            if unanswered >= SILENT_POLLS:
                silent()
                return
            continue
        unanswered = 0
        publish(health)
