"""What a provider's notification must pass before its call counts, besides being readable.

Neither Exotel nor SMS Gateway Center signs its requests, so the listener
(:mod:`~kiosk.sources.provider.inbound`) takes theirs only with the kiosk's shared
secret (:class:`SharedSecret`). Chosen here: it comes in the header ``X-Kiosk-Secret``;
as query parameter ``secret`` only when allowed (``inbound_allow_query_secret``),
because an address ends up in proxy and access logs where anyone reading them could
send notifications of their own. It is never kept in the event's ``raw`` record.

A notification that carries its own call time (SMS Gateway Center's ``createTime``)
counts only if that time falls while a session listens (:func:`require_session_window`):
an old notification sent again, or one dated ahead, is refused with 422.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from aiohttp import web

from kiosk.domain.events import CallEvent
from kiosk.sources.provider.webhook import SECRET_PARAM, Pairs, json_pairs, parse_pairs

SECRET_HEADER = "X-Kiosk-Secret"


@dataclass(frozen=True)
class SharedSecret:
    """The kiosk's shared secret; ``in_query`` also takes it as ``?secret=`` in the address."""

    secret: str
    in_query: bool = False

    def require(self, request: web.Request, query: Pairs) -> None:
        """403 unless the request carries the secret where it may."""
        expected = self.secret.encode("utf-8")
        offered = [request.headers.get(SECRET_HEADER, "")]
        from_query = [value for name, value in query if name == SECRET_PARAM]
        if self.in_query:
            offered += from_query
        if any(value and hmac.compare_digest(value.encode("utf-8"), expected) for value in offered):
            return
        if from_query and not self.in_query:
            raise web.HTTPForbidden(
                text=f"The shared secret must come in the {SECRET_HEADER} header, not in the "
                "address (addresses end up in logs); or set inbound_allow_query_secret."
            )
        raise web.HTTPForbidden(text="The shared secret is missing or wrong.")


def require_session_window(event: CallEvent, since: datetime | None) -> None:
    """422 unless the call's own time falls while a session listens (``since`` until now).

    ``since`` is when the oldest session still listened for started (None: none).
    """
    slack = timedelta(seconds=event.tolerance)
    if since is None or not since - slack <= event.at <= datetime.now(UTC) + slack:
        raise web.HTTPUnprocessableEntity(
            text="The call time (createTime) is outside every open verification session."
        )


async def body_pairs(request: web.Request) -> Pairs:
    """The name/value pairs of a POST's form or JSON body ([] for a GET or an empty body)."""
    if request.method != "POST":
        return []
    body = await request.read()
    if not body.strip():
        return []
    if request.content_type == "application/x-www-form-urlencoded":
        return parse_pairs(body, "The form")
    if request.content_type == "application/json":
        return json_pairs(body)
    raise web.HTTPUnsupportedMediaType(text="Expected a form-encoded or JSON body.")
