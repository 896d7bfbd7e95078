"""The AT line protocol of a voice modem, as pure functions: bytes in, classified lines out.

The AT channel feeds whatever bytes the port delivers into a :class:`LineSplitter`,
which copes with lines split across reads, several lines in one read, every common line
ending and line noise, and hands each complete line to :func:`parse_line`. That sorts
it into the few kinds the modem source cares about: a ring, a caller-ID report (``+CLIP``, or
SIMCom's ``MISSED_CALL`` after the fact), an entry of the current-calls list
(``+CLCC``), the end of a call, the final result of a command, a line the modem sends on
its own (vendor status noise, the lines it prints when it boots, the header of a text
message), or anything else (an information line belonging to a command's reply).
:func:`caller_e164` turns a caller-ID report into E.164. Nothing here does I/O, so the
dialects of real modems can be tested in milliseconds.

Every kind is recognised at the start of a line only: a caller ID quoted inside other
text (a text message saying ``+CLIP: "+91…"``) is not a caller ID. Which lines are the
text of a message (after ``+CMT:`` and its kin) is for
:class:`~kiosk.sources.modem.line_reader.LineReader`, which remembers the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.domain.phone import DEFAULT_REGION, try_parse_phone

#: Type of number (TON/NPI) in a ``+CLIP`` report: international, with or without '+'.
TYPE_INTERNATIONAL = 145
#: Type of number: unknown numbering plan (usually a national number).
TYPE_UNKNOWN = 129
#: Type of number: national.
TYPE_NATIONAL = 161
#: Type some modems report for an absent (withheld) number.
TYPE_ABSENT = 128

#: CLI validity: 0 = number valid, 1 = withheld by the caller, 2 = not available.
CLI_WITHHELD = 1
CLI_UNAVAILABLE = 2

_LINE_BREAK = re.compile(rb"[\r\n]+")


class LineSplitter:
    r"""Turn a stream of byte chunks from the port into complete, printable text lines.

    A line ends at ``\r``, ``\n`` or any run of them (``\r\n``, ``\r\r\n`` ...).
    Empty lines are dropped, bytes that are not valid UTF-8 are replaced and then
    removed together with every other non-printable character. A line longer than
    ``max_line`` characters without an ending is cut there, so a babbling port cannot
    grow the buffer without bound. :meth:`feed` never raises.
    """

    def __init__(self, max_line: int = 1024) -> None:
        """Start with an empty buffer; ``max_line`` bounds an unterminated line."""
        self._buffer = bytearray()
        self._max_line = max_line

    def feed(self, data: bytes) -> list[str]:
        """Add ``data`` and return the lines it completed, oldest first."""
        self._buffer.extend(data)
        *complete, rest = _LINE_BREAK.split(bytes(self._buffer))
        while len(rest) > self._max_line:
            complete.append(rest[: self._max_line])
            rest = rest[self._max_line :]
        self._buffer = bytearray(rest)
        lines = (_clean(raw) for raw in complete)
        return [line for line in lines if line]

    @property
    def partial(self) -> bytes:
        """The unterminated rest of the stream (where the SMS ``>`` prompt shows up)."""
        return bytes(self._buffer)

    def reset(self) -> None:
        """Forget any partial line (after the port was reopened)."""
        self._buffer.clear()


def _clean(raw: bytes) -> str:
    text = raw.decode("utf-8", errors="replace")
    return "".join(ch for ch in text if ch.isprintable() and ch != "\ufffd").strip()


@dataclass(frozen=True, slots=True)
class Ring:
    """An incoming call is ringing (``RING`` or ``+CRING: ...``)."""


@dataclass(frozen=True, slots=True)
class CallerId:
    """A caller-ID report (``+CLIP``); ``number`` is "" when the caller withheld it.

    ``type`` is the type of number (129 unknown, 145 international, 161 national) and
    ``validity`` the CLI validity (0 valid, 1 withheld, 2 not available) when the
    modem sent them.
    """

    number: str
    type: int | None = None
    validity: int | None = None

    @property
    def says_withheld(self) -> bool:
        """True when the report itself says the number is withheld or unavailable.

        A bare ``+CLIP:`` without a number, type or validity says nothing (line noise,
        or a modem that sends the number later); the call tracker then waits a moment.
        """
        if self.number:
            return False
        return self.validity in (CLI_WITHHELD, CLI_UNAVAILABLE) or self.type is not None


@dataclass(frozen=True, slots=True)
class CallEnded:
    """The caller hung up or the call was released (``NO CARRIER``, ``BUSY`` ...)."""


@dataclass(frozen=True, slots=True)
class FinalResult:
    """The last line of a command's reply: ``ok`` for ``OK``, otherwise an error."""

    ok: bool
    text: str


@dataclass(frozen=True, slots=True)
class MissedCall:
    """SIMCom's ``MISSED_CALL: 10:15AM +919812345678``: a call ended unanswered."""

    number: str


@dataclass(frozen=True, slots=True)
class CurrentCall:
    """One entry of the current-calls list (``+CLCC``), as a reply or unsolicited.

    ``incoming`` is the direction (mobile terminated); ``state`` is 0 active, 1 held,
    2 dialing, 3 alerting, 4 incoming, 5 waiting, 6 disconnected (SIMCom);
    ``number`` is "" when the network gave none.
    """

    index: int
    incoming: bool
    state: int
    number: str
    type: int | None = None

    @property
    def ringing(self) -> bool:
        """True for an incoming call that is ringing or waiting."""
        return self.incoming and self.state in (CLCC_INCOMING, CLCC_WAITING)


@dataclass(frozen=True, slots=True)
class Unsolicited:
    """A line the modem sent on its own: vendor status noise or a boot announcement.

    ``boot`` is true for the lines modems print when they (re)start (``RDY``,
    ``Call Ready``, ``+CPIN: READY`` ...). ``prefix`` is the line's ``+XYZ``/``^XYZ``
    tag, so a reply to a command with the same tag can still claim it.
    """

    text: str
    boot: bool = False
    prefix: str = ""


@dataclass(frozen=True, slots=True)
class Payload:
    """A line of a message's text (SMS, cell broadcast, status report, USSD): data, never an event.

    ``header`` is the tag of the line that announced it (``+CMT``, ``+CBM``, ``+CDS``,
    ``+CUSD``).
    """

    text: str
    header: str


@dataclass(frozen=True, slots=True)
class Other:
    """Any other line, usually an information line belonging to a command's reply."""

    text: str


ModemLine = (
    Ring
    | CallerId
    | MissedCall
    | CurrentCall
    | CallEnded
    | FinalResult
    | Unsolicited
    | Payload
    | Other
)

#: +CLCC call states of a ringing incoming call, and of a call that has ended.
CLCC_INCOMING = 4
CLCC_WAITING = 5
CLCC_DISCONNECTED = 6
#: +UCALLSTAT (u-blox) states: incoming, waiting, disconnected.
_UCALLSTAT_RINGING = frozenset({4, 5})
_UCALLSTAT_ENDED = 6

#: Lines whose following line(s) are the text of a message, pushed to the port: an SMS
#: (``+CMT``), a cell broadcast (``+CBM``), a status report (``+CDS``), a USSD answer
#: (``+CUSD``, text in quotes that may run over several lines).
MESSAGE_HEADERS = ("+CMT:", "+CBM:", "+CDS:", "+CUSD:")

_CALL_ENDED = ("NO CARRIER", "BUSY", "NO ANSWER")
_CALL_ENDED_PREFIXES = ("^CEND:", "VOICE CALL: END")
_ERRORS = ("ERROR", "COMMAND NOT SUPPORT", "NO DIALTONE", "TOO MANY PARAMETERS")
_ERROR_PREFIXES = ("+CME ERROR:", "+CMS ERROR:")
#: Lines a modem prints when it starts: SIMCom, Quectel, Telit/Cinterion, u-blox.
_BOOT_LINES = frozenset(
    {
        "RDY",
        "CALL READY",
        "SMS READY",
        "PB DONE",
        "SMS DONE",
        "+CFUN: 1",
        "+CPIN: READY",
        "+QUSIM: 1",
        "+QIND: SMS DONE",
        "+QIND: PB DONE",
        "^SYSSTART",
        "+SYSSTART",
    }
)
#: Tags of status lines modems send on their own (signal, network mode, time, Huawei noise).
_UNSOLICITED_PREFIXES = (
    "^RSSI:",
    "^HCSQ:",
    "^MODE:",
    "^SRVST:",
    "^SIMST:",
    "^BOOT:",
    "^DSFLOWRPT:",
    "^ORIG:",
    "^CONF:",
    "^CONN:",
    "^STIN:",
    "^SYSINFOEX:",
    "^NDISSTAT:",
    "+QIND:",
    "+CIEV:",
    "*PSUTTZ:",
    "+PSUTTZ:",
    "+CTZV:",
    "+CTZE:",
    "DST:",
    "+NITZ:",
    "+UCALLSTAT:",
    "VOICE CALL: BEGIN",
    "+CPIN:",
    "+CREG:",
    "+CEREG:",
    "+CGREG:",
    "+QUSIM:",
    "+UUSIMSTAT:",
    *MESSAGE_HEADERS,
    "+CMTI:",
    "+CBMI:",
    "+CDSI:",
)
#: SIMCom's summary of a call nobody answered: ``MISSED_CALL: 10:15AM +919812345678``.
_MISSED_CALL = re.compile(r"^MISSED_CALL:\s*\S+(?:\s+(\+?\d+))?$", re.IGNORECASE)


def parse_line(line: str) -> ModemLine:
    """Classify one line from the modem (as produced by :class:`LineSplitter`)."""
    text = line.strip()
    upper = text.upper()
    if upper == "OK":
        return FinalResult(ok=True, text=text)
    if upper in _ERRORS or upper.startswith(_ERROR_PREFIXES):
        return FinalResult(ok=False, text=text)
    if upper == "RING" or upper.startswith("+CRING:"):
        return Ring()
    if upper in _CALL_ENDED or upper.startswith(_CALL_ENDED_PREFIXES):
        return CallEnded()
    if upper.startswith("+CLIP:"):
        clip = _parse_clip(text[len("+CLIP:") :])
        if clip is not None:
            return clip
    if missed := _MISSED_CALL.match(text):
        return MissedCall(number=missed.group(1) or "")
    if upper.startswith("+CLCC:"):
        entry = _parse_clcc(text[len("+CLCC:") :])
        if entry is not None:
            return entry
    if upper.startswith("+UCALLSTAT:"):
        state = _int_field(split_fields(text[len("+UCALLSTAT:") :]), 1)
        if state in _UCALLSTAT_RINGING:
            return Ring()
        if state == _UCALLSTAT_ENDED:
            return CallEnded()
    if " ".join(upper.split()) in _BOOT_LINES:
        return Unsolicited(text, boot=True, prefix=_prefix(upper))
    if upper.startswith(_UNSOLICITED_PREFIXES):
        return Unsolicited(text, prefix=_prefix(upper))
    return Other(text)


def _prefix(upper: str) -> str:
    """The ``+XYZ`` / ``^XYZ`` tag of a line ("" for a plain word such as ``RDY``)."""
    if upper[:1] in "+^*" and ":" in upper:
        return upper.split(":", 1)[0]
    return ""


def _parse_clcc(payload: str) -> CurrentCall | None:
    """``<id>,<dir>,<stat>,<mode>,<mpty>[,<number>,<type>...]``; None if malformed."""
    fields = split_fields(payload)
    index, direction, state = (_int_field(fields, i) for i in range(3))
    if index is None or direction is None or state is None:
        return None
    number = fields[5][0] if len(fields) > 5 else ""
    return CurrentCall(index, direction == 1, state, number, _int_field(fields, 6))


def _parse_clip(payload: str) -> CallerId | None:
    """Parse the fields after ``+CLIP:``; ``None`` for a query reply like ``+CLIP: 1,1``."""
    fields = split_fields(payload)
    if not fields:
        return CallerId(number="")
    (number, quoted), *rest = fields
    if not quoted and len(number) == 1 and number.isdecimal():
        return None  # "+CLIP: <n>,<m>" is the reply to AT+CLIP?, not a caller
    type_ = _int_field(rest, 0)
    validity = _int_field(rest, 4)
    return CallerId(number=number.strip(), type=type_, validity=validity)


def split_fields(payload: str) -> list[tuple[str, bool]]:
    """Split a comma-separated AT parameter list; each field says whether it was quoted."""
    fields: list[tuple[str, bool]] = []
    current: list[str] = []
    quoted = in_quotes = False
    for ch in payload.strip():
        if ch == '"':
            in_quotes = not in_quotes
            quoted = True
        elif ch == "," and not in_quotes:
            fields.append(("".join(current).strip(), quoted))
            current, quoted = [], False
        else:
            current.append(ch)
    if current or quoted or fields:
        fields.append(("".join(current).strip(), quoted))
    return fields


def _int_field(fields: list[tuple[str, bool]], index: int) -> int | None:
    if index >= len(fields):
        return None
    value = fields[index][0]
    return int(value) if value.isdecimal() else None


def caller_e164(clip: CallerId, region: str = DEFAULT_REGION) -> str | None:
    """The caller of a ``+CLIP`` report in E.164, or ``None`` if withheld or unusable.

    A number of type 145 (international) that lacks its '+' gets one; other numbers
    are read as national numbers of ``region`` unless they carry a '+' or ``00``.
    """
    number = clip.number.strip()
    if not number or clip.validity in (CLI_WITHHELD, CLI_UNAVAILABLE):
        return None
    if clip.type == TYPE_INTERNATIONAL and not number.startswith(("+", "00")):
        number = "+" + number
    return try_parse_phone(number, region)
