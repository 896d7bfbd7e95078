"""What the providers have to say, as reasons with their English templates.

Asking a provider's API (and the merchant backend's customer list, which goes through
the same helpers), polling it, listening for its notifications and building an adapter
from the settings each raise or report a :class:`~kiosk.domain.reasons.Why` of a
:class:`ProviderReason`; the front-ends put it in words (see :mod:`kiosk.domain.reasons`).
``{provider}`` is the provider's name (a brand, or a reason such as "the merchant backend").
"""

from __future__ import annotations

from kiosk.domain.reasons import Reason
from kiosk.domain.translatable import QT_TRANSLATE_NOOP


class ProviderReason(Reason):
    """Everything a provider source says to staff, from "reachable" to "refused the token"."""

    # -- asking the API (base.py)
    NO_ANSWER = (
        "provider_no_answer",
        QT_TRANSLATE_NOOP("ProviderReason", "Cannot reach {provider} (no answer in time)."),
    )
    UNREACHABLE = (
        "provider_unreachable",
        QT_TRANSLATE_NOOP("ProviderReason", "Cannot reach {provider} ({cause})."),
    )
    UNREADABLE = (
        "provider_unreadable",
        QT_TRANSLATE_NOOP("ProviderReason", "{provider} sent an answer that could not be read."),
    )
    REFUSED = (
        "provider_refused",
        QT_TRANSLATE_NOOP(
            "ProviderReason", "{provider} refused the credentials. Check the {provider} settings."
        ),
    )
    SLOW_DOWN = (
        "provider_slow_down",
        QT_TRANSLATE_NOOP(
            "ProviderReason",
            "{provider} asks us to slow down (HTTP 429); waiting before the next try.",
        ),
    )
    TROUBLE = (
        "provider_trouble",
        QT_TRANSLATE_NOOP(
            "ProviderReason", "{provider} is having problems (HTTP {status}); retrying."
        ),
    )
    HTTP_STATUS = (
        "provider_http_status",
        QT_TRANSLATE_NOOP(
            "ProviderReason", "{provider} answered HTTP {status}. Check the {provider} settings."
        ),
    )
    # the cause of an unreachable provider
    INVALID_ADDRESS = (
        "invalid_address",
        QT_TRANSLATE_NOOP("ProviderReason", "the address in the settings is not valid"),
    )
    NO_CONNECTION_TO = (
        "no_connection_to",
        QT_TRANSLATE_NOOP("ProviderReason", "no connection to {host}"),
    )
    NO_CONNECTION = "no_connection", QT_TRANSLATE_NOOP("ProviderReason", "no connection")
    CONNECTION_LOST = "connection_lost", QT_TRANSLATE_NOOP("ProviderReason", "connection lost")

    # -- one provider's own answers
    TWILIO_REFUSED = (
        "twilio_refused",
        QT_TRANSLATE_NOOP(
            "ProviderReason",
            "{provider} refused the account SID or auth token. Check the {provider} settings.",
        ),
    )
    TWILIO_NO_ACCOUNT = (
        "twilio_no_account",
        QT_TRANSLATE_NOOP(
            "ProviderReason",
            "Twilio has no account {account}. Check the account SID in the Twilio settings.",
        ),
    )
    HTTP_JSON = "http_json", QT_TRANSLATE_NOOP("ProviderReason", "HTTP JSON provider")
    NO_CALL_LIST = (
        "provider_no_call_list",
        QT_TRANSLATE_NOOP("ProviderReason", "{provider} sent an answer without a list of calls."),
    )

    # -- polling (poller.py)
    WAITING = (
        "provider_waiting",
        QT_TRANSLATE_NOOP("ProviderReason", "{provider}: waiting for the next verification"),
    )
    REACHABLE = "provider_reachable", QT_TRANSLATE_NOOP("ProviderReason", "{provider} reachable")
    POLL_FAILED = (
        "provider_poll_failed",
        QT_TRANSLATE_NOOP("ProviderReason", "{provider}: {problem}"),
    )
    UNEXPECTED = (
        "provider_unexpected",
        QT_TRANSLATE_NOOP("ProviderReason", "{provider}: unexpected problem; retrying."),
    )
    NOT_USED = (
        "provider_not_used",
        QT_TRANSLATE_NOOP("ProviderReason", "{provider} is not being used."),
    )

    # -- listening for notifications (inbound.py)
    INBOUND_OPENING = (
        "inbound_opening",
        QT_TRANSLATE_NOOP("ProviderReason", "Opening the port for provider notifications."),
    )
    INBOUND_LISTENING = (
        "inbound_listening",
        QT_TRANSLATE_NOOP("ProviderReason", "Listening for provider notifications on {url}"),
    )
    INBOUND_NOT_USED = (
        "inbound_not_used",
        QT_TRANSLATE_NOOP("ProviderReason", "Provider notifications are not being received."),
    )
    INBOUND_NO_ADDRESS = (
        "inbound_no_address",
        QT_TRANSLATE_NOOP(
            "ProviderReason",
            "Cannot receive provider notifications: this computer has no network address "
            "{host}. Check the listening address in the settings.",
        ),
    )
    INBOUND_PORT_IN_USE = (
        "inbound_port_in_use",
        QT_TRANSLATE_NOOP(
            "ProviderReason",
            "Cannot receive provider notifications: port {port} is already in use by another "
            "program. Close that program or choose another port in the settings.",
        ),
    )
    INBOUND_PORT_NOT_ALLOWED = (
        "inbound_port_not_allowed",
        QT_TRANSLATE_NOOP(
            "ProviderReason",
            "Cannot receive provider notifications: the kiosk is not allowed to use port "
            "{port}. Choose a port above 1024 in the settings.",
        ),
    )
    INBOUND_CANNOT_LISTEN = (
        "inbound_cannot_listen",
        QT_TRANSLATE_NOOP(
            "ProviderReason", "Cannot receive provider notifications on port {port} ({cause})."
        ),
    )

    # -- the settings (factory.py)
    NEEDS_DIAL_NUMBER = (
        "provider_needs_dial_number",
        QT_TRANSLATE_NOOP(
            "ProviderReason",
            "Set the number customers dial (--dial-number or KIOSK_DIAL_NUMBER) for {provider}.",
        ),
    )
    INBOUND_NEEDS_DIAL_NUMBER = (
        "inbound_needs_dial_number",
        QT_TRANSLATE_NOOP(
            "ProviderReason",
            "Set the number customers dial (--dial-number or KIOSK_DIAL_NUMBER) to accept "
            "provider notifications.",
        ),
    )
    SETTING_MISSING = (
        "provider_setting_missing",
        QT_TRANSLATE_NOOP("ProviderReason", "Missing provider setting: {variable}."),
    )
    UNKNOWN = (
        "provider_unknown",
        QT_TRANSLATE_NOOP("ProviderReason", "Unknown call provider '{provider}'."),
    )
