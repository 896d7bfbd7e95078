"""CSV cells that a spreadsheet would run as formulas are written as text."""

import csv
import io

import pytest

from kiosk.store.csv_export import csv_writer, inert

ATTACKS = [
    '=HYPERLINK("http://x","y")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "+91 98123 =1",
]


def written(*cells: object, delimiter: str = ",") -> list[list[str]]:
    out = io.StringIO(newline="")
    csv_writer(out).writerow(cells)
    return list(csv.reader(io.StringIO(out.getvalue(), newline=""), delimiter=delimiter))


@pytest.mark.parametrize("cell", ATTACKS)
def test_a_formula_start_is_written_as_text(cell: str) -> None:
    assert inert(cell) == "'" + cell
    assert written(cell) == [["'" + cell]]


@pytest.mark.parametrize("cell", ["+919812345678", "+91 ••••••5678", "Asha Verma", "ORD-1", ""])
def test_phone_numbers_and_plain_text_stay_as_they_are(cell: str) -> None:
    assert inert(cell) == cell
    assert written(cell) == [[cell]]


@pytest.mark.parametrize("value", [None, 0, 3, -1, 2.5])
def test_numbers_and_none_pass_unchanged(value: object) -> None:
    assert inert(value) is value


def test_a_semicolon_locale_does_not_find_a_formula_inside_a_value() -> None:
    """Excel with ';' as list separator splits at every ';', quotes or not."""
    attack = 'Asha;=HYPERLINK("http://x","y"); +1+1;"@SUM(1)'
    [cells] = written("2026-11-26", attack, "+919812345678", delimiter=";")
    for cell in cells:
        assert not cell.lstrip(' "').startswith(("=", "+", "-", "@")), cells
    [[_, back, _]] = written("2026-11-26", attack, "+919812345678")
    assert back == 'Asha;\'=HYPERLINK("http://x","y"); \'+1+1;"\'@SUM(1)'
