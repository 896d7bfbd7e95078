"""Twilio's voice webhook: check its signature, read the call, answer with a free rejection.

The listener (:mod:`kiosk.sources.provider.inbound`) serves ``POST /twilio/voice``
and calls in here. Where each fact comes from (public documentation and code):

- [tw-sec] Twilio, "Secure webhooks",
  https://www.twilio.com/docs/usage/webhooks/webhooks-security (and the older
  https://www.twilio.com/docs/usage/security#validating-requests): Twilio signs every
  request with ``X-Twilio-Signature``: HMAC-SHA1, keyed with the account's auth token,
  over the full URL Twilio called (scheme through query string) followed, for a POST,
  by every POST parameter sorted by name ("Unix-style case-sensitive sorting order"),
  each as name then value with no delimiter; base64 of the digest.
- [tw-py] twilio-python ``twilio/request_validator.py`` (``RequestValidator``): the
  same algorithm; a name sent several times contributes each value, values sorted;
  signatures are compared in constant time; the URL is checked both with and without
  its port ("sig generation on back end is inconsistent"). Its unit test
  ``tests/unit/test_request_validator.py`` holds the documented example (token
  ``12345``, ``https://mycompany.com/myapp.php?foo=1&bar=2`` ->
  ``RSOYDt4T1cUTdK1PDd93/VVr8B8=``), which the tests here check too.
- [tw-voice] Twilio, "Voice Webhooks",
  https://www.twilio.com/docs/usage/webhooks/voice-webhooks: an incoming call is a
  form-encoded POST with ``CallSid``, ``AccountSid``, ``From``, ``To``,
  ``CallStatus``, ``Direction`` (``inbound`` for calls to our number), ...; the answer
  is TwiML. ``<Reject/>`` refuses the call without answering it, so it is free.
  Status callbacks also carry ``Timestamp`` (UTC, RFC 2822; confirmed here only
  through Telnyx's Twilio-compatible TeXML reference, so it is optional).

The caller is read as in the call log (:func:`~.call_log.caller_number`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
from collections.abc import Iterable
from datetime import UTC
from urllib.parse import urlsplit, urlunsplit

from kiosk.domain.events import CallEvent
from kiosk.domain.phone import mask
from kiosk.sources.provider.base import utc_time
from kiosk.sources.provider.twilio.call_log import caller_number
from kiosk.sources.provider.webhook import KioskLine, Notification

log = logging.getLogger("kiosk.provider.twilio")

SIGNATURE_HEADER = "X-Twilio-Signature"

TWIML_REJECT = '<?xml version="1.0" encoding="UTF-8"?><Response><Reject/></Response>'
"""[tw-voice] Refuse the call without answering it: it costs the caller nothing."""


def twilio_signature(auth_token: str, url: str, params: Iterable[tuple[str, str]]) -> str:
    """``X-Twilio-Signature`` for a request to ``url`` with POST ``params`` [tw-sec, tw-py].

    The URL, then each parameter name followed by its value, names sorted
    (case-sensitive; a repeated name gives each of its values, sorted), signed with
    HMAC-SHA1 keyed by the auth token, base64-encoded.
    """
    values: dict[str, list[str]] = {}
    for name, value in params:
        values.setdefault(name, []).append(value)
    data = url + "".join(name + value for name in sorted(values) for value in sorted(values[name]))
    digest = hmac.new(auth_token.encode("utf-8"), data.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def signature_valid(
    auth_token: str, url: str, params: Iterable[tuple[str, str]], signature: str
) -> bool:
    """Whether ``signature`` signs ``params`` posted to ``url``, with or without its port."""
    params = list(params)
    given = signature.strip().encode("ascii", "replace")
    return any(
        hmac.compare_digest(twilio_signature(auth_token, variant, params).encode("ascii"), given)
        for variant in _url_variants(url)
    )


def _url_variants(url: str) -> list[str]:
    """The URL as given, without its port and with the scheme's default port [tw-py]."""
    variants = [url]
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return variants
    host = parts.netloc.rsplit("@", 1)[-1]
    userinfo = parts.netloc[: len(parts.netloc) - len(host)]
    bare_host = host.rsplit(":", 1)[0] if port is not None else host
    default = 443 if parts.scheme == "https" else 80
    for netloc in (userinfo + bare_host, f"{userinfo}{bare_host}:{port or default}"):
        variant = urlunsplit(parts._replace(netloc=netloc))
        if variant not in variants:
            variants.append(variant)
    return variants


def voice_call(notification: Notification, line: KioskLine) -> CallEvent | None:
    """[tw-voice] The call a signed voice webhook reports, or None when it is not for us.

    Raises :class:`~kiosk.sources.provider.webhook.BadNotification` without ``CallSid``.
    """
    fields = notification.fields
    call_sid = notification.required("CallSid")
    direction = fields.get("Direction", "inbound").lower()
    dialed = line.phone(fields.get("To"))
    if direction != "inbound":
        log.info("Twilio: call %s is %s, not inbound; ignored", call_sid, direction or "?")
        return None
    if dialed != line.number:
        log.info("Twilio: call %s was to %s, not the kiosk's number", call_sid, mask(dialed))
        return None
    caller_raw = fields.get("From", "")
    return line.call(
        notification,
        source="twilio",
        caller_raw=caller_raw,
        caller=caller_number(caller_raw, line.region),
        call_id=call_sid,
        at=utc_time(fields.get("Timestamp", ""), UTC),
    )
