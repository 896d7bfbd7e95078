"""Reading a customer file, CSV or XLSX, as numbered rows of text cells.

CSV: the encoding is UTF-8 (with or without BOM) or UTF-16 with BOM; a file that is
not valid UTF-8 is read as Windows-1252 (or Latin-1) with a note saying so. The
delimiter (comma, semicolon, tab or bar) is detected. Blank rows are skipped.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from kiosk.domain.reasons import Why
from kiosk.store.importing.archive_limits import archive_problem

_SNIFF_BYTES = 64 * 1024
_CHUNK = 1 << 20
_SNIFF_LINES = 50
_DELIMITERS = ",;\t|"


class UnreadableFile(ValueError):
    """The file cannot be read as a table; the message says why in plain words.

    ``why``, when given, is the same as a reason, for a front-end to put in its language.
    """

    def __init__(self, message: str, why: Why | None = None) -> None:
        super().__init__(message)
        self.why = why


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One non-blank row: its line (CSV) or row number (XLSX) and its cells as text."""

    line: int
    cells: list[str]


class TableFile(Protocol):
    """An open customer file."""

    notes: list[str]

    def rows(self) -> Iterator[SheetRow]:
        """Every non-blank row, in file order."""
        ...

    def fraction(self) -> float:
        """How much of the file has been read, 0 to 1."""
        ...

    def close(self) -> None:
        """Release the file."""
        ...


def open_table(path: Path, *, encoding: str | None = None) -> TableFile:
    """Open ``path`` by its extension (.xlsx/.xlsm, else CSV)."""
    if not path.is_file():
        raise UnreadableFile(f"There is no file at {path}.")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise UnreadableFile(
            f"{path.name} is an old Excel (.xls) file. Open it in Excel or LibreOffice and "
            "save it as .xlsx or CSV, then import that."
        )
    if suffix in (".xlsx", ".xlsm"):
        return XlsxTable(path)
    return CsvTable(path, encoding=encoding)


@dataclass
class CsvTable:
    """A delimited text file."""

    path: Path
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        """Choose the encoding and delimiter, and open the file."""
        self._size = self.path.stat().st_size
        self._raw: BinaryIO = self.path.open("rb")
        chosen = self.encoding or self._detect_encoding()
        try:
            codecs.lookup(chosen)
        except LookupError:
            self._raw.close()
            raise UnreadableFile(f"'{chosen}' is not a text encoding this program knows.") from None
        self._text = io.TextIOWrapper(self._raw, encoding=chosen, errors="strict", newline="")
        try:
            sample = self._text.read(_SNIFF_BYTES)
        except UnicodeDecodeError as exc:
            self.close()
            raise UnreadableFile(f"{self.path.name} is not readable as {chosen}: {exc}") from None
        self._text.seek(0)
        self._delimiter = detect_delimiter(sample)

    def _detect_encoding(self) -> str:
        head = self._raw.read(4)
        self._raw.seek(0)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        if (line := _first_bad_utf8_line(self._raw)) is None:
            return "utf-8"
        chosen = "cp1252" if _decodes(self._raw, "cp1252") else "latin-1"
        label = "Windows-1252" if chosen == "cp1252" else "Latin-1"
        self.notes.append(
            f"{self.path.name} is not UTF-8 (line {line} is not), so it was read as {label}. "
            "If names look wrong, save the file as 'CSV UTF-8' and import it again, or give "
            "the right --encoding."
        )
        return chosen

    def rows(self) -> Iterator[SheetRow]:
        """Every non-blank row with the line it starts on."""
        reader = csv.reader(self._text, delimiter=self._delimiter)
        line = 1
        try:
            for cells in reader:
                if any(cell.strip() for cell in cells):
                    yield SheetRow(line, cells)
                line = reader.line_num + 1
        except csv.Error as exc:
            raise UnreadableFile(f"{self.path.name}, line {line}: {exc}.") from None
        except UnicodeDecodeError as exc:
            raise UnreadableFile(
                f"{self.path.name}, near line {line}, is not {self._text.encoding}: {exc.reason}."
            ) from None

    def fraction(self) -> float:
        """Bytes read so far over the size (the read-ahead makes it approximate)."""
        return min(self._raw.tell() / self._size, 1.0) if self._size else 1.0

    def close(self) -> None:
        """Close the file."""
        self._raw.close()


class XlsxTable:
    """The first worksheet of an Excel workbook."""

    def __init__(self, path: Path) -> None:
        """Check the archive's limits, then open the workbook read-only (values, not formulas)."""
        self.notes: list[str] = []
        try:
            if (refused := archive_problem(path)) is not None:
                raise UnreadableFile(str(refused), refused)
            self._book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
            raise UnreadableFile(
                f"{path.name} is not a readable Excel .xlsx file ({exc})."
            ) from None
        sheet = self._book.worksheets[0]
        self._sheet = sheet
        self._total = sheet.max_row or 0
        self._done = 0
        if len(self._book.worksheets) > 1:
            self.notes.append(f"Only the first sheet ('{sheet.title}') was read.")

    def rows(self) -> Iterator[SheetRow]:
        """Every non-blank row with its row number."""
        for number, values in enumerate(self._sheet.iter_rows(values_only=True), start=1):
            self._done = number
            cells = [_cell_text(value) for value in values]
            if any(cells):
                yield SheetRow(number, cells)

    def fraction(self) -> float:
        """Rows read over the sheet's row count."""
        return min(self._done / self._total, 1.0) if self._total else 0.0

    def close(self) -> None:
        """Close the workbook."""
        self._book.close()


def detect_delimiter(sample: str) -> str:
    """The delimiter that splits most of the first lines into the same number of cells."""
    lines = [line for line in sample.splitlines()[:_SNIFF_LINES] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        widths = Counter(len(cells) for cells in csv.reader(lines, delimiter=delimiter))
        widths.pop(1, None)
        if widths:
            width, count = widths.most_common(1)[0]
            if (count, width) > best_score:
                best, best_score = delimiter, (count, width)
    return best


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone number typed into a number cell
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


def _first_bad_utf8_line(raw: BinaryIO) -> int | None:
    """The line of the first byte that is not UTF-8, or None if the whole file is."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines = 1
    try:
        while chunk := raw.read(_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return lines + chunk[: exc.start].count(b"\n")
            lines += chunk.count(b"\n")
        decoder.decode(b"", final=True)
        return None
    except UnicodeDecodeError:
        return lines
    finally:
        raw.seek(0)


def _decodes(raw: BinaryIO, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        while chunk := raw.read(_CHUNK):
            decoder.decode(chunk)
        return True
    except UnicodeDecodeError:
        return False
    finally:
        raw.seek(0)
