"""The headless front-end: ``verify`` and ``outbox`` on the same service as the GUI, no Qt."""

from __future__ import annotations

import asyncio
import json
import signal
import sys
from typing import Any, TextIO

import httpx

from kiosk.config import Settings
from kiosk.delivery.payload import verification_data
from kiosk.domain.clock import isoformat_utc
from kiosk.domain.phone import InvalidPhoneNumber, format_international, last_digits
from kiosk.domain.session import Status
from kiosk.runtime import KioskRuntime
from kiosk.service import CustomerNotFound
from kiosk.store import outbox

EXIT_VERIFIED = 0
EXIT_NOT_VERIFIED = 1
EXIT_ERROR = 2


def run_verify(
    settings: Settings,
    *,
    reference: str | None,
    phone: str | None,
    as_json: bool,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """One verification without a screen; returns the process exit status."""
    if bool(reference) == bool(phone):
        print("Give exactly one of --reference or --phone.", file=err)
        return EXIT_ERROR
    return asyncio.run(_verify(settings, reference, phone, as_json, out, err))


async def _verify(
    settings: Settings,
    reference: str | None,
    phone: str | None,
    as_json: bool,
    out: TextIO,
    err: TextIO,
) -> int:
    async with KioskRuntime(settings) as runtime:
        service = runtime.service
        try:
            if reference:
                session = service.start_for_reference(reference)
            else:
                session = service.start_for_phone(phone or "")
        except (CustomerNotFound, InvalidPhoneNumber) as exc:
            print(str(exc), file=err)
            return EXIT_ERROR
        dial = format_international(session.dialed_number) if session.dialed_number else None
        ending = last_digits(session.expected_number)
        print(
            f"Waiting for a missed call from the phone ending {ending}"
            + (f" to {dial}" if dial else "")
            + f", for {settings.timeout:g} s.",
            file=err,
            flush=True,
        )
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGINT, service.cancel, session.id)
        loop.add_signal_handler(signal.SIGTERM, service.cancel, session.id)
        final = await service.outcome(session.id)
        await _send_result(runtime, settings, err)
        data = verification_data(final, kiosk_id=settings.kiosk_id)
        if as_json:
            print(json.dumps(data, indent=2), file=out)
        else:
            print(f"{final.status.value}: {final.reference or final.expected_number}", file=out)
        return EXIT_VERIFIED if final.status is Status.VERIFIED else EXIT_NOT_VERIFIED


async def _send_result(runtime: KioskRuntime, settings: Settings, err: TextIO) -> None:
    """Give the backend a moment to acknowledge; the outbox keeps whatever it does not."""
    problem = runtime.dispatcher.configuration_problem()
    if problem is None:
        try:
            async with asyncio.timeout(settings.callback_timeout + 5):
                await runtime.dispatcher.drain()
            return
        except TimeoutError:
            problem = runtime.dispatcher.status().last_error
    print(
        f"The result is saved but not sent to the backend yet. {problem} "
        "It goes out on the next run (see 'missedcall-kiosk outbox').",
        file=err,
    )


def run_outbox(settings: Settings, *, action: str, as_json: bool, out: TextIO = sys.stdout) -> int:
    """List the callbacks waiting for the backend, or retry them all now."""
    return asyncio.run(_outbox(settings, action, as_json, out))


async def _outbox(settings: Settings, action: str, as_json: bool, out: TextIO) -> int:
    runtime = KioskRuntime(settings)
    runtime.database.migrate()
    try:
        if action == "retry":
            with runtime.database.session() as session:
                outbox.make_due_now(session, runtime.clock.now())
            async with httpx.AsyncClient(timeout=settings.callback_timeout) as client:
                sent = await runtime.dispatcher.deliver_due(client)
            status = runtime.dispatcher.status()
            print(f"Sent {sent}; {status.pending} still waiting.", file=out)
            if status.pending and status.last_error:
                print(f"Last problem: {status.last_error}", file=out)
            return EXIT_VERIFIED if status.pending == 0 else EXIT_NOT_VERIFIED
        with runtime.database.session() as session:
            rows = [_describe(message) for message in outbox.pending_messages(session)]
        if as_json:
            print(json.dumps(rows, indent=2), file=out)
        elif not rows:
            print("No results are waiting to be sent.", file=out)
        else:
            for row in rows:
                print(
                    f"{row['webhook_id']}  {row['status']:<9}  {row['reference'] or '-':<14}"
                    f"  tries {row['attempts']}  {row['last_error'] or ''}",
                    file=out,
                )
        return EXIT_VERIFIED
    finally:
        runtime.database.dispose()


def _describe(message: Any) -> dict[str, Any]:
    data = json.loads(message.payload).get("data", {})
    return {
        "webhook_id": message.id,
        "status": data.get("status"),
        "reference": data.get("reference"),
        "created_at": isoformat_utc(message.created_at),
        "attempts": message.attempts,
        "next_attempt_at": isoformat_utc(message.next_attempt_at),
        "last_error": message.last_error,
    }
