"""Demo mode's merchant backend: a real HTTP server in the kiosk that checks each callback.

A first-time user has no backend of their own. In demo mode the outbox sends its
callbacks here (never to a configured backend): an aiohttp server on 127.0.0.1 and a
free port, with a secret made for this run, verifying every request with the official
``standardwebhooks`` library, as a merchant's backend would. Each request is reported
as a :class:`~kiosk.domain.health.ReceivedCallback` (the status details page shows the
latest ones); a valid one is answered 204, anything else 401.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import secrets
from collections.abc import Callable
from typing import Any

from aiohttp import web
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from kiosk.domain.clock import Clock
from kiosk.domain.health import ReceivedCallback

log = logging.getLogger("kiosk.delivery")

PATH = "/demo-backend/callbacks"
#: A callback body is a few hundred bytes; anything far larger is not one of ours.
MAX_BODY = 64 * 1024


class DemoBackend:
    """The built-in backend; :meth:`start` opens it, :meth:`stop` closes it."""

    def __init__(self, clock: Clock, on_received: Callable[[ReceivedCallback], None]) -> None:
        self.secret = "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()
        self._clock = clock
        self._on_received = on_received
        self._runner: web.AppRunner | None = None
        self._port: int | None = None

    @property
    def started(self) -> bool:
        """True while it listens."""
        return self._runner is not None

    @property
    def url(self) -> str:
        """Where callbacks go (once started)."""
        if self._port is None:
            raise RuntimeError("The demo backend has not started.")
        return f"http://127.0.0.1:{self._port}{PATH}"

    async def start(self) -> None:
        """Listen on 127.0.0.1 on a free port."""
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_post(PATH, self._receive)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, "127.0.0.1", 0).start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        self._port = int(runner.addresses[0][1])
        log.info("Demo mode: results go to the built-in merchant backend at %s", self.url)

    async def stop(self) -> None:
        """Close the port."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
            self._port = None

    async def _receive(self, request: web.Request) -> web.Response:
        body = await request.read()
        headers = dict(request.headers)
        try:
            Webhook(self.secret).verify(body, headers, json_parse=False)
        except (WebhookVerificationError, ValueError, binascii.Error):
            self._report(headers, None)
            return web.Response(status=401, text="The signature is not valid.")
        self._report(headers, _parsed(body))
        return web.Response(status=204)

    def _report(self, headers: dict[str, str], event: dict[str, Any] | None) -> None:
        """Tell the kiosk what arrived (``event`` is None when the signature failed)."""
        webhook_id = next((v for k, v in headers.items() if k.lower() == "webhook-id"), "")
        data = event.get("data") if event else None
        received = ReceivedCallback(
            at=self._clock.now(),
            webhook_id=webhook_id[:80],
            signature_valid=event is not None,
            event_type=str(event["type"]) if event and "type" in event else None,
            data=data if isinstance(data, dict) else {},
        )
        if not received.signature_valid:
            log.warning("Demo backend: a callback with a signature that is not valid was refused")
        self._on_received(received)


def _parsed(body: bytes) -> dict[str, Any]:
    """The JSON object of a signed body (an empty one if the body is not a JSON object)."""
    try:
        event = json.loads(body)
    except ValueError:
        return {}
    return event if isinstance(event, dict) else {}
