"""The AT command set of the simulated modem: what it knows about itself, and how it replies.

:class:`AtCommandSet` keeps what a small GSM modem keeps (echo, caller ID, SIM and PIN,
signal, network, operator, the ringing call) and answers each command the kiosk sends,
including the hang-ups, ``ATA``, ``AT+CLCC`` and a text message after ``AT+CMGS``'s
``>`` prompt, in the manner of its :class:`~kiosk.sources.simulator.dialects.Dialect`.
Incoming text messages are stored or pushed to the port as ``AT+CNMI`` says; ``AT&W``
saves that (and ``AT+CSDH``) as what the modem starts with, so a modem someone left
pushing messages (``AT+CNMI=2,2`` then ``AT&W``) can be played.
It records every command for tests. Where the bytes go is left to the subclass
(:class:`~kiosk.sources.simulator.modem.ModemSimulator` writes them to a pty).
"""

from __future__ import annotations

import asyncio
import re
from abc import ABC, abstractmethod

from kiosk.sources.simulator.dialects import GENERIC, Dialect

_LINE_END = re.compile(rb"[\r\n]")
_MAX_COMMAND = 512
_CTRL_Z, _ESC = 0x1A, 0x1B
_OK_COMMANDS = frozenset({"AT", "AT+CMEE=1", "ATS0=0", "AT+CMGF=1", 'AT+CSCS="GSM"'})
#: AT+CNMI as most modems start: new messages stored, a +CMTI notice on the port.
_STORE_AND_NOTIFY: tuple[int, ...] = (2, 1, 0, 0, 0)
#: The fields of a +CMT header after the time stamp (AT+CSDH=1), before the length.
_CMT_DETAILS = ',145,4,0,0,"+919800000000",145'
_SENT_AT = "26/11/26,10:15:02+22"
_REGISTRATION = {"AT+CREG?": "+CREG: 0,{stat}", "AT+CEREG?": "+CEREG: 0,{stat}"}


class SimulatedCall:
    """One call the simulator is ringing; ``ended`` is set when the kiosk acts on it."""

    def __init__(self, caller: str, clip_type: int, stubborn: int) -> None:
        """A call from ``caller``; the first ``stubborn`` hang-ups do not stop it."""
        self.caller = caller
        self.clip_type = clip_type
        self.stubborn = stubborn  # hang-ups acknowledged but ignored (a stuck modem)
        self.hung_up = False
        self.answered = False
        self.ended = asyncio.Event()


def normalise(command: str) -> str:
    """A command as the modem compares it: upper case, without spaces."""
    return command.upper().replace(" ", "")


class AtCommandSet(ABC):
    """A small GSM modem's state and its replies to AT commands; bytes go to :meth:`_write`."""

    def __init__(self, *, echo: bool, sim_pin: str | None, dialect: Dialect = GENERIC) -> None:
        """Start as a modem fresh from power-on (``echo`` on, as real modems start)."""
        self.echo = echo
        self.sim_pin = sim_pin  # the SIM asks for this PIN until it is given
        self.sim_unlocked = sim_pin is None
        self.dialect = dialect
        #: Set once the kiosk switched caller ID on (AT+CLIP=1); +CLIP is only sent then.
        self.caller_id_enabled = asyncio.Event()
        #: Every command received, in order, as sent (without the line ending).
        self.commands: list[str] = []
        #: How many hang-up commands (ATH, AT+CHUP) were received.
        self.hangups = 0
        #: True once the kiosk ever answered a call (ATA) — it never should.
        self.answered = False
        #: While true, commands are heard but never answered (a hung modem).
        self.silent = False
        #: Signal (AT+CSQ rssi, 0-31, 99 unknown), registration (+CREG stat) and operator.
        self.rssi = 20
        self.registration = 1
        self.operator = "Simulated Network"
        #: +CMS error code AT+CMGS answers with instead of sending (None: it sends).
        self.sms_error: int | None = None
        #: Whether AT+CLCC (list current calls) is understood.
        self.clcc = True
        #: Whether AT+CPIN? (the SIM's state) is understood.
        self.cpin = True
        #: Whether AT+CNMI (where incoming messages go) is understood.
        self.cnmi = True
        #: Every text message sent, as (number, text).
        self.sent_sms: list[tuple[str, str]] = []
        #: Text messages received and stored on the SIM, as (sender, text).
        self.stored_sms: list[tuple[str, str]] = []
        #: AT+CNMI (mode, mt, bm, ds, bfr) and AT+CSDH now, and as saved by AT&W.
        self.message_indications: tuple[int, ...] = _STORE_AND_NOTIFY
        self._saved_indications = _STORE_AND_NOTIFY
        self.sms_header_details = self._saved_header_details = False
        self._call: SimulatedCall | None = None
        self._command_seen = asyncio.Event()
        self._buffer = bytearray()
        self._sms_to: str | None = None
        self._noise = 0

    @abstractmethod
    def _write(self, data: bytes) -> None:
        """Send ``data`` to the kiosk."""

    def _reset_state(self) -> None:
        """Back to power-on: echo on, caller ID off, SIM locked again, answering."""
        self.echo = True
        self.caller_id_enabled.clear()
        self.sim_unlocked = self.sim_pin is None
        self.silent = False
        self._sms_to = None
        self.message_indications = self._saved_indications
        self.sms_header_details = self._saved_header_details

    def receive_sms(self, sender: str, text: str) -> None:
        """A text message from ``sender`` arrives: pushed to the port, or stored, per AT+CNMI."""
        if self.message_indications[1] in (2, 3):  # mt=2/3: the text goes to the port
            header = f'+CMT: "{sender}","","{_SENT_AT}"'
            if self.sms_header_details:
                header += f"{_CMT_DETAILS},{len(text)}"
            self._write(f"\r\n{header}\r\n{text}\r\n".encode())
            return
        self.stored_sms.append((sender, text))
        if self.message_indications[1] == 1:
            self._write_line(f'+CMTI: "SM",{len(self.stored_sms)}')

    def _receive(self, data: bytes) -> None:
        """Bytes from the kiosk: commands ending in CR or LF, or a message's text."""
        self._buffer.extend(data)
        if self._sms_to is not None:
            self._take_sms_text()
            return
        *complete, rest = _LINE_END.split(bytes(self._buffer))
        self._buffer = bytearray(rest[-_MAX_COMMAND:])
        for index, raw in enumerate(complete):
            command = raw.decode("ascii", errors="replace").strip()
            if command:
                self._handle(command)
            if self._sms_to is not None:  # the rest of this read is the message text
                text = b"\r".join([*complete[index + 1 :], rest])
                self._buffer = bytearray(text.lstrip(b"\r\n"))
                self._take_sms_text()
                return

    def _take_sms_text(self) -> None:
        """Collect a message after the ``>`` prompt until Ctrl-Z (send) or Esc (cancel)."""
        for index, byte in enumerate(self._buffer):
            if byte in (_CTRL_Z, _ESC):
                text = self._buffer[:index].decode("utf-8", errors="replace")
                self._buffer = bytearray(self._buffer[index + 1 :])
                number, self._sms_to = self._sms_to, None
                if byte == _ESC:
                    self._reply()
                elif self.sms_error is not None:
                    self._write_line(f"+CMS ERROR: {self.sms_error}")
                else:
                    assert number is not None
                    self.sent_sms.append((number, text))
                    self._command_seen.set()
                    self._reply(f"+CMGS: {len(self.sent_sms)}")
                if self._buffer:  # what followed the message: commands, as a modem reads it
                    self._receive(b"")
                return

    def _handle(self, command: str) -> None:
        self.commands.append(command)
        self._command_seen.set()
        if self.silent:
            return
        if self.echo:
            self._write(command.encode("ascii", errors="replace") + b"\r")
        key = normalise(command)
        call = self._call
        if key in _OK_COMMANDS:
            self._reply()
        elif key in ("ATE0", "ATE1", "ATE"):
            self.echo = key != "ATE0"
            self._reply()
        elif key in ("AT+CLIP=1", "AT+CLIP=0"):
            if key.endswith("1"):
                self.caller_id_enabled.set()
            else:
                self.caller_id_enabled.clear()
            self._reply()
        elif key in ("ATH", "ATH0", "AT+CHUP"):
            self._hang_up(key)
        elif key == "ATA":
            self.answered = True
            if call is not None:
                call.answered = True
                call.ended.set()
                self._reply()
            else:
                self._write_line("NO CARRIER")
        elif key == "AT+CLCC" and self.clcc:
            entries = (
                [] if call is None else [f'+CLCC: 1,1,4,0,0,"{call.caller}",{call.clip_type},""']
            )
            self._reply(*entries)
        elif key.startswith(("AT+CNMI", "AT+CSDH", "AT&W")) and (self.cnmi or "CNMI" not in key):
            self._message_settings(key)
        elif key.startswith("AT+CMGS="):
            self._sms_to = key.removeprefix("AT+CMGS=").strip('"')
            self._write(b"\r\n> ")
        else:
            self._answer_query(key)

    def _message_settings(self, key: str) -> None:
        """AT+CNMI, AT+CSDH (set or asked) and AT&W (saved as what the modem starts with)."""
        if key == "AT&W":
            self._saved_indications = self.message_indications
            self._saved_header_details = self.sms_header_details
            self._reply()
        elif key == "AT+CNMI?":
            self._reply("+CNMI: " + ",".join(map(str, self.message_indications)))
        elif key in ("AT+CSDH=0", "AT+CSDH=1"):
            self.sms_header_details = key.endswith("1")
            self._reply()
        elif re.fullmatch(r"AT\+CNMI=[0-3](,[0-3]){1,4}", key):
            values = [int(value) for value in key.removeprefix("AT+CNMI=").split(",")]
            self.message_indications = (*values, *_STORE_AND_NOTIFY[len(values) :])
            self._reply()
        else:
            self._write_line(self.dialect.unknown_command_reply)

    def _answer_query(self, key: str) -> None:
        dialect = self.dialect
        if key == "AT+CPIN?" and self.cpin:
            self._reply("+CPIN: READY" if self.sim_unlocked else "+CPIN: SIM PIN")
        elif key.startswith("AT+CPIN="):
            given = key.removeprefix("AT+CPIN=").strip('"')
            if self.sim_unlocked or given != self.sim_pin:
                self._write_line("+CME ERROR: 16")  # incorrect password
            else:
                self.sim_unlocked = True
                self._reply()
        elif key == "AT+CLIP?":
            self._reply(f"+CLIP: {int(self.caller_id_enabled.is_set())},1")
        elif key == "AT+CSQ":
            self._reply(f"+CSQ: {self.rssi},99")
        elif key in _REGISTRATION:
            self._reply(_REGISTRATION[key].format(stat=self.registration))
        elif key == "AT+COPS?":
            registered = self.registration in (1, 5)
            self._reply(f'+COPS: 0,0,"{self.operator}",7' if registered else "+COPS: 0")
        elif key in ("AT+CGMI", "AT+GMI"):
            self._reply(dialect.manufacturer)
        elif key in ("AT+CGMM", "AT+GMM"):
            self._reply(dialect.model)
        elif key == "AT+CNUM":
            self._reply('+CNUM: "","+918000000001",145')
        else:
            self._write_line(dialect.unknown_command_reply)

    def _hang_up(self, key: str) -> None:
        if key not in self.dialect.hangup_commands:
            self._write_line(self.dialect.unknown_command_reply)
            return
        self.hangups += 1
        call = self._call
        self._reply()
        if call is None:
            return
        if call.stubborn > 0:
            call.stubborn -= 1
            return
        call.hung_up = True
        call.ended.set()
        for line in self.dialect.call_end_lines:
            if line != "NO CARRIER":  # after our own hang-up only the vendor lines follow
                self._write_line(line)

    def _reply(self, *info: str) -> None:
        """Information lines, then OK; a dialect with noise slips a status line in between."""
        for line in info:
            self._write_line(line)
        if info:
            self._write_noise()
        self._write_line("OK")

    def _write_noise(self) -> None:
        noise = self.dialect.noise_lines
        if noise:
            self._write_line(noise[self._noise % len(noise)])
            self._noise += 1

    def _write_line(self, line: str) -> None:
        self._write(b"\r\n" + line.encode("ascii", errors="replace") + b"\r\n")
