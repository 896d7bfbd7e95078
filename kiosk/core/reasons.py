"""What the verification core has to say, as reasons with their English templates.

Pulling customers from the merchant backend reports a :class:`~kiosk.domain.reasons.Why`
of a :class:`CoreReason` (or of a provider's, since the pull goes through the same HTTP
helpers); the front-ends put it in words (see :mod:`kiosk.domain.reasons`).
"""

from __future__ import annotations

from kiosk.domain.reasons import QT_TRANSLATE_NOOP, Reason


class CoreReason(Reason):
    """Why a pull of customers from the merchant backend failed."""

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
