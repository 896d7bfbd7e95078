"""The contract between call sources and the service: events in, health out."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from kiosk.domain.events import CallEvent


class SourceState(StrEnum):
    """How a call source is doing, in the terms the status strip shows."""

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


class CallSink(Protocol):
    """What a source reports to (the verification service)."""

    async def call_heard(self, event: CallEvent) -> None:
        """Take one incoming call."""
        ...

    def source_status(self, status: SourceStatus) -> None:
        """Take a change in the source's health."""
        ...


class CallSource(Protocol):
    """Anything that listens for incoming calls and reports them to a sink."""

    name: str

    async def run(self, sink: CallSink) -> None:
        """Listen until cancelled, reporting calls and health changes to ``sink``.

        Faults (port missing, provider down) are reported as status and retried;
        ``run`` only returns or raises when cancelled.
        """
        ...
