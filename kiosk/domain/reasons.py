"""Reasons instead of sentences: what a lower layer has to say, and its words chosen at the edge.

A layer below the screen never hands up an English sentence. It says *what* happened
with a :class:`Reason` (an enum member with a stable, machine-readable value such as
``"modem_not_found"``) and the facts that go with it (the port, the operator, the HTTP
status), together a :class:`Why`::

    Why(ModemReason.NOT_FOUND, port="/dev/ttyUSB0")

Each package declares its reasons next to its code (``kiosk/sources/modem/reasons.py``,
…), each member with its English template, written once and marked with
``QT_TRANSLATE_NOOP`` (:mod:`kiosk.domain.translatable`; context: the enum's class name)
so that ``make translations`` puts it into the Qt Linguist files. The edge picks the
words: the command line, the doctor and the logs use the English (``str(why)``); the GUI
translates the same template (``why.words(translated)``). A value may itself be a
:class:`Why` (a network state, a device's name): it is put in words in the same language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from string import Formatter
from typing import Self


class Reason(StrEnum):
    """Base of every package's reasons: a stable value and the English template.

    Members are declared as ``NAME = "stable_value", QT_TRANSLATE_NOOP("ClassName",
    "English with {fields}.")``. :attr:`fields` are the values the template needs.
    """

    english: str
    fields: frozenset[str]

    def __new__(cls, value: str, english: str) -> Self:
        """A member whose value is ``value`` and whose English template is ``english``."""
        member = str.__new__(cls, value)
        member._value_ = value
        member.english = english
        member.fields = frozenset(
            name for _, name, _, _ in Formatter().parse(english) if name is not None
        )
        return member


Template = Callable[[Reason], str]
"""The template a reason is written with: its English, or a translation of it."""


def _english(reason: Reason) -> str:
    return reason.english


@dataclass(frozen=True, slots=True, init=False)
class Why:
    """A reason and its values: ``Why(ModemReason.NOT_FOUND, port="/dev/ttyUSB0")``.

    The values must include every field of the reason's template (a missing one is a
    programming error, raised here rather than when the words are shown).
    """

    reason: Reason
    values: Mapping[str, Value]

    def __init__(self, reason: Reason, /, **values: Value) -> None:
        """Keep ``reason`` and ``values``; raise TypeError when a template field is missing."""
        missing = reason.fields - values.keys()
        if missing:
            raise TypeError(f"{reason!r} needs {', '.join(sorted(missing))}")
        object.__setattr__(self, "reason", reason)
        object.__setattr__(self, "values", values)

    def words(self, template: Template = _english) -> str:
        """The reason in words: ``template`` gives each reason's (translated) template.

        A sentence that begins with a reason given as a value ("{provider} answered …"
        with "the merchant backend") begins with a capital letter; facts (a port, a
        URL) are left as they are.
        """
        values = {
            name: value.words(template) if isinstance(value, Why) else value
            for name, value in self.values.items()
        }
        pattern = template(self.reason)
        text = pattern.format_map(values)
        literal, first, _, _ = next(iter(Formatter().parse(pattern)), ("", None, None, None))
        if not literal and first is not None and isinstance(self.values.get(first), Why):
            return text[:1].upper() + text[1:]
        return text

    def __str__(self) -> str:
        """The English words (the command line, the doctor, the logs)."""
        return self.words()


Value = str | int | float | Why
"""What a reason may carry: a fact, or another reason put in words in the same language."""
