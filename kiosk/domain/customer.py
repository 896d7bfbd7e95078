"""A customer as the front-ends see one: who, which reference, which phone (E.164)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CustomerSummary:
    """What a lookup returns and what a session is started for."""

    id: str
    reference: str
    name: str
    phone: str
