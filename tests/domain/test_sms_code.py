import re
from datetime import UTC, datetime, timedelta

from kiosk.domain.sms_code import (
    CODE_LIFETIME,
    MAX_ATTEMPTS,
    CodeCheck,
    issue_code,
    message_text,
)

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def test_codes_are_six_random_digits_kept_only_as_a_hash():
    codes = {issue_code("v1", T0)[0] for _ in range(50)}
    assert all(re.fullmatch(r"\d{6}", code) for code in codes)
    assert len(codes) > 45  # random, not a sequence
    code, issued = issue_code("v1", T0)
    assert code not in issued.code_hash
    assert issued.expires_at == T0 + CODE_LIFETIME


def test_right_code_is_accepted_once():
    code, issued = issue_code("v1", T0)
    assert issued.check(f" {code[:3]} {code[3:]} ", T0) is CodeCheck.ACCEPTED  # spaces ignored
    assert issued.used_at == T0
    assert issued.check(code, T0) is CodeCheck.NO_CODE


def test_wrong_codes_count_until_the_limit():
    code, issued = issue_code("v1", T0)
    wrong = "000000" if code != "000000" else "111111"
    results = [issued.check(wrong, T0) for _ in range(MAX_ATTEMPTS)]
    assert results == [CodeCheck.WRONG] * (MAX_ATTEMPTS - 1) + [CodeCheck.TOO_MANY_TRIES]
    assert issued.attempts_left == 0
    assert issued.check(code, T0) is CodeCheck.TOO_MANY_TRIES  # even the right one, now


def test_expired_code():
    code, issued = issue_code("v1", T0)
    assert issued.check(code, T0 + CODE_LIFETIME) is CodeCheck.EXPIRED
    assert issued.attempts == 0


def test_message_text_is_plain_ascii_with_the_code():
    text = message_text("123456", "ORDER-1042")
    assert text.isascii()
    assert "123456" in text
    assert "ORDER-1042" in text
    assert "5 minutes" in text
    assert "for" not in message_text("123456", None).split("123456")[0].split("code")[1]


def test_hash_is_salted():
    _, first = issue_code("v1", T0)
    _, second = issue_code("v1", T0 + timedelta(seconds=1))
    assert first.code_hash.split("$")[0] != second.code_hash.split("$")[0]
