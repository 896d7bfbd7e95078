"""``verify --sms``: send a one-time code by SMS and take the code the customer reads out.

Staff type the code on standard input (one per line); a missed call still counts
meanwhile. Each try gets an answer in plain words on standard error.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator
from typing import TextIO

from kiosk.core.service import SmsNotSent, VerificationService
from kiosk.domain.health import SourceStatus
from kiosk.domain.phone import last_digits
from kiosk.domain.session import VerificationSession
from kiosk.domain.sms_code import CodeCheck

#: Seconds to wait for the modem to be ready before giving up on SMS.
_READY_WAIT = 30.0

ANSWERS = {
    CodeCheck.ACCEPTED: "Code accepted.",
    CodeCheck.WRONG: "Wrong code. {left} tries left.",
    CodeCheck.EXPIRED: "The code has expired. Send a new one or ask the customer to call.",
    CodeCheck.TOO_MANY_TRIES: "Too many wrong codes. Send a new one or ask the customer to call.",
    CodeCheck.NO_CODE: "No code is waiting for this verification.",
}


async def send_code(
    service: VerificationService, session: VerificationSession, err: TextIO
) -> bool:
    """Wait for the modem, send the code; False (with the reason printed) if it failed."""
    await _modem_ready(service)
    try:
        await service.send_sms_code(session.id)
    except SmsNotSent as exc:
        print(str(exc), file=err, flush=True)
        return False
    print(
        f"Code sent by SMS to the phone ending {last_digits(session.expected_number)}. "
        "Type the code the customer reads out, then Enter.",
        file=err,
        flush=True,
    )
    return True


async def take_codes(service: VerificationService, session_id: str, err: TextIO) -> None:
    """Check every line typed on standard input until the session is verified."""
    async for line in _stdin_lines():
        code = line.strip()
        if not code:
            continue
        result, left = await service.check_sms_code(session_id, code)
        print(ANSWERS[result].format(left=left), file=err, flush=True)
        if result is CodeCheck.ACCEPTED:
            return


async def _modem_ready(service: VerificationService) -> None:
    ready = asyncio.Event()

    def watch(notice: object) -> None:
        if isinstance(notice, SourceStatus) and service.sms_available:
            ready.set()

    unsubscribe = service.notices.subscribe(watch)
    try:
        if not service.sms_available:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(_READY_WAIT):
                    await ready.wait()
    finally:
        unsubscribe()


async def _stdin_lines() -> AsyncIterator[str]:
    """Lines of standard input without blocking the loop (a pipe or a terminal)."""
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    try:
        transport, _ = await loop.connect_read_pipe(
            lambda: asyncio.StreamReaderProtocol(reader), sys.stdin
        )
    except ValueError:  # a regular file: read it at once
        for line in sys.stdin.read().splitlines():
            yield line
        return
    try:
        while line := await reader.readline():
            yield line.decode(errors="replace")
    finally:
        transport.close()
