"""Verification reports: per day and kiosk, how many, how many verified, how fast.

The ``report`` command prints these; the GUI can call :func:`verification_report`
the same way (it returns plain dataclasses, no Qt).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import date, datetime, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.report import ALL_KIOSKS, DayReport
from kiosk.domain.session import Status
from kiosk.store.models import Verification

__all__ = ["ALL_KIOSKS", "DayReport", "verification_report"]


def verification_report(
    session: Session,
    *,
    since: datetime,
    until: datetime | None = None,
    kiosk_id: str | None = None,
    timezone: tzinfo | None = None,
) -> list[DayReport]:
    """Finished verifications started in [since, until), by local day and kiosk.

    Days are calendar days in ``timezone`` (default: this computer's). Each day also
    gets an :data:`ALL_KIOSKS` row when more than one kiosk worked that day. Time to verify is from
    the start of the session to the call.
    """
    statement = select(
        Verification.started_at, Verification.kiosk_id, Verification.status, Verification.call_at
    ).where(Verification.started_at >= since, Verification.status != Status.PENDING.value)
    if until is not None:
        statement = statement.where(Verification.started_at < until)
    if kiosk_id is not None:
        statement = statement.where(Verification.kiosk_id == kiosk_id)
    groups: dict[tuple[date, str], list[tuple[str, float | None]]] = defaultdict(list)
    for started_at, kiosk, status, call_at in session.execute(statement):
        day = started_at.astimezone(timezone).date()
        took = (call_at - started_at).total_seconds() if call_at and status == "verified" else None
        groups[(day, kiosk)].append((status, took))
        groups[(day, ALL_KIOSKS)].append((status, took))
    reports = []
    for (day, kiosk), rows in sorted(groups.items()):
        if kiosk == ALL_KIOSKS and sum(1 for d, k in groups if d == day) <= 2:
            continue  # one kiosk that day: its row says it all
        reports.append(_summarise(day, kiosk, rows))
    return reports


def _summarise(day: date, kiosk: str, rows: list[tuple[str, float | None]]) -> DayReport:
    counts: defaultdict[str, int] = defaultdict(int)
    for status, _took in rows:
        counts[status] += 1
    times = [took for _status, took in rows if took is not None]
    return DayReport(
        day=day,
        kiosk_id=kiosk,
        total=len(rows),
        verified=counts[Status.VERIFIED.value],
        expired=counts[Status.EXPIRED.value],
        cancelled=counts[Status.CANCELLED.value],
        median_seconds_to_verify=statistics.median(times) if times else None,
    )
