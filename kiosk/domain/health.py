"""Health of the parts staff depend on, as the status strip shows it: call sources, outbox.

Also what the demo's built-in merchant backend received, for the status details page.
"""

from __future__ import annotations

from collections.abc import Mapping
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


class Backend(StrEnum):
    """Where results go."""

    CONFIGURED = "configured"  #: the merchant backend in the settings
    DEMO = "demo"  #: demo mode's built-in backend, in the kiosk itself
    NONE = "none"  #: no callback URL: results are kept, sent nowhere


@dataclass(frozen=True, slots=True)
class OutboxStatus:
    """Results waiting for the merchant backend, and the last problem in plain words."""

    pending: int
    last_error: str | None = None
    last_delivered_at: datetime | None = None
    backend: Backend = Backend.CONFIGURED


@dataclass(frozen=True, slots=True)
class ReceivedCallback:
    """One callback as the demo's built-in merchant backend received it.

    ``data`` is the event's ``data`` object, and is empty unless the signature was valid
    (an unsigned body is not worth showing).
    """

    at: datetime
    webhook_id: str
    signature_valid: bool
    event_type: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)
