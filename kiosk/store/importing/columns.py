"""Which column holds the reference, the name and the phone: detected from the header row.

Header names are compared loosely ("Order No.", "order_no" and "ORDER NO" are one
name). Staff can name a column for a field themselves (``--map reference=Order No``);
the header row is the first of the first few non-blank rows that names the columns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kiosk.store.importing.files import SheetRow

FIELDS = ("reference", "name", "phone")
REQUIRED = ("reference", "phone")
#: How many non-blank rows may stand above the header (a title, a date line).
HEADER_SEARCH_ROWS = 10

SYNONYMS: dict[str, tuple[str, ...]] = {
    "reference": (
        "reference", "ref", "ref no", "reference no", "reference number", "order", "order no",
        "order number", "order id", "order ref", "member", "member id", "member no",
        "membership no", "membership number", "customer id", "customer no", "customer number",
        "account", "account no", "awb", "awb no", "tracking no", "tracking number",
        "shipment id", "invoice", "invoice no", "booking id", "id",
    ),
    "name": (
        "name", "customer", "customer name", "full name", "consignee", "consignee name",
        "recipient", "recipient name", "member name", "client", "client name", "buyer",
        "buyer name", "contact name",
    ),
    "phone": (
        "phone", "phone no", "phone number", "mobile", "mobile no", "mobile number", "mob",
        "mob no", "cell", "cell phone", "contact", "contact no", "contact number",
        "telephone", "tel", "msisdn", "whatsapp", "customer phone", "customer mobile",
        "consignee phone", "consignee mobile", "recipient phone",
    ),
}  # fmt: skip


class ColumnProblem(ValueError):
    """The columns cannot be told apart; the message says what to do in plain words."""


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Where each field is: column positions, and the header row's line."""

    header_line: int
    headers: tuple[str, ...]
    reference: int
    phone: int
    name: int | None

    def describe(self) -> dict[str, str | None]:
        """Field → header name, as stored with an import and shown to staff."""
        return {
            field: (self.headers[index] if index is not None else None)
            for field, index in (("reference", self.reference), ("name", self.name),
                                 ("phone", self.phone))
        }  # fmt: skip


def normalise_header(text: str) -> str:
    """Lower case, punctuation and underscores as spaces, single spaces."""
    return " ".join(re.sub(r"[^\w]+|_", " ", text.lower()).split())


def parse_overrides(pairs: Sequence[str] | Mapping[str, str]) -> dict[str, str]:
    """``["reference=Order No"]`` (or a mapping) → ``{"reference": "Order No"}``, checked."""
    items = pairs.items() if isinstance(pairs, Mapping) else [_split(pair) for pair in pairs]
    overrides: dict[str, str] = {}
    for field, column in items:
        name = field.strip().lower()
        if name not in FIELDS:
            raise ColumnProblem(
                f"'{field}' is not a field to map; use {', '.join(FIELDS)} (e.g. "
                "--map 'reference=Order No')."
            )
        overrides[name] = column.strip()
    return overrides


def find_columns(rows: Sequence[SheetRow], overrides: Mapping[str, str]) -> ColumnMap:
    """The column map from the first row (of the first few) that names the needed columns."""
    if not rows:
        raise ColumnProblem("The file has no rows.")
    problems: list[str] = []
    for row in rows[:HEADER_SEARCH_ROWS]:
        found, problem = _map_row(row, overrides)
        if found is not None:
            return found
        problems.append(problem)
    headers = ", ".join(f"'{cell}'" for cell in rows[0].cells if cell.strip())
    raise ColumnProblem(
        f"{problems[0]} The first row has: {headers}. Name the columns, e.g. "
        "--map 'reference=Order No' --map 'phone=Mobile' (and optionally --map 'name=...')."
    )


def _map_row(row: SheetRow, overrides: Mapping[str, str]) -> tuple[ColumnMap | None, str]:
    names = [normalise_header(cell) for cell in row.cells]
    positions: dict[str, int | None] = {}
    for field in FIELDS:
        if field in overrides:
            wanted = normalise_header(overrides[field])
            positions[field] = names.index(wanted) if wanted in names else None
            if positions[field] is None:
                return None, f"No column is called '{overrides[field]}'."
        else:
            positions[field] = _guess(names, field, taken=set(positions.values()))
    reference, phone = positions["reference"], positions["phone"]
    if reference is None or phone is None:
        missing = [field for field in REQUIRED if positions[field] is None]
        return None, f"Could not tell which column holds the {' and the '.join(missing)}."
    headers = tuple(cell.strip() for cell in row.cells)
    return ColumnMap(row.line, headers, reference, phone, positions["name"]), ""


def _guess(names: list[str], field: str, taken: set[int | None]) -> int | None:
    synonyms = SYNONYMS[field]
    for synonym in synonyms:  # an exact name first, in order of preference
        for index, name in enumerate(names):
            if name == synonym and index not in taken:
                return index
    for index, name in enumerate(names):  # then a name containing a telling word
        words = set(name.split())
        if index not in taken and words & {s for s in synonyms if " " not in s and s != "id"}:
            return index
    return None


def _split(pair: str) -> tuple[str, str]:
    field, sep, column = pair.partition("=")
    if not sep or not column.strip():
        raise ColumnProblem(f"'{pair}' should look like FIELD=COLUMN, e.g. 'reference=Order No'.")
    return field, column
