"""Building a provider adapter from the settings, saying which setting is missing."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from pydantic import SecretStr

from kiosk.domain.reasons import Why
from kiosk.sources.base import CallSource
from kiosk.sources.provider.base import ProviderAdapter
from kiosk.sources.provider.http_json import HttpJsonAdapter, JsonMapping
from kiosk.sources.provider.reasons import ProviderReason
from kiosk.sources.provider.webhook import ReplayGuard

if TYPE_CHECKING:
    from kiosk.config.settings import Settings

#: Default request budgets: Exotel documents 200/min for voice APIs, Plivo 300 per 5 s.
REQUESTS_PER_MINUTE = {"twilio": 60.0, "exotel": 200.0, "plivo": 3600.0, "http-json": 60.0}


class _Endpoint(TypedDict, total=False):
    """Where a provider's API is, when not its public address (tests, regional clusters)."""

    base_url: str


class ProviderSetupError(ValueError):
    """A provider is chosen but its settings are incomplete; ``why`` names what is missing."""

    def __init__(self, why: Why) -> None:
        """Keep the reason; ``str()`` gives its English words."""
        super().__init__(str(why))
        self.why = why


def provider_adapter(settings: Settings, name: str) -> ProviderAdapter:
    """The adapter for provider ``name`` ("twilio", "exotel", "plivo", "http-json")."""
    number = settings.dial_number
    if not number:
        raise ProviderSetupError(Why(ProviderReason.NEEDS_DIAL_NUMBER, provider=name))
    base: _Endpoint = {"base_url": settings.provider_base_url} if settings.provider_base_url else {}
    if name == "twilio":
        from kiosk.sources.provider.twilio.call_log import TwilioAdapter

        return TwilioAdapter(
            account_sid=_required(settings.twilio_account_sid, "KIOSK_TWILIO_ACCOUNT_SID"),
            auth_token=_secret(settings.twilio_auth_token, "KIOSK_TWILIO_AUTH_TOKEN"),
            number=number,
            region=settings.region,
            **base,
        )
    if name == "exotel":
        from kiosk.sources.provider.exotel import ExotelAdapter

        return ExotelAdapter(
            account_sid=_required(settings.exotel_account_sid, "KIOSK_EXOTEL_ACCOUNT_SID"),
            api_key=_required(settings.exotel_api_key, "KIOSK_EXOTEL_API_KEY"),
            api_token=_secret(settings.exotel_api_token, "KIOSK_EXOTEL_API_TOKEN"),
            number=number,
            region=settings.region,
            timezone=settings.exotel_timezone,
            **base,
        )
    if name == "plivo":
        from kiosk.sources.provider.plivo import PlivoAdapter

        return PlivoAdapter(
            auth_id=_required(settings.plivo_auth_id, "KIOSK_PLIVO_AUTH_ID"),
            auth_token=_secret(settings.plivo_auth_token, "KIOSK_PLIVO_AUTH_TOKEN"),
            number=number,
            region=settings.region,
            **base,
        )
    if name == "http-json":
        header = settings.http_json_auth_header
        return HttpJsonAdapter(
            url_template=_required(settings.http_json_url, "KIOSK_HTTP_JSON_URL"),
            number=number,
            mapping=JsonMapping(
                items=settings.http_json_items,
                caller=settings.http_json_caller,
                dialed=settings.http_json_dialed,
                time=settings.http_json_time,
                id=settings.http_json_id,
            ),
            headers={"Authorization": header.get_secret_value()} if header else None,
            region=settings.region,
        )
    raise ProviderSetupError(Why(ProviderReason.UNKNOWN, provider=name))


def _required(value: str | None, variable: str) -> str:
    if not value:
        raise ProviderSetupError(Why(ProviderReason.SETTING_MISSING, variable=variable))
    return value


def _secret(value: SecretStr | None, variable: str) -> str:
    return _required(value.get_secret_value() if value is not None else None, variable)


def inbound_listener(settings: Settings, replay_guard: ReplayGuard) -> CallSource:
    """The listener for providers' call notifications (``inbound_listen``).

    ``replay_guard`` remembers the notifications taken (in the database).
    """
    from kiosk.sources.provider.inbound import InboundCallListener

    if not settings.dial_number:
        raise ProviderSetupError(Why(ProviderReason.INBOUND_NEEDS_DIAL_NUMBER))
    token = settings.twilio_auth_token
    secret = settings.inbound_secret
    return InboundCallListener(
        host=settings.inbound_host,
        port=settings.inbound_port,
        number=settings.dial_number,
        region=settings.region,
        twilio_auth_token=token.get_secret_value() if token else None,
        public_url=settings.inbound_public_url,
        shared_secret=secret.get_secret_value() if secret else None,
        allow_query_secret=settings.inbound_allow_query_secret,
        replay_guard=replay_guard,
        timezone=settings.exotel_timezone,
        skew_tolerance=settings.provider_skew_tolerance,
    )
