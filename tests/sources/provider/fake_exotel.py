"""A fake Exotel on 127.0.0.1: the Bulk Call Details API, from its documented shapes.

``GET /v1/Accounts/<sid>/Calls.json`` with Basic auth (API key and token), the
filters ``DateCreated`` (``gte:``/``lte:`` in account-local time), ``Direction``,
``PhoneNumber``, ``To`` and ``From``, ``SortBy``, ``PageSize`` and the ``After``
cursor; answers ``{"Metadata": {...}, "Calls": [...]}`` with times written
"YYYY-MM-DD HH:MM:SS" in the account's time zone and numbers written nationally
("0XXXXXXXXXX"), as in https://developer.exotel.com/docs/voice-v1/api-reference/call-details.
With ``honour_filters=False`` it ignores the filters (a provider that reads a filter
differently), so the adapter's own checks are what keeps wrong calls out.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import phonenumbers

from tests.sources.provider.fake_server import FakeProviderServer

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def national(e164: str) -> str:
    """Write "+918030752400" as Exotel does: "08030752400"."""
    number = phonenumbers.parse(e164)
    return "0" + str(number.national_number)


def _same_number(written: str, wanted: str) -> bool:
    try:
        return phonenumbers.parse(written, "IN") == phonenumbers.parse(wanted, "IN")
    except phonenumbers.NumberParseException:
        return False


class FakeExotel(FakeProviderServer):
    """One Exotel account with an in-memory call log."""

    def __init__(
        self,
        *,
        account_sid: str = "kioskdemo1",
        api_key: str = "exo-key-1",
        api_token: str = "exo-token-s3cret",
        timezone: str = "Asia/Kolkata",
        honour_filters: bool = True,
    ) -> None:
        super().__init__(username=api_key, password=api_token)
        self.account_sid = account_sid
        self.api_key = api_key
        self.api_token = api_token
        self.zone = ZoneInfo(timezone)
        self.honour_filters = honour_filters
        self.calls: list[dict[str, Any]] = []

    @property
    def path(self) -> str:
        return f"/v1/Accounts/{self.account_sid}/Calls.json"

    def local(self, moment: datetime) -> str:
        """An aware time as this account writes it."""
        return moment.astimezone(self.zone).strftime(TIME_FORMAT)

    def add_call(
        self,
        sid: str,
        *,
        caller: str | None,
        at: datetime,
        exophone: str,
        direction: str = "inbound",
        ring: float = 4.0,
    ) -> dict[str, Any]:
        """A missed call from ``caller`` (as Exotel writes it) to ``exophone`` (E.164)."""
        ended = at + timedelta(seconds=ring)
        record = {
            "Sid": sid,
            "ParentCallSid": None,
            "DateCreated": self.local(at),
            "DateUpdated": self.local(ended),
            "AccountSid": self.account_sid,
            "To": national(exophone),
            "From": caller,
            "PhoneNumberSid": national(exophone),
            "Status": "no-answer",
            "StartTime": self.local(at),
            "EndTime": self.local(ended),
            "Duration": "0",
            "Price": "0.000",
            "Direction": direction,
            "AnsweredBy": None,
            "RecordingUrl": None,
        }
        with self._lock:
            self.calls.append(record)
        return record

    def unauthorized(self) -> Any:
        return {"RestException": {"Status": 401, "Message": "Authentication is required"}}

    def respond(self, path: str, query: dict[str, str]) -> tuple[int, Any]:
        if path != self.path:
            return 404, {"RestException": {"Status": 404, "Message": "Not found"}}
        calls = [call for call in self.calls if self._matches(call, query)]
        descending = query.get("SortBy", "DateCreated:desc") != "DateCreated:asc"
        calls.sort(key=lambda call: (call["DateCreated"], call["Sid"]), reverse=descending)
        page_size = min(int(query.get("PageSize", "50")), 100)
        start = 0
        if cursor := query.get("After"):
            sids = [call["Sid"] for call in calls]
            start = sids.index(cursor) + 1 if cursor in sids else len(calls)
        page = calls[start : start + page_size]
        links = {k: v for k, v in query.items() if k not in ("After", "Before")}
        more = start + page_size < len(calls)
        return 200, {
            "Metadata": {
                "Total": len(calls),
                "PageSize": page_size,
                "FirstPageUri": f"{self.path}?{urlencode(links)}",
                "PrevPageUri": (
                    f"{self.path}?{urlencode({**links, 'Before': page[0]['Sid']})}"
                    if start and page
                    else None
                ),
                "NextPageUri": (
                    f"{self.path}?{urlencode({**links, 'After': page[-1]['Sid']})}"
                    if more and page
                    else None
                ),
            },
            "Calls": page,
        }

    def _matches(self, call: dict[str, Any], query: dict[str, str]) -> bool:
        if not self.honour_filters:
            return True
        if "Direction" in query and call["Direction"] != query["Direction"]:
            return False
        for name, key in (("PhoneNumber", "PhoneNumberSid"), ("To", "To"), ("From", "From")):
            if name in query and not any(
                _same_number(call[key] or "", wanted) for wanted in query[name].split(",")
            ):
                return False
        if "DateCreated" in query:
            created = datetime.strptime(call["DateCreated"], TIME_FORMAT)
            for condition in query["DateCreated"].split(";"):
                operator, _, value = condition.partition(":")
                bound = datetime.strptime(value, TIME_FORMAT)
                if (operator == "gte" and created < bound) or (
                    operator == "lte" and created > bound
                ):
                    return False
        return True
