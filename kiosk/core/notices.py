"""What the service publishes, and the small bus that carries it to front-ends.

Front-ends (the Qt bridge, the command line) subscribe once; the service and the
layers below never know who listens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.events import CallEvent
from kiosk.domain.reasons import Why
from kiosk.domain.session import CallOutcome, VerificationSession

log = logging.getLogger("kiosk.service")

Handler = Callable[[object], None]


@dataclass(frozen=True, slots=True)
class SessionStarted:
    """A customer was asked to dial."""

    session: VerificationSession


@dataclass(frozen=True, slots=True)
class SessionChanged:
    """A pending session changed: more time, or a call came from a different number."""

    session: VerificationSession


@dataclass(frozen=True, slots=True)
class CallHeard:
    """A source reported a call, and what it meant (stored as a call record)."""

    call: CallEvent
    outcome: CallOutcome


@dataclass(frozen=True, slots=True)
class SessionFinished:
    """A session reached its outcome (verified, expired or cancelled)."""

    session: VerificationSession


@dataclass(frozen=True, slots=True)
class CustomersSynced:
    """A pull of customers from the merchant backend ended, at ``at``.

    ``added`` and ``updated`` count the customers it changed; ``problem`` says why it
    failed (words chosen by the front-end), and is None when it worked.
    """

    at: datetime
    added: int = 0
    updated: int = 0
    problem: Why | None = None


class NoticeBus:
    """Delivers every published notice to every subscriber, in order, on the caller's thread."""

    def __init__(self) -> None:
        self._handlers: list[Handler] = []

    def subscribe(self, handler: Handler) -> Callable[[], None]:
        """Add ``handler``; returns a function that removes it again."""
        self._handlers.append(handler)
        return lambda: self._handlers.remove(handler)

    def publish(self, notice: object) -> None:
        """Hand ``notice`` to every subscriber; a failing subscriber is logged, not fatal."""
        for handler in list(self._handlers):
            try:
                handler(notice)
            except Exception:
                log.exception("A subscriber failed on %s", type(notice).__name__)
