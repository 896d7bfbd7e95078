"""Which pending session a heard call belongs to (pure; the service applies the result)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from kiosk.domain.events import CallEvent
from kiosk.domain.session import CallOutcome, VerificationSession


@dataclass
class CallRouting:
    """The decision for one call: the session it verifies, or the sessions it is a hint for."""

    outcome: CallOutcome
    verifies: VerificationSession | None = None
    hints: list[VerificationSession] = field(default_factory=list)


def route_call(sessions: Iterable[VerificationSession], call: CallEvent) -> CallRouting:
    """Decide what ``call`` means for the open ``sessions``.

    A call verifies the oldest pending session whose expected number equals the
    caller and whose window contains the call time. A withheld (or unknown) caller
    never verifies. Any other call inside a window is counted as unmatched by every
    pending session it could have been meant for (same dialed number, or unknown).
    """
    sessions = list(sessions)
    candidates = [
        s
        for s in sessions
        if s.pending
        and s.in_window(call.at, timedelta(seconds=call.tolerance))
        and (call.dialed is None or s.dialed_number is None or s.dialed_number == call.dialed)
    ]
    if not candidates:
        has_pending = any(s.pending for s in sessions)
        return CallRouting(CallOutcome.OUTSIDE_WINDOW if has_pending else CallOutcome.NO_SESSION)
    if call.caller is not None:
        same_number = [s for s in candidates if s.expected_number == call.caller]
        if same_number:
            oldest = min(same_number, key=lambda s: s.started_at)
            return CallRouting(CallOutcome.MATCHED, verifies=oldest)
    if call.caller_unknown:
        outcome = CallOutcome.UNKNOWN_CALLER
    else:
        outcome = CallOutcome.WITHHELD if call.caller is None else CallOutcome.UNMATCHED
    return CallRouting(outcome, hints=candidates)
