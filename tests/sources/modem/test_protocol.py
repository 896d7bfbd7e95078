import pytest

from kiosk.sources.modem.protocol import (
    CallEnded,
    CallerId,
    FinalResult,
    LineSplitter,
    Other,
    Ring,
    caller_e164,
    parse_line,
)


def feed_all(*chunks: bytes) -> list[str]:
    splitter = LineSplitter()
    lines: list[str] = []
    for chunk in chunks:
        lines.extend(splitter.feed(chunk))
    return lines


class TestLineSplitter:
    def test_line_split_across_reads(self):
        splitter = LineSplitter()
        assert splitter.feed(b"\r\nRI") == []
        assert splitter.feed(b"N") == []
        assert splitter.feed(b"G\r") == ["RING"]
        assert splitter.feed(b"\n") == []

    def test_fused_lines_in_one_read(self):
        data = b'\r\nRING\r\n\r\n+CLIP: "+919812345678",145,"",,"",0\r\n\r\nOK\r\n'
        assert feed_all(data) == ["RING", '+CLIP: "+919812345678",145,"",,"",0', "OK"]

    @pytest.mark.parametrize("ending", [b"\r\n", b"\r\r\n", b"\r", b"\n", b"\n\r"])
    def test_all_line_endings(self, ending: bytes):
        assert feed_all(b"AT" + ending + b"OK" + ending) == ["AT", "OK"]

    def test_ending_split_between_reads(self):
        assert feed_all(b"OK\r", b"\r", b"\nRING\r", b"\n") == ["OK", "RING"]

    def test_every_byte_in_its_own_read(self):
        data = b"ATE0\r\r\nOK\r\n"
        assert feed_all(*(data[i : i + 1] for i in range(len(data)))) == ["ATE0", "OK"]

    def test_empty_lines_dropped(self):
        assert feed_all(b"\r\n\r\n\n\r\r\n") == []

    def test_garbage_bytes_are_removed(self):
        assert feed_all(b"\xff\xfe\x00RING\x07\r\n\xffOK\xff\r\n") == ["RING", "OK"]

    def test_only_garbage(self):
        assert feed_all(b"\xff\xff\x00\x1b\r\n") == []

    def test_never_raises_on_random_bytes(self):
        splitter = LineSplitter()
        for chunk in (bytes(range(256)), b"\xc3", b"\x28\r\n", b"\xe2\x82", b"\xac\n"):
            for line in splitter.feed(chunk):
                assert line.isprintable()

    def test_unterminated_line_is_bounded(self):
        splitter = LineSplitter(max_line=10)
        lines = splitter.feed(b"A" * 25)
        assert lines == ["A" * 10, "A" * 10]
        assert splitter.feed(b"\r\n") == ["A" * 5]

    def test_reset_forgets_partial_line(self):
        splitter = LineSplitter()
        splitter.feed(b"RI")
        splitter.reset()
        assert splitter.feed(b"OK\r\n") == ["OK"]


class TestParseLine:
    @pytest.mark.parametrize("line", ["RING", "ring", " RING ", "+CRING: VOICE"])
    def test_ring(self, line: str):
        assert parse_line(line) == Ring()

    @pytest.mark.parametrize("line", ["NO CARRIER", "BUSY", "NO ANSWER", "^CEND:1,0,104,16"])
    def test_call_ended(self, line: str):
        assert parse_line(line) == CallEnded()

    def test_ok(self):
        assert parse_line("OK") == FinalResult(ok=True, text="OK")

    @pytest.mark.parametrize(
        "line", ["ERROR", "+CME ERROR: 10", "+CMS ERROR: 500", "COMMAND NOT SUPPORT"]
    )
    def test_errors(self, line: str):
        assert parse_line(line) == FinalResult(ok=False, text=line)

    def test_clip_six_fields(self):
        assert parse_line('+CLIP: "+919812345678",145,"",,"",0') == CallerId(
            "+919812345678", 145, 0
        )

    def test_clip_two_fields(self):
        assert parse_line('+CLIP: "+919812345678",145') == CallerId("+919812345678", 145, None)

    def test_clip_huawei_empty_fields(self):
        assert parse_line('+CLIP: "09812345678",129,,,,0') == CallerId("09812345678", 129, 0)

    def test_clip_with_alpha_name(self):
        line = '+CLIP: "+919812345678",145,"",,"Asha, Home",0'
        assert parse_line(line) == CallerId("+919812345678", 145, 0)

    def test_clip_withheld(self):
        assert parse_line('+CLIP: "",128,"",,"",1') == CallerId("", 128, 1)

    def test_clip_empty_number_two_fields(self):
        assert parse_line('+CLIP: "",128') == CallerId("", 128, None)

    def test_clip_after_line_noise(self):
        assert parse_line('xx+CLIP: "+919812345678",145') == CallerId("+919812345678", 145, None)

    def test_clip_query_reply_is_not_a_caller(self):
        assert parse_line("+CLIP: 1,1") == Other("+CLIP: 1,1")

    @pytest.mark.parametrize("line", ["+CSQ: 20,99", "SIMULATED", "AT+CLIP=1", "^RSSI:5"])
    def test_other(self, line: str):
        assert parse_line(line) == Other(line)


class TestCallerE164:
    @pytest.mark.parametrize(
        ("number", "type_", "expected"),
        [
            ("+919812345678", 145, "+919812345678"),
            ("919812345678", 145, "+919812345678"),  # international without '+'
            ("09812345678", 129, "+919812345678"),  # national with trunk prefix
            ("9812345678", 129, "+919812345678"),
            ("9812345678", 161, "+919812345678"),
            ("+919812345678", 129, "+919812345678"),
            ("00919812345678", 129, "+919812345678"),
            ("+447911123456", 145, "+447911123456"),
        ],
    )
    def test_numbers(self, number: str, type_: int, expected: str):
        assert caller_e164(CallerId(number, type_, 0), "IN") == expected

    def test_national_number_uses_region(self):
        assert caller_e164(CallerId("07911123456", 129, 0), "GB") == "+447911123456"

    @pytest.mark.parametrize(
        "clip",
        [
            CallerId("", 128, 1),
            CallerId("", None, None),
            CallerId("+919812345678", 145, 1),  # withheld by the caller
            CallerId("+919812345678", 145, 2),  # not available
            CallerId("Private", 129, 0),
            CallerId("12", 129, 0),
        ],
    )
    def test_withheld_or_unusable(self, clip: CallerId):
        assert caller_e164(clip, "IN") is None
