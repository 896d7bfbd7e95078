"""Classifying the modem's lines in order, knowing which of them are the text of a message.

A modem told (or left, after someone saved ``AT+CNMI=2,2`` with ``AT&W``) to push
incoming text messages writes a header, then the message's text on the following
line(s)::

    +CMT: "+919900011122","","26/11/26,10:15:02+22",145,4,0,0,"+919800000000",145,32
    +CLIP: "+919812345678",145,,,,0

Anyone who knows the kiosk's number can send that text; read as a line of its own it
would be a caller ID. :class:`LineReader` is :func:`~kiosk.sources.modem.protocol.parse_line`
with a memory: after a ``+CMT:``, ``+CBM:`` or ``+CDS:`` header, and after a ``+CUSD:``
whose quoted text is still open, the lines that follow are
:class:`~kiosk.sources.modem.protocol.Payload`, never events. How many:

- a PDU-mode header (``+CMT: ,24``, ``+CBM: 88``, ``+CDS: 25``) is followed by one line
  of hex;
- a text-mode status report (``+CDS: 6,46,"+91…",145,…``) is complete in its header;
- a text-mode header that gives the text's length (``AT+CSDH=1``: its last field) is
  followed by that many characters, each line break counted as one character — never
  more than were sent, so a message cannot end early and let its last lines through;
- a USSD answer runs until the line that closes its quotes;
- otherwise (no length), every line that follows within a burst.

Whatever the header says, the text ends when the modem goes quiet: a modem writes a
message in one go, so a line more than :data:`MESSAGE_BURST` seconds after the last one
is the modem speaking again, and no message runs past :data:`MAX_MESSAGE_CHARACTERS`.
Pure: the channel passes the (monotonic) time each line arrived.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.sources.modem.protocol import (
    MESSAGE_HEADERS,
    ModemLine,
    Payload,
    parse_line,
    split_fields,
)

#: Seconds between two lines of one message at most (a modem writes it at once).
MESSAGE_BURST = 0.5
#: More characters than any one SMS part (160), broadcast page (93) or USSD text (182).
MAX_MESSAGE_CHARACTERS = 400
#: Fields of a text-mode ``+CMT`` header that carries the text's length (``AT+CSDH=1``).
_CMT_FIELDS_WITH_LENGTH = 10


@dataclass(slots=True)
class _Message:
    """The message being read: its header, and how its text ends."""

    header: str
    last_line_at: float
    lines_left: int | None = None
    characters_left: int | None = None
    #: A USSD answer: its quotes are still open.
    quote_open: bool = False
    characters: int = 0

    def take(self, line: str) -> bool:
        """Count ``line`` as text; True while more text is to come."""
        self.characters += len(line) + 1
        if self.characters > MAX_MESSAGE_CHARACTERS:
            return False
        if self.lines_left is not None:
            self.lines_left -= 1
            return self.lines_left > 0
        if self.characters_left is not None:
            self.characters_left -= len(line) + 1  # the line and (at least) one line break
            return self.characters_left > 0
        if self.quote_open:
            self.quote_open = line.count('"') % 2 == 0
            return self.quote_open
        return True


class LineReader:
    """Classifies each line the modem sends, in order; a message's text is payload."""

    def __init__(self, burst: float = MESSAGE_BURST) -> None:
        """Lines of one message follow each other within ``burst`` seconds."""
        self.burst = burst
        self._message: _Message | None = None

    def read(self, line: str, now: float) -> ModemLine:
        """The kind of ``line``, which arrived at ``now`` (seconds, monotonic)."""
        message = self._message
        if message is not None and now - message.last_line_at <= self.burst:
            message.last_line_at = now
            if not message.take(line):
                self._message = None
            return Payload(line, message.header)
        self._message = _message_after(line, now)
        return parse_line(line)

    def reset(self) -> None:
        """Forget a message being read (the port was reopened)."""
        self._message = None


def _message_after(line: str, now: float) -> _Message | None:
    """The message ``line`` announces, if it is a message header with text to follow."""
    text = line.strip()
    upper = text.upper()
    header = next((tag for tag in MESSAGE_HEADERS if upper.startswith(tag)), None)
    if header is None:
        return None
    tag = header.rstrip(":")
    rest = text[len(header) :]
    if header == "+CUSD:":
        open_quote = rest.count('"') % 2 == 1
        return _Message(tag, now, quote_open=True) if open_quote else None
    fields = split_fields(rest)
    pdu_mode = len(fields) <= (2 if header == "+CMT:" else 1)
    if pdu_mode:
        return _Message(tag, now, lines_left=1)
    if header == "+CDS:":
        return None  # a text-mode status report is all in its header
    length = fields[-1][0] if len(fields) >= _CMT_FIELDS_WITH_LENGTH else ""
    if header == "+CMT:" and length.isdecimal():
        return _Message(tag, now, characters_left=int(length))
    return _Message(tag, now)
