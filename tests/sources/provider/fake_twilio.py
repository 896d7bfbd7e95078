"""A fake Twilio for tests: the Calls list resource served over real HTTP on 127.0.0.1.

It answers ``GET /2010-04-01/Accounts/{sid}/Calls.json`` the way Twilio documents it
(https://www.twilio.com/docs/voice/api/call-resource, https://www.twilio.com/docs/usage/twilios-response):
HTTP Basic auth with the account SID and auth token, the ``To``, ``StartTime``,
``StartTime>`` / ``StartTime<`` (dates, UTC) and ``PageSize`` filters, newest calls
first, and paging through ``next_page_uri`` (relative, ``null`` on the last page) with
a ``PageToken`` cursor. Tests can script the next answers: a status with headers
(429 + ``Retry-After``, 500, ...), a delay longer than the client's timeout, or a body
that is not JSON.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any
from urllib.parse import urlencode

from tests.sources.provider.fake_server import Answer, FakeProviderServer

ACCOUNT_SID = "AC" + "0123456789abcdef" * 2
AUTH_TOKEN = "tok-5f1e2d3c4b5a69788796a5b4c3d2e1f0"
KIOSK_NUMBER = "+918000000001"


def rfc2822(moment: datetime) -> str:
    """Twilio's time format: "Thu, 26 Nov 2026 10:15:02 +0000"."""
    return format_datetime(moment.astimezone(UTC))


def call_record(
    sid: str,
    from_: str,
    to: str,
    start_time: datetime | str | None,
    status: str = "no-answer",
    direction: str = "inbound",
    *,
    account_sid: str = ACCOUNT_SID,
    date_created: datetime | str | None = None,
) -> dict[str, Any]:
    """One Call resource in Twilio's documented JSON shape (times in RFC 2822, GMT)."""
    start = rfc2822(start_time) if isinstance(start_time, datetime) else start_time
    if date_created is None:
        created = start
    elif isinstance(date_created, datetime):
        created = rfc2822(date_created)
    else:
        created = date_created
    base = f"/2010-04-01/Accounts/{account_sid}/Calls/{sid}"
    return {
        "account_sid": account_sid,
        "annotation": None,
        "answered_by": None,
        "api_version": "2010-04-01",
        "caller_name": None,
        "date_created": created,
        "date_updated": created,
        "direction": direction,
        "duration": "0",
        "end_time": start,
        "forwarded_from": None,
        "from": from_,
        "from_formatted": from_,
        "group_sid": None,
        "parent_call_sid": None,
        "phone_number_sid": "PN" + "f" * 32,
        "price": None,
        "price_unit": "USD",
        "queue_time": "0",
        "sid": sid,
        "start_time": start,
        "status": status,
        "subresource_uris": {
            "notifications": f"{base}/Notifications.json",
            "recordings": f"{base}/Recordings.json",
            "events": f"{base}/Events.json",
        },
        "to": to,
        "to_formatted": to,
        "trunk_sid": None,
        "uri": f"{base}.json",
    }


class FakeTwilio(FakeProviderServer):
    """The Calls list resource of one account, from an in-memory list of call records."""

    def __init__(
        self,
        account_sid: str = ACCOUNT_SID,
        auth_token: str = AUTH_TOKEN,
        *,
        username: str | None = None,
    ) -> None:
        """Serve ``account_sid``'s calls to clients that log in as ``username`` (that SID)."""
        super().__init__(username=username or account_sid, password=auth_token)
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.calls: list[dict[str, Any]] = []
        self.filter_by_to = True

    def add(self, *records: dict[str, Any]) -> None:
        """Make calls appear in the log (thread-safe; also while a client is polling)."""
        with self._lock:
            self.calls.extend(records)

    def answer(self, *statuses: int, headers: dict[str, str] | None = None) -> None:
        """Answer the next requests with these statuses (Twilio error JSON), then normally."""
        self.answer_next(
            *(
                Answer(status, dict(headers or {}), json.dumps(_error_body(status)).encode())
                for status in statuses
            )
        )

    def stall(self, seconds: float, count: int = 1) -> None:
        """Hold the next ``count`` requests ``seconds`` before answering (cut short by stop)."""
        self.answer_next(*(Answer(delay=seconds) for _ in range(count)))

    def garble(self, count: int = 1) -> None:
        """Answer the next ``count`` requests 200 with a body that is not JSON."""
        self.answer_next(*(Answer(body=b'{"calls": [{"sid": "CA') for _ in range(count)))

    def respond(self, path: str, query: dict[str, str]) -> tuple[int, Any]:
        """The Calls list, or Twilio's 404 for any other path (called under the lock)."""
        if path != f"/2010-04-01/Accounts/{self.account_sid}/Calls.json":
            return 404, _error_body(404)
        return 200, self._page(path, query, list(self.calls))

    def unauthorized(self) -> Any:
        """Twilio's 401 body."""
        return _error_body(401)

    def _page(self, path: str, query: dict[str, str], calls: list[dict[str, Any]]) -> dict:
        matching = [record for record in calls if self._matches(record, query)]
        matching.sort(key=_started, reverse=True)  # newest first, as Twilio lists them
        page_size = min(max(int(query.get("PageSize", "50")), 1), 1000)
        page = int(query.get("Page", "0"))
        start = 0
        token = query.get("PageToken")
        if token:  # a cursor: the page begins after the call the token names
            after = token.removeprefix("PA")
            sids = [record["sid"] for record in matching]
            start = sids.index(after) + 1 if after in sids else len(sids)
        records = matching[start : start + page_size]
        filters = {key: value for key, value in query.items() if key not in _PAGING}

        def uri(page_number: int, page_token: str | None = None) -> str:
            params = {**filters, "PageSize": str(page_size), "Page": str(page_number)}
            if page_token:
                params["PageToken"] = page_token
            return f"{path}?{urlencode(params)}"

        more = start + page_size < len(matching)
        return {
            "calls": records,
            "end": start + len(records) - 1 if records else start,
            "first_page_uri": uri(0),
            "next_page_uri": uri(page + 1, "PA" + records[-1]["sid"]) if more else None,
            "page": page,
            "page_size": page_size,
            "previous_page_uri": uri(page - 1) if page > 0 else None,
            "start": start,
            "uri": uri(page, token),
        }

    def _matches(self, record: dict[str, Any], query: dict[str, str]) -> bool:
        if self.filter_by_to and "To" in query and record.get("to") != query["To"]:
            return False
        started = _started(record)
        day = started.date() if started != _NEVER else None
        for key, compare in (
            ("StartTime", lambda d, q: d == q),
            ("StartTime>", lambda d, q: d >= q),
            ("StartTime<", lambda d, q: d <= q),
        ):
            if key in query and (day is None or not compare(day, date.fromisoformat(query[key]))):
                return False
        return True


_PAGING = {"Page", "PageSize", "PageToken"}
_NEVER = datetime.min.replace(tzinfo=UTC)


def _started(record: dict[str, Any]) -> datetime:
    value = record.get("start_time") or record.get("date_created")
    if not value:
        return _NEVER
    return parsedate_to_datetime(value).astimezone(UTC)


_ERRORS = {
    401: (20003, "Authenticate"),
    404: (20404, "The requested resource was not found"),
    429: (20429, "Too Many Requests"),
    500: (20500, "Internal Server Error"),
    503: (20503, "Service Unavailable"),
}


def _error_body(status: int) -> dict[str, Any]:
    code, message = _ERRORS.get(status, (status * 100 if status < 1000 else status, "Error"))
    return {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }
