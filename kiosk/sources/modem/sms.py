"""Text messages through the modem: sending one, and what its ``+CMS ERROR`` codes mean.

:func:`send_text` switches the modem to text mode (``AT+CMGF=1``) and sends the message
with ``AT+CMGS``, writing the text after the modem's ``>`` prompt, with the channel held
so no other command comes between. Only printable characters of the GSM 7-bit alphabet
are written (:func:`gsm7_text`): a Ctrl-Z inside the text would end the message there
and the modem would run the rest (``AT+CFUN=0``, call forwarding, a premium number) as
commands; Esc, CR and LF would cut it short too. Refusals become words staff can use; the codes are
from 3GPP TS 27.005 section 3.2.5 (and the values SIMCom and Quectel document beside it).
"""

from __future__ import annotations

import logging
import re
import string

from kiosk.domain.phone import mask
from kiosk.sources.modem.channel import AtChannel
from kiosk.sources.modem.errors import ModemError

log = logging.getLogger("kiosk.modem")

#: Seconds an SMS may take (the network answers +CMGS slowly).
SMS_TIMEOUT = 60.0

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
_NOT_IN_TIME = "The text message was not sent: the modem did not answer in time."
#: Printable ASCII that the GSM 7-bit default alphabet has as itself (not ` [ ] { } \\ ^ ~ |,
#: which take an escape, nor any control character).
_GSM7_PRINTABLE = frozenset(string.ascii_letters + string.digits + " !\"#$%&'()*+,-./:;<=>?@_")


def gsm7_text(text: str) -> bytes:
    """``text`` as a modem may be given it: any other character becomes ``?``."""
    return "".join(ch if ch in _GSM7_PRINTABLE else "?" for ch in text).encode("ascii")


def sms_error_words(reply: str) -> str:
    """Plain words for a ``+CMS ERROR: <n>`` (or any other failed reply) to AT+CMGS."""
    match = re.search(r"CMS ERROR:\s*(\d+)", reply.upper())
    code = int(match.group(1)) if match else None
    reason = _WORDS.get(code or 0, "the modem refused to send it")
    suffix = f" (error {code})" if code is not None else ""
    return f"The text message was not sent: {reason}{suffix}."


async def send_text(channel: AtChannel, number: str, text: str) -> None:
    """Send ``text`` to ``number`` (E.164); raise :class:`ModemError` in plain words."""
    body = gsm7_text(text)
    async with channel.held() as send:
        try:
            await send("AT+CMGF=1")
            await send(f'AT+CMGS="{number}"', body=body, wait=SMS_TIMEOUT)
        except ModemError as exc:
            if exc.timed_out:
                raise ModemError(_NOT_IN_TIME) from exc
            raise ModemError(sms_error_words(str(exc))) from exc
    log.info("Text message sent to %s", mask(number))
