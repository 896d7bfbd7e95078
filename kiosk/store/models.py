"""SQLAlchemy models: customers, verifications, every call heard, and the callback outbox.

Phone numbers are stored in E.164; times are timezone-aware UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from kiosk.domain.search import name_key, reference_key

#: Search keys compare byte by byte on PostgreSQL too, so prefix ranges use the index.
SEARCH_KEY = String(200).with_variant(String(200, collation="C"), "postgresql")


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp that always comes back timezone-aware in UTC (SQLite forgets zones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Store in UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use timezone-aware UTC times")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Read back as aware UTC."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base for every table."""

    type_annotation_map = {datetime: UTCDateTime}  # noqa: RUF012


class Customer(Base):
    """A person whose phone number can be verified, found by reference, phone or name."""

    __tablename__ = "customers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(20), index=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    reference_key: Mapped[str] = mapped_column(String(64), unique=True)
    name_key: Mapped[str] = mapped_column(SEARCH_KEY, index=True)

    @validates("reference")
    def _keep_reference_key(self, _key: str, value: str) -> str:
        self.reference_key = reference_key(value)
        return value

    @validates("name")
    def _keep_name_key(self, _key: str, value: str) -> str:
        self.name_key = name_key(value)
        return value


class Verification(Base):
    """One verification session and its outcome."""

    __tablename__ = "verifications"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"))
    reference: Mapped[str | None] = mapped_column(String(64))
    customer_name: Mapped[str | None] = mapped_column(String(200))
    expected_number: Mapped[str] = mapped_column(String(20))
    dialed_number: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(16), index=True)
    started_at: Mapped[datetime] = mapped_column(index=True)
    expires_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]
    call_at: Mapped[datetime | None]
    caller_number: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str | None] = mapped_column(String(32))
    unmatched_calls: Mapped[int] = mapped_column(Integer, default=0)
    kiosk_id: Mapped[str] = mapped_column(String(64))
    method: Mapped[str] = mapped_column(String(16), default="missed_call")


class CallRecord(Base):
    """Every call a source heard, matched or not, with the raw line or record."""

    __tablename__ = "calls"
    __table_args__ = (Index("ix_calls_source_call_id", "source", "source_call_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    verification_id: Mapped[str | None] = mapped_column(ForeignKey("verifications.id"), index=True)
    caller_raw: Mapped[str] = mapped_column(String(64))
    caller_number: Mapped[str | None] = mapped_column(String(20))
    dialed_number: Mapped[str | None] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(index=True)
    source: Mapped[str] = mapped_column(String(32))
    source_call_id: Mapped[str | None] = mapped_column(String(128))
    outcome: Mapped[str] = mapped_column(String(16))
    raw: Mapped[str] = mapped_column(Text, default="")
    kiosk_id: Mapped[str] = mapped_column(String(64))

    verification: Mapped[Verification | None] = relationship()


class OutboxMessage(Base):
    """A signed callback waiting for the merchant backend to acknowledge it.

    ``id`` is the Standard Webhooks ``webhook-id``: the same on every retry. ``payload``
    is the exact JSON body, so every retry sends the same bytes.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "delivered_at", "next_attempt_at"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    verification_id: Mapped[str | None] = mapped_column(ForeignKey("verifications.id"))
    event_type: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None]
    kiosk_id: Mapped[str] = mapped_column(String(64))
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_until: Mapped[datetime | None]

    verification: Mapped[Verification | None] = relationship()


class SmsCode(Base):
    """A one-time code sent by SMS for a verification; only its hash is kept."""

    __tablename__ = "sms_codes"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    verification_id: Mapped[str] = mapped_column(ForeignKey("verifications.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(128))
    sent_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    used_at: Mapped[datetime | None]
    kiosk_id: Mapped[str] = mapped_column(String(64))

    verification: Mapped[Verification] = relationship()


class CustomerImport(Base):
    """One import of a customer file: how far it got, so a killed import resumes."""

    __tablename__ = "customer_imports"
    __table_args__ = (Index("ix_customer_imports_file", "file_sha256", "finished_at"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str] = mapped_column(String(64))
    settings: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    last_line: Mapped[int] = mapped_column(Integer, default=0)
    added: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    kiosk_id: Mapped[str] = mapped_column(String(64))


class StaffLockState(Base):
    """Wrong staff PINs in a row on one kiosk, and until when its pad waits."""

    __tablename__ = "staff_lock"

    kiosk_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class StaffPinEvent(Base):
    """The staff-PIN log: every wrong PIN, every lock, a right PIN after wrong ones."""

    __tablename__ = "staff_pin_events"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    kiosk_id: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(32))
    purpose: Mapped[str] = mapped_column(String(16))
    failures: Mapped[int] = mapped_column(Integer)
    lock_seconds: Mapped[int | None] = mapped_column(Integer)


class SyncState(Base):
    """Where the pull of customers from the merchant backend stands (cursor, ETag, health)."""

    __tablename__ = "sync_state"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    cursor: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(Text)
    last_success_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime]


class NotificationKey(Base):
    """A provider notification already taken (its one-time key): a replay changes nothing."""

    __tablename__ = "notification_keys"

    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(index=True)
