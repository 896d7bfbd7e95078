"""The contract between call sources and the service: events in, health out."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from kiosk.domain.events import CallEvent
from kiosk.domain.health import SourceStatus


class CallSink(Protocol):
    """What a source reports to (the verification service)."""

    async def call_heard(self, event: CallEvent) -> None:
        """Take one incoming call."""
        ...

    def source_status(self, status: SourceStatus) -> None:
        """Take a change in the source's health."""
        ...

    def listening_since(self) -> datetime | None:
        """When the oldest session still worth hearing calls for started; None when idle.

        That covers pending sessions and, for a short while, ones that just ended (a
        call a provider lists late is recorded). Polling sources ask for calls since
        then, and make no requests while this is None.
        """
        ...

    def sessions_pending(self) -> bool:
        """True while a session waits for its call: poll briskly.

        False while only recently ended sessions are listened for: poll now and then.
        """
        ...

    async def wait_until_listening(self) -> None:
        """Return as soon as :meth:`listening_since` is not None."""
        ...


class CallSource(Protocol):
    """Anything that listens for incoming calls and reports them to a sink."""

    name: str

    async def run(self, sink: CallSink) -> None:
        """Listen until cancelled, reporting calls and health changes to ``sink``.

        Faults (port missing, provider down) are reported as status and retried;
        ``run`` only returns or raises when cancelled.
        """
        ...


class SmsSender(Protocol):
    """A source that can also send a text message (a modem), for the SMS-code fallback."""

    @property
    def sms_available(self) -> bool:
        """True while a message can be sent right now."""
        ...

    async def send_sms(self, number: str, text: str) -> None:
        """Send ``text`` to ``number``; raise :class:`~kiosk.sources.modem.errors.ModemError`.

        Its ``why`` says why the message was not sent.
        """
        ...
