from datetime import UTC, datetime

from kiosk.domain.session import VerificationSession
from kiosk.domain.sms_code import CodeCheck, issue_code
from kiosk.store import sms_codes, verifications
from kiosk.store.database import Database

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def test_codes_are_stored_hashed_with_their_tries(database: Database):
    database.migrate()
    state = VerificationSession.start(expected_number="+919812345678", now=T0)
    first_code, first = issue_code(state.id, T0)
    second_code, second = issue_code(state.id, T0)
    with database.session() as db:
        verifications.save_verification(db, state, kiosk_id="k1")
        sms_codes.add_code(db, first, kiosk_id="k1")
        sms_codes.add_code(db, second, kiosk_id="k1")
    with database.session() as db:
        assert sms_codes.codes_sent(db, state.id) == 2
        found = sms_codes.latest_code(db, state.id)
        assert found is not None
        row_id, latest = found
        assert latest.code_hash == second.code_hash  # the newest code counts
        assert latest.check(first_code, T0) in (CodeCheck.WRONG, CodeCheck.ACCEPTED)
        sms_codes.save_tries(db, row_id, latest)
    with database.session() as db:
        found = sms_codes.latest_code(db, state.id)
        assert found is not None
        assert found[1].attempts == 1
        assert sms_codes.latest_code(db, "nobody") is None
        assert second_code not in found[1].code_hash
