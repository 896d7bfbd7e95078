"""Phone numbers: parsing any common written form into E.164, formatting and masking."""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

from kiosk.domain.reasons import Reason, Why
from kiosk.domain.translatable import QT_TRANSLATE_NOOP

DEFAULT_REGION = "IN"

_NUMBER_IN_TEXT = re.compile(r"(?<![\w+])\+?\d{6,}(?!\w)")


class PhoneReason(Reason):
    """Why a text is not a usable phone number."""

    EMPTY = "phone_empty", QT_TRANSLATE_NOOP("PhoneReason", "The phone number is empty.")
    NOT_A_NUMBER = (
        "phone_not_a_number",
        QT_TRANSLATE_NOOP("PhoneReason", "'{text}' is not a phone number."),
    )
    WRONG_LENGTH = (
        "phone_wrong_length",
        QT_TRANSLATE_NOOP("PhoneReason", "'{text}' has the wrong number of digits."),
    )
    NOT_VALID = (
        "phone_not_valid",
        QT_TRANSLATE_NOOP("PhoneReason", "'{text}' is not a valid number in any numbering plan."),
    )


class InvalidPhoneNumber(ValueError):
    """A text that is not a usable phone number; ``why`` says why (``str()``: in English)."""

    def __init__(self, why: Why) -> None:
        """Keep the reason; ``str()`` gives its English words."""
        super().__init__(str(why))
        self.why = why


#: ITU-T E.164: at most 15 digits, country code included.
_E164_MAX_DIGITS = 15


def parse_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """Return ``text`` as an E.164 number, reading national numbers in ``region``.

    Accepts national ("098123 45678"), international ("+91 98123-45678"),
    ``00``-prefixed ("0091 98123 45678") and bracketed forms. Raises
    :class:`InvalidPhoneNumber` with a reason a person can act on.
    """
    cleaned = text.strip()
    if not cleaned:
        raise InvalidPhoneNumber(Why(PhoneReason.EMPTY))
    if any(ch.isalpha() for ch in cleaned):
        raise InvalidPhoneNumber(Why(PhoneReason.NOT_A_NUMBER, text=text))
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    try:
        number = phonenumbers.parse(cleaned, region.upper())
    except NumberParseException as exc:
        raise InvalidPhoneNumber(Why(PhoneReason.NOT_A_NUMBER, text=text)) from exc
    if not phonenumbers.is_possible_number(number):
        raise InvalidPhoneNumber(Why(PhoneReason.WRONG_LENGTH, text=text))
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhoneNumber(Why(PhoneReason.NOT_VALID, text=text))
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    if len(e164) - 1 > _E164_MAX_DIGITS:  # some plans' metadata allows longer numbers
        raise InvalidPhoneNumber(Why(PhoneReason.WRONG_LENGTH, text=text))
    return e164


def try_parse_phone(text: str | None, region: str = DEFAULT_REGION) -> str | None:
    """Like :func:`parse_phone`, but ``None`` for an empty or unusable number."""
    if not text:
        return None
    try:
        return parse_phone(text, region)
    except InvalidPhoneNumber:
        return None


def format_international(e164: str) -> str:
    """Format for people dialling from abroad ("+91 81234 56789")."""
    return phonenumbers.format_number(phonenumbers.parse(e164), PhoneNumberFormat.INTERNATIONAL)


def last_digits(number: str, count: int = 4) -> str:
    """The last ``count`` digits of a number, for "the phone ending 3210"."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return digits[-count:]


def mask(number: str | None, visible: int = 4) -> str:
    """Mask a number for screens and logs: "+91 ••••••3210"; "withheld" for none."""
    if not number:
        return "withheld"
    digits = "".join(ch for ch in number if ch.isdigit())
    prefix = ""
    if number.startswith("+"):
        try:
            country_code = str(phonenumbers.parse(number).country_code)
        except NumberParseException:
            country_code = ""
        if country_code and len(digits) > len(country_code) + visible:
            prefix = f"+{country_code} "
            digits = digits[len(country_code) :]
    if len(digits) <= visible:
        return "•" * len(digits)
    return f"{prefix}{'•' * (len(digits) - visible)}{digits[-visible:]}"


def mask_numbers_in(text: str) -> str:
    """Mask every run of six or more digits in free text (log lines, modem lines)."""
    return _NUMBER_IN_TEXT.sub(lambda match: mask(match.group()), text)


def format_for_region(e164: str, region: str) -> str:
    """Format the way someone dialling from ``region`` writes it ("080000 00001" in India).

    National format at home; from abroad, with that country's international prefix.
    """
    number = phonenumbers.parse(e164)
    return phonenumbers.format_out_of_country_calling_number(number, region.upper())
