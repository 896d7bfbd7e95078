"""What a setting says about itself besides its type, default and meaning.

A setting is declared once, on its field, with ``Annotated`` markers::

    timeout: Annotated[
        float,
        Flag("--timeout"),
        OnScreen(6, QT_TRANSLATE_NOOP("SettingsScreen", "Time to dial"), low=10, high=900),
    ] = Field(120.0, gt=0, description="seconds a customer has to dial")

- :class:`Flag`: its command-line option (a boolean one is a switch);
- :class:`OnScreen`: its row on the staff settings screen (place, label, example, range,
  whether a change needs a restart);
- :class:`DefaultText`: how the README names a default that is computed at start.

The ``description`` is the meaning (``--help`` and the README); a ``SecretStr`` type marks
a secret (masked on screen, never logged). Fields are grouped into :class:`Section`
classes, one README table each. :func:`describe` reads it all back as
:class:`SettingInfo`, from which the command line, the settings screen, the config editor
and the README's tables are generated. No Qt here: screen texts are only marked for
Qt Linguist with :func:`~kiosk.domain.translatable.QT_TRANSLATE_NOOP`.
"""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, SecretStr
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

ENV_PREFIX = "KIOSK_"
_T = TypeVar("_T")


@dataclass(frozen=True, init=False)
class Flag:
    """The setting's command-line option: ``Flag("-v", "--verbose")``.

    ``kiosk_screen`` options exist only without a subcommand (the "kiosk screen" group);
    the others are taken by every command, before or after it.
    """

    names: tuple[str, ...]
    kiosk_screen: bool

    def __init__(self, *names: str, kiosk_screen: bool = False) -> None:
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "kiosk_screen", kiosk_screen)


@dataclass(frozen=True)
class OnScreen:
    """A row on the staff settings screen, in the order of ``place``.

    ``label`` and ``example`` (greyed in an empty field; for a choice, the name of "not
    set") are English, marked with ``QT_TRANSLATE_NOOP("SettingsScreen", …)``. Numbers
    get ``low``…``high`` in steps of ``step`` with ``unit`` after them; ``choices`` maps
    each value to the name shown. ``restart``: a change applies after a restart.
    """

    place: int
    label: str
    example: str = ""
    restart: bool = False
    choices: Mapping[str, str] | None = None
    low: float = 0
    high: float = 0
    step: float = 5
    unit: str = ""
    max_length: int = 0


@dataclass(frozen=True)
class DefaultText:
    """How the README names a default that is worked out at start ("host name")."""

    text: str


class Section(BaseModel):
    """A group of settings, one table in the README; :class:`Settings` mixes them in.

    ``key`` names the README's table (``<!-- settings:KEY -->``); ``title`` says what
    the settings are about.
    """

    key: ClassVar[str]
    title: ClassVar[str]


@dataclass(frozen=True)
class SettingInfo:
    """Everything declared about one setting, read back from its field."""

    name: str
    section: str
    value_type: type
    optional: bool
    default: Any
    meaning: str
    flag: Flag | None
    screen: OnScreen | None
    default_text: str | None

    @property
    def env(self) -> str:
        """Its environment variable (``KIOSK_TIMEOUT``)."""
        return ENV_PREFIX + self.name.upper()

    @property
    def secret(self) -> bool:
        """A secret: masked on screen, removed from logs and diagnostics."""
        return self.value_type is SecretStr

    @property
    def switch(self) -> bool:
        """A yes/no setting (its option takes no value)."""
        return self.value_type is bool

    @property
    def place(self) -> int:
        """Its place on the settings screen (0 when it is not shown there)."""
        return self.screen.place if self.screen else 0

    @property
    def restart(self) -> bool:
        """Changed on the settings screen, it applies after a restart."""
        return self.screen is not None and self.screen.restart

    @property
    def shown_default(self) -> str:
        """The default in words, Markdown (``none``, ``false``, ``120``, `` `IN` ``)."""
        if self.default_text is not None:
            return self.default_text
        value = self.default
        if value is None:
            return "none"
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, str):
            return f"`{value}`" if value else '`""`'
        return str(value)

    @property
    def number(self) -> bool:
        """A number (int or float)."""
        return self.value_type in (int, float)


def is_secret(field: FieldInfo) -> bool:
    """A secret setting's field (``SecretStr``, optional or not)."""
    return _plain_type(field.annotation)[0] is SecretStr


def describe(model: type[BaseModel]) -> tuple[SettingInfo, ...]:
    """Every setting of ``model``, section by section, each in the order it is declared."""
    infos = []
    for section in model.__mro__:
        if not issubclass(section, Section) or section is Section:
            continue
        for name in inspect.get_annotations(section):
            if name in model.model_fields:
                infos.append(_info(name, section.key, model.model_fields[name]))
    return tuple(infos)


def _info(name: str, section: str, field: FieldInfo) -> SettingInfo:
    value_type, optional = _plain_type(field.annotation)
    default = field.get_default(call_default_factory=False)
    return SettingInfo(
        name=name,
        section=section,
        value_type=value_type,
        optional=optional,
        default=None if default is PydanticUndefined else default,
        meaning=field.description or "",
        flag=_marker(field, Flag),
        screen=_marker(field, OnScreen),
        default_text=marker.text if (marker := _marker(field, DefaultText)) else None,
    )


def _marker(field: FieldInfo, kind: type[_T]) -> _T | None:
    return next((item for item in field.metadata if isinstance(item, kind)), None)


def _plain_type(annotation: Any) -> tuple[type, bool]:
    """The value's type without ``None`` (``str | None`` → ``str``), and whether None is allowed."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return _plain_type(members[0])[0], True
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return type(typing.get_args(annotation)[0]), False
    return (origin or annotation), False
