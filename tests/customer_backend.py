"""The merchant's customer list on 127.0.0.1, as the customer sync pulls it (tests only).

``GET /api/customers?since=N`` answers the customers changed since cursor ``N``, two per
page, as ``{"data": {"customers": [...]}, "next": "..."}`` with an ETag (304 when it
still matches); it can be told to fail with a status.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


def customer(reference: str, name: str, mobile: str) -> dict[str, Any]:
    """One customer in the backend's shape (``order.id``, ``name``, ``contact.mobile``)."""
    return {"order": {"id": reference}, "name": name, "contact": {"mobile": mobile}}


class CustomerBackend:
    """Serves customers changed since a cursor, two per page, with an ETag."""

    def __init__(self) -> None:
        self.customers: list[dict[str, Any]] = []
        self.requests: list[dict[str, str]] = []
        self.fail_with: int | None = None
        backend = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                backend.handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/api/customers"

    def etag(self) -> str:
        return f'"v{len(self.customers)}"'

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        query = parse_qs(urlsplit(request.path).query)
        self.requests.append(
            {
                "since": query.get("since", [""])[0],
                "if-none-match": request.headers.get("if-none-match", ""),
                "authorization": request.headers.get("authorization", ""),
            }
        )
        if self.fail_with:
            request.send_response(self.fail_with)
            request.end_headers()
            return
        if request.headers.get("if-none-match") == self.etag():
            request.send_response(304)
            request.end_headers()
            return
        since = int(query.get("since", ["0"])[0] or 0)
        page = self.customers[since : since + 2]
        body = json.dumps({"data": {"customers": page}, "next": str(since + len(page))}).encode()
        request.send_response(200)
        request.send_header("Content-Type", "application/json")
        request.send_header("ETag", self.etag())
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
