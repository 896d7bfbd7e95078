"""A fake Plivo on 127.0.0.1: "retrieve all calls", from its documented shapes.

``GET /v1/Account/<auth_id>/Call/`` with Basic auth (auth id and token), the
filters ``call_direction``, ``from_number``/``to_number`` (exact number or prefix)
and ``end_time`` (``__gt``/``__gte``/``__lt``/``__lte``, UTC), ``limit`` (at most 20)
and ``offset``; answers ``{"api_id", "meta": {...}, "objects": [...]}`` newest first,
with times written "YYYY-MM-DD HH:MM:SS+05:30" in the console's time zone and numbers
with the country code but no "+", as in
https://www.plivo.com/docs/voice/api/call/retrieve-all-calls/ and
https://docs.plivo.com/docs/voice/api/call/the-call-object/.
With ``honour_filters=False`` it ignores the filters, so the adapter's own checks
are what keeps wrong calls out.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tests.sources.provider.fake_server import FakeProviderServer


def _parse_filter_time(value: str) -> datetime:
    """Read "YYYY-MM-DD HH:MM[:ss[.uuuuuu]]" as UTC (the documented filter format)."""
    for pattern in ("%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"):
        try:
            return datetime.strptime(value, pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
    raise ValueError(value)


class FakePlivo(FakeProviderServer):
    """One Plivo account with an in-memory call log."""

    def __init__(
        self,
        *,
        auth_id: str = "MAKIOSK0000000000001",
        auth_token: str = "plivo-token-s3cret",
        timezone: str = "Asia/Kolkata",
        offsets: bool = True,
        honour_filters: bool = True,
    ) -> None:
        super().__init__(username=auth_id, password=auth_token)
        self.auth_id = auth_id
        self.auth_token = auth_token
        self.zone = ZoneInfo(timezone)
        self.offsets = offsets
        self.honour_filters = honour_filters
        self.calls: list[dict[str, Any]] = []

    @property
    def path(self) -> str:
        return f"/v1/Account/{self.auth_id}/Call/"

    def local(self, moment: datetime) -> str:
        """An aware time as the console's zone writes it ("... 15:30:00+05:30")."""
        written = moment.astimezone(self.zone).replace(microsecond=0)
        return written.isoformat(sep=" ") if self.offsets else written.strftime("%Y-%m-%d %H:%M:%S")

    def add_call(
        self,
        call_uuid: str,
        *,
        caller: str | None,
        at: datetime,
        to: str,
        direction: str = "inbound",
        ring: float = 4.0,
    ) -> dict[str, Any]:
        """A missed call from ``caller`` to ``to`` (both as Plivo writes them)."""
        record = {
            "answer_time": None,
            "api_id": str(uuid.uuid4()),
            "bill_duration": 0,
            "billed_duration": 0,
            "call_direction": direction,
            "call_duration": 0,
            "call_uuid": call_uuid,
            "end_time": self.local(at + timedelta(seconds=ring)),
            "from_number": caller,
            "hangup_cause_code": 3020,
            "hangup_cause_name": "Busy Line",
            "hangup_source": "Callee",
            "initiation_time": self.local(at),
            "parent_call_uuid": None,
            "resource_uri": f"{self.path}{call_uuid}/",
            "stir_verification": "Not Applicable",
            "to_number": to,
            "total_amount": "0.00000",
            "total_rate": "0.00850",
            "source_ip": "",
            "_ended": at + timedelta(seconds=ring),  # kept for filtering, not sent
        }
        with self._lock:
            self.calls.append(record)
        return {k: v for k, v in record.items() if not k.startswith("_")}

    def unauthorized(self) -> Any:
        return {"api_id": str(uuid.uuid4()), "error": "Authentication credentials invalid."}

    def respond(self, path: str, query: dict[str, str]) -> tuple[int, Any]:
        if path != self.path:
            return 404, {"api_id": str(uuid.uuid4()), "error": "not found"}
        limit = int(query.get("limit", "20"))
        if not 1 <= limit <= 20:
            return 400, {"api_id": str(uuid.uuid4()), "error": "limit must be 1 to 20"}
        offset = int(query.get("offset", "0"))
        calls = [call for call in self.calls if self._matches(call, query)]
        calls.sort(key=lambda call: call["_ended"], reverse=True)  # newest first
        page = calls[offset : offset + limit]
        more = offset + limit < len(calls)
        return 200, {
            "api_id": str(uuid.uuid4()),
            "meta": {
                "limit": limit,
                "next": f"{self.path}?limit={limit}&offset={offset + limit}" if more else None,
                "offset": offset,
                "previous": (
                    f"{self.path}?limit={limit}&offset={max(offset - limit, 0)}" if offset else None
                ),
                "total_count": len(calls),
            },
            "objects": [{k: v for k, v in call.items() if not k.startswith("_")} for call in page],
        }

    def _matches(self, call: dict[str, Any], query: dict[str, str]) -> bool:
        if not self.honour_filters:
            return True
        if "call_direction" in query and call["call_direction"] != query["call_direction"]:
            return False
        for key in ("from_number", "to_number"):
            if key in query and not str(call[key] or "").startswith(query[key]):
                return False
        ended = call["_ended"]
        checks = {
            "end_time": lambda bound: ended.replace(microsecond=0) == bound,
            "end_time__gt": lambda bound: ended > bound,
            "end_time__gte": lambda bound: ended >= bound,
            "end_time__lt": lambda bound: ended < bound,
            "end_time__lte": lambda bound: ended <= bound,
        }
        return all(
            check(_parse_filter_time(query[name]))
            for name, check in checks.items()
            if name in query
        )
