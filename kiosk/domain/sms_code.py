"""One-time codes sent by SMS when a customer cannot place the missed call.

Pure rules, no I/O: a code is 6 random digits (``secrets``), kept only as a salted
hash, valid for a short time, good for one use, and refused after a few wrong tries.
The text of the message is plain GSM-alphabet ASCII so every phone shows it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

CODE_DIGITS = 6
#: How long a code stays valid once sent.
CODE_LIFETIME = timedelta(minutes=5)
#: Wrong codes accepted before the code is void (a new one can be sent).
MAX_ATTEMPTS = 5
#: Codes that may be sent for one verification.
MAX_SENDS = 3


class CodeCheck(StrEnum):
    """What a typed code meant."""

    ACCEPTED = "accepted"
    WRONG = "wrong"
    EXPIRED = "expired"
    TOO_MANY_TRIES = "too_many_tries"
    NO_CODE = "no_code"


@dataclass
class IssuedCode:
    """A code sent for a verification: its hash, lifetime, tries and whether it was used."""

    verification_id: str
    code_hash: str
    sent_at: datetime
    expires_at: datetime
    attempts: int = 0
    used_at: datetime | None = None

    def check(self, given: str, now: datetime) -> CodeCheck:
        """Check ``given`` (spaces ignored) and count the try; a match is used up."""
        if self.used_at is not None:
            return CodeCheck.NO_CODE
        if now >= self.expires_at:
            return CodeCheck.EXPIRED
        if self.attempts >= MAX_ATTEMPTS:
            return CodeCheck.TOO_MANY_TRIES
        self.attempts += 1
        if _matches(self.code_hash, "".join(given.split())):
            self.used_at = now
            return CodeCheck.ACCEPTED
        return CodeCheck.TOO_MANY_TRIES if self.attempts >= MAX_ATTEMPTS else CodeCheck.WRONG

    @property
    def attempts_left(self) -> int:
        """Tries left before the code is void."""
        return max(MAX_ATTEMPTS - self.attempts, 0)


def issue_code(verification_id: str, now: datetime) -> tuple[str, IssuedCode]:
    """A new random code (to send) and what is kept of it (its salted hash)."""
    code = "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))
    salt = secrets.token_hex(8)
    issued = IssuedCode(
        verification_id=verification_id,
        code_hash=f"{salt}${_digest(salt, code)}",
        sent_at=now,
        expires_at=now + CODE_LIFETIME,
    )
    return code, issued


def message_text(code: str, reference: str | None) -> str:
    """The SMS: the code, what it is for, how long it lasts, and not to share it."""
    minutes = int(CODE_LIFETIME.total_seconds() // 60)
    purpose = f" for {reference}" if reference else ""
    return (
        f"Your verification code{purpose} is {code}. It expires in {minutes} minutes. "
        "Show it only to the staff in front of you."
    )


def _digest(salt: str, code: str) -> str:
    return hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()


def _matches(code_hash: str, given: str) -> bool:
    salt, _, digest = code_hash.partition("$")
    return hmac.compare_digest(digest, _digest(salt, given))
