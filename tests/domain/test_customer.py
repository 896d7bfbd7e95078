"""Control characters in a customer's details: found, refused, shown."""

import pytest

from kiosk.domain.customer import (
    ControlCharacters,
    DetailField,
    check_details,
    control_characters,
    visible,
)


@pytest.mark.parametrize(
    "text", ["A\x1aB", "A\x1bB", "A\rB", "A\nB", "A\tB", "A\x00B", "A\x7fB", "A\x85B", "A\u2028B"]
)
def test_control_characters_are_found(text: str) -> None:
    assert control_characters(text)


@pytest.mark.parametrize("text", ["ORDER-1042", "आशा वर्मा", "Zoë O'Neil", "क्\u200dष", "€ 5"])
def test_printable_text_has_none(text: str) -> None:
    assert not control_characters(text)  # a joiner inside Devanagari is not a control character


def test_check_details_names_the_field() -> None:
    check_details("ORDER-1", "Asha")
    check_details(None, None)
    with pytest.raises(ControlCharacters) as refused:
        check_details("ORDER-1\x1aAT+CFUN=0\r", "Asha")
    assert refused.value.field is DetailField.REFERENCE
    with pytest.raises(ControlCharacters) as refused:
        check_details("ORDER-1", "Asha\nVerma")
    assert refused.value.field is DetailField.NAME


def test_visible_draws_control_characters_as_symbols() -> None:
    assert visible("ORDER-1\x1aAT+CFUN=0\r\n\x7f\x85") == "ORDER-1␚AT+CFUN=0␍␊␡\ufffd"
    assert visible("आशा") == "आशा"
