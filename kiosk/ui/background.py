"""Work started from a button that runs on the event loop without freezing the screen.

Slots cannot await; :class:`BackgroundWork` starts the coroutine as a task, keeps a
reference (asyncio only holds weak ones), logs a failure instead of losing it, and
lets tests and shutdown wait until everything started has finished.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

log = logging.getLogger("kiosk.ui")


class BackgroundWork:
    """The tasks one screen started; :meth:`finish` waits for them all."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def run(self, work: Coroutine[Any, Any, None]) -> None:
        """Start ``work`` now; its result is handled by the coroutine itself."""
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._done)

    async def finish(self) -> None:
        """Wait until every task started so far (and any they start) has finished."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("Background work failed", exc_info=task.exception())
