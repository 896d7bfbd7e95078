"""A database server that takes its time: every statement waits before it runs.

Hooks SQLAlchemy's ``before_cursor_execute`` event, so the wait happens on whichever
thread runs the statement, as with a slow shared PostgreSQL server; a statement run on
the event loop (the GUI thread under Qt) would freeze it for as long. Records the
names of the threads the statements ran on.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import Any

from sqlalchemy import event

from kiosk.store.database import Database

#: Seconds every statement takes on the slow server.
STATEMENT_SECONDS = 0.5


class SlowServer:
    """What the slow server saw: the threads statements ran on, and whether one began."""

    def __init__(self) -> None:
        self.threads: list[str] = []
        self.asked = threading.Event()


@contextlib.contextmanager
def slow_statements(database: Database, seconds: float = STATEMENT_SECONDS) -> Iterator[SlowServer]:
    """While inside, every statement on ``database`` takes ``seconds``."""
    server = SlowServer()

    def wait(*_args: Any) -> None:
        server.threads.append(threading.current_thread().name)
        server.asked.set()
        time.sleep(seconds)  # the server's slowness, on the thread that asked

    event.listen(database.engine, "before_cursor_execute", wait)
    try:
        yield server
    finally:
        event.remove(database.engine, "before_cursor_execute", wait)
