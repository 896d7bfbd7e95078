"""CSV files the app writes, safe to open in a spreadsheet (no formula injection).

A customer name, a reference or an imported cell can start with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return; Excel, LibreOffice and Google Sheets then read it as
a formula (``=HYPERLINK(…)``, ``=WEBSERVICE(…)``, DDE ``cmd|…``) and run it on the
manager's computer. Every CSV the app writes goes through :func:`csv_writer`, which puts
a single quote before such a cell (OWASP's advice). Where Excel's list separator is ``;``
(much of Europe) it splits our comma files at every ``;``, quoted or not, so a formula
start right after a ``;`` inside a value gets the quote too.

Phone numbers stay as they are: a cell of ``+`` followed only by digits, spaces and
the mask's ``•`` ("+919812345678", "+91 ••••••5678") has no letters, so it cannot name a
function, a cell or a DDE server; it is arithmetic on constants at worst. Prefixing it
would show a stray quote on every number and break every script that matches the
export against E.164 numbers.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, Protocol

#: What a spreadsheet reads as the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PHONE = re.compile(r"\+[0-9][0-9 •]*")
_AFTER_SEMICOLON = re.compile(r"(;[\s\"]*)([=+\-@])")


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def inert(value: object) -> object:
    """``value`` as a spreadsheet shows it as text: ``'`` before a formula start.

    Numbers and None pass unchanged (the app's own counts); phone numbers too (see the
    module's docstring).
    """
    if not isinstance(value, str):
        return value
    value = _AFTER_SEMICOLON.sub(r"\1'\2", value)
    if not value.startswith(FORMULA_STARTS) or _PHONE.fullmatch(value):
        return value
    return "'" + value


class CsvWriter:
    """Writes rows with every cell made :func:`inert`."""

    def __init__(self, out: _Writable) -> None:
        """Write to ``out`` (a text file opened with ``newline=""``)."""
        self._writer = csv.writer(out)

    def writerow(self, row: Iterable[object]) -> None:
        """Write one row."""
        self._writer.writerow([inert(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        """Write several rows."""
        for row in rows:
            self.writerow(row)


def csv_writer(out: _Writable) -> CsvWriter:
    """A writer for ``out`` whose cells cannot run as formulas."""
    return CsvWriter(out)
