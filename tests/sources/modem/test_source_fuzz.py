"""Fuzz the modem source through the real simulator pty: line noise must never be fatal."""

import asyncio
import contextlib
import re
from datetime import UTC, datetime

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kiosk.domain.health import SourceState
from kiosk.sources.modem.source import ModemSource
from kiosk.sources.simulator import ModemSimulator

from ..conftest import WAIT, RecordingSink

CALLER = "+919812345678"

# Text that makes a line a ring, a caller ID or the end of a call, or the lines after it a
# message's text. Noise containing one of these is a (possibly truncated) real report, not
# garbage, so it is left out below.
_CALL_WORDS = (
    "RING",
    "+CLIP:",
    "NO CARRIER",
    "BUSY",
    "NO ANSWER",
    "^CEND:",
    "VOICE CALL: END",
    "+CMT:",
    "+CBM:",
    "+CDS:",
    "+CUSD:",
)
# Everything LineSplitter may drop from inside a line, plus the line breaks themselves.
_DROPPABLE = re.compile(rb"[^\x20-\x7e]")


def could_be_a_call_line(garbage: bytes) -> bool:
    """True if any line the driver could cut from ``garbage`` might be a call report.

    Conservative: removing every byte that is not printable ASCII (LineSplitter keeps all
    of those) and joining across line breaks can only bring call words together.
    """
    text = _DROPPABLE.sub(b"", garbage).decode("ascii").upper()
    return any(word in text for word in _CALL_WORDS)


_NOISE = [
    b"\xff",
    b"\x00",
    b"\xff\xfe\x00\x00",
    b"\x1b[2J",
    b"\x07",
    b"\xc3",  # half a UTF-8 character
    b"\xe2\x82",
    b"\r",
    b"\n",
    b"\r\n",
    b"\r\r\n",
    b"+",
    b"+C",
    b"+CL",
    b"+CLI",
    b"+CLIP",
    b"+CLIP ",
    b"+CRIN",
    b"RIN",
    b"NO CARR",
    b"OK",
    b"ERROR",
    b"+CME ERROR: 10",
    b"AT+CLIP=1",
    b'"+919876543210",145,"",,"",0',
    b"+CSQ: 20,99",
]

garbage_pieces = st.one_of(
    st.sampled_from(_NOISE),
    st.binary(max_size=64),
    st.builds(
        bytes.__mul__,
        st.sampled_from([b"A", b"\xff", b"+CL", b"\x00"]),
        st.integers(1, 3000),
    ),
    st.binary(min_size=1025, max_size=1500),
)
garbage = (
    st.lists(garbage_pieces, min_size=1, max_size=12)
    .map(b"".join)
    .filter(lambda data: len(data) <= 8000 and not could_be_a_call_line(data))
)


class FixedClock:
    def now(self) -> datetime:
        return datetime(2024, 5, 1, 10, 30, tzinfo=UTC)


async def _garbage_then_a_call(noise: bytes) -> None:
    sink = RecordingSink()
    async with ModemSimulator() as simulator:
        source = ModemSource(simulator.port, clock=FixedClock(), reconnect_delay=0.01)
        task = asyncio.create_task(source.run(sink))
        try:
            await sink.wait_status(SourceState.READY)
            # The pty keeps the order: all the noise reaches the driver before the RING.
            simulator.send_bytes(noise)
            ring = simulator.ring(CALLER, rings=3, interval=2.0)
            assert await asyncio.wait_for(ring, WAIT) is True
            [event] = await sink.wait_calls(1)
            # Round-trip a command: every line sent before its OK has been handled.
            await asyncio.wait_for(source.send_command("AT"), WAIT)
            assert event.caller == CALLER
            assert event.caller_raw == CALLER
            assert len(sink.calls) == 1
            assert simulator.hangups == 1
            assert simulator.answered is False
            assert SourceState.FAULT not in sink.states
            assert sink.states[-1] == SourceState.READY
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, WAIT)
    assert sink.states[-1] == SourceState.STOPPED


@settings(max_examples=25, deadline=None)
@given(garbage)
@example(bytes(range(256)).replace(b"RING", b""))
@example(b"\xff" * 5000)
@example(b"+CLIP" + b"\x00" * 2000)
@example(b"\r\n+CL\xff\r\n+CLI\x00\r\n+CLIP\r\n" + b"A" * 3000)
def test_garbage_before_a_call_is_never_fatal(noise: bytes):
    asyncio.run(_garbage_then_a_call(noise))
