import logging

from kiosk.logsetup import MaskPhoneNumbers


def test_numbers_in_log_records_are_masked() -> None:
    record = logging.LogRecord(
        "kiosk.modem", logging.INFO, __file__, 1, "<< %s", ('+CLIP: "+919812345678",145',), None
    )
    assert MaskPhoneNumbers().filter(record)
    assert record.getMessage() == '<< +CLIP: "+91 ••••••5678",145'
