"""Verification outcomes in plain words and symbols, shared by the result and history screens.

Colour is never the only signal: every outcome has a symbol and words too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.domain.session import Status

SYMBOLS = {Status.VERIFIED: "✔", Status.PENDING: "…"}
_NOT_VERIFIED_SYMBOL = "✖"


def symbol(status: Status) -> str:
    """✔ for verified, ✖ for every way of not being verified, … while pending."""
    return SYMBOLS.get(status, _NOT_VERIFIED_SYMBOL)


def headline(status: Status) -> str:
    """The outcome in a few words, in the current language."""
    words = {
        Status.VERIFIED: QCoreApplication.translate("Status", "Verified"),
        Status.EXPIRED: QCoreApplication.translate("Status", "Not verified: time ran out"),
        Status.CANCELLED: QCoreApplication.translate("Status", "Not verified: cancelled"),
        Status.PENDING: QCoreApplication.translate("Status", "Waiting for the call"),
    }
    return words[status]
