import logging
import sys

from kiosk.logsetup import MaskingFormatter


def record(message: str, *args: object, exc_info: object = None) -> logging.LogRecord:
    return logging.LogRecord("kiosk.modem", logging.INFO, __file__, 1, message, args, exc_info)


def test_numbers_in_messages_are_masked() -> None:
    line = MaskingFormatter("%(message)s").format(record("<< %s", '+CLIP: "+919812345678",145'))
    assert line == '<< +CLIP: "+91 ••••••5678",145'


def test_numbers_in_tracebacks_are_masked() -> None:
    try:
        raise ValueError("no customer with phone 09812345678")
    except ValueError:
        failure = record("lookup failed", exc_info=sys.exc_info())
    text = MaskingFormatter("%(message)s").format(failure)
    assert "ValueError: no customer with phone •••••••5678" in text
    assert "09812345678" not in text


def test_ids_and_times_are_left_alone() -> None:
    text = "msg_4f2a1234567890ab at 2026-11-26 14:43:02,517"
    assert MaskingFormatter("%(message)s").format(record(text)) == text
