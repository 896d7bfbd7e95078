"""The call event every call source yields, whatever it listens to (modem, provider, simulator)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class CallEvent:
    """One incoming call as a source heard it.

    ``caller_raw`` is the number exactly as received ("" when none was given);
    ``caller`` is the same number in E.164, or ``None`` when the caller withheld it, it
    could not be understood, or it never came: ``caller_unknown`` says the last (a ring
    cut short, a modem that restarted, before any number came), so nobody asks the
    customer to show a number they may well show. ``call_id`` lets a source say that
    two events are the same call; the service records the first and ignores repeats.
    ``tolerance`` is how many seconds the source's clock may differ from ours
    (providers' timestamps, often whole seconds); the session window is widened by it.
    ``rejected`` says whether the source dropped the call itself (None where it cannot
    tell).
    """

    caller_raw: str
    caller: str | None
    at: datetime
    source: str
    dialed: str | None = None
    call_id: str | None = None
    raw: str = ""
    tolerance: float = 0.0
    rejected: bool | None = None
    caller_unknown: bool = False

    @property
    def withheld(self) -> bool:
        """True when the call carried no usable caller number (and one was to be had)."""
        return self.caller is None and not self.caller_unknown
