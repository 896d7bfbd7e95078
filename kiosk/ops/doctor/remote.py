"""Checks that talk to servers: provider accounts, the callback URL, the clock against theirs."""

from __future__ import annotations

import asyncio
import socket
import ssl
import subprocess
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import httpx

from kiosk.config.settings import Settings
from kiosk.delivery.test_event import TEST_EVENT, test_event_body, test_event_headers
from kiosk.domain.clock import Clock
from kiosk.domain.phone import InvalidPhoneNumber
from kiosk.domain.reasons import Why
from kiosk.ops.doctor.report import Check, Verdict
from kiosk.sources.provider.base import ProviderError
from kiosk.sources.provider.factory import ProviderSetupError, provider_adapter
from kiosk.sources.provider.reasons import ProviderReason

#: Clock difference (seconds) worth a warning; from here on signed results are refused,
#: since Standard Webhooks receivers accept timestamps within five minutes.
CLOCK_WARN_SECONDS = 10.0
CLOCK_FAIL_SECONDS = 300.0
PROVIDER_TIMEOUT = 10.0


@dataclass
class ServerDates:
    """``Date`` headers seen in answers, with our own time when each arrived."""

    seen: list[tuple[str, datetime, datetime]] = field(default_factory=list)

    def hook(self, who: str, clock: Clock) -> Callable[[httpx.Response], Awaitable[None]]:
        async def record(response: httpx.Response) -> None:
            value = response.headers.get("date")
            if not value:
                return
            try:
                theirs = parsedate_to_datetime(value)
            except (TypeError, ValueError):
                return
            if theirs.tzinfo is None:
                theirs = theirs.replace(tzinfo=UTC)
            self.seen.append((who, clock.now(), theirs))

        return record


async def check_providers(settings: Settings, dates: ServerDates, clock: Clock) -> list[Check]:
    """One cheap authenticated request per configured provider (its recent call log)."""
    names = [name for name in settings.sources if name != "modem"]
    return [await _check_provider(settings, name, dates, clock) for name in names]


async def _check_provider(settings: Settings, name: str, dates: ServerDates, clock: Clock) -> Check:
    key, title = f"provider_{name}", f"{name.capitalize()} account"
    try:
        adapter = provider_adapter(settings, name)
    except (ProviderSetupError, InvalidPhoneNumber, ValueError) as exc:
        return Check(key, title, Verdict.FAIL, str(exc), "Add the missing setting and try again.")
    hooks = {"response": [dates.hook(f"{name.capitalize()} server", clock)]}
    async with httpx.AsyncClient(timeout=PROVIDER_TIMEOUT, event_hooks=hooks) as client:
        try:
            await adapter.fetch(client, clock.now() - timedelta(minutes=5))
        except ProviderError as exc:
            return Check(key, title, Verdict.FAIL, str(exc), _provider_action(name, exc.why))
    return Check(key, title, Verdict.OK, f"{name.capitalize()} accepted the credentials.")


#: A provider's answers that mean the account ID or token in the settings is wrong.
_WRONG_ACCOUNT = frozenset(
    {ProviderReason.REFUSED, ProviderReason.TWILIO_REFUSED, ProviderReason.TWILIO_NO_ACCOUNT}
)


def _provider_action(name: str, problem: Why) -> str:
    if problem.reason in _WRONG_ACCOUNT:
        return (
            f"Copy the account ID and token again from the {name} console into the settings "
            f"(KIOSK_{name.upper().replace('-', '_')}_…)."
        )
    return f"Check the internet connection and the {name} settings; try again in a minute."


# -------------------------------------------------------------------- callback


def callback_test_body(settings: Settings, now: datetime) -> str:
    """The signed ``verification.test`` event: no customer, only which kiosk asks."""
    return test_event_body(
        settings.kiosk_id,
        now,
        "Connection test from missedcall-kiosk doctor; no customer involved.",
    )


async def check_callback(settings: Settings, dates: ServerDates, clock: Clock) -> Check:
    """Post a signed test event to the callback URL and explain the answer."""
    title = "Callback URL"
    url = settings.callback_url
    if not url:
        return Check(
            "callback",
            title,
            Verdict.WARN,
            "No callback URL is set: results are kept on this kiosk and never sent.",
            "Set callback_url and callback_secret (ask the merchant backend's team for them).",
        )
    if settings.callback_secret is None:
        return Check(
            "callback",
            title,
            Verdict.FAIL,
            "No callback secret is set: results cannot be signed, so none are sent.",
            "Set callback_secret (whsec_…) to the secret the backend's team gave you.",
        )
    now = clock.now()
    body = callback_test_body(settings, now)
    headers = test_event_headers(settings.callback_secret.get_secret_value(), now, body)
    host = httpx.URL(url).host
    hooks = {"response": [dates.hook("backend", clock)]}
    async with httpx.AsyncClient(timeout=settings.callback_timeout, event_hooks=hooks) as client:
        try:
            response = await client.post(url, content=body.encode(), headers=headers)
        except httpx.TimeoutException:
            return Check(
                "callback",
                title,
                Verdict.FAIL,
                f"No answer from {host} within {settings.callback_timeout:g} s.",
                "The backend is down or very slow, or a firewall drops the traffic; "
                "ask the backend's team. Results wait on the kiosk until it answers.",
            )
        except httpx.HTTPError as exc:
            return _unreachable(host, exc)
    return _callback_answer(host, response)


def _unreachable(host: str, exc: httpx.HTTPError) -> Check:
    cause: BaseException | None = exc
    while cause is not None and not isinstance(
        cause, ConnectionRefusedError | socket.gaierror | ssl.SSLError
    ):
        cause = cause.__cause__ or cause.__context__
    if isinstance(cause, ConnectionRefusedError):
        message = f"{host} refused the connection: nothing listens at that address and port."
        action = "Check the port in callback_url, and that the backend is running."
    elif isinstance(cause, socket.gaierror):
        message = f"The name {host} cannot be found."
        action = "Check the spelling of callback_url and that this kiosk is online."
    elif isinstance(cause, ssl.SSLError):
        message = f"A secure connection to {host} failed (certificate problem)."
        action = "Check the kiosk's date and time; ask the backend's team about its certificate."
    else:
        message = f"Cannot reach {host} ({type(exc).__name__})."
        action = "Check that this kiosk is online and callback_url is right."
    return Check("callback", "Callback URL", Verdict.FAIL, message, action)


def _callback_answer(host: str, response: httpx.Response) -> Check:
    code = response.status_code
    title = "Callback URL"
    if response.is_success:
        return Check(
            "callback", title, Verdict.OK, f"{host} accepted a signed test event (HTTP {code})."
        )
    if code in (401, 403):
        return Check(
            "callback",
            title,
            Verdict.FAIL,
            f"{host} refused the signature (HTTP {code}): the secrets do not match.",
            "Copy callback_secret again exactly as the backend's team gave it (whsec_…), "
            "and check this kiosk's clock.",
        )
    if code in (404, 405, 410):
        return Check(
            "callback",
            title,
            Verdict.FAIL,
            f"{host} has no callback at this address (HTTP {code}).",
            "Check the path in callback_url with the backend's team.",
        )
    if 300 <= code < 400:
        target = response.headers.get("location", "another address")
        return Check(
            "callback",
            title,
            Verdict.FAIL,
            f"{host} redirects to {target} (HTTP {code}); results would not arrive.",
            "Put the final address (often https://…) in callback_url.",
        )
    if code >= 500:
        return Check(
            "callback",
            title,
            Verdict.FAIL,
            f"{host} has a problem of its own (HTTP {code}).",
            "Tell the backend's team. Results wait on the kiosk and are sent when it recovers.",
        )
    return Check(
        "callback",
        title,
        Verdict.WARN,
        f"{host} is reachable but turned the test event down (HTTP {code}).",
        f"Ask the backend's team to answer 2xx to '{TEST_EVENT}' events.",
    )


# ----------------------------------------------------------------------- clock


async def check_clock(dates: ServerDates) -> Check:
    """Compare our clock with a server's ``Date``; else ask the system about network time."""
    if dates.seen:
        who, ours, theirs = dates.seen[0]
        # Date has whole seconds: the server's time was up to a second later than it says.
        skew = (ours - theirs).total_seconds() - 0.5
        if abs(skew) < CLOCK_WARN_SECONDS:
            return Check("clock", "Clock", Verdict.OK, f"In step with the {who}'s clock.")
        side = "ahead of" if skew > 0 else "behind"
        text = f"This kiosk's clock is {abs(skew):.0f} s {side} the {who}'s."
        action = "Turn on network time: sudo timedatectl set-ntp true"
        if abs(skew) >= CLOCK_FAIL_SECONDS:
            return Check(
                "clock", "Clock", Verdict.FAIL, text + " Signed results will be refused.", action
            )
        return Check("clock", "Clock", Verdict.WARN, text, action)
    synced = await asyncio.to_thread(_ntp_synchronised)
    if synced is None:
        return Check("clock", "Clock", Verdict.SKIPPED, "No server to compare the clock with.")
    if synced:
        return Check("clock", "Clock", Verdict.OK, "The system keeps it in step with network time.")
    return Check(
        "clock",
        "Clock",
        Verdict.WARN,
        "The system clock is not synchronised with network time.",
        "Turn on network time: sudo timedatectl set-ntp true",
    )


def _ntp_synchronised() -> bool | None:
    try:
        answer = subprocess.run(
            ["timedatectl", "show", "--property=NTPSynchronized", "--value"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return {"yes": True, "no": False}.get(answer)
