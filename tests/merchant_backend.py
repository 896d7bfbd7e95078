"""A real merchant backend for tests: an HTTP server on 127.0.0.1 that checks signatures.

It verifies every request with the official ``standardwebhooks`` library and answers
from a script of status codes (then 200), so tests can make it fail and recover.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


@dataclass
class Delivery:
    headers: dict[str, str]
    body: bytes
    signature_ok: bool
    answered: int

    @property
    def payload(self) -> dict[str, Any]:
        return json.loads(self.body)

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]


class MerchantBackend:
    def __init__(self, secret: str = SECRET) -> None:
        self.secret = secret
        self.received: list[Delivery] = []
        self.script: deque[tuple[int, dict[str, str]]] = deque()
        self._lock = threading.Lock()
        self._waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []
        backend = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                backend._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/hooks/verification"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def answer(self, *statuses: int, headers: dict[str, str] | None = None) -> None:
        """Answer the next requests with these statuses, then 200 again."""
        for status in statuses:
            self.script.append((status, headers or {}))

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        body = request.rfile.read(int(request.headers.get("content-length", 0)))
        headers = {key.lower(): value for key, value in request.headers.items()}
        try:
            Webhook(self.secret).verify(body, headers)
            signature_ok = True
        except WebhookVerificationError:
            signature_ok = False
        with self._lock:
            status, extra = self.script.popleft() if self.script else (200, {})
            if not signature_ok:
                status = 401
            self.received.append(Delivery(headers, body, signature_ok, status))
            waiters, self._waiters = self._waiters, []
        request.send_response(status)
        for key, value in extra.items():
            request.send_header(key, value)
        request.send_header("content-length", "0")
        request.end_headers()
        for loop, event in waiters:
            loop.call_soon_threadsafe(event.set)

    async def wait_for(self, count: int) -> list[Delivery]:
        """Wait until ``count`` requests have arrived (bound it with ``asyncio.timeout``)."""
        loop = asyncio.get_running_loop()
        while True:
            event = asyncio.Event()
            with self._lock:
                if len(self.received) >= count:
                    return list(self.received)
                self._waiters.append((loop, event))
            await event.wait()
