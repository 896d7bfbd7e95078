"""What sending results to the merchant backend has to say, as reasons with English templates.

The outbox dispatcher and the test callback report a :class:`~kiosk.domain.reasons.Why`
of a :class:`DeliveryReason`; the front-ends put it in words (see
:mod:`kiosk.domain.reasons`).
"""

from __future__ import annotations

from kiosk.domain.reasons import Reason
from kiosk.domain.translatable import QT_TRANSLATE_NOOP


class DeliveryReason(Reason):
    """Why a result (or the test event) did or did not reach the merchant backend."""

    NO_ANSWER = (
        "backend_no_answer",
        QT_TRANSLATE_NOOP("DeliveryReason", "The backend did not answer within {seconds:g} s."),
    )
    UNREACHABLE = (
        "backend_unreachable",
        QT_TRANSLATE_NOOP("DeliveryReason", "Cannot reach the backend ({error})."),
    )
    HTTP_STATUS = (
        "backend_http_status",
        QT_TRANSLATE_NOOP("DeliveryReason", "The backend answered {status} {phrase}."),
    )
    NO_URL = (
        "no_callback_url",
        QT_TRANSLATE_NOOP(
            "DeliveryReason", "No callback URL is set: results are kept until one is."
        ),
    )
    NO_SECRET = (
        "no_callback_secret",
        QT_TRANSLATE_NOOP(
            "DeliveryReason", "No callback secret is set: results are kept until one is."
        ),
    )
    FAULT = (
        "outbox_fault",
        QT_TRANSLATE_NOOP("DeliveryReason", "Could not send results ({error})."),
    )
    # the settings screen's "Send a test callback"
    ENTER_URL = (
        "enter_callback_url",
        QT_TRANSLATE_NOOP("DeliveryReason", "Enter the callback URL first."),
    )
    ENTER_SECRET = (
        "enter_callback_secret",
        QT_TRANSLATE_NOOP("DeliveryReason", "Enter the callback secret first."),
    )
    TEST_ACCEPTED = (
        "test_accepted",
        QT_TRANSLATE_NOOP("DeliveryReason", "The backend accepted the test ({status})."),
    )
