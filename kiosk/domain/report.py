"""One line of the verification report: a kiosk's finished verifications on one day.

Also the days of a period as a chart draws them, and the success rate over a period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

#: The ``kiosk_id`` of a day's total over every kiosk.
ALL_KIOSKS = "all kiosks"


@dataclass(frozen=True, slots=True)
class DayReport:
    """One kiosk's finished verifications on one day (or :data:`ALL_KIOSKS`)."""

    day: date
    kiosk_id: str
    total: int
    verified: int
    expired: int
    cancelled: int
    median_seconds_to_verify: float | None

    @property
    def success_rate(self) -> float | None:
        """Verified over finished, 0 to 1 (None on a day with none)."""
        return self.verified / self.total if self.total else None


def daily_totals(rows: Sequence[DayReport], first: date, last: date) -> list[DayReport]:
    """One :data:`ALL_KIOSKS` row per day from ``first`` to ``last``, oldest first.

    Days without verifications count zero, so a chart's days are evenly spaced. A day
    that several kiosks worked already has its total row; a day one kiosk worked has
    only that kiosk's row.
    """
    by_day: dict[date, DayReport] = {}
    for row in rows:
        if row.kiosk_id == ALL_KIOSKS or row.day not in by_day:
            by_day[row.day] = replace(row, kiosk_id=ALL_KIOSKS)
    days = []
    day = min([first, *by_day])
    while day <= last:
        days.append(by_day.get(day) or DayReport(day, ALL_KIOSKS, 0, 0, 0, 0, None))
        day += timedelta(days=1)
    return days


def success_rate(days: Sequence[DayReport]) -> float | None:
    """Verified over finished across ``days``, 0 to 1 (None when there were none)."""
    total = sum(day.total for day in days)
    return sum(day.verified for day in days) / total if total else None
