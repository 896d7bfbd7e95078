"""The ``modem`` command for installers: find the modem, check it, and watch calls arrive.

``probe`` lists serial ports that answer ``AT``; ``status`` reports identity, SIM,
network, operator, signal and caller-ID support in plain words (or ``--json``);
``listen`` sets the modem up and prints one line per incoming call as it is rejected.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
from dataclasses import dataclass, field
from typing import Any, TextIO

from kiosk.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_PROBLEM,
    SettingsHandler,
    common_options,
    with_settings,
)
from kiosk.config.settings import Settings
from kiosk.domain.clock import isoformat_utc
from kiosk.domain.events import CallEvent
from kiosk.domain.health import SourceState, SourceStatus
from kiosk.domain.phone import mask
from kiosk.sources.modem.driver import ModemError, ModemSource
from kiosk.sources.modem.health import read_health
from kiosk.sources.modem.ports import answers_at, candidate_ports
from kiosk.sources.modem.protocol import CallerId, parse_line

_READY_WAIT = 20.0


@dataclass
class _Watcher:
    """A call sink for diagnostics: remembers health and queues calls."""

    statuses: list[SourceStatus] = field(default_factory=list)
    calls: asyncio.Queue[CallEvent] = field(default_factory=asyncio.Queue)
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    async def call_heard(self, event: CallEvent) -> None:
        await self.calls.put(event)

    def source_status(self, status: SourceStatus) -> None:
        self.statuses.append(status)
        self.changed.set()

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


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``modem probe|status|listen``."""
    del common  # --timeout means "listen this long" here, not the time to dial
    modem = commands.add_parser("modem", help="modem diagnostics for installers")
    actions = modem.add_subparsers(dest="modem_action", metavar="ACTION", required=True)
    modem_common = common_options(without={"--timeout"})
    modem_common.add_argument("--port", dest="modem_port", help="the modem's serial port")
    modem_common.add_argument("--json", action="store_true", default=False, help="print JSON")
    probe = actions.add_parser("probe", parents=[modem_common], help="find ports that answer AT")
    probe.set_defaults(
        handler=with_settings(lambda options, settings: _probe(settings, as_json=options.json))
    )
    status = actions.add_parser(
        "status", parents=[modem_common], help="SIM, network, signal, caller ID"
    )
    status.set_defaults(
        handler=with_settings(
            _needs_port(lambda options, settings: asyncio.run(_status(settings, options.json)))
        )
    )
    listen = actions.add_parser(
        "listen", parents=[modem_common], help="print each incoming call as it is rejected"
    )
    listen.add_argument("--count", type=int, help="stop after this many calls")
    listen.add_argument(
        "--timeout", dest="listen_timeout", type=float, help="stop after this many seconds"
    )
    listen.set_defaults(
        handler=with_settings(
            _needs_port(
                lambda options, settings: asyncio.run(
                    _listen(settings, options.count, options.listen_timeout, options.json)
                )
            )
        )
    )


def _needs_port(run: SettingsHandler) -> SettingsHandler:
    """``status`` and ``listen`` need the port named."""

    def checked(options: argparse.Namespace, settings: Settings) -> int:
        if not settings.modem_port:
            print("Give the modem's port: --port /dev/ttyUSB2 (try 'modem probe').")
            return EXIT_ERROR
        return run(options, settings)

    return checked


def _source(settings: Settings) -> ModemSource:
    pin = settings.sim_pin.get_secret_value() if settings.sim_pin else None
    return ModemSource(
        settings.modem_port or "",
        region=settings.region,
        baudrate=settings.modem_baudrate,
        reconnect_delay=3600,
        sim_pin=pin,
    )


async def _ready(source: ModemSource, watcher: _Watcher) -> tuple[asyncio.Task[None], str | None]:
    """Start the source; returns its task and a problem in plain words, if any."""
    task = asyncio.create_task(source.run(watcher))
    try:
        async with asyncio.timeout(_READY_WAIT):
            status = await watcher.settled()
    except TimeoutError:
        return task, "The modem did not get ready in time."
    return task, None if status.state is SourceState.READY else status.message


async def _stop(task: asyncio.Task[None]) -> None:
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def modem_report(settings: Settings) -> dict[str, Any]:
    """Open the configured modem, ask what ``modem status`` shows, and close it again.

    ``ready`` is false with a plain-words ``problem`` when the modem could not be set up;
    otherwise the report has the device, SIM, network, signal and caller-ID facts.
    """
    source, watcher = _source(settings), _Watcher()
    task, problem = await _ready(source, watcher)
    report: dict[str, Any] = {"port": settings.modem_port, "ready": problem is None}
    try:
        if problem:
            report["problem"] = problem
        else:
            report.update(await _facts(source), port=source.active_port or settings.modem_port)
    finally:
        await _stop(task)
    return report


async def _status(settings: Settings, as_json: bool, out: TextIO = sys.stdout) -> int:
    report = await modem_report(settings)
    problem = report.get("problem")
    if as_json:
        print(json.dumps(report, indent=2), file=out)
    else:
        for line in _describe(report):
            print(line, file=out)
    return EXIT_OK if problem is None else EXIT_PROBLEM


async def _ask(source: ModemSource, command: str) -> str | None:
    try:
        return " ".join(await source.send_command(command)).strip() or None
    except ModemError:
        return None


async def _facts(source: ModemSource) -> dict[str, Any]:
    health = await read_health(source)
    clip = await _ask(source, "AT+CLIP?")
    number = await _ask(source, "AT+CNUM")
    numbers = re.findall(r'"(\+?\d+)"', number or "")
    clip_fields = (clip or "").split(":")[-1].split(",")
    return {
        "manufacturer": await _ask(source, "AT+CGMI"),
        "model": await _ask(source, "AT+CGMM"),
        "sim": "ready",
        "network": health.network,
        "registered": bool(health.registered),
        "operator": health.operator,
        "signal_dbm": health.signal_dbm,
        "signal_bars": health.signal_bars,
        "caller_id": len(clip_fields) > 1 and clip_fields[1].strip() == "1",
        "sms": source.sms_available,
        "own_number": numbers[0] if numbers else None,
    }


def _describe(report: dict[str, Any]) -> list[str]:
    if not report["ready"]:
        return [f"Modem on {report['port']}: NOT READY", f"  {report['problem']}"]
    signal = (
        f"{report['signal_bars']}/4 bars ({report['signal_dbm']} dBm)"
        if report["signal_dbm"] is not None
        else "unknown"
    )
    return [
        f"Modem on {report['port']}: ready",
        f"  Device:    {report['manufacturer'] or '?'} {report['model'] or ''}".rstrip(),
        f"  SIM:       {report['sim']}",
        f"  Network:   {report['network']}"
        + (f" — {report['operator']}" if report["operator"] else ""),
        f"  Signal:    {signal}",
        f"  Caller ID: {'on' if report['caller_id'] else 'not confirmed by the network'}",
        f"  SMS codes: {'can be sent' if report['sms'] else 'not available'}",
        f"  Number:    {mask(report['own_number']) if report['own_number'] else 'unknown'}",
    ]


async def _listen(
    settings: Settings,
    count: int | None,
    seconds: float | None,
    as_json: bool,
    out: TextIO = sys.stdout,
) -> int:
    source, watcher = _source(settings), _Watcher()
    task, problem = await _ready(source, watcher)
    try:
        if problem:
            print(problem, file=out)
            return EXIT_PROBLEM
        print(f"Listening on {settings.modem_port}; call the modem's number now.", file=sys.stderr)
        heard = 0
        try:
            async with asyncio.timeout(seconds):
                while count is None or heard < count:
                    event = await watcher.calls.get()
                    heard += 1
                    print(_call_line(event, as_json), file=out, flush=True)
        except TimeoutError:
            pass
        return EXIT_OK
    finally:
        await _stop(task)


def _call_line(event: CallEvent, as_json: bool) -> str:
    parsed = parse_line(event.raw) if event.raw else None
    number_type = parsed.type if isinstance(parsed, CallerId) else None
    if as_json:
        return json.dumps(
            {
                "caller": event.caller,
                "withheld": event.caller is None,
                "raw_number": event.caller_raw,
                "number_type": number_type,
                "at": isoformat_utc(event.at),
                "rejected": bool(event.rejected),
            }
        )
    who = mask(event.caller) if event.caller else "a hidden number"
    done = "rejected" if event.rejected else "NOT rejected (check the modem)"
    return f"{isoformat_utc(event.at)}  call from {who}: {done}"


def _probe(settings: Settings, *, as_json: bool, out: TextIO = sys.stdout) -> int:
    results = [
        {"port": port, "answers_at": answers_at(port, settings.modem_baudrate)}
        for port in candidate_ports()
    ]
    if as_json:
        print(json.dumps(results, indent=2), file=out)
    elif not results:
        print("No serial ports found. Is the modem plugged in?", file=out)
    else:
        for result in results:
            verdict = "answers AT — use this one" if result["answers_at"] else "no answer"
            print(f"{result['port']}: {verdict}", file=out)
    return EXIT_OK if any(result["answers_at"] for result in results) else EXIT_PROBLEM
