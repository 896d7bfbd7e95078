"""The reasons from the layers below, in the screen's language."""

from string import Formatter

from pytestqt.qtbot import QtBot

from kiosk.core.reasons import CoreReason
from kiosk.domain.reasons import Reason, Why
from kiosk.sources.modem.reasons import ModemReason
from kiosk.sources.provider.reasons import ProviderReason
from kiosk.ui.i18n import Languages
from kiosk.ui.reason_words import reason_words, translated_template
from tests.reason_catalogue import declared_reasons


def fields(template: str) -> list[str]:
    return sorted(f"{name}:{spec}" for _, name, spec, _ in Formatter().parse(template) if name)


def has_words(template: str) -> bool:
    return any(c.isalpha() for literal, *_ in Formatter().parse(template) for c in literal)


def test_every_declared_reason_is_in_hindi_with_the_same_values(qtbot: QtBot) -> None:
    members: list[Reason] = [member for cls in declared_reasons() for member in cls]
    languages = Languages("hi")
    try:
        for member in members:
            hindi = translated_template(member)
            assert hindi != member.english or not has_words(hindi), member
            assert fields(hindi) == fields(member.english), member
    finally:
        languages.switch("en")


def test_nested_reasons_follow_the_language(qtbot: QtBot) -> None:
    trouble = Why(ProviderReason.TROUBLE, provider=Why(CoreReason.MERCHANT_BACKEND), status=503)
    sms = Why(ModemReason.SMS_NOT_SENT_CODE, cause=Why(ModemReason.SMS_NO_CENTRE), code=330)
    assert reason_words(trouble) == "The merchant backend is having problems (HTTP 503); retrying."
    languages = Languages("hi")
    try:
        assert reason_words(trouble) == (
            "व्यापारी के बैकएंड में समस्या है (HTTP 503); फिर से कोशिश की जा रही है।"
        )
        assert reason_words(sms) == "SMS नहीं भेजा गया: SIM में मैसेज-सेंटर नंबर नहीं है (त्रुटि 330)।"
    finally:
        languages.switch("en")
    assert reason_words(sms) == (
        "The text message was not sent: the SIM has no message-centre number (error 330)."
    )
