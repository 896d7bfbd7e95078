"""Outcomes and source states in plain words (and symbols), shared by several screens.

Colour is never the only signal: every outcome has a symbol and words too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.domain.health import SourceState, SourceStatus, source_name
from kiosk.domain.reasons import Why
from kiosk.domain.session import Status
from kiosk.ui.reason_words import reason_words

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


def source_state(state: SourceState) -> str:
    """How a call source is doing, in a word or two, in the current language."""
    words = {
        SourceState.CONNECTING: QCoreApplication.translate("Status", "connecting"),
        SourceState.READY: QCoreApplication.translate("Status", "ready"),
        SourceState.FAULT: QCoreApplication.translate("Status", "problem"),
        SourceState.STOPPED: QCoreApplication.translate("Status", "stopped"),
    }
    return words[state]


def source_title(status: SourceStatus) -> str:
    """The call source's name as staff know it, in the current language."""
    name = source_name(status.source)
    return reason_words(name) if isinstance(name, Why) else name
