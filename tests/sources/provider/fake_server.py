"""Plumbing shared by the fake telephony providers: a threaded HTTP server on 127.0.0.1.

A fake checks HTTP Basic credentials, remembers every request (path and query),
answers from the provider's own logic (``respond``) and can be told how to answer
the next requests instead: a status with headers (429 + Retry-After, 500), a body
that is not JSON, or an answer held back past the client's timeout.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs, urlparse

WAIT = 5.0


@dataclass
class Answer:
    """How to answer one request instead of the provider's normal answer."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None  # None: the provider's normal answer, with ``status``
    delay: float = 0.0  # hold the answer this long (past the client's timeout)


@dataclass(frozen=True)
class Seen:
    """One request as the fake received it."""

    path: str
    query: dict[str, str]
    authorized: bool
    answered: int = 200


class FakeProviderServer:
    """Base for a provider on 127.0.0.1; subclasses implement :meth:`respond`."""

    def __init__(self, *, username: str, password: str) -> None:
        self.requests: list[Seen] = []
        self.script: deque[Answer] = deque()
        self.before_answer: list[Callable[[int], None]] = []  # called with the request number
        self._expected = "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()
        self._lock = threading.RLock()
        self._stopping = threading.Event()
        self._waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                fake._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    # -- life cycle ---------------------------------------------------------------

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # releases answers that are being held back
        if self._thread.is_alive():
            self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- scripting ----------------------------------------------------------------

    def answer_next(self, *answers: Answer | int, headers: dict[str, str] | None = None) -> None:
        """Answer the next requests like this (a bare status keeps the normal body)."""
        with self._lock:
            for answer in answers:
                if isinstance(answer, int):
                    answer = Answer(answer, dict(headers or {}))
                self.script.append(answer)

    def fail_next(self, status: int, *, retry_after: str | None = None) -> None:
        """Answer the next request with an error status (and a ``Retry-After``)."""
        headers = {"Retry-After": retry_after} if retry_after is not None else {}
        self.answer_next(Answer(status, headers, json.dumps({"error": status}).encode()))

    def hold_next(self, seconds: float) -> None:
        """Keep the next request waiting ``seconds`` before answering."""
        self.answer_next(Answer(delay=seconds))

    def garble_next(self, body: bytes = b"<html>Bad gateway</html>") -> None:
        """Answer the next request with a 200 whose body is not the provider's JSON."""
        self.answer_next(Answer(200, {"Content-Type": "application/json"}, body))

    # -- what happened ------------------------------------------------------------

    @property
    def request_count(self) -> int:
        with self._lock:
            return len(self.requests)

    async def wait_requests(self, count: int) -> int:
        """Wait (at most :data:`WAIT` s) until ``count`` requests have arrived."""
        loop = asyncio.get_running_loop()
        async with asyncio.timeout(WAIT):
            while True:
                event = asyncio.Event()
                with self._lock:
                    if len(self.requests) >= count:
                        return len(self.requests)
                    self._waiters.append((loop, event))
                await event.wait()

    # -- the provider -------------------------------------------------------------

    def respond(self, path: str, query: dict[str, str]) -> tuple[int, Any]:
        """The provider's normal answer: a status and a JSON document."""
        raise NotImplementedError

    def unauthorized(self) -> Any:
        """The JSON body of a 401."""
        return {"error": "Authentication credentials invalid"}

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        url = urlparse(request.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        authorized = request.headers.get("authorization") == self._expected
        with self._lock:
            number = len(self.requests) + 1
            for hook in self.before_answer:
                hook(number)
            answer = self.script.popleft() if self.script and authorized else Answer()
            if not authorized:
                status, body = 401, json.dumps(self.unauthorized()).encode()
            elif answer.body is not None:
                status, body = answer.status, answer.body
            else:
                normal_status, document = self.respond(url.path, query)
                status = answer.status if answer.status != 200 else normal_status
                body = json.dumps(document).encode()
            self.requests.append(Seen(url.path, query, authorized, status))
            waiters, self._waiters = self._waiters, []
        for loop, event in waiters:
            with contextlib.suppress(RuntimeError):  # that test's loop is already closed
                loop.call_soon_threadsafe(event.set)
        if answer.delay and self._stopping.wait(answer.delay):
            return  # shutting down: drop the connection unanswered
        headers = {"Content-Type": "application/json", **answer.headers}
        try:
            request.send_response(status)
            for key, value in headers.items():
                request.send_header(key, value)
            request.send_header("Content-Length", str(len(body)))
            request.end_headers()
            request.wfile.write(body)
        except OSError:
            pass  # the client gave up waiting
