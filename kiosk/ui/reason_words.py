"""Reasons from the layers below, in the screen's current language.

Every reason's English template is translated with Qt Linguist (context: the reason's
class, e.g. ``ModemReason``), then filled with its values; a value that is itself a
reason is put in words the same way. See :mod:`kiosk.domain.reasons`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.domain.reasons import Reason, Why


def translated_template(reason: Reason) -> str:
    """The template of ``reason`` in the current language (English when not translated)."""
    return QCoreApplication.translate(type(reason).__name__, reason.english)


def reason_words(why: Why) -> str:
    """``why`` in words, in the current language."""
    return why.words(translated_template)
