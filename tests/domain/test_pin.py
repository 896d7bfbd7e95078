import pytest

from kiosk.domain.pin import (
    InvalidPin,
    PinProblem,
    check_pin,
    hash_pin,
    is_legacy_pin_hash,
    is_pin_hash,
    pin_problem,
)

#: A hash made by the first format (``scrypt$salt$hash``) for the 4-digit PIN 2468.
LEGACY_2468 = (
    "scrypt$8f1c1a9e0a6b1f1bd0c2f8a4b0e6d6b1$"
    "3c38a0a275ec02adba12773fa7ac1321a976dca30b7869354401d54a33f6599c"
)


def test_a_hashed_pin_checks_only_against_itself() -> None:
    stored = hash_pin("250913")
    assert is_pin_hash(stored)
    assert not is_legacy_pin_hash(stored)
    assert "250913" not in stored
    assert stored.startswith("scrypt:16384:8:1:")
    assert check_pin("250913", stored)
    assert not check_pin("250914", stored)
    assert not check_pin("", stored)
    assert hash_pin("250913") != stored  # salted


def test_an_old_four_digit_hash_still_unlocks() -> None:
    assert is_pin_hash(LEGACY_2468)
    assert is_legacy_pin_hash(LEGACY_2468)
    assert check_pin("2468", LEGACY_2468)
    assert not check_pin("2469", LEGACY_2468)


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("", PinProblem.NOT_DIGITS),
        ("12a456", PinProblem.NOT_DIGITS),
        ("١٢٣٤٥٩", PinProblem.NOT_DIGITS),  # Arabic-Indic digits are digits, not ASCII
        ("2468", PinProblem.TOO_SHORT),
        ("24680", PinProblem.TOO_SHORT),
        ("2506913704821", PinProblem.TOO_LONG),
        ("123456", PinProblem.SEQUENCE),
        ("654321", PinProblem.SEQUENCE),
        ("789012", PinProblem.SEQUENCE),
        ("000000", PinProblem.REPEATED),
        ("121212", PinProblem.REPEATED),
        ("123123", PinProblem.REPEATED),
        ("112112", PinProblem.REPEATED),
        ("100100", PinProblem.REPEATED),
        ("110011", PinProblem.REPEATED),
    ],
)
def test_weak_pins_are_refused_with_a_reason(pin: str, problem: PinProblem) -> None:
    assert pin_problem(pin) is problem
    with pytest.raises(InvalidPin) as refused:
        hash_pin(pin)
    assert refused.value.problem is problem


@pytest.mark.parametrize("pin", ["250913", "739164", "4081572639", "135790"])
def test_good_pins_are_accepted(pin: str) -> None:
    assert pin_problem(pin) is None


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "1234",
        "md5$aa$bb",
        "scrypt$zz$00",
        "scrypt$$",
        "scrypt",
        "scrypt:16384:8:1::",
        "scrypt:16385:8:1:aa:bb",  # N not a power of two
        "scrypt:1048576:8:1:aa:bb",  # would need a gigabyte: refused, not run
        "scrypt:16384:8:1:aa",
    ],
)
def test_malformed_hashes_never_match(stored: str) -> None:
    assert not is_pin_hash(stored)
    assert not check_pin("250913", stored)
