"""Verification history for staff: what happened, when, the calls heard, the staff-PIN log; CSV.

Plain Python over the store (no Qt), so the screen and any command can share it; the
queries run on the database thread. Phone numbers leave this module masked only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from kiosk.domain.clock import isoformat_utc
from kiosk.domain.phone import mask
from kiosk.domain.pin_lock import PinEvent
from kiosk.store import verifications
from kiosk.store.csv_export import csv_writer
from kiosk.store.database import Database
from kiosk.store.history import recent_verifications
from kiosk.store.models import Verification
from kiosk.store.staff_lock import pin_events

CSV_COLUMNS = (
    "started_at",
    "status",
    "reference",
    "customer_name",
    "expected_number",
    "caller_number",
    "call_at",
    "source",
    "unmatched_calls",
    "kiosk_id",
    "verification_id",
)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One past verification as staff see it (numbers masked)."""

    id: str
    started_at: datetime
    status: str
    reference: str | None
    customer_name: str | None
    expected_number: str
    caller_number: str | None
    call_at: datetime | None
    source: str | None
    unmatched_calls: int
    kiosk_id: str


@dataclass(frozen=True, slots=True)
class HeardCall:
    """One call record heard for a verification (number masked; None when none came)."""

    at: datetime
    caller: str | None
    outcome: str
    source: str


class VerificationHistory:
    """Past verifications from the kiosk's database."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def entries(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        status: str | None = None,
        text: str | None = None,
        limit: int = 500,
    ) -> list[HistoryEntry]:
        """Verifications newest first, filtered like :func:`recent_verifications`."""
        return await self._db.run(
            _entries, since=since, until=until, status=status, text=text, limit=limit
        )

    async def calls(self, verification_id: str) -> list[HeardCall]:
        """The calls heard during one verification, oldest first."""
        return await self._db.run(_calls, verification_id)

    async def staff_pin_events(self, *, since: datetime | None = None) -> list[PinEvent]:
        """The staff-PIN log (wrong PINs, locks), newest first, every kiosk of the database."""
        return await self._db.run(pin_events, since=since)


def export_csv(entries: Iterable[HistoryEntry], path: Path) -> int:
    """Write ``entries`` as CSV (UTF-8, ISO 8601 UTC, formula-safe); returns the row count."""
    count = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv_writer(handle)
        writer.writerow(CSV_COLUMNS)
        for entry in entries:
            writer.writerow(
                (
                    isoformat_utc(entry.started_at),
                    entry.status,
                    entry.reference or "",
                    entry.customer_name or "",
                    entry.expected_number,
                    entry.caller_number or "",
                    isoformat_utc(entry.call_at) or "",
                    entry.source or "",
                    entry.unmatched_calls,
                    entry.kiosk_id,
                    entry.id,
                )
            )
            count += 1
    return count


def _entries(
    session: Session,
    *,
    since: datetime | None,
    until: datetime | None,
    status: str | None,
    text: str | None,
    limit: int,
) -> list[HistoryEntry]:
    rows = recent_verifications(
        session, since=since, until=until, status=status, text=text, limit=limit
    )
    return [_entry(row) for row in rows]


def _calls(session: Session, verification_id: str) -> list[HeardCall]:
    return [
        HeardCall(
            at=call.received_at,
            caller=mask(call.caller_number) if call.caller_number else None,
            outcome=call.outcome,
            source=call.source,
        )
        for call in verifications.calls_for(session, verification_id)
    ]


def _entry(row: Verification) -> HistoryEntry:
    return HistoryEntry(
        id=row.id,
        started_at=row.started_at,
        status=row.status,
        reference=row.reference,
        customer_name=row.customer_name,
        expected_number=mask(row.expected_number),
        caller_number=mask(row.caller_number) if row.caller_number else None,
        call_at=row.call_at,
        source=row.source,
        unmatched_calls=row.unmatched_calls,
        kiosk_id=row.kiosk_id,
    )
