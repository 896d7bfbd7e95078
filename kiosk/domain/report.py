"""One line of the verification report: a kiosk's finished verifications on one day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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
