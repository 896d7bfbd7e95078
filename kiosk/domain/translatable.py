"""Marking English text for Qt Linguist below the screen, where Qt is not imported.

The reasons' templates and the settings' screen labels are written in English once and
wrapped in :func:`QT_TRANSLATE_NOOP`, which ``make translations`` (pyside6-lupdate) reads
into the ``.ts`` files; the GUI translates them when it shows them.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Mark ``text`` for translation in ``context``; returns ``text`` unchanged.

    ``context`` must be written as a string literal for lupdate to read it.
    """
    del context
    return text
