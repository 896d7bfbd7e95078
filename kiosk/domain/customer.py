"""A customer as the front-ends see one: who, which reference, which phone (E.164).

A reference or a name is printable text: it is shown on screens and written into the
text message a modem sends, where a control character (Ctrl-Z, Esc, a line break) would
end the message early and run the rest as modem commands. :func:`control_characters`
finds them wherever such text comes in (a customer file, the backend's sync, a session
start); :func:`visible` shows them to staff.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain.reasons import Reason, Why
from kiosk.domain.translatable import QT_TRANSLATE_NOOP


class DetailField(StrEnum):
    """Which of a customer's details a problem is in."""

    REFERENCE = "reference"
    NAME = "name"


class CustomerReason(Reason):
    """Why a customer's details cannot be used."""

    REFERENCE_CONTROL_CHARACTERS = (
        "reference_control_characters",
        QT_TRANSLATE_NOOP(
            "CustomerReason",
            "This customer's reference holds a hidden control character (such as a line "
            "break), so no verification was started. Correct it in the customer file and "
            "import it again.",
        ),
    )
    NAME_CONTROL_CHARACTERS = (
        "name_control_characters",
        QT_TRANSLATE_NOOP(
            "CustomerReason",
            "This customer's name holds a hidden control character (such as a line break), "
            "so no verification was started. Correct it in the customer file and import it "
            "again.",
        ),
    )


_CONTROL_CHARACTER_REASONS = {
    DetailField.REFERENCE: CustomerReason.REFERENCE_CONTROL_CHARACTERS,
    DetailField.NAME: CustomerReason.NAME_CONTROL_CHARACTERS,
}


class ControlCharacters(ValueError):
    """A customer's reference or name holds a control character; ``field`` says which.

    ``why`` is the reason for the front-ends to put in words (``str()``: in English).
    """

    def __init__(self, field: DetailField) -> None:
        """Say which detail holds the control character."""
        self.field = field
        self.why = Why(_CONTROL_CHARACTER_REASONS[field])
        super().__init__(str(self.why))


#: Control characters (C0, DEL, C1) and the Unicode line and paragraph separators.
_CONTROL_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})
#: Where Unicode draws the C0 control characters as symbols (␀ … ␟), and DEL (␡).
_CONTROL_PICTURES = 0x2400
_DELETE, _DELETE_PICTURE = 0x7F, "\u2421"


def control_characters(text: str) -> bool:
    """True when ``text`` holds a control character (Ctrl-Z, Esc, a line break, a tab)."""
    return any(unicodedata.category(ch) in _CONTROL_CATEGORIES for ch in text)


def check_details(reference: str | None, name: str | None) -> None:
    """Raise :class:`ControlCharacters` when the reference or the name holds one."""
    for field, text in ((DetailField.REFERENCE, reference), (DetailField.NAME, name)):
        if text and control_characters(text):
            raise ControlCharacters(field)


def visible(text: str) -> str:
    """``text`` with each control character drawn as a symbol (Ctrl-Z as ␚, CR as ␍)."""
    return "".join(
        _picture(ch) if unicodedata.category(ch) in _CONTROL_CATEGORIES else ch for ch in text
    )


def _picture(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(_CONTROL_PICTURES + code)
    return _DELETE_PICTURE if code == _DELETE else "\ufffd"


@dataclass(frozen=True, slots=True)
class CustomerSummary:
    """What a lookup returns and what a session is started for."""

    id: str
    reference: str
    name: str
    phone: str
