"""One look at a modem for installers: open it, set it up, say what it is and how it is doing.

:func:`diagnose` runs a :class:`~kiosk.sources.modem.source.ModemSource` until it is
ready or reports a fault, then asks what set-up did not already tell: the SIM's state
(``AT+CPIN?``), whether the network confirms caller ID (``AT+CLIP?``) and the SIM's own
number (``AT+CNUM``). Maker, model, network, operator and signal are what set-up read.
The answer is a :class:`ModemDiagnosis`, for ``modem status`` and ``doctor`` alike.
:func:`opened_modem` is the same start for anything else that listens a while
(``modem listen``): with ``keep_trying`` it reconnects as the kiosk does when the port
vanishes (giving the SIM's PIN again should the modem come back locked), and passes on
the calls and every change of the modem's state it reports meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kiosk.domain.events import CallEvent
from kiosk.domain.health import SourceState, SourceStatus
from kiosk.domain.reasons import Why
from kiosk.sources.modem.errors import ModemError
from kiosk.sources.modem.health import ModemHealth
from kiosk.sources.modem.reasons import ModemReason
from kiosk.sources.modem.setup import sim_state
from kiosk.sources.modem.source import RECONNECT_DELAY, ModemSource

if TYPE_CHECKING:
    from kiosk.config.settings import Settings

#: Seconds a modem may take to become ready (or to fail) before it is given up on.
READY_WAIT = 20.0
#: Not retried while it is looked at: one try says what is wrong.
_NO_RETRY = 3600.0


@dataclass(frozen=True, slots=True)
class ModemDiagnosis:
    """What one look at the modem found; ``problem`` (why) when it is not ready."""

    port: str | None
    problem: Why | None = None
    manufacturer: str | None = None
    model: str | None = None
    #: The SIM's state from ``AT+CPIN?``: "ready", or what the modem said ("unknown").
    sim: str | None = None
    health: ModemHealth = field(default_factory=ModemHealth)
    #: True when the network confirms caller ID (``AT+CLIP?`` says "provisioned").
    caller_id: bool = False
    sms: bool = False
    own_number: str | None = None

    @property
    def ready(self) -> bool:
        """True when the modem was set up and listens for calls."""
        return self.problem is None

    def report(self) -> dict[str, Any]:
        """The facts as ``modem status --json`` prints them (``reason``: the problem's value)."""
        if self.problem is not None:
            problem = self.problem
            return {
                "port": self.port,
                "ready": False,
                "problem": str(problem),
                "reason": problem.reason.value,
            }
        health = self.health
        return {
            "port": self.port,
            "ready": True,
            "manufacturer": self.manufacturer,
            "model": self.model,
            "sim": self.sim,
            "network": str(health.network),
            "registered": bool(health.registered),
            "operator": health.operator,
            "signal_dbm": health.signal_dbm,
            "signal_bars": health.signal_bars,
            "caller_id": self.caller_id,
            "sms": self.sms,
            "own_number": self.own_number,
        }


@dataclass
class _Watcher:
    """A call sink for a modem being looked at: remembers its statuses and queues calls.

    Once ``passing_on`` is set (the modem got ready), status changes are queued too.
    """

    statuses: list[SourceStatus] = field(default_factory=list)
    heard: asyncio.Queue[CallEvent | SourceStatus] = field(default_factory=asyncio.Queue)
    changed: asyncio.Event = field(default_factory=asyncio.Event)
    passing_on: bool = False

    async def call_heard(self, event: CallEvent) -> None:
        await self.heard.put(event)

    def source_status(self, status: SourceStatus) -> None:
        self.statuses.append(status)
        self.changed.set()
        if self.passing_on:
            self.heard.put_nowait(status)

    def listening_since(self) -> None:
        return None

    def sessions_pending(self) -> bool:
        return False

    async def wait_until_listening(self) -> None:
        await asyncio.Event().wait()

    async def settled(self) -> SourceStatus:
        """The first READY, or the first FAULT (the modem is then retried in vain)."""
        while True:
            for status in self.statuses:
                if status.state in (SourceState.READY, SourceState.FAULT):
                    return status
            self.changed.clear()
            await self.changed.wait()


@dataclass(frozen=True, slots=True)
class OpenedModem:
    """A modem source started for a look: ``problem`` (why) when it did not get ready.

    ``heard`` has the calls, and (with ``keep_trying``) each change of state after ready.
    """

    source: ModemSource
    problem: Why | None
    heard: asyncio.Queue[CallEvent | SourceStatus]


@contextlib.asynccontextmanager
async def opened_modem(
    settings: Settings, *, keep_trying: bool = False
) -> AsyncIterator[OpenedModem]:
    """Start the configured modem, wait until it is ready or fails; stop it at the end.

    Without ``keep_trying`` one try says what is wrong; with it, a port that vanishes
    later is reopened as the kiosk does, and the changes are passed on.
    """
    source = ModemSource(
        settings.modem_port or "",
        region=settings.region,
        baudrate=settings.modem_baudrate,
        reconnect_delay=RECONNECT_DELAY if keep_trying else _NO_RETRY,
        sim_pin=settings.sim_pin.get_secret_value() if settings.sim_pin else None,
    )
    watcher = _Watcher()
    task = asyncio.create_task(source.run(watcher))
    try:
        try:
            async with asyncio.timeout(READY_WAIT):
                status = await watcher.settled()
            problem = None if status.state is SourceState.READY else status.why
        except TimeoutError:
            problem = Why(ModemReason.NOT_READY_IN_TIME)
        watcher.passing_on = keep_trying
        yield OpenedModem(source, problem, watcher.heard)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def diagnose(settings: Settings) -> ModemDiagnosis:
    """Open the configured modem, look at it, and close it again."""
    port = settings.modem_port
    async with opened_modem(settings) as modem:
        source = modem.source
        if modem.problem is not None:
            return ModemDiagnosis(port=port, problem=modem.problem)
        sim = await _ask(source, "AT+CPIN?")
        clip = await _ask(source, "AT+CLIP?")
        numbers = re.findall(r'"(\+?\d+)"', " ".join(await _ask(source, "AT+CNUM") or []))
        clip_fields = " ".join(clip or []).split(":")[-1].split(",")
        return ModemDiagnosis(
            port=source.active_port or port,
            manufacturer=source.identity.get("manufacturer"),
            model=source.identity.get("model"),
            sim=sim_state(sim) if sim else "unknown",
            health=source.health or ModemHealth(),
            caller_id=len(clip_fields) > 1 and clip_fields[1].strip() == "1",
            sms=source.sms_available,
            own_number=numbers[0] if numbers else None,
        )


async def _ask(source: ModemSource, command: str) -> list[str] | None:
    """The reply to ``command``, or None when the modem refused it or did not answer."""
    try:
        return await source.send_command(command)
    except ModemError:
        return None
