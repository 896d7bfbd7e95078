"""The SMS-code fallback, through a real modem driver on the simulator's pty."""

import asyncio
import re

import pytest
from sqlalchemy import text

from kiosk.core.reasons import CoreReason
from kiosk.core.service import SmsNotSent
from kiosk.domain.reasons import Why
from kiosk.domain.session import Method, Status
from kiosk.domain.sms_code import MAX_SENDS, CodeCheck
from kiosk.sources.modem.reasons import ModemReason
from kiosk.sources.simulator import ModemSimulator
from kiosk.store.database import Database
from kiosk.store.models import Verification
from tests.core.conftest import ASHA, make_service, queued_payloads, texting_modem


def sent_code(simulator: ModemSimulator) -> str:
    [(_number, message)] = simulator.sent_sms[-1:]
    match = re.search(r"\b(\d{6})\b", message)
    assert match is not None, message
    return match.group(1)


async def test_sms_code_verifies_and_the_callback_says_so(seeded: Database) -> None:
    service = make_service(seeded)
    assert not service.sms_available  # no modem yet
    async with texting_modem(service) as simulator:
        session = await service.start_for_reference("ORDER-1042")
        changed = await service.send_sms_code(session.id)
        assert changed.code_expires_at is not None
        assert changed.expires_at >= changed.code_expires_at  # time to type it
        [(number, message)] = simulator.sent_sms
        assert number == ASHA
        assert "ORDER-1042" in message
        code = sent_code(simulator)
        wrong = "000000" if code != "000000" else "111111"
        assert await service.check_sms_code(session.id, wrong) == (CodeCheck.WRONG, 4)
        assert await service.check_sms_code(session.id, code) == (CodeCheck.ACCEPTED, 3)
        final = await asyncio.wait_for(service.outcome(session.id), 5)
    assert final.status is Status.VERIFIED
    assert final.method is Method.SMS_CODE
    [data] = queued_payloads(seeded)
    assert data["method"] == "sms_code"
    assert data["status"] == "verified"
    assert data["caller_number"] is None
    with seeded.session() as db:
        stored = db.get(Verification, session.id)
        assert stored is not None
        assert stored.method == "sms_code"
        assert code not in db.scalar(text("select group_concat(code_hash) from sms_codes"))


async def test_a_missed_call_still_verifies_after_a_code_was_sent(seeded: Database) -> None:
    service = make_service(seeded)
    async with texting_modem(service) as simulator:
        session = await service.start_for_reference("ORDER-1042")
        await service.send_sms_code(session.id)
        assert await asyncio.wait_for(simulator.ring(ASHA, interval=2.0), 5)
        final = await asyncio.wait_for(service.outcome(session.id), 5)
        code = sent_code(simulator)
    assert final.method is Method.MISSED_CALL
    assert queued_payloads(seeded)[0]["method"] == "missed_call"
    assert await service.check_sms_code(session.id, code) == (CodeCheck.NO_CODE, 0)


async def test_sms_refused_by_the_network_is_said_in_plain_words(seeded: Database) -> None:
    service = make_service(seeded)
    async with texting_modem(service) as simulator:
        session = await service.start_for_reference("ORDER-1042")
        simulator.sms_error = 331
        with pytest.raises(SmsNotSent, match="there is no mobile network") as caught:
            await service.send_sms_code(session.id)
        assert caught.value.why.values["cause"] == Why(ModemReason.SMS_NO_NETWORK)
        assert service.pending_sessions()[0].code_expires_at is None
        assert await service.check_sms_code(session.id, "123456") == (CodeCheck.NO_CODE, 0)


async def test_sms_limits(seeded: Database) -> None:
    service = make_service(seeded)
    session = await service.start_for_reference("ORDER-1042")
    with pytest.raises(SmsNotSent, match="the modem is not ready"):
        await service.send_sms_code(session.id)
    async with texting_modem(service):
        for _ in range(MAX_SENDS):
            await service.send_sms_code(session.id)
        with pytest.raises(SmsNotSent, match="Ask the customer to call instead") as caught:
            await service.send_sms_code(session.id)
        assert caught.value.why == Why(CoreReason.SMS_LIMIT, count=MAX_SENDS)
        await service.cancel(session.id)
        with pytest.raises(SmsNotSent, match="already finished"):
            await service.send_sms_code(session.id)
