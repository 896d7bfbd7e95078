"""What the modem package has to say, as reasons with their English templates.

Opening the port, the AT channel, set-up and the SIM, the network, SMS and the one-off
diagnosis each raise or report a :class:`~kiosk.domain.reasons.Why` of a
:class:`ModemReason`; the front-ends put it in words (see :mod:`kiosk.domain.reasons`).
``{port}`` is the modem's port, ``{device}`` what staff call it
(:class:`~kiosk.domain.health.SourceName`), ``{network}`` a registration state.
"""

from __future__ import annotations

from kiosk.domain.reasons import Reason
from kiosk.domain.translatable import QT_TRANSLATE_NOOP


class ModemReason(Reason):
    """Everything the modem says to staff, from "connecting" to "the SIM is locked"."""

    # -- opening the port (source.py)
    CONNECTING = (
        "modem_connecting",
        QT_TRANSLATE_NOOP("ModemReason", "Connecting to the modem on {port}…"),
    )
    LOOKING = "modem_looking", QT_TRANSLATE_NOOP("ModemReason", "Looking for the modem…")
    NONE_FOUND = (
        "modem_none_found",
        QT_TRANSLATE_NOOP(
            "ModemReason", "No modem found. Check that it is plugged in; looking again…"
        ),
    )
    INVALID_PORT = (
        "modem_invalid_port",
        QT_TRANSLATE_NOOP(
            "ModemReason", "'{port}' is not a valid modem port. Check the modem setting."
        ),
    )
    NOT_FOUND = (
        "modem_not_found",
        QT_TRANSLATE_NOOP("ModemReason", "Modem not found on {port}. Check that it is plugged in."),
    )
    NOT_ALLOWED = (
        "modem_not_allowed",
        QT_TRANSLATE_NOOP(
            "ModemReason",
            "Not allowed to open the modem on {port}. Ask your administrator to give this "
            "user access to serial ports (the 'dialout' group).",
        ),
    )
    IN_USE = (
        "modem_in_use",
        QT_TRANSLATE_NOOP(
            "ModemReason",
            "The modem on {port} is in use by another program. Close that program and try again.",
        ),
    )
    CANNOT_OPEN = (
        "modem_cannot_open",
        QT_TRANSLATE_NOOP(
            "ModemReason", "Could not open the modem on {port}. Check that it is plugged in."
        ),
    )
    CONNECTION_LOST = (
        "modem_connection_lost",
        QT_TRANSLATE_NOOP(
            "ModemReason",
            "Lost the connection to the modem on {port}. Check the cable; trying again…",
        ),
    )
    RESTARTED = (
        "modem_restarted",
        QT_TRANSLATE_NOOP("ModemReason", "The modem restarted; setting it up again…"),
    )
    NOT_ENDING_CALLS = (
        "modem_not_ending_calls",
        QT_TRANSLATE_NOOP(
            "ModemReason",
            "The modem on {port} does not end calls. Unplug it, wait ten seconds and plug it "
            "back in.",
        ),
    )
    NOT_USED = "modem_not_used", QT_TRANSLATE_NOOP("ModemReason", "The modem is not being used.")
    NOT_READY_IN_TIME = (
        "modem_not_ready_in_time",
        QT_TRANSLATE_NOOP("ModemReason", "The modem did not get ready in time."),
    )

    # -- the AT channel (channel.py)
    STOPPED_ANSWERING = (
        "modem_stopped_answering",
        QT_TRANSLATE_NOOP(
            "ModemReason",
            "The modem on {port} stopped answering. Unplug it, wait ten seconds and plug it "
            "back in.",
        ),
    )
    NOT_CONNECTED = (
        "modem_not_connected",
        QT_TRANSLATE_NOOP("ModemReason", "The modem on {port} is not connected."),
    )
    NO_ANSWER = (
        "modem_no_answer",
        QT_TRANSLATE_NOOP("ModemReason", "The modem did not answer {command}."),
    )
    REFUSED = (
        "modem_refused",
        QT_TRANSLATE_NOOP("ModemReason", "The modem refused {command}: {reply}"),
    )
    PORT_CLOSED = (
        "modem_port_closed",
        QT_TRANSLATE_NOOP("ModemReason", "The modem connection was lost."),
    )

    # -- set-up and the SIM (setup.py)
    NO_CALLER_ID = (
        "modem_no_caller_id",
        QT_TRANSLATE_NOOP(
            "ModemReason",
            "The modem on {port} cannot show caller numbers (it refused AT+CLIP=1). It may "
            "not support voice calls.",
        ),
    )
    SIM_MISSING = (
        "sim_missing",
        QT_TRANSLATE_NOOP(
            "ModemReason",
            "No SIM card in the modem on {port}. Insert the SIM and plug the modem in again.",
        ),
    )
    SIM_NOT_READY = (
        "sim_not_ready",
        QT_TRANSLATE_NOOP("ModemReason", "The SIM card is not ready ({state})."),
    )
    SIM_BLOCKED = (
        "sim_blocked",
        QT_TRANSLATE_NOOP(
            "ModemReason",
            "The SIM card is blocked and needs its PUK code. Unblock it in a phone, then put "
            "it back in the modem.",
        ),
    )
    SIM_LOCKED = (
        "sim_locked",
        QT_TRANSLATE_NOOP(
            "ModemReason",
            "The SIM card is locked with a PIN. Set sim_pin in the settings (or --sim-pin-file) "
            "to the SIM's PIN.",
        ),
    )
    SIM_PIN_NOT_DIGITS = (
        "modem_sim_pin_not_digits",
        QT_TRANSLATE_NOOP(
            "ModemReason", "The SIM PIN in the settings (sim_pin) must be 4 to 8 digits."
        ),
    )
    SIM_PIN_REFUSED = (
        "sim_pin_refused",
        QT_TRANSLATE_NOOP(
            "ModemReason",
            "The SIM card refused the PIN in the settings. Check sim_pin; after three wrong "
            "tries the SIM needs its PUK.",
        ),
    )

    # -- the network and the signal (health.py)
    SIM_REFUSED_BY_NETWORK = (
        "sim_refused_by_network",
        QT_TRANSLATE_NOOP(
            "ModemReason",
            "The mobile network refused the modem's SIM on {port}. Check that the SIM is "
            "active and paid for.",
        ),
    )
    NO_NETWORK = (
        "modem_no_network",
        QT_TRANSLATE_NOOP(
            "ModemReason",
            "The modem on {port} has no mobile network ({network}). Calls cannot arrive. "
            "Check the SIM and the antenna, or move the modem near a window.",
        ),
    )
    READY = "modem_ready", QT_TRANSLATE_NOOP("ModemReason", "{device} ready on {port}")
    READY_OPERATOR = (
        "modem_ready_operator",
        QT_TRANSLATE_NOOP("ModemReason", "{device} ready — {operator}"),
    )
    READY_WEAK_SIGNAL = (
        "modem_ready_weak_signal",
        QT_TRANSLATE_NOOP(
            "ModemReason", "{device} ready — very weak signal: move the modem or its antenna"
        ),
    )
    READY_OPERATOR_WEAK_SIGNAL = (
        "modem_ready_operator_weak_signal",
        QT_TRANSLATE_NOOP(
            "ModemReason",
            "{device} ready — {operator}, very weak signal: move the modem or its antenna",
        ),
    )
    # +CREG/+CEREG <stat> values
    NETWORK_NOT_SEARCHING = (
        "network_not_searching",
        QT_TRANSLATE_NOOP("ModemReason", "not registered, not searching"),
    )
    NETWORK_HOME = "network_home", QT_TRANSLATE_NOOP("ModemReason", "registered (home network)")
    NETWORK_SEARCHING = (
        "network_searching",
        QT_TRANSLATE_NOOP("ModemReason", "searching for a network"),
    )
    NETWORK_DENIED = (
        "network_denied",
        QT_TRANSLATE_NOOP("ModemReason", "registration refused by the network"),
    )
    NETWORK_UNKNOWN = "network_unknown", QT_TRANSLATE_NOOP("ModemReason", "unknown")
    NETWORK_ROAMING = "network_roaming", QT_TRANSLATE_NOOP("ModemReason", "registered (roaming)")

    # -- text messages (sms.py): "not sent", and why (+CMS ERROR codes)
    NO_SMS = (
        "modem_no_sms",
        QT_TRANSLATE_NOOP("ModemReason", "The modem cannot send text messages right now."),
    )
    SMS_NOT_SENT = (
        "sms_not_sent",
        QT_TRANSLATE_NOOP("ModemReason", "The text message was not sent: {cause}."),
    )
    SMS_NOT_SENT_CODE = (
        "sms_not_sent_code",
        QT_TRANSLATE_NOOP("ModemReason", "The text message was not sent: {cause} (error {code})."),
    )
    SMS_NOT_IN_TIME = (
        "sms_not_in_time",
        QT_TRANSLATE_NOOP(
            "ModemReason", "The text message was not sent: the modem did not answer in time."
        ),
    )
    SMS_NOT_TEXT_MODE = (
        "sms_not_text_mode",
        QT_TRANSLATE_NOOP("ModemReason", "the modem is not in text mode"),
    )
    SMS_TEXT_REFUSED = (
        "sms_text_refused",
        QT_TRANSLATE_NOOP("ModemReason", "the modem refused the message text"),
    )
    SMS_NO_SIM = "sms_no_sim", QT_TRANSLATE_NOOP("ModemReason", "there is no SIM card in the modem")
    SMS_SIM_LOCKED = (
        "sms_sim_locked",
        QT_TRANSLATE_NOOP("ModemReason", "the SIM card is locked with a PIN"),
    )
    SMS_SIM_FAULT = "sms_sim_fault", QT_TRANSLATE_NOOP("ModemReason", "the SIM card has a fault")
    SMS_MEMORY_FULL = (
        "sms_memory_full",
        QT_TRANSLATE_NOOP("ModemReason", "the SIM's message memory is full"),
    )
    SMS_NO_CENTRE = (
        "sms_no_centre",
        QT_TRANSLATE_NOOP("ModemReason", "the SIM has no message-centre number"),
    )
    SMS_NO_NETWORK = (
        "sms_no_network",
        QT_TRANSLATE_NOOP("ModemReason", "there is no mobile network"),
    )
    SMS_NETWORK_SLOW = (
        "sms_network_slow",
        QT_TRANSLATE_NOOP("ModemReason", "the network did not answer in time"),
    )
    SMS_FAILED = "sms_failed", QT_TRANSLATE_NOOP("ModemReason", "the modem could not send it")
    SMS_REFUSED = "sms_refused", QT_TRANSLATE_NOOP("ModemReason", "the modem refused to send it")
