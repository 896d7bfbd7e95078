"""One-time SMS codes in the database: only their hashes, tries and use are stored."""

from __future__ import annotations

from dataclasses import asdict, fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.domain.sms_code import IssuedCode
from kiosk.store.models import SmsCode


def add_code(session: Session, issued: IssuedCode, *, kiosk_id: str) -> None:
    """Keep a newly sent code (its hash)."""
    session.add(SmsCode(**asdict(issued), kiosk_id=kiosk_id))


def latest_code(session: Session, verification_id: str) -> tuple[int, IssuedCode] | None:
    """The last code sent for a verification, with its row id (to save tries)."""
    row = session.scalars(
        select(SmsCode)
        .where(SmsCode.verification_id == verification_id)
        .order_by(SmsCode.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return row.id, IssuedCode(**{f.name: getattr(row, f.name) for f in fields(IssuedCode)})


def save_tries(session: Session, row_id: int, issued: IssuedCode) -> None:
    """Store the tries and use of a code after a check."""
    row = session.get(SmsCode, row_id)
    if row is not None:
        row.attempts = issued.attempts
        row.used_at = issued.used_at


def codes_sent(session: Session, verification_id: str) -> int:
    """How many codes were sent for a verification."""
    statement = select(func.count()).where(SmsCode.verification_id == verification_id)
    return int(session.scalar(statement) or 0)
