import pytest

from kiosk.sources.modem.protocol import (
    CallEnded,
    CallerId,
    CurrentCall,
    FinalResult,
    LineSplitter,
    MissedCall,
    Other,
    Ring,
    Unsolicited,
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

    @pytest.mark.parametrize(
        "line",
        [
            'xx+CLIP: "+919812345678",145',
            'Call me: +CLIP: "+919812345678",145,,,,0',
            'OK +CLIP: "+919812345678",145',
            "hello RING",
            "not NO CARRIER",
            "x MISSED_CALL: 10:15AM +919812345678",
        ],
    )
    def test_kinds_are_recognised_at_the_start_of_a_line_only(self, line: str):
        assert parse_line(line) == Other(line)

    def test_clip_query_reply_is_not_a_caller(self):
        assert parse_line("+CLIP: 1,1") == Other("+CLIP: 1,1")

    @pytest.mark.parametrize("line", ["+CSQ: 20,99", "SIMULATED", "AT+CLIP=1", "+COPS: 0"])
    def test_other(self, line: str):
        assert parse_line(line) == Other(line)


class TestDialects:
    """Vendor lines, in the forms the modems' AT manuals give."""

    @pytest.mark.parametrize(
        ("line", "prefix"),
        [
            ("^RSSI:5", "^RSSI"),  # Huawei signal noise
            ("^MODE:5,4", "^MODE"),
            ("^BOOT:20358554,0,0,0,72", "^BOOT"),  # Huawei heartbeat, not a reboot
            ("^DSFLOWRPT:00000042,00000000,00000000", "^DSFLOWRPT"),
            ("^ORIG:1,0", "^ORIG"),
            ("^CONF:1", "^CONF"),
            ("^CONN:1,0", "^CONN"),
            ('+QIND: "csq",20,99', "+QIND"),  # Quectel
            ('*PSUTTZ: 2024,5,1,10,30,0,"+22",0', "*PSUTTZ"),  # SIMCom network time
            ("VOICE CALL: BEGIN", ""),  # SIM7600: a call was connected
            ("+UCALLSTAT: 1,0", "+UCALLSTAT"),  # u-blox: active
        ],
    )
    def test_status_noise_is_unsolicited(self, line: str, prefix: str):
        assert parse_line(line) == Unsolicited(line, boot=False, prefix=prefix)

    @pytest.mark.parametrize(
        "line",
        [
            "RDY",
            "Call Ready",
            "SMS Ready",
            "+CPIN: READY",
            "+CFUN: 1",
            "PB DONE",
            "^SYSSTART",
            "+QIND: PB DONE",
            "SMS DONE",
        ],
    )
    def test_boot_lines(self, line: str):
        parsed = parse_line(line)
        assert isinstance(parsed, Unsolicited)
        assert parsed.boot

    def test_simcom_missed_call(self):
        assert parse_line("MISSED_CALL: 10:15AM +919812345678") == MissedCall("+919812345678")
        assert parse_line("MISSED_CALL: 01:05PM 09812345678") == MissedCall("09812345678")
        assert parse_line("MISSED_CALL: 10:15AM") == MissedCall("")

    @pytest.mark.parametrize(
        "line", ["MISSED_CALL: pay 500 to +919812345678", "MISSED_CALL: 10:15AM +91 98123"]
    )
    def test_a_missed_call_line_in_another_shape_is_not_one(self, line: str):
        assert parse_line(line) == Other(line)

    @pytest.mark.parametrize(
        ("line", "prefix"),
        [
            ('+CMT: "+919900011122","","26/11/26,10:15:02+22"', "+CMT"),
            ('+CMTI: "SM",3', "+CMTI"),
            ("+CBM: 88", "+CBM"),
            ('+CUSD: 0,"Balance 10",15', "+CUSD"),
            ("+CDS: 25", "+CDS"),
        ],
    )
    def test_message_headers_are_unsolicited(self, line: str, prefix: str):
        assert parse_line(line) == Unsolicited(line, prefix=prefix)

    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            (
                '+CLCC: 1,1,4,0,0,"+919812345678",145,""',
                CurrentCall(1, True, 4, "+919812345678", 145),
            ),
            ('+CLCC: 2,1,5,0,0,"09812345678",129', CurrentCall(2, True, 5, "09812345678", 129)),
            ("+CLCC: 1,1,4,0,0", CurrentCall(1, True, 4, "", None)),  # no number from the network
            (
                '+CLCC: 1,0,2,0,0,"+918000000001",145',
                CurrentCall(1, False, 2, "+918000000001", 145),
            ),
        ],
    )
    def test_current_calls(self, line: str, expected: CurrentCall):
        assert parse_line(line) == expected

    def test_ringing_only_for_incoming_ringing_or_waiting(self):
        assert CurrentCall(1, True, 4, "").ringing
        assert CurrentCall(1, True, 5, "").ringing
        assert not CurrentCall(1, True, 0, "").ringing
        assert not CurrentCall(1, False, 4, "").ringing

    def test_malformed_clcc_is_other(self):
        assert parse_line("+CLCC: x,1") == Other("+CLCC: x,1")

    @pytest.mark.parametrize(
        ("line", "kind"), [("+UCALLSTAT: 1,4", Ring), ("+UCALLSTAT: 1,6", CallEnded)]
    )
    def test_ublox_call_status(self, line: str, kind: type):
        assert isinstance(parse_line(line), kind)

    @pytest.mark.parametrize("line", ["^CEND:1,0,104,16", "VOICE CALL: END: 000004", "BUSY"])
    def test_vendor_call_end(self, line: str):
        assert parse_line(line) == CallEnded()

    @pytest.mark.parametrize(
        ("line", "withheld"),
        [
            ("+CLIP:", False),  # says nothing: noise or a number still to come
            ('+CLIP: "",128,"",,"",1', True),
            ('+CLIP: "",,"",,"",2', True),
            ('+CLIP: "",129', True),
            ('+CLIP: "+919812345678",145', False),
        ],
    )
    def test_says_withheld(self, line: str, withheld: bool):
        clip = parse_line(line)
        assert isinstance(clip, CallerId)
        assert clip.says_withheld is withheld


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
