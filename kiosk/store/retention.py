"""Retention: purge old verifications and call records, after writing an audit export.

Privacy law asks to keep only what is needed. Finished verifications started before
the cut-off are removed with their calls, SMS codes and delivered callbacks; calls
heard before it that belong to no kept verification go too. A verification whose
callback the backend has not acknowledged yet is kept, whatever its age: a result is
never lost. The export is written (and flushed to disk) before anything is deleted,
with phone numbers masked; if it cannot be written, nothing is deleted.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kiosk.domain.clock import Clock, isoformat_utc
from kiosk.domain.phone import mask
from kiosk.domain.session import Status
from kiosk.store.csv_export import csv_writer
from kiosk.store.database import Database
from kiosk.store.models import CallRecord, OutboxMessage, SmsCode, Verification

log = logging.getLogger("kiosk.store")

_CHUNK = 500
EXPORT_FORMATS = ("json", "csv")
_FIELDS = (
    "record", "id", "verification_id", "kiosk_id", "reference", "status", "method",
    "expected_number", "caller_number", "dialed_number", "source", "outcome",
    "started_at", "completed_at", "call_at", "received_at", "unmatched_calls",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PurgeResult:
    """What a purge removed, what it had to keep, and where the export went."""

    verifications: int
    calls: int
    kept_unsent: int
    export: Path | None


def purge_before(
    session: Session, cutoff: datetime, *, export: Path | None, export_format: str = "json"
) -> PurgeResult:
    """Export, then delete, everything older than ``cutoff`` (in the caller's transaction)."""
    unsent = select(OutboxMessage.verification_id).where(
        OutboxMessage.delivered_at.is_(None), OutboxMessage.verification_id.is_not(None)
    )
    old = (Verification.started_at < cutoff, Verification.status != Status.PENDING.value)
    purgeable = select(Verification).where(*old, Verification.id.not_in(unsent))
    rows = list(session.scalars(purgeable.order_by(Verification.started_at)))
    kept = len(
        list(session.scalars(select(Verification.id).where(*old, Verification.id.in_(unsent))))
    )
    ids = [row.id for row in rows]
    calls = list(
        session.scalars(
            select(CallRecord)
            .where(CallRecord.received_at < cutoff, CallRecord.verification_id.is_(None))
            .order_by(CallRecord.received_at)
        )
    )
    for chunk in _chunks(ids):
        calls += session.scalars(select(CallRecord).where(CallRecord.verification_id.in_(chunk)))
    if not rows and not calls:
        return PurgeResult(0, 0, kept, None)
    records = [_verification_record(row) for row in rows] + [_call_record(call) for call in calls]
    if export is not None:
        write_export(export, records, export_format, cutoff=cutoff)
    call_ids = [call.id for call in calls]
    for chunk in _chunks(call_ids):
        session.execute(delete(CallRecord).where(CallRecord.id.in_(chunk)))
    for chunk in _chunks(ids):
        session.execute(delete(SmsCode).where(SmsCode.verification_id.in_(chunk)))
        session.execute(delete(OutboxMessage).where(OutboxMessage.verification_id.in_(chunk)))
        session.execute(delete(Verification).where(Verification.id.in_(chunk)))
    return PurgeResult(len(rows), len(calls), kept, export)


def export_path(directory: Path, now: datetime, export_format: str) -> Path:
    """Where an automatic purge writes its export: one file per purge, named by time."""
    return directory / f"purged-{now.strftime('%Y%m%dT%H%M%SZ')}.{export_format}"


async def keep_purging(
    database: Database,
    *,
    days: int,
    directory: Path,
    export_format: str,
    clock: Clock,
    every: timedelta = timedelta(hours=24),
) -> None:
    """Purge at start and then daily, until cancelled; a failed purge is retried next time."""
    while True:
        now = clock.now()
        try:
            result = await database.run(
                purge_before,
                now - timedelta(days=days),
                export=export_path(directory, now, export_format),
                export_format=export_format,
            )
            if result.export:
                log.info(
                    "Purged %d verifications and %d calls older than %d days; export: %s",
                    result.verifications,
                    result.calls,
                    days,
                    result.export,
                )
        except Exception:
            log.exception("Could not purge old records; trying again later")
        await asyncio.sleep(every.total_seconds())


def write_export(
    path: Path, records: Sequence[dict[str, Any]], export_format: str, *, cutoff: datetime
) -> None:
    """Write the audit export and flush it to disk before anything is deleted."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        if export_format == "csv":
            writer = csv_writer(out)
            writer.writerow(_FIELDS)
            writer.writerows([record[name] for name in _FIELDS] for record in records)
        else:
            body = {"purged_before": isoformat_utc(cutoff), "records": records}
            json.dump(body, out, indent=1, ensure_ascii=False)
        out.flush()
        os.fsync(out.fileno())


def _verification_record(row: Verification) -> dict[str, Any]:
    return {
        "record": "verification",
        "id": row.id,
        "verification_id": row.id,
        "kiosk_id": row.kiosk_id,
        "reference": row.reference,
        "status": row.status,
        "method": row.method,
        "expected_number": mask(row.expected_number),
        "caller_number": mask(row.caller_number) if row.caller_number else None,
        "dialed_number": row.dialed_number,
        "source": row.source,
        "outcome": None,
        "started_at": isoformat_utc(row.started_at),
        "completed_at": isoformat_utc(row.completed_at),
        "call_at": isoformat_utc(row.call_at),
        "received_at": None,
        "unmatched_calls": row.unmatched_calls,
    }


def _call_record(call: CallRecord) -> dict[str, Any]:
    return {
        "record": "call",
        "id": str(call.id),
        "verification_id": call.verification_id,
        "kiosk_id": call.kiosk_id,
        "reference": None,
        "status": None,
        "method": None,
        "expected_number": None,
        "caller_number": mask(call.caller_number) if call.caller_number else None,
        "dialed_number": call.dialed_number,
        "source": call.source,
        "outcome": call.outcome,
        "started_at": None,
        "completed_at": None,
        "call_at": None,
        "received_at": isoformat_utc(call.received_at),
        "unmatched_calls": None,
    }


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
