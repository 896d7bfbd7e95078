import pytest

from kiosk.domain.phone import (
    InvalidPhoneNumber,
    format_international,
    last_digits,
    mask,
    mask_numbers_in,
    parse_phone,
    try_parse_phone,
)


@pytest.mark.parametrize(
    "text",
    [
        "9812345678",
        "09812345678",
        "098123 45678",
        "+91 98123 45678",
        "+91-98123-45678",
        "0091 98123 45678",
        "(+91) 98123 45678",
        "+91 (981) 234-5678",
        " +919812345678 ",
    ],
)
def test_indian_mobile_in_any_written_form_gives_e164(text: str) -> None:
    assert parse_phone(text, "IN") == "+919812345678"


def test_region_decides_national_numbers() -> None:
    assert parse_phone("07911 123456", "GB") == "+447911123456"
    assert parse_phone("07911 123456", "gb") == "+447911123456"


def test_international_number_ignores_region() -> None:
    assert parse_phone("+44 7911 123456", "IN") == "+447911123456"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("hello", "not a phone number"),
        ("ORDER-1042", "not a phone number"),
        ("1-800-FLOWERS", "not a phone number"),
        ("12", "wrong number of digits"),
        ("+91 10000 00000", "not a valid number"),
    ],
)
def test_bad_numbers_say_why(text: str, reason: str) -> None:
    with pytest.raises(InvalidPhoneNumber, match=reason):
        parse_phone(text, "IN")


def test_try_parse_gives_none_for_unusable() -> None:
    assert try_parse_phone(None) is None
    assert try_parse_phone("") is None
    assert try_parse_phone("abc") is None
    assert try_parse_phone("9812345678") == "+919812345678"


def test_mask_keeps_country_code_and_last_four() -> None:
    assert mask("+919812345678") == "+91 ••••••5678"
    assert mask("+447911123456") == "+44 ••••••3456"


def test_mask_of_short_or_missing_numbers() -> None:
    assert mask(None) == "withheld"
    assert mask("") == "withheld"
    assert mask("1234") == "••••"
    assert mask("98123") == "•8123"


def test_mask_never_shows_middle_digits() -> None:
    masked = mask("+919812345678")
    assert "98123" not in masked
    assert "1234" not in masked


def test_formats_for_people() -> None:
    assert format_international("+918000000001") == "+91 80000 00001"
    assert last_digits("+91 98123 45678") == "5678"


def test_numbers_in_free_text_are_masked() -> None:
    line = 'RING +CLIP: "09812345678",129 and +447911123456 at 10:15, code 1234'
    assert mask_numbers_in(line) == (
        'RING +CLIP: "•••••••5678",129 and +44 ••••••3456 at 10:15, code 1234'
    )


def test_longer_than_e164_allows_is_refused() -> None:
    # Found by hypothesis: phonenumbers' German plan accepts 17 digits; E.164 stops at 15.
    with pytest.raises(InvalidPhoneNumber, match="wrong number of digits"):
        parse_phone("+4930000000000000", "DE")
