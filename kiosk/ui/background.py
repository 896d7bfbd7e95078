"""Work started from a button that runs on the event loop without freezing the screen.

Slots cannot await; :class:`BackgroundWork` starts the coroutine as a task, keeps a
reference (asyncio only holds weak ones), logs a failure instead of losing it, and
lets tests and shutdown wait until everything started has finished. Work that waits
for the database can name a busy sign (a screen's :class:`~kiosk.ui.widgets.busy_note.BusyNote`):
it is shown once the wait is long enough to be noticed, and hidden when the last
work using it ends.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

log = logging.getLogger("kiosk.ui")

#: Seconds of waiting after which a busy sign is shown (a shorter wait would only flicker).
BUSY_AFTER = 0.3

Busy = Callable[[bool], None]


@dataclass
class _Waiting:
    """The works using one busy sign, and whether it shows."""

    count: int
    timer: asyncio.TimerHandle
    shown: bool = False


class BackgroundWork:
    """The tasks one screen started; :meth:`finish` waits for them all."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()
        self._waiting: dict[Busy, _Waiting] = {}

    def run(self, work: Coroutine[Any, Any, None], busy: Busy | None = None) -> None:
        """Start ``work`` now; its result is handled by the coroutine itself.

        ``busy(True)`` is called if it still runs after :data:`BUSY_AFTER` seconds,
        ``busy(False)`` once no work using that sign runs any more.
        """
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        if busy is not None:
            self._wait_on(busy)
            task.add_done_callback(lambda _task: self._stop_waiting(busy))

    async def finish(self) -> None:
        """Wait until every task started so far (and any they start) has finished."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("Background work failed", exc_info=task.exception())

    def _wait_on(self, busy: Busy) -> None:
        if waiting := self._waiting.get(busy):
            waiting.count += 1
            return
        timer = asyncio.get_running_loop().call_later(BUSY_AFTER, self._show, busy)
        self._waiting[busy] = _Waiting(1, timer)

    def _show(self, busy: Busy) -> None:
        self._waiting[busy].shown = True
        busy(True)

    def _stop_waiting(self, busy: Busy) -> None:
        waiting = self._waiting[busy]
        waiting.count -= 1
        if waiting.count:
            return
        del self._waiting[busy]
        waiting.timer.cancel()
        if waiting.shown:
            busy(False)
