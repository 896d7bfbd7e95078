"""Health of the parts staff depend on, as the status strip shows it: call sources, outbox."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class SourceState(StrEnum):
    """How a call source is doing."""

    CONNECTING = "connecting"
    READY = "ready"
    FAULT = "fault"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """A source's health: a state, a plain-words message for staff, and details.

    ``message`` is what a non-engineer reads ("Modem not found on /dev/ttyUSB0. Check
    that it is plugged in."); ``details`` carries machine-readable facts such as
    ``{"port": ..., "signal_bars": 3}`` for diagnostics.
    """

    source: str
    state: SourceState
    message: str
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class OutboxStatus:
    """Results waiting for the merchant backend, and the last problem in plain words."""

    pending: int
    last_error: str | None = None
    last_delivered_at: datetime | None = None
