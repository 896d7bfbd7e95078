"""Property-based fuzz tests for the modem line protocol (LineSplitter, parse_line, caller_e164)."""

import re
from itertools import pairwise
from typing import get_args

from hypothesis import example, given
from hypothesis import strategies as st

from kiosk.sources.modem.protocol import (
    CallerId,
    LineSplitter,
    ModemLine,
    caller_e164,
    parse_line,
)

REAL_LINES = [
    "RING",
    "+CRING: VOICE",
    '+CLIP: "+919812345678",145,"",,"",0',
    '+CLIP: "09812345678",129,,,,0',
    '+CLIP: "",128,"",,"",1',
    "+CLIP: 1,1",
    "+CME ERROR: 10",
    "+CMS ERROR: 500",
    "ERROR",
    "OK",
    "NO CARRIER",
    "BUSY",
    "^CEND:1,0,104,16",
    "+CSQ: 20,99",
    "ATE0",
    "AT+CLIP=1",
]
ENDINGS = [b"\r\n", b"\r\r\n", b"\n", b"\r"]
MODEM_LINE_TYPES = get_args(ModemLine)
E164 = re.compile(r"\+[1-9]\d{1,14}")


# Characters that matter to the AT grammar, plus anything else Unicode has to offer.
fuzz_chars = st.one_of(
    st.sampled_from([*',"+:; \t0123456789^', "\x00", "\ufffd", "\u0663", "²", "①"]),
    st.characters(exclude_categories=["Cs"]),
)


def feed_chunks(chunks: list[bytes], max_line: int = 1024) -> list[str]:
    splitter = LineSplitter(max_line=max_line)
    lines: list[str] = []
    for chunk in chunks:
        lines.extend(splitter.feed(chunk))
    return lines


@st.composite
def chunkings(draw: st.DrawFn, data: bytes) -> list[bytes]:
    """``data`` cut into consecutive chunks at random points (empty chunks allowed)."""
    cuts = sorted(draw(st.lists(st.integers(0, len(data)), max_size=len(data) + 2)))
    bounds = [0, *cuts, len(data)]
    return [data[a:b] for a, b in pairwise(bounds)]


@st.composite
def modem_streams(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    """Real modem lines joined with random endings, and the lines a reader should see."""
    lines = draw(st.lists(st.sampled_from(REAL_LINES), max_size=12))
    endings = draw(st.lists(st.sampled_from(ENDINGS), min_size=len(lines), max_size=len(lines)))
    lead = draw(st.sampled_from([b"", *ENDINGS]))
    data = lead + b"".join(line.encode() + end for line, end in zip(lines, endings, strict=True))
    return data, lines


@st.composite
def mutated_lines(draw: st.DrawFn) -> str:
    """A real modem line with random insertions, deletions and replacements."""
    chars = list(draw(st.sampled_from(REAL_LINES)))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        pos = draw(st.integers(0, len(chars)))
        if op == "insert":
            chars.insert(pos, draw(fuzz_chars))
        elif chars and pos < len(chars):
            if op == "delete":
                del chars[pos]
            else:
                chars[pos] = draw(fuzz_chars)
    return "".join(chars)


class TestLineSplitterFuzz:
    @given(st.lists(st.binary()))
    @example([bytes(range(256))])
    @example([b"\xc3", b"\xa9\r", b"\n\xff\x00OK\r\r\n"])
    def test_feed_never_raises_and_yields_clean_lines(self, chunks: list[bytes]):
        for line in feed_chunks(chunks):
            assert line
            assert "\r" not in line
            assert "\n" not in line
            assert line == line.strip()
            assert line.isprintable()

    @given(st.lists(st.binary(), max_size=20), st.integers(1, 16))
    def test_buffer_stays_bounded(self, chunks: list[bytes], max_line: int):
        splitter = LineSplitter(max_line=max_line)
        for chunk in chunks:
            splitter.feed(chunk)
            assert len(splitter._buffer) <= max_line

    @given(st.data())
    def test_chunking_does_not_change_modem_lines(self, data: st.DataObject):
        stream, expected = data.draw(modem_streams())
        chunks = data.draw(chunkings(stream))
        assert feed_chunks([stream]) == expected
        assert feed_chunks(chunks) == expected

    @given(st.data())
    def test_chunking_does_not_change_arbitrary_bytes(self, data: st.DataObject):
        # Shorter than max_line, so no unterminated line is ever cut.
        stream = data.draw(st.binary(max_size=512))
        chunks = data.draw(chunkings(stream))
        assert feed_chunks(chunks) == feed_chunks([stream])


class TestParseLineFuzz:
    @given(st.text(fuzz_chars))
    def test_never_raises_on_arbitrary_text(self, line: str):
        assert isinstance(parse_line(line), MODEM_LINE_TYPES)

    @given(mutated_lines())
    @example('+CLIP: "+919812345678",145,"",,"",')
    @example('+CLIP: "+919812345678')
    @example('+CLIP: "')
    @example("+CLIP:")
    @example('+CLIP: ,,,,,,"",')
    def test_never_raises_on_mutated_real_lines(self, line: str):
        parsed = parse_line(line)
        assert isinstance(parsed, MODEM_LINE_TYPES)
        if isinstance(parsed, CallerId):
            assert parsed.number == parsed.number.strip()
            assert parsed.type is None or parsed.type >= 0
            assert parsed.validity is None or parsed.validity >= 0

    @given(
        st.sampled_from(["²", "³", "¹", "①", "₂"]),
        st.sampled_from(['+CLIP: "1",{}', '+CLIP: "+919812345678",145,"",,"",{}']),
    )
    @example("²", '+CLIP: "1",{}')
    def test_parse_line_digit_lookalike_in_field(self, digit: str, template: str):
        assert isinstance(parse_line(template.format(digit)), CallerId)


class TestCallerE164Fuzz:
    @given(
        st.builds(
            CallerId,
            number=st.one_of(
                st.text(fuzz_chars, max_size=40),
                st.from_regex(r"\A(\+|00)?[0-9]{0,16}\Z"),
            ),
            type=st.one_of(st.none(), st.integers(), st.sampled_from([128, 129, 145, 161])),
            validity=st.one_of(st.none(), st.integers(), st.integers(0, 2)),
        ),
        st.one_of(st.sampled_from(["IN", "GB", "US", "DE", "in", "ZZ", ""]), st.text(max_size=4)),
    )
    @example(CallerId("919812345678", 145, 0), "IN")
    @example(CallerId("00", 145, 0), "IN")
    @example(CallerId("+", 129, None), "IN")
    @example(CallerId("9" * 300, 129, 0), "IN")
    def test_never_raises_and_returns_e164_or_none(self, clip: CallerId, region: str):
        result = caller_e164(clip, region)
        assert result is None or (result.startswith("+") and E164.fullmatch(result))
