"""Importing a customer file: check every row, upsert valid ones in batches, report the rest.

Each batch is one transaction that also records how far the import got, so a killed
import leaves no half-written batch and, run again on the same file, carries on after
the last committed line. Every row is still checked on a resumed run, so the
rejection report is always complete. Within a file the first row for a reference wins;
a later row for it is reported (as a duplicate when it says the same).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.clock import Clock, SystemClock
from kiosk.domain.customer import control_characters, visible
from kiosk.domain.phone import InvalidPhoneNumber, parse_phone
from kiosk.domain.search import reference_key
from kiosk.store.csv_export import csv_writer
from kiosk.store.customers import NewCustomer, upsert_customers
from kiosk.store.database import Database
from kiosk.store.importing.columns import HEADER_SEARCH_ROWS, ColumnMap, find_columns
from kiosk.store.importing.files import SheetRow, open_table
from kiosk.store.models import CustomerImport

DEFAULT_BATCH_SIZE = 1000
_REFERENCE_MAX = 64
_NAME_MAX = 200
_SHORTENED = re.compile(r"^\s*\d(\.\d+)?e\+?\d+\s*$", re.IGNORECASE)
_FLOAT_COPY = re.compile(r"^\s*(\+?\d{6,})\.0+\s*$")  # 9812345678.0 from a number column
_SEVERAL = re.compile(r"\d{6,}\D+\+?\d{6,}")


@dataclass(frozen=True, slots=True)
class Rejection:
    """A row that was not imported: where, which column, what it said, and why."""

    line: int
    column: str
    value: str
    reason: str
    duplicate: bool = False  # the same details as an earlier row: imported once


@dataclass(frozen=True, slots=True)
class ImportProgress:
    """How far an import is, for a progress bar."""

    fraction: float
    rows: int
    added: int
    updated: int
    rejected: int


@dataclass
class ImportResult:
    """What an import did. ``added``/``updated`` include an earlier, resumed run."""

    file: Path
    rows: int = 0
    added: int = 0
    updated: int = 0
    duplicates: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    resumed_after_line: int = 0
    columns: dict[str, str | None] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    report: Path | None = None

    @property
    def rejected(self) -> int:
        """Rows not imported because something was wrong with them."""
        return len(self.rejections) - self.duplicates


ProgressCallback = Callable[[ImportProgress], None]


def import_customers(
    database: Database,
    path: Path,
    *,
    region: str,
    kiosk_id: str,
    overrides: Mapping[str, str] | None = None,
    encoding: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    report: Path | None = None,
    progress: ProgressCallback | None = None,
    clock: Clock | None = None,
) -> ImportResult:
    """Import ``path`` (CSV or XLSX) into the customers table.

    Raises :class:`~kiosk.store.importing.files.UnreadableFile` or
    :class:`~kiosk.store.importing.columns.ColumnProblem` before anything is written.
    The rejection report (CSV: line, column, value, reason) is written to ``report``
    when a row was rejected.
    """
    clock = clock or SystemClock()
    result = ImportResult(file=path)
    with closing(open_table(path, encoding=encoding)) as table:
        result.notes += table.notes
        rows = table.rows()
        head = _peek(rows, HEADER_SEARCH_ROWS)
        columns = find_columns(head, overrides or {})
        result.columns = columns.describe()
        run = _Run(database, path, columns, region=region, kiosk_id=kiosk_id, clock=clock)
        result.resumed_after_line = run.resume_after
        checker = _RowChecker(columns, region)
        batch: list[tuple[int, NewCustomer]] = []

        def report_progress() -> None:
            if progress:
                progress(
                    ImportProgress(
                        table.fraction(),
                        result.rows,
                        run.added,
                        run.updated,
                        result.rejected,
                    )
                )

        for row in _chain(head, rows):
            if row.line <= columns.header_line:
                continue
            result.rows += 1
            checked = checker.check(row)
            if isinstance(checked, Rejection):
                result.rejections.append(checked)
                result.duplicates += checked.duplicate
                continue
            batch.append((row.line, checked))
            if len(batch) >= batch_size:
                run.commit(batch, rejected=len(result.rejections))
                batch = []
                report_progress()
        run.commit(batch, rejected=len(result.rejections), finished=True)
        result.added, result.updated = run.added, run.updated
        report_progress()
    if result.rejections and report is not None:
        write_report(report, result.rejections)
        result.report = report
    return result


def write_report(path: Path, rejections: list[Rejection]) -> None:
    """The rejected rows as CSV (UTF-8 with BOM, so spreadsheets open it right; formula-safe)."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv_writer(out)
        writer.writerow(["line", "column", "value", "reason"])
        for rejection in rejections:
            writer.writerow([rejection.line, rejection.column, rejection.value, rejection.reason])


class _RowChecker:
    """Turns rows into customers, or says what is wrong with them."""

    def __init__(self, columns: ColumnMap, region: str) -> None:
        self._columns = columns
        self._region = region
        self._seen: dict[str, tuple[int, int]] = {}  # reference key → (line, content hash)

    def check(self, row: SheetRow) -> NewCustomer | Rejection:
        columns = self._columns
        reference = _cell(row, columns.reference)
        name = _cell(row, columns.name)
        phone_text = _cell(row, columns.phone)
        reference_header = columns.headers[columns.reference] or "reference"
        phone_header = columns.headers[columns.phone] or "phone"
        name_header = columns.headers[columns.name] if columns.name is not None else "name"
        if not reference:
            return Rejection(row.line, reference_header, "", "No reference in this row.")
        for header, text, detail in (
            (reference_header, reference, "reference"),
            (name_header, name, "name"),
        ):
            if control_characters(text):
                reason = (
                    f"The {detail} holds a control character (shown as ␚, ␍ …); "
                    "remove it and import the file again."
                )
                return Rejection(row.line, header, visible(text), reason)
        if len(reference) > _REFERENCE_MAX:
            reason = f"The reference is longer than {_REFERENCE_MAX} characters."
            return Rejection(row.line, reference_header, reference, reason)
        if len(name) > _NAME_MAX:
            reason = f"The name is longer than {_NAME_MAX} characters."
            return Rejection(row.line, name_header, name, reason)
        try:
            phone = parse_phone(_FLOAT_COPY.sub(r"\1", phone_text), self._region)
        except InvalidPhoneNumber as exc:
            return Rejection(row.line, phone_header, phone_text, _phone_reason(phone_text, exc))
        key = reference_key(reference)
        content = hash((name, phone))
        if (earlier := self._seen.get(key)) is not None:
            line, earlier_content = earlier
            if earlier_content == content:
                reason = f"Duplicate of line {line} (same details); imported once."
                return Rejection(row.line, reference_header, reference, reason, duplicate=True)
            reason = f"Also on line {line} with other details; line {line} was used."
            return Rejection(row.line, reference_header, reference, reason)
        self._seen[key] = (row.line, content)
        return NewCustomer(reference, name, phone)


def _phone_reason(text: str, error: InvalidPhoneNumber) -> str:
    if _SHORTENED.match(text):
        return (
            "A spreadsheet shortened this number to scientific notation. Format the phone "
            "column as text and export the file again."
        )
    if _SEVERAL.search(text.replace(" ", "")):
        return "The cell holds more than one number; keep the one to verify."
    return str(error)


def _cell(row: SheetRow, index: int | None) -> str:
    if index is None or index >= len(row.cells):
        return ""
    return row.cells[index].strip()


class _Run:
    """The stored record of one import: where to resume, committed batch by batch."""

    def __init__(
        self,
        database: Database,
        path: Path,
        columns: ColumnMap,
        *,
        region: str,
        kiosk_id: str,
        clock: Clock,
    ) -> None:
        self._db = database
        self._clock = clock
        settings = json.dumps({"columns": columns.describe(), "region": region}, sort_keys=True)
        digest = _sha256(path)
        now = clock.now()
        with database.session() as session:
            record = _unfinished(session, digest, settings)
            if record is None:
                record = CustomerImport(
                    file_name=path.name[:255],
                    file_sha256=digest,
                    settings=settings,
                    started_at=now,
                    updated_at=now,
                    last_line=0,
                    added=0,
                    updated=0,
                    rejected=0,
                    kiosk_id=kiosk_id,
                )
                session.add(record)
                session.flush()
            self._id = record.id
            self.resume_after = record.last_line
            self.added = record.added
            self.updated = record.updated

    def commit(
        self, batch: list[tuple[int, NewCustomer]], *, rejected: int, finished: bool = False
    ) -> None:
        """Write the rows past the resume point and the new position, in one transaction."""
        fresh = [customer for line, customer in batch if line > self.resume_after]
        if not fresh and not finished:
            return
        now = self._clock.now()
        with self._db.session() as session:
            added, updated = upsert_customers(session, fresh, now=now)
            record = session.get(CustomerImport, self._id)
            assert record is not None
            record.added += added
            record.updated += updated
            record.rejected = rejected
            if batch:
                record.last_line = max(record.last_line, batch[-1][0])
            record.updated_at = now
            if finished:
                record.finished_at = now
        self.added += added
        self.updated += updated


def _unfinished(session: Session, digest: str, settings: str) -> CustomerImport | None:
    statement = (
        select(CustomerImport)
        .where(
            CustomerImport.file_sha256 == digest,
            CustomerImport.settings == settings,
            CustomerImport.finished_at.is_(None),
        )
        .order_by(CustomerImport.id.desc())
    )
    return session.scalars(statement).first()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _peek(rows: Iterator[SheetRow], count: int) -> list[SheetRow]:
    head: list[SheetRow] = []
    for row in rows:
        head.append(row)
        if len(head) >= count:
            break
    return head


def _chain(head: list[SheetRow], rest: Iterator[SheetRow]) -> Iterator[SheetRow]:
    yield from head
    yield from rest
