"""Receiving providers' call notifications over HTTP: Twilio, Exotel, SMS Gateway Center.

For sites where the provider can reach the kiosk (or a relay forwards to it), this
small listener turns each provider's notification into a :class:`CallEvent`, instead
of polling the provider's call log. It never accepts an unauthenticated notification:
Twilio's are checked by their signature, the others by a shared secret.

Where each fact comes from (public documentation and code):

- [tw-sec] Twilio, "Secure webhooks",
  https://www.twilio.com/docs/usage/webhooks/webhooks-security (and the older
  https://www.twilio.com/docs/usage/security#validating-requests): Twilio signs every
  request with ``X-Twilio-Signature``: HMAC-SHA1, keyed with the account's auth token,
  over the full URL Twilio called (scheme through query string) followed, for a POST,
  by every POST parameter sorted by name ("Unix-style case-sensitive sorting order"),
  each as name then value with no delimiter; base64 of the digest.
- [tw-py] twilio-python ``twilio/request_validator.py`` (``RequestValidator``): the
  same algorithm; a name sent several times contributes each value, values sorted;
  signatures are compared in constant time; the URL is checked both with and without
  its port ("sig generation on back end is inconsistent"). Its unit test
  ``tests/unit/test_request_validator.py`` holds the documented example (token
  ``12345``, ``https://mycompany.com/myapp.php?foo=1&bar=2`` ->
  ``RSOYDt4T1cUTdK1PDd93/VVr8B8=``), which the tests here check too.
- [tw-voice] Twilio, "Voice Webhooks",
  https://www.twilio.com/docs/usage/webhooks/voice-webhooks: an incoming call is a
  form-encoded POST with ``CallSid``, ``AccountSid``, ``From``, ``To``,
  ``CallStatus``, ``Direction`` (``inbound`` for calls to our number), ...; the answer
  is TwiML. ``<Reject/>`` refuses the call without answering it, so it is free.
  Status callbacks also carry ``Timestamp`` (UTC, RFC 2822; confirmed here only
  through Telnyx's Twilio-compatible TeXML reference, so it is optional).
- [exo-pt] Exotel, "Working with Passthru Applet",
  https://support.exotel.com/support/solutions/articles/48283-working-with-passthru-applet
  (also https://docs.exotel.com/voice-apis/working-with-passthru-applet): a GET with
  the call as URL-encoded query parameters, only some of them at each stage of the
  flow: ``CallSid``, ``CallFrom`` (the caller, for an incoming call), ``CallTo`` (the
  number where the call landed), ``Direction`` (``incoming`` / ``outbound-dial``),
  ``Created``, ``StartTime`` (``YYYY-MM-DD HH:mm:ss``), ``CurrentTime``
  (``yyyy-mm-dd hh:mm:ss``), ``DialWhomNumber`` (the agent dialled, not us); older
  editions name the numbers ``From`` / ``To``. "200 OK" takes the flow's first branch.
  The same names appear in "Working with Connect applet: Dial Whom"
  (support article 3000088074), where ``Created`` is "Timestamp when the call is
  created".
- A request captured in public integration code (a Node.js Exotel connector) shows the
  shapes: ``Created: 'Tue, 16 Feb 2016 15:56:26'``, ``StartTime: '2016-02-16
  15:56:26'``, ``CallFrom: '07799828555'`` (national), ``CallTo: '8039513882'``,
  ``To: '08039513882'``; ERPNext's ``exotel_integration.py`` reads ``CallSid``,
  ``CallFrom`` and ``To`` the same way.
- [sgc] SMS Gateway Center, "2 Factor Authentication using Miss Call",
  https://www.smsgateway.center/docs/api/otp-sms/miss-call-2fa/: a verification is
  started with ``mobile`` (international, with country code), ``missCallTo`` (the
  dedicated missed-call number) and a ``callback`` URL; "the response will be
  forwarded to the provided URL" -- also when the customer never dialled (README of
  smsgatewaycenter/Missed-Call-Two-Factor-Authentication-PHP-Class-Reference). Its
  ``example/getMissCallResponse.php`` reads the callback from PHP's ``$_REQUEST``
  (query or form): ``mobile``, ``missCallTo``, ``createTime`` / ``expiryTime`` /
  ``retryAfter`` ("time in unix format"), ``type`` (new|existing), ``method``
  (generate|verify), ``status`` (success|fail), ``reason``.

Not found in the documentation, so chosen here:

- Exotel's time zone: the examples carry no offset. The constant ``EndTime`` the docs
  give for the Unix epoch is "1970-01-01 05:30:00", i.e. the times are written in
  IST; ``timezone`` (default ``Asia/Kolkata``) can say otherwise.
- SMS Gateway Center: the HTTP method of the callback (GET and POST are both taken;
  a POST may be a form or a JSON object); ``createTime`` reads as when the
  verification was *requested*, not when the call came, so the arrival of the
  callback is used as the call's time (the callback follows the call at once);
  there is no call id, so one is derived from ``mobile``, ``missCallTo`` and
  ``createTime`` when ``createTime`` is present. Only ``status=success`` (or no
  status at all) is taken as a call.
- The shared secret for Exotel and SMS Gateway Center (neither signs its requests):
  query parameter ``secret`` or header ``X-Kiosk-Secret``. It is never kept in the
  event's ``raw`` record, and query strings are never logged.
"""

from __future__ import annotations

import asyncio
import base64
import errno
import hashlib
import hmac
import json
import logging
import socket
from collections.abc import Awaitable, Callable, Iterable
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from aiohttp import web

from kiosk.domain.events import CallEvent
from kiosk.domain.health import SourceState, SourceStatus
from kiosk.domain.phone import DEFAULT_REGION, mask, mask_numbers_in, parse_phone, try_parse_phone
from kiosk.sources.base import CallSink
from kiosk.sources.provider.base import utc_time

# The withheld spellings Twilio users see in ``From`` (kept in one place).
from kiosk.sources.provider.twilio import _WITHHELD_KEYPAD_NUMBERS, _WITHHELD_WORDS

log = logging.getLogger("kiosk.inbound")
_http_log = logging.getLogger("kiosk.inbound.http")
"""aiohttp's own server messages (bad requests), scrubbed before they are written."""

MAX_BODY = 64 * 1024
"""Larger request bodies are refused with 413."""

TWIML_REJECT = '<?xml version="1.0" encoding="UTF-8"?><Response><Reject/></Response>'
"""[tw-voice] Refuse the call without answering it: it costs the caller nothing."""

SECRET_HEADER = "X-Kiosk-Secret"
SECRET_PARAM = "secret"
TWILIO_SIGNATURE_HEADER = "X-Twilio-Signature"

_MAX_FIELDS = 200
_MAX_RETRY_DELAY = 60.0
_SHUTDOWN_TIMEOUT = 5.0

Pairs = list[tuple[str, str]]


def twilio_signature(auth_token: str, url: str, params: Iterable[tuple[str, str]]) -> str:
    """``X-Twilio-Signature`` for a request to ``url`` with POST ``params`` [tw-sec, tw-py].

    The URL, then each parameter name followed by its value, names sorted
    (case-sensitive; a repeated name gives each of its values, sorted), signed with
    HMAC-SHA1 keyed by the auth token, base64-encoded.
    """
    values: dict[str, list[str]] = {}
    for name, value in params:
        values.setdefault(name, []).append(value)
    data = url + "".join(name + value for name in sorted(values) for value in sorted(values[name]))
    digest = hmac.new(auth_token.encode("utf-8"), data.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def _url_variants(url: str) -> list[str]:
    """The URL as given, without its port and with the scheme's default port [tw-py]."""
    variants = [url]
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return variants
    host = parts.netloc.rsplit("@", 1)[-1]
    userinfo = parts.netloc[: len(parts.netloc) - len(host)]
    bare_host = host.rsplit(":", 1)[0] if port is not None else host
    default = 443 if parts.scheme == "https" else 80
    for netloc in (userinfo + bare_host, f"{userinfo}{bare_host}:{port or default}"):
        variant = urlunsplit(parts._replace(netloc=netloc))
        if variant not in variants:
            variants.append(variant)
    return variants


class _BadRequest(Exception):
    """Input that cannot be read; the message is the short reason sent back."""


def _parse_pairs(data: bytes | str, what: str) -> Pairs:
    """Name/value pairs of a query string or form body, strictly UTF-8."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        return parse_qsl(
            text,
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=_MAX_FIELDS,
        )
    except (UnicodeDecodeError, ValueError):
        raise _BadRequest(f"{what} could not be read.") from None


def _json_pairs(data: bytes) -> Pairs:
    """Name/value pairs of a flat JSON object (numbers and booleans as text)."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _BadRequest("The JSON body could not be read.") from None
    if not isinstance(document, dict) or len(document) > _MAX_FIELDS:
        raise _BadRequest("The JSON body must be an object of fields.")
    pairs: Pairs = []
    for name, value in document.items():
        if value is None:
            pairs.append((name, ""))
        elif isinstance(value, str | int | float | bool):
            pairs.append((name, value if isinstance(value, str) else json.dumps(value)))
        else:
            raise _BadRequest(f"The field {name!r} is not a single value.")
    return pairs


def _fields(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """One value per name, the last one winning (as PHP's ``$_REQUEST`` does)."""
    return {name: value.strip() for name, value in pairs if name != SECRET_PARAM}


def _raw(pairs: Iterable[tuple[str, str]]) -> str:
    """The received parameters as JSON, without the shared secret."""
    record: dict[str, str | list[str]] = {}
    for name, value in pairs:
        if name == SECRET_PARAM:
            continue
        if name in record:
            previous = record[name]
            record[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            record[name] = value
    return json.dumps(record, ensure_ascii=False)


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
        region: str = DEFAULT_REGION,
        twilio_auth_token: str | None = None,
        public_url: str | None = None,
        shared_secret: str | None = None,
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
        is used. ``shared_secret`` authenticates Exotel and SMS Gateway Center (query
        parameter ``secret`` or header ``X-Kiosk-Secret``); without it they are
        refused. ``timezone`` is the zone of Exotel's times (they carry no offset);
        ``skew_tolerance`` (seconds) widens the session window for provider clocks and
        delivery delays; ``retry_delay`` is the first wait before binding again.
        """
        self.host = host
        self.port = port
        self.region = region
        self.number = parse_phone(number, region)
        self.public_url = public_url or None
        self.zone = ZoneInfo(timezone)
        self.tolerance = skew_tolerance
        self.retry_delay = retry_delay
        self.bound_port: int | None = None
        self.ready = asyncio.Event()
        self._twilio_token = twilio_auth_token or None
        self._secret = shared_secret or None
        self._sink: CallSink | None = None
        self._last: tuple[SourceState, str] | None = None

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
            self._report(SourceState.CONNECTING, "Opening the port for provider notifications.")
            while runner is None:
                runner = await self._start()
                if runner is None:
                    failures += 1
                    delay = min(self.retry_delay * 2 ** (failures - 1), _MAX_RETRY_DELAY)
                    await asyncio.sleep(delay)
            addresses = runner.addresses
            self.bound_port = int(addresses[0][1]) if addresses else self.port
            self._report(SourceState.READY, f"Listening for provider notifications on {self.url}")
            log.info("Listening for provider notifications on %s", self.url)
            self.ready.set()
            await asyncio.get_running_loop().create_future()  # until cancelled
        finally:
            self.ready.clear()
            if runner is not None:
                await runner.cleanup()
                log.info("Stopped listening for provider notifications")
            self.bound_port = None
            self._report(SourceState.STOPPED, "Provider notifications are not being received.")

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
            message = self._bind_problem(exc)
            log.warning("%s", message)
            self._report(SourceState.FAULT, message)
            return None
        except BaseException:  # cancelled while starting: leave nothing open
            await runner.cleanup()
            raise
        return runner

    def _bind_problem(self, exc: OSError) -> str:
        where = f"port {self.port}"
        if isinstance(exc, socket.gaierror) or exc.errno == errno.EADDRNOTAVAIL:
            return (
                "Cannot receive provider notifications: this computer has no network "
                f"address {self.host}. Check the listening address in the settings."
            )
        if exc.errno == errno.EADDRINUSE:
            return (
                f"Cannot receive provider notifications: {where} is already in use by "
                "another program. Close that program or choose another port in the settings."
            )
        if exc.errno == errno.EACCES:
            return (
                f"Cannot receive provider notifications: the kiosk is not allowed to use "
                f"{where}. Choose a port above 1024 in the settings."
            )
        reason = exc.strerror or type(exc).__name__
        return f"Cannot receive provider notifications on {where} ({reason})."

    def _report(self, state: SourceState, message: str) -> None:
        if self._sink is None or self._last == (state, message):
            return
        self._last = (state, message)
        details = {"host": self.host, "port": self.bound_port or self.port}
        self._sink.source_status(SourceStatus(self.name, state, message, details))

    # -- HTTP ---------------------------------------------------------------------

    def _make_app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard], logger=_http_log)
        app.router.add_post("/twilio/voice", self._twilio)
        app.router.add_get("/exotel/passthru", self._exotel, allow_head=False)
        app.router.add_get(
            "/smsgatewaycenter/missed-call", self._smsgatewaycenter, allow_head=False
        )
        app.router.add_post("/smsgatewaycenter/missed-call", self._smsgatewaycenter)
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
        except _BadRequest as exc:
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

    # -- Twilio ---------------------------------------------------------------------

    async def _twilio(self, request: web.Request) -> web.StreamResponse:
        """[tw-voice] Twilio's voice webhook: check the signature, report, reject the call."""
        if self._twilio_token is None:
            raise web.HTTPForbidden(
                text="Twilio notifications are refused: no Twilio auth token is configured."
            )
        if request.content_type != "application/x-www-form-urlencoded":
            raise web.HTTPUnsupportedMediaType(text="Expected a form-encoded body.")
        params = _parse_pairs(await request.read(), "The form")
        signature = request.headers.get(TWILIO_SIGNATURE_HEADER, "")
        if not signature:
            raise web.HTTPForbidden(text="The Twilio signature is missing.")
        if not self._twilio_signed(request, params, signature):
            raise web.HTTPForbidden(text="The Twilio signature is wrong.")
        fields = _fields(params)
        call_sid = fields.get("CallSid", "")
        if not call_sid:
            raise _BadRequest("CallSid is missing.")
        direction = fields.get("Direction", "inbound").lower()
        dialed = try_parse_phone(fields.get("To"), self.region)
        if direction != "inbound":
            log.info("Twilio: call %s is %s, not inbound; ignored", call_sid, direction or "?")
        elif dialed != self.number:
            log.info("Twilio: call %s was to %s, not the kiosk's number", call_sid, mask(dialed))
        else:
            caller_raw = fields.get("From", "")
            at = utc_time(fields.get("Timestamp", ""), UTC)
            caller = self._twilio_caller(caller_raw)
            # Even if the kiosk could not take the call, Twilio must get the <Reject/>:
            # any other answer would have Twilio answer the call (and bill the caller).
            await self._deliver(self._event("twilio", caller_raw, caller, call_sid, at, params))
        return web.Response(text=TWIML_REJECT, content_type="text/xml")

    def _twilio_signed(self, request: web.Request, params: Pairs, signature: str) -> bool:
        # [tw-sec] the URL exactly as Twilio called it: the configured public URL, or
        # this request's own scheme, Host header and raw path with query string.
        url = self.public_url or f"{request.scheme}://{request.host}{request.raw_path}"
        token = self._twilio_token or ""
        given = signature.strip().encode("ascii", "replace")
        return any(
            hmac.compare_digest(twilio_signature(token, variant, params).encode("ascii"), given)
            for variant in _url_variants(url)
        )

    def _twilio_caller(self, raw: str) -> str | None:
        """E.164, or None for withheld numbers (words, keypad spellings, SIP, clients)."""
        text = raw.strip()
        if text.lower() in _WITHHELD_WORDS or text.lstrip("+") in _WITHHELD_KEYPAD_NUMBERS:
            return None
        return try_parse_phone(text, self.region)

    # -- Exotel ---------------------------------------------------------------------

    async def _exotel(self, request: web.Request) -> web.StreamResponse:
        """[exo-pt] Exotel's Passthru applet: a GET with the call in the query string."""
        query = _parse_pairs(request.rel_url.raw_query_string, "The query")
        self._require_secret(request, query, "Exotel")
        fields = _fields(query)
        call_sid = fields.get("CallSid", "")
        if not call_sid:
            raise _BadRequest("CallSid is missing.")
        direction = fields.get("Direction", "").lower()
        dialed = self._ours(fields.get("CallTo"), fields.get("To"))
        if direction.startswith("outbound"):
            log.info("Exotel: call %s is %s, not incoming; ignored", call_sid, direction)
        elif dialed != self.number:
            log.info("Exotel: call %s was to %s, not the kiosk's number", call_sid, mask(dialed))
        else:
            caller_raw = fields.get("CallFrom") or fields.get("From") or ""
            at = utc_time(fields.get("StartTime", ""), self.zone) or utc_time(
                fields.get("Created", ""), self.zone
            )
            caller = try_parse_phone(caller_raw, self.region)
            event = self._event("exotel", caller_raw, caller, call_sid, at, query)
            if not await self._deliver(event):
                raise web.HTTPInternalServerError(text="The call could not be recorded.")
        return web.Response(status=200)

    # -- SMS Gateway Center -----------------------------------------------------------

    async def _smsgatewaycenter(self, request: web.Request) -> web.StreamResponse:
        """[sgc] The missed-call verification callback, by GET or POST."""
        query = _parse_pairs(request.rel_url.raw_query_string, "The query")
        self._require_secret(request, query, "SMS Gateway Center")
        params = [*query, *(await self._body_pairs(request))]
        fields = _fields(params)
        status = fields.get("status", "").lower()
        dialed = self._ours(fields.get("missCallTo"))
        if status and status != "success":
            # [sgc] the callback also comes when the customer never dialled.
            log.info(
                "SMS Gateway Center: verification ended with status %r; no call",
                mask_numbers_in(status[:40]),
            )
        elif dialed != self.number:
            log.info("SMS Gateway Center: call was to %s, not the kiosk's number", mask(dialed))
        else:
            caller_raw = fields.get("mobile", "")
            caller = try_parse_phone(caller_raw, self.region)
            call_id = _sgc_call_id(fields)
            event = self._event("smsgatewaycenter", caller_raw, caller, call_id, None, params)
            if not await self._deliver(event):
                raise web.HTTPInternalServerError(text="The call could not be recorded.")
        return web.Response(status=200)

    async def _body_pairs(self, request: web.Request) -> Pairs:
        if request.method != "POST":
            return []
        body = await request.read()
        if not body.strip():
            return []
        if request.content_type == "application/x-www-form-urlencoded":
            return _parse_pairs(body, "The form")
        if request.content_type == "application/json":
            return _json_pairs(body)
        raise web.HTTPUnsupportedMediaType(text="Expected a form-encoded or JSON body.")

    # -- shared -----------------------------------------------------------------------

    def _require_secret(self, request: web.Request, query: Pairs, provider: str) -> None:
        """403 unless the shared secret came in the header or the query string."""
        if self._secret is None:
            raise web.HTTPForbidden(
                text=f"{provider} notifications are refused: no shared secret is configured."
            )
        expected = self._secret.encode("utf-8")
        offered = [request.headers.get(SECRET_HEADER, "")]
        offered += [value for name, value in query if name == SECRET_PARAM]
        if not any(
            value and hmac.compare_digest(value.encode("utf-8"), expected) for value in offered
        ):
            raise web.HTTPForbidden(text="The shared secret is missing or wrong.")

    def _ours(self, *candidates: str | None) -> str | None:
        """The kiosk's number if any candidate is it, else the first readable number."""
        found = None
        for text in candidates:
            number = try_parse_phone(text, self.region)
            if number == self.number:
                return number
            found = found or number
        return found

    def _event(
        self,
        source: str,
        caller_raw: str,
        caller: str | None,
        call_id: str | None,
        at: datetime | None,
        params: Pairs,
    ) -> CallEvent:
        """The event for a call to the kiosk; ``raw`` is what was received, minus the secret."""
        return CallEvent(
            caller_raw=caller_raw,
            caller=caller,
            at=at or datetime.now(UTC),
            source=source,
            dialed=self.number,
            call_id=call_id,
            raw=_raw(params),
            tolerance=self.tolerance,
        )

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


def _sgc_call_id(fields: dict[str, str]) -> str | None:
    """A stable id for one verification's callback (SMS Gateway Center sends none)."""
    created = fields.get("createTime", "")
    if not created:
        return None
    key = "|".join((fields.get("mobile", ""), fields.get("missCallTo", ""), created))
    return "sgc-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
