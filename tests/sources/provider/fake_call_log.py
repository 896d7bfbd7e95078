"""A provider's call log on 127.0.0.1 for the generic JSON adapter (tests and bench).

``GET /calls?since=...&to=...`` with ``Authorization: Bearer s3cret`` answers
``{"data": {"calls": [...]}}``; answers can be scripted (status, headers, body).
"""

import json
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

NUMBER = "+918000000001"


class FakeCallLog:
    """A provider's call log on 127.0.0.1: ``GET /calls?since=...`` with a bearer token."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []
        self.script: list[tuple[int, dict[str, str], bytes | None]] = []
        self.requests: list[dict[str, list[str]]] = []
        self._lock = threading.Lock()
        log = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                log._answer(self)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/calls?since={{since}}&to={{number}}"

    def add(self, sid: str, caller: str, at: datetime, to: str = NUMBER) -> None:
        with self._lock:
            self.records.append(
                {"sid": sid, "caller": {"number": caller}, "to": to, "started": at.isoformat()}
            )

    def _answer(self, request: BaseHTTPRequestHandler) -> None:
        query = parse_qs(urlparse(request.path).query)
        with self._lock:
            self.requests.append(query)
            scripted = self.script.pop(0) if self.script else None
            body = json.dumps({"data": {"calls": list(self.records)}}).encode()
        if request.headers.get("authorization") != "Bearer s3cret":
            scripted = (401, {}, b"{}")
        status, headers, override = scripted or (200, {}, None)
        body = override if override is not None else body
        request.send_response(status)
        for key, value in headers.items():
            request.send_header(key, value)
        request.send_header("content-length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
