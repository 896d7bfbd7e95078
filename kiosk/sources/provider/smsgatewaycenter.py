"""SMS Gateway Center: the missed-call verification callback, read as a call to the kiosk.

SMS Gateway Center has no call log to poll; it calls back. The listener
(:mod:`kiosk.sources.provider.inbound`, ``GET``/``POST /smsgatewaycenter/missed-call``)
calls :func:`missed_call` with what arrived. Where each fact comes from:

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

- The HTTP method of the callback: GET and POST are both taken; a POST may be a form
  or a JSON object.
- ``createTime`` is the call's time, and it is required (400 without it): the arrival
  of the callback says nothing about when the call came, and a callback copied and
  sent again later must not count as a new call. The listener also refuses a
  ``createTime`` outside every open session (422).
- There is no call id, so one is derived from ``mobile``, ``missCallTo`` and
  ``createTime``; the listener takes it once (a replay answers 409).
- Only ``status=success`` (or no status at all) is taken as a call.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime

from kiosk.domain.events import CallEvent
from kiosk.domain.phone import mask, mask_numbers_in
from kiosk.sources.provider.webhook import BadNotification, KioskLine, Notification

log = logging.getLogger("kiosk.provider.smsgatewaycenter")


def missed_call(notification: Notification, line: KioskLine) -> CallEvent | None:
    """[sgc] The call a callback reports, or None (the customer never dialled, or not us).

    Raises :class:`~kiosk.sources.provider.webhook.BadNotification` without a readable
    ``createTime``.
    """
    fields = notification.fields
    status = fields.get("status", "").lower()
    dialed = line.dialed(fields.get("missCallTo"))
    if status and status != "success":
        # [sgc] the callback also comes when the customer never dialled.
        log.info(
            "SMS Gateway Center: verification ended with status %r; no call",
            mask_numbers_in(status[:40]),
        )
        return None
    if dialed != line.number:
        log.info("SMS Gateway Center: call was to %s, not the kiosk's number", mask(dialed))
        return None
    created = notification.required("createTime")
    caller_raw = fields.get("mobile", "")
    return line.call(
        notification,
        source="smsgatewaycenter",
        caller_raw=caller_raw,
        caller=line.phone(caller_raw),
        call_id=_call_id(fields, created),
        at=_unix_time(created),
    )


def _unix_time(text: str) -> datetime:
    """[sgc] "time in unix format": whole seconds since 1970 (400 for anything else)."""
    try:
        return datetime.fromtimestamp(int(text), UTC)
    except (ValueError, OverflowError, OSError):
        raise BadNotification("createTime is not a time in Unix seconds.") from None


def _call_id(fields: dict[str, str], created: str) -> str:
    """A stable id for one verification's callback (SMS Gateway Center sends none)."""
    key = "|".join((fields.get("mobile", ""), fields.get("missCallTo", ""), created))
    return "sgc-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
