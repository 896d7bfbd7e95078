"""Read-only queries for the history screen: past verifications, newest first, filtered."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kiosk.store.models import Verification


def recent_verifications(
    session: Session,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    status: str | None = None,
    text: str | None = None,
    limit: int = 500,
) -> Sequence[Verification]:
    """Verifications newest first, optionally from ``since`` to ``until``, by status or text.

    ``text`` matches the start of the reference or the customer's name, or the end of
    the expected number (staff know "the phone ending 3210").
    """
    statement = select(Verification).order_by(Verification.started_at.desc()).limit(limit)
    if since is not None:
        statement = statement.where(Verification.started_at >= since)
    if until is not None:
        statement = statement.where(Verification.started_at < until)
    if status:
        statement = statement.where(Verification.status == status)
    if text and text.strip():
        needle = text.strip()
        digits = needle.replace(" ", "").lstrip("+")
        conditions = [
            Verification.reference.istartswith(needle, autoescape=True),
            Verification.customer_name.istartswith(needle, autoescape=True),
        ]
        if digits.isdigit():
            conditions.append(Verification.expected_number.endswith(digits, autoescape=True))
        statement = statement.where(or_(*conditions))
    return list(session.scalars(statement))
