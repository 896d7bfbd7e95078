import re

import pytest

from kiosk.domain.reasons import Reason, Why
from kiosk.domain.translatable import QT_TRANSLATE_NOOP
from tests.reason_catalogue import declared_reasons


class Sample(Reason):
    DOWN = "sample_down", QT_TRANSLATE_NOOP("Sample", "{who} is down since {seconds:g} s.")
    LATE = "sample_late", QT_TRANSLATE_NOOP("Sample", "Late by {minutes} minutes")
    BACKEND = "sample_backend", QT_TRANSLATE_NOOP("Sample", "the backend")
    CALM = "sample_calm", QT_TRANSLATE_NOOP("Sample", "all is calm")


def test_a_reason_knows_its_value_english_and_fields() -> None:
    assert Sample.DOWN == "sample_down"
    assert Sample.DOWN.english == "{who} is down since {seconds:g} s."
    assert Sample.DOWN.fields == {"who", "seconds"}
    assert Sample.CALM.fields == frozenset()


def test_every_field_of_the_template_must_be_given() -> None:
    with pytest.raises(TypeError, match="needs seconds"):
        Why(Sample.DOWN, who="Twilio")
    assert Why(Sample.CALM, extra=1).values == {"extra": 1}  # more facts are kept


def test_english_words_with_facts_and_reasons_as_values() -> None:
    assert str(Why(Sample.DOWN, who="Twilio", seconds=2.50)) == "Twilio is down since 2.5 s."
    backend = Why(Sample.DOWN, who=Why(Sample.BACKEND), seconds=3)
    assert str(backend) == "The backend is down since 3 s."  # a sentence starts with a capital
    assert str(Why(Sample.DOWN, who="http://x", seconds=1)) == "http://x is down since 1 s."
    assert str(Why(Sample.BACKEND)) == "the backend"  # a phrase stays as it is


def test_words_in_another_language_translate_every_reason_inside() -> None:
    french = {
        Sample.DOWN: "{who} est en panne depuis {seconds:g} s.",
        Sample.BACKEND: "le serveur",
    }
    why = Why(Sample.DOWN, who=Why(Sample.BACKEND), seconds=4)
    assert why.words(lambda reason: french.get(reason, reason.english)) == (
        "Le serveur est en panne depuis 4 s."
    )


def test_reasons_with_the_same_values_are_equal() -> None:
    why = Why(Sample.DOWN, who=Why(Sample.BACKEND), seconds=4)
    assert why == Why(Sample.DOWN, who=Why(Sample.BACKEND), seconds=4)
    assert why != Why(Sample.DOWN, who="x", seconds=4)


def test_the_declared_reasons_have_unique_stable_values() -> None:
    catalogue = declared_reasons()
    names = {cls.__name__ for cls in catalogue}
    assert {"ModemReason", "ProviderReason", "DeliveryReason", "CoreReason", "SourceName"} <= names
    values = [member.value for cls in catalogue for member in cls]
    assert len(values) == len(set(values)), "a reason's value is used twice"
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", value) for value in values)
    for cls in catalogue:
        for member in cls:
            member.english.format_map({field: 1 for field in member.fields})  # a valid template
