"""How common USB modems talk, as data for the modem simulator: boot lines, call lines, noise.

Each :class:`Dialect` captures what a family prints that differs from the textbook
(3GPP TS 27.007): what it says when it starts, how it announces a ring and caller ID
(and in which order), how it says a call ended, the status noise it sends on its own
(Huawei's ``^RSSI``/``^MODE``/``^BOOT``), which hang-up commands it accepts, and
whether it prints SIMCom's ``MISSED_CALL`` line. The simulator plays them over a real
pseudo-terminal so the modem source is tested against each family. Sources: the vendors' AT
command manuals (SIMCom SIM800 Series AT Command Manual, SIM7500/7600 AT Command
Manual, Quectel EC25&EC21 AT Commands Manual, Huawei E173 / HiLink AT interface
specification, u-blox SARA-U2 AT commands manual, Telit LE910 AT Commands Reference).
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Hang-up commands that every textbook modem accepts.
_ALL_HANGUPS = frozenset({"ATH", "ATH0", "AT+CHUP"})


@dataclass(frozen=True, slots=True)
class Dialect:
    """One modem family's habits, as the simulator plays them."""

    name: str
    manufacturer: str
    model: str
    #: Lines printed after power-on or a reset (before any command).
    boot_lines: tuple[str, ...] = ()
    #: The ring announcement, repeated every ring.
    ring_lines: tuple[str, ...] = ("RING",)
    #: True when ``+CLIP`` comes before the ring line (some Huawei firmware).
    clip_before_ring: bool = False
    #: Lines sent when a call ends (the caller gave up, or it was hung up).
    call_end_lines: tuple[str, ...] = ("NO CARRIER",)
    #: SIMCom prints ``MISSED_CALL: <time> <number>`` after a call nobody answered.
    missed_call_line: bool = False
    #: Status lines sent on their own: around calls and in the middle of replies.
    noise_lines: tuple[str, ...] = ()
    #: Hang-up commands this family accepts; the others answer ``ERROR``.
    hangup_commands: frozenset[str] = field(default=_ALL_HANGUPS)
    #: The answer to a command the family does not know.
    unknown_command_reply: str = "ERROR"


GENERIC = Dialect("generic", "SIMULATED", "Virtual modem")

SIMCOM_SIM800 = Dialect(
    "simcom-sim800",
    "SIMCOM_Ltd",
    "SIMCOM_SIM800L",
    boot_lines=("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready", "SMS Ready"),
    missed_call_line=True,
    noise_lines=('*PSUTTZ: 2026,11,26,10,15,2,"+22",0', "DST: 0"),
)

SIMCOM_SIM7600 = Dialect(
    "simcom-sim7600",
    "SIMCOM INCORPORATED",
    "SIMCOM_SIM7600E-H",
    boot_lines=("RDY", "+CPIN: READY", "SMS DONE", "PB DONE"),
    call_end_lines=("VOICE CALL: END: 000000", "NO CARRIER"),
    missed_call_line=True,
)

QUECTEL_EC25 = Dialect(
    "quectel-ec25",
    "Quectel",
    "EC25",
    boot_lines=(
        "RDY",
        "+CFUN: 1",
        "+CPIN: READY",
        "+QUSIM: 1",
        "+QIND: SMS DONE",
        "+QIND: PB DONE",
    ),
    ring_lines=("+CRING: VOICE",),
    noise_lines=('+QIND: "csq",20,99',),
)

HUAWEI_E173 = Dialect(
    "huawei-e173",
    "huawei",
    "E173",
    boot_lines=("^SYSSTART",),
    clip_before_ring=True,
    call_end_lines=("^CEND:1,0,104,16",),
    noise_lines=("^RSSI:18", "^MODE:5,4", "^BOOT:20358554,0,0,0,72", "^DSFLOWRPT:0000002A,0,0"),
    unknown_command_reply="COMMAND NOT SUPPORT",
)

UBLOX_SARA = Dialect(
    "ublox-sara-u201",
    "u-blox",
    "SARA-U201",
    ring_lines=("+UCALLSTAT: 1,4", "RING"),
    call_end_lines=("+UCALLSTAT: 1,6", "NO CARRIER"),
)

TELIT_LE910 = Dialect(
    "telit-le910",
    "Telit",
    "LE910C1-EU",
    ring_lines=("+CRING: VOICE",),
    hangup_commands=frozenset({"ATH", "ATH0"}),  # an older firmware without AT+CHUP
)

DIALECTS: dict[str, Dialect] = {
    dialect.name: dialect
    for dialect in (
        GENERIC,
        SIMCOM_SIM800,
        SIMCOM_SIM7600,
        QUECTEL_EC25,
        HUAWEI_E173,
        UBLOX_SARA,
        TELIT_LE910,
    )
}
