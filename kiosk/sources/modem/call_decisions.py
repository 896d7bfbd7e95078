"""What the call tracker tells the modem source to do, as plain values.

The tracker (:mod:`kiosk.sources.modem.call_tracker`) never touches the port: each line
it hears and each wait that ends gives a list of these decisions, which the call handler
(:mod:`kiosk.sources.modem.call_handler`) carries out at once. Calls are named by their
``call_id``, the id their :class:`~kiosk.domain.events.CallEvent` carries.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.events import CallEvent


@dataclass(frozen=True, slots=True)
class HangUp:
    """Drop the ringing call now, then tell the tracker it was tried (``hung_up``).

    ``call_id`` is None for a call the modem says got connected, which is not tracked.
    """

    call_id: str | None


@dataclass(frozen=True, slots=True)
class AskCurrentCalls:
    """Ask ``AT+CLCC`` who is calling and give the tracker the entries (``current_calls``).

    ``line`` is the ring line the call is reported with.
    """

    call_id: str
    line: str


@dataclass(frozen=True, slots=True)
class ReportCall:
    """A call to report, with its caller, or withheld (``event.caller`` is None)."""

    event: CallEvent


@dataclass(frozen=True, slots=True)
class CallsNotEnding:
    """Hang-ups do not stop a call: staff must restart the modem by hand."""


@dataclass(frozen=True, slots=True)
class CallsEndingAgain:
    """A call that would not stop is over at last: the modem is fine again."""


Decision = HangUp | AskCurrentCalls | ReportCall | CallsNotEnding | CallsEndingAgain
