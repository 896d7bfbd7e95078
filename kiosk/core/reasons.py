"""What the verification core has to say, as reasons with their English templates.

A customer not found, a code not sent by SMS, a failed pull of customers from the
merchant backend: each is a :class:`~kiosk.domain.reasons.Why` of a :class:`CoreReason`
(the pull may also report a provider's, since it goes through the same HTTP helpers); the
front-ends put it in words (see :mod:`kiosk.domain.reasons`).
"""

from __future__ import annotations

from kiosk.domain.reasons import Reason
from kiosk.domain.translatable import QT_TRANSLATE_NOOP


class CoreReason(Reason):
    """Why a verification could not start, a code was not sent, or a pull failed."""

    CUSTOMER_NOT_FOUND = (
        "customer_not_found",
        QT_TRANSLATE_NOOP("CoreReason", "No customer has the reference '{reference}'."),
    )
    # -- codes by SMS
    SESSION_FINISHED = (
        "session_finished",
        QT_TRANSLATE_NOOP("CoreReason", "This verification has already finished."),
    )
    SMS_MODEM_NOT_READY = (
        "sms_modem_not_ready",
        QT_TRANSLATE_NOOP(
            "CoreReason", "Codes cannot be sent by SMS right now: the modem is not ready."
        ),
    )
    SMS_LIMIT = (
        "sms_limit",
        QT_TRANSLATE_NOOP(
            "CoreReason", "{count} codes were already sent. Ask the customer to call instead."
        ),
    )
    SMS_FAILED = (
        "sms_failed_unexpectedly",
        QT_TRANSLATE_NOOP("CoreReason", "The text message was not sent ({error})."),
    )
    # -- the customer list from the merchant backend

    MERCHANT_BACKEND = "merchant_backend", QT_TRANSLATE_NOOP("CoreReason", "the merchant backend")
    BACKEND_REFUSED = (
        "backend_refused",
        QT_TRANSLATE_NOOP(
            "CoreReason",
            "The merchant backend refused the credentials. Check the customer sync settings.",
        ),
    )
    BACKEND_HTTP_STATUS = (
        "backend_sync_http_status",
        QT_TRANSLATE_NOOP(
            "CoreReason",
            "The merchant backend answered HTTP {status}. Check the customer sync settings.",
        ),
    )
    NO_CUSTOMER_LIST = (
        "no_customer_list",
        QT_TRANSLATE_NOOP(
            "CoreReason", "The merchant backend sent an answer without a list of customers."
        ),
    )
