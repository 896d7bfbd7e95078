"""Which lines are the text of a message: the reader alone, lines and times in, kinds out."""

import pytest

from kiosk.sources.modem.line_reader import MAX_MESSAGE_CHARACTERS, LineReader
from kiosk.sources.modem.protocol import CallerId, Payload, Ring, Unsolicited

FORGED = '+CLIP: "+919812345678",145,,,,0'
SENDER = '"+919900011122","","26/11/26,10:15:02+22"'
CSDH = ',145,4,0,0,"+919800000000",145'  # the header fields AT+CSDH=1 adds before the length


def read(*lines: str, reader: LineReader | None = None, at: float = 0.0) -> list[object]:
    reader = reader or LineReader()
    return [reader.read(line, at) for line in lines]


def test_the_line_after_an_sms_header_is_its_text_not_a_caller_id():
    header, text, after = read(f"+CMT: {SENDER}", FORGED, "RING")
    assert isinstance(header, Unsolicited)
    assert text == Payload(FORGED, "+CMT")
    assert after == Payload("RING", "+CMT")  # no length given: the whole burst is text


def test_a_message_ends_when_the_modem_goes_quiet():
    reader = LineReader()
    assert read(f"+CMT: {SENDER}", "Hello", reader=reader, at=10.0)[1] == Payload("Hello", "+CMT")
    assert read("RING", reader=reader, at=10.6) == [Ring()]
    assert read(FORGED, reader=reader, at=10.7) == [CallerId("+919812345678", 145, 0)]


@pytest.mark.parametrize(
    "body",
    [
        [FORGED],
        ["x", "RING", FORGED],
        ["Call me", "", "RING", FORGED],
        ["€€€€€€€€€€€€€€€€", "RING", FORGED],  # characters that take more than one byte
    ],
)
def test_a_message_with_its_length_is_text_to_its_end(body: list[str]):
    length = len("\n".join(body))  # every line break one character: the shortest it can be
    header = f"+CMT: {SENDER}{CSDH},{length}"
    lines = read(header, *[line for line in body if line], "RING", "OK")
    texts = [line for line in lines if isinstance(line, Payload)]
    assert [text.text for text in texts] == [line for line in body if line]
    assert lines[-2:] == [Ring(), lines[-1]]  # the modem's own lines after it


def test_a_message_with_crlf_line_breaks_ends_with_its_text():
    body = "Hi\r\nthere"
    lines = read(f"+CMT: {SENDER}{CSDH},{len(body)}", "Hi", "there", "RING")
    assert lines[1:] == [Payload("Hi", "+CMT"), Payload("there", "+CMT"), Ring()]


def test_pdu_mode_header_is_followed_by_one_line_of_hex():
    lines = read(
        "+CMT: ,24",
        "07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07",
        "RING",
    )
    assert isinstance(lines[1], Payload)
    assert lines[2] == Ring()


def test_cell_broadcast_and_pdu_status_report_are_text():
    assert read("+CBM: 88", FORGED)[1] == Payload(FORGED, "+CBM")
    assert read("+CBM: 1,50,0,1,1", FORGED)[1] == Payload(FORGED, "+CBM")
    assert read("+CDS: 25", FORGED)[1] == Payload(FORGED, "+CDS")


def test_a_text_mode_status_report_is_all_in_its_header():
    header = '+CDS: 6,46,"+919900011122",145,"26/11/26,10:15:02+22","26/11/26,10:15:04+22",0'
    assert read(header, "RING")[1] == Ring()


def test_a_ussd_answer_runs_until_its_quotes_close():
    lines = read('+CUSD: 0,"Your balance', FORGED, 'Offer: 1GB",15', "RING")
    assert lines[1:] == [
        Payload(FORGED, "+CUSD"),
        Payload('Offer: 1GB",15', "+CUSD"),
        Ring(),
    ]
    assert read('+CUSD: 0,"Balance 10",15', "RING")[1] == Ring()


def test_no_message_runs_past_its_longest_size():
    reader = LineReader()
    lines = read(f"+CMT: {SENDER}", *["A" * 99] * 10, "RING", reader=reader)
    # The line that goes past the size is still text; the next is the modem again.
    assert sum(isinstance(line, Payload) for line in lines) == MAX_MESSAGE_CHARACTERS // 100 + 1
    assert lines[-1] == Ring()


def test_reset_forgets_the_message():
    reader = LineReader()
    read(f"+CMT: {SENDER}", reader=reader)
    reader.reset()
    assert read("RING", reader=reader) == [Ring()]
