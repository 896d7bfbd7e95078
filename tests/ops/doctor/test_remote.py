"""Doctor checks against real servers on 127.0.0.1: a fake Twilio, the merchant backend."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.ops.doctor import Verdict, run_checks
from tests.merchant_backend import MerchantBackend
from tests.ops.doctor.support import DIAL
from tests.sources.provider.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, FakeTwilio


class ShiftedClock:
    """The kiosk's clock, off by ``seconds`` from the real time."""

    def __init__(self, seconds: float) -> None:
        self.offset = timedelta(seconds=seconds)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset


@pytest.fixture
def twilio() -> Iterator[FakeTwilio]:
    with FakeTwilio() as fake:
        yield fake


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that takes connections but never answers."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        yield f"http://127.0.0.1:{server.getsockname()[1]}/hooks"


def twilio_settings(make_settings, twilio: FakeTwilio, token: str):
    return make_settings(
        source="twilio",
        dial_number=DIAL,
        provider_base_url=twilio.base_url,
        twilio_account_sid=ACCOUNT_SID,
        twilio_auth_token=token,
    )


async def test_provider_credentials_accepted(make_settings, twilio: FakeTwilio) -> None:
    report = await run_checks(twilio_settings(make_settings, twilio, AUTH_TOKEN))
    check = report.check("provider_twilio")
    assert check.status is Verdict.OK, check
    assert check.message == "Twilio accepted the credentials."
    assert twilio.request_count == 1
    assert report.check("modem").message == "This kiosk hears calls from a provider, not a modem."
    # No callback URL: the provider's Date header is the reference for the clock.
    assert report.check("clock").message == "In step with the Twilio server's clock."


async def test_bad_provider_credentials_fail(make_settings, twilio: FakeTwilio) -> None:
    report = await run_checks(twilio_settings(make_settings, twilio, "wrong-token"))
    check = report.check("provider_twilio")
    assert check.status is Verdict.FAIL
    assert "refused the account SID or auth token" in check.message
    assert "KIOSK_TWILIO_" in (check.action or "")
    assert "wrong-token" not in report.to_json()


async def test_a_missing_provider_setting_is_named(make_settings) -> None:
    report = await run_checks(make_settings(source="plivo", dial_number=DIAL))
    check = report.check("provider_plivo")
    assert check.status is Verdict.FAIL
    assert check.message == "Missing provider setting: KIOSK_PLIVO_AUTH_ID."


async def test_callback_401_means_the_secrets_differ(
    make_settings, backend: MerchantBackend
) -> None:
    other_secret = "whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY"
    report = await run_checks(make_settings(callback_url=backend.url, callback_secret=other_secret))
    check = report.check("callback")
    assert check.status is Verdict.FAIL
    assert check.message == "127.0.0.1 refused the signature (HTTP 401): the secrets do not match."
    assert "callback_secret" in (check.action or "")
    [delivery] = backend.received
    assert not delivery.signature_ok


@pytest.mark.parametrize(
    ("status", "words", "advice"),
    [
        (404, "has no callback at this address (HTTP 404)", "path in callback_url"),
        (503, "has a problem of its own (HTTP 503)", "Results wait on the kiosk"),
        (422, "turned the test event down (HTTP 422)", "verification.test"),
    ],
)
async def test_callback_answers_are_explained(
    make_settings, backend: MerchantBackend, callback_secret: str, status, words, advice
) -> None:
    backend.answer(status)
    report = await run_checks(
        make_settings(callback_url=backend.url, callback_secret=callback_secret)
    )
    check = report.check("callback")
    assert check.status is (Verdict.WARN if status == 422 else Verdict.FAIL)
    assert words in check.message
    assert advice in (check.action or "")


async def test_an_unreachable_callback_url_is_refused(make_settings, callback_secret: str) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/hooks"
    report = await run_checks(make_settings(callback_url=url, callback_secret=callback_secret))
    check = report.check("callback")
    assert check.status is Verdict.FAIL
    assert check.message == (
        "127.0.0.1 refused the connection: nothing listens at that address and port."
    )


async def test_an_unknown_host_is_named(make_settings, callback_secret: str) -> None:
    report = await run_checks(
        make_settings(
            callback_url="http://kiosk-backend.invalid/hooks", callback_secret=callback_secret
        )
    )
    check = report.check("callback")
    assert check.status is Verdict.FAIL
    assert check.message == "The name kiosk-backend.invalid cannot be found."


async def test_a_silent_backend_times_out(
    make_settings, silent_server: str, callback_secret: str
) -> None:
    report = await run_checks(
        make_settings(
            callback_url=silent_server, callback_secret=callback_secret, callback_timeout=0.3
        )
    )
    check = report.check("callback")
    assert check.status is Verdict.FAIL
    assert check.message == "No answer from 127.0.0.1 within 0.3 s."


async def test_a_url_without_a_secret_fails(make_settings, backend: MerchantBackend) -> None:
    report = await run_checks(make_settings(callback_url=backend.url))
    assert report.check("callback").status is Verdict.FAIL
    assert not backend.received


async def test_no_callback_url_is_a_warning(make_settings) -> None:
    report = await run_checks(make_settings())
    assert report.check("callback").status is Verdict.WARN
    assert "never sent" in report.check("callback").message


@pytest.mark.parametrize(
    ("offset", "verdict", "words"),
    [
        (120, Verdict.WARN, r"(119|120|121) s ahead of the backend's"),
        (-900, Verdict.FAIL, r"(899|900|901) s behind the backend's"),
    ],
)
async def test_clock_skew_against_the_backend(
    make_settings,
    backend: MerchantBackend,
    callback_secret: str,
    offset: float,
    verdict: Verdict,
    words: str,
) -> None:
    settings = make_settings(callback_url=backend.url, callback_secret=callback_secret)
    report = await run_checks(settings, clock=ShiftedClock(offset))
    clock = report.check("clock")
    assert clock.status is verdict
    assert re.search(words, clock.message), clock.message
    assert "timedatectl set-ntp true" in (clock.action or "")
