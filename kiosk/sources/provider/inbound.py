"""The listener for providers' call notifications: routes, authentication, the HTTP around them.

For sites where a provider can reach the kiosk (or a relay forwards to it), this small
aiohttp server takes each provider's notification and hands it to that provider's own
parser (Twilio: :mod:`~kiosk.sources.provider.twilio.webhook`, Exotel:
:func:`~kiosk.sources.provider.exotel.passthru_call`, SMS Gateway Center:
:mod:`~kiosk.sources.provider.smsgatewaycenter`), instead of polling the provider's
call log. It never accepts an unauthenticated notification: Twilio's are checked by
their signature, the others by a shared secret. It never takes one twice: each
notification's one-time key (its call id) is remembered in the database
(:class:`~kiosk.sources.provider.webhook.ReplayGuard`), and the same request sent again
answers 409 and changes nothing. A notification that carries its own call time (SMS
Gateway Center's ``createTime``) counts only inside an open session's window (422).

How a shared secret is checked, and when a call time counts, is in
:mod:`~kiosk.sources.provider.notification_checks`. Query strings are never logged.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import socket
from collections.abc import Awaitable, Callable
from zoneinfo import ZoneInfo

from aiohttp import web

from kiosk.domain.events import CallEvent
from kiosk.domain.health import SourceState, SourceStatus
from kiosk.domain.phone import DEFAULT_REGION, mask, mask_numbers_in, parse_phone
from kiosk.domain.reasons import Why
from kiosk.sources.base import CallSink
from kiosk.sources.provider import exotel, smsgatewaycenter
from kiosk.sources.provider.notification_checks import (
    SharedSecret,
    body_pairs,
    require_session_window,
)
from kiosk.sources.provider.reasons import ProviderReason
from kiosk.sources.provider.twilio import webhook as twilio
from kiosk.sources.provider.webhook import (
    BadNotification,
    KioskLine,
    Notification,
    ReplayGuard,
    parse_pairs,
)

log = logging.getLogger("kiosk.inbound")
_http_log = logging.getLogger("kiosk.inbound.http")
"""aiohttp's own server messages (bad requests), scrubbed before they are written."""

MAX_BODY = 64 * 1024
"""Larger request bodies are refused with 413."""

_MAX_RETRY_DELAY = 60.0
_SHUTDOWN_TIMEOUT = 5.0

Parser = Callable[[Notification, KioskLine], CallEvent | None]
"""A provider's reading of its notification: the call to the kiosk, or None."""


class _ScrubFilter(logging.Filter):
    """Masks numbers in aiohttp's messages and drops tracebacks that may quote a request.

    A request the server could not parse is the sender's fault, not the kiosk's, so it
    is a warning at most.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            message = f"{message} ({type(record.exc_info[1]).__name__})"
        record.msg = mask_numbers_in(message)
        record.args = None
        record.exc_info = None
        record.exc_text = None
        return True


_http_log.addFilter(_ScrubFilter())


class InboundCallListener:
    """A :class:`~kiosk.sources.base.CallSource` that serves providers' notifications.

    ``run`` binds ``host``:``port`` (0 picks a free port; see :attr:`bound_port`),
    reports READY, and serves until cancelled. A port it cannot use is reported as a
    FAULT in plain words and tried again.
    """

    name = "inbound"

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 8787,
        number: str,
        replay_guard: ReplayGuard,
        region: str = DEFAULT_REGION,
        twilio_auth_token: str | None = None,
        public_url: str | None = None,
        shared_secret: str | None = None,
        allow_query_secret: bool = False,
        timezone: str = "Asia/Kolkata",
        skew_tolerance: float = 30.0,
        retry_delay: float = 5.0,
    ) -> None:
        """Listen on ``host``:``port`` for calls to ``number`` (the kiosk's number).

        ``number`` may be written in any common form; national numbers (here and in
        notifications) are read in ``region``. ``twilio_auth_token`` checks Twilio's
        signatures; without it every Twilio post is refused. ``public_url`` is the
        exact URL configured at Twilio (as Twilio signs it), for when a relay or a
        TLS proxy forwards to the kiosk; by default the URL of the request as received
        is used. ``shared_secret`` authenticates Exotel and SMS Gateway Center (header
        ``X-Kiosk-Secret``, or query parameter ``secret`` with ``allow_query_secret``);
        without it they are refused. ``replay_guard`` remembers the notifications
        taken, so none is taken twice. ``timezone`` is the zone of Exotel's times (they
        carry no offset); ``skew_tolerance`` (seconds) widens the session window for
        provider clocks and delivery delays; ``retry_delay`` is the first wait before
        binding again.
        """
        self.host = host
        self.port = port
        self.number = parse_phone(number, region)
        self._line = KioskLine(self.number, region, ZoneInfo(timezone), skew_tolerance)
        self.public_url = public_url or None
        self.retry_delay = retry_delay
        self.bound_port: int | None = None
        self.ready = asyncio.Event()
        self._twilio_token = twilio_auth_token or None
        self._secret = SharedSecret(shared_secret, allow_query_secret) if shared_secret else None
        self._replays = replay_guard
        self._sink: CallSink | None = None
        self._last: tuple[SourceState, Why] | None = None

    def __repr__(self) -> str:
        """Where it listens and for which number; never the token or the secret."""
        return (
            f"InboundCallListener(host={self.host!r}, port={self.port!r}, "
            f"number={mask(self.number)!r}, twilio={'on' if self._twilio_token else 'off'}, "
            f"shared_secret={'set' if self._secret else 'unset'})"
        )

    @property
    def url(self) -> str | None:
        """The base URL the listener serves, once it is listening."""
        if self.bound_port is None:
            return None
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.bound_port}"

    # -- running ------------------------------------------------------------------

    async def run(self, sink: CallSink) -> None:
        """Serve notifications until cancelled, then close the port."""
        self._sink = sink
        runner: web.AppRunner | None = None
        failures = 0
        try:
            self._report(SourceState.CONNECTING, Why(ProviderReason.INBOUND_OPENING))
            while runner is None:
                runner = await self._start()
                if runner is None:
                    failures += 1
                    delay = min(self.retry_delay * 2 ** (failures - 1), _MAX_RETRY_DELAY)
                    await asyncio.sleep(delay)
            addresses = runner.addresses
            self.bound_port = int(addresses[0][1]) if addresses else self.port
            self._report(
                SourceState.READY, Why(ProviderReason.INBOUND_LISTENING, url=self.url or "")
            )
            log.info("Listening for provider notifications on %s", self.url)
            self.ready.set()
            await asyncio.get_running_loop().create_future()  # until cancelled
        finally:
            self.ready.clear()
            if runner is not None:
                await runner.cleanup()
                log.info("Stopped listening for provider notifications")
            self.bound_port = None
            self._report(SourceState.STOPPED, Why(ProviderReason.INBOUND_NOT_USED))

    async def _start(self) -> web.AppRunner | None:
        """The running server, or None (reported as a fault) when the port cannot be used."""
        runner = web.AppRunner(
            self._make_app(),
            access_log=None,  # the default access log would write query strings (secrets)
            logger=_http_log,
            shutdown_timeout=_SHUTDOWN_TIMEOUT,
        )
        try:
            await runner.setup()
            await web.TCPSite(runner, self.host, self.port).start()
        except OSError as exc:
            await runner.cleanup()
            why = self._bind_problem(exc)
            log.warning("%s", why)
            self._report(SourceState.FAULT, why)
            return None
        except BaseException:  # cancelled while starting: leave nothing open
            await runner.cleanup()
            raise
        return runner

    def _bind_problem(self, exc: OSError) -> Why:
        if isinstance(exc, socket.gaierror) or exc.errno == errno.EADDRNOTAVAIL:
            return Why(ProviderReason.INBOUND_NO_ADDRESS, host=self.host)
        if exc.errno == errno.EADDRINUSE:
            return Why(ProviderReason.INBOUND_PORT_IN_USE, port=self.port)
        if exc.errno == errno.EACCES:
            return Why(ProviderReason.INBOUND_PORT_NOT_ALLOWED, port=self.port)
        cause = exc.strerror or type(exc).__name__
        return Why(ProviderReason.INBOUND_CANNOT_LISTEN, port=self.port, cause=cause)

    def _report(self, state: SourceState, why: Why) -> None:
        if self._sink is None or self._last == (state, why):
            return
        self._last = (state, why)
        details = {"host": self.host, "port": self.bound_port or self.port}
        self._sink.source_status(SourceStatus(self.name, state, why, details))

    # -- HTTP ---------------------------------------------------------------------

    def _make_app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard], logger=_http_log)
        app.router.add_post("/twilio/voice", self._twilio)
        passthru = self._with_secret("Exotel", exotel.passthru_call)
        app.router.add_get("/exotel/passthru", passthru, allow_head=False)
        missed_call = self._with_secret(
            "SMS Gateway Center", smsgatewaycenter.missed_call, timed=True
        )
        app.router.add_get("/smsgatewaycenter/missed-call", missed_call, allow_head=False)
        app.router.add_post("/smsgatewaycenter/missed-call", missed_call)
        return app

    @web.middleware
    async def _guard(
        self,
        request: web.Request,
        handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
    ) -> web.StreamResponse:
        """Body limit, short 4xx reasons, no crash on anything unexpected, a masked log."""
        try:
            length = request.content_length
            if length is not None and length > MAX_BODY:
                raise web.HTTPRequestEntityTooLarge(
                    max_size=MAX_BODY, actual_size=length, text="The request is too large."
                )
            await request.read()  # enforces client_max_size for chunked bodies too
            response = await handler(request)
        except BadNotification as exc:
            self._log_request(request, 400, str(exc))
            raise web.HTTPBadRequest(text=str(exc)) from None
        except web.HTTPException as exc:
            self._log_request(request, exc.status, exc.text or "")
            raise
        except Exception as exc:  # a bad request must never take the listener down
            log.error(
                "Inbound %s %s failed (%s)",
                request.method,
                mask_numbers_in(request.path),
                type(exc).__name__,
            )
            raise web.HTTPInternalServerError(
                text="The notification could not be handled."
            ) from None
        self._log_request(request, response.status, "")
        return response

    def _log_request(self, request: web.Request, status: int, reason: str) -> None:
        # The path only: query strings carry the shared secret and phone numbers.
        level = logging.DEBUG if status < 400 else logging.INFO
        log.log(
            level,
            "%s %s -> %d%s",
            request.method,
            mask_numbers_in(request.path),
            status,
            f" ({mask_numbers_in(reason)})" if reason else "",
        )

    async def _twilio(self, request: web.Request) -> web.StreamResponse:
        """Twilio's voice webhook: check the signature, report the call, reject it."""
        if self._twilio_token is None:
            raise web.HTTPForbidden(
                text="Twilio notifications are refused: no Twilio auth token is configured."
            )
        if request.content_type != "application/x-www-form-urlencoded":
            raise web.HTTPUnsupportedMediaType(text="Expected a form-encoded body.")
        params = parse_pairs(await request.read(), "The form")
        signature = request.headers.get(twilio.SIGNATURE_HEADER, "")
        if not signature:
            raise web.HTTPForbidden(text="The Twilio signature is missing.")
        # The URL exactly as Twilio called it: the configured public URL, or this
        # request's own scheme, Host header and raw path with query string.
        url = self.public_url or f"{request.scheme}://{request.host}{request.raw_path}"
        if not twilio.signature_valid(self._twilio_token, url, params, signature):
            raise web.HTTPForbidden(text="The Twilio signature is wrong.")
        event = twilio.voice_call(Notification(params), self._line)
        if event is not None:
            # Even if the kiosk could not take the call, Twilio must get the <Reject/>:
            # any other answer would have Twilio answer the call (and bill the caller).
            await self._deliver(event)
        return web.Response(text=twilio.TWIML_REJECT, content_type="text/xml")

    def _with_secret(
        self, provider: str, parse: Parser, *, timed: bool = False
    ) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        """A handler for ``provider``'s notifications, authenticated by the shared secret.

        The notification is the query string plus, for a POST, a form or JSON body.
        ``timed``: it carries the call's time, which must fall inside an open session.
        Each call is taken once (409 for a replay).
        """

        async def handle(request: web.Request) -> web.StreamResponse:
            query = parse_pairs(request.rel_url.raw_query_string, "The query")
            if self._secret is None:
                raise web.HTTPForbidden(
                    text=f"{provider} notifications are refused: no shared secret is configured."
                )
            self._secret.require(request, query)
            params = [*query, *(await body_pairs(request))]
            event = parse(Notification(params), self._line)
            if event is None:
                return web.Response(status=200)
            if timed:
                since = self._sink.listening_since() if self._sink is not None else None
                require_session_window(event, since)
            key = f"{event.source}:{event.call_id}" if event.call_id else None
            if key is not None and not await self._replays.first_time(key):
                raise web.HTTPConflict(
                    text="This notification was received before; it counts once."
                )
            if not await self._deliver(event):
                if key is not None:
                    await self._replays.give_back(key)  # the provider may send it again
                raise web.HTTPInternalServerError(text="The call could not be recorded.")
            return web.Response(status=200)

        return handle

    async def _deliver(self, event: CallEvent) -> bool:
        log.info("%s: call from %s", event.source, mask(event.caller))
        if self._sink is None:
            return False
        try:
            await self._sink.call_heard(event)
        except Exception as exc:
            log.error("%s: the call could not be recorded (%s)", event.source, type(exc).__name__)
            return False
        return True
