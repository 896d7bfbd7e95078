"""Setting a modem up after its port opens: the AT sequence, the SIM, who made it, first health.

:func:`set_up` sends :data:`INIT_COMMANDS` (the first ``AT`` a few times: modems often
swallow the first command after the port opens), checks the SIM with ``AT+CPIN?`` and
gives its PIN when it asks for one, makes sure the modem never answers by itself,
switches caller ID on (essential) and text-mode SMS on (optional), has incoming text
messages stored on the SIM instead of pushed to the port (``AT+CNMI``, whatever was
saved with ``AT&W``: a message's text is never read as a modem line), reads the maker
and model, and takes a first health reading. Every problem is a
:class:`~kiosk.sources.modem.errors.ModemError` whose reason tells staff what to do, or
:class:`~kiosk.sources.modem.channel.PortLost` when the port vanished meanwhile.
"""

from __future__ import annotations

import contextlib
import logging
import re
from dataclasses import dataclass, field

from kiosk.domain.reasons import Why
from kiosk.sources.modem.channel import AtChannel, PortLost
from kiosk.sources.modem.errors import ModemError
from kiosk.sources.modem.health import ModemHealth, read_health
from kiosk.sources.modem.reasons import ModemReason

log = logging.getLogger("kiosk.modem")

#: Set-up after the port opens: AT+CPIN? checks (and unlocks) the SIM, ATS0=0 makes sure
#: it never answers by itself, AT+CLIP=1 (essential) switches caller ID on, and
#: AT+CMGF=1 (text-mode SMS) tells whether codes can be sent by SMS. AT+CNMI has incoming
#: messages stored with only a "+CMTI" notice (no text on the port), no cell broadcasts
#: and no status reports; AT+CSDH=1 has a message's length in its header should one be
#: pushed all the same.
STORE_MESSAGES = "AT+CNMI=2,1,0,0,0"
INIT_COMMANDS = (
    "AT",
    "ATE0",
    "AT+CMEE=1",
    "AT+CPIN?",
    "ATS0=0",
    "AT+CLIP=1",
    "AT+CMGF=1",
    STORE_MESSAGES,
    "AT+CSDH=1",
)
#: Other ways to say "store, do not push", for modems that refuse the first.
_STORE_MESSAGES_ELSE = ("AT+CNMI=1,1,0,0,0", "AT+CNMI=1,1")
_OPTIONAL_INIT = frozenset(
    {"ATE0", "AT+CMEE=1", "ATS0=0", "AT+CMGF=1", "AT+CSDH=1", STORE_MESSAGES, *_STORE_MESSAGES_ELSE}
)
#: What a SIM PIN is: 4 to 8 digits (anything else must never reach the modem).
_PIN_DIGITS = re.compile(r"[0-9]{4,8}")
#: How often the first "AT" is tried: modems often swallow the first command after open.
_FIRST_AT_ATTEMPTS = 3
#: What :func:`sim_state` calls a SIM that needs nothing more.
SIM_READY = "ready"
_SIM_PIN, _SIM_PUK = "PIN", "PUK"
#: Who made the modem: the status details' keys and the commands that ask.
_IDENTITY = (("manufacturer", "AT+CGMI"), ("model", "AT+CGMM"))


# ---------------------------------------------------------------------- set-up


@dataclass(frozen=True, slots=True)
class ModemSetup:
    """What the set-up found: echo off, text-mode SMS, maker and model, first health."""

    health: ModemHealth
    echo_off: bool = False
    sms_ready: bool = False
    identity: dict[str, str] = field(default_factory=dict)


async def set_up(channel: AtChannel, *, port: str, sim_pin: str | None) -> ModemSetup:
    """Set the modem on ``channel`` up for calls (``port`` names it in messages)."""
    echo_off = sms_ready = False
    for command in INIT_COMMANDS:
        if command == "AT+CPIN?":
            await _unlock_sim(channel, port, sim_pin)  # the SIM check, with its own reasons
            continue
        if command == STORE_MESSAGES:
            await _store_messages(channel, port)
            continue
        if await _initialise(channel, port, command):
            echo_off = echo_off or command == "ATE0"
            sms_ready = sms_ready or command == "AT+CMGF=1"
    identity = await _identify(channel)
    health = await _first_health(channel, port)
    return ModemSetup(health, echo_off=echo_off, sms_ready=sms_ready, identity=identity)


async def _initialise(channel: AtChannel, port: str, command: str) -> bool:
    """Send one set-up command; False when the modem refused an optional one."""
    attempts_left = _FIRST_AT_ATTEMPTS if command == "AT" else 1
    while True:
        attempts_left -= 1
        try:
            await channel.send_command(command)
            return True
        except ModemError as exc:
            if channel.lost:
                raise PortLost(str(exc)) from exc
            if command in _OPTIONAL_INIT and not exc.timed_out:
                log.info("Modem on %s refused %s; carrying on", port, command)
                return False
            if attempts_left:
                continue
            if command == "AT+CLIP=1" and not exc.timed_out:
                raise ModemError(Why(ModemReason.NO_CALLER_ID, port=port)) from exc
            raise ModemError(Why(ModemReason.STOPPED_ANSWERING, port=port)) from exc


async def _store_messages(channel: AtChannel, port: str) -> None:
    """Have incoming text messages stored, not pushed to the port (optional, but said)."""
    for command in (STORE_MESSAGES, *_STORE_MESSAGES_ELSE):
        if await _initialise(channel, port, command):
            return
    log.warning(
        "Modem on %s refused AT+CNMI: text messages may reach the port; "
        "they are read as text, never as calls",
        port,
    )


async def _identify(channel: AtChannel) -> dict[str, str]:
    """Who made the modem (for the status strip and diagnostics); optional."""
    identity: dict[str, str] = {}
    for key, command in _IDENTITY:
        with contextlib.suppress(ModemError):
            reply = " ".join(await channel.send_command(command)).strip()
            if reply:
                identity[key] = reply.split(":")[-1].strip()
    return identity


async def _first_health(channel: AtChannel, port: str) -> ModemHealth:
    try:
        return await read_health(channel)
    except ModemError as exc:
        if channel.lost:
            raise PortLost(str(exc)) from exc
        raise ModemError(Why(ModemReason.STOPPED_ANSWERING, port=port)) from exc


# ------------------------------------------------------------------------ SIM


def sim_state(reply: list[str]) -> str:
    """The SIM's state from an ``AT+CPIN?`` reply: "ready", "PIN", "PUK" or what it said."""
    state = " ".join(reply).upper().strip()
    if "READY" in state:
        return SIM_READY
    if "PUK" in state:
        return _SIM_PUK
    if "SIM PIN" in state:
        return _SIM_PIN
    return state or "no answer"


async def _unlock_sim(channel: AtChannel, port: str, sim_pin: str | None) -> None:
    """Check the SIM (``AT+CPIN?``) and give its PIN when it asks and one is set."""
    try:
        state = sim_state(await channel.send_command("AT+CPIN?"))
    except ModemError as exc:
        if _no_sim_inserted(exc):
            raise ModemError(Why(ModemReason.SIM_MISSING, port=port)) from exc
        if exc.timed_out:
            raise ModemError(Why(ModemReason.STOPPED_ANSWERING, port=port)) from exc
        return  # a modem that cannot tell: carry on
    if state == SIM_READY:
        return
    if state == _SIM_PUK:
        raise ModemError(Why(ModemReason.SIM_BLOCKED))
    if state != _SIM_PIN:
        raise ModemError(Why(ModemReason.SIM_NOT_READY, state=state))
    if not sim_pin:
        raise ModemError(Why(ModemReason.SIM_LOCKED))
    if not _PIN_DIGITS.fullmatch(sim_pin):
        raise ModemError(Why(ModemReason.SIM_PIN_NOT_DIGITS))
    try:
        await channel.send_command(f'AT+CPIN="{sim_pin}"')
    except ModemError as exc:
        raise ModemError(Why(ModemReason.SIM_PIN_REFUSED)) from exc
    log.info("SIM unlocked on %s", port)


def _no_sim_inserted(exc: ModemError) -> bool:
    """True when the modem refused ``AT+CPIN?`` with ``+CME ERROR: 10`` (SIM not inserted)."""
    reply = str(exc.why.values.get("reply", "")).upper()
    return re.search(r"CME ERROR:\s*(10|SIM NOT INSERTED)\b", reply) is not None
