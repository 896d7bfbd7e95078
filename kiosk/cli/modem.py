"""The ``modem`` command for installers: find the modem, check it, and watch calls arrive.

``probe`` lists serial ports that answer ``AT``; ``status`` reports identity, SIM,
network, operator, signal and caller-ID support in plain words (or ``--json``);
``listen`` sets the modem up and prints one line per incoming call as it is rejected; a
modem that goes away is reconnected as the kiosk does, and each change is said on
standard error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import TextIO

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
from kiosk.domain.health import SourceStatus
from kiosk.domain.phone import mask
from kiosk.sources.modem.diagnosis import ModemDiagnosis, diagnose, opened_modem
from kiosk.sources.modem.ports import answers_at, candidate_ports
from kiosk.sources.modem.protocol import CallerId, parse_line


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


async def _status(settings: Settings, as_json: bool, out: TextIO = sys.stdout) -> int:
    diagnosis = await diagnose(settings)
    if as_json:
        print(json.dumps(diagnosis.report(), indent=2), file=out)
    else:
        for line in _describe(diagnosis):
            print(line, file=out)
    return EXIT_OK if diagnosis.ready else EXIT_PROBLEM


def _describe(modem: ModemDiagnosis) -> list[str]:
    if not modem.ready:
        return [f"Modem on {modem.port}: NOT READY", f"  {modem.problem}"]
    health = modem.health
    signal = (
        f"{health.signal_bars}/4 bars ({health.signal_dbm} dBm)"
        if health.signal_dbm is not None
        else "unknown"
    )
    return [
        f"Modem on {modem.port}: ready",
        f"  Device:    {modem.manufacturer or '?'} {modem.model or ''}".rstrip(),
        f"  SIM:       {modem.sim}",
        f"  Network:   {health.network}" + (f" — {health.operator}" if health.operator else ""),
        f"  Signal:    {signal}",
        f"  Caller ID: {'on' if modem.caller_id else 'not confirmed by the network'}",
        f"  SMS codes: {'can be sent' if modem.sms else 'not available'}",
        f"  Number:    {mask(modem.own_number) if modem.own_number else 'unknown'}",
    ]


async def _listen(
    settings: Settings,
    count: int | None,
    seconds: float | None,
    as_json: bool,
    out: TextIO = sys.stdout,
) -> int:
    async with opened_modem(settings, keep_trying=True) as modem:
        if modem.problem:
            print(modem.problem, file=out)
            return EXIT_PROBLEM
        print(f"Listening on {settings.modem_port}; call the modem's number now.", file=sys.stderr)
        heard = 0
        try:
            async with asyncio.timeout(seconds):
                while count is None or heard < count:
                    match await modem.heard.get():
                        case SourceStatus() as status:  # lost, trying again, ready again
                            print(status.why, file=sys.stderr, flush=True)
                        case event:
                            heard += 1
                            print(_call_line(event, as_json), file=out, flush=True)
        except TimeoutError:
            pass
        return EXIT_OK


def _call_line(event: CallEvent, as_json: bool) -> str:
    parsed = parse_line(event.raw) if event.raw else None
    number_type = parsed.type if isinstance(parsed, CallerId) else None
    if as_json:
        return json.dumps(
            {
                "caller": event.caller,
                "withheld": event.withheld,
                "unknown": event.caller_unknown,
                "raw_number": event.caller_raw,
                "number_type": number_type,
                "at": isoformat_utc(event.at),
                "rejected": bool(event.rejected),
            }
        )
    if event.caller:
        who = mask(event.caller)
    elif event.caller_unknown:
        who = "an unknown number (cut short before it came)"
    else:
        who = "a hidden number"
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
