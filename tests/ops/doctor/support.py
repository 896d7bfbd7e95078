"""Helpers shared by the doctor's tests."""

from __future__ import annotations

from kiosk.ops.doctor import DoctorReport, Verdict

DIAL = "+918000000001"


def statuses(report: DoctorReport) -> dict[str, Verdict]:
    return {check.key: check.status for check in report.checks}
