"""Text messages from the modem: what its ``+CMS ERROR`` codes mean, in words staff can use.

The codes are from 3GPP TS 27.005 section 3.2.5 (and the values SIMCom and Quectel
document beside it). The sending itself (``AT+CMGF=1``, ``AT+CMGS`` with its ``>``
prompt) lives in the driver, which owns the port.
"""

from __future__ import annotations

import re

_WORDS = {
    304: "the modem is not in text mode",
    305: "the modem refused the message text",
    310: "there is no SIM card in the modem",
    311: "the SIM card is locked with a PIN",
    313: "the SIM card has a fault",
    322: "the SIM's message memory is full",
    330: "the SIM has no message-centre number",
    331: "there is no mobile network",
    332: "the network did not answer in time",
    500: "the modem could not send it",
}


def sms_error_words(reply: str) -> str:
    """Plain words for a ``+CMS ERROR: <n>`` (or any other failed reply) to AT+CMGS."""
    match = re.search(r"CMS ERROR:\s*(\d+)", reply.upper())
    code = int(match.group(1)) if match else None
    reason = _WORDS.get(code or 0, "the modem refused to send it")
    suffix = f" (error {code})" if code is not None else ""
    return f"The text message was not sent: {reason}{suffix}."
