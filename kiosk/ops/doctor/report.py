"""The doctor's findings: one :class:`Check` per item, gathered in a :class:`DoctorReport`."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from kiosk.domain.clock import isoformat_utc


class Verdict(StrEnum):
    """The outcome of one check."""

    OK = "ok"
    WARN = "warn"
    FAIL = "fail"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the checklist: what was checked, how it went, and what to do."""

    key: str
    title: str
    status: Verdict
    message: str
    action: str | None = None


@dataclass(frozen=True, slots=True)
class DoctorReport:
    """Every check, in checklist order."""

    checks: list[Check]
    checked_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def ok(self) -> bool:
        """True when nothing failed (warnings and skipped checks are fine)."""
        return not self.count(Verdict.FAIL)

    def count(self, status: Verdict) -> int:
        """How many checks ended with ``status``."""
        return sum(check.status is status for check in self.checks)

    def check(self, key: str) -> Check:
        """The check called ``key``."""
        return next(check for check in self.checks if check.key == key)

    @property
    def summary(self) -> str:
        """One sentence: how many problems and warnings."""
        fails, warns = self.count(Verdict.FAIL), self.count(Verdict.WARN)
        if not fails and not warns:
            return "Everything checked is in order."
        parts = []
        if fails:
            parts.append(f"{fails} problem{'s' if fails > 1 else ''} to fix")
        if warns:
            parts.append(f"{warns} warning{'s' if warns > 1 else ''}")
        return " and ".join(parts).capitalize() + "."

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (what ``doctor --json`` prints)."""
        return {
            "ok": self.ok,
            "summary": self.summary,
            "checked_at": isoformat_utc(self.checked_at),
            "checks": [asdict(check) for check in self.checks],
        }

    def to_json(self) -> str:
        """The report as indented JSON."""
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False)

    def lines(self) -> list[str]:
        """The checklist in plain words, one item per line plus what to do."""
        marks = {
            Verdict.OK: "[ OK ]",
            Verdict.WARN: "[WARN]",
            Verdict.FAIL: "[FAIL]",
            Verdict.SKIPPED: "[SKIP]",
        }
        lines = []
        for check in self.checks:
            lines.append(f"{marks[check.status]} {check.title}: {check.message}")
            if check.action and check.status in (Verdict.WARN, Verdict.FAIL):
                lines.append(f"       What to do: {check.action}")
        lines += ["", self.summary]
        return lines
