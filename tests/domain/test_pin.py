import pytest

from kiosk.domain.pin import InvalidPin, check_pin, hash_pin, is_pin_hash


def test_a_hashed_pin_checks_only_against_itself() -> None:
    stored = hash_pin("4321")
    assert is_pin_hash(stored)
    assert "4321" not in stored
    assert check_pin("4321", stored)
    assert not check_pin("1234", stored)
    assert not check_pin("", stored)
    assert hash_pin("4321") != stored  # salted


@pytest.mark.parametrize("pin", ["", "123", "12a4", "1234567890123"])
def test_unusable_pins_are_refused_in_plain_words(pin: str) -> None:
    with pytest.raises(InvalidPin, match="4 to 12 digits"):
        hash_pin(pin)


@pytest.mark.parametrize("stored", ["", "1234", "md5$aa$bb", "scrypt$zz$00", "scrypt$$"])
def test_malformed_hashes_never_match(stored: str) -> None:
    assert not is_pin_hash(stored)
    assert not check_pin("1234", stored)
