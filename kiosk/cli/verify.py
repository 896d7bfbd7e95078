"""The ``verify`` command: one verification without a screen, on the same core as the GUI."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import sys
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TextIO

from kiosk.cli.common import EXIT_ERROR, with_settings
from kiosk.cli.sms_fallback import send_code, take_codes
from kiosk.config.settings import Settings
from kiosk.core.runtime import KioskRuntime
from kiosk.core.service import CustomerNotFound, VerificationService
from kiosk.delivery.payload import message_id, verification_data
from kiosk.domain.customer import ControlCharacters
from kiosk.domain.phone import InvalidPhoneNumber, format_international, last_digits, mask
from kiosk.domain.reasons import Why
from kiosk.domain.session import Status, VerificationSession

EXIT_VERIFIED = 0
EXIT_NOT_VERIFIED = 1

NO_MODEM = (
    "No modem is configured: give --modem-port (or KIOSK_MODEM_PORT, or modem_port in "
    "the config file), or a provider with --source. To try it with a simulated modem, "
    "add --demo."
)


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``verify``."""
    verify = commands.add_parser(
        "verify", parents=[common], help="one verification without a screen"
    )
    who = verify.add_mutually_exclusive_group(required=True)
    who.add_argument("--reference", help="order or member reference of the customer")
    who.add_argument("--phone", help="phone number to verify (any format)")
    verify.add_argument("--json", action="store_true", help="print the result as JSON")
    verify.add_argument(
        "--sms",
        action="store_true",
        help="also send a one-time code by SMS and read the code typed on standard input",
    )
    verify.set_defaults(handler=with_settings(_handle))


def _handle(options: argparse.Namespace, settings: Settings) -> int:
    return run_verify(
        settings,
        reference=options.reference,
        phone=options.phone,
        as_json=options.json,
        sms=options.sms,
    )


def run_verify(
    settings: Settings,
    *,
    reference: str | None,
    phone: str | None,
    as_json: bool,
    sms: bool = False,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """One verification without a screen; returns the process exit status.

    With ``sms``, a one-time code also goes out by SMS and is read from standard input.
    """
    if bool(reference) == bool(phone):
        print("Give exactly one of --reference or --phone.", file=err)
        return EXIT_ERROR
    if "modem" in settings.sources and not settings.modem_port and not settings.demo:
        print(NO_MODEM, file=err)
        return EXIT_ERROR
    return asyncio.run(_verify(settings, reference, phone, as_json, sms, out, err))


async def _verify(
    settings: Settings,
    reference: str | None,
    phone: str | None,
    as_json: bool,
    sms: bool,
    out: TextIO,
    err: TextIO,
) -> int:
    async with KioskRuntime(settings, resume_sessions=False) as runtime:
        service = runtime.service
        try:
            if reference:
                session = await service.start_for_reference(reference)
            else:
                session = await service.start_for_phone(phone or "")
        except (CustomerNotFound, InvalidPhoneNumber, ControlCharacters) as exc:
            print(str(exc), file=err)
            return EXIT_ERROR
        dial = format_international(session.dialed_number) if session.dialed_number else None
        ending = last_digits(session.expected_number)
        print(
            ("DEMO (simulated modem): " if settings.is_demo else "")
            + f"Waiting for a missed call from the phone ending {ending}"
            + (f" to {dial}" if dial else "")
            + f", for {settings.timeout:g} s.",
            file=err,
            flush=True,
        )
        with _cancel_on_signals(lambda: service.cancel(session.id)):
            codes = asyncio.create_task(_sms_fallback(service, session, err)) if sms else None
            try:
                final = await service.outcome(session.id)
            finally:
                if codes is not None:
                    codes.cancel()
                    await asyncio.gather(codes, return_exceptions=True)
        await _send_result(runtime, settings, message_id(final.id), err)
        data = verification_data(
            final, kiosk_id=settings.kiosk_id, default_source=service.source_name
        )
        if as_json:
            print(json.dumps(data, indent=2), file=out)
        else:
            who = final.reference or mask(final.expected_number)
            print(f"{final.status.value}: {who}", file=out)
        return EXIT_VERIFIED if final.status is Status.VERIFIED else EXIT_NOT_VERIFIED


async def _sms_fallback(
    service: VerificationService, session: VerificationSession, err: TextIO
) -> None:
    if await send_code(service, session, err):
        await take_codes(service, session.id, err)


@contextlib.contextmanager
def _cancel_on_signals(cancel: Callable[[], Coroutine[Any, Any, None]]) -> Iterator[None]:
    """Ctrl-C or SIGTERM while waiting cancels the session (the backend hears it)."""
    loop = asyncio.get_running_loop()
    cancelling: set[asyncio.Task[None]] = set()  # asyncio keeps only weak references

    def on_signal() -> None:
        task = loop.create_task(cancel())
        cancelling.add(task)
        task.add_done_callback(cancelling.discard)

    installed = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
            loop.add_signal_handler(signum, on_signal)
            installed.append(signum)
    try:
        yield
    finally:
        for signum in installed:
            loop.remove_signal_handler(signum)


async def _send_result(
    runtime: KioskRuntime, settings: Settings, webhook_id: str, err: TextIO
) -> None:
    """Give the backend a moment to acknowledge; the outbox keeps whatever it does not."""
    problem: Why | str | None = runtime.dispatcher.configuration_problem()
    if problem is None:
        try:
            async with asyncio.timeout(settings.callback_timeout + 5):
                await runtime.dispatcher.wait_delivered(webhook_id)
            return
        except TimeoutError:
            status = await runtime.dispatcher.status()
            problem = status.last_error or "The backend did not confirm it."
    print(
        f"The result is saved but not sent to the backend yet. {problem} "
        "It goes out on the next run (see 'missedcall-kiosk outbox').",
        file=err,
    )
