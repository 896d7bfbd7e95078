"""Text messages through the modem: sending one, and what its ``+CMS ERROR`` codes mean.

:func:`send_text` switches the modem to text mode (``AT+CMGF=1``) and sends the message
with ``AT+CMGS``, writing the text after the modem's ``>`` prompt, with the channel held
so no other command comes between. Only printable characters of the GSM 7-bit alphabet
are written (:func:`gsm7_text`): a Ctrl-Z inside the text would end the message there
and the modem would run the rest (``AT+CFUN=0``, call forwarding, a premium number) as
commands; Esc, CR and LF would cut it short too. Refusals become reasons staff can act
on; the codes are
from 3GPP TS 27.005 section 3.2.5 (and the values SIMCom and Quectel document beside it).
"""

from __future__ import annotations

import logging
import re
import string

from kiosk.domain.phone import mask
from kiosk.domain.reasons import Why
from kiosk.sources.modem.channel import AtChannel
from kiosk.sources.modem.errors import ModemError
from kiosk.sources.modem.reasons import ModemReason

log = logging.getLogger("kiosk.modem")

#: Seconds an SMS may take (the network answers +CMGS slowly).
SMS_TIMEOUT = 60.0

#: What a ``+CMS ERROR: <n>`` means.
_CAUSES = {
    304: ModemReason.SMS_NOT_TEXT_MODE,
    305: ModemReason.SMS_TEXT_REFUSED,
    310: ModemReason.SMS_NO_SIM,
    311: ModemReason.SMS_SIM_LOCKED,
    313: ModemReason.SMS_SIM_FAULT,
    322: ModemReason.SMS_MEMORY_FULL,
    330: ModemReason.SMS_NO_CENTRE,
    331: ModemReason.SMS_NO_NETWORK,
    332: ModemReason.SMS_NETWORK_SLOW,
    500: ModemReason.SMS_FAILED,
}
#: Printable ASCII that the GSM 7-bit default alphabet has as itself (not ` [ ] { } \\ ^ ~ |,
#: which take an escape, nor any control character).
_GSM7_PRINTABLE = frozenset(string.ascii_letters + string.digits + " !\"#$%&'()*+,-./:;<=>?@_")


def gsm7_text(text: str) -> bytes:
    """``text`` as a modem may be given it: any other character becomes ``?``."""
    return "".join(ch if ch in _GSM7_PRINTABLE else "?" for ch in text).encode("ascii")


def sms_problem(reply: str) -> Why:
    """Why a ``+CMS ERROR: <n>`` (or any other failed reply) to AT+CMGS left a text unsent."""
    match = re.search(r"CMS ERROR:\s*(\d+)", reply.upper())
    if match is None:
        return Why(ModemReason.SMS_NOT_SENT, cause=Why(ModemReason.SMS_REFUSED))
    code = int(match.group(1))
    cause = Why(_CAUSES.get(code, ModemReason.SMS_REFUSED))
    return Why(ModemReason.SMS_NOT_SENT_CODE, cause=cause, code=code)


async def send_text(channel: AtChannel, number: str, text: str) -> None:
    """Send ``text`` to ``number`` (E.164); raise :class:`ModemError` saying why not."""
    body = gsm7_text(text)
    async with channel.held() as send:
        try:
            await send("AT+CMGF=1")
            await send(f'AT+CMGS="{number}"', body=body, wait=SMS_TIMEOUT)
        except ModemError as exc:
            if exc.timed_out:
                raise ModemError(Why(ModemReason.SMS_NOT_IN_TIME)) from exc
            raise ModemError(sms_problem(str(exc.why.values.get("reply", "")))) from exc
    log.info("Text message sent to %s", mask(number))
