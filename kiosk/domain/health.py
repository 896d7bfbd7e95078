"""Health of the parts staff depend on, as the status strip shows it: call sources, outbox.

Also what the demo's built-in merchant backend received, for the status details page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from kiosk.domain.reasons import Reason, Why
from kiosk.domain.translatable import QT_TRANSLATE_NOOP


class SourceState(StrEnum):
    """How a call source is doing."""

    CONNECTING = "connecting"
    READY = "ready"
    FAULT = "fault"
    STOPPED = "stopped"


class SourceName(Reason):
    """What staff call a call source that is not a provider (providers go by their brand)."""

    MODEM = "modem", QT_TRANSLATE_NOOP("SourceName", "Modem")
    SIMULATOR = "simulator", QT_TRANSLATE_NOOP("SourceName", "Simulated modem")


def source_name(source: str) -> Why | str:
    """The name staff know ``source`` by: a :class:`SourceName`, or the provider's brand."""
    for name in SourceName:
        if name.value == source:
            return Why(name)
    return source.capitalize()


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """A source's health: a state, why (in words chosen at the edge), and details.

    ``why`` is what a non-engineer reads, as a reason ("Modem not found on
    /dev/ttyUSB0. Check that it is plugged in."); ``details`` carries machine-readable
    facts such as ``{"port": ..., "signal_bars": 3}`` for the details page.
    """

    source: str
    state: SourceState
    why: Why
    details: dict[str, Any] = field(default_factory=dict)


class Backend(StrEnum):
    """Where results go."""

    CONFIGURED = "configured"  #: the merchant backend in the settings
    DEMO = "demo"  #: demo mode's built-in backend, in the kiosk itself
    NONE = "none"  #: no callback URL: results are kept, sent nowhere


@dataclass(frozen=True, slots=True)
class OutboxStatus:
    """Results waiting for the merchant backend, and why the last one did not get there."""

    pending: int
    last_error: Why | None = None
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
